"""Sums of the extract: obligations and disbursements by country and fiscal year, or by another key.

The extract is read once with the csv module and summed by country, fiscal year and the chosen key; the
countries and years asked for are picked from those sums, so the rows are never held. Appropriations and
budget requests are plans, not spending: they are counted, never added to obligations or disbursements.
"""
from __future__ import annotations

import csv
from operator import itemgetter
from typing import NamedTuple

from ..text import key as country_key
from . import columns, years
from .errors import BadFile, UnknownCountry
from .extract import open_rows

BY = {
    "year": ("country", "code", "fiscal_year"),
    "country": ("country", "code"),
    "sector": ("us_sector",),
    "partner": ("implementing_partner",),
    "account": ("account", "bureau"),
    "activity": ("country", "code", "activity_id", "activity_name"),
}
"""--by choice -> the extract columns each total is keyed by."""
_EXTRA = {"sector": ("us_sector",), "partner": ("implementing_partner",), "account": ("account", "bureau"),
          "activity": ("activity_id", "activity_name")}
"""The columns summed by besides country and fiscal year."""


class Total(NamedTuple):
    """The sums of one key: `key` holds the values of the summary's `keys` columns."""

    key: tuple
    obligations: int
    disbursements: int


class Summary(NamedTuple):
    """Totals of the extract for the countries and years asked for.

    by: a key of BY; keys: its columns; totals: sorted as people read them (by country and year, or the
    largest obligations first); countries: the names of the countries asked for ([] for all); seen: the
    names of the countries with a total;
    fiscal_years: the years with a row; scope: what was summed ("INCLE account, all bureaus; obligations
    and disbursements, current dollars"); plans: rows of appropriations and budget requests left out.
    """

    by: str
    keys: tuple[str, ...]
    totals: list[Total]
    countries: list[str]
    fiscal_years: list[years.FiscalYear]
    scope: str
    plans: int
    seen: list[str]


class _Sums(NamedTuple):
    groups: dict  # (country, code, fiscal_year, *extra) -> [obligations, disbursements, plans, spending rows]
    accounts: set
    bureaus: set


def _collect(path: str, extra: tuple[str, ...], constant: bool, named: bool = True) -> _Sums:
    """Sum the extract by country, code, fiscal year and `extra` columns, checking every value summed."""
    at, reader, handle = open_rows(path, named)
    amount = at["constant_dollars" if constant else "current_dollars"]
    kind, account, bureau = at["transaction_type"], at["account"], at["bureau"]
    key_of = itemgetter(at["country"], at["code"], at["fiscal_year"], *(at[c] for c in extra))
    slots = {columns.OBLIGATIONS: 0, columns.DISBURSEMENTS: 1}  # anything else is a plan: counted
    groups: dict = {}
    accounts, bureaus = set(), set()
    number = 1
    with handle:
        try:
            for number, row in enumerate(reader, 2):
                slot = slots.get(row[kind], 2)
                sums = groups.get(key := key_of(row))
                if sums is None:
                    groups[key] = sums = [0, 0, 0, 0]
                if slot < 2:
                    sums[slot] += int(row[amount] or 0)
                    sums[3] += 1
                else:
                    sums[2] += 1
                accounts.add(row[account])
                bureaus.add(row[bureau])
        except (ValueError, IndexError):
            raise _bad_row(path, number, row, at, amount) from None
        except (UnicodeDecodeError, csv.Error) as error:
            raise BadFile(path, f"cannot be read as CSV ({error})", number) from None
    _check_years(path, groups)
    return _Sums(groups, accounts, bureaus)


def _bad_row(path: str, number: int, row: list[str], at: dict, amount: int) -> BadFile:
    if len(row) <= max(at.values()):
        return BadFile(path, f"{len(row)} fields where the header has {len(at)}", number)
    column = next(c for c, i in at.items() if i == amount)
    return BadFile(path, f"{column} is {row[amount][:40]!r}, not a whole number of dollars", number)


def _check_years(path: str, groups: dict) -> None:
    """BadFile naming the first row whose fiscal year is not one (read again, only when there is one)."""
    bad = {key[2] for key in groups if years.parse(key[2]) is None}
    if not bad:
        return
    at, reader, handle = open_rows(path)
    with handle:
        for number, row in enumerate(reader, 2):
            if row[at["fiscal_year"]] in bad:
                raise BadFile(path, f"fiscal_year is {row[at['fiscal_year']][:40]!r}, not a fiscal year", number)


def _identity(country: str, code: str) -> str:
    """A country by its code, or by its name when it has none (a region)."""
    return code or "~" + country_key(country)


def select(known: dict[str, str], wanted: tuple[str, ...]) -> set[str]:
    """The identities of `known` (identity -> name) that `wanted` names, by alpha-2 code, alpha-3 code or
    name (accents and case ignored); UnknownCountry for one that names none."""
    by_name = {country_key(name): identity for identity, name in known.items()}
    chosen = set()
    for text in wanted:
        folded = country_key(text)
        found = by_name.get(folded) or (text.strip().upper() if text.strip().upper() in known else None)
        if found is None and len(text.strip()) == 3:
            from .source import alpha2

            found = alpha2(text.strip().upper()) or None
            found = found if found in known else None
        if found is None:
            raise UnknownCountry(_unknown(text, known))
        chosen.add(found)
    return chosen


def _unknown(text: str, known: dict[str, str]) -> str:
    import difflib

    names = {country_key(n): n for n in known.values()}
    wanted = country_key(text)
    close = [k for k in sorted(names) if wanted and k.startswith(wanted)][:3] or difflib.get_close_matches(
        wanted, list(names), n=3, cutoff=0.7)
    if close:
        hint = f"did you mean {', '.join(names[c] for c in close)}?"
    elif len(names) <= 8:
        hint = f"it has {', '.join(sorted(names.values())) or 'no country'}"
    else:
        hint = f"it has {len(names):,} countries (`inl funding --by country` lists them)"
    return f"no country {text!r} in the funding extract; {hint}"


def summarize(path: str, by: str = "year", countries: tuple[str, ...] = (), first=None, last=None,
              constant: bool = False, named: bool = True) -> Summary:
    """The totals of the extract at `path` by `by` (a key of BY), for `countries` (all when empty) and the
    fiscal years from `first` to `last` (FiscalYear or None), in current or `constant` dollars.

    NoExtract without an extract (`named`: the user named its path), BadFile for a bad one, UnknownCountry
    for a country it does not have."""
    sums = _collect(path, _EXTRA.get(by, ()), constant, named)
    known = _countries(sums)
    chosen = select(known, countries) if countries else None
    return _summary(sums, by, known, chosen, first, last, constant)


def _countries(sums: _Sums) -> dict[str, str]:
    """identity -> name of every country of the sums (the first name seen of a code)."""
    known = {}
    for country, code, *_ in sums.groups:
        known.setdefault(_identity(country, code), country)
    return known


def _summary(sums: _Sums, by: str, known: dict, chosen: set | None, first, last, constant: bool) -> Summary:
    """The sums of the chosen countries (None: all) and years, keyed by `by`, sorted."""
    totals: dict = {}
    plans, seen_years, seen_countries = 0, set(), set()
    for (country, code, fiscal, *extra), (obligations, disbursements, planned, spent) in sums.groups.items():
        identity = _identity(country, code)
        year = years.parse(fiscal)
        if (chosen is not None and identity not in chosen) or (first and year < first) or (last and year > last):
            continue
        plans += planned
        if not spent:
            continue  # plans only: no spending to show
        values = {"country": known[identity], "code": code, "fiscal_year": fiscal}
        key = tuple(values[c] if c in values else extra[_EXTRA[by].index(c)] for c in BY[by])
        added = totals.setdefault(key, [0, 0])
        added[0] += obligations
        added[1] += disbursements
        seen_years.add(year)
        seen_countries.add(identity)
    rows = [Total(key, o, d) for key, (o, d) in totals.items()]
    rows.sort(key=_order(by))
    asked = sorted((known[i] for i in chosen), key=country_key) if chosen else []
    seen = sorted((known[i] for i in seen_countries), key=country_key)
    return Summary(by, BY[by], rows, asked, sorted(seen_years), scope(sums.accounts, sums.bureaus, constant),
                   plans, seen)


def _order(by: str):
    if by in ("year", "country"):
        return lambda t: (country_key(t.key[0]), t.key[0], years.parse(t.key[2]) if by == "year" else 0)
    return lambda t: (-t.obligations, -t.disbursements, t.key)


def scope(accounts: set, bureaus: set, constant: bool) -> str:
    """What the sums hold, for a title: "INCLE account, all bureaus; obligations and disbursements, current
    dollars". The import kept one account (and one bureau when asked), so the extract's own say which."""
    account = columns.account_label(next(iter(accounts))) if len(accounts) == 1 else (
        f"accounts {', '.join(sorted(columns.account_label(a).removesuffix(' account') for a in accounts))}"
        if accounts else "no account")
    bureau = f"bureau {next(iter(bureaus))}" if len(bureaus) == 1 and "" not in bureaus else "all bureaus"
    return f"{account}, {bureau}; obligations and disbursements, {'constant' if constant else 'current'} dollars"


class YearTotal(NamedTuple):
    fiscal_year: years.FiscalYear
    obligations: int
    disbursements: int


class YearTotals(NamedTuple):
    """Per-fiscal-year sums of some countries. years: every fiscal year from the first with a row to the
    last, none left out (a year without rows has zeros); covered: the years with a row; scope: as Summary."""

    years: list[YearTotal]
    covered: list[years.FiscalYear]
    scope: str


def per_year(summary: Summary) -> list[YearTotal]:
    """A `by="year"` summary's totals summed over its countries, one per fiscal year from the first to the
    last (zeros where no row is): what a chart draws."""
    if summary.by != "year":
        raise ValueError("per_year needs a summary by year")
    sums: dict = {}
    for total in summary.totals:
        year = years.parse(total.key[2])
        added = sums.setdefault(year, [0, 0])
        added[0] += total.obligations
        added[1] += total.disbursements
    if not sums:
        return []
    return [YearTotal(y, *sums.get(y, (0, 0))) for y in years.between(min(sums), max(sums))]


def year_totals(path: str, codes: list[str], constant: bool = False) -> YearTotals:
    """For a report: the obligations and disbursements of the countries with these ISO 3166-1 alpha-2
    `codes`, summed per fiscal year, and the years covered. A code without rows adds nothing (no error);
    NoExtract when there is no extract at `path`, BadFile when it cannot be read."""
    sums = _collect(path, (), constant)
    known = _countries(sums)
    chosen = {c.upper() for c in codes} & set(known)
    summary = _summary(sums, "year", known, chosen, None, None, constant)
    return YearTotals(per_year(summary), summary.fiscal_years, summary.scope)
