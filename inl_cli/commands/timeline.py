"""`inl timeline`: accomplishments, milestones and context by date, as a table or a chart."""
from __future__ import annotations

import click

from .. import views
from ..query import KINDS
from .help import Command
from .options import check_partners, partner_option, view_options, window, window_options
from .output import emit, show_tables, terminal_width
from .types import Choice


@click.command(cls=Command)
@window_options
@partner_option
@click.option("--kind", "kinds", multiple=True, type=Choice(KINDS), help="Only entries of this kind; repeat for "
              "several.")
@click.option("--undated", is_flag=True, help="List undated accomplishments after the dated entries.")
@click.option("--chart", is_flag=True, help="Draw a Gantt-style chart instead of a table.")
@view_options
@click.pass_obj
def timeline(session, start, end, partners, kinds, undated, chart, fmt, width, csv_safe):
    """Show what happened when: accomplishments, milestones and context, by date.

    A span is kept when it overlaps the window: --from 2016 --to 2017 keeps 2015–2018.

    \b
    Examples:
      inl timeline
      inl timeline --from 2013 --to 2018
      inl timeline --from 2013-10          # drops September 2013
      inl timeline --partner MSCP --kind milestone
      inl timeline --partner "united nations" --partner MSCP
      inl timeline --undated
      inl timeline --chart
      inl timeline --country CI --format json
    """
    selected = window(start, end)
    if chart and fmt != "table":
        raise click.UsageError("--chart draws in the terminal; use it without --format.")
    programs = session.programs()
    check_partners(session, programs, partners)
    table = views.timeline(programs, selected, partners, kinds, undated)
    if chart:
        from ..render.terminal import render_chart

        emit(render_chart(table, terminal_width(width)))
    else:
        show_tables([table], fmt, width, csv_safe)
