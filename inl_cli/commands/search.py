"""`inl search TEXT...`: every place the text appears."""
from __future__ import annotations

import click

from .. import views
from .help import Command
from .options import view_options
from .output import show_tables


@click.command(cls=Command)
@click.argument("words", nargs=-1, required=True, metavar="TEXT...")
@view_options
@click.pass_obj
def search(session, words, fmt, width, csv_safe):
    """Find TEXT in titles, summaries, goals, challenges, partners, results and dates.

    Case and accents are ignored: "cote" finds "Côte". Several words are looked for
    together, as one phrase: civil society is the same as "civil society". A year or
    month finds the dates it falls in: 2016 finds 2015–2018. Matches are highlighted at
    a terminal and in Markdown.

    \b
    Examples:
      inl search police
      inl search civil society --format json
      inl search 2013
      inl search treatment --data programs/ --country CI
    """
    text = " ".join(words)
    if not text.strip():
        raise click.BadParameter("give some text to look for", param_hint="'TEXT'")
    show_tables([views.search(session.programs(), text)], fmt, width, csv_safe)
