"""JSON: a table's rows as objects keyed by column; several tables keyed by name."""
from __future__ import annotations

import json

from ..text import escape_unsafe
from . import machine


def rows(table) -> list[dict]:
    keys = machine.keys(table)
    return [dict(zip(keys, values)) for values in machine.rows(table)]


def render(tables, width=None) -> str:
    data = rows(tables[0]) if len(tables) == 1 else {t.name: rows(t) for t in tables}
    return dumps(data)


def dumps(data) -> str:
    """JSON text, UTF-8 kept as it is; every control, bidirectional or invisible character is written as a
    `\\u` escape (JSON escapes the C0 ones itself), so none reaches a terminal or editor raw; so is a lone
    surrogate (a file name's undecodable byte), which no UTF-8 output could write."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return escape_unsafe(text)
