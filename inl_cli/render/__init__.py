"""Renderers: one module per output format, each with `render(tables, width) -> str`.

`MODULES` names modules rather than importing them, so JSON and CSV output never pay for Rich;
the formats themselves are listed in `inl_cli/formats.py`. Every renderer writes a view's values with
`shown` and `cell_text` here, so a date reads the same everywhere.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from ..dates import PartialDate, Span
from ..money import Dollars, short
from ..text import clean
from ..views import Dated

MODULES = {"table": "terminal", "markdown": "markdown", "json": "json", "csv": "csv"}
"""The module that draws each view format of `formats.VIEW`."""

UNDATED = "undated"


def get(name: str):
    return importlib.import_module(f"{__name__}.{MODULES[name]}")


@lru_cache(maxsize=4096)  # the same dates recur across rows and views
def when_text(when) -> str:
    """A date cell as people read it: "Sep 2013", "2015–2018", "since 2012", or "undated"."""
    return UNDATED if when is None else when.display()


def shown(value) -> str:
    """One value as people read it, uncleaned: a date as "Sep 2013", a dated item as "Jul 2020: title", a
    number with separators, nothing for None."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, Dated):
        return f"{when_text(value.when)}: {value.title}"
    if isinstance(value, (PartialDate, Span)):
        return when_text(value)
    if isinstance(value, Dollars):
        return short(value)
    if isinstance(value, (int, float)):
        return f"{value:,}"
    return str(value)


def cell_text(value, join: str = ", ") -> str:
    """A cell as people read it, cleaned: lists joined with `join`, nothing for None."""
    if isinstance(value, (list, tuple)) and not isinstance(value, (Dated, PartialDate, Span)):
        text = join.join(map(shown, value))
    else:
        text = shown(value)
    return text if text.isprintable() else clean(text)


def column_text(row: dict, column) -> str:
    """The cell of `column` in `row` as people read it; an empty date cell reads "undated"."""
    value = row.get(column.key)
    if column.kind == "date":
        return when_text(value)
    return cell_text(value, column.join)


def country_names(programs) -> dict:
    """id(program) -> its country as a reader tells it apart from another program's of the same name:
    "Congo (CD)", "Congo (CG)". Only programs that share a name are in it; see `country_name`."""
    names = [p.country.name for p in programs]
    return {id(p): f"{p.country.name} ({p.country.code})" for p in programs if names.count(p.country.name) > 1}


def country_name(program, names: dict) -> str:
    return names.get(id(program)) or program.country.name


def named(rows: list[dict], names: dict) -> list[dict]:
    """Rows whose Country tells apart the programs that share a name (`country_names`)."""
    if not names:
        return rows
    return [{**row, "country": names[id(row.get("program"))]} if id(row.get("program")) in names else row
            for row in rows]


def pieces(text: str, spans) -> list[tuple[str, bool]]:
    """`text` cut at `spans` into (piece, matched) pairs, each piece cleaned."""
    tidy = str if text.isprintable() else clean  # printable text has nothing to clean
    found, at = [], 0
    for start, end in spans or ():
        found += [(tidy(text[at:start]), False), (tidy(text[start:end]), True)]
        at = end
    found.append((tidy(text[at:]), False))
    return [(piece, matched) for piece, matched in found if piece]
