"""A page's layout: frame, notices and boilerplate dropped; labels, headings, bullets and paragraphs found; each
paragraph filed as challenges, goals or accomplishments by its label or, without one, by what it says.
"""
from __future__ import annotations

import re
from collections import namedtuple

from .text import repair, sentences

FRAME = re.compile(
    r"^(?:an official website of the united states government|official websites use \.gov|a \.gov website "
    r"belongs|secure \.gov websites use https|a lock \(|here'?s how you know|share sensitive information|skip to "
    r"(?:main )?content|[\d\s–-]*archived content|you are viewing archived content|content in this archive site|"
    r"for current information,? (?:go to|visit)|please visit the|this (?:page|content) (?:is|has been) archived|"
    r"home\s*[›>»|]|breadcrumb|(?:share|print|email|e-mail|twitter|facebook|linkedin|copy link|tweet|subscribe"
    r"|back to top)$|last updated\b)", re.I)
NOTICE = re.compile(r"archived content|archive site|this is an archive|please visit the|please see state\.gov|"
                    r"for current information", re.I)
BOILERPLATE = re.compile("|".join((
    r"works? to keep Americans safe", r"keeps? Americans safe at home",
    r"deliver justice and fairness by strengthening",
    r"reduce the amount of crime and illegal drugs reaching", r"fostering global cooperation",
    r"minimiz\w* the impact of (?:international )?crime and illegal drugs")), re.I)
DATE_LINE = re.compile(r"^(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{4})$")
FOOTER = re.compile(r"^(?:U\.S\. Department of State|tags|related articles|back to top|related content)$", re.I)
BULLET = re.compile(r"^(?P<marker>[•●▪◦·‣○■□➢►]\s*|[*–—-]\s+|o\s+(?=[A-Z0-9])|\d{1,2}[.)]\s+|\(\d{1,2}\)\s+|"
                    r"[a-h][.)]\s+(?=[A-Z]))")
LABELS = {
    "challenges": ("context and challenges", "challenges and context", "strategic context", "challenges",
                   "challenges and goals",
                   "context", "background", "key challenges", "the challenge"),
    "goals": ("goals and objectives", "program goals", "goals", "objectives", "priorities", "our goals"),
    "accomplishments": ("key accomplishments", "recent accomplishments", "accomplishments", "achievements",
                        "results", "highlights", "successes", "program highlights"),
}
_LABEL_WORDS = sorted(((w, name) for name, words in LABELS.items() for w in words), key=lambda x: -len(x[0]))
INLINE = re.compile(r"^(?P<label>" + "|".join(re.escape(w) for w, _ in _LABEL_WORDS if " " in w or w in (
    "challenges", "goals", "objectives", "accomplishments", "achievements"))
    + r")(?:\s*[:.]\s*|\s+(?=(?-i:[A-Z•]))|$)",
                    re.I)
SECTION_OF = {w: name for w, name in _LABEL_WORDS}
_MID_LABEL = re.compile(r"(?<=[.!?])\s*(?=(?:Challenges|Goals|Accomplishments|Key Accomplishments):)")
LEAD_IN = re.compile(r"\b(?:(?:have|has) included|include|included|are|were|the following)\s*:$", re.I)
SMALL = {"a", "an", "the", "of", "and", "for", "in", "on", "to", "with", "by", "at", "from"}

_GOAL = re.compile(r"\b(?:aims? to|goals?|objectives?|seeks? to|priorit\w+|(?:is|are) designed to|intends? to|"
                   r"will|"
                   r"program in|supports?|works? (?:to|with)|helps?|is helping|strengthens?|builds?|improves?|"
                   r"promot\w+|enhances?|focus(?:es)? on|to (?:strengthen|build|improve|promote|reduce|combat))\b",
                   re.I)
_DONE = re.compile(r"\b(?:(?:has|have|had) (?:\w+ )?(?:trained|provided|supported|helped|established|built|"
                   r"bolstered|"
                   r"transformed|donated|delivered|assisted|equipped|launched|enabled|contributed|worked|"
                   r"improved|expanded|developed|completed|mentored|strengthened|partnered|focused)|trained|"
                   r"provided|established|donated|constructed|resulted in|graduated|completed|since then|"
                   r"launched|signed|opened|inaugurated|equipped|renovated)\b", re.I)
_CHALLENGE = re.compile(r"\b(?:challeng\w*|lacks?|lacking|corrupt\w*|threats?|traffick\w*|smuggl\w*|violen\w*|"
                        r"insecurity|instability|weak\w*|limited|insufficient|struggl\w*|vulnerab\w*|imped\w*|"
                        r"undermin\w*|porous|impunity|crimes?|criminals?|illicit|remains?|terroris\w*|extremis\w*|"
                        r"transit|problem\w*|poor|inadequate|overcrowd\w*|conflicts?|drugs?|narcotics?|"
                        r"cultivation|insurgen\w*|gangs?|abuses?|crisis|needed|needs|lagged|poverty|poorest)\b",
                        re.I)
_PRAISE = re.compile(r"\b(?:stable democracy|strong(?:est)? democrac\w*|strong partnership|strong,? reliable|"
                     r"reliable (?:U\.S\. )?partner|role model|boasts|solid record|free and fair|peaceful|"
                     r"diplomatic presence|strong U\.S\. partner|excellent record|influential member|"
                     r"largest bilateral|good governance|fast-growing economy|low corruption|successfully|"
                     r"stave off)\b",
                     re.I)

Line = namedtuple("Line", "kind text section labelled level marker")
"""kind: para, bullet or lead; section: challenges, goals, accomplishments, intro or None; labelled: whether a
label put it there; level: indentation; marker: the bullet's sign."""


class Page(namedtuple("Page", "lines title addresses notes cut")):
    """Fields: lines: list[Line], title: str | None, addresses: list[str], notes: list[str], cut: str."""

    __slots__ = ()


def _frame_and_notices(raw: list[str]) -> tuple[list[str], list[str]]:
    kept, addresses = [], []
    for line in raw:
        bare = line.strip()
        if FRAME.match(bare) or (NOTICE.search(bare) and len(bare) < 300):
            addresses += re.findall(r"https?://[^\s\"'<>]+", bare)
            continue
        if BOILERPLATE.search(bare):
            bare = " ".join(s for s in sentences(bare) if not BOILERPLATE.search(s) and not re.fullmatch(
                r"INL helps countries.*|These efforts reduce.*|INL'?s mission is.*", s))
            line = bare
        kept.append(line)
    return kept, [a.rstrip(".,;)") for a in addresses]


def _is_heading(text: str) -> bool:
    words = text.rstrip(":").split()
    if not words or len(words) > 8 or text[-1] in ".!?;," or not text[0].isupper():
        return False
    capital = [w for w in words if w.lower() not in SMALL]
    return bool(capital) and sum(w[0].isupper() for w in capital) >= 0.7 * len(capital)


def score(text: str) -> dict[str, int]:
    return {"goals": len(_GOAL.findall(text)), "accomplishments": len(_DONE.findall(text)),
            "challenges": len(_CHALLENGE.findall(text)), "intro": len(_PRAISE.findall(text))}


_ACTOR = re.compile(r"^(?:(?:In|Since|From|By) [^,]{1,40}, )?(?:INL\b|The United States\b|U\.S\. |The U\.S\. )")
_AIM = re.compile(r"\b(?:aims? to|goals?|objectives?|seeks? to|(?:is|are) designed to|intends? to|priorit\w+)\b",
                  re.I)


def classify(text: str) -> str | None:
    """What an unlabelled paragraph is, by what it says; None when it says nothing telling. What INL or the
    United States does or aims at, told in its first sentence, outweighs the problems it names."""
    s = score(text)
    if s["accomplishments"] >= 2 and s["accomplishments"] > s["goals"]:
        return "accomplishments"
    if s["intro"] >= 2 and s["intro"] > s["challenges"]:
        return "intro"
    first = sentences(text[:2000])[:1]
    first = first[0] if first else ""
    if _AIM.search(first) or (_ACTOR.match(first) and _GOAL.search(first)):
        return "goals"
    if s["challenges"]:
        return "challenges"
    if s["intro"]:
        return "intro"
    if s["goals"]:
        return "goals"
    return None


def read(text: str, country_names=lambda line: None) -> Page:
    """The page's lines, each filed under its section, with its title, addresses and notes."""
    notes: list[str] = []
    raw = [line.rstrip() for line in text.split("\n")]
    raw, addresses = _frame_and_notices(raw)
    content = [i for i, line in enumerate(raw) if len(line.strip()) > 60]
    if content:
        footer = next((i for i in range(content[0], len(raw)) if FOOTER.match(raw[i].strip())), len(raw))
        raw = raw[:footer]
    raw = [part for line in raw for part in _MID_LABEL.split(line)]
    title = None
    lines: list[Line] = []
    current, labelled = None, False
    for original in raw:
        stripped = original.strip()
        if not stripped:
            continue
        indent = len(original) - len(original.lstrip())
        if DATE_LINE.match(stripped):
            continue
        bare = repair(stripped)
        if not lines and len(bare) < 80 and not bare.endswith(".") and country_names(bare):
            title = title or bare
            continue
        heading = bare.rstrip(":").strip().lower()
        if heading in SECTION_OF and not BULLET.match(bare):
            current, labelled = SECTION_OF[heading], True
            if heading not in ("challenges", "goals", "accomplishments"):
                notes.append(f"read the heading {bare.rstrip(':')!r} as {current.capitalize()}")
            continue
        match = INLINE.match(bare)
        if match and not BULLET.match(bare):
            current, labelled = SECTION_OF[match.group("label").lower()], True
            bare = bare[match.end():].strip()
            if not bare:
                continue
        elif _is_heading(bare) and not BULLET.match(bare) and not bare.endswith(":"):
            current, labelled = None, False
            if lines:
                notes.append(f"the heading {bare!r} is not a Challenges, Goals or Accomplishments label; "
                             "filed what follows it by what it says")
            continue
        parts = [p for p in re.split(r"\s+(?=•)", bare) if p.strip()] if " •" in bare else [bare]
        for part in parts:
            bullet = BULLET.match(part)
            if bullet:
                body = part[bullet.end():].strip()
                if body.endswith(":") and LEAD_IN.search(body) and not re.search(r"\bresults?\b", body, re.I):
                    lines.append(Line("lead", body, current, labelled, indent, ""))
                elif body:
                    marker = re.sub(r"\d+", "1", re.sub(r"^[a-h]", "a", bullet.group("marker").strip()))
                    lines.append(Line("bullet", body, current, labelled, indent, marker))
            elif part.endswith(":"):
                lines.append(Line("lead", part, current, labelled, indent, ""))
            else:
                lines.append(Line("para", part, current, labelled, indent, ""))
    cut = ""
    if lines and lines[-1].text[-1] not in ".!?:\"”')]…":
        cut = " ".join(lines[-1].text.split())
    lines = _file(lines, notes)
    return Page(lines, title, addresses, notes, cut)


def _file(lines: list[Line], notes: list[str]) -> list[Line]:
    """Give every line a section. Labelled lines keep theirs unless they plainly belong to a section the page
    has no label for; the rest are filed by what they say. Bullets are accomplishments unless a line such as
    "INL's goals are to:" or "Key challenges include:" announces them as goals or challenges."""
    has_label = {line.section for line in lines if line.labelled}
    first_label = next((line.section for line in lines if line.labelled), None)
    out: list[Line] = []
    previous, list_section = None, "accomplishments"
    seen_in_section: set[str] = set()
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if line.kind == "lead" and not (following and following.kind == "bullet"):
            line = line._replace(kind="para")
        section = line.section
        before_labels = first_label == "challenges" and not any(o.labelled for o in out) and not line.labelled
        if before_labels and line.kind in ("lead", "bullet"):
            if len(line.text) > 60:
                notes.append(f"left out a list item before the first label: {line.text[:60]!r}…")
            out.append(line._replace(section="intro"))
            continue
        if line.kind == "lead":
            dated = re.search(r"\b(?:19|20)\d\d\b", line.text)
            list_section = section if section in ("challenges", "goals") and not dated and \
                classify(line.text) == section else "accomplishments"
            section = list_section
        elif line.kind == "bullet":
            if line.section == "accomplishments" or not out or out[-1].kind == "para" or \
                    lines[i - 1].section != line.section:
                list_section = "accomplishments"
            section = list_section
            if section == "accomplishments" and line.section != "accomplishments" and \
                    "accomplishments" not in has_label and previous != "accomplishments":
                notes.append("no Accomplishments label: took the bulleted list as accomplishments")
        elif not line.labelled:
            found = classify(line.text)
            if before_labels and found != "accomplishments":
                found = "intro"
            elif found is None:
                found = previous if previous not in (None, "intro") else "challenges"
                line = line._replace(marker="?")
            if found == "intro" and len(line.text) > 60:
                notes.append(f"left out the opening paragraph, not a challenge, goal or accomplishment: "
                             f"{line.text[:70]!r}…")
            elif line.section is None:
                notes.append(f"no label: took a paragraph as {found} by what it says: {line.text[:50]!r}…")
            section = found
        elif section in seen_in_section:
            found = classify(line.text)
            if found in ("goals", "accomplishments") and found not in has_label and found != section and \
                    score(line.text)[found] >= 2:
                notes.append(f"no {found.capitalize()} label: took a paragraph under {section.capitalize()} as "
                             f"{found} by what it says: {line.text[:50]!r}…")
                section = found
        if section != "intro":
            seen_in_section.add(section)
        out.append(line._replace(section=section))
        previous = section
    return out
