"""Find program files, parse them safely and validate them into the model.

Every problem of every file is collected before anything fails, so one run
shows all that needs fixing, each as `file:line:col: field.path: message`.

Only regular files are read, and at most MAX_BYTES of each: a FIFO, a device
or an endless file is a problem line, never a hang. Nodes are composed here
from the parser's events, without recursion, so the C and pure-Python builds of
PyYAML give the same problems, nesting is bounded (MAX_DEPTH) and anchors are
seen even where no alias uses them.
"""
from __future__ import annotations

import gc
import os
import re
import stat

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from . import spec
from .forked import map_split
from .model import Program
from .spec import Problem

ENV_VAR = "INL_DATA"
SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 20 * 1024 * 1024
"""Largest file read: 20 MB, thousands of times a real program."""
MAX_DEPTH = 64
"""Deepest nesting of lists and mappings; a program needs 7."""
MAX_NODES = 100_000
"""Most YAML nodes (values, lists and mappings) in a file; a program has a few thousand. 20 MB of `1,` held
as nodes took 5.85 GB; counted as events first, a file past this is one problem and costs no more memory."""
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Quick(_Loader):
    """The safe loader with `resolve` cut to what the safe resolver does with no path or wildcard resolvers:
    libyaml's composer calls it back in Python for every node, an eighth of the composing time."""

    _BY_FIRST = _Loader.yaml_implicit_resolvers

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self._BY_FIRST.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is SequenceNode else "tag:yaml.org,2002:map"


#: The loader for the usual file; the safe one itself if a resolver was ever added that `_Quick` does not know.
_QuickLoader = _Loader if _Loader.yaml_path_resolvers or None in _Loader.yaml_implicit_resolvers else _Quick
_MAYBE_ANCHOR = re.compile(r"(?:\A|[\s\[{,:])[&*][^\s\[\]{},]")
"""Where an anchor (&name) or alias (*name) could begin; a match only means the careful path is taken."""
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character YAML does not allow in a file."""
_KINDS = {stat.S_IFIFO: "a FIFO or pipe", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


class DataError(Exception):
    """The data could not be read or is invalid; `problems` says everything that is wrong."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


class TooDeep(Exception):
    """Nesting went past MAX_DEPTH at `mark`."""

    def __init__(self, mark):
        super().__init__(mark)
        self.mark = mark


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


def scan(location: str | os.PathLike | None, recursive: bool = False) -> tuple[list[str], list[Problem]]:
    """The program files at `location` (else $INL_DATA, else the bundled ones) and the folders it could not read.

    With `recursive`, subfolders are read too, but never one reached through a symbolic link.

    A folder that cannot be listed is a problem, never silently skipped: a program would go missing.
    """
    if location is None:
        location = os.environ.get(ENV_VAR) or bundled_folder()
    path = _tidy(location)
    try:
        is_dir = stat.S_ISDIR(os.stat(path).st_mode)
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            return [], [Problem(str(path), 1, 1, "", "no such file or folder")]
        return [], [Problem(str(path), 1, 1, "", f"cannot read: {error.strerror or error}")]
    if not is_dir:
        return [path], []
    found, problems, folders, visited = [], [], [path], set()
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
            problems.append(Problem(str(folder), 1, 1, "", f"cannot read this folder: {_reason(error)}"))
            continue
        for entry in entries:
            try:
                # A linked folder is not entered: it may lead anywhere (/proc never ends) or back up the tree.
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                if recursive:
                    folders.append(entry.path)
            elif _suffix(entry.name).lower() in SUFFIXES:
                found.append(entry.path)
    if not found and not problems:
        problems.append(Problem(str(path), 1, 1, "", "no *.yaml or *.yml program files in this folder"))
    return sorted(found, key=lambda name: name.split("/")), problems  # in pathlib's order


def find_files(location: str | os.PathLike | None, recursive: bool = False) -> list[str]:
    """The program files at `location` (see `scan`); DataError when a folder could not be read."""
    found, problems = scan(location, recursive)
    if problems:
        raise DataError(problems)
    return found


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


def compose(text: str, loader=None) -> tuple[object, list[tuple[object, str]]]:
    """The node tree of one YAML document, and the anchors and aliases found as (mark, message).

    Like yaml.compose, but iterative and depth-bounded (TooDeep); an alias still
    shares its anchored node, so the spec can say where a list or mapping repeats.
    """
    loader = (loader or _Loader)(text)
    found, anchors, stack = [], {}, []
    root = None
    try:
        get = loader.get_event
        get()
        if loader.check_event(StreamEndEvent):
            return None, found
        get()
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent:
                tag = event.tag
                if tag is None or tag == "!":
                    tag = loader.resolve(ScalarNode, event.value, event.implicit)
                node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            elif kind is SequenceStartEvent or kind is MappingStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise TooDeep(event.start_mark)
                cls = SequenceNode if kind is SequenceStartEvent else MappingNode
                tag = event.tag
                if tag is None or tag == "!":
                    tag = loader.resolve(cls, None, event.implicit)
                node = cls(tag, [], event.start_mark, None, event.flow_style)
            elif kind is SequenceEndEvent or kind is MappingEndEvent:
                node = stack.pop()[0]
                node.end_mark = event.end_mark
            elif kind is AliasEvent:
                if event.anchor not in anchors:
                    raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
                node = anchors[event.anchor]
                if type(node) is ScalarNode:
                    line = node.start_mark.line + 1
                    found.append((event.start_mark, f"repeats the value anchored on line {line} through an alias "
                                                    "(*name); aliases are not supported, write it out"))
            else:
                break
            if kind is not AliasEvent and kind is not SequenceEndEvent and kind is not MappingEndEvent:
                if event.anchor is not None:
                    found.append((event.start_mark, "anchors (&name) are not supported; "
                                                    "write the value out where it is used"))
                    anchors[event.anchor] = node
                if kind is not ScalarEvent:
                    stack.append([node, None])
                    continue
            if not stack:
                root = node
            else:
                top = stack[-1]
                if type(top[0]) is SequenceNode:
                    top[0].value.append(node)
                elif top[1] is None:
                    top[1] = node
                else:
                    top[0].value.append((top[1], node))
                    top[1] = None
        if not loader.check_event(StreamEndEvent):
            event = get()
            raise ComposerError("expected a single document in the stream", root.start_mark,
                                "but found another document", event.start_mark)
        return root, found
    finally:
        loader.dispose()


def _compose_bounded(text: str):
    """`compose`, with libyaml's own nesting limit (1,000 levels, met while it looks ahead) told as ours.

    The pure-Python parser, which has no limit, reads the text up to libyaml's stop and finds
    where nesting first went past MAX_DEPTH, so both builds report the same place.
    """
    try:
        return compose(text)
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" not in str(error.problem) or _Loader is yaml.SafeLoader:
            raise
        end = 0
        for _ in range(error.problem_mark.line + 1):
            end = text.find("\n", end) + 1 or len(text)
        try:
            compose(text[:end], yaml.SafeLoader)
        except TooDeep:
            raise
        except yaml.YAMLError:
            pass
        raise error from None


_NODE_MARKS = (",", "-", ":", "[", "{", "?", "!", "\n")
"""Characters at least one of which comes with every few nodes: their count bounds the nodes from above."""


def _past_node_cap(text: str):
    """Where the file's YAML nodes go past MAX_NODES, or None.

    A count of a few characters rules out nearly every file at once; a file that could hold more nodes
    has its parser's events counted one at a time (nothing kept), stopping at the cap. A syntax error
    before the cap is left to the composing that follows, which stops there too.
    """
    if sum(map(text.count, _NODE_MARKS)) * 3 <= MAX_NODES:
        return None
    loader = _Loader(text)
    nodes = 0
    try:
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind in (ScalarEvent, SequenceStartEvent, MappingStartEvent, AliasEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    return event.start_mark
            elif kind is StreamEndEvent:
                return None
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def parse(text: str, name: str) -> Program | list[Problem]:
    """One program from YAML text, or the problems that prevent it."""
    return _parse(text, name)[0]


def _parse(text: str, name: str) -> tuple[Program | list[Problem], tuple[int, int]]:
    """The program (or its problems) and the line and column of its country code.

    A text that cannot hold an anchor or alias is first composed by PyYAML itself (libyaml's
    composer is the fastest); a program valid that way is nested a few levels at most. Anything
    else is composed again by `compose`, whose problems are the same with either parser.
    """
    nowhere = (1, 1)
    past = _past_node_cap(text)
    if past is not None:
        return [Problem(name, past.line + 1, past.column + 1, "",
                        f"more than {MAX_NODES:,} YAML values, lists and mappings; a program has a few "
                        "thousand")], nowhere
    if ("&" not in text and "*" not in text) or not _MAYBE_ANCHOR.search(text):  # `in` first: 1000× faster
        try:
            root = yaml.compose(text, Loader=_QuickLoader)
        except (yaml.YAMLError, RecursionError):
            root = None
        if root is not None:
            outcome = _check(root, [], name)
            if isinstance(outcome, Program):
                return outcome, _position(root, ("country", "code"))
    try:
        root, found = _compose_bounded(text)
    except TooDeep as error:
        mark = error.mark
        return [Problem(name, mark.line + 1, mark.column + 1, "",
                        f"nested deeper than {MAX_DEPTH} levels of lists and mappings")], nowhere
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or error.context or "not valid YAML"
        if _char_at(text, mark) == "\t":
            tab = "a tab cannot indent YAML; use spaces"
            return [Problem(name, mark.line + 1, mark.column + 1, "", tab)], nowhere
        if error.context and error.problem and error.context_mark:
            message += f" ({error.context} started on line {error.context_mark.line + 1})"
        return [Problem(name, mark.line + 1, mark.column + 1, "", f"YAML syntax: {message}")], nowhere
    except ReaderError as error:
        # A character YAML does not allow (NUL, ESC, ...): told where it is, alike from either parser (libyaml
        # counts UTF-8 bytes, PyYAML characters), instead of `in "<unicode string>", position 5703`.
        found = _NOT_YAML.search(text)
        at = found.start() if found else 0
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        code = ord(found.group()) if found else error.character
        return [Problem(name, line, column, "", f"YAML syntax: character U+{code:04X} is not allowed in YAML; "
                                                f"in double quotes, write it as \\u{code:04x}")], nowhere
    except yaml.YAMLError as error:
        return [Problem(name, 1, 1, "", f"YAML syntax: {error}")], nowhere
    if root is None:
        return [Problem(name, 1, 1, "", "the file is empty; expected a program mapping")], nowhere
    outcome = _check(root, found, name)
    return outcome, (_position(root, ("country", "code")) if isinstance(outcome, Program) else nowhere)


def _check(root, found: list, name: str) -> Program | list[Problem]:
    """The program the node tree holds, or its problems (with those `compose` found) in file order."""
    ctx = spec.Context(name)
    for mark, message in found:
        ctx.problems.append(Problem(name, mark.line + 1, mark.column + 1, "", message))
    program = spec.PROGRAM.load(root, "", ctx)
    ctx.check_refs()
    if ctx.problems:
        return sorted(ctx.problems, key=lambda p: (p.line, p.column))
    return program._replace(origin=name)


def _position(node, keys: tuple[str, ...]) -> tuple[int, int]:
    """Line and column of the value at `keys` in a valid program's node tree."""
    for key in keys:
        node = next(value for k, value in node.value if k.value == key)
    return node.start_mark.line + 1, node.start_mark.column + 1


def _char_at(text: str, mark) -> str:
    lines = text.splitlines()
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def read_file(path: str | os.PathLike) -> Program | list[Problem]:
    return _read(path)[0]


def _read(path: str | os.PathLike) -> tuple[Program | list[Problem], tuple[int, int]]:
    name = str(path)
    try:
        raw = read_bytes(path)
    except OSError as error:
        return [Problem(name, 1, 1, "", f"cannot read: {error.strerror or error}")], (1, 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return [Problem(name, line, column, "", f"not UTF-8 text (byte 0x{raw[error.start]:02x})")], (1, 1)
    return _parse(text, name)


def unique(paths: list) -> list:
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


def read_all(paths: list, code_positions: list | None = None) -> tuple[list[Program], list[Problem]]:
    """The programs of `paths` and every problem they have, together and across files; `code_positions`, if
    given, receives the (line, column) of each program's country code.

    The cyclic garbage collector is paused meanwhile: the node trees hold no cycles
    and are freed by reference counting, and letting it re-walk every node already
    built cost a quarter of the loading time over hundreds of files. Over many files,
    a second core reads half of them (see `forked`).
    """
    programs, problems, positions = [], [], []
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for outcome, position in map_split(_read, unique(paths)):
            if isinstance(outcome, Program):
                programs.append(outcome)
                positions.append(position)
            else:
                problems += outcome
    finally:
        if was_enabled:
            gc.enable()
    if code_positions is not None:
        code_positions.extend(positions)
    return programs, problems + _same_country(programs, positions)


def load(location: str | os.PathLike | None = None, recursive: bool = False) -> list[Program]:
    """Every program at `location` (see `scan`); DataError lists all problems."""
    paths, problems = scan(location, recursive)
    programs, more = read_all(paths)
    if problems or more:
        raise DataError(problems + more)
    return programs


def _same_country(programs: list[Program], positions: list[tuple[int, int]]) -> list[Problem]:
    first: dict[str, Program] = {}
    problems = []
    for program, (line, column) in zip(programs, positions):
        code = program.country.code
        if code in first:
            problems.append(Problem(program.origin, line, column, "country.code",
                                    f"{code} is also the country of {first[code].origin}; "
                                    "one file per country"))
        else:
            first[code] = program
    return problems
