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
