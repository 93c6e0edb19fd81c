"""GitHub-flavoured Markdown: a heading and a table per view, data text escaped.

Data is shown as typed: Markdown punctuation is backslash-escaped, `|` cannot
break a table, newlines in cells become `<br>`, and Mermaid task names use
Mermaid's `#NN;` entity codes for the characters its grammar reserves.
"""
from __future__ import annotations

import re
from datetime import timedelta

from ..dates import PartialDate
from . import cell_text, clean, pieces

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!])")
_MERMAID = re.compile(r"[:#;`\"<>]")


def escape(text: str) -> str:
    """Inline text that Markdown shows as typed: no links, emphasis, HTML or table breaks; controls escaped."""
    return _SPECIAL.sub(r"\\\1", clean(text).replace("&", "&amp;"))


def heading_text(text: str) -> str:
    """A heading's text: one line, escaped."""
    return escape(clean(text, lines=False))


def url(address: str) -> str:
    """A link destination for `(<...>)`: spaces, angle brackets, controls and non-ASCII percent-encoded."""
    from urllib.parse import quote

    return quote(address, safe=":/?#[]@!$&'()*+,;=%~")


def cell(value, join: str = ", ") -> str:
    if isinstance(value, (list, tuple)):
        return ("<br>" if join == "\n" else join).join(cell(item) for item in value)
    return "<br>".join(escape(line) for line in cell_text(value).split("\n"))


def marked(text: str, spans) -> str:
    """Text with its matched pieces in bold."""
    return "".join(f"**{escape(p)}**" if matched else escape(p) for p, matched in pieces(text, spans))


def table(t, heading: str | None = None, level: int = 2) -> str:
    columns = t.human_columns
    lines = [f"{'#' * level} {heading_text(heading or t.title)}", ""]
    if not t.rows:
        lines.append("Nothing to show.")
    else:
        lines.append("| " + " | ".join(escape(c.title) for c in columns) + " |")
        lines.append("|" + "|".join(" --- " for _ in columns) + "|")
        for row in t.rows:
            cells = [marked(str(row.get(c.key) or ""), row.get(c.highlight)).replace("\n", "<br>")
                     if c.highlight else cell(row.get(c.key), c.join) for c in columns]
            lines.append("| " + " | ".join(cells) + " |")
    if t.note:
        lines += ["", escape(t.note)]
    return "\n".join(lines) + "\n"


def render(tables, width=None) -> str:
    return "\n".join(table(t) for t in tables)


def mermaid_text(text: str) -> str:
    """A task or title Mermaid shows as typed: reserved characters as #code; entities."""
    text = " ".join(cell_text(text).split())
    return _MERMAID.sub(lambda m: f"#{ord(m.group())};", text)


def gantt(t, title: str) -> str:
    """The timeline table as a Mermaid gantt: spans as bars, points and milestones as milestones."""
    lines = ["```mermaid", "gantt", f"    title {mermaid_text(title)}", "    dateFormat YYYY-MM-DD",
             "    axisFormat %Y"]
    groups = {"accomplishment": "Accomplishments", "milestone": "Milestones", "context": "Context"}
    countries = list(dict.fromkeys(r.get("country") for r in t.rows))
    for country in countries:
        for kind, section in groups.items():
            rows = [r for r in t.rows if r["kind"] == kind and r.get("start") and r.get("country") == country]
            if not rows:
                continue
            name = f"{mermaid_text(country)}, {section.lower()}" if len(countries) > 1 else section
            lines.append(f"    section {name}")
            lines += _tasks(rows)
    lines.append("```")
    return "\n".join(lines) + "\n"


def _tasks(rows) -> list[str]:
    lines = []
    for row in rows:
        start, end = PartialDate.parse(row["start"]), PartialDate.parse(row["end"])
        name = mermaid_text(f"{row['when']} {row['title']}")
        if row["start"] != row["end"]:
            after = end.last_day + timedelta(days=1)
            lines.append(f"    {name} :{start.first_day.isoformat()}, {after.isoformat()}")
        else:
            lines.append(f"    {name} :milestone, {start.first_day.isoformat()}, 0d")
    return lines


def render_report(report) -> str:
    parts = [f"# {heading_text(report.title)}\n"]
    sources = "; ".join(f"[{escape(s['title'])}](<{url(s['url'])}>)" for s in report.sources)
    parts.append(f"Restated from the U.S. Department of State's page{'s' * (len(report.sources) > 1)}: "
                 f"{sources}.\n")
    for t in report.tables:
        parts.append(table(t, t.heading))
        if t.name == "timeline" and any(r.get("start") for r in t.rows):
            parts.append(gantt(t, report.title))
    lines = [f"- {escape(s['country'])}: [{escape(s['title'])}](<{url(s['url'])}>)" for s in report.sources]
    parts.append("## Source\n\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)
