"""Whole reports: one builder per report format of `formats.REPORT`."""
from __future__ import annotations

from . import views


class ExportError(ValueError):
    """The sections asked for do not fit the format."""


CHARTED = ("markdown", "html")
"""The formats whose report draws charts (the timeline, the funding), which `chart=False` leaves out."""


def shows_funding(fmt: str, sections) -> bool:
    """Whether an export in `fmt` of these sections (none: the format's whole report) shows funding, and so
    needs the extract read: the overview or the funding section is in it. A whole JSON export is the
    program, and a CSV one the accomplishments; TimelineJS is the timeline."""
    chosen = set(sections) if sections else {"markdown": {"overview"}, "html": {"overview"}}.get(fmt, set())
    return fmt in BUILDERS and fmt != "timelinejs" and bool(chosen & {"overview", "funding"})


def markdown(programs, sections, sort: str = "date", note: str = "", chart: bool = True, spending=None) -> str:
    """The Markdown report; without its Mermaid chart when not `chart` (the timeline stays a table); with a
    Funding section when given `spending` (views.Spending)."""
    from .render.markdown import render_report

    return render_report(views.report(programs, sections, sort, note, spending), chart=chart)


def html(programs, sections, sort: str = "date", note: str = "", chart: bool = True, spending=None) -> str:
    """The HTML report; without the drawn timeline and funding chart when not `chart` (their tables stay);
    with a Funding section when given `spending` (views.Spending)."""
    from .render.html import render_report

    return render_report(views.report(programs, sections, sort, note, spending), chart=chart)


def json(programs, sections, sort: str = "date", note: str = "", spending=None) -> str:
    from .render import json as render_json

    if not sections:
        return render_json.dumps(views.document(programs))
    return render_json.render(views.report(programs, sections, sort, note, spending).tables)


def csv(programs, sections, safe: bool = True, sort: str = "date", note: str = "", spending=None) -> str:
    from .render import csv as render_csv

    if len(sections) > 1:
        raise ExportError("CSV holds one table; give one --section.")
    tables = views.report(programs, sections or ("accomplishments",), sort, note, spending).tables
    return render_csv.render(tables, safe=safe)


def timelinejs(programs, sections, sort: str = "date", note: str = "") -> str:
    from .render.timelinejs import render_timeline

    if sections:
        raise ExportError("timelinejs exports the whole timeline; leave out --section.")
    return render_timeline(views.report(programs, ("overview", "timeline"), sort, note))


def build(fmt: str, programs, sections, **options) -> str:
    """The whole export in `fmt` (one of `formats.REPORT`)."""
    return BUILDERS[fmt](programs, sections, **options)


BUILDERS = {"markdown": markdown, "html": html, "json": json, "csv": csv, "timelinejs": timelinejs}
"""The builder of each report format of `formats.REPORT`."""
