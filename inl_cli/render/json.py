"""JSON: a table's rows as objects keyed by column; several tables keyed by name."""
from __future__ import annotations

import json
import re

from ..text import CONTROL_CHARACTERS
from . import machine

_UNSAFE = re.compile(f"[{CONTROL_CHARACTERS}]")


def rows(table) -> list[dict]:
    keys = machine.keys(table)
    return [dict(zip(keys, values)) for values in machine.rows(table)]


def render(tables, width=None) -> str:
    data = rows(tables[0]) if len(tables) == 1 else {t.name: rows(t) for t in tables}
    return dumps(data)


def dumps(data) -> str:
    """JSON text, UTF-8 kept as it is; every control, bidirectional or invisible character is written as a
    `\\u` escape (JSON escapes the C0 ones itself), so none reaches a terminal or editor raw."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
