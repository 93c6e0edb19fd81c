"""Rich tables for people at a terminal; the only module that imports Rich.

Every layout decision (columns shown, grid or stacked records, widths, labels,
where URLs go) comes from `layout.plan`; this module only draws the plan:

- Grid: a Rich table (heavy head, lines between rows, padding 1, title left-justified
  above), each column `width=` its planned width with `overflow="fold"`; then a
  `[n] URL` line per footnote, never wrapped or cropped.
- Stacked: the title, then per record a rule of `─` across the width and its values:
  consecutive "beside" values as a grid of two columns (label `width=label_width`,
  no wrap; one space; value `width=value_width`, fold); "below" values under their
  label indented by layout.INDENT; "whole" values unwrapped on their own line;
  "wide" values wrapped at the full width.
- A table's note, if any, last. Lines are right-stripped.
"""
from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Span, Text

from . import cell_text, layout, pieces


def cell(row: dict, column) -> Text | Group | str:
    if column.highlight:
        found, spans, at = [], [], 0
        for piece, matched in pieces(str(row.get(column.key) or ""), row.get(column.highlight)):
            if matched:
                spans.append(Span(at, at + len(piece), "bold reverse"))
            found.append(piece)
            at += len(piece)
        return Text("".join(found), spans=spans)
    text = cell_text(row.get(column.key), column.join)
    if "\n" not in text:
        return text  # Rich reads a str as Text(str) when markup is off
    # One Text a line: Rich splits a single many-line Text with str.partition, quadratic in its lines.
    return Group(*(Text(line) for line in text.split("\n")))


def url_text(url: str, prefix: str = "") -> Text:
    """A URL whole on one line, never wrapped or cut, and a hyperlink where the terminal supports one."""
    text = Text(prefix, no_wrap=True, overflow="ignore")
    text.append(url, style=Style(link=url))
    return text


def grid(t, plan: layout.Grid) -> list:
    table = Table(title=cell_text(t.title), title_justify="left", show_lines=True)
    for column, width in zip(plan.columns, plan.widths):
        table.add_column(cell_text(column.title), width=width, overflow="fold")
    markers = {(index, key): layout.footnote_marker(n) for n, (index, key, _) in enumerate(plan.footnotes, 1)}
    for index, row in enumerate(t.rows):
        table.add_row(*(Text(markers[index, c.key]) if (index, c.key) in markers else cell(row, c)
                        for c in plan.columns))
    notes = [url_text(url, f"{layout.footnote_marker(n)} ") for n, (_, _, url) in enumerate(plan.footnotes, 1)]
    return [table, *notes]


def stacked(t, plan: layout.Stacked) -> list:
    parts = [Text(cell_text(t.title), style="bold")]
    for record in layout.records(plan, t):
        parts.append(Rule(characters="─", style="dim"))
        beside = None
        for label, column, row, place in record:
            label = Text(label, style="bold")
            if place == "beside":
                if beside is None:
                    beside = Table.grid(padding=(0, 1, 0, 0))
                    beside.add_column(width=plan.label_width, no_wrap=True)
                    beside.add_column(width=plan.value_width, overflow="fold")
                    parts.append(beside)
                beside.add_row(label, cell(row, column))
                continue
            beside = None
            parts.append(label)
            if place == "whole":
                text = layout.value(row, column)
                whole = url_text(text) if layout.is_url(text) else Text(text, no_wrap=True, overflow="ignore")
                parts.append(whole)
            elif place == "wide":
                parts.append(cell(row, column))
            else:
                parts.append(Padding(cell(row, column), (0, 0, 0, layout.INDENT)))
    return parts


def renderable(t, width: int) -> Group:
    plan = layout.plan(t, width)
    if plan.kind == "empty":
        body = [Text(cell_text(t.title), style="bold"), Text("Nothing to show.", style="italic")]
    elif plan.kind == "stacked":
        body = stacked(t, plan)
    else:
        body = grid(t, plan)
    if t.note:
        body.append(Text(cell_text(t.note), style="dim"))
    return Group(*body)


def stream(tables, width=None):
    """The tables as text, a piece at a time.

    Where the console shows no styles (piped, into a file, or TERM=dumb) `plain`
    draws them as Rich would, several times faster and a block of rows at a time;
    otherwise Rich does, measuring no cell since the plan gives every column its width.
    The cyclic garbage collector waits meanwhile: cells make no cycles, and it would
    walk every loaded program again and again.
    """
    import gc

    from . import plain

    console = Console(width=width, highlight=False, emoji=False, markup=False)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for t in tables:
            shown = renderable(t, console.width)
            if console.color_system is None:
                try:
                    yield from plain.chunks(console, shown, crop=False)
                    continue
                except plain.Unsupported:
                    pass
            with console.capture() as capture:
                console.print(shown, crop=False)
            yield "".join(line.rstrip() + "\n" for line in capture.get().splitlines())
    finally:
        if was_enabled:
            gc.enable()


def render(tables, width=None) -> str:
    return "".join(stream(tables, width))


def render_chart(t, width=None) -> str:
    """The timeline table as a chart: colour only where the terminal has it (never with NO_COLOR), and
    ASCII glyphs only when stdout cannot encode the others."""
    from . import chart

    console = Console(width=width, highlight=False, emoji=False, markup=False)
    plain = not console.encoding.lower().replace("-", "").startswith("utf")
    texts = ("when", "title", "country")
    rows = [{k: (cell_text(v) if k in texts else v) for k, v in row.items()} for row in t.rows]
    parts = [Text(cell_text(t.title), style="bold")]
    lines = chart.layout(rows, console.width, plain)
    if not lines:
        parts.append(Text("Nothing to show.", style="italic"))
    for line in lines:
        text = Text.assemble(*line.pieces)
        text.no_wrap = not line.wrap
        parts.append(text)
    if t.note:
        parts.append(Text(cell_text(t.note), style="dim"))
    with console.capture() as capture:
        console.print(Group(*parts))
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())
