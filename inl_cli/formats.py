"""Every output format inl writes, in one registry: `--format` choices, `-o FILE` extensions, and which
formats keep their bytes exact (machine formats) all come from here.

A format is `view` when the views (`show`, `timeline`, `search`, `countries`) draw it, `report` when `export`
writes it, and `problems` when `validate` lists problems in it.
"""
from __future__ import annotations

from collections import namedtuple

from .text import one_line


class Format(namedtuple("Format", "name extensions machine view report problems help")):
    """Fields: name: str, extensions: tuple[str, ...] (the first is the usual one), machine: bool (its text
    is data: never simplified for a terminal), view, report, problems: bool (who writes it), help: str."""

    __slots__ = ()


REGISTRY = {f.name: f for f in (
    Format("table", (), False, True, False, False, "a table for people at a terminal"),
    Format("text", (".txt",), False, False, False, True, "one problem a line"),
    Format("markdown", (".md", ".markdown"), True, True, True, False, "a report for documents"),
    Format("html", (".html", ".htm"), True, False, True, False, "the report as one web page, timeline drawn"),
    Format("json", (".json",), True, True, True, True, "for programs: the whole program, or the tables"),
    Format("csv", (".csv",), True, True, True, False, "one table, for spreadsheets and programs"),
    Format("timelinejs", (".json",), True, False, True, False, "the timeline, for TimelineJS3"),
    Format("yaml", (".yaml", ".yml"), True, False, False, False, "a program file, as `inl import` drafts"),
)}

VIEW = tuple(name for name, f in REGISTRY.items() if f.view)
REPORT = tuple(name for name, f in REGISTRY.items() if f.report)
PROBLEMS = tuple(name for name, f in REGISTRY.items() if f.problems)
MACHINE = frozenset(name for name, f in REGISTRY.items() if f.machine)
DEFAULT_REPORT = "markdown"


class FormatError(ValueError):
    """A format that does not fit the file name it is to be written to."""


def extension(name: str) -> str:
    """The extension of a file name, lower case, with its dot: `.md`; "" for none (`notes`, `.profile`)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 and dot < len(base) - 1 else ""


def for_file(fmt: str | None, output: str | None, allowed: tuple[str, ...] = REPORT,
             default: str = DEFAULT_REPORT) -> str:
    """The format to write to `output`: the one given, else the one its extension names, else `default`
    (stdout, or a name without an extension such as /dev/stdout). A format that contradicts the extension,
    or an extension that names no format, is a FormatError: `-o results.csv --format markdown`,
    `-o report.pdf`.
    """
    suffix = extension(output) if output else ""
    named = tuple(f for f in allowed if suffix and suffix in REGISTRY[f].extensions)
    if fmt is not None:
        if named and fmt not in named:
            choices = " or ".join(f"--format {f}" for f in named)
            raise FormatError(f"--format {fmt} does not match the extension of {one_line(repr(output))}, "
                              f"which means {choices}; change one of them.")
        return fmt
    if named:
        return named[0]
    if suffix:
        known = ", ".join(dict.fromkeys(e for f in allowed for e in REGISTRY[f].extensions))
        raise FormatError(f"the extension {one_line(repr(suffix))} names no format inl writes ({known}); "
                          "change it, or give --format.")
    return default
