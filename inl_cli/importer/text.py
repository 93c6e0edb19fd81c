"""Text repair and sentences: what the capture broke is mended, correct text is left alone, and the page's own
spelling is kept ("Ivoirian" stays "Ivoirian").

Everything here is linear in the length of its input.
"""
from __future__ import annotations

import re
import unicodedata

from ..text import strip_unsafe

# "aIvoirian": the capture dropped the "n " of "an"; "aFreedonian" keeps its "a ".
_VOWEL_SOUND = re.compile(r"\ba(?=[AEIOU][a-z])")
_CONSONANT = re.compile(r"\ba(?=[B-DF-HJ-NP-TV-Z][a-z])")
_FUSED_NAMES = re.compile(r"\b[A-Z][a-zà-ÿ]{2,}(?:[A-Z][a-zà-ÿ]{2,}){2,}\b")
# Words that start a sentence after a glued full stop ("crisis in 2011The government", "forcesINL support").
_GLUED = re.compile(r"(?<=[a-zà-ÿ]{2})(?=[A-ZÀ-Þ][a-zà-ÿ])|(?<=[a-zà-ÿ]{2})(?=[A-Z]{2,}\b)"
                    r"|(?<=\b(?:19|20)\d\d)(?=[A-Z])")
_YEAR_GLUED_AFTER = re.compile(r"(?<=\b(?:19|20)\d\d)(?=[a-rt-z]|s[a-z])")
_YEAR_GLUED_BEFORE = re.compile(r"(?<=[a-z])(?=(?:19|20)\d\d\b)")
# "international markets   Officials report": a full stop lost between sentences set apart by spaces.
_SPACED = re.compile(r"\b([a-z]{3,})\s{2,}(?=[A-Z][a-z])")
_BEFORE_A_NAME = frozenset(("the", "and", "for", "with", "from", "into", "under", "between", "against", "than"))


def normalize(text: str) -> str:
    """NFC, plain spaces and apostrophes, Unix newlines, no characters a YAML file may not hold."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\xa0", " ").replace("’", "'").replace("‘", "'")
    return strip_unsafe(text)


def _list_of(match: re.Match) -> str:
    return ", ".join(re.findall(r"[A-Z][a-zà-ÿ]+", match.group()))


def repair(text: str) -> str:
    """Undo what the capture glued at a change of case or a year, and only that: "aIvoirian", "crisis in
    2011The", "2017an", "KindiaMamouLabé". Lower-case words run together are `glue.mend`'s job."""
    text = _VOWEL_SOUND.sub("an ", text)
    text = _CONSONANT.sub("a ", text)
    text = _FUSED_NAMES.sub(_list_of, text)
    text = _YEAR_GLUED_AFTER.sub(" ", text)
    text = _YEAR_GLUED_BEFORE.sub(" ", text)
    text = _SPACED.sub(lambda m: m.group(1) + (" " if m.group(1) in _BEFORE_A_NAME else ". "), text)
    return _GLUED.sub(". ", text)


#: Words written with a full stop that does not end a sentence: "St. Louis", "No. 5", "Gen. Diallo".
ABBREVIATIONS = frozenset((
    "st", "ste", "mt", "ft", "no", "nos", "vol", "art", "sec", "para", "p", "pp", "fig", "ch",
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm", "cmdr", "brig",
    "gov", "sen", "rep", "amb", "pres", "hon", "rev", "sr", "jr", "messrs", "mme", "mlle",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn", "est", "approx", "vs", "cf", "al", "e.g", "i.e",
    "u.s", "u.n", "u.k", "e.u", "d.c",
))
_END = re.compile(r"[.!?][\"”')\]]*\s+(?=[\"“(]?[A-Z0-9À-Þ])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _ends_sentence(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends a sentence: not after an abbreviation ("St.", "U.S.", "Jan.") or
    an initial ("George W. Bush")."""
    if text[stop] != ".":
        return True
    word = _WORD_BEFORE.search(text[max(0, stop - 12):stop])
    if not word:
        return True
    before = word.group(1)
    if len(before) == 1 and before.isupper():
        return False  # an initial
    return before.lower() not in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, whose whitespace is already single spaces."""
    spans, at = [], 0
    for m in _END.finditer(text):
        if not _ends_sentence(text, m.start()):
            continue
        spans.append((at, m.start() + len(m.group().rstrip())))
        at = m.end()
    spans.append((at, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    return [text[a:b].strip() for a, b in sentence_spans(text)]
