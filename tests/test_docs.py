"""The docs stay true: every command has --help with examples, and the examples of README.md and docs/*.md run.

Examples are run, not pinned, in the spirit of sqlite-utils' cog-checked docs. In each Markdown file, in order,
in a folder that holds a copy of the checkout's data/:

- a fenced block right after `<!-- file: NAME -->` is written to NAME;
- a ```sh block runs in bash, a line at a time (`pip install` lines excepted: that is CI's Quick start);
- a ```console block holds `$ COMMAND` lines, each followed by what it prints: the command runs (an `inl`
  command through Click's CliRunner, anything else in bash) at 80 columns, with no colour and a fixed today
  (SOURCE_DATE_EPOCH), and prints exactly that, or the test fails with the difference.

After a deliberate change of output, `INL_REFRESH_DOCS=1 pytest tests/test_docs.py` writes the new output into
the docs; read the diff before committing it.
"""
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
REFRESH = "INL_REFRESH_DOCS=1 pytest tests/test_docs.py"
TODAY = "1767225600"  # 2026-01-01: open spans ("since 2012") run to this day in the docs' examples
FENCE = re.compile(r"^(?:<!-- file: (?P<file>\S+) -->\n)?(?P<fence>`{3,})(?P<language>\w*)\n(?P<body>.*?)^(?P=fence)$",
                   re.S | re.M)


# --help --------------------------------------------------------------------------------------------------

def commands(group=main, prefix=()):
    """Every command's path, as Click lists them (the group loads a command when asked for it)."""
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        yield prefix + (name,)
        if isinstance(command, click.Group):
            yield from commands(command, prefix + (name,))


@pytest.mark.parametrize("path", list(commands()), ids=" ".join)
def test_every_command_has_help_with_examples(run, path):
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"inl {' '.join(path)}" in result.stdout


@pytest.mark.parametrize("columns", [40, 30, 20])
@pytest.mark.parametrize("path", [(), *commands()], ids=lambda p: " ".join(p) if isinstance(p, tuple) else str(p))
def test_help_fits_a_narrow_terminal_without_splitting_words(run, path, columns):
    """Prose is wrapped to the terminal (Click alone never wraps under 50 columns, and then cuts words). A line
    runs past the edge only for an example command, an option's names, a line to copy into a file, or one word
    longer than a line."""
    def words(text):  # the list of commands is cut to fit, with "...", by design
        return text.split("\nCommands:\n")[0].split()

    narrow = run(*path, "--help", env={"COLUMNS": str(columns)}).stdout
    assert words(narrow) == words(run(*path, "--help", env={"COLUMNS": "200"}).stdout)
    wide = [line for line in narrow.splitlines() if len(line) > columns]
    assert [line for line in wide if len(line.split()) > 1
            and not line.lstrip().startswith(("inl ", "-", "eval ", "curl ", "Usage: ", "# yaml-language-server"))] == []


def test_a_narrow_terminal_lists_each_command_with_the_summary_an_80_column_one_shows(run):
    def commands(columns):
        return run("--help", env={"COLUMNS": str(columns)}).stdout.split("\nCommands:\n")[1].split("\n\n")[0].split()

    assert commands(40) == commands(20) == commands(80)
    assert "program." in commands(40)  # "Export a whole report of the program.", not cut to "the..."


def test_a_doubled_pair_of_braces_gets_a_plain_message(program, run):
    path = program('accomplishments:\n  - {id: a, title: A, summary: s, date: {{start: "2015", end: "2018"}}}\n')
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "None" not in result.output
    assert ("accomplishments[0].date: expected a field name, got a mapping as a key (a mapping takes one pair "
            "of braces, not two)") in result.stdout


# The Quick start -----------------------------------------------------------------------------------------

def test_quick_start_holds_exactly_two_commands():
    """CI runs the second command (.ci/run), and a newcomer the first: .ci/quickstart.py reads them."""
    quickstart = [subprocess.run([sys.executable, ROOT / ".ci" / "quickstart.py", which], capture_output=True,
                                 text=True, check=True).stdout.strip() for which in ("main", "test")]
    assert quickstart == ["pip install . && inl show accomplishments", "pip install -e '.[test]' && pytest"]


# The docs' examples --------------------------------------------------------------------------------------

@dataclass
class Block:
    line: int  # of the opening fence, counted from 1
    language: str
    body: str
    start: int  # where the body starts and ends in the file's text
    end: int
    file: str | None


def blocks(text: str) -> list[Block]:
    return [Block(text.count("\n", 0, m.start("fence")) + 1, m["language"], m["body"], m.start("body"),
                  m.end("body"), m["file"]) for m in FENCE.finditer(text)]


def examples(body: str) -> list[tuple[str, str]]:
    """The `$ COMMAND` lines of a console block, each with the output shown under it."""
    found = []
    for line in body.splitlines(keepends=True):
        if line.startswith("$ "):
            found.append([line[2:].rstrip("\n"), ""])
        elif found:
            found[-1][1] += line
    return [tuple(pair) for pair in found]


class Session:
    """A reader trying the docs in order, in one folder: files written, exports kept, `inl` on the PATH."""

    def __init__(self, folder: Path):
        shutil.copytree(ROOT / "data", folder / "data")
        (folder / ".config" / "fish" / "completions").mkdir(parents=True)
        (folder / "bin").mkdir()
        (folder / "bin" / "inl").write_text(f'#!/bin/sh\nexec {sys.executable} -m inl_cli "$@"\n', encoding="utf-8")
        (folder / "bin" / "inl").chmod(0o755)
        self.folder = folder
        self.env = {"COLUMNS": "80", "NO_COLOR": "1", "SOURCE_DATE_EPOCH": TODAY}

    def inl(self, args: list[str]) -> str:
        """Run `inl ARGS` in this process, as the `run` fixture does, named `inl` as on the command line."""
        result = CliRunner().invoke(main, args, prog_name="inl", env={"INL_DATA": None, "FORCE_COLOR": None, **self.env},
                                    catch_exceptions=False)
        return result.output

    def bash(self, line: str, strict: bool = True) -> subprocess.CompletedProcess:
        """Run `line` in bash; strict, it stops at the first failure. Its stderr is merged into its stdout."""
        env = {key: value for key, value in os.environ.items() if key not in ("INL_DATA", "FORCE_COLOR")}
        env.update(self.env, PATH=f"{self.folder / 'bin'}:{os.environ['PATH']}", HOME=str(self.folder))
        script = f"set -eu -o pipefail\n{line}" if strict else line
        return subprocess.run(["bash", "-c", script], cwd=self.folder, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)

    def shell(self, block: Block) -> None:
        for line in block.body.splitlines():
            if not line.strip() or line.startswith(("pip install", "#")):
                continue  # the Quick start's installs are CI's to run (.ci/run)
            # zsh is not bash: check that the zsh script is printed, without evaluating it here.
            line = line.replace('eval "$(inl completion zsh)"', "inl completion zsh | grep -q compdef")
            done = self.bash(line)
            assert done.returncode == 0, f"line {block.line}: {line}\n{done.stdout}"
            for name, value in re.findall(r"^export (\w+)=(\S+)", line):
                self.env[name] = value.replace("$PWD", str(self.folder))

    def output(self, command: str) -> str:
        """What COMMAND prints, stdout and stderr as a terminal shows them."""
        if command.startswith("inl ") and not re.search(r"[|<>;&$`*]", command):
            return self.inl(shlex.split(command)[1:])
        return self.bash(command, strict=False).stdout  # an example may show a failure, and its exit code


def check(doc: Path, folder: Path) -> tuple[str, list[str]]:
    """Try every example of `doc`: the text with each console block's actual output, and what differs."""
    text = doc.read_text(encoding="utf-8")
    session, pieces, wrong, last = Session(folder), [], [], 0
    for block in blocks(text):
        if block.file:
            (folder / block.file).write_text(block.body, encoding="utf-8")
        elif block.language == "sh":
            session.shell(block)
        elif block.language == "console":
            actual = ""
            for command, shown in examples(block.body):
                printed = session.output(command)
                actual += f"$ {command}\n{printed}"
                if printed != shown:
                    diff = difflib.unified_diff(shown.splitlines(), printed.splitlines(), "the docs show",
                                                "inl prints", lineterm="")
                    wrong.append(f"{doc.relative_to(ROOT)}:{block.line}: $ {command}\n" + "\n".join(diff))
            pieces += [text[last:block.start], actual]
            last = block.end
    return "".join(pieces) + text[last:], wrong


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_the_docs_examples_print_what_the_docs_show(doc, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    refreshed, wrong = check(doc, tmp_path)
    if wrong and os.environ.get("INL_REFRESH_DOCS") == "1":
        doc.write_text(refreshed, encoding="utf-8")
        return
    assert not wrong, ("\n\n".join(wrong) + f"\n\nThese examples no longer print what the docs show. If the new "
                       f"output is right, refresh the docs with `{REFRESH}` and read the diff.")


def test_the_readme_shows_at_least_five_examples_with_their_output():
    """The README shows what `inl` prints; the rest of the examples live in docs/."""
    readme = DOCS[0].read_text(encoding="utf-8")
    assert sum(len(examples(b.body)) for b in blocks(readme) if b.language == "console") >= 5


def test_relative_links_of_the_docs_lead_to_files():
    for doc in DOCS:
        prose = FENCE.sub("", doc.read_text(encoding="utf-8"))  # examples' output holds links of its own
        for target in re.findall(r"\]\(([^)\s]+)\)", prose):
            if not re.match(r"[a-z]+:|#", target):
                assert (doc.parent / target.split("#")[0]).exists(), f"{doc.relative_to(ROOT)}: {target}"


def test_the_editor_schema_line_of_the_docs_finds_the_schema_from_data():
    """`# yaml-language-server: $schema=...` is meant for a file in data/ (the bundled one starts with it)."""
    lines = [m for doc in DOCS for m in re.findall(r"\$schema=(\S+)", doc.read_text(encoding="utf-8"))]
    assert lines
    for schema in lines:
        assert (ROOT / "data" / schema).resolve() == ROOT / "schema" / "program.schema.json"


def test_the_docs_list_every_view_s_machine_columns():
    from inl_cli import views
    from inl_cli.load import load

    reports = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    programs = load()
    built = {name: view(programs) for name, view in views.SECTIONS.items()}
    built.update(timeline=views.timeline(programs), countries=views.countries(programs),
                 search=views.search(programs, "x"), totals=views.totals(programs))
    for name, table in built.items():
        row = f"| {name} | " + ", ".join(f"`{c.key}`" for c in table.machine_columns) + " |"
        assert row in reports, f"docs/reports.md, Machine output: the {name} row should read\n{row}"


def test_the_readme_stays_short_enough_to_read_to_the_end():
    """Issue 19: at most 250 lines; the depth goes to docs/."""
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 250
