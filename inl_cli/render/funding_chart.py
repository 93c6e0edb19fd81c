"""The HTML report's funding chart: obligations and disbursements as two bars per fiscal year, drawn on the
timeline's year axis (`axis.Axis`), with its year labels. A fiscal year runs from October to September, so
FY2019's bars stand over October 2018 to September 2019, where the timeline draws what happened then. The
axis is the timeline's, so a program's milestones keep their room: fiscal years outside it are in the
table, not drawn, and the caption says so. Without a timeline the chart has an axis of its own.

With several programs, each fiscal year's bars sum their countries; the table beside the chart lists each.
A negative total (more de-obligated than obligated) is drawn below the zero line.
"""
from __future__ import annotations

from datetime import date, timedelta

from ..money import short
from .axis import MARGIN, WIDTH, Axis

#: The plot's height and the room above it (for the top amount) and below it (for the year labels).
PLOT, ABOVE, BELOW = 150, 22, 40
#: Each bar's share of its fiscal year's width, and where the two bars start in it.
BAR, OBLIGATIONS_AT, DISBURSEMENTS_AT = 0.4, 0.08, 0.52


def years_of(rows) -> dict:
    """{fiscal year label: [first day, last day, obligations, disbursements]} summed over the programs."""
    found: dict = {}
    for row in rows:
        first, last = row["days"]
        summed = found.setdefault(row["year"], [first, last, 0, 0])
        summed[2] += row["obligations"]
        summed[3] += row["disbursements"]
    return found


def reach_of(rows) -> tuple[int, int] | None:
    """The first and last calendar years the fiscal years of `rows` touch, or None for no rows."""
    days = [row["days"] for row in rows]
    if not days:
        return None
    return min(first.year for first, _ in days), max(last.year for _, last in days)


def funding_context(rows, timeline: dict | None = None, countries: int = 1) -> dict:
    """Where to draw each fiscal year's two bars, on the drawn `timeline`'s axis and year labels (its
    `reach` and `years`) or, without one, on the rows' own years; the scale's top and bottom amounts; and a
    one-sentence text alternative that says whose axis it is, how many `countries` each bar adds up, and
    which fiscal years are left to the table. A fiscal year the axis cuts (FY2011's October to December
    2010 before a timeline that starts in 2011) is drawn over the part it shows."""
    summed = years_of(rows)
    context = {"bars": [], "width": WIDTH, "height": 0, "summary": "No funding to draw.", "years": [],
               "shared": False}
    shared = timeline.get("reach") if timeline else None
    reach = shared or reach_of(rows)
    if reach is None:
        return context
    axis = Axis(*reach)
    first, last = date(axis.first_year, 1, 1), date(axis.last_year, 12, 31)
    drawn = {label: (max(v[0], first), min(v[1], last), v[2], v[3]) for label, v in summed.items()
             if v[1] >= first and v[0] <= last}
    top = max([0] + [max(o, d) for _, _, o, d in drawn.values()])
    bottom = min([0] + [min(o, d) for _, _, o, d in drawn.values()])
    if top == bottom:
        if summed:
            context["summary"] = "No funding to draw on the timeline's years; the table lists every fiscal year."
        return context
    scale = PLOT / (top - bottom)
    zero = round(ABOVE + top * scale, 1)
    for label, (start, end, obligations, disbursements) in drawn.items():
        left = axis.x(start)
        span = axis.x(end + timedelta(days=1)) - left
        for kind, amount, at in (("obligations", obligations, OBLIGATIONS_AT),
                                 ("disbursements", disbursements, DISBURSEMENTS_AT)):
            height = round(abs(amount) * scale, 1)
            context["bars"].append({
                "kind": kind, "x": round(left + span * at, 1), "width": max(1.0, round(span * BAR, 1)),
                "y": zero - height if amount >= 0 else zero, "height": height,
                "tip": f"{label}: {short(amount)} {'obligated' if kind == 'obligations' else 'disbursed'}"})
    years = timeline["years"] if shared else axis.years({start.year for start, _, o, d in drawn.values()})
    context.update(years=years, zero=zero, axis=ABOVE + PLOT + 6, height=ABOVE + PLOT + BELOW,
                   end=axis.end(), left=MARGIN, top=short(top), top_y=ABOVE,
                   bottom=short(bottom) if bottom else "", bottom_y=round(ABOVE + PLOT, 1), shared=bool(shared),
                   summary=_summary(drawn, len(summed) - len(drawn), bool(shared), countries))
    return context


def _summary(summed: dict, left_out: int, shared: bool, countries: int) -> str:
    """The chart in one sentence: the years, the sums, the year with the most obligated (or, when every
    year gave money back, the largest de-obligation), whose axis it is, and what is left to the table."""
    labels = list(summed)
    obligated = sum(v[2] for v in summed.values())
    disbursed = sum(v[3] for v in summed.values())
    years = labels[0] if len(labels) == 1 else f"{labels[0]} to {labels[-1]}"
    whose = f"the {countries} countries' amounts added up" if countries > 1 else "obligations and disbursements"
    most = max(labels, key=lambda label: summed[label][2])
    peak = (f"the most obligated in {most} ({short(summed[most][2])})" if summed[most][2] > 0 else
            f"the largest de-obligation in {(low := min(labels, key=lambda k: summed[k][2]))} "
            f"({short(summed[low][2])})")
    axis = "drawn on the timeline's years" if shared else "drawn on their own years"
    rest = (f"{left_out} fiscal year{'s' * (left_out != 1)} outside the timeline's years "
            f"{'is' if left_out == 1 else 'are'} in the table below, not drawn." if left_out
            else "The table below lists every year.")
    return (f"Per fiscal year, {whose}, {years}, {axis}: {short(obligated)} obligated and {short(disbursed)} "
            f"disbursed; {peak}. {rest}")
