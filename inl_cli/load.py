"""Find program files, read them safely and check them into the model.

Every problem of every file is collected before anything fails, so one run
shows all that needs fixing, each as `file:line:col: field.path: message`.

Only regular files are read, and at most MAX_BYTES of each: a FIFO, a device
or an endless file is a problem line, never a hang. The YAML itself is
composed within bounds by `yamlnodes`.
"""
from __future__ import annotations

import os
import stat
from collections import namedtuple

from . import kinds, spec, yamlnodes
from .kinds import Problem
from .model import Program
from .text import path_name

ENV_VAR = "INL_DATA"
SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 20 * 1024 * 1024
"""Largest file read: 20 MB, thousands of times a real program."""
_KINDS = {stat.S_IFIFO: "a FIFO or pipe", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}
_NOWHERE = (1, 1)


class DataError(Exception):
    """The data could not be read or is invalid; `problems` says everything that is wrong."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


class Checked(namedtuple("Checked", "files programs problems")):
    """What `check` found. Fields: files: list[str], the files read, as the OS names them; programs:
    list[Program], those that are valid; problems: list[Problem], every problem of every file and folder."""

    __slots__ = ()


def bundled_path():
    """The bundled program's folder, as a Path (see `bundled_folder`)."""
    from pathlib import Path

    return Path(bundled_folder())


def bundled_folder() -> str:
    """The bundled program: inside the installed package, or data/ in a source checkout.

    os.path rather than pathlib, which costs 3 ms of a 60 ms start (urllib.parse, ipaddress).
    """
    here = os.path.dirname(os.path.realpath(__file__))
    for folder in (os.path.join(here, "data"), os.path.join(os.path.dirname(here), "data")):
        if os.path.isdir(folder):
            return folder
    return os.path.join(here, "data")


def check(locations: list, recursive: bool = False) -> Checked:
    """Every program file at `locations` read and checked, as `inl validate` does.

    Each location is a file or a folder; None (or no location at all) stands for the selected data:
    $INL_DATA, else the bundled program. Beyond what `load` refuses, a country code must be an
    ISO 3166-1 alpha-2 code here; other commands read any two capital letters.
    """
    files, problems = _find_all(list(locations) or [None], recursive)
    programs, positions, found = _read_all(files)
    problems += found + _same_country(programs, positions) + _unassigned_codes(programs, positions)
    return Checked(files, programs, problems)


def load(location: str | os.PathLike | None = None, recursive: bool = False) -> list[Program]:
    """Every program at `location` (a file or a folder; None: $INL_DATA, else the bundled program);
    DataError lists all problems."""
    files, problems = _find_all([location], recursive)
    programs, positions, found = _read_all(files)
    problems += found + _same_country(programs, positions)
    if problems:
        raise DataError(problems)
    return programs


def parse(text: str, name: str) -> Program | list[Problem]:
    """One program from YAML text, or the problems that prevent it."""
    return _parse(text, name)[0]


# Finding files ----------------------------------------------------------------------------------------------

def _find_all(locations: list, recursive: bool) -> tuple[list[str], list[Problem]]:
    """The program files at each of `locations`, each once, and the folders that could not be read."""
    files, problems = [], []
    for location in locations:
        found, unreadable = _find(location, recursive)
        files += found
        problems += unreadable
    return _unique(files), problems


def _find(location: str | os.PathLike | None, recursive: bool) -> tuple[list[str], list[Problem]]:
    """The program files at `location` (see `load`) and the folders it could not read, as problems: a folder
    silently skipped would be a program gone missing."""
    if location is None:
        location = os.environ.get(ENV_VAR) or bundled_folder()
    path = _tidy(location)
    try:
        is_dir = stat.S_ISDIR(os.stat(path).st_mode)
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            return [], [Problem(path_name(path), 1, 1, "", "no such file or folder")]
        return [], [Problem(path_name(path), 1, 1, "", f"cannot read: {error.strerror or error}")]
    if not is_dir:
        return [path], []
    found, problems = _walk(path, recursive)
    if not found and not problems:
        problems.append(Problem(path_name(path), 1, 1, "", "no *.yaml or *.yml program files in this folder"))
    return sorted(found, key=lambda name: name.split("/")), problems  # in pathlib's order


def _walk(top: str, recursive: bool) -> tuple[list[str], list[Problem]]:
    """The *.yaml and *.yml files in `top` (and with `recursive` its subfolders, but never one reached
    through a symbolic link: it may lead anywhere, /proc never ends, or back up the tree)."""
    found, problems, folders, visited = [], [], [top], set()
    while folders:
        folder = folders.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                entries = list(entries)
        except OSError as error:
            problems.append(Problem(path_name(folder), 1, 1, "", f"cannot read this folder: {_reason(error)}"))
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                if recursive:
                    folders.append(entry.path)
            elif _suffix(entry.name).lower() in SUFFIXES:
                found.append(entry.path)
    return found, problems


def _tidy(location) -> str:
    """str(pathlib.PurePosixPath(location)): no "." parts, no repeated or trailing slashes."""
    text = os.fspath(location)
    root = text[:len(text) - len(text.lstrip("/"))]
    return (root if root == "//" else root[:1]) + "/".join(p for p in text.split("/") if p not in ("", ".")) or "."


def _suffix(name: str) -> str:
    """PurePath.suffix: the last dot and what follows, unless the name starts or ends with it."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower() if error.errno else str(error)


def _unique(paths: list) -> list:
    """`paths` without a file given again (by another name or inside a folder also given)."""
    seen, kept = set(), []
    for path in paths:
        try:
            info = os.stat(path)
            key = (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else path
        except OSError:
            key = path
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


# Reading files ----------------------------------------------------------------------------------------------

def read_bytes(path: str | os.PathLike) -> bytes:
    """A regular file's bytes, at most MAX_BYTES; OSError (with a reason for people) otherwise.

    Opened without blocking, so a FIFO with no writer cannot hang the open.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
            raise OSError(0, f"not a regular file ({kind})")
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise OSError(0, f"larger than {MAX_BYTES // 2**20} MB; a program file is far smaller")
    return data


def _read_all(paths: list) -> tuple[list[Program], list[tuple[int, int]], list[Problem]]:
    """The programs of `paths`, the (line, column) of each one's country code, and every problem."""
    programs, positions, problems = [], [], []
    for path in paths:
        outcome, position = _read(path)
        if isinstance(outcome, Program):
            programs.append(outcome)
            positions.append(position)
        else:
            problems += outcome
    return programs, positions, problems


def _read(path: str) -> tuple[Program | list[Problem], tuple[int, int]]:
    name = path_name(path)
    try:
        raw = read_bytes(path)
    except OSError as error:
        return [Problem(name, 1, 1, "", f"cannot read: {error.strerror or error}")], _NOWHERE
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return [Problem(name, line, column, "", f"not UTF-8 text (byte 0x{raw[error.start]:02x})")], _NOWHERE
    return _parse(text, name)


def _parse(text: str, name: str) -> tuple[Program | list[Problem], tuple[int, int]]:
    """The program (or its problems, told first when the text is a summary page) and the line and column
    of its country code."""
    outcome, position = _parse_yaml(text, name)
    if isinstance(outcome, Program):
        return outcome, position
    from .page_sniff import looks_like_page

    if looks_like_page(text):
        import shlex

        command = f"inl import {shlex.quote(name)} -o program.yaml"
        outcome.insert(0, Problem(name, 1, 1, "", "looks like an INL summary page, not a program file; "
                                                  f"turn it into one with: {command}"))
    return outcome, position


def _parse_yaml(text: str, name: str) -> tuple[Program | list[Problem], tuple[int, int]]:
    """The program (or its problems) and the line and column of its country code.

    A text PyYAML composes at once (`yamlnodes.plain`) and that holds a valid program is done; anything
    else is composed again carefully, whose problems are the same with either parser.
    """
    try:
        yamlnodes.count(text)
        root = yamlnodes.plain(text)
        if root is not None:
            outcome = _checked(root, [], name)
            if isinstance(outcome, Program):
                return outcome, _position(root, ("country", "code"))
        root, notes = yamlnodes.careful(text)
    except yamlnodes.Unreadable as error:
        return [Problem(name, error.line, error.column, "", error.message)], _NOWHERE
    if root is None:
        return [Problem(name, 1, 1, "", "the file is empty; expected a program mapping")], _NOWHERE
    outcome = _checked(root, notes, name)
    return outcome, (_position(root, ("country", "code")) if isinstance(outcome, Program) else _NOWHERE)


def _checked(root, notes: list, name: str) -> Program | list[Problem]:
    """The program the node tree holds, or its problems (with the composer's notes) in file order."""
    checker = kinds.Checker(name)
    checker.problems += [Problem(name, line, column, "", message) for line, column, message in notes]
    program = spec.PROGRAM.load(root, "", checker)
    checker.check_refs()
    if checker.problems:
        return sorted(checker.problems, key=lambda p: (p.line, p.column))
    return program._replace(origin=name)


def _position(node, keys: tuple[str, ...]) -> tuple[int, int]:
    """Line and column of the value at `keys` in a valid program's node tree."""
    for key in keys:
        node = next(value for k, value in node.value if k.value == key)
    return node.start_mark.line + 1, node.start_mark.column + 1


# Checks across files ----------------------------------------------------------------------------------------

def _same_country(programs: list[Program], positions: list[tuple[int, int]]) -> list[Problem]:
    first: dict[str, Program] = {}
    problems = []
    for program, (line, column) in zip(programs, positions):
        code = program.country.code
        if code in first:
            problems.append(Problem(program.origin, line, column, "country.code",
                                    f"{code} is also the country of {first[code].origin}; one file per country"))
        else:
            first[code] = program
    return problems


def _unassigned_codes(programs: list[Program], positions: list[tuple[int, int]]) -> list[Problem]:
    """A problem for each program whose country code is not an ISO 3166-1 alpha-2 code."""
    problems = []
    for program, (line, column) in zip(programs, positions):
        message = spec.unassigned_code(program)
        if message:
            problems.append(Problem(program.origin, line, column, "country.code", message))
    return problems
