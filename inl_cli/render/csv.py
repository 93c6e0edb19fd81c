"""CSV: one table, machine columns, lists joined with "; "."""
from __future__ import annotations

import csv
import io

SEPARATOR = "; "


def render(tables, width=None) -> str:
    if len(tables) != 1:
        raise ValueError("CSV holds one table; choose one section")
    table = tables[0]
    columns = table.machine_columns
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.key for c in columns])
    for row in table.rows:
        writer.writerow([_cell(row.get(c.key)) for c in columns])
    return out.getvalue()


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return SEPARATOR.join(map(str, value))
    return value
