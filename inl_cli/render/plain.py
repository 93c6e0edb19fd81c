"""Tables without styles, drawn as Rich draws them, a block of rows at a time.

When the console shows no styles (piped, or into a file), `terminal` hands the
renderables it built for Rich to `chunks` instead: the same Table objects, drawn
with Rich's column-width rules, word wrapping and box characters from strings,
and measured with `rich.cells` as Rich measures them. A cell whose text is not
one cell per character (wide, combining or zero-width characters, tabs, unusual
spaces) is drawn by Rich itself, one cell at a time, and so is everything that is
not a table (titles, notes, rules). A table setting not followed here raises
Unsupported before anything is written, and the caller uses Rich for it.
tests/test_plain.py holds both to the same bytes.
"""
from __future__ import annotations

import re
from itertools import pairwise

from rich._pick import pick_bool
from rich._ratio import ratio_reduce
from rich.cells import cell_len, get_character_cell_size, set_cell_size
from rich.console import Group
from rich.control import strip_control_codes
from rich.padding import Padding
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

_WORD_START = re.compile(r"[^ ]")
_WORD_END = re.compile(r"[^ ]+ *")
_SIMPLE = set(" \n")  # grows with each character found to be one cell wide and not a space
_RULES: dict = {}  # a rule is drawn once for each width


class Unsupported(Exception):
    """A table setting that only Rich follows."""


def simple(text: str) -> bool:
    """Whether every character is one cell wide, so lengths are widths ("\\n" and " " the only spaces)."""
    if text.isascii() and text.replace("\n", " ").isprintable() or _SIMPLE.issuperset(text):
        return True
    new = set(text) - _SIMPLE
    if any(c.isspace() or get_character_cell_size(c) != 1 for c in new):
        return False
    _SIMPLE.update(new)
    return True


def _divide(line: str, width: int, fold: bool) -> list[int]:
    """rich._wrap.divide_line for one-cell characters: where to break `line`, a line at a time."""
    breaks, start, end = [], 0, len(line.rstrip())
    lead = len(line) - len(line.lstrip())
    while end - start > width:
        edge = start + width
        word = _WORD_START.search(line, edge).start() if line[edge] == " " else line.rfind(" ", start, edge) + 1
        if word > max(start, lead):  # the first word that does not fit starts the next line
            breaks.append(word)
            start = word
            continue
        after = _WORD_END.match(line, max(start, lead)).end()  # the line's first word is wider than the line
        if fold:
            breaks += range(start + width, after, width)
            start += (after - start - 1) // width * width
        else:
            breaks += [after] if after < end else []
            start = after
    return breaks


def wrap(text: str, width: int, justify: str, overflow: str, no_wrap: bool) -> list[str]:
    """Text.wrap, for simple text and a width of at least 1 (lines left-justified are not padded)."""
    out = []
    for line in text.split("\n"):
        if no_wrap or len(line) <= width:
            pieces = [line]
        else:
            ends = [0, *_divide(line, width, overflow == "fold"), len(line)]
            pieces = [line[a:b] for a, b in pairwise(ends)]
            for n, piece in enumerate(pieces):
                if len(piece) > width and piece[-1] == " ":  # Text.rstrip_end (" " is simple text's one space)
                    pieces[n] = piece[:-min(len(piece) - len(piece.rstrip(" ")), len(piece) - width)]
        for piece in pieces:
            if justify in ("center", "right"):
                piece = piece.rstrip()
            if len(piece) > width:
                piece = piece[:width - 1] + "…" if overflow == "ellipsis" else piece[:width]
            if justify == "center":
                piece = (" " * ((width - len(piece)) // 2) + piece).ljust(width)
            elif justify == "right":
                piece = piece.rjust(width)
            out.append(piece)
    return out


def _plain(cell) -> str:
    """A cell's text: a str as Rich reads it, a Text, or a Group of plain Texts (one a line)."""
    if type(cell) is str:
        return cell if cell.isprintable() else strip_control_codes(cell)
    if type(cell) is Text:
        return cell.plain
    if type(cell) is Group and all(type(line) is Text and line.end == "\n" and line.justify is line.overflow
                                   is line.no_wrap is None for line in cell.renderables):
        return "\n".join(line.plain for line in cell.renderables)
    raise Unsupported(type(cell).__name__)


def _measure(text: str, floor: int) -> tuple[int, int]:
    """Text.__rich_measure__, normalised: (longest word, longest line); words only when over `floor`."""
    size = len if simple(text) else cell_len
    longest = size(text) if "\n" not in text and size is len else max(map(size, text.splitlines()), default=0)
    if longest <= floor:
        return 0, longest
    words = text.split()
    return (min(max(map(size, words)), longest) if words else longest), longest


class Grid:
    """A Table's cells as plain text, and its column widths with padding (Table._calculate_column_widths)."""

    def __init__(self, console, table: Table, max_width: int):
        if (table.expand or table.width is not None or table.min_width is not None or table.show_footer
                or table.leading or table.padding[0] or table.padding[2] or table.collapse_padding
                and table.padding[3] or not table.columns or not (table.rows or table.show_header)):
            raise Unsupported("table settings")
        self.table, columns = table, table.columns
        self.cells = [([c.header] if table.show_header else []) + c._cells for c in columns]
        self.plains = [[_plain(cell) for cell in cells] for cells in self.cells]
        _, right, _, left = table.padding
        last = len(columns) - 1
        edge = table.pad_edge
        self.pads = [(0 if n == 0 and not edge else left, 0 if n == last and not edge else right)
                     for n in range(len(columns))]
        spans = []
        for cells, plains, (left, right), column in zip(self.cells, self.plains, self.pads, columns):
            shortest = longest = 0
            for cell, text in zip(cells, plains) if column.width is None else ():
                if type(cell) is Group:  # a Group measures each line alone (a line of spaces is no word)
                    low, high = map(max, zip(*(_measure(line, 0) for line in text.split("\n"))))
                else:
                    low, high = _measure(text, shortest)
                shortest, longest = max(shortest, low), max(longest, high)
            spans.append((shortest, longest, left + right))
        max_width -= table._extra_width
        sizes = [_measured(c, s, max_width)[1] or 1 for c, s in zip(columns, spans)]
        if sum(sizes) > max_width:
            sizes = Table._collapse_widths(sizes, [c.width is None and not c.no_wrap for c in columns], max_width)
            if sum(sizes) > max_width:
                sizes = ratio_reduce(sum(sizes) - max_width, [1] * len(sizes), sizes, sizes)
            sizes = [_measured(c, s, w)[1] for c, s, w in zip(columns, spans, sizes)]
        self.widths = sizes
        self.width = sum(sizes) + table._extra_width

    def _cell(self, console, options, n: int, cell, text: str) -> list[str]:
        """A cell's lines, as wide as its column with padding (Padding in Table._render, then Text.wrap)."""
        column, width, (left, right) = self.table.columns[n], self.widths[n], self.pads[n]
        inner, styled = width - left - right, type(cell) is Text
        justify = styled and cell.justify or column.justify or "default"
        overflow = styled and cell.overflow or column.overflow or "fold"
        if (inner >= 1 or inner == 0 and not text) and justify != "full" and overflow != "ignore" and simple(text):
            no_wrap = column.no_wrap if not styled or cell.no_wrap is None else cell.no_wrap
            lines = wrap(text, inner, justify, overflow, no_wrap)
            return [" " * left + line.ljust(width - left) for line in lines]
        options = options.update(width=width, justify=column.justify, no_wrap=column.no_wrap,
                                 overflow=column.overflow, height=None)
        lines = console.render_lines(Padding(cell, (0, right, 0, left)), options)
        return ["".join(segment.text for segment in line) for line in lines]

    def _column(self, console, options, n: int, begin: int, end: int) -> list[list[str]]:
        """The lines of cells begin to end of column n; one short line of one-cell characters takes no detour."""
        width, (left, right) = self.widths[n], self.pads[n]
        inner, margin, fill = width - left - right, " " * left, width - left
        quick = self.table.columns[n].justify in ("left", "default")
        drawn = []
        for cell, text in zip(self.cells[n][begin:end], self.plains[n][begin:end]):
            if (quick and len(text) <= inner and "\n" not in text and (type(cell) is not Text or not cell.justify)
                    and (text.isascii() and text.isprintable() or simple(text))):
                drawn.append([margin + text.ljust(fill)])
            else:
                drawn.append(self._cell(console, options, n, cell, text))
        return drawn

    def blocks(self, console, options):
        """The table's lines, a row at a time (Table._render)."""
        table, sizes = self.table, self.widths
        box = table.box and table.box.substitute(options, safe=pick_bool(table.safe_box, console.safe_box))
        if box and not table.show_header:
            box = box.get_plain_headed_box()
        edge = table.show_edge
        if box and edge:
            yield [box.get_top(sizes)]
        between = box and box.get_row(sizes, "row", edge=edge)
        count = len(self.cells[0])
        for begin in range(0, count, 500):
            yield from self._rows(console, options, box, between, range(begin, min(begin + 500, count)))
        if box and edge:
            yield [box.get_bottom(sizes)]

    def _rows(self, console, options, box, between, indexes):
        """Rows drawn a column at a time, then joined a line at a time."""
        table, sizes, edge, count = self.table, self.widths, self.table.show_edge, len(self.cells[0])
        drawn_columns = [self._column(console, options, n, indexes[0], indexes[-1] + 1) for n in range(len(sizes))]
        for index, drawn in zip(indexes, zip(*drawn_columns)):
            header = index == 0 and table.show_header
            height = max(1, *map(len, drawn))
            if height > 1 or not all(drawn):
                for lines, column, size in zip(drawn, table.columns, sizes):
                    extra = height - len(lines)
                    vertical = "bottom" if header else column.vertical
                    above = 0 if vertical == "top" else extra // 2 if vertical == "middle" else extra
                    lines[:] = [" " * size] * above + lines + [" " * size] * (extra - above)
            if not box:
                yield ["".join(line) for line in zip(*drawn)]
                continue
            left, right, divider = ((box.head_left, box.head_right, box.head_vertical) if index == 0 else
                                    (box.foot_left, box.foot_right, box.foot_vertical) if index == count - 1
                                    else (box.mid_left, box.mid_right, box.mid_vertical))
            if not edge:
                left = right = ""
            block = [left + divider.join(line) + right for line in zip(*drawn)]
            if header:
                block.append(box.get_row(sizes, "head", edge=edge))
            elif index < count - 1 and (table.show_lines or table.rows[index - table.show_header].end_section):
                block.append(between)
            yield block


def _measured(column, span, room: int) -> tuple[int, int]:
    """Table._measure_column, from the column's widest word and line."""
    shortest, longest, pad = span
    if room < 1:
        return 0, 0
    if column.width is not None:
        return (min(column.width + pad, room),) * 2
    low, high = (room, room) if room - pad < 1 else (min(shortest + pad, room), min(longest + pad, room))
    if column.min_width is not None:
        least = max(0, column.min_width + pad)
        low, high = max(low, least), max(high, least)
    if column.max_width is not None:
        low, high = min(low, column.max_width + pad), min(high, column.max_width + pad)
    return low, high


def _parts(renderable) -> list:
    if isinstance(renderable, Group):
        return [p for r in renderable.renderables for p in _parts(r)]
    return [renderable]


def _by_rich(console, options, renderable, crop: bool) -> list[list[str]]:
    segments = console.render(renderable, options)
    lines = (Segment.split_and_crop_lines(segments, console.width, pad=False, include_new_lines=False) if crop
             else Segment.split_lines(segments))
    return [["".join(segment.text for segment in line) for line in lines]]


def _blocks(console, parts, crop: bool):
    options, width = console.options, console.width
    for part in parts:
        if isinstance(part, Grid):
            if part.table.title:
                title = part.table.title
                title = console.render_str(title, highlight=False) if isinstance(title, str) else title
                yield from _by_rich(console, options.update(width=part.width, height=None,
                                                            justify=part.table.title_justify), title, crop)
            for block in part.blocks(console, options):
                if crop and part.width > width:
                    block = [set_cell_size(line, width) if cell_len(line) > width else line for line in block]
                yield block
        elif type(part) is Rule and not isinstance(part.title, Text):
            key = (part.characters, part.title, part.align, part.end, width, crop)
            if key not in _RULES:
                _RULES[key] = _by_rich(console, options, part, crop)
            yield from _RULES[key]
        else:
            yield from _by_rich(console, options, part, crop)


def chunks(console, renderable, crop: bool = True, size: int = 1 << 16):
    """What console.print(renderable, crop=crop) writes without styles, in pieces of about `size` characters.

    Lines end without spaces and break where str.splitlines breaks them, as `terminal` leaves Rich's.
    Raises Unsupported, before the first piece, for what only Rich draws.
    """
    parts = []
    for part in _parts(renderable):
        if isinstance(part, Table):
            part = Grid(console, part, console.options.max_width)
        elif isinstance(part, (Text, Rule)) and not part.end.endswith("\n"):
            raise Unsupported("a line left open")
        parts.append(part)
    pending, length = [], 0
    for block in _blocks(console, parts, crop):
        pending += block
        length += len(block[0]) * len(block) if block else 0
        if length >= size:
            yield _finish(pending)
            pending, length = [], 0
    if pending:
        yield _finish(pending)


def _finish(lines: list[str]) -> str:
    return "".join(line.rstrip() + "\n" for line in "".join(line + "\n" for line in lines).splitlines())
