"""Partial dates (2013, 2013-09, 2013-09-04) and spans between them.

A partial date stands for every day it covers: 2013 is 1 Jan to 31 Dec 2013.
Windows and overlaps are computed on those day ranges, so a bound is always
compared at its own precision.
"""
from __future__ import annotations

import os
import re
from collections import namedtuple
from datetime import date, timedelta

PRECISIONS = ("year", "month", "day")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
"""ASCII digits only (\\d would take ２０１３), as the schema; no spaces around."""
MIN_YEAR, MAX_YEAR = 1000, 2999
"""The years a program file may use; bounds such as --to 9999 may go up to 9999."""


def days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def today() -> date:
    """Today, where open spans ("since 2012") end; SOURCE_DATE_EPOCH (seconds) fixes it for reproducible output.

    The one "today" of inl: the loader, the views, the chart and every report ask here.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isascii() and epoch.isdigit():
        return date(1970, 1, 1) + timedelta(days=int(epoch) // 86400)
    return date.today()


class DateError(ValueError):
    """A text that is not a partial date; the message says what was expected."""


class PartialDate(namedtuple("PartialDate", "year month day", defaults=(None, None))):
    """Fields: year: int, month: int | None, day: int | None."""

    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _PATTERN.fullmatch(text)
        if not match:
            raise DateError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
        year, month, day = (int(part) if part else None for part in match.groups())
        if year < 1:
            raise DateError(f"year 0000 does not exist in {text!r}")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"month {month:02d} does not exist in {text!r}")
        if day is not None and not 1 <= day <= days_in_month(year, month):
            raise DateError(f"day {day:02d} does not exist in {_MONTH_NAMES[month - 1]} {year}")
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return PRECISIONS[(self.month is not None) + (self.day is not None)]

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day is not None:
            return date(self.year, self.month, self.day)
        month = self.month or 12
        return date(self.year, month, days_in_month(self.year, month))

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def display(self) -> str:
        """As a reader writes it: 2013, Sep 2013, 4 Sep 2013."""
        if self.month is None:
            return str(self.year)
        month = _MONTHS[self.month - 1]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def __str__(self) -> str:
        return self.iso()


class Span(namedtuple("Span", "start end", defaults=(None,))):
    """From start to end, both inclusive at their own precision; with no end, ongoing ("since 2012").

    Fields: start: PartialDate, end: PartialDate | None (None: open, it runs to today).
    """

    __slots__ = ()

    @property
    def first_day(self) -> date:
        return self.start.first_day

    @property
    def last_day(self) -> date:
        return self.end.last_day if self.end is not None else max(today(), self.start.last_day)

    @property
    def precision(self) -> str:
        if self.end is None:
            return self.start.precision
        return min(self.start.precision, self.end.precision, key=PRECISIONS.index)

    def display(self) -> str:
        if self.end is None:
            return f"since {self.start.display()}"
        return f"{self.start.display()}–{self.end.display()}"

    def __str__(self) -> str:
        return f"{self.start.iso()}/{self.end.iso() if self.end is not None else '..'}"


When = PartialDate | Span


def start_of(when: When) -> PartialDate:
    return when.start if isinstance(when, Span) else when


def end_of(when: When) -> PartialDate | None:
    """The last date given; None for an open span (it runs to today)."""
    return when.end if isinstance(when, Span) else when


def overlaps(when: When, first: date | None, last: date | None) -> bool:
    """Whether any day of `when` falls between `first` and `last` (None: open)."""
    return (first is None or when.last_day >= first) and (last is None or when.first_day <= last)
