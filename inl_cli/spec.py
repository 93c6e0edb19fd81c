"""What a program file may hold, as one description used twice.

`load` walks composed YAML nodes with it, building the model and collecting
every problem with its line; `json_schema()` turns it into the JSON Schema that
editors use. The values themselves are `kinds`; here they are put together into
lists, mappings and the program.
"""
from __future__ import annotations

from collections import namedtuple

from . import model
from .dates import Span
from .kinds import INVALID, STR, Date, Id, Number, OneOf, Ref, Text, Version, WebAddress, describe, got, is_null
from .text import WEB_ADDRESS_RULE


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
            return checker.problem(node, path, f"expected a list, got {got(node, path)}")
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
            return checker.problem(node, path, f"expected a mapping, got {got(node, path)}")
        if id(node) in checker.seen:
            return checker.problem(node, path, "repeats the mapping anchored here through an alias (*name); "
                                           "aliases are not supported, write it out")
        checker.seen.add(id(node))
        before = len(checker.problems)
        fields, values, given = self.fields, {}, set()
        prefix = f"{path}." if path else ""
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.tag != STR or type(key_node).__name__ != "ScalarNode":
                self._bad_key(key_node, path, prefix, checker)
                continue
            field = fields.get(key)
            if field is None:
                checker.problem(key_node, prefix + key, self._unknown(key))
            elif key in given:
                first = next(k for k, _ in node.value if k.value == key and k.tag == STR)
                line = first.start_mark.line + 1
                checker.problem(key_node, prefix + key, f"duplicate key (first on line {line})")
            else:
                given.add(key)
                if field.required or not is_null(value_node):  # null: left out, as JSON exports write it
                    values[key] = field.kind.load(value_node, prefix + key, checker)
        for name in self.required:
            if name not in given:
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
                name: {"description": field.doc, **(field.kind.schema() if field.required else
                                                    _or_null(field.kind.schema()))}
                for name, field in self.fields.items()
            },
        }


def _or_null(schema: dict) -> dict:
    """`schema`, or null: an optional field given null is a field left out."""
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if isinstance(schema.get("type"), str):
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


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
    "abbreviation": Field(Text(), "Abbreviation, if the page uses one."),
    "also_known_as": Field(ListOf(Text()), "Other names of the body that the page does not use: its "
                           "canonical name or abbreviation, for search."),
    "role": Field(Text(), "Its part in the program: government counterpart, implementing partner, ...",
                  required=True),
})
EVENT = Record(model.Event, "A dated fact that gives context.", {
    "date": Field(WHEN, "When.", required=True),
    "title": Field(Text(), "What happened.", required=True),
})
GOAL = Record(model.Goal, "An aim of the program.", {
    "id": Field(Id("goals"), "Short unique id.", required=True),
    "title": Field(Text(), "A short title.", required=True),
    "text": Field(Text(), "The goal in a sentence.", required=True),
    "crimes": Field(ListOf(Text()), "Crimes this goal targets, if the page names them."),
    "events": Field(ListOf(EVENT), "Dated steps toward the aim the page gives, shown on the timeline."),
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
    "funding_notes": Field(ListOf(Text()), "What the page says of how the program is funded, in a sentence "
                           "each."),
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
