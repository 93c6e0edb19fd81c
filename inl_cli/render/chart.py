"""A Gantt-style chart of timeline rows: a bar per span, a mark per point, a year axis.

Works from the view's machine columns (start, end, kind), so any timeline table
can be drawn. `plain` uses ASCII only, for pipes and colourless terminals.
"""
from __future__ import annotations

from datetime import date, timedelta

from ..dates import PartialDate

GLYPHS = {
    False: {"bar": "█", "accomplishment": "●", "milestone": "◆", "context": "▲", "axis": "─", "tick": "┬"},
    True: {"bar": "=", "accomplishment": "o", "milestone": "*", "context": "x", "axis": "-", "tick": "+"},
}
STYLES = {"accomplishment": "cyan", "milestone": "magenta", "context": "yellow"}


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


def layout(rows: list[dict], width: int, plain: bool):
    """Lines of (text, style) pieces: one per row, then the axis and a legend."""
    glyph = GLYPHS[plain]
    dated = [r for r in rows if r.get("start")]
    if not dated:
        return []
    spans = [(PartialDate.parse(r["start"]), _end(r)) for r in dated]
    first_year = min(s.year for s, _ in spans)
    last_year = max(e.year for _, e in spans)
    label_width = max(12, min(36, width * 2 // 5))
    scale = Scale(first_year, last_year, max(10, width - label_width - 1))
    lines = []
    for row, (start, end) in zip(dated, spans):
        label = f"{row['when']} {row['title']}"
        if len(label) > label_width:
            label = label[: label_width - 1] + ("~" if plain else "…")
        cells = [" "] * scale.width
        if row["start"] != row.get("end"):
            left = scale.column(start.first_day)
            right = max(left, scale.column(end.last_day + timedelta(days=1)) - 1)
            for i in range(left, right + 1):
                cells[i] = glyph["bar"]
        else:
            cells[scale.point(start.first_day, end.last_day)] = glyph[row["kind"]]
        lines.append([(label.ljust(label_width) + " ", ""), ("".join(cells).rstrip(), STYLES[row["kind"]])])
    lines.append([(" " * (label_width + 1), ""), (_axis(scale, glyph), "dim")])
    lines.append([(" " * (label_width + 1), ""), (_years(scale), "dim")])
    legend = (f"{glyph['bar']} span  {glyph['accomplishment']} accomplishment  "
              f"{glyph['milestone']} milestone  {glyph['context']} context")
    lines.append([(legend, "dim")])
    return lines


def _end(row: dict) -> PartialDate:
    """The row's last date; an open span ("since 2012", no end) is drawn to today."""
    if row.get("end"):
        return PartialDate.parse(row["end"])
    today = date.today()
    return PartialDate(today.year, today.month, today.day)


def _axis(scale: Scale, glyph: dict) -> str:
    cells = [glyph["axis"]] * scale.width
    for year in scale.years:
        cells[min(scale.width - 1, scale.column(date(year, 1, 1)))] = glyph["tick"]
    return "".join(cells)


def _years(scale: Scale) -> str:
    """Year labels under their ticks, skipping those that would touch the previous one."""
    cells = [" "] * scale.width
    free = 0
    for year in scale.years:
        at = scale.column(date(year, 1, 1))
        label = str(year)
        if at >= free and at + len(label) <= scale.width:
            cells[at:at + len(label)] = label
            free = at + len(label) + 1
    return "".join(cells).rstrip()
