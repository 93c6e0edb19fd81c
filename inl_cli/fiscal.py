"""U.S. government fiscal years: FY2019 runs from 1 October 2018 to 30 September 2019.

In 1976 the fiscal year moved from July–June to October–September, and the three months between,
July to September 1976, are the transition quarter, written `1976TQ`; it comes after FY1976 and before
FY1977.
"""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

FIRST, LAST = 1900, 2199
_YEAR = re.compile(r"(?:FY)?\s*(\d{4})\s*(TQ)?", re.IGNORECASE)


class FiscalYear(NamedTuple):
    """A fiscal year; tuples order them as time does (1976 < 1976TQ < 1977)."""

    year: int
    transition: bool = False

    def __str__(self) -> str:
        """As the data writes it: "2019", "1976TQ"."""
        return f"{self.year}TQ" if self.transition else str(self.year)

    def label(self) -> str:
        """As people read it: "FY2019", "FY1976TQ"."""
        return f"FY{self}"

    def days(self) -> tuple[date, date]:
        """The first and last days it covers, for drawing it on a calendar axis."""
        if self.transition:
            return date(self.year, 7, 1), date(self.year, 9, 30)
        if self.year <= 1976:  # July to June until the transition quarter
            return date(self.year - 1, 7, 1), date(self.year, 6, 30)
        return date(self.year - 1, 10, 1), date(self.year, 9, 30)

    @property
    def first_day(self) -> date:
        """As a date's (see `dates.overlaps`, which keeps the fiscal years a --from/--to window touches)."""
        return self.days()[0]

    @property
    def last_day(self) -> date:
        return self.days()[1]


def parse(text: str) -> FiscalYear | None:
    """`2019`, `FY2019`, `1976TQ` (case and spaces ignored) as a FiscalYear; None when it is not one.

    Only 1976 had a transition quarter, and years run from 1900 to 2199."""
    found = _YEAR.fullmatch(text.strip())
    if not found:
        return None
    year, transition = int(found.group(1)), bool(found.group(2))
    if not FIRST <= year <= LAST or (transition and year != 1976):
        return None
    return FiscalYear(year, transition)


def span(years) -> str:
    """"FY2001–FY2024", "FY2019", or "" for none: the first and last of `years`."""
    years = sorted(years)
    if not years:
        return ""
    first, last = years[0], years[-1]
    return first.label() if first == last else f"{first.label()}–{last.label()}"


def between(first: FiscalYear, last: FiscalYear) -> list[FiscalYear]:
    """Every fiscal year from `first` to `last`, the transition quarter in its place."""
    found = []
    for year in range(first.year, last.year + 1):
        for transition in ((False, True) if year == 1976 else (False,)):
            if first <= FiscalYear(year, transition) <= last:
                found.append(FiscalYear(year, transition))
    return found
