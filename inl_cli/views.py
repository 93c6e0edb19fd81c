"""Views: the model as titled tables of rows, the one shape every renderer draws.

A column is `human` when people read it (terminal, Markdown) and `machine` when
programs do (JSON, CSV); a date is one human column ("2015–2018") and three
machine ones (start, end, precision), so no renderer has to know about dates.
"""
from __future__ import annotations

from collections import namedtuple
from functools import lru_cache

from . import query
from .dates import PRECISIONS, PartialDate, Span, When, end_of, start_of
from .model import Program, amount


class Column(namedtuple("Column", "key title human machine join highlight", defaults=(True, True, ", ", ""))):
    """Fields: key: str, title: str, human: bool, machine: bool, join: str, highlight: str.
    join: How a list value is shown to people: one line or one item a line.
    highlight: The key of a hidden column of (start, end) spans that people should see highlighted.
    """

    __slots__ = ()


class Table(namedtuple("Table", "name title columns rows note heading", defaults=("", ""))):
    """Fields: name: str, title: str, columns: tuple[Column, ...], rows: list[dict], note: str, heading: str.
    note: A closing line for people, such as how to see what was left out.
    heading: The title without the program, for a section of a report.
    """

    __slots__ = ()

    @property
    def human_columns(self) -> list[Column]:
        return [c for c in self.columns if c.human]

    @property
    def machine_columns(self) -> list[Column]:
        return [c for c in self.columns if c.machine]


def date_columns() -> tuple[Column, ...]:
    return (
        Column("when", "When"),
        Column("start", "Start", human=False),
        Column("end", "End", human=False),
        Column("precision", "Precision", human=False),
    )


@lru_cache(maxsize=4096)  # the same dates recur across views and rows; callers copy the cells (**)
def date_cells(when: When | None) -> dict:
    if when is None:
        return {"when": "undated", "start": None, "end": None, "precision": None}
    return {
        "when": when.display(),
        "start": start_of(when).iso(),
        "end": end.iso() if (end := end_of(when)) is not None else None,
        "precision": when.precision,
    }


def _with_country(programs: list[Program], columns: tuple[Column, ...]) -> tuple[Column, ...]:
    if len(programs) > 1:
        return (Column("country", "Country"),) + columns
    return columns


def _rows(programs: list[Program], name: str, heading: str, columns, make_rows) -> Table:
    """A table over every program, with a Country column when there are several."""
    rows, several = [], len(programs) > 1
    for program in programs:
        for row in make_rows(program):
            if several:  # renderers read rows by column, so the key's place in the dict does not matter
                row["country"] = program.country.name
            rows.append(row)
    return Table(name, _title(heading, programs), _with_country(programs, columns), rows, heading=heading)


def _years(whens) -> str:
    """"2013–2020", "2013", or "since 2007" when something is still going on (an open span), as its dates read."""
    years = [_year_range(w) for w in set(whens) if w is not None]
    if not years:
        return ""
    first = min(pair[0] for pair in years)
    if any(pair[1] is None for pair in years):
        return f"since {first}"
    last = max(pair[1] for pair in years)
    return str(first) if first == last else f"{first}–{last}"


@lru_cache(maxsize=4096)  # dates recur across programs
def _year_range(when) -> tuple[int, int | None]:
    end = end_of(when)
    return start_of(when).year, (end.last_day.year if end is not None else None)


def _own_dates(program: Program):
    """The dates of INL's own entries (accomplishments and their milestones), as `query.entries` has them."""
    for item in program.accomplishments:
        yield item.date
        for milestone in item.milestones:
            yield milestone.date


def years_covered(program: Program) -> str:
    """"2013–2020": the first and last years of INL's own entries (accomplishments and milestones)."""
    return _years(e.when for e in query.entries([program]) if e.kind != "context")


def context_years(program: Program) -> str:
    """"2011": the years of the context events the challenges mention."""
    return _years(e.when for e in query.entries([program]) if e.kind == "context")


def overview(programs: list[Program]) -> Table:
    columns = (Column("field", "Field"), Column("value", "Value"))

    def rows(program: Program):
        undated = sum(1 for a in program.accomplishments if a.date is None)
        results = sum(len(a.results) for a in program.accomplishments)
        count = f"{len(program.accomplishments)}" + (f" ({undated} undated)" if undated else "")
        context = _years(event.date for challenge in program.challenges for event in challenge.events)
        return [
            {"field": "Country", "value": f"{program.country.name} ({program.country.code})"},
            {"field": "Bureau", "value": f"{program.bureau.name} ({program.bureau.abbreviation})"},
            {"field": "Department", "value": program.bureau.department},
            {"field": "INL's work", "value": _years(_own_dates(program))},
            *([{"field": "Context", "value": context}] if context else []),
            {"field": "Challenges", "value": len(program.challenges)},
            {"field": "Goals", "value": len(program.goals)},
            {"field": "Partners", "value": len(program.partners)},
            {"field": "Accomplishments", "value": count},
            {"field": "Results", "value": results},
            {"field": "Source", "value": program.source.title},
            {"field": "Address", "value": program.source.url},
        ]

    return _rows(programs, "overview", "Overview", columns, rows)


def challenges(programs: list[Program]) -> Table:
    columns = (
        Column("id", "Id", human=False),
        Column("title", "Challenge"),
        Column("text", "Description"),
        Column("context", "Context", join="\n"),
    )

    def rows(program: Program):
        for item in program.challenges:
            context = [f"{e.date.display()}: {e.title}" for e in item.events]
            yield {"id": item.id, "title": item.title, "text": item.text, "context": context}

    return _rows(programs, "challenges", "Challenges", columns, rows)


def goals(programs: list[Program]) -> Table:
    columns = (
        Column("id", "Id", human=False),
        Column("title", "Goal"),
        Column("text", "Description"),
        Column("crimes", "Crimes targeted", join="\n"),
    )

    def rows(program: Program):
        for item in program.goals:
            yield {"id": item.id, "title": item.title, "text": item.text, "crimes": list(item.crimes)}

    return _rows(programs, "goals", "Goals", columns, rows)


def partners(programs: list[Program]) -> Table:
    columns = (
        Column("id", "Id", human=False),
        Column("name", "Partner"),
        Column("abbreviation", "Abbreviation"),
        Column("role", "Role"),
        Column("accomplishments", "Accomplishments", join="\n"),
    )

    def rows(program: Program):
        for item in program.partners:
            involved = [a.title for a in program.accomplishments
                        if item.id in a.partners or any(item.id in m.partners for m in a.milestones)]
            yield {"id": item.id, "name": item.name, "abbreviation": item.abbreviation,
                   "role": item.role, "accomplishments": involved}

    return _rows(programs, "partners", "Partners", columns, rows)


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


def _sorted_rows(programs: list[Program], name: str, heading: str, columns, make_row, sort: str,
                 order=None) -> Table:
    """Like `_rows`, over accomplishments in `sort` order across every program, one row each; `order`, when
    given, is `in_order(programs, sort)` already worked out (a report sorts once for its three sorted views)."""
    pairs = in_order(programs, sort) if order is None else order
    rows = [make_row(program, item) for program, item in pairs]
    if len(programs) > 1:  # renderers read rows by column, so the key's place in the dict does not matter
        for row, (program, _) in zip(rows, pairs):
            row["country"] = program.country.name
    return Table(name, _title(heading, programs), _with_country(programs, columns), rows, heading=heading)


@lru_cache(maxsize=4096)  # milestone dates recur
def _shown_date(when) -> str:
    return when.display()


def _partner_names(programs: list[Program]):
    """`program.partner_names(ids)` over many rows: each program's partners looked up by id, built once."""
    lookup = {id(program): {p.id: p.abbreviation or p.name for p in program.partners} for program in programs}

    def names(program: Program, ids) -> list[str]:
        if not ids:
            return []
        known = lookup[id(program)]
        return [known[i] for i in ids if i in known]

    return names


def _milestones(item) -> list[str]:
    return [f"{_shown_date(m.date)}: {m.title}" for m in item.milestones]


def accomplishments(programs: list[Program], sort: str = "date", order=None) -> Table:
    columns = (
        Column("id", "Id", human=False),
        *date_columns(),
        Column("title", "Accomplishment"),
        Column("partners", "Partners"),
        Column("results", "Results", join="\n"),
        Column("location", "Location", human=False),
        Column("summary", "Summary", human=False),
        Column("milestones", "Milestones", human=False),
    )

    partner_names = _partner_names(programs)

    def row(program: Program, item):
        return {"id": item.id, **date_cells(item.date), "title": item.title,
                "partners": partner_names(program, item.partners),
                "results": [r.display() for r in item.results],
                "location": item.location, "summary": item.summary, "milestones": _milestones(item)}

    return _sorted_rows(programs, "accomplishments", "Accomplishments", columns, row, sort, order)


def details(programs: list[Program], sort: str = "date", order=None) -> Table:
    columns = (
        Column("id", "Id", human=False),
        *date_columns(),
        Column("title", "Accomplishment"),
        Column("location", "Location"),
        Column("summary", "Summary"),
        Column("details", "Details", join="\n"),
        Column("milestones", "Milestones", join="\n"),
    )

    def row(program: Program, item):
        return {"id": item.id, **date_cells(item.date), "title": item.title, "location": item.location,
                "summary": item.summary, "details": list(item.details), "milestones": _milestones(item)}

    return _sorted_rows(programs, "details", "Accomplishment details", columns, row, sort, order)


def results(programs: list[Program], sort: str = "date", order=None) -> Table:
    columns = (
        Column("accomplishment_id", "Accomplishment id", human=False),
        Column("accomplishment", "Accomplishment"),
        *date_columns(),
        Column("result", "Result", machine=False),
        Column("value", "Value", human=False),
        Column("qualifier", "Qualifier", human=False),
        Column("unit", "Unit", human=False),
        Column("description", "Description"),
    )

    pairs = in_order(programs, sort) if order is None else order
    several = len(programs) > 1
    rows = [{**({"country": program.country.name} if several else {}),
             "accomplishment_id": item.id, "accomplishment": item.title, **date_cells(item.date),
             "result": result.display(), "value": result.value, "qualifier": result.qualifier,
             "unit": result.unit, "description": result.description}
            for program, item in pairs for result in item.results]
    return Table("results", _title("Results", programs), _with_country(programs, columns), rows, heading="Results")


def timeline(programs: list[Program], window: query.Window = query.Window(), partners=(),
             kinds: tuple[str, ...] = (), undated: bool = False) -> Table:
    dated, missing = query.timeline(programs, window, partners, kinds)
    columns = (
        *date_columns(),
        Column("title", "Entry"),
        Column("kind", "Kind"),
        Column("partners", "Partners"),
    )
    shown = dated + missing if undated else dated
    partner_names = _partner_names(programs)
    rows = [
        {**({"country": e.program.country.name} if len(programs) > 1 else {}), **date_cells(e.when),
         "title": e.title, "kind": e.kind, "partners": partner_names(e.program, e.partners)}
        for e in shown
    ]
    note = ""
    if missing and not undated:
        one = len(missing) == 1
        note = (f"{len(missing)} undated accomplishment{'' if one else 's'} {'is' if one else 'are'} not shown; "
                f"add --undated to list {'it' if one else 'them'}.")
    title = _title("Timeline", programs)
    if window.describe():
        title += f", {window.describe()}"
    return Table("timeline", title, _with_country(programs, columns), rows, note, heading="Timeline")


def scope(programs: list[Program]) -> str:
    """"INL in Côte d'Ivoire", or "INL in 3 countries": what a table or report covers."""
    if len(programs) == 1:
        return f"INL in {programs[0].country.name}"
    return f"INL in {len(programs)} countries"


def _title(section: str, programs: list[Program]) -> str:
    return f"{section}: {scope(programs)}"


SECTIONS = {
    "overview": overview,
    "challenges": challenges,
    "goals": goals,
    "partners": partners,
    "accomplishments": accomplishments,
    "results": results,
    "details": details,
}


def shown_path(origin: str) -> str:
    """A program file's path as typed from here: relative to the working folder when inside it."""
    import os

    try:
        relative = os.path.relpath(origin)
    except ValueError:
        return origin
    return origin if relative.startswith("..") else relative


def countries(programs: list[Program]) -> Table:
    columns = (
        Column("country", "Country"),
        Column("code", "Code"),
        Column("accomplishments", "Accomplishments"),
        Column("years", "Years"),
        Column("source", "Source"),
        Column("file", "File"),
    )
    rows = []
    for program in programs:
        rows.append({"country": program.country.name, "code": program.country.code,
                     "accomplishments": len(program.accomplishments), "years": years_covered(program),
                     "source": program.source.url, "file": shown_path(program.origin) if program.origin else ""})
    count = len(programs)
    return Table("countries", f"Programs: {count} loaded", columns, rows, heading="Programs")


def search(programs: list[Program], text: str) -> Table:
    columns = (
        Column("section", "Section"),
        Column("item", "Item", human=False),
        Column("within", "Item", machine=False),
        Column("field", "Field"),
        Column("text", "Text", highlight="matches"),
        Column("matches", "Matches", human=False, machine=False),
    )
    hits = query.search(programs, text)
    several = len(programs) > 1
    rows = [{**({"country": h.program.country.name} if several else {}), "section": h.section, "item": h.item,
             "within": "" if h.item == h.text else h.item, "field": h.field, "text": h.text,
             "matches": h.spans} for h in hits]
    noun = "hit" if len(rows) == 1 else "hits"
    return Table("search", f"Search: {text!r}, {len(rows)} {noun}", _with_country(programs, columns), rows,
                 heading="Search")


def totals(programs: list[Program]) -> Table:
    columns = (
        Column("unit", "Unit"),
        Column("total", "Total", machine=False),
        Column("value", "Value", human=False),
        Column("qualifier", "Qualifier", human=False),
        Column("results", "Results added"),
        Column("countries", "Countries"),
        Column("left_out", "Not added", join="\n"),
    )
    found, left_out = query.totals(programs)
    missing: dict[str, list] = {}
    for program, result in left_out:
        missing.setdefault(result.unit, []).append((program, result))

    def listed(pairs):
        return [f"{amount(r.value, r.qualifier)} ({p.country.name})" for p, r in pairs]

    rows = []
    for t in found:
        partial = " (incomplete)" if t.unit in missing else ""
        rows.append({"unit": t.unit, "total": amount(t.value, t.qualifier) + partial, "value": t.value,
                     "qualifier": t.qualifier, "results": t.results, "countries": list(t.countries),
                     "left_out": listed(missing.pop(t.unit, []))})
    for unit, pairs in missing.items():
        rows.append({"unit": unit, "total": "none added", "value": None, "qualifier": None, "results": 0,
                     "countries": list(dict.fromkeys(p.country.name for p, _ in pairs)),
                     "left_out": listed(pairs)})
    note = ""
    if left_out:
        listed_all = "; ".join(f"{r.display()} ({p.country.name})" for p, r in left_out)
        note = f"Not added (neither exact nor a lower bound): {listed_all}."
    return Table("totals", _title("Totals", programs), columns, rows, note, heading="Totals")


class Report(namedtuple("Report", "title sources tables")):
    """A whole report: a title, the sources, and the chosen views in reading order.

    Fields: title: str, sources: list[dict], tables: list[Table].
    """

    __slots__ = ()


REPORT_SECTIONS = ("overview", "challenges", "goals", "accomplishments", "details", "results", "partners",
                   "timeline")


def report(programs: list[Program], sections: tuple[str, ...] = (), sort: str = "date") -> Report:
    """The chosen views in reading order; accomplishments in `sort` order (by date, undated last, or as
    the files list them)."""
    chosen = [name for name in REPORT_SECTIONS if not sections or name in sections]
    order = in_order(programs, sort) if any(name in SORTED for name in chosen) else None
    tables = [timeline(programs, undated=True) if name == "timeline"
              else SECTIONS[name](programs, sort, order) if name in SORTED else SECTIONS[name](programs)
              for name in chosen]
    sources = [{"country": p.country.name, "title": p.source.title, "url": p.source.url} for p in programs]
    return Report(scope(programs), sources, tables)


def document(programs: list[Program]) -> dict:
    """The whole program as plain data: the file's own layout, dates as ISO partial dates."""
    if len(programs) == 1:
        return _plain(programs[0])
    return {"schema_version": programs[0].schema_version, "programs": [_plain(p) for p in programs]}


def _plain(value):
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, Span):
        return {"start": value.start.iso(), "end": value.end.iso() if value.end is not None else None}
    if hasattr(value, "_fields"):
        return {name: _plain(getattr(value, name)) for name in value._fields if name != "origin"}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
