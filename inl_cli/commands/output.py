"""Writing finished output to stdout: what a stdout that cannot encode it, or a terminal, gets instead."""
from __future__ import annotations

import os
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




_closed: set[str] = set()
"""The standard streams that were closed when inl started (`inl timeline >&-`)."""


def adopt_standard_streams() -> None:
    """Stand a closed stdin, stdout or stderr in for /dev/null, so that a run with `>&-` or `2>&-` ends with its
    own exit code instead of a traceback; output that then has nowhere to go is an error (see `emit`)."""
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            _closed.add(name)
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115  lives as long as inl


def emit(text: str, fmt: str = "") -> None:
    """Write finished output in one piece.

    Machine formats go out as UTF-8 bytes when stdout cannot encode them, so no data changes; text for
    people is simplified instead (accents and box drawing to plain letters).
    """
    if "stdout" in _closed:
        from .errors import Failed

        raise Failed("cannot write the output: standard output is closed")
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


def terminal_width(width: int | None) -> int | None:
    """--width, else Rich's own choice; $COLUMNS is held to --width's 20 to 1000 (COLUMNS=0 printed nothing,
    COLUMNS=999999999 took gigabytes)."""
    if width is None:
        try:
            columns = int(os.environ.get("COLUMNS", ""))
        except ValueError:
            return None
        return min(max(columns, 20), 1000)
    return width


def show_tables(tables, fmt: str, width: int | None, csv_safe: bool = True) -> None:
    """Write view tables in `fmt`; a table for people in pieces as it is drawn, so `| head` shows it at once."""
    from .. import render

    if fmt == "table":
        from ..render.terminal import stream

        for piece in stream(tables, terminal_width(width)):
            emit(piece, fmt)
    else:
        options = {"safe": csv_safe} if fmt == "csv" else {}
        emit(render.get(fmt).render(tables, terminal_width(width), **options), fmt)
