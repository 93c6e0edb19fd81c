"""Renderers: one module per output format, each with `render(tables, width) -> str`.

The registry names modules rather than importing them, so JSON and CSV output
never pay for Rich, and it feeds the `--format` choice.
"""
from __future__ import annotations

import importlib
import re

FORMATS = {
    "table": "terminal",
    "markdown": "markdown",
    "json": "json",
    "csv": "csv",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def get(name: str):
    return importlib.import_module(f"{__name__}.{FORMATS[name]}")


def clean(text: str) -> str:
    """Text safe for a terminal or a document: control characters (ESC among them) removed."""
    return _CONTROL.sub("", text)


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
    found, at = [], 0
    for start, end in spans or ():
        found += [(clean(text[at:start]), False), (clean(text[start:end]), True)]
        at = end
    found.append((clean(text[at:]), False))
    return [(piece, matched) for piece, matched in found if piece]
