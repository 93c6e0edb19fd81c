"""The program as plain typed objects, built only by `load` after validation."""
from __future__ import annotations

from dataclasses import dataclass, field

from .dates import When

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


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    code: str


@dataclass(frozen=True, slots=True)
class Bureau:
    name: str
    abbreviation: str
    department: str
    mission: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Event:
    """A dated fact that gives context, such as the end of a crisis."""

    date: When
    title: str


@dataclass(frozen=True, slots=True)
class Challenge:
    id: str
    title: str
    text: str
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class Goal:
    id: str
    title: str
    text: str
    crimes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Partner:
    id: str
    name: str
    role: str
    abbreviation: str | None = None

    @property
    def label(self) -> str:
        return self.abbreviation or self.name


@dataclass(frozen=True, slots=True)
class Result:
    value: int | float
    unit: str
    qualifier: str = "exact"
    description: str | None = None

    def display(self) -> str:
        """`more than 100 community awareness meetings`."""
        return f"{amount(self.value, self.qualifier)} {self.unit}"


def amount(value: int | float, qualifier: str = "exact") -> str:
    """`more than 100`, `98`, `about 1,500`."""
    words = QUALIFIERS[qualifier]
    return f"{words} {value:,}" if words else f"{value:,}"


@dataclass(frozen=True, slots=True)
class Milestone:
    date: When
    title: str
    partners: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Accomplishment:
    id: str
    title: str
    summary: str
    date: When | None = None
    partners: tuple[str, ...] = ()
    location: str | None = None
    details: tuple[str, ...] = ()
    results: tuple[Result, ...] = ()
    milestones: tuple[Milestone, ...] = ()


@dataclass(frozen=True, slots=True)
class Program:
    schema_version: int
    country: Country
    bureau: Bureau
    source: Source
    challenges: tuple[Challenge, ...] = ()
    goals: tuple[Goal, ...] = ()
    partners: tuple[Partner, ...] = ()
    accomplishments: tuple[Accomplishment, ...] = ()
    origin: str = field(default="", compare=False)
    """The file the program was read from; not part of the data."""

    def partner_names(self, ids: tuple[str, ...]) -> list[str]:
        by_id = {partner.id: partner for partner in self.partners}
        return [by_id[i].label for i in ids if i in by_id]

    def whens(self) -> list[When]:
        """Every date and span the program mentions, in file order."""
        found: list[When] = [event.date for c in self.challenges for event in c.events]
        for item in self.accomplishments:
            if item.date is not None:
                found.append(item.date)
            found += [milestone.date for milestone in item.milestones]
        return found
