"""Hostile files: what -o writes, what is read, and what cannot be read; never a clobbered file or a hang."""
import os
import resource
import signal
import stat
import subprocess
import sys
import textwrap

import pytest
from conftest import SMALL_PAGE

from inl_cli.load import bundled_path

BUNDLED = bundled_path() / "cote_divoire.yaml"


def inl(*args, stdout=subprocess.PIPE, timeout=30, cwd=None):
    """Run the command in a real process, as a shell would, with a memory cap in case it reads without end."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))

    environment = {**os.environ, "NO_COLOR": "1"}
    environment.pop("INL_DATA", None)
    return subprocess.run([sys.executable, "-m", "inl_cli", *args], stdout=stdout, stderr=subprocess.PIPE,
                          env=environment, timeout=timeout, cwd=cwd, preexec_fn=limit, text=True)


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -o: where the output goes ------------------------------------------------------------------------------------

def test_o_onto_a_fifo_writes_through_it_and_leaves_it_a_fifo(run, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = run("export", "-o", str(fifo))
        received = b""
        while chunk := os.read(reader, 65536):
            received += chunk
    finally:
        os.close(reader)
    assert result.exit_code == 0, result.output
    assert received.decode() == run("export").stdout
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_o_onto_a_fifo_nobody_reads_is_refused_without_hanging(run, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run("export", "-o", str(fifo))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: Could not open file '{fifo}': No such device or address"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_o_through_a_link_to_an_open_descriptor_writes_to_it(tmp_path):
    """/dev/stdout is a link to /proc/self/fd/1; a link of our own stands in for it, so /dev is never touched."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = inl("--data", str(BUNDLED), "export", "-f", "json", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("{\n")
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_o_through_a_link_replaces_the_target_and_keeps_the_link(run, tmp_path):
    (tmp_path / "real.md").write_text("old", encoding="utf-8")
    (tmp_path / "link.md").symlink_to("real.md")
    assert run("export", "-o", str(tmp_path / "link.md")).exit_code == 0
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real.md").read_text(encoding="utf-8") == run("export").stdout


@pytest.mark.parametrize("command", [["export"], ["import", "page.txt"]])
def test_o_dash_is_stdout_and_an_empty_name_is_a_usage_error(run, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_text(SMALL_PAGE, encoding="utf-8")
    dash = run(*command, "-o", "-")
    assert dash.exit_code == 0, dash.output
    assert ("schema_version: 1" if command[0] == "import" else "# INL in Côte d'Ivoire") in dash.stdout
    assert not (tmp_path / "-").exists()
    empty = run(*command, "-o", "")
    assert empty.exit_code == 2
    assert "Invalid value for '--output' / '-o': give a file name, or - for standard output" in empty.stderr


def test_a_new_file_gets_the_umask_mode(run, tmp_path):
    previous = os.umask(0o022)
    try:
        assert run("export", "-o", str(tmp_path / "new.md")).exit_code == 0
        os.umask(0o027)
        assert run("export", "-o", str(tmp_path / "group.md")).exit_code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(os.stat(tmp_path / "new.md").st_mode) == 0o644
    assert stat.S_IMODE(os.stat(tmp_path / "group.md").st_mode) == 0o640


def test_a_replaced_file_keeps_its_mode_and_owner(run, tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o604)
    if os.geteuid() == 0:  # CI runs as root: give the file away, as a shared folder would have it
        os.chown(target, 65534, 65534)
    before = os.stat(target)
    assert run("export", "-o", str(target)).exit_code == 0
    after = os.stat(target)
    assert after.st_ino != before.st_ino  # replaced, not written in place
    assert (stat.S_IMODE(after.st_mode), after.st_uid, after.st_gid) == (0o604, before.st_uid, before.st_gid)


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_terminating_signal_during_a_write_leaves_no_temporary_file(tmp_path, name):
    """The signal arrives while the temporary file is being synced; the process still ends by that signal."""
    script = textwrap.dedent(f"""\
        import os, signal
        from inl_cli import files
        signal.signal(signal.{name}, signal.SIG_DFL)  # as in a shell, even if this test runs under nohup
        os.fsync = lambda fd: os.kill(os.getpid(), signal.{name})
        files.write_atomic({str(tmp_path / "out.md")!r}, "x" * 100_000)
        print("survived")
        """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert result.returncode == -getattr(signal, name)
    assert result.stdout == "" and result.stderr == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["export"], ["validate"], ["show", "goals"], ["--help"], ["show", "-h"],
                                  ["--version"]])
def test_a_full_disk_on_stdout_is_one_line_and_exit_1(args):
    with open("/dev/full", "w") as full:
        result = inl("--data", str(BUNDLED), *args, stdout=full)
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write the output: No space left on device\n"


# Reading: only regular files, at most 20 MB -----------------------------------------------------------------

def test_a_fifo_given_as_the_data_is_a_problem_not_a_hang(tmp_path):
    fifo = tmp_path / "program.yaml"
    os.mkfifo(fifo)
    result = inl("--data", str(fifo), "show", "goals", timeout=20)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{fifo}:1:1: cannot read: not a regular file (a FIFO or pipe)",
                                          "Error: 1 problem in 1 file"]


def test_a_fifo_found_in_a_folder_is_a_problem_not_a_hang(tmp_path):
    (tmp_path / "good.yaml").write_bytes(BUNDLED.read_bytes())
    os.mkfifo(tmp_path / "waiting.yaml")
    result = inl("validate", str(tmp_path), timeout=20)
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path / 'waiting.yaml'}:1:1: cannot read: not a regular file (a FIFO or pipe)\n"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_a_problem_not_a_hang(device):
    result = inl("validate", device, timeout=20)
    assert result.returncode == 1
    assert result.stdout == f"{device}:1:1: cannot read: not a regular file (a character device)\n"


def test_import_of_a_fifo_or_device_is_one_line(tmp_path):
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        result = inl("import", path, timeout=20)
        assert result.returncode == 1
        assert result.stderr.splitlines()[-1].endswith("not a regular file (a FIFO or pipe)" if path == str(fifo)
                                                       else "not a regular file (a character device)")
        assert len(result.stderr.splitlines()) == 1


def test_a_file_over_20_mb_is_refused_with_its_size(run, tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as out:
        out.truncate(20 * 2**20 + 1)  # sparse: no disk used
    result = run("validate", str(big))
    assert result.exit_code == 1
    assert result.stdout == f"{big}:1:1: cannot read: larger than 20 MB; a program file is far smaller\n"


def test_the_same_file_twice_is_not_a_duplicate_of_itself(run, tmp_path):
    (tmp_path / "a.yaml").write_bytes(BUNDLED.read_bytes())
    result = run("validate", str(tmp_path / "a.yaml"), str(tmp_path / "a.yaml"), str(tmp_path))
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "No problems in 1 file\n"


def test_two_pipes_are_problem_lines_not_a_traceback():
    shell = f"{sys.executable} -m inl_cli validate <(cat {BUNDLED}) <(cat {BUNDLED})"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(line.endswith("cannot read: not a regular file (a FIFO or pipe)")
                                   for line in lines)
    assert result.stderr == "2 problems in 2 files\n"


# Permissions: simulated, because CI runs as root ------------------------------------------------------------

def deny(monkeypatch, *folders, inside=False):
    """os.scandir fails on `folders`; with `inside`, os.stat and os.open fail on what they hold (no search right)."""
    scandir, stat_, open_ = os.scandir, os.stat, os.open
    denied = [str(f) for f in folders]

    def refuse(path):
        text = os.fspath(path)
        if inside and any(text.startswith(f + os.sep) for f in denied):
            raise PermissionError(13, "Permission denied", text)

    def fake_scandir(path="."):
        if os.fspath(path) in denied and not inside:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    def fake_stat(path, *args, **kwargs):
        refuse(path)
        return stat_(path, *args, **kwargs)

    def fake_open(path, *args, **kwargs):
        refuse(path)
        return open_(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(os, "stat", fake_stat)
    monkeypatch.setattr(os, "open", fake_open)


def test_an_unreadable_subfolder_with_recursive_is_reported(run, tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_bytes(BUNDLED.read_bytes())
    (tmp_path / "more").mkdir()
    deny(monkeypatch, tmp_path / "more")
    result = run("--data", str(tmp_path), "--recursive", "countries")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{tmp_path / 'more'}:1:1: cannot read this folder: permission denied",
                                          "Error: 1 problem in 1 file"]
    validated = run("--recursive", "validate", str(tmp_path))
    assert validated.exit_code == 1
    assert validated.stdout == f"{tmp_path / 'more'}:1:1: cannot read this folder: permission denied\n"


def test_an_unreadable_folder_says_permission_denied(run, tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_bytes(BUNDLED.read_bytes())
    deny(monkeypatch, tmp_path)
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == f"{tmp_path}:1:1: cannot read this folder: permission denied\n"


def test_a_file_in_a_folder_without_search_permission_is_a_problem_line(run, tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.yaml").write_bytes(BUNDLED.read_bytes())
    deny(monkeypatch, tmp_path / "locked", inside=True)
    for args in (["validate", str(tmp_path / "locked")], ["validate", str(tmp_path / "locked" / "a.yaml")]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stdout == f"{tmp_path / 'locked' / 'a.yaml'}:1:1: cannot read: Permission denied\n"


def test_a_folder_with_unreadable_and_non_yaml_files(run, tmp_path):
    (tmp_path / "good.yaml").write_bytes(BUNDLED.read_bytes())
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "missing-target.yaml")
    result = run("--data", str(tmp_path), "countries")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'gone.yaml'}:1:1: cannot read: No such file or directory",
        "Error: 1 problem in 1 file",
    ]


def test_a_folder_that_links_to_itself_is_read_once(run, tmp_path):
    (tmp_path / "a.yaml").write_bytes(BUNDLED.read_bytes())
    (tmp_path / "loop").symlink_to(tmp_path)
    result = run("--data", str(tmp_path), "--recursive", "countries", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2


# -o onto a file the user may not write; long names; a trailing slash ----------------------------------------

_AS_NOBODY = """
import contextlib, io, os, sys
from inl_cli.commands import main

# The interpreter and its libraries may live where nobody cannot read (/root/.pyenv): every module the
# commands use is loaded first, by running them once on the bundled program, and only then is root given up.
for warm in (["export"], ["export", "-o", os.devnull], ["show", "goals"], ["export", "-f", "csv", "-s", "goals"], ["validate"]):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main(["--data", sys.argv[1], *warm], prog_name="inl")
        except SystemExit:
            pass
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
main(sys.argv[2:], prog_name="inl")
"""


def as_nobody(*args, folder):
    """`inl ARGS` as the user nobody (CI runs as root, who may write and read anything), from `folder`.

    Run as another user already, the command runs as that user, for whom a 0444 or 000 file is as closed.
    """
    environment = {**os.environ, "NO_COLOR": "1", "HOME": str(folder)}
    environment.pop("INL_DATA", None)
    return subprocess.run([sys.executable, "-c", _AS_NOBODY, str(BUNDLED), *args], capture_output=True,
                          env=environment, timeout=30, cwd=folder, text=True)


@pytest.fixture
def shared(tmp_path_factory):
    """A folder everyone may write (pytest's own are private to their owner)."""
    import tempfile

    folder = tempfile.mkdtemp(prefix="inl-shared-")
    os.chmod(folder, 0o777)
    yield __import__("pathlib").Path(folder)
    __import__("shutil").rmtree(folder, ignore_errors=True)


def test_o_refuses_a_read_only_file_in_a_writable_folder(shared):
    locked = shared / "locked.md"
    locked.write_text("keep me", encoding="utf-8")
    os.chmod(locked, 0o444)
    result = as_nobody("--data", str(BUNDLED), "export", "-o", "locked.md", folder=shared)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == ["Error: Could not open file 'locked.md': permission denied"]
    assert locked.read_text(encoding="utf-8") == "keep me"
    assert stat.S_IMODE(os.stat(locked).st_mode) == 0o444
    assert leftovers(shared) == []


def test_o_refuses_another_users_file_it_may_not_write(shared):
    theirs = shared / "theirs.md"
    theirs.write_text("keep me", encoding="utf-8")
    os.chmod(theirs, 0o644)
    if os.geteuid() != 0:
        os.chmod(theirs, 0o444)  # not root: a file this user may not write stands in for root's
    before = os.stat(theirs)
    result = as_nobody("--data", str(BUNDLED), "export", "-o", str(theirs), folder=shared)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [f"Error: Could not open file '{theirs}': permission denied"]
    after = os.stat(theirs)
    assert (after.st_ino, after.st_uid, theirs.read_text(encoding="utf-8")) == (before.st_ino, before.st_uid,
                                                                                "keep me")


def test_a_long_legal_name_can_be_written(run, tmp_path):
    name = "r" * 250 + ".md"  # 253 bytes: legal, though `.NAME.xxxxxxxx.tmp` beside it would not be
    result = run("export", "-o", str(tmp_path / name))
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).read_text(encoding="utf-8") == run("export").stdout
    assert leftovers(tmp_path) == []


def test_export_o_with_a_trailing_slash_names_a_folder_and_is_a_usage_error(run, tmp_path, monkeypatch):
    """(`import -o programs/` is a folder that gets one file per country.)"""
    monkeypatch.chdir(tmp_path)
    result = run("export", "-o", "x.md/")
    assert result.exit_code == 2
    assert "Invalid value for '--output' / '-o': x.md/ ends in /, which names a folder; give a file name" in (
        result.stderr)
    assert not (tmp_path / "x.md").exists()


def test_export_o_naming_an_existing_folder_is_a_usage_error(run, tmp_path):
    (tmp_path / "reports").mkdir()
    result = run("export", "-o", str(tmp_path / "reports"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (f"Error: Invalid value for '--output' / '-o': {tmp_path / 'reports'} "
                                              "is a folder; give a file name")
    assert list((tmp_path / "reports").iterdir()) == []


def test_export_o_dash_is_stdout_even_beside_a_folder_named_dash(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").mkdir()
    result = run("export", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == run("export").stdout


@pytest.mark.parametrize("where", [["--data", "perm", "validate"], ["validate", "perm"], ["--data", "perm", "show", "goals"],
                                   ["--data", "t", "validate"]])
def test_an_unreadable_file_named_on_the_command_line_is_a_problem_line(shared, where):
    """Click's own check said "Path 'perm' is not readable." with exit 2; the README promises a problem line."""
    (shared / "t").mkdir()
    for path in (shared / "perm", shared / "t" / "a.yaml"):
        path.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
        os.chmod(path, 0o000)
    result = as_nobody(*where, folder=shared)
    assert result.returncode == 1, result.stderr
    shown = result.stdout if "validate" in where else result.stderr
    name = "perm" if "perm" in where else "t/a.yaml"
    assert shown.splitlines()[0] == f"{name}:1:1: cannot read: Permission denied"
    assert "not readable" not in result.stderr


def test_recursive_does_not_follow_a_linked_folder(run, tmp_path):
    """`--data /proc --recursive` never ended: a linked folder may lead anywhere, so it is not entered."""
    (tmp_path / "own").mkdir()
    (tmp_path / "own" / "a.yaml").write_bytes(BUNDLED.read_bytes())
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "deep").mkdir(parents=True)
    (elsewhere / "deep" / "b.yaml").write_text("not: [a program\n", encoding="utf-8")
    (tmp_path / "own" / "proc").symlink_to("/proc")
    (tmp_path / "own" / "away").symlink_to(elsewhere)
    result = run("--data", str(tmp_path / "own"), "--recursive", "validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == "No problems in 1 file\n"


def test_a_writable_file_in_a_read_only_folder_is_written_in_place_as_a_shell_would(shared):
    """`>` writes a file the user may write in a folder they may not: so does -o (no temporary file there)."""
    folder = shared / "closed"
    folder.mkdir()
    report = folder / "report.md"
    report.write_text("old", encoding="utf-8")
    os.chmod(report, 0o666)
    os.chmod(folder, 0o555)
    try:
        result = as_nobody("--data", str(BUNDLED), "export", "-o", str(report), folder=shared)
    finally:
        os.chmod(folder, 0o755)
    assert result.returncode == 0, result.stderr
    assert report.read_text(encoding="utf-8").startswith("# INL in Côte d'Ivoire\n")
    assert sorted(p.name for p in folder.iterdir()) == ["report.md"]


@pytest.mark.parametrize("redirect", [">", ">>"])
def test_o_dev_stdout_writes_where_the_shell_stands(tmp_path, redirect):
    """`{ echo HEADER; inl export -o /dev/stdout; echo FOOTER; } > f` keeps HEADER; `>>` keeps the log."""
    out = tmp_path / "f.csv"
    out.write_text("LOG\n", encoding="utf-8")
    script = (f"{{ echo HEADER; {sys.executable} -m inl_cli export -f csv --section goals -o /dev/stdout; "
              f"echo FOOTER; }} {redirect} {out}")
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                            env={**os.environ, "INL_DATA": str(BUNDLED)}, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    before = ["LOG", "HEADER"] if redirect == ">>" else ["HEADER"]
    assert lines[:len(before)] == before
    assert lines[len(before)].startswith("id,")
    assert lines[-1] == "FOOTER"


@pytest.mark.parametrize("command, closed, code, message", [
    ("timeline", ">&-", 1, "Error: cannot write the output: standard output is closed"),
    ("validate", ">&-", 1, "Error: cannot write the output: standard output is closed"),
    ("import -", "<&-", 1, None),
    ("show nope", "2>&-", 2, ""),
])
def test_a_closed_standard_stream_ends_with_a_line_and_the_right_code(command, closed, code, message):
    result = subprocess.run(["bash", "-c", f"{sys.executable} -m inl_cli {command} {closed}"], capture_output=True,
                            text=True, env={**os.environ, "INL_DATA": str(BUNDLED)}, timeout=60)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    if message is not None:
        assert result.stderr.strip() == message
    else:
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: ")


def test_an_output_name_that_is_not_utf8_is_written_and_shown_escaped(tmp_path):
    name = os.fsdecode(b"bad\xff.md")
    result = subprocess.run([sys.executable, "-m", "inl_cli", "export", "-o", name], capture_output=True,
                            cwd=tmp_path, env={**os.environ, "INL_DATA": str(BUNDLED)}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b"Wrote bad\\xff.md\n"
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("# INL in C")


def test_export_never_writes_over_a_program_it_reads(run, tmp_path):
    program = tmp_path / "p.yaml"
    program.write_bytes(BUNDLED.read_bytes())
    result = run("--data", str(program), "export", "--format", "markdown", "-o", str(program))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (f"Error: {program} is a program file being read; write the export "
                                              "to another file")
    assert program.read_bytes() == BUNDLED.read_bytes()
