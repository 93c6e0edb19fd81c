"""Options that several commands share, each written once as a decorator.

The global options (`--data`, `--recursive`, `--country`, `--funding`) are taken before or after the
command: `inl timeline --country CI` is `inl --country CI timeline`. After the command they are added to the
run's `Session`, so a command reads them in one place.
"""
from __future__ import annotations

import functools

import click

from .. import formats
from ..text import one_line, path_name
from .complete import complete_country, complete_partner
from .session import Session
from .types import Choice, DateBound, PathText, Width

DATA_HELP = "Program file or folder of *.yaml files (default: the bundled Côte d'Ivoire program)."
FUNDING_HELP = "Funding extract written by `inl funding import` (default: the one in your data folder)."


def data_option(**extra):
    return click.option("--data", metavar="PATH", type=PathText(), help=DATA_HELP, **extra)


def recursive_option(**extra):
    return click.option("--recursive", is_flag=True, help="Also read program files in subfolders of a --data "
                        "folder.", **extra)


def country_option(**extra):
    return click.option("--country", "-c", "countries", multiple=True, metavar="NAME",
                        shell_complete=complete_country, help="Only this country, by ISO code or name (accents "
                        "and case ignored); repeat for several.", **extra)


def funding_option(**extra):
    return click.option("--funding", metavar="EXTRACT", type=PathText(), help=FUNDING_HELP, **extra)


def global_options(function):
    """The global options, taken after the command too and added to the run's Session."""

    @functools.wraps(function)
    def apply(*args, data, recursive, countries, funding, **kwargs):
        click.get_current_context().find_object(Session).add(data, recursive, countries, funding)
        return function(*args, **kwargs)

    for option in (funding_option(), country_option(), recursive_option(), data_option()):
        apply = option(apply)
    return apply


def csv_option(function):
    return click.option("--csv-safe/--csv-raw", "csv_safe", default=True,
                        help="With --format csv: a cell that begins with = + - @ gets a leading ' so that "
                             "spreadsheets show it instead of running it as a formula (default); "
                             "--csv-raw writes cells as they are.")(function)


def view_options(function):
    """--format, --width and --csv-safe/--csv-raw of every view, and the global options."""
    function = csv_option(function)
    function = click.option("--width", type=Width(), metavar="N",
                            help="Table width in columns, 20 to 1000 (default: the terminal's, or $COLUMNS)."
                            )(function)
    function = click.option("--format", "-f", "fmt", type=Choice(formats.VIEW), default="table",
                            show_default=True, help="Output format: table for people, markdown for documents, "
                            "json and csv for programs.")(function)
    return global_options(function)


def not_blank(ctx, param, values):
    """A repeatable option's values; an empty or blank one (`--partner ''`) would match everything or nothing."""
    if any(not value.strip() for value in values):
        raise click.BadParameter("give an id, an abbreviation or a name, not an empty one", ctx, param)
    return values


def partner_option(function):
    return click.option("--partner", "partners", multiple=True, metavar="NAME", shell_complete=complete_partner,
                        callback=not_blank, help="Only entries with this partner (id, abbreviation, name or words "
                        "of it); repeat for several.")(function)


def output_file(ctx, param, value):
    """-o FILE: `-` means stdout; an empty name is a mistake, not the current folder."""
    if value == "":
        raise click.BadParameter("give a file name, or - for standard output", ctx, param)
    return None if value == "-" else value


def output_file_only(ctx, param, value):
    """-o FILE where only a file will do (export): as `output_file`, and a name ending in / is a folder."""
    if value and value.endswith("/"):
        raise click.BadParameter(f"{one_line(path_name(value))} ends in /, which names a folder; give a file name",
                                 ctx, param)
    return output_file(ctx, param, value)


def window_options(function):
    """--from and --to: the window of dates to keep."""
    function = click.option("--to", "end", type=DateBound(), metavar="DATE",
                            help="Keep entries on or before DATE, inclusive.")(function)
    return click.option("--from", "start", type=DateBound(), metavar="DATE",
                        help="Keep entries on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD), compared at its "
                             "precision.")(function)


def window(start, end):
    """The window of --from and --to; a usage error when it is empty."""
    from ..query import Window

    if start and end and start.first_day > end.last_day:
        raise click.UsageError(f"--from {start} is after --to {end}; nothing can fall between them.")
    return Window(start, end)


def check_partners(session, programs, partners) -> None:
    """A usage error, with a suggestion, for a --partner that names no partner of the programs."""
    if not partners:
        return
    from ..query import unknown_partners

    for wanted in unknown_partners(programs, partners):
        from .suggest import unknown_partner

        raise click.BadParameter(unknown_partner(wanted, programs, session), param_hint="'--partner'")


def narrowing_options(function):
    """--from, --to and --partner of `show` and `export`: only the accomplishments they keep."""
    return window_options(partner_option(function))


def narrowed(session, start, end, partners):
    """The programs with the accomplishments --from, --to and --partner keep, the note that says so, and the
    window of --from and --to (which the funding of an overview or report keeps too)."""
    from ..query import describe_narrowing, narrow

    selected = window(start, end)
    programs = session.programs()
    check_partners(session, programs, partners)
    return narrow(programs, selected, partners), describe_narrowing(selected, partners), selected
