"""A page's sections: frame, notices and boilerplate dropped; labels, headings, bullets and paragraphs found,
each line under the label it follows (or none). Where each sentence goes is `placing`'s job.
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

Line = namedtuple("Line", "kind text section labelled level marker")
"""kind: para, bullet, lead (a line announcing a list) or heading (not a label); section: challenges, goals,
accomplishments or None, by the label it follows; labelled: whether a label put it there; level: indentation;
marker: the bullet's sign."""


class Page(namedtuple("Page", "lines title addresses cut mends skipped")):
    """Fields: lines: list[Line]; title: str | None; addresses: list[str]; cut: the last line's text when the
    page stops mid-sentence, else ""; mends: the glued words split (`glue.Mend`); skipped: (line, why) for each
    line that is not content (frame, notice, boilerplate, footer, date line, title, label)."""

    __slots__ = ()


def _frame_and_notices(raw: list[str], skipped: list) -> tuple[list[str], list[str]]:
    kept, addresses = [], []
    for line in raw:
        bare = line.strip()
        if FRAME.match(bare) or (NOTICE.search(bare) and len(bare) < 300):
            addresses += re.findall(r"https?://[^\s\"'<>]+", bare)
            skipped.append((bare, "frame"))
            continue
        if BOILERPLATE.search(bare):
            parts = sentences(bare)
            gone = [s for s in parts if BOILERPLATE.search(s) or re.fullmatch(
                r"INL helps countries.*|These efforts reduce.*|INL'?s mission is.*", s)]
            skipped += [(s, "boilerplate") for s in gone]
            line = " ".join(s for s in parts if s not in gone)
        kept.append(line)
    return kept, [a.rstrip(".,;)") for a in addresses]


def _is_heading(text: str) -> bool:
    words = text.rstrip(":").split()
    if not words or len(words) > 8 or text[-1] in ".!?;," or not text[0].isupper():
        return False
    capital = [w for w in words if w.lower() not in SMALL]
    return bool(capital) and sum(w[0].isupper() for w in capital) >= 0.7 * len(capital)


def _content(raw: list[str], skipped: list) -> list[str]:
    """The lines up to the site's footer ("U.S. Department of State" after the content), labels split off
    where a line holds two sections."""
    content = [i for i, line in enumerate(raw) if len(line.strip()) > 60]
    if content:
        footer = next((i for i in range(content[0], len(raw)) if FOOTER.match(raw[i].strip())), len(raw))
        skipped += [(line.strip(), "footer") for line in raw[footer:] if line.strip()]
        raw = raw[:footer]
    return [part for line in raw for part in _MID_LABEL.split(line)]


def read(text: str, country_names=lambda line: None, mend=lambda line: (line, [])) -> Page:
    """The page's lines, each under the label it follows, with its title, addresses and what was skipped.
    `mend` splits the lower-case words the capture glued (see `glue`)."""
    skipped: list = []
    raw, addresses = _frame_and_notices([line.rstrip() for line in text.split("\n")], skipped)
    title, lines, mends = None, [], []
    current, labelled = None, False
    for original in _content(raw, skipped):
        stripped = original.strip()
        if not stripped:
            continue
        if DATE_LINE.match(stripped) or not re.search(r"\w", stripped):
            skipped.append((stripped, "date line" if DATE_LINE.match(stripped) else "no words"))
            continue
        bare, mended = mend(repair(stripped))
        mends += mended
        if not lines and len(bare) < 80 and not bare.endswith(".") and country_names(bare):
            title = title or bare
            skipped.append((stripped, "title"))
            continue
        heading = bare.rstrip(":").strip().lower()
        if heading in SECTION_OF and not BULLET.match(bare):
            current, labelled = SECTION_OF[heading], True
            skipped.append((stripped, "label"))
            continue
        match = INLINE.match(bare)
        if match and not BULLET.match(bare):
            current, labelled = SECTION_OF[match.group("label").lower()], True
            bare = bare[match.end():].strip()
            if not bare:
                continue
        elif _is_heading(bare) and not BULLET.match(bare) and not bare.endswith(":"):
            current, labelled = None, False
            lines.append(Line("heading", bare, None, False, 0, ""))
            continue
        indent = len(original) - len(original.lstrip())
        lines += _split_line(bare, current, labelled, indent)
    cut = ""
    if lines and lines[-1].text[-1] not in ".!?:\"”')]…":
        cut = " ".join(lines[-1].text.split())
    return Page(lines, title, addresses, cut, mends, skipped)


def _split_line(bare: str, current, labelled: bool, indent: int) -> list[Line]:
    """A line as paragraphs, bullets (several on one line: "• a • b") and lead-ins ("... have included:")."""
    out = []
    parts = [p for p in re.split(r"\s+(?=•)", bare) if p.strip()] if " •" in bare else [bare]
    for part in parts:
        bullet = BULLET.match(part)
        if bullet:
            body = part[bullet.end():].strip()
            if body.endswith(":") and LEAD_IN.search(body) and not re.search(r"\bresults?\b", body, re.I):
                out.append(Line("lead", body, current, labelled, indent, ""))
            elif re.search(r"\w", body):  # a bullet of signs alone ("1. :") says nothing to import
                marker = re.sub(r"\d+", "1", re.sub(r"^[a-h]", "a", bullet.group("marker").strip()))
                out.append(Line("bullet", body, current, labelled, indent, marker))
        elif part.endswith(":"):
            out.append(Line("lead", part, current, labelled, indent, ""))
        else:
            out.append(Line("para", part, current, labelled, indent, ""))
    return out
