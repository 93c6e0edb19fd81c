"""TimelineJS3 JSON from a report, so a timeline can be published as a web page.

Each event carries its summary, results and partners; a span ends at the end of
its last period (2015–2018 runs through December 2018, as the Mermaid chart
draws it) and an open span ("since 2012") runs to today. The title slide holds
each program's overview, its source and the undated accomplishments, which a
timeline cannot place. TimelineJS shows event text as HTML: data is escaped, and
only http(s) addresses become links.
"""
from __future__ import annotations

from datetime import date

from ..dates import end_of, start_of
from ..dates import today as today_or_epoch
from ..text import is_web_address
from . import country_names, named, shown, when_text
from .json import dumps
from .report import SOURCE_FIELDS

GROUPS = {"accomplishment": "Accomplishments", "milestone": "Milestones", "context": "Context"}
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_QUOTES = str.maketrans({'"': "&quot;", "'": "&#x27;"})


def escape(text, quote: bool = False) -> str:
    """Text that TimelineJS shows as typed; `quote` also for an attribute's value."""
    text = str(text).translate(_ESCAPES)
    return text.translate(_QUOTES) if quote else text


def _start(when) -> dict:
    first = start_of(when)
    parts = {"year": first.year, "month": first.month, "day": first.day}
    return {key: value for key, value in parts.items() if value is not None}


def _through(when, today: date) -> dict:
    """The last day a date covers: 2018 is 31 December 2018; an open span runs to today (or to the end of its
    start, when that is later)."""
    end = end_of(when)
    last = end.last_day if end is not None else max(today, start_of(when).last_day)
    return {"year": last.year, "month": last.month, "day": last.day}


def _paragraphs(*parts: str) -> str:
    return "".join(f"<p>{part}</p>" for part in parts if part)


def _listed(label: str, items) -> str:
    items = [escape(item) for item in items or () if item]
    return f"{label}: {'; '.join(items)}" if items else ""


def event(row: dict, today: date) -> dict:
    """One event: the row's dates and kind, with its accomplishment's summary, results and partners."""
    entry = row.get("entry")
    about = entry.about if entry is not None else None
    own = about is not None and row["kind"] == "accomplishment"
    text = _paragraphs(
        escape(row["country"]) if row.get("country") else "",
        escape(about.summary or "") if own else "",
        f"Part of: {escape(about.title)}" if about is not None and not own else "",
        _listed("Results", [r.display() for r in about.results]) if own else "",
        _listed("Partners", row.get("partners")),
    )
    when = row["when"]
    item = {"start_date": _start(when),
            "display_date": escape(when_text(when)),
            "text": {"headline": escape(row["title"]), "text": text},
            "group": GROUPS[row["kind"]]}
    if start_of(when) != end_of(when):
        item["end_date"] = _through(when, today)
    return item


def _link(source: dict) -> str:
    url = str(source.get("url") or "")
    title = escape(source.get("title") or url)
    if is_web_address(url):
        return f'Source: <a href="{escape(url, quote=True)}">{title}</a>'
    return f"Source: {title} ({escape(url)})"


def render_timeline(report, today: date | None = None) -> str:
    """TimelineJS3 JSON: `report` holds the overview and the timeline (with undated rows)."""
    today = today or today_or_epoch()
    tables = {t.name: t for t in report.tables}
    names = country_names([s["program"] for s in report.sources if s.get("program") is not None])
    rows = named(tables["timeline"].rows, names)
    events = [event(r, today) for r in rows if r["when"] is not None]
    overview: dict = {}
    for row in tables["overview"].rows:
        overview.setdefault(id(row.get("program")), []).append(row)
    parts = []
    for source in report.sources:
        program = id(source.get("program"))
        facts = "; ".join(f"{escape(r['field'])}: {escape(shown(r['value']))}" for r in overview.get(program, ())
                          if r["field"] not in ("Country", *SOURCE_FIELDS))
        undated = [r["title"] for r in rows if r["when"] is None and id(r.get("program")) == program]
        country = names.get(program, source["country"])
        parts += [f"<b>{escape(country)}</b>: {facts}." if facts else escape(country),
                  _link(source), _listed("Undated, not on the timeline", undated)]
    title = {"text": {"headline": escape(report.title), "text": _paragraphs(*parts)}}
    return dumps({"title": title, "events": events})
