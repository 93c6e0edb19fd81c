"""`inl show SECTION`: one section of the programs as a table."""
from __future__ import annotations

import click

from .. import views
from .help import Command
from .options import narrowed, narrowing_options, view_options
from .output import show_tables
from .types import Choice


@click.command(cls=Command)
@click.argument("section", metavar="SECTION", type=Choice(list(views.SECTIONS)))
@click.option("--sort", type=Choice(views.SORTS), default="date", show_default=True,
              help="Accomplishments by date (undated last), or in the file's order.")
@narrowing_options
@view_options
@click.pass_obj
def show(session, section, sort, start, end, partners, fmt, width, csv_safe):
    """Show one SECTION of the program as a table.

    Sections: overview, challenges, goals, partners, accomplishments, results,
    details (each accomplishment's summary, details and milestones). The overview
    adds each country's funding when `inl funding import` has written an extract
    (or --funding names one). With several
    programs, results adds a table of totals per unit. --from, --to and --partner
    keep the accomplishments the timeline would keep, in accomplishments, results
    and details.

    \b
    Examples:
      inl show accomplishments
      inl show results --format csv > results.csv
      inl show overview --width 60
      inl show details --sort file
      inl show accomplishments --from 2015
      inl show results --from 2015 --to 2018
      inl show details --partner UNDP
    """
    programs, note, selected = narrowed(session, start, end, partners)
    view = views.SECTIONS[section]
    if section == "overview":
        from .spending import spending

        tables = [view(programs, spending(session, programs, window=selected))]
    else:
        tables = [view(programs, sort) if section in views.SORTED else view(programs)]
    if section == "results" and len(programs) > 1 and fmt != "csv":
        tables.append(views.totals(programs))
    show_tables(views.noted(tables, note), fmt, width, csv_safe)
