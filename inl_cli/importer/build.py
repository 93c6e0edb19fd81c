"""The program a page describes, as data with `_review` notes wherever the importer guessed.

`sections` reads the page's lines, `placing` files each sentence by what it does, `items` and `accomplish`
make the program's entries, `glue` mends words the capture ran together. How the page says the program is
funded goes in `funding_notes`, dated steps of a goal in its `events`, and a known body's other names in its
partner's `also_known_as` (with a note: they are not the page's words).
"""
from __future__ import annotations

import re

from . import country as countries
from . import glue, placing, sections
from .accomplish import accomplishments
from .items import items
from .partners import Partners
from .text import normalize

BUREAU = {"name": "Bureau of International Narcotics and Law Enforcement Affairs", "abbreviation": "INL",
          "department": "U.S. Department of State"}
INDEX = "https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-work-by-country/"
LEFT_OUT_NOTE = "left out, as not a challenge, goal or accomplishment"


class PageError(ValueError):
    """The page holds nothing a program can be made of; the message says why."""


def _title_country(line: str):
    line = re.sub(r"\s*(?:[-|–]\s*(?:United States |U\.S\. )?Department of State.*|Summary)$", "", line.strip(),
                  flags=re.I)
    return countries.lookup(line)


def which_country(page: sections.Page, text: str, address: str | None) -> tuple[str, str, str] | None:
    """(name, code, where it was found), or None."""
    if page.title:
        found = _title_country(page.title)
        if found:
            return found[1], found[0], "the title line"
    body = "\n".join(line.text for line in page.lines)
    match = re.search(r"\bINL's (?:program|programs|work|programming|assistance) (?:in|with) (?:the )?"
                      r"([A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3})", body)
    if match:
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            found = countries.lookup(" ".join(words[:size]))
            if found:
                return found[1], found[0], "\"INL's program in …\""
    for where in [address] + list(page.addresses):
        found = countries.from_address(where) if where else None
        if found:
            return found[1], found[0], "the page's address"
    counted = countries.mentions(body)
    if counted:
        code = counted[0][0]
        return countries.by_code(code) or code, code, "the country the text names most"
    if match:
        name = re.sub(r"\s+(?:aims|is|has|seeks|will|supports)\b.*", "", match.group(1))
        return name, "", "\"INL's program in …\""
    return None


def read_page(text: str, country: str | None = None, code: str | None = None, url: str | None = None,
              dropped: str | None = None) -> dict:
    """The program described by a page's text, as data with `_review` notes where it guessed."""
    text = normalize(text)
    vocabulary = glue.Vocabulary(text)
    page = sections.read(text, _title_country, lambda line: glue.mend(line, vocabulary))
    placed = placing.place(page.lines, page.cut)
    if not placed.telling:
        raise PageError("found no Challenges, Goals or Accomplishments text, so there is nothing to import")
    name, code, review_country = _country(page, text, url, country, code)
    program: dict = {"schema_version": 1, "country": {"name": name, "code": code}, "bureau": dict(BUREAU)}
    if review_country:
        program["country"]["_review"] = review_country
    program["source"] = _source(page, name, url, dropped)
    partners = Partners(name, countries.demonyms(code), countries.all_demonyms())
    notes = list(placed.notes)
    program["challenges"] = items(placed.pieces["challenges"], "challenges", partners)
    program["goals"] = items(placed.pieces["goals"], "goals", partners)
    program["accomplishments"] = accomplishments(placed.pieces["accomplishments"], partners, notes)
    program["partners"] = _partners(partners.items)
    _note_left_out(placed, program, notes)
    _note_cut(page, placed, program, notes)
    _note_mends(page.mends, program, notes)
    program["_notes"] = list(dict.fromkeys(notes))
    program["_cut"] = bool(page.cut)
    return program


def _country(page, text: str, url: str | None, country: str | None, code: str | None):
    """(name, code, review notes) of the page's country, as given (--country, --code) or found."""
    review = []
    if country:
        found = countries.lookup(country)
        name = found[1] if found and not code else country
        code = code or (found[0] if found else "")
    else:
        detected = which_country(page, text, url)
        if not detected and not code:
            raise PageError("could not tell which country the page is about; give --country NAME")
        if detected:
            name, found_code, _ = detected
            code = code or found_code
        else:
            name = countries.by_code(code) or code
    if code and code.upper() in countries.UNASSIGNED:
        review.append(f"{code.upper()} is the code in common use for {name}, but ISO 3166-1 has not assigned it, "
                      "so `inl validate` reports it")
    if not code:
        code = "XX"
        review.append(f"{name!r} is not an ISO 3166 country name: set the two-letter code (--code)")
    return name.replace("’", "'"), code.upper(), review


def _source(page, name: str, url: str | None, dropped: str | None) -> dict:
    source = {"title": page.title or f"{name} Summary"}
    archived = next((a for a in page.addresses if re.match(r"https?://[^/]+/.+", a)), None)
    if url:
        source["url"] = url
    elif archived:
        source["url"] = archived
        source["_review"] = ["the address is the one the archive notice gives"]
    else:
        source["url"] = INDEX
        source["_review"] = ["the page's own address is not in the text: this is the bureau's list of country "
                             "pages; set the page's address (inl import --url URL)"]
    if dropped:
        source.setdefault("_review", []).insert(0, f"left out the page's own address {dropped[:200]!r}: it is not "
                                                   "a web address a program file may hold")
    return source


def _partners(found: list[dict]) -> list[dict]:
    """Partners as the page names them; a known body's other names go in `also_known_as`, with a note,
    never in place of the page's."""
    for partner in found:
        other = [n for n in partner.pop("_known", ()) if n not in (partner["name"], partner.get("abbreviation"))]
        if other:
            partner["also_known_as"] = other
            partner.setdefault("_review", []).append("also_known_as is from the importer's list of known bodies, "
                                                     "not the page: check it")
    return found


def _note_left_out(placed, program: dict, notes: list[str]) -> None:
    """One note for everything left out, one for how the program is funded."""
    if placed.left_out:
        kinds: dict[str, list[str]] = {}
        for sentence, role in placed.left_out:
            kinds.setdefault(placing.LEFT_OUT[role], []).append(repr(sentence))
        listed = "; ".join(f"{kind}: {', '.join(said)}" for kind, said in kinds.items())
        notes.append(f"{LEFT_OUT_NOTE}: {listed}")
    if placed.funding:
        program["funding_notes"] = list(placed.funding)


def _note_cut(page, placed, program: dict, notes: list[str]) -> None:
    """Where a page cut short stops, said once: on the item it stops in, or else on the page."""
    if not page.cut:
        if not program["accomplishments"]:
            notes.append("the page lists no accomplishments")
        return
    if placed.cut_note:
        notes.append(f"the page stops mid-sentence after {placed.cut_note!r}: too little to make an item of")
    elif not any(piece.cut for pieces in placed.pieces.values() for piece in pieces):
        notes.append(f"the page stops mid-sentence in text left out ('…{page.cut[-60:]}')")


def _note_mends(mends, program: dict, notes: list[str]) -> None:
    """A note, on the item that holds it, for each mended word a person should check."""
    entries = [e for key in ("challenges", "goals", "accomplishments") for e in program[key]]
    for mend in mends:
        if mend.sure:
            continue
        note = f"mended {mend.original!r} as {mend.mended!r} (the capture ran words together; check it)"
        holder = next((e for e in entries if mend.mended in e.get("text", e.get("summary", ""))
                       or any(mend.mended in d for d in e.get("details", ()))), None)
        if holder is None:
            notes.append(note)
        else:
            holder.setdefault("_review", []).append(note)
