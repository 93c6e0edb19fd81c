"""`inl funding`: INL's obligations and disbursements from ForeignAssistance.gov, as tables or a chart; and
`inl funding import`, which makes the extract they are read from.

Only options, calls and exit codes are here; the work is in `inl_cli/funding/`, which the commands import
when they run (DuckDB only for the import), so no other command's start-up pays for it.
Exit codes: 1 for bad data (a file without a needed column, a bad row, no row of the filter), 2 for bad
usage (an unknown country, a file named that is not there).
"""
from __future__ import annotations

import os

import click
from click.core import ParameterSource

from .. import formats
from .errors import MissingPath, missing
from .help import Command, HelpContext
from .options import csv_option, funding_option, not_blank
from .types import Choice, PathText, Width

BY = ("year", "sector", "partner", "account", "activity", "country")
INCLE = "International Narcotics Control and Law Enforcement"


class BadFunding(click.ClickException):
    """Funding data that cannot be used as it is (bad data): one line, exit 1."""

    exit_code = 1


class FundingUsage(click.ClickException):
    """A file named that is not there, or files that cannot go together (bad usage): one line, exit 2."""

    exit_code = 2


class FiscalYearBound(click.ParamType):
    """--from/--to: a fiscal year, 2019, FY2019 or 1976TQ."""

    name = "fy"

    def convert(self, value, param, ctx):
        from ..fiscal import FiscalYear, parse

        if isinstance(value, FiscalYear):
            return value
        found = parse(str(value))
        if found is None:
            self.fail(f"expected a fiscal year such as 2019, FY2019 or 1976TQ, got {value!r}", param, ctx)
        return found


class FundingGroup(click.Group):
    """`inl funding` shows the extract's sums itself; `inl funding import` is its one subcommand."""

    context_class = HelpContext
    command_class = Command


def clicked(error: Exception) -> click.ClickException:
    """The Click exception, and so the exit code, of an error of the funding layer."""
    from ..funding.errors import NoExtract, Overlap, UnknownCountry

    if isinstance(error, UnknownCountry):
        return click.BadParameter(str(error), param_hint="'--country'")
    if isinstance(error, NoExtract):
        return (FundingUsage if error.named else BadFunding)(str(error))
    if isinstance(error, Overlap):
        return FundingUsage(str(error))
    return BadFunding(str(error))


def extract_path(ctx: click.Context) -> tuple[str, bool]:
    """The extract to read or write, and whether the user named it: --funding after `funding`, else the
    run's --funding or $INL_FUNDING, else the data folder's."""
    from ..funding.place import locate

    return locate(ctx.meta.get("inl_funding") or getattr(ctx.obj, "funding", None))


@click.group("funding", cls=FundingGroup, invoke_without_command=True, epilog="""\b
Examples:
  inl funding import us_foreign_aid_complete.csv
  inl funding import Colombia.csv Mexico.csv -o funding.csv
  inl funding
  inl funding --country CO --country "cote d'ivoire" --from 2010
  inl funding --country MEX --chart
  inl funding --by sector --constant
  inl funding --by year --format csv > funding-by-year.csv
""")
@click.option("--by", type=Choice(BY), default="year", show_default=True,
              help="Sum by country and fiscal year, or by sector, implementing partner, account, activity or "
                   "country.")
@click.option("--country", "-c", "countries", multiple=True, metavar="NAME", callback=not_blank,
              help="Only this country: ISO code (CO or COL) or name, accents and case ignored; repeat for "
                   "several.")
@click.option("--from", "first", type=FiscalYearBound(), metavar="FY", help="From this fiscal year (2019, FY2019, "
              "1976TQ); FY2019 runs from October 2018 to September 2019.")
@click.option("--to", "last", type=FiscalYearBound(), metavar="FY", help="To this fiscal year, inclusive.")
@click.option("--constant", is_flag=True, help="Constant (inflation-adjusted) dollars instead of current ones.")
@click.option("--chart", is_flag=True, help="Draw a bar chart of obligations and disbursements per fiscal year.")
@click.option("--format", "-f", "fmt", type=Choice(formats.VIEW), default="table", show_default=True,
              help="Output format: table for people, markdown for documents, json and csv (exact dollars) for "
                   "programs.")
@click.option("--width", type=Width(), metavar="N",
              help="Table width in columns, 20 to 1000 (default: the terminal's, or $COLUMNS).")
@csv_option
@funding_option()
@click.pass_context
def funding(ctx, by, countries, first, last, constant, chart, fmt, width, csv_safe, funding):
    """INL's obligations and disbursements from ForeignAssistance.gov, per country and fiscal year.

    Reads the extract that `inl funding import` writes (INL's rows of the site's CSV
    download), for every country in it or those named by --country, whether or not a
    program file is loaded. Appropriations and budget requests are plans, not spending:
    they are never added in. Amounts read $1.2M in tables and charts, exact dollars in
    CSV and JSON; `--by year --format csv` has the columns
    country,code,fiscal_year,obligations,disbursements.
    """
    ctx.meta["inl_funding"] = funding
    if ctx.invoked_subcommand is not None:
        given = [p.opts[0] for p in ctx.command.params if p.name != "funding"
                 and ctx.get_parameter_source(p.name) == ParameterSource.COMMANDLINE]
        if given:
            raise click.UsageError(f"{given[0]} is an option of `inl funding`, not of `inl funding import`.")
        return
    if first and last and first > last:
        raise click.UsageError(f"--from {first} is after --to {last}; no fiscal year falls between them.")
    if chart and fmt != "table":
        raise click.UsageError("--chart draws in the terminal; use it without --format.")
    if chart and by != "year":
        raise click.UsageError("--chart draws fiscal years; use it without --by, or with --by year.")
    show(extract_path(ctx), by, tuple(getattr(ctx.obj, "countries", ())) + countries,
         (first, last), constant, chart, fmt, width, csv_safe)


def show(located, by, countries, window, constant, chart, fmt, width, csv_safe) -> None:
    """Sum the extract and write it as a chart or as tables; for JSON and CSV the caption goes to stderr."""
    from ..funding import tables
    from ..funding.errors import FundingError
    from ..funding.summary import per_year, summarize
    from .output import emit, show_tables, terminal_width

    path, named = located
    try:
        summary = summarize(path, by, countries, *window, constant=constant, named=named)
    except FundingError as error:
        raise clicked(error) from None
    if chart:
        emit(draw_chart(per_year(summary), tables.caption(summary), tables.note(summary), terminal_width(width),
                        summary.fiscal_years))
        return
    data = fmt in ("json", "csv")  # rows for programs, without a title: the caption goes to stderr
    show_tables(tables.as_tables(summary, human=not data), fmt, width, csv_safe)
    if data:
        from ..text import one_line

        click.echo(one_line(tables.caption(summary)), err=True)


def draw_chart(totals, title: str, note: str, width: int | None, covered) -> str:
    """The bar chart as text, drawn by Rich as `inl timeline --chart` is: colour only where the terminal has
    it (never with NO_COLOR or on a pipe), ASCII glyphs only when stdout cannot encode the others."""
    from rich.console import Console, Group
    from rich.text import Text

    from ..funding.chart import layout
    from ..text import one_line

    console = Console(width=width, highlight=False, emoji=False, markup=False)
    plain = not console.encoding.lower().replace("-", "").startswith("utf")
    parts = [Text(one_line(title), style="bold")]
    lines = layout(totals, console.width, plain, covered)
    if not lines:
        parts.append(Text("Nothing to show.", style="italic"))
    for pieces in lines:
        text = Text.assemble(*((one_line(piece), style) for piece, style in pieces))
        text.no_wrap = True
        parts.append(text)
    if note:
        parts.append(Text(one_line(note), style="dim"))
    with console.capture() as capture:
        console.print(Group(*parts), crop=False)
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())


def output_name(ctx, param, value):
    """-o EXTRACT: `-` is stdout; an empty name is a mistake."""
    if value == "":
        raise click.BadParameter("give a file name, or - for standard output", ctx, param)
    return value


@funding.command("import", epilog="""\b
Examples:
  inl funding import us_foreign_aid_complete.csv
  inl funding import Colombia.csv Mexico.csv Peru.csv
  inl funding import us_foreign_aid_complete.csv -o incle.csv --force
  inl funding import us_foreign_aid_complete.csv --bureau INL -o inl-bureau.csv
""")
@click.argument("files", nargs=-1, required=True, type=PathText(), metavar="FILE...")
@click.option("--output", "-o", metavar="EXTRACT", type=PathText(file_only=True), callback=output_name,
              help="Write the extract here (- for stdout) instead of the data folder (or --funding).")
@click.option("--force", is_flag=True, help="Replace an extract that already exists.")
@click.option("--account", default=INCLE, show_default=True, metavar="NAME",
              help="The funding account whose rows to keep (case ignored).")
@click.option("--bureau", metavar="NAME", help="Only rows this bureau manages: its name or acronym (INL).")
@click.pass_context
def import_funding(ctx, files, output, force, account, bureau):
    """Keep INL's rows of ForeignAssistance.gov CSV files in a small extract.

    FILE is the site's complete dataset (us_foreign_aid_complete.csv, about 4 GB) or
    a country's download; columns are found by name. The rows of the account (by
    default International Narcotics Control and Law Enforcement, INL's own) are
    summed by country, fiscal year, transaction type, bureau, U.S. sector, partner
    and activity into a CSV any tool reads. The extract goes to the data folder
    (every `inl funding` finds it there), written whole or not at all; an existing
    one is replaced only with --force.
    """
    from ..funding.build import scan
    from ..funding.errors import FundingError
    from ..funding.source import Filter

    if not account.strip() or (bureau is not None and not bureau.strip()):
        raise click.UsageError("--account and --bureau take a name, not an empty one.")
    for name in files:
        if missing(name):
            raise MissingPath(name)
    target, named = (output, True) if output else extract_path(ctx)
    _check_target(target, files, force)
    wanted = Filter(account, bureau)
    try:
        with _progress() as progress:
            found = scan(list(files), wanted, progress)
    except FundingError as error:
        raise clicked(error) from None
    except ModuleNotFoundError as error:
        if error.name != "duckdb":
            raise
        raise BadFunding("`inl funding import` reads the files with DuckDB, which is not installed: "
                         "pip install 'duckdb>=1.3'") from None
    _write(target, named, found.text)
    _report(target, wanted, found)


def _check_target(target: str, files, force: bool) -> None:
    """Never over an existing extract without --force, nor over a file being imported."""
    if target == "-":
        return
    from ..text import one_line

    for name in files:
        try:
            if os.path.samefile(name, target):
                raise FundingUsage(f"{one_line(target)} is a file being imported; write the extract elsewhere")
        except OSError:
            continue
    if os.path.lexists(target) and not force:
        raise BadFunding(f"{one_line(target)} already exists; give --force to replace it")


class _progress:
    """A Rich progress bar on stderr when it is a terminal (nothing on a pipe); yields the callback or None."""

    def __enter__(self):
        from rich.console import Console

        console = Console(stderr=True)
        self.bar = None
        if not console.is_terminal:
            return None
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("Reading"), BarColumn(), TaskProgressColumn(), TimeRemainingColumn(),
                            console=console, transient=True)
        self.bar.start()
        task = self.bar.add_task("scan", total=1.0)
        return lambda share: self.bar.update(task, completed=share)

    def __exit__(self, *error):
        if self.bar is not None:
            self.bar.stop()
        return False


def _write(target: str, named: bool, text: str) -> None:
    """The extract, whole or not at all; the data folder is made when it is the default's."""
    from .. import files
    from .output import emit

    if target == "-":
        emit(text, "csv")
        return
    if not named:
        os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        files.write_atomic(target, text)
    except getattr(files, "WriteError", OSError) as error:
        raise BadFunding(str(error)) from None


def _report(target: str, wanted, found) -> None:
    """One line on stderr: what was written, where, and the filter it used."""
    from ..fiscal import span
    from ..text import one_line

    where = "stdout" if target == "-" else target
    files = len(found.rows_per_file)
    click.echo(one_line(f"Wrote {found.rows:,} rows to {where}: {wanted.describe()}; {found.countries:,} "
                        f"countr{'ies' if found.countries != 1 else 'y'}, {span(found.fiscal_years)}, from "
                        f"{sum(found.rows_per_file.values()):,} transactions in {files:,} "
                        f"file{'s' * (files != 1)}."), err=True)
