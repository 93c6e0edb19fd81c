"""Renderers: one module per output format, each with `render(tables, width) -> str`.

`MODULES` names modules rather than importing them, so JSON and CSV output never pay for Rich;
the formats themselves are listed in `inl_cli/formats.py`.
"""
from __future__ import annotations

import importlib

from ..text import clean

MODULES = {"table": "terminal", "markdown": "markdown", "json": "json", "csv": "csv"}
"""The module that draws each view format of `formats.VIEW`."""


def get(name: str):
    return importlib.import_module(f"{__name__}.{MODULES[name]}")


def cell_text(value, join: str = ", ") -> str:
    """A cell as people read it: lists joined, nothing for None, numbers with separators."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return join.join(cell_text(item) for item in value)
    if isinstance(value, (int, float)):
        return f"{value:,}"
    return clean(str(value))


def pieces(text: str, spans) -> list[tuple[str, bool]]:
    """`text` cut at `spans` into (piece, matched) pairs, each piece cleaned."""
    tidy = str if text.isprintable() else clean  # printable text has nothing to clean
    found, at = [], 0
    for start, end in spans or ():
        found += [(tidy(text[at:start]), False), (tidy(text[start:end]), True)]
        at = end
    found.append((tidy(text[at:]), False))
    return [(piece, matched) for piece, matched in found if piece]
