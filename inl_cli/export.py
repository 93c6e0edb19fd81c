"""Whole reports: one builder per export format, in a dict that also feeds `--format`."""
from __future__ import annotations

from . import views


class ExportError(ValueError):
    """The sections asked for do not fit the format."""


def markdown(programs, sections) -> str:
    from .render.markdown import render_report

    report = views.report(programs, sections)
    for table in report.tables:
        _open_spans_to_today(table)
    return render_report(report)


def _open_spans_to_today(table) -> None:
    """Gantt diagrams and TimelineJS draw an open span ("since 2012", end None) as running to today."""
    from datetime import date

    for row in table.rows:
        if row.get("start") and "end" in row and row["end"] is None:
            row["end"] = date.today().isoformat()


def json(programs, sections) -> str:
    from .render import json as render_json

    if not sections:
        return render_json.dumps(views.document(programs))
    return render_json.render(views.report(programs, sections).tables)


def csv(programs, sections, safe: bool = True) -> str:
    from .render import csv as render_csv

    if len(sections) > 1:
        raise ExportError("CSV holds one table; give one --section.")
    return render_csv.render(views.report(programs, sections or ("accomplishments",)).tables, safe=safe)


def timelinejs(programs, sections) -> str:
    from .render.timelinejs import render_timeline

    if sections:
        raise ExportError("timelinejs exports the whole timeline; leave out --section.")
    table = views.timeline(programs)
    _open_spans_to_today(table)
    return render_timeline(table, views.scope(programs))


FORMATS = {"markdown": markdown, "json": json, "csv": csv, "timelinejs": timelinejs}
