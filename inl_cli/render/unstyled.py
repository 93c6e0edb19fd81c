"""Tables without styles (piped, into a file, NO_COLOR): `fit`'s plan written as lines of text.

Rich renders every cell of a table as a renderable of its own, styles and all, which over thousands of rows
costs more than reading the programs; text without styles needs none of that. Each row here is its words
wrapped by `words.wrap` between Rich's own box characters (`rich.box`, ASCII where stdout needs it), and
rules are drawn by Rich. tests/test_layout.py holds the result to what Rich draws of the same plan with
styles, line for line.
"""
from __future__ import annotations

from rich.box import HEAVY_HEAD
from rich.rule import Rule

from . import cell_text, fit, words

#: Rows written at a time, so that `| head` shows the first ones at once.
BLOCK = 500


def _rich_lines(console, renderable, width: int) -> list[str]:
    lines = console.render_lines(renderable, console.options.update(width=width), pad=False)
    return ["".join(segment.text for segment in line) for line in lines]


def _pad(text: str, width: int) -> str:
    return text.ljust(width) if text.isascii() else text + " " * (width - words.cells(text))


def _row(cells: list[list[str]], widths, edges: tuple[str, str, str], bottom: bool) -> list[str]:
    """A row's lines: each cell's lines padded to its column, the shorter cells padded with blank lines
    below (or above, for the header, which sits on the line above the body)."""
    left, divider, right = edges
    height = max(map(len, cells))
    if height == 1:
        return [left + divider.join(" " + _pad(lines[0], w) + " " for lines, w in zip(cells, widths)) + right]
    columns = []
    for lines_of, width in zip(cells, widths):
        padded = [" " + _pad(line, width) + " " for line in lines_of]
        blank = [" " * (width + 2)] * (height - len(lines_of))
        columns.append(blank + padded if bottom else padded + blank)
    return [left + divider.join(line) + right for line in zip(*columns)]


def grid(console, t, plan: fit.Grid):
    """The grid's lines, a block of rows at a time: title, header, rows with a rule between, footnotes."""
    widths = plan.widths
    outer = [w + 2 for w in widths]
    box = HEAVY_HEAD.substitute(console.options, safe=console.safe_box)
    title = words.fold(cell_text(t.title), sum(outer) + len(outer) + 1)
    header = [words.wrap(cell_text(c.title), w) for c, w in zip(plan.columns, widths)]
    yield [*title, box.get_top(outer),
           *_row(header, widths, (box.head_left, box.head_vertical, box.head_right), bottom=True),
           box.get_row(outer, "head")]
    between, last = box.get_row(outer, "row"), len(plan.texts) - 1
    mid = (box.mid_left, box.mid_vertical, box.mid_right)
    foot = (box.foot_left, box.foot_vertical, box.foot_right)
    for begin in range(0, len(plan.texts), BLOCK):
        block = []
        for index in range(begin, min(begin + BLOCK, len(plan.texts))):
            cells = [words.wrap(text, w) for text, w in zip(plan.texts[index], widths)]
            block += _row(cells, widths, foot if index == last else mid, bottom=False)
            block.append(between if index < last else box.get_bottom(outer))
        yield block
    yield [f"{fit.footnote_marker(n)} {url}" for n, (_, _, url) in enumerate(plan.footnotes, 1)]


def stacked(console, t, plan: fit.Stacked):
    """The records' lines, a block of records at a time, each after a rule across the width."""
    yield words.fold(cell_text(t.title), plan.width)
    [rule] = _rich_lines(console, Rule(characters="─"), plan.width)
    records = fit.records(plan)
    for begin in range(0, len(records), BLOCK):
        block = []
        for record in records[begin:begin + BLOCK]:
            block.append(rule)
            for label, text, place, _row, _column in record:
                block += _value(plan, label, text, place)
        yield block


def _value(plan: fit.Stacked, label: str, text: str, place: str) -> list[str]:
    if place == "beside":
        lines = words.wrap(text, plan.value_width)
        gap = " " * (plan.label_width + 1)
        return [_pad(label, plan.label_width) + " " + lines[0], *(gap + line for line in lines[1:])]
    above = words.fold(label, plan.width)
    if place == "below":
        return [*above, *(" " * fit.INDENT + line for line in words.wrap(text, plan.value_width))]
    if place == "wide":
        return [*above, *words.wrap(text, plan.width)]
    return [*above, text]


def lines(console, t, plan):
    """The table's lines in blocks, as `terminal` draws them with styles."""
    if plan.kind == "grid":
        yield from grid(console, t, plan)
    elif plan.kind == "stacked":
        yield from stacked(console, t, plan)
    else:
        yield words.fold(cell_text(t.title), console.width) + ["Nothing to show."]
    if t.note:
        yield words.fold(cell_text(t.note), console.width)


def chunks(console, t, plan, size: int = 1 << 16):
    """The table as text in pieces of about `size` characters, each line without trailing spaces."""
    pending, length = [], 0
    for block in lines(console, t, plan):
        pending += block
        length += sum(map(len, block))
        if length >= size:
            yield "".join(line.rstrip() + "\n" for line in pending)
            pending, length = [], 0
    if pending:
        yield "".join(line.rstrip() + "\n" for line in pending)
