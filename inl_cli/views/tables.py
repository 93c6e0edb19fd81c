"""One function per view: the model as a titled table of typed rows."""
from __future__ import annotations

from .. import query
from ..model import Program, amount
from .base import (
    Column,
    Dated,
    Table,
    in_order,
    milestones,
    partner_names,
    per_program,
    table,
    title,
    when_column,
    with_country,
    years,
)
from .funding import note as funding_note
from .funding import overview_rows


def _own_dates(program: Program):
    """The dates of INL's own entries: accomplishments and their milestones."""
    for item in program.accomplishments:
        yield item.date
        for milestone in item.milestones:
            yield milestone.date


def years_covered(program: Program) -> str:
    """"2013–2020": the first and last years of INL's own entries (accomplishments and milestones)."""
    return years(_own_dates(program))


def overview(programs: list[Program], spending=None) -> Table:
    """Each program in figures; with `spending` (a funding.Spending), its country's funding too."""
    columns = (Column("field", "Field"), Column("value", "Value"))

    def rows(program: Program):
        undated = sum(1 for a in program.accomplishments if a.date is None)
        results = sum(len(a.results) for a in program.accomplishments)
        context = years(event.date for item in (*program.challenges, *program.goals) for event in item.events)
        return [
            {"field": "Country", "value": f"{program.country.name} ({program.country.code})"},
            {"field": "Bureau", "value": f"{program.bureau.name} ({program.bureau.abbreviation})"},
            {"field": "Department", "value": program.bureau.department},
            {"field": "INL's work", "value": years_covered(program)},
            *([{"field": "Context", "value": context}] if context else []),
            {"field": "Challenges", "value": len(program.challenges)},
            {"field": "Goals", "value": len(program.goals)},
            {"field": "Partners", "value": len(program.partners)},
            {"field": "Accomplishments", "value": len(program.accomplishments)},
            {"field": "Undated", "value": undated},
            {"field": "Results", "value": results},
            *([{"field": "Funding notes", "value": " ".join(notes)}] if (notes := program.funding_notes) else []),
            *(overview_rows(spending, program) if spending is not None else []),
            {"field": "Source", "value": program.source.title},
            {"field": "Address", "value": program.source.url},
        ]

    return table(programs, "overview", "Overview", columns, per_program(programs, rows),
                 funding_note(spending) if spending is not None else "")


def challenges(programs: list[Program]) -> Table:
    columns = (
        Column("id", "Id", human=False),
        Column("title", "Challenge"),
        Column("text", "Description"),
        Column("context", "Context", join="\n"),
    )

    def rows(program: Program):
        for item in program.challenges:
            context = [Dated(e.date, e.title) for e in item.events]
            yield {"id": item.id, "title": item.title, "text": item.text, "context": context}

    return table(programs, "challenges", "Challenges", columns, per_program(programs, rows))


def goals(programs: list[Program]) -> Table:
    dated = any(item.events for program in programs for item in program.goals)
    columns = (
        Column("id", "Id", human=False),
        Column("title", "Goal"),
        Column("text", "Description"),
        Column("crimes", "Crimes targeted", join="\n"),
        *([Column("steps", "Dated steps", join="\n")] if dated else []),
    )

    def rows(program: Program):
        for item in program.goals:
            steps = [Dated(e.date, e.title) for e in item.events]
            yield {"id": item.id, "title": item.title, "text": item.text, "crimes": list(item.crimes),
                   "steps": steps}

    return table(programs, "goals", "Goals", columns, per_program(programs, rows))


def partners(programs: list[Program]) -> Table:
    known = any(item.also_known_as for program in programs for item in program.partners)
    columns = (
        Column("id", "Id", human=False),
        Column("name", "Partner"),
        Column("abbreviation", "Abbreviation"),
        *([Column("also_known_as", "Also known as", join="\n")] if known else []),
        Column("role", "Role"),
        Column("accomplishments", "Accomplishments", join="\n"),
    )

    def rows(program: Program):
        for item in program.partners:
            involved = [a.title for a in program.accomplishments
                        if item.id in a.partners or any(item.id in m.partners for m in a.milestones)]
            yield {"id": item.id, "name": item.name, "abbreviation": item.abbreviation,
                   "also_known_as": list(item.also_known_as), "role": item.role, "accomplishments": involved}

    return table(programs, "partners", "Partners", columns, per_program(programs, rows))


def _sorted_rows(programs: list[Program], make_row, sort: str, order) -> list[dict]:
    """A row per accomplishment across every program in `sort` order; `order`, when given, is
    `in_order(programs, sort)` already worked out (a report sorts once for its three sorted views)."""
    pairs = in_order(programs, sort) if order is None else order
    rows = [make_row(program, item) for program, item in pairs]
    several = len(programs) > 1
    for row, (program, _) in zip(rows, pairs):
        row["program"] = program
        if several:
            row["country"] = program.country.name
    return rows


def accomplishments(programs: list[Program], sort: str = "date", order=None) -> Table:
    columns = (
        Column("id", "Id", human=False),
        when_column(),
        Column("title", "Accomplishment"),
        Column("partners", "Partners"),
        Column("results", "Results", join="\n"),
        Column("location", "Location", human=False),
        Column("summary", "Summary", human=False),
        Column("milestones", "Milestones", human=False),
    )
    names = partner_names(programs)

    def row(program: Program, item):
        return {"id": item.id, "when": item.date, "title": item.title, "partners": names(program, item.partners),
                "results": [r.display() for r in item.results], "location": item.location,
                "summary": item.summary, "milestones": milestones(item)}

    rows = _sorted_rows(programs, row, sort, order)
    return table(programs, "accomplishments", "Accomplishments", columns, rows)


def details(programs: list[Program], sort: str = "date", order=None, report: bool = False) -> Table:
    """Each accomplishment's summary, facts and milestones; for a `report`, its partners and results too (a
    report's section per accomplishment holds everything, and JSON and CSV keep the view's columns)."""
    extra = (Column("partners", "Partners", machine=False), Column("results", "Results", join="\n", machine=False))
    columns = (
        Column("id", "Id", human=False),
        when_column(),
        Column("title", "Accomplishment"),
        *(extra[:1] if report else ()),
        Column("location", "Location"),
        Column("summary", "Summary"),
        Column("details", "Details", join="\n"),
        *(extra[1:] if report else ()),
        Column("milestones", "Milestones", join="\n"),
    )
    names = partner_names(programs)

    def row(program: Program, item):
        found = {"id": item.id, "when": item.date, "title": item.title, "location": item.location,
                 "summary": item.summary, "details": list(item.details), "milestones": milestones(item)}
        if report:
            found.update(partners=names(program, item.partners), results=[r.display() for r in item.results])
        return found

    rows = _sorted_rows(programs, row, sort, order)
    return table(programs, "details", "Accomplishment details", columns, rows)


def results(programs: list[Program], sort: str = "date", order=None) -> Table:
    columns = (
        Column("accomplishment_id", "Accomplishment id", human=False),
        Column("accomplishment", "Accomplishment"),
        when_column(),
        Column("result", "Result", machine=False),
        Column("value", "Value", human=False),
        Column("qualifier", "Qualifier", human=False),
        Column("unit", "Unit", human=False),
        Column("description", "Description"),
    )
    pairs = in_order(programs, sort) if order is None else order
    several = len(programs) > 1
    rows = [{**({"country": program.country.name} if several else {}),
             "accomplishment_id": item.id, "accomplishment": item.title, "when": item.date,
             "result": result.display(), "value": result.value, "qualifier": result.qualifier,
             "unit": result.unit, "description": result.description, "program": program}
            for program, item in pairs for result in item.results]
    return table(programs, "results", "Results", columns, rows)


def timeline(programs: list[Program], window: query.Window = query.Window(), partners=(),
             kinds: tuple[str, ...] = (), undated: bool = False) -> Table:
    dated, missing = query.timeline(programs, window, partners, kinds)
    columns = (when_column(), Column("title", "Entry"), Column("kind", "Kind"), Column("partners", "Partners"),
               Column("entry", "Entry", human=False, machine=False))
    shown = dated + missing if undated else dated
    names = partner_names(programs)
    several = len(programs) > 1
    rows = [{**({"country": e.program.country.name} if several else {}), "when": e.when, "title": e.title,
             "kind": e.kind, "partners": names(e.program, e.partners), "entry": e, "program": e.program}
            for e in shown]
    note = ""
    if missing and not undated:
        one = len(missing) == 1
        note = (f"{len(missing)} undated accomplishment{'' if one else 's'} {'is' if one else 'are'} not shown; "
                f"add --undated to list {'it' if one else 'them'}.")
    heading = title("Timeline", programs)
    if window.describe():
        heading += f", {window.describe()}"
    return Table("timeline", heading, with_country(programs, columns), rows, note, heading="Timeline")


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
    rows = [{"country": program.country.name, "code": program.country.code,
             "accomplishments": len(program.accomplishments), "years": years_covered(program),
             "source": program.source.url, "file": shown_path(program.origin) if program.origin else "",
             "program": program}
            for program in programs]
    return Table("countries", f"Programs: {len(programs)} loaded", columns, rows, heading="Programs")


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
             "matches": h.spans, "program": h.program} for h in hits]
    noun = "hit" if len(rows) == 1 else "hits"
    return Table("search", f"Search: {text!r}, {len(rows)} {noun}", with_country(programs, columns), rows,
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
    return Table("totals", title("Totals", programs), columns, rows, note, heading="Totals")
