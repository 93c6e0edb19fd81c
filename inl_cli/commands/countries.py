"""`inl countries`: the loaded programs, one a row."""
from __future__ import annotations

import click

from .. import views
from .help import Command
from .options import view_options
from .output import show_tables


@click.command(cls=Command)
@view_options
@click.pass_obj
def countries(session, fmt, width, csv_safe):
    """List the loaded programs: country, code, accomplishments, years, source.

    \b
    Examples:
      inl --data programs/ countries
      inl countries --format csv
    """
    show_tables([views.countries(session.programs())], fmt, width, csv_safe)
