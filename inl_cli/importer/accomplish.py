"""Accomplishments: one per bullet (sub-bullets are its details) or per run of prose sentences, each with its
date, milestones, partners and results. Every sentence of the page's text stays in the summary or the
details; a milestone repeats the clause of a later dated step, it never takes the sentence away.
"""
from __future__ import annotations

import re

from . import titles, when
from .partners import Partners, Taken, slug
from .results import results
from .text import sentence_spans

_CONNECTOR = re.compile(r"^(?:In addition|Additionally|Also|This|These|It|They|Its|Their|Through (?:this|these)|"
                        r"As a result|Moreover|Furthermore|The (?:project|program|initiative|training)s?\b)", re.I)
# "formalized this working group": a group a later step refers back to is what the step acted on, not a partner.
REFERRED_BACK = re.compile(r"\b(?:this|these)\s+(?:[a-z]+\s+){0,3}?"
                           r"(?:working group|task force|committee|association)s?\b")
_RESULTS_LEAD = re.compile(r"\b(?:results?|including|outcomes?|such as)\b", re.I)


def display(value) -> str:
    if isinstance(value, dict):
        return f"since {value['start']}" if "end" not in value else f"{value['start']}–{value['end']}"
    return value


def accomplishments(pieces, partners: Partners, notes: list[str]) -> list[dict]:
    """The accomplishments of the pieces `placing` filed under Accomplishments."""
    groups = _groups(pieces, notes)
    taken: set[str] = Taken()
    items = [_item(g, partners, notes, taken) for g in groups]
    for i in range(1, len(items)):
        item, before = items[i], items[i - 1]
        if "date" not in item and "date" in before and re.match(r"since then\b", item["summary"], re.I):
            start = before["date"]["start"] if isinstance(before["date"], dict) else before["date"]
            review = item.get("_review", []) + [f"'Since then' read as since {start}, the date of the item before"]
            items[i] = {"id": item["id"], "title": item["title"], "date": {"start": start},
                        **{k: v for k, v in item.items() if k not in ("id", "title", "_review")},
                        "_review": review}
    return items


def _groups(pieces, notes: list[str]) -> list[dict]:
    groups: list[dict] = []
    lead, top, prose = None, None, False
    for piece in pieces:
        if piece.kind == "lead":
            dated = when.find(piece.text)
            if dated:
                lead = dated[0]
                notes.append(f"the lead-in {piece.text[:80]!r} dates the bullets under it ({display(lead.when)})")
            elif groups and groups[-1]["bullet"] and _RESULTS_LEAD.search(piece.text):
                groups[-1]["open"] = True
            continue
        if piece.kind == "bullet":
            top = top or (piece.level, piece.marker)
            parent = groups[-1] if groups and groups[-1]["bullet"] else None
            if parent and (piece.level > top[0] or piece.marker != top[1] or (
                    parent["open"] and not when.find(piece.text[:200]))):
                parent["children"].append(piece.text)
                parent["cut"] = piece.cut
                continue
            groups.append({"text": piece.text, "lead": lead, "bullet": True, "open": piece.text.endswith(":"),
                           "children": [], "cut": piece.cut, "group": piece.group})
            continue
        lead, prose = None, True
        previous = groups[-1] if groups else None
        if previous and not previous["bullet"] and previous["group"] == piece.group and \
                _CONNECTOR.match(piece.text):
            previous["text"] += " " + piece.text
            previous["cut"] = piece.cut
        else:
            groups.append({"text": piece.text, "lead": None, "bullet": False, "open": False, "children": [],
                           "cut": piece.cut, "group": piece.group, "note": piece.note})
    if prose and sum(not g["bullet"] for g in groups) > 1:
        notes.append("accomplishments given as prose: one accomplishment per sentence or run of sentences; "
                     "merge or split them as needed")
    return groups


def _located(text: str, spans) -> list:
    """Each date of `text` with the number of its sentence and whether it dates what that sentence reports."""
    located, at = [], 0
    for d in when.find(text):
        while at + 1 < len(spans) and spans[at][1] <= d.start:
            at += 1
        start, end = spans[at]
        located.append((d, at, when.own(d._replace(start=d.start - start), text[start:end])))
    return located


def _date(item: dict, group: dict, located: list, review: list[str]):
    """The item's date: its first sentence's own date, else the first own date, else the lead-in's."""
    main = next((x for x in located if x[2] and x[1] == 0), None)
    if main is None and group["lead"] is None:
        main = next((x for x in located if x[2]), None)
    if main is not None:
        item["date"] = main[0].when
        if main[0].note:
            review.append(main[0].note)
        if main[0].kind == "since":
            review.append(f"{main[0].text!r}: ongoing, recorded as an open span")
    elif group["lead"] is not None:
        item["date"] = group["lead"].when
    return main[0] if main else None


def _milestones(text: str, spans, located: list, main) -> list[dict]:
    milestones = []
    for d, index, is_own in located:
        if d is main:
            continue
        start, end = spans[index]
        milestone = {"date": d.when, "title": titles.event_title(text[start:end], d.start - start, d.end - start)}
        if not is_own:
            milestone["_review"] = [f"{d.text!r} dates an outcome or context, not the start: kept as a milestone"]
        if d.note:
            milestone.setdefault("_review", []).append(d.note)
        milestones.append(milestone)
    return milestones


def _item(group: dict, partners: Partners, notes: list[str], taken: set[str]) -> dict:
    text = " ".join(group["text"].split())
    spans = sentence_spans(text) or [(0, len(text))]
    item: dict = {"id": "", "title": titles.title(text[spans[0][0]:spans[0][1]], 12)}
    item["id"] = slug(item["title"], taken)
    review = [group["note"]] if group.get("note") else []
    located = _located(text, spans)
    main = _date(item, group, located, review)
    milestones = _milestones(text, spans, located, main)
    ids = [pid for a, b in spans for pid in partners.find(REFERRED_BACK.sub("", text[a:b]) if a else text[a:b])]
    ids += [pid for child in group["children"] for pid in partners.find(child)]
    item["partners"] = list(dict.fromkeys(ids))
    for milestone in milestones:
        found = partners.find(REFERRED_BACK.sub("", milestone["title"]))
        if found:
            milestone["partners"] = found
    item["summary"] = text
    if group["children"]:
        item["details"] = [" ".join(c.split()) for c in group["children"]]
    found = [r for a, b in spans for r in results(text[a:b], notes)]
    found += [r for child in group["children"] for r in results(" ".join(child.split()), notes)]
    if found:
        item["results"] = found
    if milestones:
        item["milestones"] = milestones
    if review:
        item["_review"] = review
    if group["cut"]:
        mark_cut(item, "details" if group["children"] and group["children"][-1] else "summary")
    return item


def mark_cut(item: dict, field: str) -> None:
    """The page stops inside `item`: its text ends in "…", and so does its title if it ended on the cut word."""
    title = item.get("title", "")
    value = item[field][-1] if field == "details" else item[field]
    words = value.rstrip(" .").split()
    if " " in title and not title.endswith("…") and words and title.rstrip(" .").endswith(words[-1]):
        item["title"] = title.rsplit(" ", 1)[0].rstrip(",;:") + "…"  # the last word may be cut mid-word
    if field == "details":
        item["details"][-1] += "…"
    else:
        item[field] += "…"
    item.setdefault("_review", []).append("cut off: the page stops inside this item")
