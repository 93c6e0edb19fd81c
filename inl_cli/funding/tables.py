"""A funding summary as the views' tables, which every renderer draws, and the captions that say what it holds.

`as_tables` is the one place the funding code builds view tables: people read amounts as $1.2M and years
as FY2019 (human columns), programs get exact dollars and the year as the data writes it (machine columns).
"""
from __future__ import annotations

from ..fiscal import span
from ..money import short
from .summary import Summary

LABELS = {"year": "country and fiscal year", "country": "country", "sector": "U.S. sector",
          "partner": "implementing partner", "account": "account and bureau", "activity": "activity"}
TITLES = {"country": "Country", "code": "Code", "fiscal_year": "Fiscal year", "us_sector": "U.S. sector",
          "implementing_partner": "Implementing partner", "account": "Account", "bureau": "Bureau",
          "activity_id": "Activity ID", "activity_name": "Activity"}


def who(summary: Summary) -> str:
    """The countries summed: "Colombia", "Colombia and Mexico", "5 countries", "all 12 countries"."""
    names = summary.countries or summary.seen
    if not names:
        return "no country"
    if len(names) <= 3:
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"{'' if summary.countries else 'all '}{len(names):,} countries"


def caption(summary: Summary) -> str:
    """The title of every output: what is summed, for whom, when, and the filter the extract was made with."""
    when = span(summary.fiscal_years)
    return f"Funding by {LABELS[summary.by]}, {who(summary)}{', ' + when if when else ''}: {summary.scope}"


def note(summary: Summary) -> str:
    """The totals, and what was left out."""
    obligations = sum(t.obligations for t in summary.totals)
    disbursements = sum(t.disbursements for t in summary.totals)
    text = f"Total: obligations {short(obligations)}, disbursements {short(disbursements)}."
    if summary.plans:
        rows = "1 row" if summary.plans == 1 else f"{summary.plans:,} rows"
        verb = "is" if summary.plans == 1 else "are"
        text += f" {rows} of appropriations and budget requests (plans, not spending) {verb} not counted."
    return text


def as_tables(summary: Summary, human: bool = True) -> list:
    """The summary as one view table: the key's columns, then obligations and disbursements. Without
    `human` (JSON, CSV) the columns only people read ($1.2M, FY2019) are left out, and their cost with them."""
    from ..views import Column, Table

    columns = []
    for key in summary.keys:
        if key == "fiscal_year":
            columns.append(Column("fiscal_year", TITLES[key], human=False))
            columns += [Column("fy", TITLES[key], machine=False)] if human else []
        else:
            columns.append(Column(key, TITLES[key]))
    for key in ("obligations", "disbursements"):
        columns.append(Column(key, key.title(), human=False))
        columns += [Column(f"{key}_shown", key.title(), machine=False)] if human else []
    rows = []
    for total in summary.totals:
        row = dict(zip(summary.keys, total.key), obligations=total.obligations, disbursements=total.disbursements)
        if human:
            row.update(obligations_shown=short(total.obligations), disbursements_shown=short(total.disbursements))
            if "fiscal_year" in row:
                row["fy"] = f"FY{row['fiscal_year']}"
        rows.append(row)
    return [Table(f"funding_by_{summary.by}", caption(summary), tuple(columns), rows, note(summary))]
