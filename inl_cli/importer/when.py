"""Dates in page text: years, months, days, spans, open spans ("since 2012") and rough years ("mid-2016").

Durations and counts ("14-year", "six-month", "200 years", "$94-150 million", "2,000 officers") are not dates.
"""
from __future__ import annotations

import re
from collections import namedtuple

from ..dates import days_in_month

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH = "|".join(MONTHS) + r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_YEAR = r"(?:19|20)\d{2}"
YEAR = re.compile(rf"\b{_YEAR}\b")
"""A year written in a sentence, from 1900 to 2099: every date the importer reads holds one."""
_NOT_COUNT = (r"(?!\s*(?:-|\s)\s*(?:years?|months?|weeks?|days?|hours?)\b)(?!\s*(?:%|percent\b|million\b|billion\b"
              r"|thousand\b))(?!\d|,\d)")
_NOT_AMOUNT = r"(?<![\d,.$€£])(?<!\$\s)(?<!\bUSD\s)"
_MONTH_DATE = rf"(?:(?P<d1>\d{{1,2}})\s+)?(?P<m>{_MONTH})\s+(?:(?P<d2>\d{{1,2}}),?\s+)?(?P<y>{_YEAR})"
_SPAN_END = rf"(?P<b>{_YEAR}|\d{{2}}(?!\d)){_NOT_COUNT}"
PATTERNS = [
    ("span", re.compile(rf"\bbetween\s+(?P<a>{_YEAR})\s+and\s+{_SPAN_END}"
                        rf"|(?:\bfrom\s+)?{_NOT_AMOUNT}(?<![-\w])(?P<a2>{_YEAR})\s*(?:-|–|—|to\b|through\b|until\b)\s*"
                        rf"(?P<b2>{_YEAR}|\d{{2}}(?!\d)){_NOT_COUNT}", re.I)),
    ("since", re.compile(rf"\bsince\s+(?:(?P<m>{_MONTH})\s+)?(?P<y>{_YEAR})\b(?!\s*(?:-|–|to\b)\s*\d)", re.I)),
    ("month", re.compile(rf"\b{_MONTH_DATE}\b{_NOT_COUNT}", re.I)),
    ("rough", re.compile(rf"\b(?P<w>early|mid|late)[-\s]+(?P<y>{_YEAR})\b", re.I)),
    ("fiscal", re.compile(rf"\bFY\s?(?P<y>{_YEAR}|\d{{2}})\b")),
    ("year", re.compile(rf"{_NOT_AMOUNT}(?<![-\w])(?P<y>{_YEAR})\b{_NOT_COUNT}(?!-\w)")),
]
_COUNT_BEFORE = re.compile(r"(?:\b(?:over|more than|nearly|approximately|about|some|at least|almost|trained|hired|"
                           r"deployed|equipped|reached|served|than|of|to)\s+)$", re.I)


class Found(namedtuple("Found", "start end kind when text note")):
    """A date in a text. Fields: start, end (positions), kind, when (str or dict for a file), text, note."""

    __slots__ = ()


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name[:3]))


def find(text: str) -> list[Found]:
    """Every date in `text`, first to last, without overlaps."""
    found: list[Found] = []
    taken = bytearray(len(text))
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if 1 in taken[m.start():m.end()]:
                continue
            item = _read(kind, m, text)
            if item is not None:
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                found.append(item)
    return sorted(found)


def _read(kind: str, m: re.Match, text: str) -> Found | None:
    words = m.group(0)
    if kind == "span":
        a, b = m.group("a") or m.group("a2"), m.group("b") or m.group("b2")
        if len(b) == 2:
            b = a[:2] + b
        if b <= a:
            return None
        return Found(m.start(), m.end(), kind, {"start": a, "end": b}, words, "")
    if kind == "since":
        start = m.group("y") if not m.group("m") else f"{m.group('y')}-{_month(m.group('m')):02d}"
        return Found(m.start(), m.end(), kind, {"start": start}, words, "")
    if kind == "month":
        if m.group("m") == "may":
            return None
        iso = f"{m.group('y')}-{_month(m.group('m')):02d}"
        day = m.group("d1") or m.group("d2")
        if day and 1 <= int(day) <= days_in_month(int(m.group("y")), _month(m.group("m"))):
            iso += f"-{int(day):02d}"
        return Found(m.start(), m.end(), kind, iso, words, "")
    if kind == "rough":
        return Found(m.start(), m.end(), "year", m.group("y"), words, f"{words!r} read as the year {m.group('y')}")
    if kind == "fiscal":
        year = m.group("y") if len(m.group("y")) == 4 else "20" + m.group("y")
        return Found(m.start(), m.end(), "year", year, words,
                     f"{words!r}: a U.S. fiscal year (October to September), read as {year}")
    if _COUNT_BEFORE.search(text[max(0, m.start() - 20):m.start()]) and \
            re.match(r"\s+[a-z]", text[m.end():m.end() + 3]):
        return None
    return Found(m.start(), m.end(), kind, m.group("y"), words, "")


def own(date: Found, text: str) -> bool:
    """Whether `date` dates what its sentence reports ("In 2016, INL ...", "... in September 2013"), rather
    than an outcome or context ("ahead of the March 2018 elections", "a May 2018 UN report")."""
    if date.kind in ("span", "since"):
        return True
    before = text[max(0, date.start - 30):date.start]
    return not before.strip() or bool(re.search(r"\b(?:in|on|during|by|as of|through)\s+$", before, re.I))
