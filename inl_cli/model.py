"""The program as plain typed objects, built only by `load` after validation.

The types are namedtuples, not dataclasses: just as immutable, smaller in memory
when hundreds of programs are loaded, and free at start-up, where each dataclass
would generate and compile its methods on every run.
"""
from __future__ import annotations

from collections import namedtuple

SCHEMA_VERSION = 1

#: How a result's value is meant, with the words a reader sees before the number.
QUALIFIERS = {
    "exact": "",
    "about": "about",
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "at most",
    "fewer_than": "fewer than",
}


class Country(namedtuple("Country", "name code")):
    """Fields: name: str, code: str."""

    __slots__ = ()


class Bureau(namedtuple("Bureau", "name abbreviation department mission", defaults=(None,))):
    """Fields: name: str, abbreviation: str, department: str, mission: str | None."""

    __slots__ = ()


class Source(namedtuple("Source", "title url")):
    """Fields: title: str, url: str."""

    __slots__ = ()


class Event(namedtuple("Event", "date title")):
    """A dated fact that gives context, such as the end of a crisis.

    Fields: date: When, title: str."""

    __slots__ = ()


class Challenge(namedtuple("Challenge", "id title text events", defaults=((),))):
    """Fields: id: str, title: str, text: str, events: tuple[Event, ...]."""

    __slots__ = ()


class Goal(namedtuple("Goal", "id title text crimes events", defaults=((), ()))):
    """Fields: id: str, title: str, text: str, crimes: tuple[str, ...], events: tuple[Event, ...] (dated
    steps the page gives for the aim, such as the year an initiative began)."""

    __slots__ = ()


class Partner(namedtuple("Partner", "id name role abbreviation also_known_as", defaults=(None, ()))):
    """Fields: id: str, name: str, role: str, abbreviation: str | None, also_known_as: tuple[str, ...].
    name and abbreviation are the page's own; also_known_as holds other names of the body (its canonical
    name, an abbreviation the page does not use)."""

    __slots__ = ()


class Result(namedtuple("Result", "value unit qualifier description", defaults=("exact", None))):
    """Fields: value: int | float, unit: str, qualifier: str, description: str | None."""

    __slots__ = ()

    def display(self) -> str:
        """`more than 100 community awareness meetings`."""
        return f"{amount(self.value, self.qualifier)} {self.unit}"


def amount(value: int | float, qualifier: str = "exact") -> str:
    """`more than 100`, `98`, `about 1,500`."""
    words = QUALIFIERS[qualifier]
    return f"{words} {value:,}" if words else f"{value:,}"


class Milestone(namedtuple("Milestone", "date title partners", defaults=((),))):
    """Fields: date: When, title: str, partners: tuple[str, ...]."""

    __slots__ = ()


_ACCOMPLISHMENT = "id title summary date partners location details results milestones"


class Accomplishment(namedtuple("Accomplishment", _ACCOMPLISHMENT, defaults=(None, (), None, (), (), ()))):
    """Fields: id: str, title: str, summary: str, date: When | None, partners: tuple[str, ...], location: str |
    None, details: tuple[str, ...], results: tuple[Result, ...], milestones: tuple[Milestone, ...].
    """

    __slots__ = ()


_PROGRAM = ("schema_version country bureau source challenges goals partners accomplishments funding_notes "
            "origin")


class Program(namedtuple("Program", _PROGRAM, defaults=((), (), (), (), (), ""))):
    """Fields: schema_version: int, country: Country, bureau: Bureau, source: Source, challenges:
    tuple[Challenge, ...], goals: tuple[Goal, ...], partners: tuple[Partner, ...], accomplishments:
    tuple[Accomplishment, ...], funding_notes: tuple[str, ...], origin: str.
    funding_notes: What the page says of how the program is funded ("funded through the Trans-Sahara
    Counterterrorism Partnership"), in the page's words.
    origin: The file the program was read from; not part of the data.
    """

    __slots__ = ()
