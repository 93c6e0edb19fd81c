"""Hostile terminals and text bound for one: control characters shown escaped, widths kept, odd stdouts."""
import json
import os
import re
import subprocess
import sys

import pytest
from conftest import SMALL_PAGE

from inl_cli.load import bundled_path
from inl_cli.render import clean

BUNDLED = bundled_path() / "cote_divoire.yaml"
RAW = ("\x1b", "\x07", "\x9b", "\r", "\u202e", "\x7f")


def inl(*args, env=None):
    """Run the installed command in a real process, as a shell would."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    environment.pop("INL_DATA", None)
    return subprocess.run([sys.executable, "-m", "inl_cli", *args], capture_output=True, env=environment)


def assert_no_raw_controls(text: str):
    assert not any(char in text for char in RAW), repr(text)


@pytest.mark.parametrize("text, shown", [
    ("\x1b]52;c;ZXZpbA==\x07", "\\x1b]52;c;ZXZpbA==\\x07"),
    ("\x1b[2K\r", "\\x1b[2K\\r"),
    ("\x9b31m \x7f", "\\x9b31m \\x7f"),
    ("abc\u202eexe.yaml", "abc\\u202eexe.yaml"),
    ("a\u2066b\u200fc", "a\\u2066b\\u200fc"),
    ("line\nbreak\ttab", "line\nbreak\ttab"),
])
def test_one_function_shows_control_characters_escaped(text, shown):
    assert clean(text) == shown
    assert clean(text, lines=False) == shown.replace("\n", "\\n")


def test_validate_escapes_keys_and_tags_that_quote_data(run, program):
    path = program("""\
        goals:
          - id: g
            title: !<%1B[2J%C2%9B> x
            text: t
            "\\e]52;c;ZXZpbA==\\a\\e[2K\\r": x
        """)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert_no_raw_controls(result.stdout)
    assert [line.rsplit("/", 1)[-1] for line in result.stdout.splitlines()] == [
        "program.yaml:7:12: goals[0].title: expected text, got \\x1b[2J\\x9b (put it in quotes)",
        "program.yaml:9:5: goals[0].\\x1b]52;c;ZXZpbA==\\x07\\x1b[2K\\r: unknown field "
        "(expected one of: id, title, text, crimes, events)",
    ]
    shown = run("--data", str(path), "show", "goals")
    assert_no_raw_controls(shown.stderr)
    listed = json.loads(run("validate", str(path), "-f", "json").stdout)
    assert listed[0]["message"] == "expected text, got \x1b[2J\x9b (put it in quotes)"  # JSON keeps the data
    assert_no_raw_controls(run("validate", str(path), "-f", "json").stdout)


def test_json_escapes_every_unsafe_character_and_a_lone_surrogate():
    from inl_cli.render.json import dumps

    assert dumps({"a": "x\udcffy\u202e\x1b\x9b"}) == '{\n  "a": "x\\udcffy\\u202e\\u001b\\u009b"\n}\n'
    assert json.loads(dumps({"a": "x\u202e"})) == {"a": "x\u202e"}  # the data unchanged


def test_file_names_are_escaped_and_stay_one_line(run, program, tmp_path):
    name = "bad\x1b[2Jname\u202e\nx.yaml"
    program("goals: 3\n", name=name)
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path}/bad\\x1b[2Jname\\u202e\\nx.yaml:5:8: goals: expected a list, got a number"]


def test_country_suggestions_are_escaped(run, program):
    path = program(base=program().read_text(encoding="utf-8").replace("name: Testland,",
                                                                       'name: "Test\\e[31mland\\u202e",'))
    result = run("--data", str(path), "--country", "testlandia", "show", "goals")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--country': no program for 'testlandia'; did you mean Test\\x1b[31mland\\u202e?")


@pytest.mark.parametrize("command", [["export"], ["import", "page.txt"]])
def test_wrote_file_is_escaped(run, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_text(SMALL_PAGE, encoding="utf-8")
    name = "out\x1b[2J\x9b.md" if command == ["export"] else "out\x1b[2J\x9b.txt"
    result = run(*command, "-o", name)
    assert result.exit_code == 0, result.output
    assert "out\\x1b[2J\\x9b." in result.stderr
    assert_no_raw_controls(result.stderr)


def test_markup_and_escapes_in_every_human_format(run, program):
    path = program("""\
        goals:
          - id: g
            title: "[red]x[/red] \\e]8;;http://evil\\a link \\e[2J"
            text: "\\x9b31m c1"
        """)
    for fmt in ("table", "markdown"):
        out = run("--data", str(path), "show", "goals", "-f", fmt, "--width", "120").stdout
        assert_no_raw_controls(out)
        assert "x" in out and "link" in out
    assert "[red]x[/red] \\x1b]8;;http://evil\\x07 link \\x1b[2J" in run("--data", str(path), "show", "goals",
                                                                       "--width", "160").stdout


def on_a_terminal(*args):
    """`inl ARGS` with its stdout on a pseudo-terminal, as a person at a terminal runs it; what it printed."""
    import pty

    leader, follower = pty.openpty()
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    environment.pop("INL_DATA", None)
    try:
        process = subprocess.Popen([sys.executable, "-m", "inl_cli", *args], stdout=follower,
                                   stderr=subprocess.PIPE, env=environment)
        os.close(follower)
        received = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other end has closed
                break
            if not chunk:
                break
            received += chunk
        assert process.wait(timeout=30) == 0, process.stderr.read()
        process.stderr.close()
    finally:
        os.close(leader)
    return received.decode("utf-8").replace("\r\n", "\n")  # the terminal's own line ends


HOSTILE_CSV = """\
    goals:
      - id: g
        title: "\\e]0;owned\\a\\e[31mred \\x9b2J"
        text: "abc\\u202eexe.txt"
    """


@pytest.mark.parametrize("args", [["show", "goals", "-f", "csv"], ["export", "-f", "csv", "-s", "goals"]])
def test_csv_on_a_terminal_shows_control_characters_escaped(program, tmp_path, args):
    path = program(HOSTILE_CSV)
    shown = on_a_terminal("--data", str(path), *args)
    assert_no_raw_controls(shown)
    assert "\\x1b]0;owned\\x07\\x1b[31mred \\x9b2J" in shown
    assert "abc\\u202eexe.txt" in shown


@pytest.mark.parametrize("args", [["show", "goals", "-f", "csv"], ["export", "-f", "csv", "-s", "goals"]])
def test_csv_into_a_pipe_keeps_the_data_exact(program, args):
    path = program(HOSTILE_CSV)
    piped = inl("--data", str(path), *args).stdout.decode("utf-8")
    assert "\x1b]0;owned\x07\x1b[31mred \x9b2J" in piped and "abc\u202eexe.txt" in piped


def test_csv_into_a_file_keeps_the_data_exact(program, tmp_path):
    path = program(HOSTILE_CSV)
    written = tmp_path / "goals.csv"
    result = inl("--data", str(path), "export", "-f", "csv", "-s", "goals", "-o", str(written))
    assert result.returncode == 0, result.stderr
    assert written.read_text(encoding="utf-8") == inl("--data", str(path), "export", "-f", "csv", "-s",
                                                      "goals").stdout.decode("utf-8")
    assert "\x1b]0;owned\x07\x1b[31mred \x9b2J" in written.read_text(encoding="utf-8")


def test_the_chart_measures_labels_by_display_width(run, program):
    path = program("""\
        accomplishments:
          - {id: a, title: 警察の訓練と地域の安全, summary: S, date: "2015"}
          - {id: b, title: Police training, summary: S, date: "2015"}
          - {id: c, title: 警察の訓練と地域の安全を高めるための長い長い題名です, summary: S, date: "2015"}
        """)
    from rich.cells import cell_len

    lines = run("--data", str(path), "timeline", "--chart", "--width", "60").stdout.splitlines()
    rows = [line for line in lines if line.startswith("2015")]
    assert len(rows) == 3
    assert len({cell_len(row.rstrip()[:-1]) for row in rows}) == 1, rows  # every marker in one column
    assert all(cell_len(row) <= 60 for row in lines)


@pytest.mark.parametrize("columns", ["0", "5", "-3"])
def test_a_tiny_columns_counts_as_20(run, columns):
    for args, shown in ((["show", "goals"], "Goals: INL in Côte"), (["timeline", "--chart"], "Timeline: INL in"),
                        (["countries"], "Programs: 1 loaded")):
        result = run(*args, env={"COLUMNS": columns})
        assert result.exit_code == 0
        assert result.stdout.startswith(shown), args
        lines = [line for line in result.stdout.splitlines()  # a URL or path is printed whole on its own line
                 if not re.fullmatch(r"(\[\d+\] )?https?://\S+|data/\S+", line)]
        assert max(map(len, lines)) <= 20, args


@pytest.mark.parametrize("columns", ["1001", "999999999", str(10**30)])
def test_a_huge_columns_counts_as_1000(run, columns):
    """COLUMNS=999999999 once made the chart take 8.9 GB; it is held to --width's 1000, as a tiny one to 20."""
    for args, shown in ((["show", "goals"], "Goals: INL in Côte"), (["timeline", "--chart"], "Timeline: INL in"),
                        (["countries"], "Programs: 1 loaded")):
        wide = run(*args, env={"COLUMNS": columns})
        assert wide.exit_code == 0
        assert wide.stdout.startswith(shown), args
        assert wide.stdout == run(*args, "--width", "1000").stdout, args


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


def complete(words: str, shell: str, data) -> list[str]:
    where = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    if shell == "fish":  # fish gives the word being typed, not its number
        where = "" if words.endswith(" ") else words.split()[-1]
    environment = {**os.environ, "_INL_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": where,
                   "INL_DATA": str(data)}
    return subprocess.run([sys.executable, "-m", "inl_cli"], env=environment, capture_output=True,
                          text=True).stdout.split("\n")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completions_never_carry_a_newline_or_escape_from_the_data(program, shell):
    """A partner or country name with a newline broke bash's value-per-line reading; ESC reached the terminal."""
    path = program("""\
        partners:
          - {id: evil, name: "Evil\\nplain,rm -rf", abbreviation: "E\\e]0;x\\a", role: R}
          - {id: good, name: Good Partner, abbreviation: GP, role: R}
        """, base=MINIMAL_WITH_NAME("Test\\u202eland\\e[2J"))
    partners = complete("inl timeline --partner ", shell, path)
    countries = complete("inl timeline --country ", shell, path)
    for output in (partners, countries):
        assert_no_raw_controls("\n".join(output))
    if shell == "bash":
        assert partners == ["plain,evil", "plain,GP", ""]  # the id stands in for a name that cannot be typed
        assert countries == ["plain,TL", ""]
        assert not any(complete("inl timeline --country Te", shell, path))  # the name is not offered
    if shell == "zsh":
        assert partners == ["plain", "evil", "_", "plain", "GP", "Good Partner", ""]
        assert countries == ["plain", "TL", "_", ""]
    if shell == "fish":  # Click's fish framing changed in 8.4.2: expect what the installed Click writes
        from click.shell_completion import CompletionItem, FishComplete

        def framed(*items):
            return "\n".join(FishComplete.format_completion(None, item) for item in items).split("\n") + [""]

        assert partners == framed(CompletionItem("evil"), CompletionItem("GP", help="Good Partner"))
        assert countries == framed(CompletionItem("TL"))


def MINIMAL_WITH_NAME(name):
    from conftest import MINIMAL

    return MINIMAL.replace("name: Testland", f'name: "{name}"')
