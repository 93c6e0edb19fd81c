"""Numbers an accomplishment reports: "98 police officers", "over 100 community awareness meetings", "twelve
prosecutors"; each with its unit, its qualifier (over, at least, about, ...) and the clause it comes from.
Dates, durations ("14-year") and percentages are not results; "dozens of" is not a number.
"""
from __future__ import annotations

import re

from . import when
from .titles import clause

WORDS = {w: n for n, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                     "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                     "sixteen", "seventeen", "eighteen", "nineteen", "twenty"))}
QUALIFIERS = {"over": "more_than", "more than": "more_than", "at least": "at_least", "about": "about",
              "approximately": "about", "around": "about", "some": "about", "nearly": "about",
              "almost": "about", "up to": "at_most", "fewer than": "fewer_than", "less than": "fewer_than"}
APPROXIMATE = {"approximately", "around", "some", "nearly", "almost"}
STOP = {"between", "in", "to", "with", "and", "for", "from", "of", "on", "at", "by", "across", "through", "who",
        "that", "which", "per", "each", "under", "over", "during", "since", "as", "were", "was", "have", "had"}
_NUMBER = r"\d[\d,]*(?:\.\d+)?|" + "|".join(WORDS)
RESULT = re.compile(rf"(?:\b(?P<q>{'|'.join(QUALIFIERS)})\s+)?\b(?P<n>{_NUMBER})\b(?!-(?:year|month|week|day))"
                    rf"(?P<unit>(?:\s+(?!(?:{'|'.join(STOP)})\b)[a-z][a-z-]*){{1,4}})", re.I)
VAGUE = re.compile(r"\b(dozens|hundreds|thousands|scores|several|numerous)\s+of\b", re.I)


def number(digits: str) -> int | float:
    """Whole numbers keep every digit ("9007199254740993"); "2.5" and "2.0" are read as numbers too."""
    if re.fullmatch(r"\d+", digits):
        return int(digits)
    value = float(digits)
    return int(digits.split(".")[0]) if re.fullmatch(r"\d+\.0*", digits) else value


def _unit(words: str) -> list[str]:
    unit: list[str] = []
    for word in words.split():
        if unit and word.endswith("ed"):
            break
        unit.append(word)
    return unit


def results(sentence: str, notes: list[str]) -> list[dict]:
    """The results `sentence` reports; a vague count ("dozens of") adds a page note instead."""
    found = []
    dated = bytearray(len(sentence))
    for d in when.find(sentence):
        dated[d.start:d.end] = b"\x01" * (d.end - d.start)
    for m in RESULT.finditer(sentence):
        if 1 in dated[m.start("n"):m.end("n")]:
            continue
        unit = _unit(m.group("unit"))
        if not unit or unit[0].lower().rstrip("s") in ("year", "month", "week", "day", "hour", "percent"):
            continue
        written = m.group("n").lower()
        value = WORDS[written] if written in WORDS else number(written.replace(",", ""))
        qualifier_word = (m.group("q") or "").lower()
        item = {"value": value, "unit": " ".join(unit)}
        if qualifier_word:
            item["qualifier"] = QUALIFIERS[qualifier_word]
        item["description"] = clause(sentence, m.start(), m.end())
        if qualifier_word in APPROXIMATE:
            item["_review"] = [f"{qualifier_word!r} {m.group('n')} read as about {value}"]
        found.append(item)
    for m in VAGUE.finditer(sentence):
        notes.append(f"{m.group(0)!r} is not a number; left out: {sentence[:60]}…")
    return found
