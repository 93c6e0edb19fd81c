"""Writing finished output to stdout: what a stdout that cannot encode it, or a terminal, gets instead."""
from __future__ import annotations

import sys

import click

from ..formats import MACHINE
from ..text import clean, strip_accents

_ASCII = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "*",
                       "─": "-", "━": "-", "│": "|", "█": "#", "●": "o", "◆": "*", "▲": "x"})


def degrade(text: str, encoding: str) -> str:
    """Text for a stdout that cannot show every character: punctuation and accents simplified."""
    text = strip_accents(text.translate(_ASCII))
    return text.encode(encoding, "replace").decode(encoding)




def emit(text: str, fmt: str = "") -> None:
    """Write finished output in one piece.

    Machine formats go out as UTF-8 bytes when stdout cannot encode them, so no data changes; text for
    people is simplified instead (accents and box drawing to plain letters).
    """
    if fmt == "csv" and _is_terminal(sys.stdout):
        text = clean(text)  # data exact into a file or a pipe; on a terminal no escape code runs
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        if fmt in MACHINE:
            click.echo(text.encode("utf-8"), nl=False)
            return
        text = degrade(text, encoding)
    except LookupError:
        pass
    click.echo(text, nl=False, color=True)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
