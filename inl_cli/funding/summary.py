"""Sums of the extract: obligations and disbursements by country and fiscal year, or by another key.

The extract is read once (`extract.amounts_by`): its amounts are grouped by country, fiscal year, type,
account, bureau and the chosen key, then summed, and the countries and years asked for are picked from
the groups, once per country and year; no row is kept. (--by activity, where nearly every row is a group
of its own, sums a row at a time instead: `activities`.) Appropriations and budget requests are plans,
not spending: they are counted, never added to obligations or disbursements.

For a report, `year_totals(extract path, alpha-2 codes)` gives each country's totals per fiscal year.
"""
from __future__ import annotations

import csv
from typing import NamedTuple

from .. import fiscal as years
from ..text import key as country_key
from . import columns
from .errors import BadFile, UnknownCountry
from .extract import amounts_by, open_rows

BY = {
    "year": ("country", "code", "fiscal_year"),
    "country": ("country", "code"),
    "sector": ("us_sector",),
    "partner": ("implementing_partner",),
    "account": ("account", "bureau"),
    "activity": ("country", "code", "activity_id", "activity_name"),
}
"""--by choice -> the extract columns each total is keyed by."""
_GROUP = ("country", "code", "fiscal_year", "transaction_type", "account", "bureau")
"""The columns every query groups by; a choice of BY adds its own after them (`_EXTRA`)."""
_EXTRA = {"sector": ("us_sector",), "partner": ("implementing_partner",),
          "activity": ("activity_id", "activity_name")}
_KEY = {
    "year": lambda base, group: base,
    "country": lambda base, group: (base[0], base[1]),
    "account": lambda base, group: (group[4], group[5]),
    "activity": lambda base, group: (base[0], base[1], group[6], group[7]),
}
"""A total's key from its country's name, code and fiscal year (`base`) and its group (`_GROUP` and the
extra columns); `_by_extra` for the others."""


def _by_extra(base: tuple, group: tuple) -> tuple:
    return group[6:]
_SLOTS = {columns.OBLIGATIONS: 0, columns.DISBURSEMENTS: 1}


class Total(NamedTuple):
    """The sums of one key: `key` holds the values of the summary's `keys` columns."""

    key: tuple
    obligations: int
    disbursements: int


class Summary(NamedTuple):
    """Totals of the extract for the countries and years asked for.

    by: a key of BY; keys: its columns; totals: sorted as people read them (by country and year, or the
    largest obligations first); countries: the names of the countries asked for ([] for all);
    fiscal_years: the years with a total; scope: what was summed ("INCLE account, all bureaus; obligations
    and disbursements, current dollars"); plans: rows of appropriations and budget requests left out;
    seen: the names of the countries with a total.
    """

    by: str
    keys: tuple[str, ...]
    totals: list[Total]
    countries: list[str]
    fiscal_years: list[years.FiscalYear]
    scope: str
    plans: int
    seen: list[str]


class _Read(NamedTuple):
    path: str
    column: str  # current_dollars or constant_dollars
    groups: dict  # the values of _GROUP and the extra columns -> the amounts, as written


def _read(path: str, by: str, constant: bool, named: bool = True) -> _Read:
    column = "constant_dollars" if constant else "current_dollars"
    try:
        groups = amounts_by(path, _GROUP + _EXTRA.get(by, ()), column, named)
    except IndexError:
        raise _first_bad_row(path, column) from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise BadFile(path, f"cannot be read as CSV ({error})") from None
    return _Read(path, column, groups)


def _first_bad_row(path: str, column: str) -> BadFile:
    """The first row cut short, or whose amount or fiscal year is not one, numbered as the header is row 1
    (the extract is read again, only when something is wrong)."""
    at, rows, handle, own = open_rows(path)
    with handle:
        for number, row in enumerate(rows, 2):
            if not row:
                continue
            if len(row) <= max(at.values()) or (own and len(row) != len(at)):
                return BadFile(path, f"{len(row)} fields where the header has {len(at)}", number)
            value, fiscal = row[at[column]], row[at["fiscal_year"]]
            try:
                int(value) if value.strip() else 0
            except ValueError:
                return BadFile(path, f"{column} is {value[:40]!r}, not a whole number of dollars", number)
            if years.parse(fiscal) is None:
                return BadFile(path, f"fiscal_year is {fiscal[:40]!r}, not a fiscal year", number)
    return BadFile(path, "cannot be read as a funding extract")


def _total(read: _Read, amounts: list[str]) -> int:
    """The sum of amounts that `sum(map(int, ...))` refused: a blank amount is 0 (another tool may write
    one); anything else is a BadFile naming its row."""
    try:
        return sum(int(a) if a.strip() else 0 for a in amounts)
    except ValueError:
        raise _first_bad_row(read.path, read.column) from None


def _identity(country: str, code: str) -> str:
    """A country by its code (`ci` and ` CI` are CI), or by its name when it has none (a region)."""
    return columns.code(code) or "~" + country_key(country)


def select(known: dict[str, str], wanted: tuple[str, ...]) -> set[str]:
    """The identities of `known` (identity -> name) that `wanted` names, by alpha-2 code, alpha-3 code or
    name (accents and case ignored); UnknownCountry for one that names none."""
    by_name = {country_key(name): identity for identity, name in known.items()}
    chosen = set()
    for text in wanted:
        folded = country_key(text)
        found = by_name.get(folded) or (text.strip().upper() if text.strip().upper() in known else None)
        if found is None and len(text.strip()) == 3:
            found = columns.alpha2(text.strip().upper()) or None
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
    if by == "activity":
        from .activities import by_activity

        return by_activity(path, countries, first, last, constant, named)
    read = _read(path, by, constant, named)
    known = _countries(read)
    chosen = select(known, countries) if countries else None
    return _summary(read, by, known, chosen, first, last, constant)


def _countries(read: _Read) -> dict[str, str]:
    """identity -> name of every country of the extract (the first name it gives a code)."""
    known = {}
    for country, code in dict.fromkeys(group[:2] for group in read.groups):
        known.setdefault(_identity(country, code), country)
    return known


def _summary(read: _Read, by: str, known: dict, chosen: set | None, first, last, constant: bool) -> Summary:
    """The sums of the chosen countries (None: all) and years, keyed by `by`, sorted.

    Whether a country's year is kept is decided once, not once a group: with --by activity there are
    about as many groups as rows, so this loop is kept to a few operations a group."""
    make = _KEY.get(by, _by_extra)
    decided: dict = {}
    totals: dict = {}
    plans, seen = 0, set()
    for group, amounts in read.groups.items():
        base = decided.get(group[:3], False)
        if base is False:
            base = decided[group[:3]] = _keep(read.path, group[:3], known, chosen, first, last)
        if base is None:
            continue
        slot = _SLOTS.get(group[3])
        if slot is None:
            plans += len(amounts)
            continue
        key = make(base, group)
        added = totals.get(key)
        if added is None:
            totals[key] = added = [0, 0]
        try:
            added[slot] += sum(map(int, amounts))
        except ValueError:
            added[slot] += _total(read, amounts)
        seen.add(base)
    rows = [Total(key, o, d) for key, (o, d) in totals.items()]
    rows.sort(key=_order(by))
    asked = sorted((known[i] for i in chosen), key=country_key) if chosen else []
    return Summary(by, BY[by], rows, asked, sorted({years.parse(base[2]) for base in seen}),
                   scope({g[4] for g in read.groups}, {g[5] for g in read.groups}, constant), plans,
                   sorted({base[0] for base in seen}, key=country_key))


def _keep(path: str, base: tuple, known: dict, chosen: set | None, first, last) -> tuple | None:
    """(name, code, fiscal year) of a group's country and year when they are asked for, else None, each
    written one way (`FY2019` and ` 2019` are 2019; `ci` is CI), so that they sum together; the name is the
    first one the extract gives the country's code. BadFile for a fiscal year that is not one."""
    country, code, fiscal = base
    identity = _identity(country, code)
    year = years.parse(fiscal)
    if year is None:
        raise _first_bad_row(path, "current_dollars")
    if (chosen is not None and identity not in chosen) or (first and year < first) or (last and year > last):
        return None
    return known[identity], columns.code(code), str(year)


def _order(by: str):
    """Countries by name, each one's years in order; other keys the largest obligations first."""
    if by in ("year", "country"):
        names, fiscal = {}, {}

        def by_name(total):
            country = total.key[0]
            name = names.get(country) or names.setdefault(country, (country_key(country), country))
            if by == "country":
                return name
            year = fiscal.get(total.key[2]) or fiscal.setdefault(total.key[2], years.parse(total.key[2]))
            return name, year
        return by_name
    return lambda t: (-t.obligations, -t.disbursements, t.key)


def scope(accounts: set, bureaus: set, constant: bool) -> str:
    """What the sums hold, for a title: "INCLE account, all bureaus; obligations and disbursements, current
    dollars". The import kept one account (and one bureau when asked), so the extract's own say which."""
    account = columns.account_label(next(iter(accounts))) if len(accounts) == 1 else (
        f"accounts {', '.join(sorted(columns.account_label(a).removesuffix(' account') for a in accounts))}"
        if accounts else "no account")
    bureau = (columns.bureau_label(next(iter(bureaus))) if len(bureaus) == 1 and "" not in bureaus
              else "all bureaus")
    return f"{account}, {bureau}; obligations and disbursements, {'constant' if constant else 'current'} dollars"


class YearTotal(NamedTuple):
    """One fiscal year's sums (of one country or several); FiscalYear.days() places it on a calendar axis."""

    fiscal_year: years.FiscalYear
    obligations: int
    disbursements: int


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


class Funded(NamedTuple):
    """For a report: `by_code`, per alpha-2 code the extract has, that country's fiscal years with a row,
    in order (YearTotal); `scope`, what the extract sums (as Summary's)."""

    by_code: dict[str, list[YearTotal]]
    scope: str


def year_totals(path: str, codes: list[str], constant: bool = False, named: bool = True) -> Funded:
    """For a report: each country's obligations and disbursements per fiscal year with a row, for the ISO
    3166-1 alpha-2 `codes` the extract has (others are left out, no error), from one reading of the
    extract. NoExtract when there is no extract at `path` (`named`: the user gave it), BadFile when it
    cannot be read."""
    read = _read(path, "year", constant, named)
    known = _countries(read)
    chosen = {code for code in map(columns.code, codes) if code in known}
    summary = _summary(read, "year", known, chosen, None, None, constant)
    found: dict[str, list[YearTotal]] = {}
    for total in summary.totals:  # by (country, code, fiscal year), in the order of their years
        found.setdefault(total.key[1], []).append(YearTotal(years.parse(total.key[2]), *total[1:]))
    return Funded(found, summary.scope)
