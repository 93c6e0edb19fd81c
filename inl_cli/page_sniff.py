"""Page sniffing: whether a file that failed to load as a program is INL's summary page, pasted where a program
file goes.

Asked only of a file with problems, so a good file never pays for these patterns.
"""
from __future__ import annotations

import re

from .spec import PROGRAM

_PROGRAM_KEY = re.compile(r"(?:^|[{,])[ \t-]*[\"']?(?:" + "|".join(PROGRAM.fields) + r")[\"']?[ \t]*:",
                          re.MULTILINE)
"""A program's own field, as a YAML or JSON key."""
_SENTENCE = re.compile(r"(?<![\w'’-])(?:[^\W\d_][\w'’-]{0,40}[ \t]+){5}[^\n]{0,300}?[.!?](?=\s|$)")
"""Five words and more, to the end of a sentence."""
_PAGE_START = 20_000
"""Characters of a text looked at for a page's prose: a page's first sentences come within its first few
thousand, and a bound keeps the look linear in the file's size."""
_INL_PAGE = re.compile(r"\bINL\b|^[ \t]*(?:Challenges|Goals|Accomplishments)\b", re.MULTILINE)


def looks_like_page(text: str) -> bool:
    """Whether `text` reads like INL's summary page: prose (two sentences or more) about INL, without a
    single field of a program."""
    start = text[:_PAGE_START]
    if not _INL_PAGE.search(start) or _PROGRAM_KEY.search(start):
        return False
    sentences = _SENTENCE.finditer(start)
    return next(sentences, None) is not None and next(sentences, None) is not None
