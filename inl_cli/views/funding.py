"""Funding beside activities: what a ForeignAssistance.gov extract says each program's country received.

The commands read the extract (`inl_cli.funding.summary.year_totals`) and hand the views a `Spending`: per
program, its country's totals by fiscal year, or None when the extract has no row for that country. The
views import nothing of the funding layer, which sits above them; they read only the fields named here.
"""
from __future__ import annotations

from typing import NamedTuple

from ..model import Program
from ..money import Dollars
from .base import Column, Table, per_program, table


class Spending(NamedTuple):
    """Fields: by_program: {id(program): totals or None}, where totals has `years` (each with
    `fiscal_year`, `obligations` and `disbursements`, every year from the first to the last), `covered`
    (the fiscal years with a row) and `scope`; scope: what was summed, said once for the report."""

    by_program: dict
    scope: str

    def of(self, program: Program):
        return self.by_program.get(id(program))


def fiscal_years(covered) -> str:
    """"FY2010–FY2024", or "FY2019" for one year."""
    first, last = min(covered), max(covered)
    return first.label() if first == last else f"{first.label()}–{last.label()}"


def overview_rows(totals) -> list[dict]:
    """The overview's funding lines of one program: totals and the fiscal years covered."""
    if totals is None or not totals.covered:
        return [{"field": "Funding", "value": "none in the funding extract"}]
    return [
        {"field": "Obligations", "value": Dollars(sum(y.obligations for y in totals.years))},
        {"field": "Disbursements", "value": Dollars(sum(y.disbursements for y in totals.years))},
        {"field": "Fiscal years", "value": fiscal_years(totals.covered)},
    ]


def note(spending: Spending) -> str:
    return f"Funding from ForeignAssistance.gov: {spending.scope}."


def funding(programs: list[Program], spending: Spending) -> Table:
    """Obligations and disbursements per fiscal year of each program's country, every year from its first
    to its last (a year without a row reads $0)."""
    columns = (
        Column("fiscal_year", "Fiscal year"),
        Column("obligations", "Obligations"),
        Column("disbursements", "Disbursements"),
    )

    def rows(program: Program):
        totals = spending.of(program)
        for year in totals.years if totals is not None else ():
            yield {"fiscal_year": year.fiscal_year.label(), "obligations": Dollars(year.obligations),
                   "disbursements": Dollars(year.disbursements), "days": year.fiscal_year.days()}

    return table(programs, "funding", "Funding", columns, per_program(programs, rows), note(spending))
