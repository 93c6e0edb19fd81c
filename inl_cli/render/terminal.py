"""Rich tables for people at a terminal; the only module that imports Rich.

Below NARROW columns a grid of several columns breaks words apart, so each row
is shown as a stacked record of `label  value` lines instead.
"""
from __future__ import annotations

from rich.console import Console, Group
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from . import cell_text, pieces

NARROW = 60


def cell(row: dict, column) -> Text:
    if column.highlight:
        text = Text()
        for piece, matched in pieces(str(row.get(column.key) or ""), row.get(column.highlight)):
            text.append(piece, style="bold reverse" if matched else "")
        return text
    text = cell_text(row.get(column.key), column.join)
    if "\n" not in text:
        return Text(text)
    # One Text a line: Rich splits a single many-line Text with str.partition, quadratic in its lines.
    return Group(*(Text(line) for line in text.split("\n")))


def grid(t) -> Table:
    table = Table(title=cell_text(t.title), title_justify="left", show_lines=True)
    columns = t.human_columns
    for column in columns:
        table.add_column(cell_text(column.title), overflow="fold")
    for row in t.rows:
        table.add_row(*(cell(row, c) for c in columns))
    return table


def stacked(t) -> Group:
    parts = [Text(cell_text(t.title), style="bold")]
    label_width = max(len(cell_text(c.title)) for c in t.human_columns)
    for row in t.rows:
        record = Table(box=None, show_header=False, padding=(0, 1, 0, 0))
        record.add_column(style="bold", no_wrap=True, min_width=label_width)
        record.add_column(overflow="fold")
        for column in t.human_columns:
            value = cell(row, column)
            if not isinstance(value, Text) or value.plain:
                record.add_row(Text(cell_text(column.title)), value)
        parts += [Rule(characters="─", style="dim"), record]
    return Group(*parts)


def renderable(t, width: int) -> Group:
    if not t.rows:
        body = [Text(cell_text(t.title), style="bold"), Text("Nothing to show.", style="italic")]
    elif width < NARROW and len(t.human_columns) > 2:
        body = [stacked(t)]
    else:
        body = [grid(t)]
    if t.note:
        body.append(Text(cell_text(t.note), style="dim"))
    return Group(*body)


def render(tables, width=None) -> str:
    console = Console(width=width, highlight=False, emoji=False, markup=False)
    with console.capture() as capture:
        for t in tables:
            console.print(renderable(t, console.width))
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())


def render_chart(t, width=None) -> str:
    """The timeline table as a chart; ASCII without colour when piped, NO_COLOR or not UTF-8."""
    from . import chart

    console = Console(width=width, highlight=False, emoji=False, markup=False)
    plain = console.no_color or console.color_system is None or not console.encoding.startswith("utf")
    rows = [{k: (cell_text(v) if k in ("when", "title") else v) for k, v in row.items()} for row in t.rows]
    parts = [Text(cell_text(t.title), style="bold")]
    lines = chart.layout(rows, console.width, plain)
    if not lines:
        parts.append(Text("Nothing to show.", style="italic"))
    for number, line in enumerate(lines, 1):
        text = Text.assemble(*((piece, "" if plain else style) for piece, style in line))
        text.no_wrap = number < len(lines)
        parts.append(text)
    if t.note:
        parts.append(Text(cell_text(t.note), style="dim"))
    with console.capture() as capture:
        console.print(Group(*parts))
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())
