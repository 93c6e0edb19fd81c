"""Funding beside activities: the funding extract's sums for the programs a report or overview shows.

`show overview` and `export` read the extract when there is one (named by --funding or $INL_FUNDING, or
written to the data folder by `inl funding import`) and show nothing of it when there is none.
"""
from __future__ import annotations

import os

import click


def warn(message: str) -> None:
    from ..text import one_line

    click.echo(one_line(message), err=True)


def spending(session, programs, required: bool = False, window=None):
    """A views.Spending for `programs`, or None when there is no extract to read and the user named none
    (one in the data folder that cannot be read is a warning, as it was not asked for); `required` (the
    report's funding section was asked for): then no extract is an error, as for `inl funding`. `window`
    (a query.Window of --from and --to) keeps the fiscal years that overlap it."""
    from ..funding.place import locate

    path, named = locate(session.funding)
    if not named and not required and not os.path.exists(path):
        return None
    from ..funding.errors import FundingError
    from ..funding.summary import year_totals
    from ..query import Window
    from ..views import Spending
    from .funding import clicked

    try:
        funded = year_totals(path, [p.country.code for p in programs], named=named)
    except FundingError as error:
        if named or required:
            raise clicked(error) from None
        warn(f"Warning: the funding extract in your data folder cannot be read, so funding is left out: {error}")
        return None
    return Spending({id(p): funded.by_code.get(p.country.code, []) for p in programs}, funded.scope,
                    window or Window())
