"""Find program files, parse them safely and validate them into the model.

Every problem of every file is collected before anything fails, so one run
shows all that needs fixing, each as `file:line:col: field.path: message`.
"""
from __future__ import annotations

import gc
import os
from pathlib import Path

import yaml

from . import spec
from .model import Program
from .spec import Problem

ENV_VAR = "INL_DATA"
SUFFIXES = (".yaml", ".yml")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    """The data could not be read or is invalid; `problems` says everything that is wrong."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def bundled_path() -> Path:
    """The bundled program: inside the installed package, or data/ in a source checkout."""
    here = Path(__file__).resolve().parent
    for folder in (here / "data", here.parent / "data"):
        if folder.is_dir():
            return folder
    return here / "data"


def find_files(location: str | os.PathLike | None, recursive: bool = False) -> list[Path]:
    """The program files at `location`, else at $INL_DATA, else the bundled ones."""
    if location is None:
        location = os.environ.get(ENV_VAR) or bundled_path()
    path = Path(location)
    if path.is_dir():
        pattern = "**/*" if recursive else "*"
        found = sorted(p for p in path.glob(pattern) if p.suffix.lower() in SUFFIXES and not p.is_dir())
        if not found:
            raise DataError([Problem(str(path), 1, 1, "", "no *.yaml or *.yml program files in this folder")])
        return found
    if not path.exists():
        raise DataError([Problem(str(path), 1, 1, "", "no such file or folder")])
    return [path]


def parse(text: str, name: str) -> Program | list[Problem]:
    """One program from YAML text, or the problems that prevent it."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or error.context or "not valid YAML"
        if _char_at(text, mark) == "\t":
            return [Problem(name, mark.line + 1, mark.column + 1, "", "a tab cannot indent YAML; use spaces")]
        if error.context and error.problem and error.context_mark:
            message += f" ({error.context} started on line {error.context_mark.line + 1})"
        return [Problem(name, mark.line + 1, mark.column + 1, "", f"YAML syntax: {message}")]
    except yaml.YAMLError as error:
        return [Problem(name, 1, 1, "", f"YAML syntax: {error}")]
    if root is None:
        return [Problem(name, 1, 1, "", "the file is empty; expected a program mapping")]
    ctx = spec.Context(name)
    program = spec.PROGRAM.load(root, "", ctx)
    ctx.check_refs()
    if ctx.problems:
        return sorted(ctx.problems, key=lambda p: (p.line, p.column))
    return program._replace(origin=name)


def _char_at(text: str, mark) -> str:
    lines = text.splitlines()
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def read_file(path: Path) -> Program | list[Problem]:
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [Problem(name, 1, 1, "", f"cannot read: {error.strerror or error}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return [Problem(name, line, column, "", f"not UTF-8 text (byte 0x{raw[error.start]:02x})")]
    return parse(text, name)


def read_all(paths: list[Path]) -> tuple[list[Program], list[Problem]]:
    """The programs of `paths` and every problem they have, together and across files.

    The cyclic garbage collector is paused meanwhile: the node trees hold no cycles
    and are freed by reference counting, and letting it re-walk every node already
    built cost a quarter of the loading time over hundreds of files.
    """
    programs, problems = [], []
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for path in paths:
            outcome = read_file(path)
            if isinstance(outcome, Program):
                programs.append(outcome)
            else:
                problems += outcome
    finally:
        if was_enabled:
            gc.enable()
    return programs, problems + _same_country(programs)


def load(location: str | os.PathLike | None = None, recursive: bool = False) -> list[Program]:
    """Every program at `location` (see `find_files`); DataError lists all problems."""
    programs, problems = read_all(find_files(location, recursive))
    if problems:
        raise DataError(problems)
    return programs


def locate(file: str, keys: tuple[str, ...]) -> tuple[int, int]:
    """Line and column of the value at `keys` in a file already known to be valid."""
    node = yaml.compose(Path(file).read_text(encoding="utf-8-sig"), Loader=_Loader)
    for key in keys:
        node = next(value for k, value in node.value if k.value == key)
    return node.start_mark.line + 1, node.start_mark.column + 1


def _same_country(programs: list[Program]) -> list[Problem]:
    first: dict[str, Program] = {}
    problems = []
    for program in programs:
        code = program.country.code
        if code in first:
            line, column = locate(program.origin, ("country", "code"))
            problems.append(Problem(program.origin, line, column, "country.code",
                                    f"{code} is also the country of {first[code].origin}; "
                                    "one file per country"))
        else:
            first[code] = program
    return problems
