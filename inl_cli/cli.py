"""The command line: parse options, run load → query → view → render, map errors to exit codes.

Exit codes: 0 success, 1 bad data (every problem is listed on stderr), 2 bad usage.
"""
from __future__ import annotations

import sys

import click

from . import __version__, render

SECTIONS = ("overview", "challenges", "goals", "partners", "accomplishments", "results")
FORMAT_HELP = "Output format: table for people, markdown for documents, json and csv for programs."


class BadData(click.ClickException):
    exit_code = 1

    def __init__(self, problems):
        files = {p.file for p in problems}
        count = len(problems)
        super().__init__(f"{count} problem{'s' * (count != 1)} in {len(files)} file{'s' * (len(files) != 1)}")
        self.problems = problems

    def show(self, file=None):
        for problem in self.problems:
            click.echo(str(problem), err=True)
        super().show(file)


class Options:
    """What the global options chose; programs are loaded only when a command asks."""

    def __init__(self, data, recursive):
        self.data = data
        self.recursive = recursive
        self._programs = None

    def programs(self):
        if self._programs is None:
            from .load import DataError, load

            try:
                self._programs = load(self.data, self.recursive)
            except DataError as error:
                raise BadData(error.problems) from None
        return self._programs


def emit(text: str) -> None:
    """Write finished output in one piece, degrading characters stdout cannot encode."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        import unicodedata

        text = unicodedata.normalize("NFKD", text).encode(encoding, "ignore").decode(encoding)
    except LookupError:
        pass
    click.echo(text, nl=False, color=True)


def output_options(function):
    function = click.option("--width", type=click.IntRange(20, 1000), metavar="N",
                            help="Table width in columns (default: the terminal's, or $COLUMNS).")(function)
    return click.option("--format", "-f", "fmt", type=click.Choice(list(render.FORMATS)), default="table",
                        show_default=True, help=FORMAT_HELP)(function)


def show_tables(tables, fmt: str, width: int | None) -> None:
    if fmt == "csv" and len(tables) != 1:
        raise click.UsageError("CSV holds one table; choose one section.")
    emit(render.get(fmt).render(tables, width))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog="""\b
Examples:
  inl show accomplishments
  inl timeline --from 2013
  inl export --format markdown -o report.md
  inl --data my-programs/ show overview
""")
@click.option("--data", metavar="PATH", envvar="INL_DATA", show_envvar=True,
              help="Program file or folder of *.yaml files (default: the bundled Côte d'Ivoire program).")
@click.option("--recursive", is_flag=True, help="Also read program files in subfolders of a --data folder.")
@click.version_option(__version__, "--version", "-V", prog_name="inl")
@click.pass_context
def main(ctx, data, recursive):
    """Read INL's country programs: challenges, goals, partners and dated accomplishments.

    INL is the U.S. State Department's Bureau of International Narcotics and Law
    Enforcement Affairs. Exit codes: 0 success, 1 bad data, 2 bad usage.
    """
    ctx.obj = Options(data, recursive)


@main.command()
@click.argument("section", metavar="SECTION", type=click.Choice(SECTIONS))
@output_options
@click.pass_obj
def show(options, section, fmt, width):
    """Show one SECTION of the program as a table.

    \b
    Sections: overview, challenges, goals, partners, accomplishments, results.

    \b
    Examples:
      inl show accomplishments
      inl show results --format csv > results.csv
      inl show overview --width 60
    """
    from . import views

    show_tables([views.SECTIONS[section](options.programs())], fmt, width)


@main.command()
@click.option("--format", "-f", "fmt", type=click.Choice(["json"]), default="json", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write to FILE (replaced whole, never left half-written) instead of stdout.")
@click.pass_obj
def export(options, fmt, output):
    """Export a whole report of the program.

    \b
    Examples:
      inl export --format json > program.json
      inl export --format json -o program.json
    """
    from . import views
    from .render.json import dumps

    text = dumps(views.document(options.programs()))
    if output:
        from .files import write_atomic

        write_atomic(output, text)
        click.echo(f"Wrote {output}", err=True)
    else:
        emit(text)
