"""Text repair and cutting: what the capture broke is mended, correct text is left alone.

Everything here is linear in the length of its input: clauses are cut by a
bounded window, never by quoting a whole sentence.
"""
from __future__ import annotations

import re
import unicodedata

from ..text import strip_unsafe

SPELLING = {"Ivoirian": "Ivorian"}
# Words that start a sentence after a glued full stop ("crisis in 2011The government").
_VOWEL_SOUND = re.compile(r"\ba(?=[AEIOU][a-z])")
_CONSONANT = re.compile(r"\ba(?=[B-DF-HJ-NP-TV-Z][a-z])")
_FUSED_NAMES = re.compile(r"\b[A-Z][a-zà-ÿ]{2,}(?:[A-Z][a-zà-ÿ]{2,}){2,}\b")
_GLUED = re.compile(r"(?<=[a-zà-ÿ]{2})(?=[A-ZÀ-Þ][a-zà-ÿ])|(?<=[a-zà-ÿ]{2})(?=[A-Z]{2,}\b)"
                    r"|(?<=\b(?:19|20)\d\d)(?=[A-Z])")
_YEAR_GLUED_AFTER = re.compile(r"(?<=\b(?:19|20)\d\d)(?=[a-rt-z]|s[a-z])")
_YEAR_GLUED_BEFORE = re.compile(r"(?<=[a-z])(?=(?:19|20)\d\d\b)")


def normalize(text: str) -> str:
    """NFC, plain spaces and apostrophes, Unix newlines, no characters a YAML file may not hold."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\xa0", " ").replace("’", "'").replace("‘", "'")
    return strip_unsafe(text)


def _list_of(match: re.Match) -> str:
    return ", ".join(re.findall(r"[A-Z][a-zà-ÿ]+", match.group()))


def repair(text: str) -> str:
    """Undo what the capture glued, and only that: "aIvorian", "crisis in 2011The", "2017an", "KindiaMamouLabé"."""
    text = _VOWEL_SOUND.sub("an ", text)
    text = _CONSONANT.sub("a ", text)
    text = _FUSED_NAMES.sub(_list_of, text)
    text = _YEAR_GLUED_AFTER.sub(" ", text)
    text = _YEAR_GLUED_BEFORE.sub(" ", text)
    text = _GLUED.sub(". ", text)
    for wrong, right in SPELLING.items():
        text = re.sub(rf"\b{wrong}\b", right, text)
    return text


_SENTENCE_END = re.compile(r"(?<![A-Z]\.[A-Z]\.)(?<!\b[A-Z]\.)(?<!\bNo\.)(?<=[.!?])[\"”)]?\s+(?=[A-Z\"“(])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, whose whitespace is already single spaces."""
    spans, at = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((at, m.start() + len(m.group().rstrip())))
        at = m.end()
    spans.append((at, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    return [text[a:b].strip() for a, b in sentence_spans(text)]


_LEADING = re.compile(r"\s*(?:(?:in|from|since|by|during|between|beginning in|starting in|as of|on)\s*)?", re.I)


_SEPARATOR = re.compile(r";|,(?!\d)")


def _separator(text: str, reverse: bool = False) -> int:
    """Where the first (or last) clause separator of `text` is, -1 if none; "72,000" holds none."""
    if reverse:
        found = -1
        for m in _SEPARATOR.finditer(text):
            found = m.start()
        return found
    m = _SEPARATOR.search(text)
    return m.start() if m else -1


def clause(sentence: str, start: int, end: int, limit: int = 200) -> str:
    """The clause around sentence[start:end], from the comma or semicolon before it to the next one, within
    `limit` characters either side; a leading date phrase ("In 2016, INL ...") keeps the clause after it."""
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
    text = sentence[begin:finish].strip().rstrip(".").strip()
    if begin == left and left > 0:
        text = "…" + text.split(" ", 1)[-1]
    if finish < len(sentence) and sentence[finish] not in ",;":
        text = text.rsplit(" ", 1)[0] + "…"
    text = re.sub(r"^(?:and|but|which|while|where|who|whereas)\s+(?=\S)", "", text, flags=re.I)
    return text[:1].upper() + text[1:]


def shorten(text: str, words: int) -> tuple[str, bool]:
    parts = text.split(None, words)
    cut = len(parts) > words
    return " ".join(parts[:words]).rstrip(",;:") + ("…" if cut else ""), cut
