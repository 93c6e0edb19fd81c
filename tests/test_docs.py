"""The README and --help stay true: every command documents itself with examples."""
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from inl_cli.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group=main, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,)
        if isinstance(command, click.Group):
            yield from commands(command, prefix + (name,))


@pytest.mark.parametrize("path", list(commands()), ids=" ".join)
def test_every_command_has_help_with_examples(run, path):
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"inl {path[-1]}" in result.stdout


@pytest.mark.parametrize("columns", [40, 30, 20])
@pytest.mark.parametrize("path", [(), *commands()], ids=lambda p: " ".join(p) if isinstance(p, tuple) else str(p))
def test_help_fits_a_narrow_terminal_without_splitting_words(run, path, columns):
    """Prose is wrapped to the terminal (Click alone never wraps under 50 columns, and then cuts words). A line
    runs past the edge only for an example command, an option's names, or one word longer than a line."""
    def words(text):  # the list of commands is cut to fit, with "...", by design
        return text.split("\nCommands:\n")[0].split()

    narrow = run(*path, "--help", env={"COLUMNS": str(columns)}).stdout
    assert words(narrow) == words(run(*path, "--help", env={"COLUMNS": "200"}).stdout)
    wide = [line for line in narrow.splitlines() if len(line) > columns]
    assert [line for line in wide if len(line.split()) > 1
            and not line.lstrip().startswith(("inl ", "-", "eval ", "curl ", "Usage: "))] == []


def test_a_narrow_terminal_lists_each_command_with_the_summary_an_80_column_one_shows(run):
    def commands(columns):
        return run("--help", env={"COLUMNS": str(columns)}).stdout.split("\nCommands:\n")[1].split("\n\n")[0].split()

    assert commands(40) == commands(20) == commands(80)
    assert "program." in commands(40)  # "Export a whole report of the program.", not cut to "the..."


def test_quick_start_holds_exactly_two_commands():
    quickstart = [subprocess.run([sys.executable, ROOT / ".ci" / "quickstart.py", which], capture_output=True,
                                 text=True, check=True).stdout.strip() for which in ("main", "test")]
    assert quickstart == ["pip install . && inl show accomplishments", "pip install -e '.[test]' && pytest"]


def test_readme_shows_the_real_output_of_the_main_command(run):
    shown = re.search(r"shows the bundled program's accomplishments:\n\n```text\n(.*?)```", README, re.S).group(1)
    assert shown == run("show", "accomplishments").stdout


def test_readme_documents_every_view_s_machine_columns():
    from inl_cli import views
    from inl_cli.load import load

    programs = load()
    built = {name: view(programs) for name, view in views.SECTIONS.items()}
    built.update(timeline=views.timeline(programs), countries=views.countries(programs),
                 search=views.search(programs, "x"), totals=views.totals(programs))
    for name, table in built.items():
        keys = ", ".join(f"`{c.key}`" for c in table.machine_columns)
        assert f"| {name} | {keys} |" in README, name


def test_readme_chart_is_the_real_chart(run):
    shown = re.search(r"`--chart` draws the timeline;.*?:\n\n```text\n(.*?)```", README, re.S).group(1)
    assert shown == run("timeline", "--chart").stdout


# Every YAML and shell example of the README is loaded or run, so the README stays true (issue 13, point 15),
# as sqlite-utils keeps its documentation true with cog.

def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, re.S | re.M)


GHANA_PAGE = """\
Ghana Summary

Challenges: Ghana has made strides against crime, but drug trafficking through its ports grows.

Goals: INL's program in Ghana aims to help the police and courts.

Accomplishments:

• In 2016, INL trained 40 police officers in community policing.
"""


def test_readme_yaml_blocks_load_and_validate():
    import yaml
    from conftest import MINIMAL

    from inl_cli.load import parse

    found = blocks("yaml")
    assert len(found) == 2
    program = parse(MINIMAL + found[0], "readme.yaml")
    assert not isinstance(program, list), "\n".join(map(str, program))
    [item] = program.accomplishments
    assert (item.date.display(), [r.display() for r in item.results]) == (
        "2015–2018", ["more than 100 community awareness meetings", "98 police officers"])
    assert yaml.safe_load(found[1]) is None  # only the editor's comment line
    schema = re.search(r"\$schema=(\S+)", found[1]).group(1)
    assert (ROOT / "data" / schema).resolve() == (ROOT / "schema" / "program.schema.json")


def test_readme_inline_yaml_examples_are_what_they_say():
    from conftest import MINIMAL

    from inl_cli.load import parse

    data = README[README.index("## Data"):README.index("### Checking data")]
    inline = [code for code in re.findall(r"`([^`\n]+)`", data) if code.startswith("{")]
    assert inline == ['{start: "2015", end: "2018"}',
                      "{value: 100, qualifier: more_than, unit: community awareness meetings}"]
    program = parse(MINIMAL + f"accomplishments:\n  - {{id: a, title: A, summary: s, date: {inline[0]}, "
                              f"results: [{inline[1]}]}}\n", "inline.yaml")
    assert not isinstance(program, list), "\n".join(map(str, program))
    assert program.accomplishments[0].results[0].display() == "more than 100 community awareness meetings"


def test_a_doubled_pair_of_braces_gets_a_plain_message(program, run):
    path = program('accomplishments:\n  - {id: a, title: A, summary: s, date: {{start: "2015", end: "2018"}}}\n')
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "None" not in result.output
    assert ("accomplishments[0].date: expected a field name, got a mapping as a key (a mapping takes one pair "
            "of braces, not two)") in result.stdout


def test_readme_shell_blocks_run(tmp_path):
    """Each shell block runs in bash, in README order, in a folder holding what the README assumes:
    the checkout's data/, a ghana.yaml and a ghana-summary.txt, with `inl` on the PATH and HOME there."""
    import os
    import shutil
    import textwrap

    from test_programs import GHANA

    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "ghana.yaml").write_text(GHANA, encoding="utf-8")
    (tmp_path / "ghana-summary.txt").write_text(GHANA_PAGE, encoding="utf-8")
    (tmp_path / ".config" / "fish" / "completions").mkdir(parents=True)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "inl").write_text(f"#!/bin/sh\nexec {sys.executable} -m inl_cli \"$@\"\n", encoding="utf-8")
    (bin_dir / "inl").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "HOME": str(tmp_path), "NO_COLOR": "1"}
    env.pop("INL_DATA", None)
    ran = 0
    for block in blocks("sh"):
        if block.startswith("pip install"):
            continue  # the Quick start: test_quick_start_holds_exactly_two_commands
        for line in block.splitlines():
            # zsh is not bash: check that the zsh script is printed, without evaluating it here.
            line = line.replace('eval "$(inl completion zsh)"', "inl completion zsh | grep -q compdef")
            script = f"set -eu -o pipefail\n{textwrap.dedent(line)}"
            done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env={**env, **exported(block, tmp_path)},
                                  capture_output=True, text=True)
            assert done.returncode == 0, (line, done.stdout, done.stderr)
            ran += 1
    assert ran >= 15
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# INL in Côte d'Ivoire")
    assert (tmp_path / ".config" / "fish" / "completions" / "inl.fish").read_text(encoding="utf-8")
    imported = (tmp_path / "ghana-draft.yaml").read_text(encoding="utf-8")
    assert 'name: "Ghana"' in imported


def exported(block: str, folder) -> dict:
    """The variables a block exports, for the lines after the export (each line runs in its own bash)."""
    found = {}
    for name, value in re.findall(r"^export (\w+)=(\S+)", block, re.M):
        found[name] = value.replace("$PWD", str(folder))
    return found


def test_readme_promises_no_test_count_that_would_drift():
    assert not re.search(r"\d+ passed", README)
    assert "none is skipped" in README
