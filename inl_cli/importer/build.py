"""The program a page describes, as data with `_review` notes wherever the importer guessed."""
from __future__ import annotations

import re

from . import country as countries
from . import sections as layout
from . import when
from .partners import Partners, Taken, slug
from .text import clause, normalize, sentence_spans, shorten

WORDS = {w: n for n, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                     "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                     "sixteen", "seventeen", "eighteen", "nineteen", "twenty"))}
QUALIFIERS = {"over": "more_than", "more than": "more_than", "at least": "at_least", "about": "about",
              "approximately": "about", "around": "about", "some": "about", "nearly": "about",
              "almost": "about", "up to": "at_most", "fewer than": "fewer_than", "less than": "fewer_than"}
APPROXIMATE = {"approximately", "around", "some", "nearly", "almost"}
STOP = {"between", "in", "to", "with", "and", "for", "from", "of", "on", "at", "by", "across", "through", "who",
        "that", "which", "per", "each", "under", "over", "during", "since", "as", "were", "was", "have", "had"}
_NUMBER = r"\d[\d,]*(?:\.\d+)?|" + "|".join(WORDS)
RESULT = re.compile(rf"(?:\b(?P<q>{'|'.join(QUALIFIERS)})\s+)?\b(?P<n>{_NUMBER})\b(?!-(?:year|month|week|day))"
                    rf"(?P<unit>(?:\s+(?!(?:{'|'.join(STOP)})\b)[a-z][a-z-]*){{1,4}})", re.I)
VAGUE = re.compile(r"\b(dozens|hundreds|thousands|scores|several|numerous)\s+of\b", re.I)
CRIME = re.compile(r"traffick|terroris|corruption|crime|fraud|launder|smuggl|kidnap|extortion|theft|poaching|"
                   r"piracy|violence|drug|narcotic|homicide|murder|robbery|brib|illegal|illicit|gang|exploitation|"
                   r"cartel|counterfeit|extremis|cocaine|heroin|opium|fentanyl|methamphetamine|weapons", re.I)
BUREAU = {"name": "Bureau of International Narcotics and Law Enforcement Affairs", "abbreviation": "INL",
          "department": "U.S. Department of State"}
INDEX = "https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-work-by-country/"
_CONNECTOR = re.compile(r"^(?:In addition|Additionally|Also|This|These|It|They|Its|Their|Through (?:this|these)|"
                        r"As a result|Moreover|Furthermore|The (?:project|program|initiative|training)s?\b)", re.I)
_CONTRAST = re.compile(r"\b(?:however|but|though|although|despite|yet|while)\b", re.I)

# "formalized this working group": a group a later step refers back to is what the step acted on, not a partner.
REFERRED_BACK = re.compile(r"\b(?:this|these)\s+(?:[a-z]+\s+){0,3}?"
                           r"(?:working group|task force|committee|association)s?\b")


class PageError(ValueError):
    """The page holds nothing a program can be made of; the message says why."""


def _title_country(line: str):
    line = re.sub(r"\s*(?:[-|–]\s*(?:United States |U\.S\. )?Department of State.*|Summary)$", "", line.strip(),
                  flags=re.I)
    return countries.lookup(line)


def which_country(page: layout.Page, text: str, address: str | None) -> tuple[str, str, str] | None:
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
    page = layout.read(text, lambda line: _title_country(line))
    notes = list(page.notes)
    content = {name: [line for line in page.lines if line.section == name]
               for name in ("challenges", "goals", "accomplishments")}
    if not any(line.marker != "?" for lines in content.values() for line in lines):
        raise PageError("found no Challenges, Goals or Accomplishments text, so there is nothing to import")
    review_country = []
    if country:
        found = countries.lookup(country)
        name = found[1] if found and not code else country
        code = code or (found[0] if found else "")
    else:
        detected = which_country(page, text, url)
        if not detected and not code:
            raise PageError("could not tell which country the page is about; give --country NAME")
        if detected:
            name, found_code, where = detected
            code = code or found_code
        else:
            name = countries.by_code(code) or code
    if code and code.upper() in countries.UNASSIGNED:
        review_country.append(f"{code.upper()} is the code in common use for {name}, but ISO 3166-1 has not "
                              "assigned it, so `inl validate` reports it")
    if not code:
        code = "XX"
        review_country.append(f"{name!r} is not an ISO 3166 country name: set the two-letter code (--code)")
    name = name.replace("’", "'")
    program: dict = {"schema_version": 1, "country": {"name": name, "code": code.upper()}, "bureau": dict(BUREAU)}
    if review_country:
        program["country"]["_review"] = review_country
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
    program["source"] = source
    partners = Partners(name, countries.demonyms(code.upper()), countries.all_demonyms())
    last = page.lines[-1] if page.cut else None
    program["challenges"] = _paragraphs(content["challenges"], "challenges", partners, notes, last)
    program["goals"] = _paragraphs(content["goals"], "goals", partners, notes, last)
    program["accomplishments"] = _accomplishments(content["accomplishments"], partners, notes, last)
    program["partners"] = partners.items
    if page.cut:
        where = last.section.capitalize() if last.section != "intro" else "the introduction"
        notes.append(f"the page stops mid-sentence in {where} ('…{page.cut[-60:]}'): the text is cut there")
    if not program["accomplishments"]:
        notes.append("the page lists no accomplishments" + (" before it stops" if page.cut else ""))
    program["_notes"] = notes
    program["_cut"] = bool(page.cut)
    return program


def _mark_cut(item: dict, field: str) -> None:
    title, words = item.get("title", ""), item[field].rstrip(" .").split()
    if " " in title and not title.endswith("…") and words and title.rstrip(" .").endswith(words[-1]):
        item["title"] = title.rsplit(" ", 1)[0].rstrip(",;:") + "…"  # the last word may be cut mid-word
    item[field] = item[field] + "…"
    item.setdefault("_review", []).append("cut off: the page stops inside this item")


def _paragraphs(lines, scope: str, partners: Partners, notes: list[str], last) -> list[dict]:
    found, taken = [], Taken()
    for line in lines:
        if line.kind == "lead":
            continue
        text = " ".join(line.text.split())
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            if scope == "challenges" and not found:
                s = layout.score(sentence)
                if s["intro"] > s["challenges"] and not _CONTRAST.search(sentence):
                    notes.append(f"left out opening praise, not a challenge: {sentence[:60]!r}…")
                    continue
            title = _titled(shorten(_short_title(sentence), 8)[0], sentence)
            item = {"id": slug(title, taken), "title": title, "text": sentence,
                    "_review": ["title made from the sentence's first words"]}
            partners.find(sentence[:2000])
            if scope == "challenges":
                events = [{"date": d.when, "title": clause(sentence, d.start, d.end)} for d in when.find(sentence)]
                if events:
                    item["events"] = events
            else:
                crimes = _crimes(sentence)
                if crimes:
                    item["crimes"] = crimes
            found.append(item)
        if line is last and found:
            _mark_cut(found[-1], "text")
    return found


def _crimes(sentence: str) -> list[str]:
    match = re.search(r"\bincluding\s+(.{1,400}?)\.?$", sentence)
    if not match:
        return []
    listed = [c.strip() for c in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+(?=\w+$)", match.group(1))]
    return [c for c in listed if c and CRIME.search(c) and not re.match(
        r"(?:through|by|in|with|those|such|support|efforts|the capacity)\b", c, re.I) and len(c.split()) <= 8]


def _titled(title: str, text: str) -> str:
    """`title`, or the first words of `text` when the title came out empty."""
    if re.search(r"\w", title):
        return title
    return shorten(text, 8)[0] if re.search(r"\w", text) else "Untitled (see the text)"


def _short_title(sentence: str) -> str:
    title = sentence.rstrip(".")
    for _ in range(3):
        title = re.sub(r"^(?:in|from|since|by|during|through|under|beginning in|starting in)\b[^,]{0,60},\s*",
                       "", title, flags=re.I)
    title = re.sub(rf"\s+in\s+(?:(?:{'|'.join(when.MONTHS)})\s+)?(?:19|20)\d\d\b", "", title, count=1, flags=re.I)
    title = re.split(r",\s*(?:which|who|where|to|and)\b", title, maxsplit=1)[0]
    title = re.sub(r",?\s*(?:with\s+)?(?:the\s+following\s+)?(?:results|outcomes)(?:\s+including)?:?$", "", title)
    return title[:1].upper() + title[1:]


def _accomplishments(lines, partners: Partners, notes: list[str], last) -> list[dict]:
    """One accomplishment per bullet (sub-bullets are its details) or per run of prose sentences."""
    groups: list[dict] = []
    lead = None
    top = None
    for line in lines:
        if line.kind == "lead":
            dated = [d for d in when.find(line.text) if d.kind != "month" or True]
            if dated:
                lead = dated[0]
                notes.append(f"the lead-in {line.text[:80]!r} dates the bullets under it "
                             f"({_display(lead.when)})")
            elif groups and groups[-1]["bullet"] and re.search(r"\b(?:results?|including|outcomes?|such as)\b",
                                                               line.text, re.I):
                groups[-1]["open"] = True
            continue
        if line.kind == "bullet":
            if top is None:
                top = (line.level, line.marker)
            parent = groups[-1] if groups and groups[-1]["bullet"] else None
            child = parent and (line.level > top[0] or line.marker != top[1] or (
                parent["open"] and not when.find(line.text[:200])))
            if child:
                parent["children"].append(line.text)
                parent["cut"] = line is last
                continue
            groups.append({"text": line.text, "lead": lead, "bullet": True, "open": line.text.endswith(":"),
                           "children": [], "cut": line is last})
            continue
        lead = None
        text = " ".join(line.text.split())
        spans = sentence_spans(text)
        for i, (start, end) in enumerate(spans):
            sentence = text[start:end]
            if groups and not groups[-1]["bullet"] and groups[-1]["line"] is line and _CONNECTOR.match(sentence):
                groups[-1]["text"] += " " + sentence
            else:
                groups.append({"text": sentence, "lead": None, "bullet": False, "open": False, "children": [],
                               "cut": False, "line": line})
        if line is last:
            groups[-1]["cut"] = True
        if "prose" not in notes:
            notes.append("accomplishments given as prose: one accomplishment per sentence or run of sentences; "
                         "merge or split them as needed")
            notes.append("prose")
    if "prose" in notes:
        notes.remove("prose")
    taken: set[str] = Taken()
    items = [_accomplishment(g, partners, notes, taken) for g in groups]
    for i in range(1, len(items)):
        item, before = items[i], items[i - 1]
        if "date" not in item and "date" in before and re.match(r"since then\b", item["summary"], re.I):
            start = before["date"]["start"] if isinstance(before["date"], dict) else before["date"]
            review = [note for note in item.get("_review", []) if not note.startswith("no date")]
            review.append(f"'Since then' read as since {start}, the date of the item before")
            items[i] = {"id": item["id"], "title": item["title"], "date": {"start": start},
                        **{k: v for k, v in item.items() if k not in ("id", "title", "_review")},
                        "_review": review}
    return items


def _display(value) -> str:
    if isinstance(value, dict):
        return f"since {value['start']}" if "end" not in value else f"{value['start']}–{value['end']}"
    return value


def _accomplishment(group: dict, partners: Partners, notes: list[str], taken: set[str]) -> dict:
    text = " ".join(group["text"].split())
    spans = sentence_spans(text)
    first = text[spans[0][0]:spans[0][1]] if spans else text
    title, cut = shorten(_short_title(first), 12)
    title = _titled(title, text)
    item: dict = {"id": slug(title, taken), "title": title}
    review = ["title cut from the first sentence"] if cut else []
    dates = when.find(text)
    located = []
    at = 0
    for d in dates:
        while at + 1 < len(spans) and spans[at][1] <= d.start:
            at += 1
        start, end = spans[at]
        located.append((d, at, when.own(d._replace(start=d.start - start), text[start:end])))
    main = next((x for x in located if x[2] and x[1] == 0), None)
    if main is None and group["lead"] is None:
        main = next((x for x in located if x[2]), None)
    if main is not None:
        item["date"] = main[0].when
        if main[0].note:
            review.append(main[0].note)
        if main[0].kind == "since":
            review.append(f"{main[0].text!r}: ongoing, recorded as an open span")
    elif group["lead"] is not None:
        item["date"] = group["lead"].when
        review.append(f"dated by the lead-in ({_display(group['lead'].when)})")
    else:
        review.append("no date found on the page; left undated")
    milestone_sentences = set()
    milestones = []
    for d, index, is_own in located:
        if main is not None and d is main[0]:
            continue
        start, end = spans[index]
        sentence = text[start:end]
        title_text = clause(sentence, d.start - start, d.end - start)
        milestone = {"date": d.when, "title": title_text}
        if not is_own:
            milestone["_review"] = [f"{d.text!r} dates an outcome or context, not the start: kept as a milestone"]
        elif main is None or index != main[1]:
            milestone_sentences.add(index)
        if d.note:
            milestone.setdefault("_review", []).append(d.note)
        milestones.append(milestone)
    main_sentences = [text[a:b] for i, (a, b) in enumerate(spans) if i not in milestone_sentences] or [text]
    ids = [pid for s in main_sentences for pid in partners.find(s)]
    ids += [pid for child in group["children"] for pid in partners.find(child)]
    item["partners"] = list(dict.fromkeys(ids))
    for milestone in milestones:
        found = partners.find(REFERRED_BACK.sub("", milestone["title"]))
        if found:
            milestone["partners"] = found
    if not item["partners"]:
        review.append("no partner named")
    item["summary"] = " ".join(main_sentences)
    if group["children"]:
        item["details"] = [" ".join(c.split()) for c in group["children"]]
    found = [r for a, b in spans for r in _results(text[a:b], notes)]
    found += [r for child in group["children"] for r in _results(" ".join(child.split()), notes)]
    if found:
        item["results"] = found
    if milestones:
        item["milestones"] = milestones
    if review:
        item["_review"] = review
    if group["cut"]:
        _mark_cut(item, "details" if False else "summary")
        if group["children"]:
            item["details"][-1] += "…"
    return item


def _number(digits: str) -> int | float:
    """Whole numbers keep every digit ("9007199254740993"); "2.5" and "2.0" are read as numbers too."""
    if re.fullmatch(r"\d+", digits):
        return int(digits)
    value = float(digits)
    return int(digits.split(".")[0]) if re.fullmatch(r"\d+\.0*", digits) else value


def _results(sentence: str, notes: list[str]) -> list[dict]:
    found = []
    dated = bytearray(len(sentence))
    for d in when.find(sentence):
        dated[d.start:d.end] = b"\x01" * (d.end - d.start)
    for m in RESULT.finditer(sentence):
        if 1 in dated[m.start("n"):m.end("n")]:
            continue
        unit = []
        for word in m.group("unit").split():
            if unit and word.endswith("ed"):
                break
            unit.append(word)
        if not unit or unit[0].lower().rstrip("s") in ("year", "month", "week", "day", "hour", "percent"):
            continue
        number = m.group("n").lower()
        value = WORDS[number] if number in WORDS else _number(number.replace(",", ""))
        qualifier_word = (m.group("q") or "").lower()
        item = {"value": value, "unit": " ".join(unit)}
        if qualifier_word:
            item["qualifier"] = QUALIFIERS[qualifier_word]
        item["description"] = clause(sentence, m.start(), m.end())
        if qualifier_word in APPROXIMATE:
            item["_review"] = [f"{qualifier_word!r} {m.group('n')} read as about {value}"]
        found.append(item)
    for m in VAGUE.finditer(sentence):
        notes.append(f"{m.group(0)!r} is not a number; left out: {sentence[:60]}…")
    return found
