"""A Gantt-style chart of timeline rows: a bar per span, a mark per point, a year axis.

Works from the timeline view's rows (when, title, kind, country), so any timeline
table can be drawn. `plain` uses ASCII glyphs, for a stdout that cannot encode others;
colour is the renderer's business.

- The label column grows with the longest label, up to a fair share of the width
  (more if the plot has five cells a year without it), keeping the plot three cells
  a year for two-digit years; below NARROW columns, each label
  takes a line of its own and the plot the whole width, so no row loses its mark.
- The axis labels every year where an entry starts or ends, then as many others as
  fit; when four digits do not fit, two do (13), staggered over two lines if need be.
  A year without an entry is never labelled while one with an entry is not.
- Several programs: each one's rows are grouped under its country's name.
"""
from __future__ import annotations

from collections import namedtuple
from datetime import date, timedelta

from ..dates import end_of, start_of
from . import cell_text, when_text

GLYPHS = {
    False: {"bar": "█", "accomplishment": "●", "milestone": "◆", "context": "▲", "axis": "─", "tick": "┬",
            "more": "…", "item": "•"},
    True: {"bar": "=", "accomplishment": "o", "milestone": "*", "context": "x", "axis": "-", "tick": "+",
           "more": "~", "item": "-"},
}
STYLES = {"accomplishment": "cyan", "milestone": "magenta", "context": "yellow"}
#: Below this width, labels go on a line of their own above their row's plot.
NARROW = 60
#: Cells a year needs for its four-digit label and a space.
YEAR_CELLS = 5
#: Cells a year needs for a two-digit label and a space.
SHORT_CELLS = 3
#: The label column's fair share of the width, when its labels are that long.
LABEL_SHARE = 0.35


class Line(namedtuple("Line", "pieces wrap", defaults=(False,))):
    """Fields: pieces: list of (text, style); wrap: whether the line may wrap (else it fits the width)."""

    __slots__ = ()


class Scale:
    """Maps days to columns of a plot `width` wide covering whole years."""

    def __init__(self, first_year: int, last_year: int, width: int):
        self.start = date(first_year, 1, 1).toordinal()
        self.days = date(last_year + 1, 1, 1).toordinal() - self.start
        self.width = width
        self.years = range(first_year, last_year + 1)

    def column(self, day: date) -> int:
        """The column where `day` begins, rounded; the day after the last year maps to `width`."""
        offset = day.toordinal() - self.start
        return min(self.width, max(0, (2 * offset * self.width + self.days) // (2 * self.days)))

    def point(self, first: date, last: date) -> int:
        """The column of a point's middle, kept inside its own year's columns."""
        low = self.column(date(first.year, 1, 1))
        high = max(low, self.column(date(first.year + 1, 1, 1)) - 1)
        middle = date.fromordinal((first.toordinal() + last.toordinal()) // 2)
        return min(self.width - 1, high, max(low, self.column(middle)))


def _cut(text: str, width: int, glyph: dict) -> str:
    """`text` cut to `width` terminal columns, measured as Rich does (a CJK character takes two)."""
    from rich.cells import cell_len, set_cell_size

    return text if cell_len(text) <= width else set_cell_size(text, max(0, width - 1)) + glyph["more"]


def _pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal columns."""
    from rich.cells import set_cell_size

    return set_cell_size(text, width)


def label_width(labels: list[str], width: int, years: int) -> int:
    """The label column at `width`: as wide as the longest label, up to a fair share of the width
    (LABEL_SHARE, or all the plot leaves over at YEAR_CELLS a year), keeping the plot SHORT_CELLS a year."""
    from rich.cells import cell_len

    share = max(int(width * LABEL_SHARE), width - 1 - YEAR_CELLS * years)
    share = min(share, width - 1 - max(10, SHORT_CELLS * years))
    return max(12, min(max(map(cell_len, labels), default=0), share))


def draw(rows: list[dict], width: int, plain: bool) -> list[Line]:
    """Lines of (text, style) pieces: the rows (grouped by country), the axis, the years and a legend."""
    glyph = GLYPHS[plain]
    dated = [r for r in rows if r["when"] is not None]
    if not dated:
        return []
    spans = {id(r): (r["when"].first_day, r["when"].last_day) for r in dated}
    first_year = min(s.year for s, _ in spans.values())
    last_year = max(e.year for _, e in spans.values())
    labels = {id(r): cell_text(f"{when_text(r['when'])} {r['title']}") for r in dated}
    narrow = width < NARROW
    labels_at = 0 if narrow else label_width(list(labels.values()), width, last_year - first_year + 1)
    indent = 0 if narrow else labels_at + 1
    scale = Scale(first_year, last_year, max(10, width - indent))
    groups: dict = {}  # each program's rows, under its country's name
    for row in dated:
        groups.setdefault(id(row.get("program")), []).append(row)
    found = []
    for rows_of in groups.values():
        if len(groups) > 1 and rows_of[0].get("country") is not None:
            found.append(Line([(_cut(cell_text(rows_of[0]["country"]), width, glyph), "bold")]))
        for row in rows_of:
            plot = (_plot(row, spans[id(row)], scale, glyph), STYLES[row["kind"]])
            if narrow:
                found += [Line([(_cut(labels[id(row)], width, glyph), "")]), Line([plot])]
            else:
                found.append(Line([(_pad(_cut(labels[id(row)], labels_at, glyph), labels_at) + " ", ""), plot]))
    marked = sorted({s.year for s, _ in spans.values()} | {e.year for _, e in spans.values()})
    found.append(Line([(" " * indent, ""), (_axis(scale, glyph), "dim")]))
    found += [Line([(" " * indent, ""), (line, "dim")]) for line in year_labels(scale, marked)]
    return found + _legend(width, glyph) + _undated(rows, width, glyph, len(groups) > 1)


def _plot(row: dict, span: tuple, scale: Scale, glyph: dict) -> str:
    """The row's plot: a bar across a span's columns, or the mark of its kind at a point's."""
    (first, last), cells = span, [" "] * scale.width
    if start_of(row["when"]) != end_of(row["when"]):
        left = min(scale.column(first), scale.width - 1)  # a span in the last days of the plot keeps a cell
        right = max(left, scale.column(last + timedelta(days=1)) - 1)
        for i in range(left, right + 1):
            cells[i] = glyph["bar"]
    else:
        cells[scale.point(first, last)] = glyph[row["kind"]]
    return "".join(cells).rstrip()


def _legend(width: int, glyph: dict) -> list[Line]:
    entries = [f"{glyph['bar']} span", f"{glyph['accomplishment']} accomplishment",
               f"{glyph['milestone']} milestone", f"{glyph['context']} context"]
    return [Line([(text, "dim")], wrap=True) for text in _wrap(entries, width, "  ", "")]


def _undated(rows: list[dict], width: int, glyph: dict, several: bool) -> list[Line]:
    undated = [r for r in rows if r["when"] is None]
    found = [Line([("Undated:", "bold")])] if undated else []
    for row in undated:
        where = f" ({cell_text(row['country'])})" if row.get("country") and several else ""
        words = f"{glyph['item']} {cell_text(row['title'])}{where}".split(" ")
        found += [Line([(text, "")], wrap=True) for text in _wrap(words, width, " ", "  ")]
    return found


def _wrap(pieces: list[str], width: int, gap: str, indent: str) -> list[str]:
    """`pieces` packed into lines of at most `width` cells, `gap` between two on a line and `indent`
    before each line after the first; a piece is never split unless it alone is wider than a line."""
    from rich.cells import cell_len

    lines = []
    for piece in pieces:
        if lines and cell_len(lines[-1] + gap + piece) <= width:
            lines[-1] += gap + piece
        else:
            lines.append((indent if lines else "") + piece)
    return lines


def _axis(scale: Scale, glyph: dict) -> str:
    cells = [glyph["axis"]] * scale.width
    for year in scale.years:
        cells[min(scale.width - 1, scale.column(date(year, 1, 1)))] = glyph["tick"]
    return "".join(cells)


def year_labels(scale: Scale, marked: list[int]) -> list[str]:
    """Lines of year labels under their ticks: every year in `marked` first, then the others that fit,
    each at least a space from the next. Four digits on one line when all of `marked` fit so, else two
    digits, on one line or staggered over two. A year without an entry is labelled only when every year
    with one is."""
    others = [y for y in scale.years if y not in marked]
    for digits, rows in ((4, 1), (2, 1), (2, 2)):
        lines, placed_all = _place(scale, marked, digits, rows)
        if placed_all:
            lines, _ = _place(scale, others, digits, rows, lines)
            break
    return [line for line in ("".join(cells).rstrip() for cells in lines) if line]


def _place(scale: Scale, years: list[int], digits: int, rows: int, lines=None):
    """Years placed on `rows` lines of cells (new ones, or a copy of `lines`), each on the first line
    where it fits; returns the lines and whether every year found a place."""
    lines = [[" "] * scale.width for _ in range(rows)] if lines is None else [list(cells) for cells in lines]
    placed_all = True
    for year in years:
        label = str(year)[-digits:]
        at = max(0, min(scale.column(date(year, 1, 1)), scale.width - len(label)))
        for cells in lines:
            if all(c == " " for c in cells[max(0, at - 1): at + len(label) + 1]):
                cells[at:at + len(label)] = label
                break
        else:
            placed_all = False
    return lines, placed_all
