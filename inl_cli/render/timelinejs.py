"""TimelineJS3 JSON from the timeline table, so a timeline can be published as a web page."""
from __future__ import annotations

from ..dates import PartialDate
from .json import dumps

_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    """html.escape(text, quote=False), without importing html (and its entity tables) at start-up."""
    return text.translate(_ESCAPE)


GROUPS = {"accomplishment": "Accomplishments", "milestone": "Milestones", "context": "Context"}


def _date(text: str) -> dict:
    date = PartialDate.parse(text)
    parts = {"year": date.year, "month": date.month, "day": date.day}
    return {key: value for key, value in parts.items() if value is not None}


def event(row: dict) -> dict:
    partners = ", ".join(row.get("partners") or [])
    item = {
        "start_date": _date(row["start"]),
        "text": {"headline": escape(row["title"]),
                 "text": escape(f"Partners: {partners}") if partners else ""},
        "group": GROUPS[row["kind"]],
    }
    if row["end"] != row["start"]:
        item["end_date"] = _date(row["end"])
    if row.get("country"):
        country = escape(row["country"])
        item["text"]["text"] = country + (f"<br>{item['text']['text']}" if partners else "")
    return item


def render_timeline(t, title: str) -> str:
    events = [event(row) for row in t.rows if row.get("start")]
    headline = escape(title)
    return dumps({"title": {"text": {"headline": headline, "text": ""}}, "events": events})
