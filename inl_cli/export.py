"""Whole reports: one builder per export format, in a dict that also feeds `--format`."""
from __future__ import annotations

import gc

from . import views


class ExportError(ValueError):
    """The sections asked for do not fit the format."""


def markdown(programs, sections, sort: str = "date") -> str:
    from .render.markdown import render_report

    return render_report(views.report(programs, sections, sort))


def html(programs, sections, sort: str = "date") -> str:
    from .render.html import render_report

    return render_report(views.report(programs, sections, sort), views.accomplishments(programs, sort))


def json(programs, sections, sort: str = "date") -> str:
    from .render import json as render_json

    if not sections:
        return render_json.dumps(views.document(programs))
    return render_json.render(views.report(programs, sections, sort).tables)


def csv(programs, sections, safe: bool = True, sort: str = "date") -> str:
    from .render import csv as render_csv

    if len(sections) > 1:
        raise ExportError("CSV holds one table; give one --section.")
    return render_csv.render(views.report(programs, sections or ("accomplishments",), sort).tables, safe=safe)


def timelinejs(programs, sections, sort: str = "date") -> str:
    from .render.timelinejs import render_timeline

    if sections:
        raise ExportError("timelinejs exports the whole timeline; leave out --section.")
    return render_timeline(views.report(programs, ("overview", "accomplishments", "timeline"), sort))


def build(fmt: str, programs, sections, **options) -> str:
    """The whole export in `fmt`. The cyclic garbage collector is paused meanwhile, as while loading: views
    and renderers build rows and strings without cycles, and over hundreds of programs the collector
    would otherwise re-walk every loaded object again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return FORMATS[fmt](programs, sections, **options)
    finally:
        if was_enabled:
            gc.enable()


FORMATS = {"markdown": markdown, "html": html, "json": json, "csv": csv, "timelinejs": timelinejs}
DEFAULT = "markdown"

#: The formats a file name's extension allows; the first is the one `-o` infers.
EXTENSIONS = {".md": ("markdown",), ".markdown": ("markdown",), ".html": ("html",), ".htm": ("html",),
              ".json": ("json", "timelinejs"), ".csv": ("csv",)}


def choose(fmt: str | None, output: str | None) -> str:
    """The format to write: the one given, else the one `output`'s extension names, else Markdown.

    A format that contradicts the extension is an error: `-o results.csv --format markdown`.
    """
    suffix = ""
    if output:
        name = output.replace("\\", "/").rsplit("/", 1)[-1]
        suffix = name[name.rfind("."):].lower() if "." in name.lstrip(".") else ""
    allowed = EXTENSIONS.get(suffix)
    if fmt is None:
        return allowed[0] if allowed else DEFAULT
    if allowed and fmt not in allowed:
        names = " or ".join(f"--format {f}" for f in allowed)
        raise ExportError(f"--format {fmt} does not match the extension of {output!r}, which means {names}; "
                          f"change one of them.")
    return fmt
