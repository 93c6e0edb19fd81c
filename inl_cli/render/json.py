"""JSON: a table's rows as objects keyed by column; several tables keyed by name.

The text is `json.dumps(data, ensure_ascii=False, indent=2)`, written here with the C string escaper
that `json` itself uses, because importing the `json` package (its decoder compiles regexes) costs
about 1.7 ms, a quarter of what `inl export --format json` adds to Python's start-up. A value this
writer does not know (NaN, a subclass) hands the whole document to `json.dumps`, so the bytes are
always the standard library's; tests/test_formats.py compares the two over generated documents.
"""
from __future__ import annotations

try:
    from _json import encode_basestring as _string
except ImportError:  # another Python than CPython: the json package does it all
    _string = None


def rows(table) -> list[dict]:
    keys = [c.key for c in table.machine_columns]
    return [{key: row.get(key) for key in keys} for row in table.rows]


def render(tables, width=None) -> str:
    data = rows(tables[0]) if len(tables) == 1 else {t.name: rows(t) for t in tables}
    return dumps(data)


def dumps(data) -> str:
    """JSON text; DEL, C1 controls and bidi overrides written as \\u escapes (JSON escapes the C0 ones)."""
    from . import _CONTROL

    try:
        if _string is None:
            raise _Unknown
        parts: list[str] = []
        _write(data, parts, "\n")
        text = "".join(parts) + "\n"
    except _Unknown:
        import json

        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _Unknown(Exception):
    """A value to leave to the json package."""


_FLOAT_LIMIT = float("inf")


def _write(value, out: list, newline: str) -> None:
    kind = type(value)
    if kind is str:
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and -_FLOAT_LIMIT < value < _FLOAT_LIMIT:
        out.append(float.__repr__(value))
    elif kind is dict or kind is list or kind is tuple:
        if not value:
            out.append("{}" if kind is dict else "[]")
            return
        inner = newline + "  "
        out.append("{" if kind is dict else "[")
        separator = inner
        for item in value.items() if kind is dict else value:
            if kind is dict:
                key, item = item
                if type(key) is not str:
                    raise _Unknown
                out.append(separator + _string(key) + ": ")
            else:
                out.append(separator)
            separator = "," + inner
            _write(item, out, inner)
        out.append(newline + ("}" if kind is dict else "]"))
    else:
        raise _Unknown
