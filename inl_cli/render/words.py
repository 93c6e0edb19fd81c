"""Text as a terminal shows it: its width in cells, its whitespace tidied, its lines broken between words.

`fit` plans tables with these rules and both drawers (`terminal` with styles, `unstyled` without) use them,
so a word is measured and a line broken the same way everywhere.
"""
from __future__ import annotations

import re

_ODD_SPACE = re.compile(r"[^\S \n]")
"""Whitespace other than a space or a newline: a tab, a carriage return, a no-break or a wide space."""


def _untidy(text: str) -> bool:
    """Whether `tidy` has work to do on `text`: whitespace other than single spaces between words. Substring
    tests and one character class, since one pattern of these six alternatives, tried at every character,
    took a third of the time of drawing a long table."""
    return ("  " in text or " \n" in text or "\n " in text or text[:1] == " " or text[-1:] == " "
            or _ODD_SPACE.search(text) is not None)


def cells(text: str) -> int:
    """How many terminal cells `text` takes, as Rich counts them (a wide character two, a combining none)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def tidy(text: str) -> str:
    """Each line of `text` with its words one space apart, as a cell shows it: nothing before or after."""
    if not _untidy(text):
        return text
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def tidy_pieces(found: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """(piece, matched) pairs whose joined text is `tidy` of theirs, each character still marked."""
    text = "".join(piece for piece, _ in found)
    if not _untidy(text):
        return found
    marks = [matched for piece, matched in found for _ in piece]
    out: list[list] = []
    for number, (line_start, line) in enumerate(_line_spans(text)):
        if number:
            _add(out, "\n", False)
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]
        for index, (start, end) in enumerate(words):
            if index:
                _add(out, " ", marks[line_start + start - 1])
            for at in range(start, end):
                _add(out, line[at], marks[line_start + at])
    return [(piece, matched) for piece, matched in out]


def _line_spans(text: str):
    at = 0
    for line in text.split("\n"):
        yield at, line
        at += len(line) + 1


def _add(out: list, char: str, matched: bool) -> None:
    if out and out[-1][1] == matched:
        out[-1][0] += char
    else:
        out.append([char, matched])


def longest_word(text: str) -> int:
    if text.isascii():
        return max(map(len, text.split()), default=0)
    return max(map(cells, text.split()), default=0)


def longest_line(text: str) -> int:
    if "\n" not in text:
        return cells(text)
    return max(map(cells, text.split("\n")), default=0)


def wrap(text: str, width: int) -> list[str]:
    """`text` (tidy) in lines of at most `width` cells, broken between words only: a word wider than
    `width` has a line of its own."""
    if "\n" not in text and cells(text) <= width:
        return [text]
    if text.isascii():
        return [line for paragraph in text.split("\n") for line in _wrap_ascii(paragraph, width)]
    lines = []
    for paragraph in text.split("\n"):
        line, used = [], 0
        for word in paragraph.split(" "):
            size = cells(word)
            if line and used + 1 + size > width:
                lines.append(" ".join(line))
                line, used = [word], size
            else:
                used += size + (1 if line else 0)
                line.append(word)
        lines.append(" ".join(line))
    return lines


def fold(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, as a title or a note wraps: between words, and a word wider
    than `width` starts a line and is cut into pieces of `width` cells, the last of which the next words
    may follow (as Rich folds, but in time linear in the text's length)."""
    width, lines = max(1, width), []
    for paragraph in tidy(text).split("\n"):
        line, used = [], 0
        for word in paragraph.split(" "):
            size = cells(word)
            if line and used + 1 + size > width:
                lines.append(" ".join(line))
                line, used = [], 0
            if size > width:
                *full, word = _chop(word, width)
                lines += full
                size = cells(word)
            used += size + (1 if line else 0)
            line.append(word)
        lines.append(" ".join(line))
    return lines


def _chop(word: str, width: int) -> list[str]:
    if word.isascii():
        return [word[at:at + width] for at in range(0, len(word), width)]
    from rich.cells import chop_cells

    return chop_cells(word, width)


def _wrap_ascii(paragraph: str, width: int) -> list[str]:
    """`wrap` of one line of one-cell characters: each line ends at the last space that fits."""
    lines, start = [], 0
    while len(paragraph) - start > width:
        cut = paragraph.rfind(" ", start, start + width + 1)
        if cut <= start:  # the first word is wider than the line: a line of its own
            cut = paragraph.find(" ", start + width)
            if cut == -1:
                break
        lines.append(paragraph[start:cut])
        start = cut + 1
    lines.append(paragraph[start:])
    return lines


def wrapped_lines(text: str, width: int) -> int:
    """How many lines `text` takes wrapped within `width` cells."""
    return len(wrap(text, width))
