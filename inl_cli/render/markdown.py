"""GitHub-flavoured Markdown: a heading and a table per view, data text escaped."""
from __future__ import annotations

import re

from . import cell_text

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def escape(text: str) -> str:
    """Inline text that Markdown shows as typed: no links, emphasis, HTML or table breaks."""
    text = text.replace("&", "&amp;")
    return _SPECIAL.sub(r"\\\1", text)


def cell(value, join: str = ", ") -> str:
    if isinstance(value, (list, tuple)):
        separator = "<br>" if join == "\n" else join
        return separator.join(cell(item) for item in value)
    return "<br>".join(escape(line) for line in cell_text(value).split("\n"))


def table(t, level: int = 2) -> str:
    columns = t.human_columns
    lines = [f"{'#' * level} {escape(t.title)}", ""]
    if not t.rows:
        lines.append("_None._")
    else:
        lines.append("| " + " | ".join(escape(c.title) for c in columns) + " |")
        lines.append("|" + "|".join(" --- " for _ in columns) + "|")
        for row in t.rows:
            lines.append("| " + " | ".join(cell(row.get(c.key), c.join) for c in columns) + " |")
    if t.note:
        lines += ["", escape(t.note)]
    return "\n".join(lines) + "\n"


def render(tables, width=None) -> str:
    return "\n".join(table(t) for t in tables)
