"""The year axis the HTML report's drawings share, so the timeline's milestones and the funding chart's
fiscal years line up: the same width, margins and days-to-x mapping for both."""
from __future__ import annotations

from datetime import date

#: Drawing width and side margin, in SVG user units; the SVG scales to the page's width.
WIDTH, MARGIN = 960, 16


class Axis:
    """Days to x positions across the plot, from 1 January of `first_year` to the end of `last_year`."""

    def __init__(self, first_year: int, last_year: int):
        self.first_year, self.last_year = first_year, last_year
        self.origin = date(first_year, 1, 1).toordinal()
        self.days = date(last_year + 1, 1, 1).toordinal() - self.origin

    def x(self, day: date) -> float:
        return round(MARGIN + (day.toordinal() - self.origin) * (WIDTH - 2 * MARGIN) / self.days, 1)

    def years(self, labelled: set) -> list[dict]:
        """Each year's tick and centre; its label shown when an entry starts or ends in it, or when room."""
        found, free = [], -1.0
        for year in range(self.first_year, self.last_year + 1):
            tick = self.x(date(year, 1, 1))
            centre = round((tick + self.x(date(year + 1, 1, 1))) / 2, 1)
            show = year in labelled or centre - 20 >= free
            if show:
                free = centre + 20
            found.append({"year": year, "tick": tick, "centre": centre, "label": show})
        return found

    def end(self) -> float:
        """The x of the end of the last year."""
        return self.x(date(self.last_year + 1, 1, 1))
