"""Turn the captured text of an INL country summary page into a program file to review.

The page has a fixed shape: the site's banner, the bureau's mission paragraph,
then Challenges, Goals and a bulleted list of Accomplishments, then the footer.
Everything here is a heuristic over that shape, so every guess is recorded as a
review note that becomes a `# review:` comment in the YAML written out.
"""
from __future__ import annotations

import json
import re
import unicodedata

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WORDS = {w: n for n, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                     "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                     "sixteen", "seventeen", "eighteen", "nineteen", "twenty"))}
QUALIFIERS = {"over": "more_than", "more than": "more_than", "at least": "at_least", "about": "about",
              "approximately": "about", "around": "about", "some": "about", "nearly": "about",
              "almost": "about", "up to": "at_most", "fewer than": "fewer_than", "less than": "fewer_than"}
APPROXIMATE = {"approximately", "around", "some", "nearly", "almost"}
STOP = {"between", "in", "to", "with", "and", "for", "from", "of", "on", "at", "by", "across", "through", "who",
        "that", "which", "per", "each", "under", "over", "during", "since", "as", "were", "was", "have", "had"}
SPELLING = {"Ivoirian": "Ivorian"}
KNOWN = {
    "un development program": ("United Nations Development Programme", "UNDP", "implementing partner"),
    "united nations development programme": ("United Nations Development Programme", "UNDP",
                                             "implementing partner"),
    "un office on drugs and crime": ("United Nations Office on Drugs and Crime", "UNODC", "implementing partner"),
    "united nations office on drugs and crime": ("United Nations Office on Drugs and Crime", "UNODC",
                                                 "implementing partner"),
    "international organization for migration": ("International Organization for Migration", "IOM",
                                                  "implementing partner"),
}
ORG_END = ("Police", "Gendarmerie", "Program", "Programme", "Agency", "Service", "Services", "Court", "Courts",
           "Commission", "Council", "Directorate", "Guard", "Unit", "Authority", "Office", "Organization",
           "Institute", "Academy", "Customs", "Force", "Forces", "Judiciary")
ORG_START = ("Ministry", "Office", "Department", "Directorate", "Bureau", "Agency")
MISSION = re.compile(r"Bureau of International Narcotics and Law Enforcement Affairs \(INL\) works", re.I)
BANNER = re.compile(r"official website|\.gov website|https|lock \(|share sensitive information", re.I)
LABEL = re.compile(r"^(?P<label>(?i:challenges|goals|accomplishments))\s*(?:[:.]\s*|$|(?=[A-Z•]))")

_NUMBER = r"\d[\d,]*(?:\.\d+)?|" + "|".join(WORDS)
RESULT = re.compile(rf"(?:\b(?P<q>{'|'.join(QUALIFIERS)})\s+)?\b(?P<n>{_NUMBER})\b(?!-(?:year|month|week|day))"
                    rf"(?P<unit>(?:\s+(?!(?:{'|'.join(STOP)})\b)[a-z][a-z-]*){{1,4}})", re.I)
VAGUE = re.compile(r"\b(dozens|hundreds|thousands|scores|several|numerous)\s+of\b", re.I)
_YEAR = r"(?:19|20)\d{2}"
DATES = [
    ("span", re.compile(rf"\b(?:from\s+)?({_YEAR})\s*(?:-|–|—|to|through)\s*({_YEAR})\b", re.I)),
    ("month", re.compile(rf"\b({'|'.join(MONTHS)})\s+({_YEAR})\b", re.I)),
    ("since", re.compile(rf"\bsince\s+({_YEAR})\b", re.I)),
    ("year", re.compile(rf"(?<![\d-])({_YEAR})\b(?!-(?:year|month|week|day|\d))")),
]


class PageError(ValueError):
    """The page lacks something a program needs; the message says what."""


def repair(text: str) -> str:
    """Undo what the capture did: no-break spaces, glued words and sentences, curly apostrophes."""
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ").replace("’", "'").replace("‘", "'")
    text = re.sub(r"\ba(?=[A-Z][a-z])", lambda m: "a ", text)
    text = re.sub(r"\ba (?=[AEIOU])", "an ", text)
    text = re.sub(r"(?<=[a-z]{2})(?=[A-Z][a-z])|(?<=[a-z]{2})(?=[A-Z]{2,}\b)|(?<=\d)(?=[A-Z][a-z])", ". ", text)
    for wrong, right in SPELLING.items():
        text = re.sub(rf"\b{wrong}\b", right, text)
    return text


def sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    parts = re.split(r"(?<![A-Z]\.[A-Z]\.)(?<=[.!?])\s+(?=[A-Z\"“])", text)
    return [p.strip() for p in parts if p.strip()]


def sections(text: str, notes: list[str]) -> dict[str, str]:
    """Challenges, goals and accomplishments text, without banner, mission and footer."""
    lines = [line.strip() for line in text.replace("\xa0", " ").splitlines()]
    footer = next((i for i, line in enumerate(lines) if line == "U.S. Department of State"), len(lines))
    lines = lines[:footer]
    mission = next((i for i, line in enumerate(lines) if MISSION.search(line)), None)
    if mission is not None:
        lines = lines[mission + 1:]
    lines = [line for line in lines if line and not BANNER.search(line) and line != "An official website of "
             "the United States Government Here's how you know"]
    found: dict[str, list[str]] = {}
    current = None
    for line in lines:
        match = LABEL.match(line)
        if match:
            current = match.group("label").lower()
            line = line[match.end():].strip()
        if line:
            found.setdefault(current, []).append(line)
    unlabelled = found.pop(None, [])
    if unlabelled:
        paragraphs = [line for line in unlabelled if not line.startswith("•")]
        bullets = [line for line in unlabelled if line.startswith("•")]
        for name in ("challenges", "goals"):
            if name not in found and paragraphs:
                found[name] = [paragraphs.pop(0)]
                notes.append(f"no {name.capitalize()} label: took the next paragraph as {name}")
        if bullets:
            found.setdefault("accomplishments", []).extend(bullets)
            if "accomplishments" not in found or len(found["accomplishments"]) == len(bullets):
                notes.append("no Accomplishments label: took the bulleted list as accomplishments")
    return {name: "\n".join(found.get(name, [])) for name in ("challenges", "goals", "accomplishments")}


def bullets(text: str) -> list[str]:
    if "•" in text:
        items = text.split("•")
        return [" ".join(item.split()) for item in items if item.strip()]
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def find_dates(text: str) -> list[tuple[int, str, str, str]]:
    """(position, kind, iso date, end or '') of each date or span, first to last, without overlaps."""
    found, taken = [], []
    for kind, pattern in DATES:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append((m.start(), m.end()))
            if kind == "span":
                found.append((m.start(), kind, m.group(1), m.group(2), m.group(0)))
            elif kind == "month":
                month = MONTHS.index(m.group(1).lower()) + 1
                found.append((m.start(), kind, f"{m.group(2)}-{month:02d}", "", m.group(0)))
            else:
                found.append((m.start(), kind, m.group(1), "", m.group(0)))
    return sorted(found)


def when(date: tuple) -> str | dict:
    _, kind, start, end, _ = date
    return {"start": start, "end": end} if kind == "span" else start


def short_title(sentence: str, words: int = 12) -> tuple[str, bool]:
    """A title from a sentence: leading date and partnership clauses and trailing dates removed."""
    title = sentence.rstrip(".")
    for _ in range(3):
        title = re.sub(r"^(?:in|from|since|by|during|through|under)\b[^,]{0,60},\s*", "", title, flags=re.I)
    title = re.sub(rf"\s+in\s+(?:(?:{'|'.join(MONTHS)})\s+)?{_YEAR}\b", "", title, flags=re.I)
    title = re.split(r",\s*(?:which|who|where|to|and)\b", title)[0]
    parts = title.split()
    cut = len(parts) > words
    title = " ".join(parts[:words]).rstrip(",;:")
    return (title[:1].upper() + title[1:]) + ("…" if cut else ""), cut


def slug(text: str, taken: set[str]) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    base = "-".join(re.findall(r"[a-z0-9]+", ascii_text)[:4]) or "item"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


class Partners:
    """Partners found across the page, matched by name, abbreviation or kind."""

    def __init__(self, country: str, demonym: str | None):
        self.country = country
        self.demonym = demonym
        self.items: list[dict] = []
        self.ids: set[str] = set()

    def add(self, name: str, abbreviation: str | None, role: str, review: str = "") -> str:
        key = name.lower()
        for item in self.items:
            if item["name"].lower() == key or (abbreviation and item.get("abbreviation") == abbreviation):
                return item["id"]
        item = {"id": slug(abbreviation or name, self.ids) if role != "government" else "government",
                "name": name}
        if abbreviation:
            item["abbreviation"] = abbreviation
        item["role"] = "government counterpart" if role == "government" else role
        if review:
            item["_review"] = [review]
        self.items.append(item)
        return item["id"]

    def find(self, sentence: str) -> list[str]:
        found = []
        demonym = self.demonym or "\u0000"
        country = re.escape(self.country)
        if re.search(rf"\b{demonym} government\b|\bgovernment of {country}|\b{country}'s government\b"
                     rf"|\bINL and {country}\b", sentence, re.I):
            found.append(self.add(f"Government of {self.country}", None, "government"))
        for m in re.finditer(r"\b(?:the\s+)?((?:[A-Z][\w'.-]*|of|and|for|on|the)(?:\s+(?:[A-Z][\w'.-]*|of|and|"
                             r"for|on|the))*)(?:\s+\(([A-Z]{2,})\))?", sentence):
            name = re.sub(r"^(?:the|of|and|for|on)\s+|(?:\s+(?:the|of|and|for|on))+$", "", m.group(1))
            name = re.sub(r"'s$", "", name)
            words = name.split()
            if len(words) < 2 and not m.group(2):
                continue
            known = KNOWN.get(name.lower())
            if known:
                found.append(self.add(known[0], known[1], known[2]))
            elif words[-1] in ORG_END or (words[0] in ORG_START and len(words) > 2 and words[1] == "of"):
                role = ("law enforcement counterpart" if words[-1] in ("Police", "Gendarmerie", "Guard")
                        else "government counterpart" if words[0] in ORG_START
                        else "partner")
                review = "" if role != "partner" else f"could not tell the role of {name!r}"
                found.append(self.add(name, m.group(2), role, review))
            elif m.group(2) and len(words) == 1:
                match = next((p for p in self.items if p.get("abbreviation") == m.group(2)), None)
                if match:
                    found.append(match["id"])
        for m in re.finditer(r"\b[A-Z]{2,}\b", sentence):
            match = next((p for p in self.items if p.get("abbreviation") == m.group()), None)
            if match:
                found.append(match["id"])
        for m in re.finditer(r"\b(?:an?|the|this|these)\s+((?:[A-Z][\w']+\s+)?(?:[a-z]+\s+){0,3}?"
                             r"(?:working group|task force|committee|association))\b", sentence):
            name = m.group(1)
            existing = next((p for p in self.items if p["name"].lower().endswith(name.lower())
                             or name.lower().endswith(p["name"].lower())), None)
            if existing and len(name) > len(existing["name"]):
                existing["name"] = name
            found.append(existing["id"] if existing else self.add(name, None, "civil society counterpart"))
        return list(dict.fromkeys(found))


def results(sentence: str, notes: list[str]) -> list[dict]:
    found = []
    dates = [(p, p + len(text)) for p, _, _, _, text in find_dates(sentence)]
    for m in RESULT.finditer(sentence):
        if any(m.start("n") < end and start < m.end("n") for start, end in dates):
            continue
        unit = []
        for word in m.group("unit").split():
            if unit and word.endswith("ed"):
                break
            unit.append(word)
        if not unit or unit[0].lower().rstrip("s") in ("year", "month", "week", "day", "hour"):
            continue
        number = m.group("n").lower()
        value = WORDS[number] if number in WORDS else float(number.replace(",", ""))
        value = int(value) if float(value).is_integer() else value
        qualifier_word = (m.group("q") or "").lower()
        item = {"value": value, "unit": " ".join(unit)}
        if qualifier_word:
            item["qualifier"] = QUALIFIERS[qualifier_word]
        item["description"] = sentence.rstrip(".")
        if qualifier_word in APPROXIMATE:
            item["_review"] = [f"{qualifier_word!r} {m.group('n')} read as about {value}"]
        found.append(item)
    for m in VAGUE.finditer(sentence):
        notes.append(f"{m.group(0)!r} is not a number; left out: {sentence[:60]}…")
    return found


def country_of(text: str) -> str | None:
    match = re.search(r"INL's program in ([A-Z][\w' -]+?) aims", text) or \
        re.search(r"\b([A-Z][\w']+(?: [A-Z][\w']+)*) has made strides", text)
    return match.group(1).strip() if match else None


def demonym_of(text: str) -> str | None:
    match = re.search(r"\b([A-Z][a-z]+(?:ian|ean|ese|ish|an|i))\s+(?:people|government|National Police)\b", text)
    return match.group(1) if match else None


def read_page(text: str, country: str | None = None, code: str | None = None, url: str | None = None) -> dict:
    """The program described by a captured page, as data with `_review` notes where it guessed."""
    text = repair(text)
    notes: list[str] = []
    parts = sections(text, notes)
    items = bullets(parts["accomplishments"])
    if not items:
        raise PageError("found no accomplishments: no Accomplishments section and no • bullets")
    country = country or country_of(text)
    if not country:
        raise PageError("could not tell which country the page is about; give --country NAME")
    country = country.replace("’", "'")
    partners = Partners(country, demonym_of(text))
    program = {
        "schema_version": 1,
        "country": {"name": country, "code": code or "XX"},
        "bureau": {"name": "Bureau of International Narcotics and Law Enforcement Affairs", "abbreviation": "INL",
                   "department": "U.S. Department of State"},
        "source": {"title": f"{country} Summary", "url": url or guess_url(country)},
    }
    if not code:
        program["country"]["_review"] = ["set the ISO 3166-1 alpha-2 code (inl import --code CI)"]
    if not url:
        program["source"]["_review"] = ["the address was guessed from the country name; check it (--url)"]
    program["challenges"] = paragraph_items(parts["challenges"], "challenges", partners, events=True)
    program["goals"] = paragraph_items(parts["goals"], "goals", partners, crimes=True)
    taken: set[str] = set()
    program["accomplishments"] = [accomplishment(item, partners, notes, taken) for item in items]
    program["partners"] = partners.items
    program["_notes"] = notes
    return program


def guess_url(country: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", country).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"[^a-z0-9]+", "-", ascii_name.replace("'", "")).strip("-")
    return ("https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-work-by-country/"
            f"{name}-summary/")


def paragraph_items(text: str, scope: str, partners: Partners, events=False, crimes=False) -> list[dict]:
    found, taken = [], set()
    for sentence in sentences(text):
        title, _ = short_title(sentence, 8)
        item = {"id": slug(title, taken), "title": title, "text": sentence,
                "_review": ["title made from the sentence's first words"]}
        if events:
            dated = find_dates(sentence)
            if dated:
                item["events"] = [{"date": when(d), "title": sentence.rstrip(".")} for d in dated]
                item["_review"].append("event title is the whole sentence; shorten it")
        if crimes:
            match = re.search(r"\bincluding\s+(.+?)\.?$", sentence)
            if match:
                listed = [c.strip() for c in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=\w+$)", match.group(1))]
                item["crimes"] = [c for c in listed if c]
        found.append(item)
    return found


# "formalized this working group": a group a later step refers back to is what the step acted on, not a partner.
REFERRED_BACK = re.compile(r"\b(?:this|these)\s+(?:[a-z]+\s+){0,3}?"
                           r"(?:working group|task force|committee|association)s?\b")


def accomplishment(text: str, partners: Partners, notes: list[str], taken: set[str]) -> dict:
    parts = sentences(text)
    title, cut = short_title(parts[0])
    item: dict = {"id": slug(title, taken), "title": title}
    review = ["title cut from the first sentence"] if cut else []
    dates = find_dates(text)
    if dates:
        item["date"] = when(dates[0])
        if dates[0][1] == "since":
            review.append(f"{dates[0][4]!r}: ongoing; recorded as its start year")
    else:
        review.append("no date found on the page; left undated")
    later = [(date, next(s for s in parts if date[4] in s)) for date in dates[1:]]
    milestone_sentences = {sentence for _, sentence in later}
    main = [s for s in parts if s not in milestone_sentences] or parts
    ids = [pid for s in main for pid in partners.find(s)]
    milestones = [{"date": when(date), "title": sentence.rstrip("."),
                   "partners": partners.find(REFERRED_BACK.sub("", sentence))} for date, sentence in later]
    item["partners"] = list(dict.fromkeys(ids))
    if not item["partners"]:
        review.append("no partner named")
    item["summary"] = " ".join(main)
    found = [r for s in parts for r in results(s, notes)]
    if found:
        item["results"] = found
    if milestones:
        for milestone in milestones:
            if not milestone["partners"]:
                del milestone["partners"]
        item["milestones"] = milestones
    if review:
        item["_review"] = review
    return item


def _scalar(value) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value)


def _emit(value, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, item in value.items():
        if key.startswith("_"):
            continue
        if isinstance(item, dict):
            for note in item.get("_review", []):
                out.append(f"{pad}# review: {note}")
            out.append(f"{pad}{key}:")
            _emit(item, indent + 2, out)
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            out.append(f"{pad}{key}:")
            for element in item:
                for note in element.get("_review", []):
                    out.append(f"{pad}  # review: {note}")
                lines: list[str] = []
                _emit(element, indent + 4, lines)
                out.append(f"{pad}  - {lines[0].lstrip()}")
                out.extend(lines[1:])
        elif isinstance(item, list):
            out.append(f"{pad}{key}: [{', '.join(_scalar(v) for v in item)}]")
        else:
            out.append(f"{pad}{key}: {_scalar(item)}")


def to_yaml(program: dict, source_name: str) -> str:
    out = [f"# Imported by `inl import` from {source_name}. Check each '# review:' note, reword the text",
           "# in your own words where needed, then run `inl validate` on this file."]
    out += [f"# review: {note}" for note in program.get("_notes", [])]
    _emit(program, 0, out)
    return "\n".join(out) + "\n"


def counts(program: dict) -> dict[str, int]:
    """What the import found, for the summary line."""
    items = program["accomplishments"]
    dated = [i for i in items if "date" in i] + [m for i in items for m in i.get("milestones", [])]
    reviews = len(program.get("_notes", [])) + sum(
        len(node.get("_review", [])) for node in _walk(program))
    return {"accomplishments": len(items), "dates": len(dated),
            "results": sum(len(i.get("results", [])) for i in items), "partners": len(program["partners"]),
            "reviews": reviews}


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)

