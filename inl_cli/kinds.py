"""The kinds of value a program file holds: text, ids, fixed words, numbers, dates.

Each kind reads a composed YAML node itself, not a constructed value, so line numbers survive and YAML 1.1
surprises (`NO` as a boolean) are caught with a hint; it returns the value, or INVALID once it has told the
`Checker` what is wrong. `schema()` describes the same rule as JSON Schema. `spec` puts kinds together into
the program.
"""
from __future__ import annotations

import math
from collections import namedtuple

from . import model
from .dates import MAX_YEAR, MIN_YEAR, DateError, PartialDate
from .text import WEB_ADDRESS_PATTERN, web_address_problem

STR, INT, FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
NULL = "tag:yaml.org,2002:null"
_NAMES = {
    STR: "text",
    INT: "a number",
    FLOAT: "a number",
    "tag:yaml.org,2002:bool": "a boolean",
    NULL: "nothing (null)",
    "tag:yaml.org,2002:timestamp": "a timestamp",
    "tag:yaml.org,2002:merge": "YAML's merge key <<",
    "tag:yaml.org,2002:value": "YAML's value key =",
}
INVALID = object()
"""Returned by a kind whose node had a problem (already reported)."""


class Problem(namedtuple("Problem", "file line column path message")):
    """Fields: file: str, line: int, column: int, path: str, message: str."""

    __slots__ = ()

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{self.message}"


class Checker:
    """Problems, ids and references gathered while one file is walked."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.ids: dict[str, dict[str, int]] = {}
        self.refs: list[tuple[str, str, object, str]] = []
        self.seen: set[int] = set()

    def problem(self, node, path: str, message: str) -> object:
        mark = node.start_mark
        self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, path, message))
        return INVALID

    def check_refs(self) -> None:
        for scope, value, node, path in self.refs:
            known = self.ids.get(scope, {})
            if value not in known:
                names = ", ".join(sorted(known)) or "none"
                self.problem(node, path, f"unknown {scope[:-1]} {value!r} (known: {names})")


def describe(node) -> str:
    kind = type(node).__name__
    if kind == "MappingNode":
        return "a mapping"
    if kind == "SequenceNode":
        return "a list"
    return _NAMES.get(node.tag, node.tag)


def is_null(node) -> bool:
    """Whether `node` is YAML's null: `~`, `null`, or nothing after the colon."""
    return node.tag == NULL and type(node).__name__ == "ScalarNode"


def got(node, path: str) -> str:
    """What `node` is, for `expected …, got …`. A null only gets this far as a required field or a list
    item (an optional field given null is left out), so it says what to do instead."""
    if not is_null(node):
        return describe(node)
    instead = "give a value or leave the item out" if path.endswith("]") else "the field is required, give a value"
    return f"nothing (null); {instead}"


class Text:
    def __init__(self, pattern: str | None = None, hint: str = ""):
        self.pattern = pattern
        self.hint = hint
        self._regex = None

    def load(self, node, path, checker):
        if type(node).__name__ != "ScalarNode" or node.tag != STR:
            quote = " (put it in quotes)" if type(node).__name__ == "ScalarNode" and not is_null(node) else ""
            return checker.problem(node, path, f"expected text, got {got(node, path)}{quote}")
        value = node.value
        if not value or value.isspace():
            return checker.problem(node, path, "must not be empty")
        if self.pattern:
            if self._regex is None:
                import re

                self._regex = re.compile(self.pattern)
            if not self._regex.fullmatch(value):
                return checker.problem(node, path, f"{value!r} is not {self.hint}")
        return value

    def schema(self) -> dict:
        schema = {"type": "string", "minLength": 1}
        if self.pattern:
            schema["pattern"] = f"^(?:{self.pattern})$"
        return schema


class WebAddress(Text):
    """A page's address, by the one rule of `text.web_address_problem`."""

    def load(self, node, path, checker):
        value = super().load(node, path, checker)
        if isinstance(value, str):
            problem = web_address_problem(value)
            if problem:
                return checker.problem(node, path, f"{quoted(value)}: {problem}")
        return value

    def schema(self) -> dict:
        return {"type": "string", "minLength": 1, "pattern": WEB_ADDRESS_PATTERN}


class _Identifier(Text):
    """Text that names an item of `scope` (partners, goals, ...)."""

    def __init__(self, scope: str):
        super().__init__(r"[a-z0-9][a-z0-9_-]*", "an id (lowercase letters, digits, - and _)")
        self.scope = scope


class Id(_Identifier):
    """An identifier other items refer to; unique within its scope."""

    def load(self, node, path, checker):
        value = super().load(node, path, checker)
        if value is INVALID:
            return value
        ids = checker.ids.setdefault(self.scope, {})
        if value in ids:
            return checker.problem(node, path, f"duplicate id {value!r} (first used on line {ids[value]})")
        ids[value] = node.start_mark.line + 1
        return value


class Ref(_Identifier):
    """The id of an item in another list, checked once the whole file is read."""

    def load(self, node, path, checker):
        value = super().load(node, path, checker)
        if value is not INVALID:
            checker.refs.append((self.scope, value, node, path))
        return value


class OneOf:
    """One of a few fixed words."""

    def __init__(self, values):
        self.values = tuple(values)

    def load(self, node, path, checker):
        if type(node).__name__ != "ScalarNode" or node.value not in self.values:
            scalar = type(node).__name__ == "ScalarNode" and not is_null(node)
            given = repr(node.value) if scalar else got(node, path)
            return checker.problem(node, path, f"expected one of {', '.join(self.values)}, got {given}")
        return node.value

    def schema(self) -> dict:
        return {"enum": list(self.values)}


def quoted(text: str, limit: int = 40) -> str:
    """`text` in quotes for a message, cut short when long (a 5,000-digit number)."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"… ({len(text):,} characters)"


class Version:
    """The layout version: a plain decimal integer (not 0x1, 1:00 or 1.0)."""

    def load(self, node, path, checker):
        scalar = type(node).__name__ == "ScalarNode"
        if not (scalar and node.tag == INT and node.value.isascii() and node.value.isdigit()
                and len(node.value) < 10 and int(node.value) == model.SCHEMA_VERSION):
            given = quoted(node.value) if scalar and not is_null(node) else got(node, path)
            return checker.problem(node, path, f"this inl reads schema_version {model.SCHEMA_VERSION}, "
                                               f"got {given}")
        return model.SCHEMA_VERSION

    def schema(self) -> dict:
        return {"const": model.SCHEMA_VERSION}


class Number:
    """A number as the page gives it, in decimal: YAML 1.1 also reads 0x1F, 0b11 and 017 (octal, 15) as
    numbers, which nobody restating a page means; they are refused rather than read otherwise than typed."""

    def load(self, node, path, checker):
        if type(node).__name__ != "ScalarNode" or node.tag not in (INT, FLOAT):
            hint = ""
            if type(node).__name__ == "ScalarNode" and node.tag == STR and _scientific(node.value):
                hint = f" (YAML 1.1 reads {node.value.strip()} as text; write {_yaml_float(node.value)})"
            return checker.problem(node, path, f"expected a number, got {got(node, path)}{hint}")
        text = node.value.replace("_", "").lstrip("+-")
        if node.tag == INT and not (text.isascii() and text.isdigit() and (text == "0" or text[0] != "0")):
            octal = text[:1] == "0" and text.isdigit()
            zero = " without a leading 0 (YAML 1.1 reads 017 as octal 15)" if octal else ""
            return checker.problem(node, path, f"expected a number in decimal{zero}, got {quoted(node.value)}")
        try:
            value = _int(node.value) if node.tag == INT else float(node.value.replace("_", ""))
        except ValueError:
            return checker.problem(node, path, f"expected a number in decimal, got {quoted(node.value)}")
        try:
            finite = math.isfinite(value)
        except OverflowError:
            finite = False
        if not finite:
            return checker.problem(node, path, f"expected a finite number, got {quoted(node.value)}")
        return value

    def schema(self) -> dict:
        return {"type": "number"}


def _scientific(text: str) -> bool:
    """Whether `text` is a number Python reads and YAML 1.1 does not, such as 1e6 or 2.5E3."""
    try:
        float(text)
    except ValueError:
        return False
    return "e" in text.lower()


def _yaml_float(text: str) -> str:
    """1e6 as YAML 1.1 reads a number: 1.0e+6 (a dot in the mantissa, a sign on the exponent)."""
    mantissa, exponent = text.strip().lower().split("e")
    if "." not in mantissa:
        mantissa += ".0"
    return f"{mantissa}e{exponent if exponent[:1] in '+-' else '+' + exponent}"


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return int(text.replace("_", ""), 0)


class Date:
    """A partial date: "2013", "2013-09" or "2013-09-04" (a bare year may go unquoted), in MIN_YEAR–MAX_YEAR."""

    def load(self, node, path, checker):
        if type(node).__name__ != "ScalarNode" or node.tag not in (STR, INT):
            hint = " (put it in quotes)" if node.tag == "tag:yaml.org,2002:timestamp" else ""
            return checker.problem(node, path, f"expected a date, got {got(node, path)}{hint}")
        try:
            value = PartialDate.parse(node.value)
        except DateError as error:
            return checker.problem(node, path, str(error))
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            return checker.problem(node, path, f"year {value.year} is outside the years a program may use "
                                           f"({MIN_YEAR}–{MAX_YEAR})")
        return value

    def schema(self) -> dict:
        years = f"a year from {MIN_YEAR} to {MAX_YEAR}"
        return {
            "anyOf": [
                # [12][0-9]{3} spells MIN_YEAR–MAX_YEAR; [0-9], as \d takes other digits in some regex engines
                {"type": "string", "description": f"YYYY, YYYY-MM or YYYY-MM-DD, {years}",
                 "pattern": r"^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"},
                {"type": "integer", "description": years.capitalize(), "minimum": MIN_YEAR, "maximum": MAX_YEAR},
            ]
        }
