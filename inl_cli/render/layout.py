"""How a view table is laid out at a terminal width: pure decisions, no Rich.

The Rich renderer (`terminal`) and any plain-text renderer consume the same plan,
so they agree on every choice:

- Columns that are empty in every row are dropped.
- A grid is drawn when every column can be given the width of its longest word
  (header included), so no word is ever broken; the room left is shared by
  water-filling: narrow columns keep their natural width, the wide ones share the
  rest equally (`grid_widths`). Otherwise each row becomes a stacked record.
- A URL is never broken. In a grid, a URL cell that would not fit shows a marker
  `[1]` and the URL is printed whole under the table. In a record, a URL (or any
  one-word value, such as a path) that does not fit beside its label goes whole on
  the next line.
- Records size their labels to the longest label shown; when the value column
  beside them would be narrower than MIN_VALUE, each label goes on its own line
  and its value below it, indented by INDENT.
"""
from __future__ import annotations

import re
import unicodedata
from collections import namedtuple

from . import cell_text

#: The narrowest value column worth reading beside a label in a stacked record.
MIN_VALUE = 20
#: The indent of a value under its label in a very narrow record.
INDENT = 2
#: What a grid adds to its columns' widths: `│ ` before each column and ` │` after the last (`3n + 1`).
GRID_EDGE = 1
GRID_PER_COLUMN = 3

_URL = re.compile(r"https?://\S+")


class Grid(namedtuple("Grid", "columns widths footnotes")):
    """A bordered table with a header and lines between rows.

    Fields: columns: tuple[Column, ...]; widths: tuple[int, ...], the content width of each column
    (padding and borders excluded; every cell word-wraps within it, no word is longer);
    footnotes: tuple[(row index, column key, url), ...], URL cells shown as `footnote_marker(n)` (n from 1,
    in this order) with the URL printed whole under the table as `[n] url`.
    """

    __slots__ = ()
    kind = "grid"


class Stacked(namedtuple("Stacked", "columns label_width label_above width")):
    """One record per row, a rule before each, a `label value` line per non-empty cell.

    Fields: columns: tuple[Column, ...]; label_width: int, the label column's width (labels are padded
    to it, then one space, then the value, which wraps within `width - label_width - 1`);
    label_above: bool, each label on its own line and the value under it indented by INDENT, wrapping
    within `width - INDENT`; width: int, the console width.
    See `records` for the records and where each value goes.
    """

    __slots__ = ()
    kind = "stacked"

    @property
    def value_width(self) -> int:
        return self.width - INDENT if self.label_above else self.width - self.label_width - 1


class Empty(namedtuple("Empty", "columns")):
    """No rows: the title and "Nothing to show."."""

    __slots__ = ()
    kind = "empty"


def cells(text: str) -> int:
    """How many terminal cells `text` takes: wide East Asian characters two, combining marks none."""
    if text.isascii():
        return len(text)
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def value(row: dict, column) -> str:
    """A cell's text as people read it (the same text the renderers draw, before any highlight)."""
    if column.highlight:
        return cell_text(str(row.get(column.key) or ""))
    return cell_text(row.get(column.key), column.join)


def is_url(text: str) -> bool:
    return bool(_URL.fullmatch(text))


def footnote_marker(number: int) -> str:
    return f"[{number}]"


def visible_columns(t) -> tuple:
    """The human columns with a value in at least one row (all of them when there are no rows)."""
    if not t.rows:
        return tuple(t.human_columns)
    return tuple(c for c in t.human_columns if any(value(row, c) for row in t.rows))


def longest_word(text: str) -> int:
    if text.isascii():
        return max(map(len, text.split()), default=0)
    return max(map(cells, text.split()), default=0)


def longest_line(text: str) -> int:
    if "\n" not in text:
        return cells(text)
    return max(map(cells, text.split("\n")), default=0)


def _widths(texts) -> tuple[int, int]:
    """The longest word and the longest line among `texts`, each text measured once."""
    low = high = 0
    for text in set(texts):
        low = max(low, longest_word(text))
        high = max(high, longest_line(text))
    return low, high


def grid_widths(minimum: list[int], natural: list[int], room: int) -> list[int] | None:
    """Content widths within `room`, each at least `minimum`; None when the minimums do not fit.

    Columns whose natural width is under the water level keep it; the others are
    cut to the level, never below their minimum; cells left over go one each to the cut columns, the
    rightmost first.
    """
    if sum(minimum) > room:
        return None
    natural = [max(n, m) for n, m in zip(natural, minimum)]
    if sum(natural) <= room:
        return natural
    def at(level):
        return [min(n, max(m, level)) for m, n in zip(minimum, natural)]

    low, high = 0, max(natural)
    while low < high:
        middle = (low + high + 1) // 2
        if sum(at(middle)) <= room:
            low = middle
        else:
            high = middle - 1
    widths = at(low)
    spare = room - sum(widths)
    for i in reversed(range(len(widths))):
        if spare <= 0:
            break
        if widths[i] < natural[i]:
            widths[i] += 1
            spare -= 1
    return widths


def balance(widths: list[int], minimum: list[int], texts: list[list[str]]) -> list[int]:
    """`widths` with cells moved between columns while that makes the rows (`texts`, a sample of rows'
    cells, column by column) take fewer lines in all: a column with a tall cell takes room from one
    whose cells fit with room to spare. A few steps of a fixed size, so it stays cheap."""
    widths = list(widths)
    if len(widths) < 2 or not texts:
        return widths
    memo: dict = {}

    def lines(text, width):
        key = (text, width)
        if key not in memo:
            memo[key] = wrapped_lines(text, width)
        return memo[key]

    def height(ws):
        return sum(max(lines(text, w) for text, w in zip(row, ws)) for row in texts)

    step = max(1, sum(widths) // 20)
    best = height(widths)
    for _ in range(4 * len(widths)):
        found = None
        for donor in range(len(widths)):
            give = min(step, widths[donor] - minimum[donor])
            if give <= 0:
                continue
            for taker in range(len(widths)):
                if taker == donor:
                    continue
                trial = list(widths)
                trial[donor] -= give
                trial[taker] += give
                h = height(trial)
                if h < best and (found is None or h < found[0]):
                    found = (h, trial)
        if found is None:
            break
        best, widths = found
    return widths


def wrapped_lines(text: str, width: int) -> int:
    """About how many lines `text` takes word-wrapped within `width` cells (a cheap estimate)."""
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            size = cells(word)
            if used and used + 1 + size > width:
                lines, used = lines + 1, size
            else:
                used += size + (1 if used else 0)
        total += lines
    return total


def grid_height(t, grid: Grid) -> int:
    """About how many lines of text `grid` draws: each row as tall as its tallest cell (header, rules
    and footnotes left out, as they are decoration and the records have theirs)."""
    markers = {(index, key) for index, key, _ in grid.footnotes}
    height = 0
    for index, row in enumerate(t.rows):
        height += max(1 if (index, c.key) in markers else wrapped_lines(value(row, c), w)
                      for c, w in zip(grid.columns, grid.widths))
    return height


def stacked_height(t, layout: "Stacked") -> int:
    """About how many lines of text the stacked records draw: each value's lines (a label above it
    counts as one)."""
    height = 0
    for record in records(layout, t):
        for _label, column, row, place in record:
            text = value(row, column)
            if place == "beside":
                height += wrapped_lines(text, layout.value_width)
            elif place == "below":
                height += 1 + wrapped_lines(text, layout.value_width)
            else:
                height += 1 + wrapped_lines(text, layout.width)
    return height


#: How many rows `balance` weighs when it moves room between columns, and `plan` when it compares
#: a grid's height with the records'.
BALANCE_ROWS = 40
#: A grid gives way to stacked records when its rows would take more than this many times the lines
#: of text the records take.
TALLER = 1.2


def _grid(t, columns, width: int, footnote_urls: bool):
    footnotes = []
    if footnote_urls:
        footnotes = [(index, c.key, value(row, c)) for index, row in enumerate(t.rows) for c in columns
                     if is_url(value(row, c))]
    markers = {(index, key): footnote_marker(n) for n, (index, key, _) in enumerate(footnotes, 1)}
    room = width - GRID_EDGE - GRID_PER_COLUMN * len(columns)
    minimum, natural, columns_texts = [], [], []
    for column in columns:
        texts = [value(row, column) for row in t.rows]
        if markers:
            texts = [markers.get((index, column.key)) or text for index, text in enumerate(texts)]
        low, high = _widths([cell_text(column.title), *texts])
        minimum.append(low)
        natural.append(high)
        columns_texts.append(texts)
    widths = grid_widths(minimum, natural, room)
    if widths is None:
        return None
    if sum(widths) < sum(max(n, m) for n, m in zip(natural, minimum)):  # some columns were cut
        sample = list(zip(*columns_texts))[:BALANCE_ROWS]
        widths = balance(widths, minimum, sample)
    return Grid(columns, tuple(widths), tuple(footnotes))


def is_pairs(columns) -> bool:
    """A table of `field`/`value` rows (the overview): its records take their labels from the rows."""
    return [c.key for c in columns[-2:]] == ["field", "value"]


def plan(t, width: int):
    """The layout of table `t` at `width` columns: Empty, Grid or Stacked."""
    columns = visible_columns(t)
    if not t.rows or not columns:
        return Empty(columns)
    grid = None
    for footnote_urls in (False, True):
        grid = _grid(t, columns, width, footnote_urls)
        if grid is not None:
            break
    if is_pairs(columns):
        labels = [value(row, columns[-2]) for row in t.rows]
    else:
        labels = [cell_text(c.title) for c in columns]
    label_width = max(cells(label) for label in labels)
    label_above = width - label_width - 1 < MIN_VALUE
    stacked = Stacked(columns, label_width, label_above, width)
    sample = t._replace(rows=t.rows[:BALANCE_ROWS])  # the choice weighs the first rows only: cheap
    if grid is not None and grid_height(sample, grid) <= TALLER * stacked_height(sample, stacked):
        return grid
    return stacked


def _place(layout: Stacked, text: str) -> str:
    if longest_word(text) > layout.value_width:
        return "whole" if len(text.split()) == 1 else "wide"
    return "below" if layout.label_above else "beside"


def records(layout: Stacked, t) -> list[list[tuple]]:
    """The records of a stacked table, each a list of (label, column, row, place) for its non-empty values.

    The value is `value(row, column)`. place: "beside" (after the label padded to `label_width` and a
    space), "below" (under the label, indented by INDENT, when `label_above`), "whole" (under the
    label, whole and unindented, never wrapped: a single word too long for the value column, such as a URL
    or a file path), or "wide" (under the label, unindented, wrapping within the whole width: several
    words, one of them too long for the value column). Most tables give a record per
    row, labelled by column titles, each column's values placed alike in every record (the roomiest
    place any of them needs); a field/value table gives one record per run of rows that share
    their leading cells (the country), labelled by each row's field; the leading cells only group.
    """
    found = []
    if is_pairs(layout.columns):
        *leading, field, shown = layout.columns
        current = None
        for row in t.rows:
            key = tuple(value(row, c) for c in leading)
            if key != current or not found:
                current = key
                found.append([])  # the overview's own Country row names the country
            text = value(row, shown)
            if text:
                found[-1].append((value(row, field), shown, row, _place(layout, text)))
        return found
    # A column's values go in the same place in every record: the roomiest any of them needs.
    rank = ("beside", "below", "wide", "whole")
    places = {}
    for c in layout.columns:
        needed = [_place(layout, value(row, c)) for row in t.rows if value(row, c)]
        places[c.key] = max(needed, key=rank.index, default="beside")

    def place(row, column):
        if places[column.key] in ("wide", "whole"):
            return "whole" if len(value(row, column).split()) == 1 else "wide"
        return places[column.key]

    for row in t.rows:
        found.append([(cell_text(c.title), c, row, place(row, c)) for c in layout.columns if value(row, c)])
    return found
