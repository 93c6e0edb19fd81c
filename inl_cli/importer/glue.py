"""Lower-case words the capture ran together: "institutionsas", "democracybolster", and the ones that lost a
letter with the space, "taddress" (to address), "crimand" (crime and), "air ansea" (and sea).

A run is mended only when it is not a word (not in the word list, not written alone elsewhere on the page),
and it splits into two common words, or into two once the letter lost with the space is put back. Names
(any capital letter), words with digits or hyphens, compounds of a prefix ("overtasking", "interparty") and a
page's last word (it may be cut) are never touched. Each mend is returned with its original, and whether it
is sure: a split at a short function word ("institutions as") is; a letter put back, or two content words
("management understaffing", where a comma may be lost too), is for a person to check.

The word list is the PyPI package `wordsegment` (Apache 2.0; unigram and bigram counts from a web corpus),
imported only when a page holds a word it could be. Without it, runs are left as the page has them.
"""
from __future__ import annotations

import math
import re
from collections import Counter, namedtuple
from functools import lru_cache

FUNCTION_WORDS = frozenset((
    "a", "an", "and", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "into", "is", "it",
    "its", "of", "on", "or", "so", "than", "that", "the", "their", "these", "this", "those", "to", "was", "were",
    "which", "while", "who", "will", "with", "within", "was", "are", "not", "also", "such", "both", "all",
))
#: First parts that make a compound, not two words: "overtasking", "interparty", "nonobservance".
PREFIXES = frozenset((
    "over", "under", "inter", "intra", "non", "anti", "counter", "multi", "cross", "pre", "post", "sub", "self",
    "co", "re", "mis", "out", "semi", "trans", "mid", "extra", "super", "socio", "cyber", "geo", "bio", "micro",
    "macro", "mega", "ultra", "up", "down", "off", "de", "dis", "un", "in", "im", "il", "ir", "en", "em",
))
_RUN = re.compile(r"(?<![\w'’-])[a-z]{5,40}(?![\w'’-])")
_TOKEN = re.compile(r"[a-z]+")

Mend = namedtuple("Mend", "original mended sure")
"""A run mended: the page's text, the text put in its place, and whether the split is sure."""


@lru_cache(maxsize=1)
def _word_list():
    """(unigrams, bigrams, total) from `wordsegment`, or None when it is not installed."""
    try:
        import wordsegment
    except ImportError:
        return None
    wordsegment.load()
    return wordsegment.UNIGRAMS, wordsegment.BIGRAMS, sum(wordsegment.UNIGRAMS.values())


class Vocabulary:
    """What counts as a word: the word list (when installed), the page's own words and the function words."""

    def __init__(self, page_text: str):
        self.page = Counter(_TOKEN.findall(page_text.lower()))
        suspects = any(self.page[m.group()] < 2 and m.group() not in FUNCTION_WORDS
                       for m in _RUN.finditer(page_text))
        self.words = _word_list() if suspects else None

    def known(self, run: str) -> bool:
        """Whether `run` is a word: a function word, written twice on the page, or in the word list."""
        if run in FUNCTION_WORDS or self.page[run] >= 2:
            return True
        return self.words is None or run in self.words[0]

    def common(self, word: str) -> bool:
        """Common enough to be half of a split: short words must be very common, long ones listed at all."""
        if word in FUNCTION_WORDS:
            return True
        if len(word) <= 2 or word in PREFIXES or self.words is None:
            return False
        count = self.words[0].get(word, 0)
        return count >= (1e6 if len(word) <= 5 else 1e5 if len(word) <= 8 else 1e4)

    def score(self, previous: str, word: str) -> float:
        """log P(word | previous), as `wordsegment` scores it."""
        unigrams, bigrams, total = self.words
        pair = bigrams.get(f"{previous} {word}")
        if pair and previous in unigrams:
            return math.log(pair / unigrams[previous])
        return math.log(unigrams.get(word, 10) / total)


def _candidates(run: str, vocabulary: Vocabulary):
    """(first, second, letter put back) for each way `run` splits into two common words."""
    for i in range(1, len(run)):
        left, right = run[:i], run[i:]
        if not vocabulary.common(right):
            continue
        if vocabulary.common(left):
            yield left, right, False
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if vocabulary.common(left + letter):
                yield left + letter, right, True


def _article_fits(first: str, second: str) -> bool:
    """ "an sea" and "a office" are not English: "an" goes before a vowel, "a" before a consonant."""
    if first == "an":
        return second[0] in "aeiouh"
    if first == "a":
        return second[0] not in "aeio"
    return True


def _compound(run: str, vocabulary: Vocabulary) -> bool:
    """A prefix and a word: "overtasking", "interparty", "nonobservance"."""
    return any(run.startswith(p) and len(run) - len(p) >= 3 and vocabulary.common(run[len(p):])
               for p in PREFIXES)


def _best(run: str, before: str, after: str, vocabulary: Vocabulary) -> Mend | None:
    if _compound(run, vocabulary):
        return None
    ranked = []
    for first, second, put_back in _candidates(run, vocabulary):
        if not _article_fits(first, second):
            continue
        score = (vocabulary.score(before, first) + vocabulary.score(first, second)
                 + vocabulary.score(second, after) + (math.log(0.05) if put_back else 0.0))
        ranked.append((score, not put_back, first, second, put_back))
    if not ranked:
        return None
    ranked.sort(reverse=True)
    score, _, first, second, put_back = ranked[0]
    clear = len(ranked) == 1 or score - ranked[1][0] > math.log(50)
    sure = clear and not put_back and (first in FUNCTION_WORDS or second in FUNCTION_WORDS)
    return Mend(run, f"{first} {second}", sure)


def mend(text: str, vocabulary: Vocabulary) -> tuple[str, list[Mend]]:
    """`text` with its glued lower-case runs split, and the mends made."""
    mends: list[Mend] = []
    out, at = [], 0
    for m in _RUN.finditer(text):
        run = m.group()
        if m.end() >= len(text.rstrip()) or vocabulary.known(run):
            continue
        before = _TOKEN.findall(text[max(0, m.start() - 30):m.start()].lower())
        after = _TOKEN.findall(text[m.end():m.end() + 30].lower())
        found = _best(run, before[-1] if before else "<s>", after[0] if after else "</s>", vocabulary)
        if found is None:
            continue
        out += [text[at:m.start()], found.mended]
        at = m.end()
        mends.append(found)
    out.append(text[at:])
    return "".join(out), mends
