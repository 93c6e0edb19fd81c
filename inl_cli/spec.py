"""What a program file may hold, as one description used twice.

`load` walks composed YAML nodes with it, building the model and collecting
every problem with its line; `json_schema()` turns it into the JSON Schema that
editors use. Kinds read the node itself, not a constructed value, so line
numbers survive and YAML 1.1 surprises (`NO` as a boolean) are caught with a hint.
"""
from __future__ import annotations

import math
from collections import namedtuple

from . import model
from .dates import MAX_YEAR, MIN_YEAR, DateError, PartialDate, Span
from .text import WEB_ADDRESS_PATTERN, WEB_ADDRESS_RULE, web_address_problem

STR, INT, FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_NAMES = {
    STR: "text",
    INT: "a number",
    FLOAT: "a number",
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:null": "nothing (null)",
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


class Text:
    def __init__(self, pattern: str | None = None, hint: str = ""):
        self.pattern = pattern
        self.hint = hint
        self._regex = None

    def load(self, node, path, checker):
        if type(node).__name__ != "ScalarNode" or node.tag != STR:
            quote = " (put it in quotes)" if type(node).__name__ == "ScalarNode" else ""
            return checker.problem(node, path, f"expected text, got {describe(node)}{quote}")
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
            got = node.value if type(node).__name__ == "ScalarNode" else describe(node)
            return checker.problem(node, path, f"expected one of {', '.join(self.values)}, got {got!r}")
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
            got = quoted(node.value) if scalar else describe(node)
            return checker.problem(node, path, f"this inl reads schema_version {model.SCHEMA_VERSION}, got {got}")
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
            return checker.problem(node, path, f"expected a number, got {describe(node)}{hint}")
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
            return checker.problem(node, path, f"expected a date, got {describe(node)}{hint}")
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


class When:
    """A partial date, or a span written as a mapping with start and end."""

    def __init__(self):
        self.date = Date()

    def load(self, node, path, checker):
        if type(node).__name__ != "MappingNode":
            return self.date.load(node, path, checker)
        span = SPAN.load(node, path, checker)
        if span is INVALID:
            return span
        start, end = span
        if end is not None and end.last_day < start.first_day:
            return checker.problem(node, path, f"span ends ({end}) before it starts ({start})")
        return Span(start, end)

    def schema(self) -> dict:
        return {"anyOf": [self.date.schema(), SPAN.schema()]}


class Field(namedtuple("Field", "kind doc required", defaults=(False,))):
    """Fields: kind: object, doc: str, required: bool."""

    __slots__ = ()


class ListOf:
    """A list of `kind`. Whether an item failed is told by the count of problems, as in `Record`: every
    kind returns INVALID exactly when it adds a problem."""

    def __init__(self, kind):
        self.kind = kind

    def load(self, node, path, checker):
        if type(node).__name__ != "SequenceNode":
            return checker.problem(node, path, f"expected a list, got {describe(node)}")
        if id(node) in checker.seen:
            return checker.problem(node, path, "repeats the list anchored here through an alias (*name); "
                                           "aliases are not supported, write it out")
        checker.seen.add(id(node))
        before = len(checker.problems)
        load = self.kind.load
        items = tuple([load(item, f"{path}[{i}]", checker) for i, item in enumerate(node.value)])
        return INVALID if len(checker.problems) != before else items

    def schema(self) -> dict:
        return {"type": "array", "items": self.kind.schema()}


class Record:
    """A mapping with known fields, built into `make(**fields)`."""

    def __init__(self, make, doc: str, fields: dict[str, Field]):
        self.make = make
        self.doc = doc
        self.fields = fields
        self.required = tuple(name for name, field in fields.items() if field.required)

    def load(self, node, path, checker):
        """Every field loaded, or INVALID once any problem is found. A kind returns INVALID exactly when it
        adds a problem, so the count of problems tells; this runs for every mapping of every file."""
        if type(node).__name__ != "MappingNode":
            return checker.problem(node, path, f"expected a mapping, got {describe(node)}")
        if id(node) in checker.seen:
            return checker.problem(node, path, "repeats the mapping anchored here through an alias (*name); "
                                           "aliases are not supported, write it out")
        checker.seen.add(id(node))
        before = len(checker.problems)
        fields, values = self.fields, {}
        prefix = f"{path}." if path else ""
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.tag != STR or type(key_node).__name__ != "ScalarNode":
                self._bad_key(key_node, path, prefix, checker)
                continue
            field = fields.get(key)
            if field is None:
                checker.problem(key_node, prefix + key, self._unknown(key))
            elif key in values:
                first = next(k for k, _ in node.value if k.value == key and k.tag == STR)
                line = first.start_mark.line + 1
                checker.problem(key_node, prefix + key, f"duplicate key (first on line {line})")
            else:
                values[key] = field.kind.load(value_node, prefix + key, checker)
        for name in self.required:
            if name not in values:
                checker.problem(node, prefix + name, "required field is missing")
        if len(checker.problems) != before:
            return INVALID
        return self.make(**values)

    @staticmethod
    def _bad_key(key_node, path, prefix, checker) -> None:
        if type(key_node).__name__ != "ScalarNode":
            checker.problem(key_node, path, f"expected a field name, got {describe(key_node)} as a key "
                                        "(a mapping takes one pair of braces, not two)")
        else:
            checker.problem(key_node, f"{prefix}{key_node.value}",
                        f"a field name must be plain text, got {describe(key_node)}")

    def _unknown(self, key) -> str:
        import difflib

        close = difflib.get_close_matches(str(key), self.fields, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown field ({hint}expected one of: {', '.join(self.fields)})"

    def schema(self) -> dict:
        return {
            "type": "object",
            "description": self.doc,
            "additionalProperties": False,
            "required": [name for name, field in self.fields.items() if field.required],
            "properties": {
                name: {"description": field.doc, **field.kind.schema()} for name, field in self.fields.items()
            },
        }


def _pair(start, end=None):
    return (start, end)


SPAN = Record(_pair, "A span of time, both ends inclusive; without an end it is ongoing (\"since 2012\").", {
    "start": Field(Date(), "First date of the span.", required=True),
    "end": Field(Date(), "Last date of the span; not before the start. Leave out while it goes on."),
})
WHEN = When()
PARTNER_REFS = ListOf(Ref("partners"))

RESULT = Record(model.Result, "A number the page reports, with what it counts.", {
    "value": Field(Number(), "The number itself: 98, not \"98 officers\".", required=True),
    "unit": Field(Text(), "What is counted, plural: police officers, community awareness meetings.",
                  required=True),
    "qualifier": Field(OneOf(model.QUALIFIERS), "How the page states the number: exact unless it says "
                       "over, at least, about, up to or fewer than."),
    "description": Field(Text(), "What the number measures, in a phrase."),
})
MILESTONE = Record(model.Milestone, "A later dated step inside an accomplishment.", {
    "date": Field(WHEN, "When it happened.", required=True),
    "title": Field(Text(), "What happened, in a short sentence.", required=True),
    "partners": Field(PARTNER_REFS, "Ids of the partners involved."),
})
ACCOMPLISHMENT = Record(model.Accomplishment, "One accomplishment listed on the page.", {
    "id": Field(Id("accomplishments"), "Short unique id.", required=True),
    "title": Field(Text(), "A short title.", required=True),
    "date": Field(WHEN, "When it happened, at the precision the page gives; leave out if undated."),
    "partners": Field(PARTNER_REFS, "Ids of the partners involved."),
    "location": Field(Text(), "Where, if the page says."),
    "summary": Field(Text(), "What was done, in a sentence or two.", required=True),
    "details": Field(ListOf(Text()), "Further facts the page gives."),
    "results": Field(ListOf(RESULT), "Numbers the page reports for it."),
    "milestones": Field(ListOf(MILESTONE), "Later dated steps."),
})
PARTNER = Record(model.Partner, "An organisation INL works with or through.", {
    "id": Field(Id("partners"), "Short unique id that accomplishments refer to.", required=True),
    "name": Field(Text(), "Full name.", required=True),
    "abbreviation": Field(Text(), "Usual abbreviation, if any."),
    "role": Field(Text(), "Its part in the program: government counterpart, implementing partner, ...",
                  required=True),
})
GOAL = Record(model.Goal, "An aim of the program.", {
    "id": Field(Id("goals"), "Short unique id.", required=True),
    "title": Field(Text(), "A short title.", required=True),
    "text": Field(Text(), "The goal in a sentence.", required=True),
    "crimes": Field(ListOf(Text()), "Crimes this goal targets, if the page names them."),
})
EVENT = Record(model.Event, "A dated fact that gives context.", {
    "date": Field(WHEN, "When.", required=True),
    "title": Field(Text(), "What happened.", required=True),
})
CHALLENGE = Record(model.Challenge, "A challenge the program answers.", {
    "id": Field(Id("challenges"), "Short unique id.", required=True),
    "title": Field(Text(), "A short title.", required=True),
    "text": Field(Text(), "The challenge in a sentence or two.", required=True),
    "events": Field(ListOf(EVENT), "Dated context, shown on the timeline."),
})
PROGRAM = Record(model.Program, "One INL country program, from INL's summary page for the country.", {
    "schema_version": Field(Version(), "Version of this file layout.", required=True),
    "country": Field(Record(model.Country, "The country.", {
        "name": Field(Text(), "Name in English, as INL writes it.", required=True),
        "code": Field(Text(r"[A-Z]{2}", "an ISO 3166-1 alpha-2 code like \"CI\""),
                      "ISO 3166-1 alpha-2 code; quote it (\"NO\" is a boolean in YAML 1.1).", required=True),
    }), "The country of the program.", required=True),
    "bureau": Field(Record(model.Bureau, "The bureau that runs the program.", {
        "name": Field(Text(), "Full name.", required=True),
        "abbreviation": Field(Text(), "Abbreviation.", required=True),
        "department": Field(Text(), "The department it belongs to.", required=True),
        "mission": Field(Text(), "The bureau's mission as the page states it."),
    }), "The bureau that runs the program.", required=True),
    "source": Field(Record(model.Source, "Where the facts come from.", {
        "title": Field(Text(), "Title of the page.", required=True),
        "url": Field(WebAddress(), f"Address of the page: {WEB_ADDRESS_RULE}.", required=True),
    }), "The page the facts come from.", required=True),
    "challenges": Field(ListOf(CHALLENGE), "Challenges the program answers."),
    "goals": Field(ListOf(GOAL), "Aims of the program."),
    "partners": Field(ListOf(PARTNER), "Organisations the program works with."),
    "accomplishments": Field(ListOf(ACCOMPLISHMENT), "Accomplishments, in the page's order."),
})


def json_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:inl-cli:program-schema:1",
        "title": "INL country program",
        **PROGRAM.schema(),
    }


#: The ISO 3166-1 alpha-2 codes (as pycountry lists them; a test keeps the two equal). `inl validate` checks a
#: program's country code against them; other commands read any two capital letters.
ISO_3166_ALPHA2 = frozenset("""
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
    BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI
    FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN
    IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
    MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
    PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE
    YT ZA ZM ZW
""".split())


def unassigned_code(program: model.Program) -> str | None:
    """Why the program's country code is not an ISO 3166-1 alpha-2 code, or None."""
    code = program.country.code
    if code in ISO_3166_ALPHA2:
        return None
    return f"{code} is not an ISO 3166-1 alpha-2 country code (Côte d'Ivoire is CI, The Gambia GM)"
