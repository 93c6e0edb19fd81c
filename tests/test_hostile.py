"""Hostile data and terminals: a clean error or a correct, safe output; never a traceback."""
import os
import re
import subprocess
import sys
import time

import pytest

from inl_cli.load import bundled_path

BUNDLED = bundled_path() / "cote_divoire.yaml"


def inl(*args, env=None, stdin=None):
    """Run the installed command in a real process, as a shell would."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    environment.pop("INL_DATA", None)
    return subprocess.run([sys.executable, "-m", "inl_cli", *args], capture_output=True, env=environment)


def test_crlf_line_endings_read_the_same(run, tmp_path):
    path = tmp_path / "crlf.yaml"
    path.write_bytes(BUNDLED.read_bytes().replace(b"\n", b"\r\n"))
    assert run("--data", str(path), "export", "-f", "json").stdout == run("export", "-f", "json").stdout


def test_a_byte_order_mark_is_accepted(run, tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BUNDLED.read_bytes())
    result = run("--data", str(path), "show", "overview", "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "Country,Côte d'Ivoire (CI)"


def test_alias_bombs_are_refused_quickly(run, program):
    levels = ['  - &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = program("goals:\n  - {id: g, title: T, text: T}\ncrimes:\n" + "\n".join(levels) + "\n"
                   "accomplishments:\n  - {id: a, title: T, summary: S, details: *a9}\n")
    started = time.perf_counter()
    result = run("--data", str(path), "show", "goals")
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1
    assert "crimes: unknown field" in result.stderr
    assert "accomplishments[0].details[0]: expected text, got a list" in result.stderr
    assert elapsed < 5, "a bomb of 9**10 strings must not be expanded"


def test_a_list_used_twice_by_alias_is_refused(run, program):
    path = program("goals:\n  - &g {id: g, title: T, text: T}\n  - *g\n")
    result = run("--data", str(path), "show", "goals")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].endswith(
        "program.yaml:6:5: goals[1]: repeats the mapping anchored here through an alias (*name); "
        "aliases are not supported, write it out")


def test_very_long_strings_are_kept_whole(run, program):
    title = "x" * 200_000
    path = program(f"accomplishments:\n  - {{id: a, title: {title}, summary: s, date: \"2014\"}}\n")
    result = run("--data", str(path), "timeline", "-f", "csv")
    assert result.exit_code == 0
    assert title in result.stdout


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system",
                                 "!!python/object/new:os.system"])
def test_python_tags_are_refused_without_running(run, program, tmp_path, tag):
    marker = tmp_path / "ran"
    path = program(f"goals:\n  - id: g\n    title: {tag} [\"touch {marker}\"]\n    text: t\n")
    result = run("--data", str(path), "validate")
    assert result.exit_code == 1
    assert not marker.exists()


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


def test_a_closed_pipe_ends_quietly():
    shell = f"{sys.executable} -m inl_cli --data {BUNDLED} export | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True)
    assert result.stdout == "# INL in Côte d'Ivoire\n"
    assert result.stderr == ""
    assert result.returncode == 0


@pytest.mark.parametrize("args", [["show", "accomplishments"], ["timeline", "--chart"], ["search", "cote"]])
def test_an_ascii_only_stdout_gets_plain_characters(args):
    result = inl(*args, env={"PYTHONIOENCODING": "ascii", "LANG": "C", "LC_ALL": "C", "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    text = result.stdout.decode("ascii")
    assert "Cote d'Ivoire" in text


@pytest.mark.parametrize("args, expected", [
    (["export", "-f", "json"], '"name": "Côte d\'Ivoire"'),
    (["export"], "# INL in Côte d'Ivoire"),
    (["show", "goals", "-f", "csv"], "Respect for human rights"),
    (["show", "overview", "-f", "csv"], "Country,Côte d'Ivoire (CI)"),
    (["show", "overview", "-f", "json"], '"value": "Côte d\'Ivoire (CI)"'),
])
def test_machine_formats_on_an_ascii_stdout_are_utf8_bytes_never_changed_data(args, expected):
    """Issue 13, point 16: CSV, JSON, YAML and Markdown never lose accents; tables may simplify."""
    result = inl(*args, env={"PYTHONIOENCODING": "ascii", "LANG": "C", "LC_ALL": "C"})
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout.decode("utf-8")
    assert "Cote d" not in result.stdout.decode("utf-8")


@pytest.mark.parametrize("width", [20, 40])
def test_narrow_terminals_fit(run, width):
    for args in (["show", "accomplishments"], ["show", "overview"], ["timeline"], ["timeline", "--chart"]):
        result = run(*args, "--width", str(width))
        assert result.exit_code == 0
        # A URL is printed whole on a line of its own (issue 13), even when longer than the terminal.
        lines = [line for line in result.stdout.splitlines() if not re.fullmatch(r"(\[\d+\] )?https?://\S+", line)]
        assert max(map(len, lines)) <= width, args


def test_markup_and_escapes_in_every_human_format(run, program):
    path = program("""\
        goals:
          - id: g
            title: "[red]x[/red] \\e]8;;http://evil\\a link \\e[2J"
            text: "\\x9b31m c1"
        """)
    for fmt in ("table", "markdown"):
        out = run("--data", str(path), "show", "goals", "-f", fmt, "--width", "120").stdout
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
        assert "x" in out and "link" in out
    assert "[red]x[/red] ]8;;http://evil link [2J" in run("--data", str(path), "show", "goals", "--width",
                                                          "160").stdout
