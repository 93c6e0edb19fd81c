"""The shapes every view shares: columns, tables, dated items, and the helpers that build rows."""
from __future__ import annotations

from collections import namedtuple
from functools import lru_cache

from ..dates import PRECISIONS, end_of, start_of
from ..model import Program

#: The machine columns a date column adds after its own (which holds the date as people read it).
DATE_PARTS = ("start", "end", "precision")


class Column(namedtuple("Column", "key title human machine join highlight kind source",
                        defaults=(True, True, ", ", "", "text", ""))):
    """Fields: key: str, title: str, human: bool, machine: bool, join: str, highlight: str, kind: str, source: str.
    join: How a list value is shown to people: one line (", ") or one item a line ("\\n").
    highlight: The key of a hidden column of (start, end) spans that people should see highlighted.
    kind: "text" (any value), "date" (a PartialDate or Span, None when undated), or one of DATE_PARTS for
    the machine columns a date column adds, read from the date column named by `source`.
    """

    __slots__ = ()


class Table(namedtuple("Table", "name title columns rows note heading", defaults=("", ""))):
    """Fields: name: str, title: str, columns: tuple[Column, ...], rows: list[dict], note: str, heading: str.
    Rows hold values, not text: dates as PartialDate or Span, numbers as numbers, lists as lists. Each row of
    a view over programs also holds `program`, the Program it comes from, which no column shows: renderers
    group rows by it, never by the country's name, which two programs may share.
    note: A closing line for people, such as how to see what was left out.
    heading: The title without the program, for a section of a report.
    """

    __slots__ = ()

    @property
    def human_columns(self) -> list[Column]:
        return [c for c in self.columns if c.human]

    @property
    def machine_columns(self) -> list[Column]:
        """The columns of JSON and CSV: a date column is followed by its start, end and precision."""
        found = []
        for c in self.columns:
            if c.machine:
                found.append(c)
                if c.kind == "date":
                    found += [Column(part, part.title(), human=False, kind=part, source=c.key)
                              for part in DATE_PARTS]
        return found


class Dated(namedtuple("Dated", "when title")):
    """A dated item in a list cell, such as a milestone: people read it as "Jul 2020: title".

    Fields: when: PartialDate | Span, title: str."""

    __slots__ = ()


class Report(namedtuple("Report", "title sources tables")):
    """A whole report: a title, the sources, and the chosen views in reading order.

    Fields: title: str, sources: list[dict], tables: list[Table].
    """

    __slots__ = ()


def when_column() -> Column:
    return Column("when", "When", kind="date")


def scope(programs: list[Program]) -> str:
    """"INL in Côte d'Ivoire", or "INL in 3 countries": what a table or report covers."""
    if len(programs) == 1:
        return f"INL in {programs[0].country.name}"
    return f"INL in {len(programs)} countries"


def title(section: str, programs: list[Program]) -> str:
    return f"{section}: {scope(programs)}"


def with_country(programs: list[Program], columns: tuple[Column, ...]) -> tuple[Column, ...]:
    if len(programs) > 1:
        return (Column("country", "Country"),) + columns
    return columns


def table(programs: list[Program], name: str, heading: str, columns, rows, note: str = "") -> Table:
    """A table over every program, with a Country column when there are several."""
    return Table(name, title(heading, programs), with_country(programs, columns), rows, note, heading=heading)


def per_program(programs: list[Program], make_rows) -> list[dict]:
    """The rows `make_rows(program)` gives for each program, each with its program, and its country when
    there are several."""
    rows, several = [], len(programs) > 1
    for program in programs:
        for row in make_rows(program):
            row["program"] = program
            if several:  # renderers read rows by column, so the key's place in the dict does not matter
                row["country"] = program.country.name
            rows.append(row)
    return rows


def years(whens) -> str:
    """"2013–2020", "2013", or "since 2007" when something is still going on (an open span)."""
    found = [_year_range(w) for w in set(whens) if w is not None]
    if not found:
        return ""
    first = min(pair[0] for pair in found)
    if any(pair[1] is None for pair in found):
        return f"since {first}"
    last = max(pair[1] for pair in found)
    return str(first) if first == last else f"{first}–{last}"


@lru_cache(maxsize=4096)  # dates recur across programs
def _year_range(when) -> tuple[int, int | None]:
    end = end_of(when)
    return start_of(when).year, (end.last_day.year if end is not None else None)


SORTS = ("date", "file")
#: The sections that list accomplishments, and so take a sort order.
SORTED = ("accomplishments", "details", "results")


def in_order(programs: list[Program], sort: str = "date"):
    """(program, accomplishment) pairs by date, undated last, as the timeline orders them; or file order."""
    pairs = [(program, item) for program in programs for item in program.accomplishments]
    if sort == "file":
        return pairs
    pairs.sort(key=lambda pair: _date_order(pair[1].date))
    return pairs


@lru_cache(maxsize=4096)  # dates recur across thousands of accomplishments
def _date_order(when) -> tuple:
    if when is None:
        return (1,)
    start = start_of(when)
    return (0, start.first_day, PRECISIONS.index(start.precision), when.last_day)


def partner_names(programs: list[Program]):
    """names(program, ids): each program's partners looked up by id, the lookup built once for many rows."""
    lookup = {id(program): {p.id: p.abbreviation or p.name for p in program.partners} for program in programs}

    def names(program: Program, ids) -> list[str]:
        if not ids:
            return []
        known = lookup[id(program)]
        return [known[i] for i in ids if i in known]

    return names


def milestones(item) -> list[Dated]:
    return [Dated(m.date, m.title) for m in item.milestones]
