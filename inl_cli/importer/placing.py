"""Where each sentence of a page goes: challenges, goals, accomplishments, the program's funding note, or left
out with a note, by what the sentence does (`roles`) within the section the page puts it in.

- A problem is a challenge, an aim or an offer a goal, a past action an accomplishment. A sentence the page
  files under another label moves, with a note ("the page has this under Challenges ...").
- Under Goals a dated past step stays a goal ("In 2011, INL launched the ... Initiative"); under Challenges
  a statement of context or an event stays a challenge; under Accomplishments everything stays.
- A paragraph of past actions (two or more, with a date or a number) is accomplishments whatever its label.
- Without a label, each sentence goes where its role says, and context goes with the rest of its paragraph.
- Praise, diplomatic history and pointers to other documents are left out, all in one note; funding lines go
  to the program's funding note.
"""
from __future__ import annotations

import re
from collections import Counter, namedtuple

from . import roles
from .text import sentences

Piece = namedtuple("Piece", "section kind text note cut level marker group lead", defaults=("",))
"""One thing placed: kind `sentence` (a challenge or goal, or a sentence of prose accomplishments), `bullet`
or `lead` (an accomplishments list); note: why it is there, when that is a guess; cut: the page stops in it;
level and marker: a bullet's indentation and sign; group: the number of the page's line it comes from; lead:
the line announcing the list a challenge or goal is an item of ("Key challenges include:")."""

NATURAL = {"problem": "challenges", "aim": "goals", "offer": "goals", "action": "accomplishments"}
LEFT_OUT = {"praise": "praise", "history": "diplomatic history", "pointer": "a pointer to another document",
            "intro list": "a list before the first label", "fragment": "too short to be an item"}
WHY = {"problem": "names a problem", "aim": "says what INL aims at", "offer": "offers INL's help",
       "action": "reports what INL did"}
_DATE_OR_NUMBER = re.compile(r"\b(?:19|20)\d\d\b|\b\d[\d,.]*\b")
MIN_WORDS = 6
"""An item the page's end cuts is kept only with at least this many words; shorter, it is a page note."""


class Placed:
    """What `place` found: pieces by section, sentences left out (with their role), funding lines, notes."""

    def __init__(self):
        self.pieces: dict[str, list[Piece]] = {"challenges": [], "goals": [], "accomplishments": []}
        self.left_out: list[tuple[str, str]] = []
        self.funding: list[str] = []
        self.notes: list[str] = []
        self.cut_note = ""
        self.telling = 0
        """How many pieces a label or their role put where they are (0: the text says nothing to import)."""

    def add(self, section: str, kind: str, text: str, line, group: int, note: str = "", cut: bool = False,
            lead: str = "") -> None:
        self.pieces[section].append(Piece(section, kind, text, note, cut, line.level, line.marker, group, lead))


def place(lines: list, cut: str) -> Placed:
    """Place every line of a page (`sections.Page.lines`); `cut` is the last line's text when the page stops
    mid-sentence."""
    placed = Placed()
    labels = {line.section for line in lines if line.labelled}
    first_label = next((i for i, line in enumerate(lines) if line.labelled), len(lines))
    intro = first_label if first_label < len(lines) and lines[first_label].section == "challenges" else 0
    state = {"list": None, "lead": "", "previous": None, "bullets noted": False, "heading": False}
    for i, line in enumerate(lines):
        last = bool(cut) and i == len(lines) - 1
        if line.kind == "heading":
            placed.notes.append(f"the heading {line.text!r} is not a Challenges, Goals or Accomplishments label; "
                                "filed what follows it by what it says")
            state["previous"], state["heading"] = None, True
            continue
        if line.labelled:
            state["heading"] = False
        if line.kind in ("lead", "bullet"):
            following = lines[i + 1] if i + 1 < len(lines) else None
            _list_line(placed, line, following, i < intro, labels, state, (last, i))
        else:
            _paragraph(placed, line, state, (last, i))
    return placed


def _list_line(placed: Placed, line, following, before_labels: bool, labels: set, state: dict, where) -> None:
    """A bullet or a lead-in. Bullets are accomplishments unless a lead-in such as "Key challenges include:"
    or "INL's goals are to:" announces them as challenges or goals."""
    if before_labels:
        placed.left_out.append((line.text, "intro list"))
        return
    if line.kind == "lead":
        if not (following is not None and following.kind == "bullet"):
            _paragraph(placed, line._replace(kind="para"), state, where)
            return
        natural = NATURAL.get(roles.role(line.text))
        dated = re.search(r"\b(?:19|20)\d\d\b", line.text)
        state["list"] = natural if natural in ("challenges", "goals") and not dated and \
            line.section != "accomplishments" else "accomplishments"
        state["lead"] = line.text
        if state["list"] == "accomplishments":
            placed.add("accomplishments", "lead", line.text, line, where[1])
        return
    if where[0] and len(line.text.split()) < MIN_WORDS:
        placed.cut_note = line.text
        return
    section = "accomplishments" if line.section == "accomplishments" else state["list"] or "accomplishments"
    note = ""
    if section == "accomplishments" and len(sentences(line.text)) == 1:
        role = roles.role(line.text)
        if _set_aside(placed, line.text, role):
            return
        if role == "offer":  # "INL has the opportunity to help ..." is no accomplishment
            section = "goals"
            note = "the page lists this as an accomplishment: filed as a goal (it offers INL's help)"
    if section == "accomplishments" and "accomplishments" not in labels and not state["bullets noted"]:
        placed.notes.append("no Accomplishments label: took the bulleted list as accomplishments")
        state["bullets noted"] = True
    kind = "bullet" if section == "accomplishments" else "sentence"
    placed.telling += 1
    lead = state["lead"] if kind == "sentence" and section == state["list"] else ""
    placed.add(section, kind, line.text, line, where[1], note, cut=where[0], lead=lead)
    state["previous"] = section


def _paragraph(placed: Placed, line, state: dict, where) -> None:
    last, group = where
    state["list"] = None
    found = sentences(line.text)
    found = _join_fragments(found, placed)
    if not found:
        return
    kinds = [roles.role(s) for s in found]
    base = line.section if line.labelled else None
    kept = [(s, r) for s, r in zip(found, kinds) if not _set_aside(placed, s, r)]
    if not kept:
        return
    placed.telling += sum(base is not None or r in NATURAL for _, r in kept)
    actions = sum(r == "action" for _, r in kept)
    whole = base != "accomplishments" and actions >= 2 and 2 * actions >= len(kept) and \
        any(_DATE_OR_NUMBER.search(s) for s, _ in kept)
    usual = _usual_section(kept, state["previous"])
    targets = ["accomplishments" if whole else _target(r, base, usual) for _, r in kept]
    if not (base is None and state["heading"]):  # the heading's note says it already
        _note_moves(placed, line, kept, targets, base, whole)
    for index, ((sentence, _), target) in enumerate(zip(kept, targets)):
        cut = last and index == len(kept) - 1
        if cut and len(sentence.split()) < MIN_WORDS:
            placed.cut_note = sentence
            continue
        note = "" if target == base or base is None or whole else \
            f"the page has this under {base.capitalize()}: filed as {_one(target)} (it {WHY[kept[index][1]]})"
        if whole or len(set(targets)) == 1:
            note = ""
        placed.add(target, "sentence", sentence, line, group, note, cut)
    state["previous"] = Counter(targets).most_common(1)[0][0]


def _set_aside(placed: Placed, sentence: str, role: str) -> bool:
    """Left out or kept as funding: True when `sentence` is not a challenge, goal or accomplishment."""
    if role in LEFT_OUT:
        placed.left_out.append((sentence, role))
        return True
    if role == "funding":
        placed.funding.append(sentence)
        return True
    return False


_FRAGMENT = re.compile(r"\W*(?:(?:in|on|at|of|to|the|a|an|and|or|but|for|by|from|with|as)\b\W*)?", re.I)


def _join_fragments(found: list[str], placed: Placed) -> list[str]:
    """Fragments with no word of their own ("-", "In") joined to the sentence before them, or left out."""
    out: list[str] = []
    for sentence in found:
        if not _FRAGMENT.fullmatch(sentence):
            out.append(sentence)
        elif out:
            out[-1] = f"{out[-1]} {sentence}"
        elif re.search(r"\w", sentence):
            placed.left_out.append((sentence, "fragment"))
    return out


def _usual_section(kept: list, previous: str | None) -> str:
    """Where the context of an unlabelled paragraph goes: where most of its sentences go, else where the
    paragraph before went, else challenges."""
    natural = Counter(NATURAL[r] for _, r in kept if r in NATURAL)
    if natural:
        return natural.most_common(1)[0][0]
    return previous if previous in NATURAL.values() else "challenges"


def _target(role: str, base: str | None, usual: str) -> str:
    natural = NATURAL.get(role)
    if base is None:
        return natural or usual
    if base == "challenges":
        return natural if natural in ("goals", "accomplishments") else "challenges"
    if base == "goals":
        return "challenges" if role == "problem" else "goals"
    return "accomplishments"


def _one(section: str) -> str:
    return {"challenges": "a challenge", "goals": "a goal", "accomplishments": "an accomplishment"}[section]


def _note_moves(placed: Placed, line, kept: list, targets: list, base: str | None, whole: bool) -> None:
    """One page note for a paragraph filed as a whole somewhere the page did not put it."""
    quote = f"{line.text[:50]!r}…"
    if base is None:
        if len(set(targets)) == 1:
            placed.notes.append(f"no label: took a paragraph as {targets[0]} by what it says: {quote}")
        else:
            placed.notes.append(f"no label: filed each sentence of a paragraph by what it says: {quote}")
    elif whole:
        placed.notes.append(f"a paragraph of past actions under {base.capitalize()}: took it as accomplishments: "
                            f"{quote}")
    elif len(set(targets)) == 1 and targets[0] != base:
        why = WHY[next(r for _, r in kept if NATURAL.get(r) == targets[0])]
        placed.notes.append(f"the page has a paragraph under {base.capitalize()}, but it {why}: filed it as "
                            f"{targets[0]}: {quote}")
