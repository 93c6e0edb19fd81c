"""Funding beside activities: the funding extract's sums for the programs a report or overview shows.

`show overview` and `export` read the extract when there is one (named by --funding or $INL_FUNDING, or
written to the data folder by `inl funding import`) and show nothing of it when there is none.
"""
from __future__ import annotations

import os

import click

NO_EXTRACT = ("no funding extract to report on: `inl funding import FILE` writes one from a ForeignAssistance.gov "
              "download (see `inl funding import --help`)")


def spending(session, programs, required: bool = False):
    """A views.Spending for `programs`, or None when there is no extract to read and the user named none.
    `required` (the report's funding section was asked for): no extract is a usage error instead."""
    from ..funding.extract import locate

    path, named = locate(session.funding)
    if not named and not os.path.exists(path):
        if required:
            raise click.UsageError(NO_EXTRACT)
        return None
    from ..funding.errors import FundingError
    from ..funding.summary import year_totals
    from ..views import Spending
    from .funding import clicked

    try:
        funded = year_totals(path, [p.country.code for p in programs], named=named)
    except FundingError as error:
        raise clicked(error) from None
    return Spending({id(p): funded.by_code.get(p.country.code.upper()) for p in programs}, funded.scope)
