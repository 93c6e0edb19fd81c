"""JSON: a table's rows as objects keyed by column; several tables keyed by name."""
from __future__ import annotations

import json
import re

from ..text import CONTROL_CHARACTERS

_UNSAFE = re.compile(f"[{CONTROL_CHARACTERS}]")


def rows(table) -> list[dict]:
    keys = [c.key for c in table.machine_columns]
    return [{key: row.get(key) for key in keys} for row in table.rows]


def render(tables, width=None) -> str:
    data = rows(tables[0]) if len(tables) == 1 else {t.name: rows(t) for t in tables}
    return dumps(data)


def dumps(data) -> str:
    """JSON text, UTF-8 kept as it is; every control, bidirectional or invisible character is written as a
    `\\u` escape (JSON escapes the C0 ones itself), so none reaches a terminal or editor raw."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
