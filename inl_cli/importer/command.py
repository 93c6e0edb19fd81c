"""`inl import`: read each page, draft its program, check it, write it or print it, and report what was found."""
from __future__ import annotations

import gc
import os
import re
from pathlib import Path

import click

from ..text import ascii_words
from ..text import one_line as visible
from . import inputs
from .build import PageError, read_page
from .draft import counts, to_yaml

COLUMNS = (("page", "Page"), ("file", "File"), ("country", "Country"), ("code", "Code"),
           ("accomplishments", "Accomplishments"),
           ("dates", "Dates"), ("partners", "Partners"), ("reviews", "Review notes"), ("cut", "Cut"))


def file_name(country: str) -> str:
    """`guinea.yaml`, `cote_divoire.yaml`, `the_gambia.yaml`."""
    return ("_".join(ascii_words(country.replace("'", "").replace("’", ""))) or "country") + ".yaml"


def check_inputs(files: tuple[str, ...], output: str | None, overrides: dict) -> None:
    """Usage errors (exit 2) before any page is read."""
    from ..cli import MissingPath, missing

    for location in files:
        if location == "-" or inputs.is_address(location):
            continue
        if missing(location):
            raise MissingPath(location)
        if os.path.isdir(location):
            raise click.BadParameter(f"{visible(location)} is a folder; give the pages in it (folder/*.txt)",
                                     param_hint="'FILE...'")
    if files.count("-") > 1:
        raise click.BadParameter("'-' (stdin) can be given once", param_hint="'FILE...'")
    if len(files) > 1:
        if not output:
            raise click.UsageError("several pages need -o DIR: a folder to write one program file per page into")
        given = [f"--{name}" for name, value in overrides.items() if value]
        if given:
            raise click.UsageError(f"{', '.join(given)} describes one page; import the pages one at a time")
        if os.path.exists(output) and not os.path.isdir(output):
            raise click.BadParameter(f"{visible(output)!r} is not a folder", param_hint="'-o' / '--output'")


def _same_file(target: Path, source: str) -> bool:
    try:
        return source != "-" and not inputs.is_address(source) and os.path.samefile(target, source)
    except OSError:
        return False


def _refuse(target: Path, sources: tuple[str, ...], force: bool) -> str | None:
    if any(_same_file(target, source) for source in sources):
        return f"{visible(str(target))} is a page being imported; write the program to another file"
    if os.path.lexists(target) and not force:
        return f"{visible(str(target))} already exists; give --force to replace it"
    return None


def draft(location: str, country=None, code=None, url=None) -> tuple[dict, str, inputs.Page]:
    """The program of one page and its YAML, checked by the loader. Raises ReadError, PageError or a list."""
    from ..load import parse

    page = inputs.read(location)
    collecting = gc.isenabled()
    gc.disable()  # the draft makes many small objects and no cycles worth a collection: 40% faster on big pages
    try:
        program = read_page(page.text, country, code, url or page.url, page.dropped)
        document = to_yaml(program, page.name)
        checked = parse(document, "<import>")
    finally:
        if collecting:
            gc.enable()
    if not hasattr(checked, "accomplishments"):
        raise PageError("the draft did not pass its own check: " + "; ".join(str(p) for p in checked[:3]))
    return program, document, page


def run(files: tuple[str, ...], output: str | None, country, code, url, force: bool, emit) -> None:
    check_inputs(files, output, {"country": country, "code": code, "url": url})
    folder = output if output and (len(files) > 1 or os.path.isdir(output) or output.endswith(os.sep)) else None
    if folder is None:
        _one(files[0], output, country, code, url, force, emit)
        return
    _many(files, Path(folder), force)


def _one(location, output, country, code, url, force, emit) -> None:
    from ..files import write_atomic

    try:
        program, document, _ = draft(location, country, code, url)
    except (inputs.ReadError, PageError) as error:
        raise click.ClickException(_message(location, error)) from None
    if output:
        refusal = _refuse(Path(output), (location,), force)
        if refusal:
            raise click.ClickException(refusal)
        write_atomic(output, document)
    else:
        emit(document, "yaml")
    found = counts(program)
    where = f"; wrote {visible(output)}" if output else ""
    cut = "; the page is cut short" if found["cut"] else ""
    click.echo(f"Found {_count(found['accomplishments'], 'accomplishment')}, {_count(found['dates'], 'date')}, "
               f"{_count(found['results'], 'result')} and {_count(found['partners'], 'partner')}; "
               f"{_count(found['reviews'], 'guess', 'guesses')} to review (marked '# review:'){cut}{where}.",
               err=True)


def _count(n: int, one: str, many: str | None = None) -> str:
    """`1 partner`, `0 partners`, `2 guesses`."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def _message(location: str, error: Exception) -> str:
    text = str(error)
    return visible(text if isinstance(error, inputs.ReadError) else f"{location}: {text}")


def _many(files: tuple[str, ...], folder: Path, force: bool) -> None:
    from ..files import write_atomic

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise click.FileError(str(folder), hint=error.strerror or str(error)) from None
    rows, failed = [], False
    held, now = _codes_in(folder), set()
    for location in files:
        page = visible(location if inputs.is_address(location) else os.path.basename(location))
        try:
            program, document, _ = draft(location)
        except (inputs.ReadError, PageError) as error:
            click.echo(f"Error: {_message(location, error)}", err=True)
            failed = True
            continue
        country, code = program["country"]["name"], program["country"]["code"]
        target = folder / file_name(country)
        holder = held.get(code)
        if holder is not None and (code in now or holder.name != target.name):
            click.echo(f"Error: {visible(location)}: {visible(country)} ({code}) is already in "
                       f"{visible(str(holder))}, and a folder holds one file per country; import this page alone "
                       "with -o FILE", err=True)
            failed = True
            rows.append({"page": page, "file": f"not written: {code} is in {visible(holder.name)}",
                         "country": country, "code": code})
            continue
        refusal = _refuse(target, files, force)
        if refusal:
            click.echo(f"Error: {refusal}", err=True)
            failed = True
            continue
        write_atomic(str(target), document)
        held[code] = target
        now.add(code)
        found = counts(program)
        rows.append({"page": page, "file": visible(str(target)), "country": country, "code": code, **found,
                     "cut": "cut" if found["cut"] else "whole"})
    _show_summary(rows)
    if failed:
        raise SystemExit(1)


_CODE_LINE = re.compile(r"^\s+code:\s*[\"']?([A-Za-z]{2})[\"']?\s*(?:#.*)?$", re.M)


def _codes_in(folder: Path) -> dict[str, Path]:
    """The country code of each program file already in `folder`, from its first `code:` line (the country's,
    which comes first), reading no more than the file's first 8 KB."""
    held: dict[str, Path] = {}
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        try:
            with open(path, "rb") as stream:
                head = stream.read(8192).decode("utf-8", "replace")
        except OSError:
            continue
        found = _CODE_LINE.search(head)
        if found:
            held.setdefault(found.group(1).upper(), path)
    return held


def summary(rows: list[dict]):
    """The batch summary as a view table, for the renderer every other view goes through."""
    from ..views import Column, Table

    columns = tuple(Column(key, title) for key, title in COLUMNS)
    return Table("import", "Imported pages", columns, [{key: row.get(key) for key, _ in COLUMNS} for row in rows])


def _show_summary(rows: list[dict]) -> None:
    import shutil

    from .. import render
    from ..cli import terminal_width

    width = terminal_width(None) or shutil.get_terminal_size((80, 24)).columns
    click.echo(render.get("table").render([summary(rows)], width), err=True, nl=False)
