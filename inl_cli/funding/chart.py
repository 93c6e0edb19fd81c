"""A bar chart of obligations and disbursements per fiscal year, for a terminal, in the timeline chart's style.

Two bars a fiscal year, obligations above disbursements, each followed by its amount ($1.2M) in a column of
its own. Every fiscal year from the first to the last is there, so a gap shows: a year without rows has
one line saying so, and a run of them one line for the run ("FY1978–FY2000: no rows"). Negative totals
(more de-obligated than obligated) run left of a zero column. `plain` uses ASCII glyphs, for a stdout that
cannot encode others. Colour is the drawer's business (the command draws the lines with Rich, which leaves
colour out with NO_COLOR or on a pipe); this module imports neither Rich nor Click.
"""
from __future__ import annotations

from ..money import short
from .summary import YearTotal

GLYPHS = {False: {"obligations": "█", "disbursements": "▒"}, True: {"obligations": "#", "disbursements": "="}}
STYLES = {"obligations": "cyan", "disbursements": "magenta"}
MIN_PLOT = 4
"""Cells the bars keep however narrow the width (a fiscal year's label and amount fit beside them at 20
columns); only under that does the line run past it."""


def layout(totals: list[YearTotal], width: int, plain: bool = False, covered=None) -> list[list[tuple[str, str]]]:
    """Lines of (text, style) pieces: two bars a fiscal year, then the legend. [] when there is nothing.

    `covered`: the fiscal years with rows (default: all); the others read "no rows", a run of them on one line.
    """
    if not totals:
        return []
    covered = set(t.fiscal_year for t in totals) if covered is None else set(covered)
    glyph = GLYPHS[plain]
    values = [v for t in totals for v in (t.obligations, t.disbursements)]
    amounts = [short(v) for v in values]
    label_width = max(len(t.fiscal_year.label()) for t in totals)
    amount_width = max(map(len, amounts))
    plot = max(MIN_PLOT, width - label_width - amount_width - 2)
    high, low = max(0, *values), min(0, *values)
    extent = (high - low) or 1
    zero = round(-low / extent * plot)
    lines, gap = [], []
    for index, total in enumerate(totals):
        if total.fiscal_year not in covered:
            gap.append(total.fiscal_year)
            continue
        lines += _gap(gap)
        gap = []
        for part, kind in enumerate(("obligations", "disbursements")):
            value = total[1 + part]
            cells = max(1, round(abs(value) / extent * plot)) if value else 0
            cells = min(cells, plot - zero if value >= 0 else zero)  # rounding never runs past the plot
            start = zero if value >= 0 else zero - cells
            bar = " " * start + glyph[kind] * cells
            label = total.fiscal_year.label() if part == 0 else ""
            lines.append([(label.ljust(label_width) + " ", ""), (bar, STYLES[kind]),
                          (" " * (plot - len(bar) + 1) + amounts[2 * index + part].rjust(amount_width), "")])
    lines += _gap(gap)
    legend = [f"{glyph['obligations']} obligations", f"{glyph['disbursements']} disbursements"]
    if len("  ".join(legend)) <= width:
        legend = ["  ".join(legend)]
    lines += [[(text, "dim")] for text in legend]
    return lines


def _gap(years: list) -> list[list[tuple[str, str]]]:
    """The line of fiscal years without rows, or none."""
    if not years:
        return []
    shown = years[0].label() if len(years) == 1 else f"{years[0].label()}–{years[-1].label()}"
    return [[(f"{shown}: no rows", "dim")]]
