"""Funding beside activities: what a ForeignAssistance.gov extract says each program's country received.

The commands read the extract (`inl_cli.funding.summary.year_totals`) and hand the views a `Spending`: per
program, its country's totals by fiscal year (none when the extract has no row for that country). The
views import nothing of the funding layer, which sits above them; they read only the fields named here.
"""
from __future__ import annotations

from typing import NamedTuple

from ..dates import overlaps
from ..fiscal import span
from ..model import Program
from ..money import Dollars, short
from ..query import Window
from .base import Column, Table, per_program, table


class Spending(NamedTuple):
    """Fields: by_program: {id(program): [its fiscal years with a row, in order]}, each with `fiscal_year`
    (a fiscal.FiscalYear), `obligations` and `disbursements`; scope: what was summed, said once for the
    report; window: --from and --to, which keep the fiscal years that overlap it."""

    by_program: dict
    scope: str
    window: Window = Window()

    def has_rows(self, program: Program) -> bool:
        """Whether the extract has any row for the program's country, in the window or not."""
        return bool(self.by_program.get(id(program)))

    def years(self, program: Program) -> list:
        """The program's fiscal years with a row in the extract, within the window, in order."""
        first, last = self.window.first, self.window.last
        return [year for year in self.by_program.get(id(program), ())
                if overlaps(year.fiscal_year, first, last)]


def overview_rows(spending: Spending, program: Program) -> list[dict]:
    """The overview's funding lines of one program: totals and the fiscal years, in the window."""
    years = spending.years(program)
    if not years:
        return [{"field": "Funding", "value": "none in the window" if spending.has_rows(program)
                 else "none in the funding extract"}]
    return [
        {"field": "Obligations", "value": Dollars(sum(y.obligations for y in years))},
        {"field": "Disbursements", "value": Dollars(sum(y.disbursements for y in years))},
        {"field": "Fiscal years", "value": span(y.fiscal_year for y in years)},
    ]


def note(spending: Spending) -> str:
    return f"Funding from ForeignAssistance.gov: {spending.scope}."


def funding(programs: list[Program], spending: Spending) -> Table:
    """Obligations and disbursements per fiscal year of each program's country, the years with a row in
    the extract; the note sums them and names the countries the extract has no row for."""
    columns = (
        Column("year", "Fiscal year", machine=False),
        Column("fiscal_year", "fiscal_year", human=False),
        Column("obligations", "Obligations"),
        Column("disbursements", "Disbursements"),
    )

    def rows(program: Program):
        for year in spending.years(program):
            yield {"year": year.fiscal_year.label(), "fiscal_year": str(year.fiscal_year),
                   "obligations": Dollars(year.obligations), "disbursements": Dollars(year.disbursements),
                   "days": year.fiscal_year.days()}

    found = per_program(programs, rows)
    lines = [note(spending)]
    if spending.window.describe():
        lines.append(f"Only fiscal years that overlap the window ({spending.window.describe()}).")
    if found:
        lines.append(f"In all: {short(sum(r['obligations'] for r in found))} obligated, "
                     f"{short(sum(r['disbursements'] for r in found))} disbursed.")
    missing = [p.country.name for p in programs if not spending.has_rows(p)]
    if missing:
        lines.append(f"No funding in the extract for {', '.join(missing)}.")
    outside = [p.country.name for p in programs if spending.has_rows(p) and not spending.years(p)]
    if outside:
        lines.append(f"No funding in the window for {', '.join(outside)}.")
    return table(programs, "funding", "Funding", columns, found, " ".join(lines))
