"""Select from programs: timeline entries, windows, partners and kinds. No printing."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from .dates import PRECISIONS, PartialDate, When, overlaps, start_of
from .model import Program

KINDS = ("accomplishment", "milestone", "context")


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the timeline."""

    program: Program
    when: When | None
    title: str
    kind: str
    partners: tuple[str, ...] = ()

    def sort_key(self):
        start = start_of(self.when)
        return (start.first_day, PRECISIONS.index(start.precision), self.title)


@dataclass(frozen=True, slots=True)
class Window:
    start: PartialDate | None = None
    end: PartialDate | None = None

    @property
    def first(self) -> date | None:
        return self.start.first_day if self.start else None

    @property
    def last(self) -> date | None:
        return self.end.last_day if self.end else None

    def describe(self) -> str:
        if self.start and self.end:
            return f"{self.start.display()} to {self.end.display()}"
        if self.start:
            return f"from {self.start.display()}"
        if self.end:
            return f"until {self.end.display()}"
        return ""


def entries(programs: list[Program]) -> list[Entry]:
    """Every accomplishment, milestone and context event, dated or not, in file order."""
    found = []
    for program in programs:
        for challenge in program.challenges:
            found += [Entry(program, event.date, event.title, "context") for event in challenge.events]
        for item in program.accomplishments:
            found.append(Entry(program, item.date, item.title, "accomplishment", item.partners))
            found += [Entry(program, m.date, m.title, "milestone", m.partners) for m in item.milestones]
    return found


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Côte d’Ivoire' -> "cote d'ivoire"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def partner_matches(program: Program, ids: tuple[str, ...], wanted: str) -> bool:
    """Whether one of `ids` names the partner `wanted` by id, name or abbreviation."""
    wanted = fold(wanted)
    for partner in program.partners:
        if partner.id in ids and wanted in (fold(partner.id), fold(partner.name), fold(partner.abbreviation or "")):
            return True
    return False


def timeline(programs: list[Program], window: Window = Window(), partner: str | None = None,
             kinds: tuple[str, ...] = ()) -> tuple[list[Entry], list[Entry]]:
    """Dated entries in the window, sorted, and the undated ones that pass the same filters."""
    dated, undated = [], []
    for entry in entries(programs):
        if kinds and entry.kind not in kinds:
            continue
        if partner and not partner_matches(entry.program, entry.partners, partner):
            continue
        if entry.when is None:
            undated.append(entry)
        elif overlaps(entry.when, window.first, window.last):
            dated.append(entry)
    dated.sort(key=Entry.sort_key)
    return dated, undated
