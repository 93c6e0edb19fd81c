"""Importing pages: draft each page's program, check it with the loader, and write it to a file, or to one file
per country in a folder. Knows no command line: it takes values and returns drafts, rows and messages."""
from __future__ import annotations

import os
import re
import stat
from collections import namedtuple
from pathlib import Path

from ..text import ascii_words, web_address_problem
from ..text import one_line as visible
from . import inputs, when
from .build import PageError, read_page
from .draft import counts, to_yaml

SUMMARY_COLUMNS = (("page", "Page"), ("file", "File"), ("country", "Country"), ("code", "Code"),
                   ("accomplishments", "Accomplishments"), ("dates", "Dates"), ("partners", "Partners"),
                   ("reviews", "Review notes"), ("cut", "Cut"))


MAX_PIECES = 5_000
"""Most lines, sentences and dates a page may have (real pages have a few hundred): the one limit on a
page's size, checked before any work, so a page within it drafts a program within the loader's limits. A
date counts because each becomes an event or a milestone: a page of one sentence holding 9,000 dates is
refused here, not after building a draft of more YAML values than the loader takes."""


class ImportUsageError(ValueError):
    """What was asked cannot be done as asked (bad usage, exit 2); `param` names the option, if one."""

    def __init__(self, message: str, param: str | None = None):
        super().__init__(message)
        self.param = param


class MissingInput(ImportUsageError):
    """A page named on the command line is not there."""

    def __init__(self, path: str):
        super().__init__(f"no such file or folder: {visible(path)}")
        self.path = path


class ImportFailed(Exception):
    """A page that could not be read or drafted, or a program file that must not be written (exit 1)."""


Draft = namedtuple("Draft", "program document counts")


def file_name(country: str) -> str:
    """`guinea.yaml`, `cote_divoire.yaml`, `the_gambia.yaml`."""
    return ("_".join(ascii_words(country.replace("'", "").replace("’", ""))) or "country") + ".yaml"


def check_inputs(files: tuple[str, ...], output: str | None, overrides: dict) -> None:
    """ImportUsageError before any page is read."""
    for location in files:
        if inputs.is_address(location):
            problem = web_address_problem(location)
            if problem:
                raise ImportUsageError(f"{visible(repr(location))}: {problem}", "FILE...")
            continue
        if location == "-":
            continue
        if not os.path.lexists(location):
            raise MissingInput(location)
        if os.path.isdir(location):
            raise ImportUsageError(f"{visible(location)} is a folder; give the pages in it (folder/*.txt)",
                                   "FILE...")
    if files.count("-") > 1:
        raise ImportUsageError("'-' (stdin) can be given once", "FILE...")
    if len(files) > 1:
        if not output:
            raise ImportUsageError("several pages need -o DIR: a folder to write one program file per page into")
        given = [f"--{name}" for name, value in overrides.items() if value]
        if given:
            raise ImportUsageError(f"{', '.join(given)} describes one page; import the pages one at a time")
        if os.path.exists(output) and not os.path.isdir(output):
            raise ImportUsageError(f"{visible(output)!r} is not a folder", "-o")


def into_folder(files: tuple[str, ...], output: str | None) -> bool:
    """Whether -o names a folder to write one file per country into (several pages, or a folder given)."""
    return bool(output) and (len(files) > 1 or os.path.isdir(output) or output.endswith(os.sep))


def draft(location: str, country=None, code=None, url=None) -> Draft:
    """The program of one page and its YAML, checked by the loader. ImportFailed when it cannot be made."""
    from ..load import parse

    try:
        page = inputs.read(location)
        pieces = page.text.count("\n") + page.text.count(". ") + len(when.YEAR.findall(page.text)) + 1
        if pieces > MAX_PIECES:
            raise ImportFailed(visible(f"{location}: {pieces:,} lines, sentences and dates, more than the "
                                       f"{MAX_PIECES:,} a summary page could hold; import the program's part "
                                       "of it"))
        program = read_page(page.text, country, code, url or page.url, page.dropped)
    except (inputs.ReadError, PageError) as error:
        raise ImportFailed(_message(location, error)) from None
    document = to_yaml(program, page.name)
    checked = parse(document, "<import>")
    if not hasattr(checked, "accomplishments"):
        raise ImportFailed(visible(f"{location}: the draft did not pass its own check: "
                                   + "; ".join(str(p) for p in checked[:3])))
    return Draft(program, document, counts(program))


def _message(location: str, error: Exception) -> str:
    text = str(error)
    return visible(text if isinstance(error, inputs.ReadError) else f"{location}: {text}")


def _same_file(target: Path, source: str) -> bool:
    try:
        return source != "-" and not inputs.is_address(source) and os.path.samefile(target, source)
    except OSError:
        return False


def refusal(target: Path, sources: tuple[str, ...], force: bool) -> str | None:
    """Why `target` must not be written, or None: it is a page being imported, or exists without --force."""
    if any(_same_file(target, source) for source in sources):
        return f"{visible(str(target))} is a page being imported; write the program to another file"
    if os.path.lexists(target) and not force:
        return f"{visible(str(target))} already exists; give --force to replace it"
    return None


def import_one(location: str, output: str | None, overrides: dict, force: bool) -> Draft:
    """Draft one page and write it to `output` (when given); ImportFailed when it cannot be."""
    from ..files import write_atomic

    if output:
        refused = refusal(Path(output), (location,), force)
        if refused:
            raise ImportFailed(refused)
    found = draft(location, **overrides)
    if output:
        write_atomic(output, found.document)
    return found


def import_many(files: tuple[str, ...], folder: Path, force: bool) -> tuple[list[dict], list[str]]:
    """Draft every page into `folder`, one file per country: the summary rows, and an error message for each
    page not written (the others are still written)."""
    from ..files import WriteError, write_atomic

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(str(folder), error.strerror or str(error)) from None
    rows, errors = [], []
    held, now = codes_in(folder), set()
    for location in files:
        page = visible(location if inputs.is_address(location) else os.path.basename(location))
        try:
            found = draft(location)
        except ImportFailed as error:
            errors.append(str(error))
            continue
        country, code = found.program["country"]["name"], found.program["country"]["code"]
        target = folder / file_name(country)
        holder = held.get(code)
        if holder is not None and (code in now or holder.name != target.name):
            errors.append(f"{visible(location)}: {visible(country)} ({code}) is already in "
                          f"{visible(str(holder))}, and a folder holds one file per country; import this page "
                          "alone with -o FILE")
            rows.append({"page": page, "file": f"not written: {code} is in {visible(holder.name)}",
                         "country": country, "code": code})
            continue
        refused = refusal(target, files, force)
        if refused:
            errors.append(refused)
            continue
        write_atomic(str(target), found.document)
        held[code] = target
        now.add(code)
        rows.append({"page": page, "file": visible(str(target)), "country": country, "code": code,
                     **found.counts, "cut": "cut" if found.counts["cut"] else "whole"})
    return rows, errors


_CODE_LINE = re.compile(r"^\s+code:\s*[\"']?([A-Za-z]{2})[\"']?\s*(?:#.*)?$", re.MULTILINE)


def codes_in(folder: Path) -> dict[str, Path]:
    """The country code of each program file already in `folder`, from its first `code:` line (the country's,
    which comes first), reading no more than the file's first 8 KB of regular files: a FIFO or a device named
    like a program file is passed over, never waited on."""
    held: dict[str, Path] = {}
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        head = _head(path)
        found = _CODE_LINE.search(head) if head else None
        if found:
            held.setdefault(found.group(1).upper(), path)
    return held


def _head(path: Path) -> str:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return ""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        return os.read(fd, 8192).decode("utf-8", "replace")
    except OSError:
        return ""
    finally:
        os.close(fd)
