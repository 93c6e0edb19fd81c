"""YAML text to PyYAML's node tree, within bounds, with every refusal told at its line and column.

A program file is composed in one of two ways. `plain` lets PyYAML compose it, which is the fastest; it is
tried only where no anchor can be, and a file it fails on, or that turns out not to be a program, is composed
again by `compose`. That one builds the nodes from the parser's events without recursion, so the C and
pure-Python builds of PyYAML give the same problems, nesting is bounded (MAX_DEPTH) and an anchor is seen
even where no alias uses it. Before either, `count` refuses a file of more nodes than MAX_NODES, counting
events that are not kept.
"""
from __future__ import annotations

import re

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

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader, on libyaml where PyYAML was built with it."""
MAX_DEPTH = 64
"""Deepest nesting of lists and mappings; a program needs 7."""
MAX_NODES = 100_000
"""Most YAML nodes (values, lists and mappings) in a file; a program has a few thousand. 20 MB of `1,` held
as nodes took 5.85 GB; counted as events first, a file past this is one problem and costs no more memory."""
_MAYBE_ANCHOR = re.compile(r"(?:\A|[\s\[{,:])[&*][^\s\[\]{},]")
"""Where an anchor (&name) or alias (*name) could begin; a match only means the careful path is taken."""
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character YAML does not allow in a file."""
_NODE_MARKS = (",", "-", ":", "[", "{", "?", "!", "\n")
"""Characters at least one of which comes with every few nodes: their count bounds the nodes from above."""
_ANCHORED = "anchors (&name) are not supported; write the value out where it is used"


class Unreadable(Exception):
    """Text that gives no node tree: where (1-based line and column) and why, in words for people."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(f"{line}:{column}: {message}")
        self.line, self.column, self.message = line, column, message


class TooDeep(Exception):
    """Nesting went past MAX_DEPTH at `mark`."""

    def __init__(self, mark):
        super().__init__(mark)
        self.mark = mark


def count(text: str) -> None:
    """Unreadable where the text's YAML nodes go past MAX_NODES.

    A count of a few characters rules out nearly every file at once; a file that could hold more nodes has
    its parser's events counted one at a time (nothing kept), stopping at the cap. A syntax error before
    the cap is left to the composing that follows, which stops there too.
    """
    if sum(map(text.count, _NODE_MARKS)) * 3 <= MAX_NODES:
        return
    loader = LOADER(text)
    nodes = 0
    try:
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind in (ScalarEvent, SequenceStartEvent, MappingStartEvent, AliasEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    mark = event.start_mark
                    raise Unreadable(mark.line + 1, mark.column + 1,
                                     f"more than {MAX_NODES:,} YAML values, lists and mappings; a program has "
                                     "a few thousand")
            elif kind is StreamEndEvent:
                return
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def plain(text: str):
    """The node tree as PyYAML composes it, when the text can hold no anchor or alias; else None, as for a
    text PyYAML cannot compose (its problems are told by `careful`)."""
    if ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text):  # `in` first: a thousand times faster
        return None
    try:
        return yaml.compose(text, Loader=LOADER)
    except (yaml.YAMLError, RecursionError):
        return None


def careful(text: str) -> tuple[object, list[tuple[int, int, str]]]:
    """The node tree (None for an empty file) and the anchors and aliases found, as (line, column, message);
    Unreadable for a text that is not YAML, or nested deeper than MAX_DEPTH."""
    try:
        return _compose_bounded(text)
    except TooDeep as error:
        mark = error.mark
        raise Unreadable(mark.line + 1, mark.column + 1,
                         f"nested deeper than {MAX_DEPTH} levels of lists and mappings") from None
    except yaml.MarkedYAMLError as error:
        raise _syntax(error, text) from None
    except ReaderError as error:
        raise _not_allowed(error, text) from None
    except yaml.YAMLError as error:
        raise Unreadable(1, 1, f"YAML syntax: {error}") from None


def _syntax(error: yaml.MarkedYAMLError, text: str) -> Unreadable:
    mark = error.problem_mark or error.context_mark
    if _char_at(text, mark) == "\t":
        return Unreadable(mark.line + 1, mark.column + 1, "a tab cannot indent YAML; use spaces")
    message = error.problem or error.context or "not valid YAML"
    if error.context and error.problem and error.context_mark:
        message += f" ({error.context} started on line {error.context_mark.line + 1})"
    return Unreadable(mark.line + 1, mark.column + 1, f"YAML syntax: {message}")


def _not_allowed(error: ReaderError, text: str) -> Unreadable:
    """A character YAML does not allow (NUL, ESC, ...), told where it is alike from either parser (libyaml
    counts UTF-8 bytes, PyYAML characters), instead of `in "<unicode string>", position 5703`."""
    found = _NOT_YAML.search(text)
    at = found.start() if found else 0
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    code = ord(found.group()) if found else error.character
    return Unreadable(line, column, f"YAML syntax: character U+{code:04X} is not allowed in YAML; "
                                    f"in double quotes, write it as \\u{code:04x}")


def _char_at(text: str, mark) -> str:
    lines = text.splitlines()
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def _compose_bounded(text: str):
    """`compose`, with libyaml's own nesting limit (1,000 levels, met while it looks ahead) told as ours.

    The pure-Python parser, which has no limit, reads the text up to libyaml's stop and finds
    where nesting first went past MAX_DEPTH, so both builds report the same place.
    """
    try:
        return compose(text)
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" not in str(error.problem) or LOADER is yaml.SafeLoader:
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


def compose(text: str, loader_class=None) -> tuple[object, list[tuple[int, int, str]]]:
    """The node tree of one YAML document and the anchors and aliases found, as (line, column, message).

    Like yaml.compose, but iterative and depth-bounded (TooDeep); an alias still shares its anchored
    node, so the spec can say where a list or mapping repeats.
    """
    loader = (loader_class or LOADER)(text)
    try:
        loader.get_event()
        if loader.check_event(StreamEndEvent):
            return None, []
        loader.get_event()
        builder = _Builder(loader)
        root = builder.document()
        if not loader.check_event(StreamEndEvent):
            event = loader.get_event()
            raise ComposerError("expected a single document in the stream", root.start_mark,
                                "but found another document", event.start_mark)
        return root, builder.notes
    finally:
        loader.dispose()


class _Builder:
    """One document's nodes, built from the parser's events: the lists and mappings still open (each with
    the key waiting for its value), the anchors met, and the notes on them."""

    def __init__(self, loader):
        self.loader = loader
        self.open: list[list] = []
        self.anchors: dict[str, object] = {}
        self.notes: list[tuple[int, int, str]] = []
        self.root = None

    def document(self):
        """The document's root node, once its events up to the document's end are read."""
        get, open_ = self.loader.get_event, self.open
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent:
                node = self._scalar(event)
            elif kind is SequenceStartEvent or kind is MappingStartEvent:
                self._start(event, SequenceNode if kind is SequenceStartEvent else MappingNode)
                continue
            elif kind is SequenceEndEvent or kind is MappingEndEvent:
                node = open_.pop()[0]
                node.end_mark = event.end_mark
            elif kind is AliasEvent:
                node = self._alias(event)
            else:
                return self.root
            self._place(node)

    def _scalar(self, event) -> ScalarNode:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        self._anchor(event, node)
        return node

    def _start(self, event, cls) -> None:
        if len(self.open) >= MAX_DEPTH:
            raise TooDeep(event.start_mark)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(cls, None, event.implicit)
        node = cls(tag, [], event.start_mark, None, event.flow_style)
        self._anchor(event, node)
        self.open.append([node, None])

    def _anchor(self, event, node) -> None:
        if event.anchor is not None:
            self._note(event.start_mark, _ANCHORED)
            self.anchors[event.anchor] = node

    def _alias(self, event):
        node = self.anchors.get(event.anchor)
        if node is None:
            raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
        if type(node) is ScalarNode:
            self._note(event.start_mark, f"repeats the value anchored on line {node.start_mark.line + 1} "
                                         "through an alias (*name); aliases are not supported, write it out")
        return node

    def _note(self, mark, message: str) -> None:
        self.notes.append((mark.line + 1, mark.column + 1, message))

    def _place(self, node) -> None:
        """`node` as the root, the next item of the open list, or the key or value of the open mapping."""
        if not self.open:
            self.root = node
            return
        top = self.open[-1]
        if type(top[0]) is SequenceNode:
            top[0].value.append(node)
        elif top[1] is None:
            top[1] = node
        else:
            top[0].value.append((top[1], node))
            top[1] = None
