"""CSV: one table, machine columns, lists joined with "; ".

A cell is quoted when it holds a comma, a quote, a newline or a bare carriage
return (which some readers take as a row break). With `safe` (the default), a
text cell that begins with = + - @, a tab or a carriage return gets a leading
`'`, as OWASP advises, so spreadsheets show it instead of running it as a formula.
"""
from __future__ import annotations

import re

from . import machine

SEPARATOR = "; "
_QUOTE = re.compile(r'[,"\r\n]')
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def render(tables, width=None, safe: bool = True) -> str:
    if len(tables) != 1:
        raise ValueError("CSV holds one table; choose one section")
    lines = [_row(machine.keys(tables[0]), safe)]
    for values in machine.rows(tables[0]):
        lines.append(_row([_cell(value) for value in values], safe))
    return "".join(lines)


def _row(cells, safe: bool) -> str:
    if cells == [""]:
        return '""\n'  # a lone empty cell, which an empty line would lose
    return ",".join(_field(cell, safe) for cell in cells) + "\n"


def _field(value, safe: bool) -> str:
    if not isinstance(value, str):
        return str(value)  # a number: -7.5 stays a number
    if safe and value.startswith(FORMULA):
        value = "'" + value
    if _QUOTE.search(value):
        return '"' + value.replace('"', '""') + '"'
    return value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return SEPARATOR.join(map(str, value))
    return value
