"""Tables for people at a terminal, drawn from `fit`'s plan: by Rich where the console shows styles, by
`unstyled` (the same lines, without styles) elsewhere.

- Grid: a Rich table (heavy head, lines between rows, padding 1, title left-justified above), each column
  `width=` its planned width; then a `[n] URL` line per footnote, never wrapped or cropped.
- Stacked: the title, then per record a rule of `─` across the width and its values: consecutive
  "beside" values as a grid of two columns (label `width=label_width`, no wrap; one space; the value
  within `value_width`); "below" values under their label indented by fit.INDENT; "whole" values unwrapped
  on their own line; "wide" values wrapped at the full width.
- A table's note, if any, last. Lines are right-stripped.
"""
from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Span, Text

from . import cell_text, country_names, fit, named, pieces, words


def _cell(text: str) -> Text | Group | str:
    if "\n" not in text:
        return text  # Rich reads a str as Text(str) when markup is off
    # One Text a line: Rich splits a single many-line Text with str.partition, quadratic in its lines.
    return Group(*(Text(line) for line in text.split("\n")))


def _highlighted(row: dict, column) -> Text:
    """The cell with its matches in bold reverse."""
    found, spans, at = [], [], 0
    for piece, matched in words.tidy_pieces(pieces(str(row.get(column.key) or ""), row.get(column.highlight))):
        if matched:
            spans.append(Span(at, at + len(piece), "bold reverse"))
        found.append(piece)
        at += len(piece)
    return Text("".join(found), spans=spans)


def _shown(t, plan, r: int, c: int, text: str):
    column = plan.columns[c]
    if column.highlight and not (plan.kind == "grid" and any(f[:2] == (r, c) for f in plan.footnotes)):
        return _highlighted(t.rows[r], column)
    return _cell(text)


def url_text(url: str, prefix: str = "") -> Text:
    """A URL whole on one line, never wrapped or cut, and a hyperlink where the terminal supports one."""
    text = Text(prefix, no_wrap=True, overflow="ignore")
    text.append(url, style=Style(link=url))
    return text


def grid(t, plan: fit.Grid) -> list:
    outer = sum(plan.widths) + fit.GRID_EDGE + fit.GRID_PER_COLUMN * len(plan.widths)
    table = Table(show_lines=True)
    for column, width in zip(plan.columns, plan.widths):
        table.add_column(cell_text(column.title), width=width, overflow="fold")
    for r, texts in enumerate(plan.texts):
        table.add_row(*(_shown(t, plan, r, c, text) for c, text in enumerate(texts)))
    notes = [url_text(url, f"{fit.footnote_marker(n)} ") for n, (_, _, url) in enumerate(plan.footnotes, 1)]
    return [_folded(t.title, outer, "italic"), table, *notes]


def _whole(lines: list[str], style: str = "") -> Group:
    return Group(*(Text(line, style=style, no_wrap=True, overflow="ignore") for line in lines))


def _folded(text: str, width: int, style: str = "") -> Group:
    """A title or note in lines cut by `words.fold`: Rich splits a text of many lines in quadratic time."""
    return _whole(words.fold(cell_text(text), width), style)


def stacked(t, plan: fit.Stacked) -> list:
    parts = [_folded(t.title, plan.width, "bold")]
    for record in fit.records(plan):
        parts.append(Rule(characters="─", style="dim"))
        beside = None
        for label, text, place, r, c in record:
            if place == "beside":
                if beside is None:
                    beside = Table.grid(padding=(0, 1, 0, 0))
                    beside.add_column(width=plan.label_width, no_wrap=True)
                    beside.add_column(width=plan.value_width, overflow="fold")
                    parts.append(beside)
                beside.add_row(Text(label, style="bold"), _shown(t, plan, r, c, text))
                continue
            beside = None
            parts.append(_folded(label, plan.width, "bold"))
            if place == "whole":
                parts.append(url_text(text) if fit.is_url(text) else _whole([text]))
            elif place == "wide":
                parts.append(_whole(words.wrap(text, plan.width)))
            else:
                parts.append(Padding(_shown(t, plan, r, c, text), (0, 0, 0, fit.INDENT)))
    return parts


def renderable(t, plan, width: int) -> Group:
    if plan.kind == "empty":
        body = [_folded(t.title, width, "bold"), Text("Nothing to show.", style="italic")]
    elif plan.kind == "stacked":
        body = stacked(t, plan)
    else:
        body = grid(t, plan)
    if t.note:
        body.append(_folded(t.note, width, "dim"))
    return Group(*body)


def _console(width) -> Console:
    return Console(width=width, highlight=False, emoji=False, markup=False)


def _printed(console: Console, shown, crop: bool = False) -> str:
    with console.capture() as capture:
        console.print(shown, crop=crop)
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())


def stream(tables, width=None):
    """The tables as text, a piece at a time: drawn by Rich where the console shows styles, else by
    `unstyled`, a block of rows at a time."""
    console = _console(width)
    for t in tables:
        plan = fit.plan(t, console.width)
        if console.color_system is None:
            from . import unstyled

            yield from unstyled.chunks(console, t, plan)
        else:
            yield _printed(console, renderable(t, plan, console.width))


def render(tables, width=None) -> str:
    return "".join(stream(tables, width))


def render_chart(t, width=None) -> str:
    """The timeline table as a chart: colour only where the terminal has it (never with NO_COLOR), and
    ASCII glyphs only when stdout cannot encode the others."""
    from . import chart

    console = _console(width)
    plain = not console.encoding.lower().replace("-", "").startswith("utf")
    parts = [_folded(t.title, console.width, "bold")]
    programs = list({id(r.get("program")): r.get("program") for r in t.rows if r.get("program")}.values())
    lines = chart.draw(named(t.rows, country_names(programs)), console.width, plain)
    if not lines:
        parts.append(Text("Nothing to show.", style="italic"))
    for line in lines:
        text = Text.assemble(*line.pieces)
        text.no_wrap = not line.wrap
        parts.append(text)
    if t.note:
        parts.append(_folded(t.note, console.width, "dim"))
    return _printed(console, Group(*parts), crop=True)
