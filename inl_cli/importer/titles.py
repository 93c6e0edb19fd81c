"""Titles made from a page's sentences, and the titles of dated events and milestones.

A title is the start of its sentence's main clause. It is cut at a clause that adds to it (", which ...")
or else after a number of words, and then ends in "…": a list is never cut short without one ("to provide
safe, secure…", never "to provide safe, secure"). An event keeps its subject: the clause around the date
when it has one ("in 2017 the courts adopted new rules"), or else the whole sentence.
"""
from __future__ import annotations

import re

from . import roles, when

_RESULTS_TAIL = re.compile(r",?\s*(?:with\s+)?(?:the\s+following\s+)?(?:results|outcomes)(?:\s+including)?:?$")
_MONTHS = "|".join(when.MONTHS)
# " in September 2013" inside a title goes; ", in 2018," (a clause of its own) and "in 2018 and 2019" stay.
_DATE_PHRASE = re.compile(rf"(?<!,)\s+in\s+(?:(?:{_MONTHS})\s+)?(?:19|20)\d\d\b"
                          r"(?!\s*(?:and|or|to|through|-|–)\s*\d)", re.I)
_LIST_GOES_ON = re.compile(r"^(?:including|such as|and|or|as well as|but)\b", re.I)
#: Where a title may end without "…": before a clause that only adds to a whole clause before it (not
#: "The UN Mission in Liberia (UNMIL), which had played ..., withdrew in 2018").
_ADDED_CLAUSE = re.compile(r",\s*(?:which|who|whose|where|whereas|while)\b|;|\s[–—]\s")
#: Words a cut title never ends on.
_DANGLING = frozenset(("a", "an", "the", "of", "and", "or", "to", "for", "in", "on", "with", "by", "at", "from",
                       "its", "their", "his", "her", "as", "that", "which", "but", "into", "is", "are", "was",
                       "were", "has", "have", "had", "be", "been", "such", "than", "this", "these", "our"))


def main_clause(sentence: str) -> str:
    """The sentence without its full stop, its leading phrases ("In 2019, ", "However, ", "To confront
    these threats, ") and a date phrase inside it ("... in September 2013")."""
    text = sentence.strip().rstrip(".").strip()
    for _ in range(4):
        shorter = roles.strip_front(text)
        if shorter == text or len(shorter.split()) < 3 or _LIST_GOES_ON.match(shorter):
            break
        text = shorter
    text = _DATE_PHRASE.sub("", text, count=1)
    text = _RESULTS_TAIL.sub("", text)
    return text[:1].upper() + text[1:]


def title(sentence: str, words: int = 10) -> str:
    """A short title for `sentence`, ending in "…" wherever it stops before a clause boundary."""
    text = main_clause(sentence)
    if not re.search(r"\w", text):
        text = sentence.strip().rstrip(".")
    added = _ADDED_CLAUSE.search(text)
    if added and len(text[:added.start()].split()) >= 3 and roles.VERB.search(text[:added.start()]):
        text = text[:added.start()]
    parts = text.split()
    if len(parts) <= words:
        return text.rstrip(",;: ")
    kept = parts[:words]
    while len(kept) > 3 and (kept[-1].lower().strip(",;:") in _DANGLING or kept[-1].endswith((",", ";", ":"))
                             or re.fullmatch(r"[$€£]?[\d.,]+", kept[-1])):
        kept.pop()
    return " ".join(kept).rstrip(",;:") + "…"


_LEADING = re.compile(r"\s*(?:(?:in|from|since|by|during|between|beginning in|starting in|as of|on)\s*)?", re.I)
_SEPARATOR = re.compile(r";|,(?!\d)")
_NO_SUBJECT = re.compile(r"^(?:of|in|on|at|by|for|from|with|to|into|after|before|during|since|until|through|"
                         r"and|but|or|which|who|whose|where|when|while|although|though|because|as|including|"
                         r"according|[a-z]+ing|"
                         r"had|has|have|was|were|is|are|be|been|being)\b|(?-i:^[a-z]+(?:ed|ing)\b)", re.I)


def _separator(text: str, reverse: bool = False) -> int:
    """Where the first (or last) clause separator of `text` is, -1 if none; "72,000" holds none."""
    if reverse:
        found = -1
        for m in _SEPARATOR.finditer(text):
            found = m.start()
        return found
    m = _SEPARATOR.search(text)
    return m.start() if m else -1


def _clause_bounds(sentence: str, start: int, end: int, limit: int) -> tuple[int, int]:
    left = max(0, start - limit)
    cut = _separator(sentence[left:start], reverse=True)
    begin = left + cut + 1 if cut >= 0 else left
    finish = end
    for _ in range(2):
        window = sentence[finish:finish + limit]
        stop = _separator(window)
        finish = finish + (stop if stop >= 0 else len(window))
        if not (_LEADING.fullmatch(sentence[begin:start]) and finish - end < 3 and finish < len(sentence)):
            break
        finish += 1
    return begin, finish


def clause(sentence: str, start: int, end: int, limit: int = 200) -> str:
    """The clause around sentence[start:end], from the comma or semicolon before it to the next one, within
    `limit` characters either side; a leading date phrase ("In 2016, INL ...") keeps the clause after it."""
    begin, finish = _clause_bounds(sentence, start, end, limit)
    text = sentence[begin:finish].strip().rstrip(".").strip()
    if begin == max(0, start - limit) and begin > 0:
        text = "…" + text.split(" ", 1)[-1]
    if finish < len(sentence) and sentence[finish] not in ",;":
        text = text.rsplit(" ", 1)[0] + "…"
    text = re.sub(r"^(?:and|but|which|while|where|who|whereas)\s+(?=\S)", "", text, flags=re.I)
    return text[:1].upper() + text[1:]


def _has_subject(text: str) -> bool:
    """Whether a clause names who or what it is about: it starts, past a date phrase, with a name, a
    determiner or a pronoun, not with a verb or a preposition ("had played ...", "of the more than ...")."""
    bare = re.sub(r"^(?:and|but)\s+", "", text.strip(" …"), flags=re.I)
    bare = re.sub(rf"^(?:(?:in|on|by|since|from|during|as of)\s+)?(?:(?:early|mid|late)[- ])?(?:(?:{_MONTHS})\s+)?"
                  r"(?:\d{1,2},?\s+)?(?:19|20)\d\d(?:\s*[-–]\s*\d{2,4})?,?\s*", "", bare, flags=re.I)
    first = bare.split()[0] if bare else ""
    if first.islower() and (first in roles.PAST or roles.VERB.fullmatch(first)):
        return False  # "withdrew in March 2018", "faces ..."
    return bool(bare) and not _NO_SUBJECT.match(bare)


#: The longest sentence an event's title repeats whole; past it, the title is the sentence's first words and
#: the event's clause, so a page of one enormous sentence with a thousand dates stays linear in size and time.
WHOLE_SENTENCE = 400


def event_title(sentence: str, start: int, end: int) -> str:
    """What a dated event or milestone says: its clause when that clause has its own subject, else the whole
    sentence ("UNMIL, which had played a critical role ..., withdrew in 2018"), so no event loses its subject;
    of a sentence longer than WHOLE_SENTENCE, its first words and the clause ("UNMIL, which … withdrew in
    2018")."""
    text = clause(sentence, start, end)
    begin, _ = _clause_bounds(sentence, start, end, 200)
    original = sentence[begin:begin + WHOLE_SENTENCE].lstrip(" ,;")
    if text.startswith("…") or not _has_subject(original):
        if len(sentence) <= WHOLE_SENTENCE:
            return sentence.strip().rstrip(".")
        opening = " ".join(sentence[:WHOLE_SENTENCE // 4].split()[:8])
        return f"{opening} … {text.lstrip('…')}"
    return text
