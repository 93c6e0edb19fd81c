"""Whole reports and the whole program: the views a report shows, and the program as plain data."""
from __future__ import annotations

from ..dates import PartialDate, Span
from ..model import Program
from .base import SORTED, Report, in_order, scope
from .funding import Spending, funding
from .tables import accomplishments, challenges, details, goals, overview, partners, results, timeline

SECTIONS = {
    "overview": overview,
    "challenges": challenges,
    "goals": goals,
    "partners": partners,
    "accomplishments": accomplishments,
    "results": results,
    "details": details,
}
REPORT_SECTIONS = ("overview", "challenges", "goals", "accomplishments", "details", "results", "partners",
                   "timeline", "funding")
"""A report's sections in reading order; funding only when the report is given a funding extract's sums."""
NARROWED = ("overview", "accomplishments", "details", "results", "timeline")
"""The views that --from, --to and --partner narrow (see `query.narrow`); the others show the whole program."""


def noted(tables: list, note: str) -> list:
    """The tables, those of NARROWED carrying `note` (what was kept) as their closing line."""
    if not note:
        return tables
    return [t._replace(note=" ".join(filter(None, (note, t.note)))) if t.name in NARROWED else t for t in tables]


def report(programs: list[Program], sections: tuple[str, ...] = (), sort: str = "date", note: str = "",
           spending: Spending | None = None) -> Report:
    """The chosen views in reading order; accomplishments in `sort` order (by date, undated last, or as
    the files list them); `note` says what the narrowed views keep (see `noted`). With `spending`, the
    overview has each country's funding and a Funding section follows the timeline."""
    chosen = [name for name in REPORT_SECTIONS if (not sections or name in sections)
              and (name != "funding" or spending is not None)]
    order = in_order(programs, sort) if any(name in SORTED for name in chosen) else None
    tables = [timeline(programs, undated=True) if name == "timeline"
              else overview(programs, spending) if name == "overview"
              else funding(programs, spending) if name == "funding"
              else details(programs, sort, order, report=True) if name == "details"
              else SECTIONS[name](programs, sort, order) if name in SORTED else SECTIONS[name](programs)
              for name in chosen]
    sources = [{"country": p.country.name, "title": p.source.title, "url": p.source.url, "program": p}
               for p in programs]
    return Report(scope(programs), sources, noted(tables, note))


def document(programs: list[Program]) -> dict:
    """The whole program as plain data: the file's own layout, dates as ISO partial dates."""
    if len(programs) == 1:
        return _plain(programs[0])
    return {"schema_version": programs[0].schema_version, "programs": [_plain(p) for p in programs]}


def _plain(value):
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, Span):
        return {"start": value.start.iso(), "end": value.end.iso() if value.end is not None else None}
    if hasattr(value, "_fields"):
        return {name: _plain(getattr(value, name)) for name in value._fields if name != "origin"}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
