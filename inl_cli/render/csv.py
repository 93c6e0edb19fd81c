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
    lines += [_row(values, safe) for values in machine.rows(tables[0])]
    return "".join(lines)


def _row(values, safe: bool) -> str:
    if len(values) == 1 and _joined(values[0]) == "":
        return '""\n'  # a lone empty cell, which an empty line would lose
    return ",".join([_field(value, safe) for value in values]) + "\n"


def _joined(value):
    """None as nothing, a list as its items joined with SEPARATOR, any other value as it is."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return SEPARATOR.join(map(str, value))
    return value


def _field(value, safe: bool) -> str:
    """One cell: a number as it is (-7.5 stays a number); text guarded against formulas and quoted when it
    must be."""
    if value.__class__ is not str:
        value = _joined(value)
        if not isinstance(value, str):
            return str(value)
    if safe and value.startswith(FORMULA):
        value = "'" + value
    if _QUOTE.search(value):
        return '"' + value.replace('"', '""') + '"'
    return value
