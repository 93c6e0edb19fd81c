"""Rich tables for people at a terminal; the only module that imports Rich."""
from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from . import cell_text


def renderable(t) -> Group:
    table = Table(title=cell_text(t.title), title_justify="left", expand=False, show_lines=True)
    columns = t.human_columns
    for column in columns:
        table.add_column(cell_text(column.title), overflow="fold")
    for row in t.rows:
        table.add_row(*(Text(cell_text(row.get(c.key), c.join)) for c in columns))
    parts = [table]
    if not t.rows:
        parts = [Text(cell_text(t.title)), Text("Nothing to show.", style="italic")]
    if t.note:
        parts.append(Text(cell_text(t.note), style="dim"))
    return Group(*parts)


def render(tables, width=None) -> str:
    console = Console(width=width, highlight=False, emoji=False, markup=False)
    with console.capture() as capture:
        for t in tables:
            console.print(renderable(t))
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())
