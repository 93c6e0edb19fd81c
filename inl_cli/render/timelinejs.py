"""TimelineJS3 JSON from the timeline table, so a timeline can be published as a web page."""
from __future__ import annotations

import html

from ..dates import PartialDate
from .json import dumps

GROUPS = {"accomplishment": "Accomplishments", "milestone": "Milestones", "context": "Context"}


def _date(text: str) -> dict:
    date = PartialDate.parse(text)
    parts = {"year": date.year, "month": date.month, "day": date.day}
    return {key: value for key, value in parts.items() if value is not None}


def event(row: dict) -> dict:
    partners = ", ".join(row.get("partners") or [])
    item = {
        "start_date": _date(row["start"]),
        "text": {"headline": html.escape(row["title"], quote=False),
                 "text": html.escape(f"Partners: {partners}", quote=False) if partners else ""},
        "group": GROUPS[row["kind"]],
    }
    if row["end"] != row["start"]:
        item["end_date"] = _date(row["end"])
    if row.get("country"):
        country = html.escape(row["country"], quote=False)
        item["text"]["text"] = country + (f"<br>{item['text']['text']}" if partners else "")
    return item


def render_timeline(t, title: str) -> str:
    events = [event(row) for row in t.rows if row.get("start")]
    headline = html.escape(title, quote=False)
    return dumps({"title": {"text": {"headline": headline, "text": ""}}, "events": events})
