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

_BIDI = "\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def get(name: str):
    return importlib.import_module(f"{__name__}.{FORMATS[name]}")


def _visible(match) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if char < "\u0100" else f"\\u{ord(char):04x}")


def clean(text: str, lines: bool = True) -> str:
    """Text safe for a terminal or a document: control characters shown escaped, as `\\x1b` or `\\u202e`.

    The one escape for every line that shows data or a path: C0 and C1 controls
    (ESC, CSI, BEL among them), DEL, and the bidirectional overrides and marks that
    reorder what follows. A tab is kept, and newlines too unless `lines` is false
    (a message or a file name must stay one line).
    """
    shown = _CONTROL.sub(_visible, text)
    return shown if lines else shown.replace("\n", "\\n")


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
