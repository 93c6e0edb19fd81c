"""A view's machine columns as plain values, the one form JSON and CSV both write.

A date column gives its date as people read it ("2015–2018", "undated"), and the machine columns after it
give its start and end as ISO partial dates and its precision (None when undated; an open span has no end).
A dated item in a list reads "Jul 2020: title"; numbers stay numbers and lists stay lists.
"""
from __future__ import annotations

from functools import lru_cache

from ..dates import end_of, start_of
from ..views import Dated
from . import shown, when_text


@lru_cache(maxsize=4096)  # the same dates recur across rows
def _parts(when) -> tuple:
    if when is None:
        return None, None, None
    end = end_of(when)
    return start_of(when).iso(), (end.iso() if end is not None else None), when.precision


_PART = {"start": 0, "end": 1, "precision": 2}


def _getter(column):
    """How a column's value is taken from a row: a date as people read it, a date's part, or the value."""
    key = column.source or column.key
    if column.kind == "date":
        return lambda row: when_text(row.get(key))
    if column.kind in _PART:
        index = _PART[column.kind]
        return lambda row: _parts(row.get(key))[index]
    return lambda row: _value(row.get(key))


def _value(value):
    """A value as it is, but a list's dated items as text ("Jul 2020: title")."""
    if isinstance(value, list):
        return [shown(item) if isinstance(item, Dated) else item for item in value]
    return value


def keys(table) -> list[str]:
    return [c.key for c in table.machine_columns]


def rows(table) -> list[list]:
    """Each row's values, in the order of `keys(table)`. A table without a date column (most machine
    tables, and the longest: funding by activity) is read without a getter a cell."""
    columns = table.machine_columns
    if any(c.kind == "date" or c.kind in _PART for c in columns):
        getters = [_getter(c) for c in columns]
        return [[get(row) for get in getters] for row in table.rows]
    sources = [c.source or c.key for c in columns]
    return [[_value(v) if isinstance(v, list) else v for v in map(row.get, sources)] for row in table.rows]
