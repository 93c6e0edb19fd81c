"""How a view table fits a terminal width: pure decisions, drawn alike by `terminal` (Rich, with styles)
and `unstyled` (plain lines), so the two agree on every choice:

- A cell's text is its value as people read it, cleaned, with each line's whitespace made single spaces.
- Columns that are empty in every row are dropped.
- A grid is drawn when every column can be given the width of its longest word (header included), so no
  word is ever broken; the room left is shared by water-filling: narrow columns keep their natural width,
  the wide ones share the rest equally (`grid_widths`). Otherwise each row becomes a stacked record.
- A URL is never broken. In a grid, a URL cell that would not fit shows a marker `[1]` and the URL is
  printed whole under the table. In a record, a URL (or any one-word value, such as a path) that does not
  fit beside its label goes whole on the next line.
- Records size their labels to the longest label shown; when the value column beside them would be
  narrower than MIN_VALUE, each label goes on its own line and its value below it, indented by INDENT.
- Text wraps between words, greedily; a word wider than the line has a line of its own, whole.
"""
from __future__ import annotations

import re
from collections import namedtuple

from . import cell_text, column_text
from .words import cells, longest_line, longest_word, tidy, wrapped_lines

#: The narrowest value column worth reading beside a label in a stacked record.
MIN_VALUE = 20
#: The indent of a value under its label in a very narrow record.
INDENT = 2
#: What a grid adds to its columns' widths: `│ ` before each column and ` │` after the last (`3n + 1`).
GRID_EDGE = 1
GRID_PER_COLUMN = 3
#: How many rows `balance` weighs when it moves room between columns, and `plan` when it compares
#: a grid's height with the records'.
BALANCE_ROWS = 40
#: A grid gives way to stacked records when its rows would take more than this many times the lines
#: of text the records take.
TALLER = 1.2
#: Where a record puts a value, from the roomiest need to the least.
PLACES = ("beside", "below", "wide", "whole")

_URL = re.compile(r"https?://\S+")


class Grid(namedtuple("Grid", "columns widths texts footnotes")):
    """A bordered table with a header and lines between rows.

    Fields: columns: tuple[Column, ...]; widths: tuple[int, ...], the content width of each column
    (padding and borders excluded; no word of its cells is wider); texts: list[list[str]], each row's
    cells, a URL cell that did not fit given as its marker; footnotes: tuple[(row, column index, url), ...],
    the URLs printed whole under the table as `[n] url`, n from 1 in this order.
    """

    __slots__ = ()
    kind = "grid"


class Stacked(namedtuple("Stacked", "columns label_width label_above width texts")):
    """One record per row, a rule before each, a `label value` line per non-empty cell.

    Fields: columns: tuple[Column, ...]; label_width: int, the label column's width (labels are padded
    to it, then one space, then the value, which wraps within `value_width`); label_above: bool, each label
    on its own line and the value under it indented by INDENT; width: int, the console width;
    texts: list[list[str]], each row's cells. See `records` for the records and where each value goes.
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


def is_url(text: str) -> bool:
    return bool(_URL.fullmatch(text))


def footnote_marker(number: int) -> str:
    return f"[{number}]"


def grid_widths(minimum: list[int], natural: list[int], room: int) -> list[int] | None:
    """Content widths within `room`, each at least `minimum`; None when the minimums do not fit.

    Columns whose natural width is under the water level keep it; the others are cut to the level, never
    below their minimum; cells left over go one each to the cut columns, the rightmost first.
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
    cells) take fewer lines in all: a column with a tall cell takes room from one whose cells fit with
    room to spare. A few steps of a fixed size, so it stays cheap."""
    widths = list(widths)
    if len(widths) < 2 or not texts:
        return widths
    memo: dict = {}

    def lines(text, width):
        if (text, width) not in memo:
            memo[text, width] = wrapped_lines(text, width)
        return memo[text, width]

    def height(ws):
        return sum(max(lines(text, w) for text, w in zip(row, ws)) for row in texts)

    step = max(1, sum(widths) // 20)
    best = height(widths)
    for _ in range(4 * len(widths)):
        found = None
        for donor in range(len(widths)):
            give = min(step, widths[donor] - minimum[donor])
            for taker in range(len(widths)) if give > 0 else ():
                if taker != donor:
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


def texts(t) -> tuple[tuple, list[list[str]]]:
    """The columns people see (those with a value in some row; all of them when there are no rows) and
    each row's cells in them, as people read them."""
    columns = t.human_columns
    matrix = [[tidy(column_text(row, c)) for c in columns] for row in t.rows]
    if t.rows:
        kept = [i for i in range(len(columns)) if any(row[i] for row in matrix)]
        if len(kept) < len(columns):
            columns = [columns[i] for i in kept]
            matrix = [[row[i] for i in kept] for row in matrix]
    return tuple(columns), matrix


def _grid(columns, matrix: list[list[str]], width: int, footnote_urls: bool) -> Grid | None:
    footnotes = []
    if footnote_urls:
        footnotes = [(r, c, text) for r, row in enumerate(matrix) for c, text in enumerate(row) if is_url(text)]
        matrix = [list(row) for row in matrix]
        for n, (r, c, _) in enumerate(footnotes, 1):
            matrix[r][c] = footnote_marker(n)
    room = width - GRID_EDGE - GRID_PER_COLUMN * len(columns)
    minimum, natural = [], []
    for index, column in enumerate(columns):
        low = high = 0
        for text in {cell_text(column.title), *(row[index] for row in matrix)}:
            low, high = max(low, longest_word(text)), max(high, longest_line(text))
        minimum.append(low)
        natural.append(high)
    widths = grid_widths(minimum, natural, room)
    if widths is None:
        return None
    if sum(widths) < sum(max(n, m) for n, m in zip(natural, minimum)):  # some columns were cut
        widths = balance(widths, minimum, matrix[:BALANCE_ROWS])
    return Grid(columns, tuple(widths), matrix, tuple(footnotes))


def grid_height(grid: Grid, rows: int = BALANCE_ROWS) -> int:
    """How many lines of text the first `rows` rows of `grid` take (header, rules and footnotes left out:
    they are decoration, and the records have theirs)."""
    return sum(max(wrapped_lines(text, w) for text, w in zip(row, grid.widths)) for row in grid.texts[:rows])


def stacked_height(plan: Stacked, rows: int = BALANCE_ROWS) -> int:
    """How many lines of text the first `rows` records take (a label above its value counts as one)."""
    height = 0
    for record in records(plan._replace(texts=plan.texts[:rows])):
        for _label, text, place, _row, _column in record:
            if place == "beside":
                height += wrapped_lines(text, plan.value_width)
            elif place == "below":
                height += 1 + wrapped_lines(text, plan.value_width)
            else:
                height += 1 + wrapped_lines(text, plan.width)
    return height


def is_pairs(columns) -> bool:
    """A table of `field`/`value` rows (the overview): its records take their labels from the rows."""
    return [c.key for c in columns[-2:]] == ["field", "value"]


def plan(t, width: int):
    """The layout of table `t` at `width` columns: Empty, Grid or Stacked."""
    columns, matrix = texts(t)
    if not t.rows or not columns:
        return Empty(columns)
    grid = _grid(columns, matrix, width, False) or _grid(columns, matrix, width, True)
    if is_pairs(columns):
        labels = [row[-2] for row in matrix]
    else:
        labels = [cell_text(c.title) for c in columns]
    label_width = max(map(cells, labels))
    stacked = Stacked(columns, label_width, width - label_width - 1 < MIN_VALUE, width, matrix)
    if grid is not None and grid_height(grid) <= TALLER * stacked_height(stacked):
        return grid
    return stacked


def _place(plan: Stacked, text: str) -> str:
    if longest_word(text) > plan.value_width:
        return "whole" if " " not in text and "\n" not in text else "wide"
    return "below" if plan.label_above else "beside"


def records(plan: Stacked) -> list[list[tuple]]:
    """The records of a stacked table, each a list of (label, text, place, row, column) for its non-empty
    cells, `row` and `column` the cell's indexes.

    place: "beside" (after the label padded to `label_width` and a space), "below" (under the label,
    indented by INDENT, when `label_above`), "whole" (under the label, whole and unindented, never wrapped:
    a single word too long for the value column, such as a URL or a file path), or "wide" (under the label,
    unindented, wrapping within the whole width: several words, one of them too long for the value column).
    Most tables give a record per row, labelled by column titles, each column's values placed alike in every
    record (the roomiest place any of them needs); a field/value table gives one record per run of rows
    that share their leading cells (the country), labelled by each row's field; the leading cells only group.
    """
    if is_pairs(plan.columns):
        return _pair_records(plan)
    places = []
    for index in range(len(plan.columns)):
        needed = {_place(plan, row[index]) for row in plan.texts if row[index]}
        places.append(max(needed, key=PLACES.index, default="beside"))
    titles = [cell_text(c.title) for c in plan.columns]
    found = []
    for r, row in enumerate(plan.texts):
        record = []
        for c, text in enumerate(row):
            if text:
                place = places[c]
                if place in ("wide", "whole"):
                    place = "whole" if " " not in text and "\n" not in text else "wide"
                record.append((titles[c], text, place, r, c))
        found.append(record)
    return found


def _pair_records(plan: Stacked) -> list[list[tuple]]:
    found, current = [], None
    for r, (*leading, field, text) in enumerate(plan.texts):
        if tuple(leading) != current or not found:
            current = tuple(leading)
            found.append([])  # the overview's own Country row names the country
        if text:
            found[-1].append((field, text, _place(plan, text), r, len(plan.columns) - 1))
    return found
