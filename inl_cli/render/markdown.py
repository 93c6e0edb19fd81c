"""GitHub-flavoured Markdown: a heading and a table per view, data text escaped.

Data is shown as typed: Markdown punctuation is backslash-escaped, `|` cannot
break a table, newlines in cells become `<br>`, a cell with several items shows
one a line after a `•`, and Mermaid task names use Mermaid's `#NN;` entity codes
for the characters its grammar reserves.

Reports run to megabytes over hundreds of programs, so text is cleaned and
escaped in bulk: the cells of a whole table are joined, cleaned and escaped by
one regular expression each, and split again, rather than one call per cell.
"""
from __future__ import annotations

import operator
import re
from datetime import timedelta

from ..dates import PartialDate
from . import clean, pieces
from .report import BLOCKS, layout, today

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!])")
_MERMAID = re.compile(r"[:#;`\"<>]")
_SEPARATOR = "\ue000"  # a private-use character; should a text hold one, its table is escaped cell by cell
MARKER = "• "


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


def _plain(text: str) -> str:
    """Text with control characters shown escaped; most text has none and is returned as it is."""
    return text if text.isprintable() else clean(text)


def _text(value, several: str = "\n") -> str:
    """A value as people read it, before escaping: several items one a line after a marker."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        items = value if all(type(item) is str for item in value) else [_text(item, ", ") for item in value]
        if len(items) < 2:
            return items[0] if items else ""
        return MARKER + (several + MARKER).join(items)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _texts(rows: list[dict], keys: list[str]) -> list[str]:
    """The text of each of `keys` in each row, row after row; plain strings, the most common, go straight."""
    if not keys:
        return []
    values = operator.itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))
    try:
        return [v if type(v) is str else _text(v) for row in rows for v in values(row)]
    except KeyError:
        return [_text(row.get(key)) for row in rows for key in keys]


def escape_all(texts: list[str], newline: str = "\n", lines: bool = True) -> list[str]:
    """`escape` of each text, newlines as `newline` (or shown as `\\n`, unless `lines`), in one pass over all."""
    if not texts:
        return []
    joined = _SEPARATOR.join(texts)
    escaped = escape(joined if lines else clean(joined, lines=False))
    if newline != "\n":
        escaped = escaped.replace("\n", newline)
    found = escaped.split(_SEPARATOR)
    if len(found) != len(texts):  # a separator inside a text: one by one
        return [escape(text if lines else clean(text, lines=False)).replace("\n", newline) for text in texts]
    return found


def cell(value, join: str = ", ") -> str:
    """One table cell: escaped, several items one a line after a marker, newlines as <br>."""
    return escape(_text(value)).replace("\n", "<br>")


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
        plain = [c.key for c in columns if not c.highlight]
        texts = escape_all(_texts(t.rows, plain), newline="<br>")
        width = len(plain)
        if width == len(columns):
            lines += ["| " + " | ".join(texts[at:at + width]) + " |" for at in range(0, len(texts), width)]
        else:
            for number, row in enumerate(t.rows):
                cells = iter(texts[number * width:(number + 1) * width])
                shown = [marked(str(row.get(c.key) or ""), row.get(c.highlight)).replace("\n", "<br>")
                         if c.highlight else next(cells) for c in columns]
                lines.append("| " + " | ".join(shown) + " |")
    if t.note:
        lines += ["", escape(t.note)]
    return "\n".join(lines) + "\n"


def render(tables, width=None) -> str:
    return "\n".join(table(t) for t in tables)


def blocks(t, level: int = 2) -> str:
    """A subsection per row: its title as a heading, short fields on one line, the summary, then lists."""
    lines = [f"{'#' * level} {heading_text(t.heading or t.title)}", ""]
    if not t.rows:
        return "\n".join(lines + ["Nothing to show."]) + "\n"
    columns = [c for c in t.human_columns if c.key != "title"]
    facts = [c for c in columns if c.join != "\n" and c.key != "summary"]
    lists = [c for c in columns if c.join == "\n"]
    titles = escape_all(_texts(t.rows, ["title"]), lines=False)
    texts = escape_all(_texts(t.rows, ["summary", *(c.key for c in facts)]), newline="<br>")
    groups = [row.get(c.key) or () for row in t.rows for c in lists]
    items = escape_all([item if type(item) is str else _text(item) for group in groups for item in group],
                       newline="<br>")
    facts_labels = [f"**{escape(c.title)}:** " for c in facts]
    list_labels = [f"**{escape(c.title)}:**" for c in lists]
    heading, width, at = "#" * (level + 1) + " ", 1 + len(facts), 0
    for number, title in enumerate(titles):
        summary, *values = texts[number * width:(number + 1) * width]
        lines += [heading + title, ""]
        shown = " · ".join([label + value for label, value in zip(facts_labels, values) if value])
        if shown:
            lines += [shown, ""]
        if summary:
            lines += [summary, ""]
        for position, label in enumerate(list_labels):
            count = len(groups[number * len(lists) + position])
            if count:
                lines += [label, "", "- " + "\n- ".join(items[at:at + count]), ""]
                at += count
    return "\n".join(lines[:-1]) + "\n"


def mermaid_text(text: str) -> str:
    """A task or title Mermaid shows as typed: reserved characters as #code; entities."""
    return _MERMAID.sub(_entity, " ".join(_plain(_text(text)).split()))


def _entity(match) -> str:
    return f"#{ord(match.group())};"


def gantt(t, title: str) -> str:
    """The timeline table as a Mermaid gantt: spans as bars, points and milestones as milestones.

    With several countries, each country's entries make sections of their own, named after it.
    """
    lines = ["```mermaid", "gantt", f"    title {mermaid_text(title)}", "    dateFormat YYYY-MM-DD",
             "    axisFormat %Y"]
    groups = {"accomplishment": "Accomplishments", "milestone": "Milestones", "context": "Context"}
    countries = list(dict.fromkeys(r.get("country") for r in t.rows))
    grouped: dict = {}
    for row in t.rows:
        if row.get("start"):
            grouped.setdefault((row.get("country"), row["kind"]), []).append(row)
    days: dict = {}
    for country in countries:
        for kind, section in groups.items():
            rows = grouped.get((country, kind))
            if not rows:
                continue
            name = f"{mermaid_text(country)}, {section.lower()}" if len(countries) > 1 else section
            lines.append(f"    section {name}")
            lines += _tasks(rows, days)
    lines.append("```")
    return "\n".join(lines) + "\n"


def _tasks(rows, days: dict) -> list[str]:
    """A task per row: a bar from a span's first day to the day after its last (today for an open span)."""
    names = "\n".join(" ".join(_plain(f"{r['when']} {r['title']}").split()) for r in rows)
    lines = []
    for row, name in zip(rows, _MERMAID.sub(_entity, names).split("\n")):
        start = _day(row["start"], days, first=True)
        if row["start"] != row.get("end"):
            lines.append(f"    {name} :{start}, {_day(row.get('end'), days, first=False)}")
        else:
            lines.append(f"    {name} :milestone, {start}, 0d")
    return lines


def _day(text: str | None, cache: dict, first: bool) -> str:
    """The first day of a date, or the day after its last (after today when there is none), ISO."""
    if (text, first) not in cache:
        if first:
            day = PartialDate.parse(text).first_day
        else:
            day = (PartialDate.parse(text).last_day if text else today()) + timedelta(days=1)
        cache[text, first] = day.isoformat()
    return cache[text, first]


def render_report(report) -> str:
    parts = [f"# {heading_text(report.title)}\n"]
    plural = "s" * (len(report.sources) > 1)
    parts.append(f"Restated from the U.S. Department of State's page{plural}, named under [Source](#source).\n")
    for t in report.tables:
        shown = layout(t)
        parts.append(blocks(shown) if t.name in BLOCKS else table(shown, t.heading))
        if t.name == "timeline" and any(r.get("start") for r in t.rows):
            parts.append(gantt(t, report.title))
    lines = [f"- {escape(s['country'])}: [{escape(s['title'])}](<{url(s['url'])}>)" for s in report.sources]
    parts.append("## Source\n\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)
