"""Whole reports: one builder per export format, in a dict that also feeds `--format`."""
from __future__ import annotations

from . import views


class ExportError(ValueError):
    """The sections asked for do not fit the format."""


def markdown(programs, sections) -> str:
    from .render.markdown import render_report

    return render_report(views.report(programs, sections))


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
    return render_timeline(views.timeline(programs), views.scope(programs))


FORMATS = {"markdown": markdown, "json": json, "csv": csv, "timelinejs": timelinejs}
