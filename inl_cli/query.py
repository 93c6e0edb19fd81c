"""Select from programs: timeline entries, windows, partners and kinds. No printing."""
from __future__ import annotations

import re
from collections import namedtuple
from datetime import date
from functools import lru_cache

from .dates import PRECISIONS, overlaps, start_of
from .model import Program
from .text import fold, key

KINDS = ("accomplishment", "milestone", "context")


class Entry(namedtuple("Entry", "program when title kind partners about", defaults=((), None))):
    """One line of the timeline.

    Fields: program: Program, when: When | None, title: str, kind: str, partners: tuple[str, ...],
    about: Accomplishment | None (the accomplishment the entry is, or the one a milestone belongs to).
    """

    __slots__ = ()

    def sort_key(self):
        return _when_key(self.when) + (self.title,)


@lru_cache(maxsize=4096)  # dates recur across thousands of entries
def _when_key(when) -> tuple:
    start = start_of(when)
    return (start.first_day, PRECISIONS.index(start.precision))


class Window(namedtuple("Window", "start end", defaults=(None, None))):
    """Fields: start: PartialDate | None, end: PartialDate | None."""

    __slots__ = ()

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
    """Every accomplishment, milestone and context event (a challenge's or a goal's dated event), dated or
    not, in file order."""
    found = []
    for program in programs:
        for item in (*program.challenges, *program.goals):
            found += [Entry(program, event.date, event.title, "context") for event in item.events]
        for item in program.accomplishments:
            found.append(Entry(program, item.date, item.title, "accomplishment", item.partners, item))
            found += [Entry(program, m.date, m.title, "milestone", m.partners, item) for m in item.milestones]
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _own_names(partner) -> tuple[str, ...]:
    return fold(partner.id), fold(partner.name), fold(partner.abbreviation or "")


def is_partner(partner, wanted: str) -> bool:
    """Whether `wanted` names `partner`: its id, abbreviation, name or another name it is known by, or
    words of its name ("united nations" names the United Nations Development Programme)."""
    folded = fold(wanted).strip()
    if folded in _own_names(partner) or folded in map(fold, partner.also_known_as):
        return True
    words = _words(wanted)
    return bool(words) and set(words) <= set(_words(partner.name))


def named_partners(program: Program, wanted: str) -> set[str]:
    """The ids of the program's partners that `wanted` names: the ones whose own id, name or abbreviation
    it is, when there are such; else those it names as `is_partner` says (another name, words of a name).
    So `--partner GPS` is the Ghana Police Service, not also a body that lists GPS among its other names."""
    folded = fold(wanted).strip()
    own = {p.id for p in program.partners if folded in _own_names(p)}
    return own or {p.id for p in program.partners if is_partner(p, wanted)}


def wanted_partners(programs: list[Program], wanted) -> dict[int, frozenset[str]]:
    """{id(program): the ids of its partners that `wanted` (a name, or several) names}, found once for all
    the entries that are then checked against them (see `named_partners`)."""
    wanted = (wanted,) if isinstance(wanted, str) else wanted
    return {id(program): frozenset().union(*(named_partners(program, w) for w in wanted)) for program in programs}


def unknown_partners(programs: list[Program], wanted) -> list[str]:
    """The names in `wanted` that name no partner of any program."""
    return [w for w in wanted if not any(is_partner(p, w) for program in programs for p in program.partners)]


def timeline(programs: list[Program], window: Window = Window(), partners=(),
             kinds: tuple[str, ...] = ()) -> tuple[list[Entry], list[Entry]]:
    """Dated entries in the window, sorted, and the undated ones that pass the same filters.

    partners: names of partners (see `is_partner`); an entry is kept when it has any of them.
    """
    partners = (partners,) if isinstance(partners, str) else tuple(partners or ())
    named = wanted_partners(programs, partners) if partners else {}
    dated, undated = [], []
    first, last = window.first, window.last
    unbounded = first is None and last is None
    for entry in entries(programs):
        if kinds and entry.kind not in kinds:
            continue
        if partners and named[id(entry.program)].isdisjoint(entry.partners):
            continue
        if entry.when is None:
            undated.append(entry)
        elif unbounded or overlaps(entry.when, first, last):
            dated.append(entry)
    dated.sort(key=Entry.sort_key)
    return dated, undated


def narrow(programs: list[Program], window: Window | None = None, partners=()) -> list[Program]:
    """The programs with only the accomplishments that `show` and `export` keep for --from, --to and --partner,
    by the timeline's rules: an accomplishment whose date overlaps the window (an undated one falls in none),
    with one of `partners` (its own or a milestone's), and of its milestones those in the window. Challenges,
    goals and the partner list stay as they are."""
    window = window or Window()
    partners = tuple(partners or ())
    if window.start is None and window.end is None and not partners:
        return programs
    first, last = window.first, window.last
    bounded = first is not None or last is not None
    named = wanted_partners(programs, partners) if partners else {}
    narrowed = []
    for program in programs:
        kept = []
        for item in program.accomplishments:
            if bounded and (item.date is None or not overlaps(item.date, first, last)):
                continue
            if partners and named[id(program)].isdisjoint(
                    (*item.partners, *(pid for m in item.milestones for pid in m.partners))):
                continue
            kept.append(item._replace(milestones=tuple(m for m in item.milestones
                                                       if overlaps(m.date, first, last))))
        narrowed.append(program._replace(accomplishments=tuple(kept)))
    return narrowed


def describe_narrowing(window: Window | None, partners=()) -> str:
    """What `narrow` kept, for people: "Only accomplishments from 2015 to 2018, with UNDP." or ""."""
    window = window or Window()
    parts = []
    if window.start is not None:
        parts.append(f"from {window.start.display()}")
    if window.end is not None:
        parts.append(f"{'to' if window.start is not None else 'until'} {window.end.display()}")
    if partners:
        parts.append(("with " if not parts else ", with ") + " or ".join(partners))
    return f"Only accomplishments {' '.join(parts).replace(' , ', ', ')}." if parts else ""


def select(programs: list[Program], wanted: tuple[str, ...]) -> tuple[list[Program], list[str]]:
    """The programs whose country code or name matches one of `wanted`, and the names that matched none."""
    if not wanted:
        return programs, []
    keys = {key(w): w for w in wanted}
    chosen = [p for p in programs
              if key(p.country.code) in keys or key(p.country.name) in keys]
    found = {key(p.country.code) for p in chosen} | {key(p.country.name) for p in chosen}
    return chosen, [w for key, w in keys.items() if key not in found]


class Hit(namedtuple("Hit", "program section item field text spans")):
    """Fields: program: Program, section: str, item: str, field: str, text: str,
    spans: tuple[tuple[int, int], ...] (where the text matched).
    """

    __slots__ = ()


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the character it came from."""
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in fold(char):
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


def find_spans(text: str, needle: str) -> tuple[tuple[int, int], ...]:
    """Where `needle` occurs in `text`, ignoring case and accents, as (start, end) in `text`."""
    if text.isascii():
        folded = text.casefold()
        if needle not in folded:
            return ()
        origin = range(len(text))
    else:
        folded, origin = _folded_with_positions(text)
    spans, start = [], folded.find(needle)
    while needle and start != -1:
        end = start + len(needle)
        spans.append((origin[start], origin[end - 1] + 1))
        start = folded.find(needle, end)
    return tuple(spans)


def searchable(program: Program):
    """Every text a search looks at, as (section, item, field, text)."""
    for c in program.challenges:
        yield from (("challenge", c.title, f, t) for f, t in (("title", c.title), ("text", c.text)))
        yield from (("challenge", c.title, "event", e.title) for e in c.events)
    for g in program.goals:
        yield from (("goal", g.title, f, t) for f, t in (("title", g.title), ("text", g.text)))
        yield from (("goal", g.title, "crime", crime) for crime in g.crimes)
        yield from (("goal", g.title, "event", e.title) for e in g.events)
    for p in program.partners:
        for name, value in (("name", p.name), ("abbreviation", p.abbreviation), ("role", p.role)):
            if value:
                yield "partner", p.name, name, value
        yield from (("partner", p.name, "also known as", other) for other in p.also_known_as)
    yield from (("program", program.country.name, "funding note", note) for note in program.funding_notes)
    for a in program.accomplishments:
        for name, value in (("title", a.title), ("summary", a.summary), ("location", a.location)):
            if value:
                yield "accomplishment", a.title, name, value
        yield from (("accomplishment", a.title, "detail", d) for d in a.details)
        for r in a.results:
            described = f" ({r.description})" if r.description else ""
            yield "accomplishment", a.title, "result", r.display() + described
        yield from (("accomplishment", a.title, "milestone", m.title) for m in a.milestones)


def dated(program: Program):
    """Every date a search looks at, as (section, item, field, when)."""
    for c in program.challenges:
        yield from (("challenge", c.title, "event date", e.date) for e in c.events)
    for g in program.goals:
        yield from (("goal", g.title, "event date", e.date) for e in g.events)
    for a in program.accomplishments:
        if a.date is not None:
            yield "accomplishment", a.title, "date", a.date
        yield from (("accomplishment", a.title, "milestone date", m.date) for m in a.milestones)


def search(programs: list[Program], text: str) -> list[Hit]:
    """Every text, and every date, that contains `text`; a date also when `text` is a year, month or
    day that falls within it (2016 finds 2015–2018)."""
    from .dates import DateError, PartialDate

    needle = fold(text.strip())
    try:
        day_range = PartialDate.parse(text.strip())
    except DateError:
        day_range = None
    hits = []
    for program in programs:
        for section, item, field, value in searchable(program):
            spans = find_spans(value, needle)
            if spans:
                hits.append(Hit(program, section, item, field, value, spans))
        for section, item, field, when in dated(program):
            shown = when.display()
            spans = find_spans(shown, needle)
            if not spans and day_range and overlaps(when, day_range.first_day, day_range.last_day):
                spans = ((0, len(shown)),)
            if spans:
                hits.append(Hit(program, section, item, field, shown, spans))
    return hits


class Total(namedtuple("Total", "unit value qualifier results countries")):
    """Fields: unit: str, value: int | float, qualifier: str, results: int, countries: tuple[str, ...]."""

    __slots__ = ()


ADDABLE = ("exact", "at_least", "more_than")


def totals(programs: list[Program]):
    """Sums of results that share a unit and are exact or lower bounds, and the results left out."""
    groups: dict[str, list] = {}
    left_out = []
    for program in programs:
        for item in program.accomplishments:
            for result in item.results:
                if result.qualifier in ADDABLE:
                    groups.setdefault(result.unit, []).append((program, result))
                else:
                    left_out.append((program, result))
    found = []
    for unit, members in groups.items():
        qualifiers = {r.qualifier for _, r in members}
        if qualifiers == {"exact"}:
            qualifier = "exact"
        elif qualifiers <= {"exact", "more_than"}:
            qualifier = "more_than"
        else:
            qualifier = "at_least"
        countries = tuple(dict.fromkeys(p.country.name for p, _ in members))
        found.append(Total(unit, sum(r.value for _, r in members), qualifier, len(members), countries))
    return found, left_out
