"""GitHub-flavoured Markdown: a heading and a table per view, data text escaped.

Data is shown as typed, in plain Markdown that pastes anywhere: punctuation is
backslash-escaped, `|` cannot break a table, a newline within a text reads as a
space, a table cell with several items joins them with "; " (a report lists them
in each accomplishment's section), and Mermaid task names use Mermaid's `#NN;`
entity codes for the characters its grammar reserves.

Reports run to megabytes over hundreds of programs, so text is escaped in bulk:
the cells of a whole table are joined with separators, escaped with a few
`str.replace` calls (and cleaned only when something is there to clean), and
the separators become the table's own `|` and line breaks.
"""
from __future__ import annotations

import re
from datetime import timedelta

from ..dates import end_of, start_of
from ..text import clean
from ..views import Column
from . import country_names, named, pieces, shown, when_text
from .report import BLOCKS, arrange

#: Markdown punctuation, backslash first so that the backslashes added for the others stay single.
_SPECIAL = tuple((char, "\\" + char) for char in "\\`*_[]<>|~#!")
_MERMAID = re.compile(r"[:#;`\"<>]")
# Printable separators, so that one isprintable() tells whether a whole table has anything to clean; a text
# that holds one of them sends its table down the slow path, one cell at a time.
_CELL, _ROW = "\u241f", "\u241e"
#: Between the items of a table cell that holds several.
SEVERAL = "; "


def escape(text: str) -> str:
    """Inline text that Markdown shows as typed: no links, emphasis, HTML or table breaks; controls escaped."""
    if not text.isprintable():
        text = clean(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    for char, escaped in _SPECIAL:
        if char in text:
            text = text.replace(char, escaped)
    return text


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


def _text(value, several: str = SEVERAL) -> str:
    """A value as people read it, before escaping: several items joined with `several`."""
    if type(value) is list:
        return several.join(item if type(item) is str else shown(item) for item in value)
    return shown(value)


def _texts(rows: list[dict], columns, several: str = SEVERAL) -> list[str]:
    """The text of each of `columns` in each row, row after row."""
    if not columns:
        return []
    return [text for row in zip(*(_column(rows, c, several) for c in columns)) for text in row]


def escape_all(texts: list[str], newline: str = "\n", lines: bool = True) -> list[str]:
    """`escape` of each text, newlines as `newline` (or shown as `\\n`, unless `lines`), in one pass over all."""
    if not texts:
        return []
    joined = _CELL.join(texts)
    if joined.count(_CELL) != len(texts) - 1:  # a separator inside a text: one by one
        return [escape(text if lines else clean(text, lines=False)).replace("\n", newline) for text in texts]
    escaped = escape(joined if lines else clean(joined, lines=False))
    if newline != "\n":
        escaped = escaped.replace("\n", newline)
    return escaped.split(_CELL)


def _column(rows: list[dict], column, several: str = SEVERAL) -> list[str]:
    """The text of `column` in each row; strings and lists of strings, as views give, without a call each."""
    key = column.key
    try:
        values = [row[key] for row in rows]
    except KeyError:
        values = [row.get(key) for row in rows]
    if column.kind == "date":
        return [when_text(v) for v in values]
    try:
        return [v if type(v) is str else several.join(v) if type(v) is list else _text(v) for v in values]
    except TypeError:  # a list of something else than strings
        return [_text(v, several) for v in values]


def _rows_text(rows: list[dict], columns) -> str | None:
    """The table's body, `| a | b |` a line, escaped in one go; None when a text holds a separator.

    Built column by column and joined by `zip` and `str.join`, so no Python code runs per row.
    """
    texts = [_column(rows, c) for c in columns]
    joined = (_CELL + _ROW + _CELL).join(map(_CELL.join, zip(*texts)))
    if joined.count(_ROW) != len(rows) - 1 or joined.count(_CELL) != (len(columns) + 1) * len(rows) - 2:
        return None
    body = escape(joined).replace("\n", " ")
    return "| " + body.replace(_CELL + _ROW + _CELL, " |\n| ").replace(_CELL, " | ") + " |"


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
        plain = [c for c in columns if not c.highlight]
        body = _rows_text(t.rows, plain) if len(plain) == len(columns) else None
        if body is not None:
            lines.append(body)
        else:
            texts = escape_all(_texts(t.rows, plain), newline=" ")
            width = len(plain)
            for number, row in enumerate(t.rows):
                cells = iter(texts[number * width:(number + 1) * width])
                shown = [marked(str(row.get(c.key) or ""), row.get(c.highlight)).replace("\n", " ")
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
    titles = escape_all(_texts(t.rows, [Column("title", "")]), lines=False)
    texts = escape_all(_texts(t.rows, [Column("summary", ""), *facts], ", "), newline=" ")
    groups = [row.get(c.key) or () for row in t.rows for c in lists]
    items = escape_all([item if type(item) is str else _text(item) for group in groups for item in group],
                       newline=" ")
    facts_labels = [f"**{escape(c.title)}:** " for c in facts]
    list_labels = [f"**{escape(c.title)}:**\n\n- " for c in lists]
    heading, width, at, out = "#" * (level + 1) + " ", 1 + len(facts), 0, []
    counts = [len(group) for group in groups]
    # Each row's texts and list lengths, a tuple a row, without slicing by row number.
    row_texts = zip(*[iter(texts)] * width)
    row_counts = zip(*[iter(counts)] * len(lists)) if lists else ((),) * len(titles)
    for title, (summary, *values), sizes in zip(titles, row_texts, row_counts):
        parts = [heading + title]
        line = " · ".join([label + value for label, value in zip(facts_labels, values) if value])
        if line:
            parts.append(line)
        if summary:
            parts.append(summary)
        for label, count in zip(list_labels, sizes):
            if count:
                parts.append(label + "\n- ".join(items[at:at + count]))
                at += count
        out.append("\n\n".join(parts))
    return "\n".join(lines) + "\n" + "\n\n".join(out) + "\n"


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
    programs = {id(r.get("program")): r.get("country") for r in t.rows}  # each program's rows, in order
    dated = [row for row in t.rows if row["when"] is not None]
    names = dict(zip(map(id, dated), _task_names(dated)))
    grouped: dict = {}
    for row in dated:
        grouped.setdefault((id(row.get("program")), row["kind"]), []).append(row)
    days: dict = {}
    for program, country in programs.items():
        for kind, section in groups.items():
            rows = grouped.get((program, kind))
            if not rows:
                continue
            name = f"{mermaid_text(country)}, {section.lower()}" if len(programs) > 1 else section
            lines.append(f"    section {name}")
            lines += _tasks(rows, names, days)
    lines.append("```")
    return "\n".join(lines) + "\n"


#: What makes a task name need more than escaping: whitespace other than single spaces, or controls.
_UNEVEN = re.compile(r"[^\S ]|  |^ | $| \u241f|\u241f ")


def _task_names(rows) -> list[str]:
    """Each row's task name, "when title" on one line with single spaces, Mermaid's reserved characters as
    entities; in one pass over all the rows when nothing but that escaping is needed (the usual case)."""
    texts = [f"{when_text(r['when'])} {r['title']}" for r in rows]
    joined = _CELL.join(texts)
    if not texts:
        return []
    if joined.count(_CELL) == len(texts) - 1 and joined.isprintable() and not _UNEVEN.search(joined):
        return _MERMAID.sub(_entity, joined).split(_CELL)
    return [_MERMAID.sub(_entity, " ".join(_plain(text).split())) for text in texts]


def _tasks(rows, names: dict, days: dict) -> list[str]:
    """A task per row: a bar from a span's first day to the day after its last (today for an open span)."""
    lines = []
    for row in rows:
        when = row["when"]
        if when not in days:
            after = (when.last_day + timedelta(days=1)).isoformat()
            days[when] = (when.first_day.isoformat(), after, start_of(when) == end_of(when))
        start, after, point = days[when]
        lines.append(f"    {names[id(row)]} :milestone, {start}, 0d" if point else
                     f"    {names[id(row)]} :{start}, {after}")
    return lines


def render_report(report, chart: bool = True) -> str:
    """The report; the timeline also as a Mermaid chart, unless not `chart`."""
    names = country_names([s["program"] for s in report.sources if s.get("program") is not None])
    parts = [f"# {heading_text(report.title)}\n"]
    plural = "s" * (len(report.sources) > 1)
    parts.append(f"Restated from the U.S. Department of State's page{plural}, named under [Source](#source).\n")
    for t in report.tables:
        t = t._replace(rows=named(t.rows, names))
        arranged = arrange(t)
        parts.append(blocks(arranged) if t.name in BLOCKS else table(arranged, t.heading))
        if chart and t.name == "timeline" and any(r["when"] is not None for r in t.rows):
            parts.append(gantt(t, report.title))
    lines = [f"- {escape(names.get(id(s.get('program')), s['country']))}: "
             f"[{escape(s['title'])}](<{url(s['url'])}>)" for s in report.sources]
    parts.append("## Source\n\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)
