"""Challenges and goals: one per sentence (or list item, after its lead-in) the page gives them, its text the
whole sentence, its title the start of its main clause; a challenge's dates are its events, a goal's are too
once the schema has them (`goals[].events`), and a goal's crimes are the ones its sentence lists after "including".
"""
from __future__ import annotations

import re

from . import titles, when
from .accomplish import mark_cut
from .partners import Partners, Taken, slug

CRIME = re.compile(r"traffick|terroris|corruption|crime|fraud|launder|smuggl|kidnap|extortion|theft|poaching|"
                   r"piracy|violence|drug|narcotic|homicide|murder|robbery|brib|illegal|illicit|gang|exploitation|"
                   r"cartel|counterfeit|extremis|cocaine|heroin|opium|fentanyl|methamphetamine|weapons", re.I)
_NOT_A_CRIME = re.compile(r"(?:through|by|in|with|those|such|support|efforts|the capacity)\b", re.I)


def events(sentence: str) -> list[dict]:
    """The dated events of a sentence, each titled by its clause or, without a subject there, the sentence."""
    return [{"date": d.when, "title": titles.event_title(sentence, d.start, d.end)} for d in when.find(sentence)]


def items(pieces, scope: str, partners: Partners) -> list[dict]:
    """The challenges or goals (`scope`) of the pieces `placing` filed there."""
    found, taken = [], Taken()
    for piece in pieces:
        title = titles.title(" ".join(piece.text.split()))  # a list item's own words, not its lead-in's
        sentence = " ".join(f"{piece.lead} {piece.text}".split())
        item = {"id": slug(title, taken), "title": title, "text": sentence}
        if piece.note:
            item["_review"] = [piece.note]
        partners.find(sentence[:2000])
        dated = events(sentence)
        if dated:
            item["events"] = dated
        if scope == "goals":
            listed = crimes(sentence)
            if listed:
                item["crimes"] = listed
        if piece.cut:
            mark_cut(item, "text")
        found.append(item)
    return found


def _including(sentence: str) -> str | None:
    """What follows "including" up to the end of its list: in "crime, including A and B, and terrorism" the
    list ends before ", and terrorism" (a list already joined by "and" is complete; what follows is the
    sentence's own list, not the kinds of crime)."""
    match = re.search(r"\bincluding\s+(.{1,400}?)\.?$", sentence)
    if not match:
        return None
    listed = match.group(1)
    parts = re.split(r",\s*", listed)
    for i, part in enumerate(parts[:-1]):
        if re.search(r"\s(?:and|or)\s", part) and re.match(r"(?:and|or)\s", parts[i + 1]):
            return ", ".join(parts[:i + 1])
    return listed


def _distribute(crime: str) -> list[str]:
    """"trafficking in persons and illicit goods" -> trafficking in persons, trafficking in illicit goods."""
    match = re.fullmatch(r"(\w+ (?:in|of) )(\w+(?: \w+)?) and (\w+(?: \w+)?)", crime)
    if not match or not CRIME.search(match.group(1)):
        return [crime]
    return [match.group(1) + match.group(2), match.group(1) + match.group(3)]


def crimes(sentence: str) -> list[str]:
    """The crimes a sentence lists after "including"."""
    listed = _including(sentence)
    if not listed:
        return []
    parts = [c.strip() for c in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+(?=\w+$)", listed)]
    kept = [c for c in parts if c and CRIME.search(c) and not _NOT_A_CRIME.match(c) and len(c.split()) <= 8]
    return [one for crime in kept for one in _distribute(crime)]
