"""The report as one self-contained HTML page: the Markdown report's sections, the timeline drawn as SVG.

Python lays the page out (sections, blocks, the timeline's geometry) and a
Jinja2 template writes it with autoescaping on, so data is always text: markup
in a title stays visible as typed, and only http(s) addresses become links.
The page needs no script and loads nothing: a Content-Security-Policy says so
to the browser too. Jinja2 is imported here only, so other commands never pay
for it.
"""
from __future__ import annotations

import os
import re
from collections import namedtuple
from datetime import date, timedelta

from ..dates import end_of, start_of, today
from ..text import is_web_address
from . import cell_text, country_name, country_names, named, when_text
from .axis import MARGIN, WIDTH, Axis
from .report import BLOCKS, arrange

KIND_LABELS = {"accomplishment": "Accomplishment", "milestone": "Milestone", "context": "Context"}
KIND_PLURALS = {"accomplishment": "accomplishments", "milestone": "milestones", "context": "context events"}
#: Fill colours for telling countries apart at a glance (after Okabe–Ito), each 3:1 or more on the light and
#: dark backgrounds. They repeat after six, so the timeline never relies on them alone: with several
#: countries its rows are grouped under each country's name, and every label names its country too.
COUNTRY_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#a66f00", "#7a7a7a")
ROW_HEADERS = ("field", "title", "name", "accomplishment", "unit")

# The timeline's drawing, in SVG user units, on the shared year axis (`axis.WIDTH` wide).
ROW, TOP, AXIS, HEADING = 34, 12, 42, 26
#: A label is cut to the room beside its mark, at about this many units a character (13 px text), never
#: to fewer than MIN_LABEL characters; the full label is in the entry's tooltip and the table below.
CHAR_WIDTH, MIN_LABEL = 7.0, 24


def safe_url(url) -> str | None:
    """The address if it is a plain http(s) address, else None: `javascript:` and the like never link."""
    text = str(url or "").strip()
    return text if is_web_address(text) else None


def _text(value) -> str:
    return cell_text(value)


def _items(value) -> list[str]:
    """A cell's items: a list stays a list, anything else is one item (or none when empty)."""
    if isinstance(value, list):
        return [t for t in (_text(v) for v in value) if t]
    text = _text(value)
    return [text] if text else []


LONG_WORD = re.compile(r"\S{22}")


def _cell(value, column) -> dict:
    """A table cell's items, and whether a long word (an address, a code) may break anywhere to fit."""
    items = [when_text(value)] if column.kind == "date" else _items(value)
    return {"items": items, "long": any(LONG_WORD.search(item) for item in items)}


def _slug(*parts) -> str:
    """An element id from identifiers: lower-case letters, digits and hyphens."""
    return "-".join(re.sub(r"[^a-z0-9]+", "-", str(p).lower()).strip("-") or "x" for p in parts if p != "")


# ---- tables and blocks -------------------------------------------------------------------------------------

def table_context(t) -> dict:
    columns = t.human_columns
    header = next((c.key for c in columns if c.key in ROW_HEADERS), None)
    return {
        "kind": "table",
        "columns": [{"key": c.key, "title": _text(c.title), "row_header": c.key == header} for c in columns],
        "rows": [[_cell(row.get(c.key), c) for c in columns] for row in t.rows],
        "note": _text(t.note),
    }


def blocks_context(t, prefix: str) -> dict:
    """One block per accomplishment: title, when, partners, location; summary; details, results, milestones."""
    blocks = []
    for row in t.rows:
        facts = [(title, _text(value)) for title, value in (
            ("Country", row.get("country")), ("When", when_text(row.get("when"))),
            ("Partners", ", ".join(row.get("partners") or ())), ("Location", row.get("location")))
            if _text(value)]
        lists = [(title, _items(value)) for title, value in (
            ("Details", row.get("details")), ("Results", row.get("results")),
            ("Milestones", row.get("milestones")))]
        blocks.append({"id": _slug(prefix, "a", row.get("id") or len(blocks)), "title": _text(row.get("title")),
                       "facts": facts, "summary": _text(row.get("summary")),
                       "lists": [(title, items) for title, items in lists if items]})
    return {"kind": "blocks", "blocks": blocks}


def section(t, prefix: str) -> dict:
    shown = arrange(t)
    body = blocks_context(shown, prefix) if t.name in BLOCKS else table_context(shown)
    return {"name": t.name, "heading": _text(t.heading or t.title), "id": _slug(prefix, t.name), **body}


def by_program(t, programs: list) -> list:
    """The table split into one table per program, in the programs' order, without the Country column."""
    rows = {id(program): [] for program in programs}
    for row in t.rows:
        rows[id(row["program"])].append({k: v for k, v in row.items() if k != "country"})
    columns = tuple(c for c in t.columns if c.key != "country")
    return [t._replace(columns=columns, rows=found) for found in rows.values()]


# ---- the timeline --------------------------------------------------------------------------------------------

Mark = namedtuple("Mark", "shape kind text tip x y width colour open anchor label_x label place")
"""An entry drawn: in the SVG at `x`, `y` (`text` its label cut to the room beside it), and in the list that
narrow screens show instead, with its whole `label` and its `place` along the years ("left:…%;width:…%")."""


def _span(when, now: date) -> tuple[date, date, bool]:
    """First and last day of a date; an open span (no end) runs to today."""
    start, end = start_of(when), end_of(when)
    if end is None:
        return start.first_day, max(now, start.last_day), True
    return start.first_day, end.last_day, False


def _mark(row: dict, span: tuple, axis: Axis, y: float, colour: str) -> Mark:
    """A dated row drawn: a bar for a span, a marker for a point, its label cut to the room beside it."""
    first, last, is_open = span
    kind = row.get("kind") if row.get("kind") in KIND_LABELS else "accomplishment"
    parts = (_text(row.get("country")), when_text(row["when"]), _text(row.get("title")))
    label = " · ".join(p for p in parts if p)
    partners = ", ".join(_items(row.get("partners")))
    tip = f"{label} ({KIND_LABELS[kind].lower()}{': ' + partners if partners else ''})"
    if start_of(row["when"]) != end_of(row["when"]):
        left = axis.x(first)
        width, shape = max(3.0, round(axis.x(last + timedelta(days=1)) - left, 1)), "span"
    else:
        left = axis.x(date.fromordinal((first.toordinal() + last.toordinal()) // 2))
        width, shape = 0.0, "point"
    right = left + width
    anchor = "end" if right > WIDTH / 2 and left > WIDTH * 0.4 else "start"
    at = round(right + 8 if shape == "point" and anchor == "end" else (right if anchor == "end" else left), 1)
    room = max(MIN_LABEL, int((at if anchor == "end" else WIDTH - at) / CHAR_WIDTH))
    short = label if len(label) <= room else label[:room - 1].rstrip() + "…"
    plot = WIDTH - 2 * MARGIN
    place = f"left:{round((left - MARGIN) * 100 / plot, 2)}%;width:{round(width * 100 / plot, 2)}%"
    whole = " ".join(p for p in parts[1:] if p)
    return Mark(shape, kind, short, tip, left, y, width, colour, is_open, anchor, at, whole, place)


def timeline_context(t, programs: list, names: dict, now: date) -> dict:
    """Where to draw each dated row: a bar for a span, a marker for a point, one row each; the year axis,
    which the funding chart shares (`reach`: its first and last years; `years`: their ticks and labels).
    With several programs, each one's rows are grouped under its country's name (`names`, by program)."""
    dated = [row for row in t.rows if row["when"] is not None]
    undated = [{"country": _text(row.get("country")), "title": _text(row.get("title")),
                "kind": KIND_LABELS.get(row.get("kind"), "")} for row in t.rows if row["when"] is None]
    several = len(programs) > 1
    colours = {id(p): COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)] for i, p in enumerate(programs)}
    present = {id(row.get("program")) for row in dated}
    drawn = [p for p in programs if id(p) in present] if several else []
    if several:  # one group of rows per country, under its name, so that no one has to tell colours apart
        place = {id(p): number for number, p in enumerate(drawn)}
        dated.sort(key=lambda row: place.get(id(row.get("program")), len(place)))
    context = {"entries": len(dated), "undated": undated, "several": several,
               "countries": [{"name": _text(country_name(p, names)), "colour": colours[id(p)]} for p in drawn],
               "headings": [], "marks": [], "years": [], "width": WIDTH, "height": 0, "axis": 0, "today": None,
               "first": "", "last": "", "reach": None}
    if not dated:
        return context
    spans = [_span(row["when"], now) for row in dated]
    axis = Axis(min(first.year for first, _, _ in spans), max(last.year for _, last, _ in spans))
    marks, headings, listing, y, group = [], [], [], TOP, object()
    for row, span in zip(dated, spans):
        colour = colours.get(id(row.get("program")), "") if several else ""
        if several and row.get("program") is not group:
            group = row.get("program")
            headings.append({"name": _text(country_name(group, names)), "y": y, "colour": colour})
            listing.append(("heading", headings[-1]))
            y += HEADING
        marks.append(_mark(row, span, axis, y, colour))
        listing.append(("entry", marks[-1]))
        y += ROW
    labelled = {first.year for first, _, _ in spans} | {last.year for _, last, _ in spans}
    context.update(marks=marks, headings=headings, listing=listing, years=axis.years(labelled),
                   height=y + 4 + AXIS, axis=y + 4,
                   first=str(axis.first_year), last=str(axis.last_year), reach=(axis.first_year, axis.last_year),
                   end=axis.end(),
                   today=axis.x(now) if any(is_open for _, _, is_open in spans) else None)
    return context


def summary(context: dict) -> str:
    """The SVG's text alternative, in one sentence."""
    if not context["entries"]:
        return "No dated entries to draw."
    counts = {}
    for mark in context["marks"]:
        counts[mark.kind] = counts.get(mark.kind, 0) + 1
    parts = ", ".join(f"{n} {KIND_PLURALS[k] if n != 1 else k.replace('context', 'context event')}"
                      for k, n in counts.items())
    spans = sum(1 for m in context["marks"] if m.shape == "span")
    where = f" across {len(context['countries'])} countries" if context["several"] else ""
    years = f"in {context['first']}" if context["first"] == context["last"] else (
        f"from {context['first']} to {context['last']}")
    entries = "1 dated entry" if context["entries"] == 1 else f"{context['entries']} dated entries"
    bars = {0: "", 1: "; 1 of them spans several months or years and is drawn as a bar"}.get(
        spans, f"; {spans} of them span several months or years and are drawn as bars")
    return f"{entries}{where} {years}: {parts}{bars}. The table below lists every entry."


# ---- the page ----------------------------------------------------------------------------------------------

WHOLE = ("timeline", "funding")
"""The sections drawn once for the whole report, on one year axis, rather than once a country."""


def render_report(report, chart: bool = True) -> str:
    """The report as one page; the timeline and the funding drawn above their tables, unless not `chart`."""
    import jinja2

    programs = [s.get("program") for s in report.sources]
    names = country_names([p for p in programs if p is not None])
    several = len(programs) > 1
    tables = [t for t in report.tables if t.name not in WHOLE]
    if several:
        split = list(zip(*(by_program(t, programs) for t in tables))) or [()] * len(programs)
        parts = [{"country": _text(country_name(program, names)), "id": _slug("country", index),
                  "sections": [section(t, f"c{index}") for t in split[index]]}
                 for index, program in enumerate(programs)]
    else:
        parts = [{"country": None, "id": "", "sections": [section(t, "") for t in tables]}]
    timeline, funding = drawings(report, programs, names, chart)
    sources = [{"country": _text(names.get(id(s.get("program")), s["country"])), "title": _text(s["title"]),
                "url": _text(s["url"]), "href": safe_url(s["url"])} for s in report.sources]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(os.path.join(os.path.dirname(__file__), "templates")),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    template = environment.get_template("report.html.j2")
    return template.render(title=_text(report.title), parts=parts, timeline=timeline, funding=funding,
                           sources=sources, several=several) + "\n"


def drawings(report, programs: list, names: dict, chart: bool) -> tuple[dict | None, dict | None]:
    """The timeline and funding sections (None when the report has not got one), each with its drawing
    when `chart`, both on one year axis."""
    from .funding_chart import funding_context

    found = {t.name: t._replace(rows=named(t.rows, names)) for t in report.tables if t.name in WHOLE}
    timeline, funding = (section(found[name], "") if name in found else None for name in WHOLE)
    if timeline is not None:
        timeline["drawing"] = None
        if chart:
            timeline["drawing"] = timeline_context(arrange(found["timeline"]), programs, names, today())
            timeline["drawing"]["summary"] = summary(timeline["drawing"])
    if funding is not None:
        drawn = timeline["drawing"] if timeline is not None else None
        countries = len({id(row.get("program")) for row in found["funding"].rows})
        funding["drawing"] = funding_context(found["funding"].rows, drawn, countries) if chart else None
    return timeline, funding
