"""`inl funding --by activity`: summed a row at a time straight into each country's activities.

The other choices group the extract's amounts first and sum the groups (`summary`), which is fastest
when groups are few. By activity nearly every row is a group of its own (an activity's year of one
type), so here each row goes straight to its activity's total: a tenth as many totals as there would
be groups, and about half the time. Which fiscal years to keep is decided once per country and year;
which countries, at the end, as the totals are keyed by country.
"""
from __future__ import annotations

import csv
from operator import itemgetter

from .. import fiscal as years
from .. import text
from . import columns
from .errors import BadFile
from .extract import open_rows
from .summary import _SLOTS, BY, Summary, Total, _first_bad_row, _identity, _order, scope, select


def by_activity(path: str, countries: tuple[str, ...] = (), first=None, last=None, constant: bool = False,
                named: bool = True) -> Summary:
    """As `summary.summarize(path, "activity", ...)`; NoExtract, BadFile and UnknownCountry likewise."""
    column = "constant_dollars" if constant else "current_dollars"
    opened = open_rows(path, named)
    at = opened.at
    base_of = itemgetter(at["country"], at["code"], at["fiscal_year"])
    kind, amount, activity, name = at["transaction_type"], at[column], at["activity_id"], at["activity_name"]
    pair_of = itemgetter(at["account"], at["bureau"])
    verdicts: dict = {}  # (country, code, fiscal year) -> [name, code, kept, spent, plans]
    names: dict = {}  # identity -> the first name the extract gives it
    totals: dict = {}
    pairs: set = set()
    with opened.handle:
        try:
            fields = len(at) if opened.own else 0  # the import's own layout: every row has its 12 fields
            for row in opened.rows:
                if not row:
                    continue
                if fields and len(row) != fields:
                    raise IndexError(len(row))
                verdict = verdicts.get(base := base_of(row))
                if verdict is None:
                    verdict = verdicts[base] = _verdict(path, base, names, first, last)
                pairs.add(pair_of(row))
                if not verdict[2]:
                    continue
                slot = _SLOTS.get(row[kind])
                if slot is None:
                    verdict[4] += 1
                    continue
                key = (verdict[0], verdict[1], row[activity], row[name])
                added = totals.get(key)
                if added is None:
                    totals[key] = added = [0, 0]
                added[slot] += int(row[amount] or 0)
                verdict[3] = True
        except (UnicodeDecodeError, csv.Error) as error:  # before ValueError, of which the first is a kind
            raise BadFile(path, f"cannot be read as CSV ({error})") from None
        except (ValueError, IndexError):
            raise _first_bad_row(path, column) from None
    return _summary(totals, verdicts, names, countries, scope({a for a, _ in pairs}, {b for _, b in pairs},
                                                              constant))


def _verdict(path: str, base: tuple, names: dict, first, last) -> list:
    """[name, code, kept, spent, plans] of a country's fiscal year: its name (the first the extract gives its
    code), whether the year is in the window; `spent` and `plans` are filled in as rows come."""
    country, code, fiscal = base
    year = years.parse(fiscal)
    if year is None:
        raise _first_bad_row(path, "current_dollars")
    shown = names.setdefault(_identity(country, code), country)
    return [shown, columns.code(code), not ((first and year < first) or (last and year > last)), False, 0]


def _summary(totals: dict, verdicts: dict, names: dict, countries: tuple[str, ...], what: str) -> Summary:
    """The totals of the countries asked for (UnknownCountry for one the extract has not), sorted."""
    chosen = select(names, countries) if countries else None
    if chosen is not None:
        totals = {key: sums for key, sums in totals.items() if _identity(key[0], key[1]) in chosen}
    kept = {base: v for base, v in verdicts.items()
            if v[2] and (chosen is None or _identity(v[0], v[1]) in chosen)}
    spent = [(base, v[0]) for base, v in kept.items() if v[3]]
    rows = [Total(key, o, d) for key, (o, d) in totals.items()]
    rows.sort(key=_order("activity"))
    asked = sorted((names[i] for i in chosen), key=text.key) if chosen else []
    return Summary("activity", BY["activity"], rows, asked, sorted({years.parse(base[2]) for base, _ in spent}),
                   what, sum(v[4] for v in kept.values()), sorted({name for _, name in spent}, key=text.key))
