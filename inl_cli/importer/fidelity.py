"""Fidelity of a draft to its page: every sentence of the page and where it went in the draft.

Each sentence of the page's text is looked for, whole, in the draft: in a challenge's or goal's text, an
accomplishment's summary or details, the source's title, the funding notes, or a review note that quotes it
(a sentence left out is quoted in full). The page's frame, notices, boilerplate, labels and date lines are
named as such. A sentence found nowhere is lost. The other way round, an entry whose text is not on the page
is invented.

The page is read line by line with the importer's own rules for the frame and labels, and its own repairs
(which only put back what the capture dropped), so that the check is of where sentences went, not of how
they were repaired. Run it on pages: `python -m inl_cli.importer.fidelity PAGE ...`.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, namedtuple

from ..text import key
from . import glue, sections
from .text import normalize, repair, sentences

Trace = namedtuple("Trace", "sentence where")
"""A sentence of the page and where it went: `challenges[0].text`, `note`, `frame`, ... or None (lost)."""

SKIPPED = ("frame", "boilerplate", "footer", "date line", "label")


def _holders(program: dict) -> list[tuple[str, str]]:
    """(where, text) of every field of the draft that holds the page's text."""
    found = [("source.title", program["source"]["title"])]
    for scope in ("challenges", "goals"):
        found += [(f"{scope}[{i}].text", item["text"]) for i, item in enumerate(program[scope])]
    for i, item in enumerate(program["accomplishments"]):
        found.append((f"accomplishments[{i}].summary", item["summary"]))
        found += [(f"accomplishments[{i}].details[{j}]", d) for j, d in enumerate(item.get("details", ()))]
    found += [(f"funding_notes[{i}]", note) for i, note in enumerate(program.get("funding_notes", ()))]
    return found


def _notes(node, where: str = "") -> list[tuple[str, str]]:
    """(where, note) of every review note of the draft."""
    found = []
    if isinstance(node, dict):
        found += [(f"note on {where or 'the page'}", n) for n in node.get("_review", []) + node.get("_notes", [])]
        for name, value in node.items():
            if not name.startswith("_"):
                found += _notes(value, f"{where}.{name}" if where else name)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _notes(value, f"{where}[{i}]")
    return found


def _lines(text: str) -> list[tuple[str, str | None]]:
    """(line, why it is not content or None) for each line of the page with words in it."""
    raw = [line.strip() for line in text.split("\n")]
    content = [i for i, line in enumerate(raw) if len(line) > 60]
    start = content[0] if content else 0
    footer = next((i for i in range(start, len(raw)) if sections.FOOTER.match(raw[i])), len(raw))
    out = []
    for i, line in enumerate(raw):
        if not re.search(r"\w", line):
            continue
        if i >= footer:
            out.append((line, "footer"))
        elif sections.FRAME.match(line) or (sections.NOTICE.search(line) and len(line) < 300):
            out.append((line, "frame"))
        elif sections.DATE_LINE.match(line):
            out.append((line, "date line"))
        else:
            out += [(part, None) for part in sections._MID_LABEL.split(line)]
    return out


def _sentences_of(line: str, vocabulary) -> list[tuple[str, str | None]]:
    bare, _ = glue.mend(repair(line), vocabulary)
    if bare.rstrip(":").strip().lower() in sections.SECTION_OF:
        return [(bare, "label")]
    label = sections.INLINE.match(bare)
    if label and not sections.BULLET.match(bare):
        bare = bare[label.end():]
    bullet = sections.BULLET.match(bare)
    if bullet:
        bare = bare[bullet.end():]
    return [(s, "boilerplate" if sections.BOILERPLATE.search(s) else None) for s in sentences(bare)]


def trace(text: str, program: dict) -> list[Trace]:
    """Every sentence of the page `text`, with where it went in `program` (the importer's data)."""
    text = normalize(text)
    vocabulary = glue.Vocabulary(text)
    holders = [(where, key(value)) for where, value in _holders(program)]
    notes = [(where, key(value)) for where, value in _notes(program)]
    boilerplate_run = False
    out = []
    for line, why in _lines(text):
        if why:
            out.append(Trace(line, why))
            continue
        for sentence, kind in _sentences_of(line, vocabulary):
            folded = key(sentence)
            boilerplate_run = kind == "boilerplate" or (boilerplate_run and _mission(sentence))
            if kind or boilerplate_run:
                out.append(Trace(sentence, kind or "boilerplate"))
                continue
            where = next((w for w, k in holders if folded and folded in k), None) or \
                next((w for w, k in notes if folded and folded in k), None)
            out.append(Trace(sentence, where))
    return out


def _mission(sentence: str) -> bool:
    return bool(re.fullmatch(r"INL helps countries.*|These efforts reduce.*|INL'?s mission is.*", sentence))


def invented(text: str, program: dict) -> list[tuple[str, str]]:
    """(where, text) of each entry whose text is not on the page (a list item's lead-in may come first)."""
    text = normalize(text)
    vocabulary = glue.Vocabulary(text)
    page = key(" ".join(glue.mend(repair(line), vocabulary)[0] for line in text.split("\n")))
    return [(where, value) for where, value in _holders(program)[1:]
            if any(key(part.rstrip("…")) not in page for part in re.split(r"(?<=:) ", value))]


def counts(traces: list[Trace]) -> Counter:
    """How many sentences went where: challenges, goals, accomplishments, notes, skipped, lost."""
    found: Counter = Counter()
    for t in traces:
        if t.where is None:
            found["lost"] += 1
        elif t.where in SKIPPED:
            found["skipped"] += 1
        elif t.where.startswith("note"):
            found["notes"] += 1
        else:
            found[t.where.split("[")[0].split(".")[0]] += 1
    return found


USAGE = "usage: python -m inl_cli.importer.fidelity PAGE.txt...  (where each sentence of each page went)"


def main(paths: list[str]) -> int:
    """Print each page's sentences and where they went, and the totals; 1 if any sentence is lost, 2 for
    no pages or a page that cannot be read."""
    from .build import PageError, read_page

    if not paths or any(p in ("-h", "--help") for p in paths):
        print(USAGE, file=sys.stdout if paths else sys.stderr)
        return 0 if paths else 2
    total: Counter = Counter()
    for path in paths:
        try:
            with open(path, encoding="utf-8") as stream:
                text = stream.read()
            program = read_page(text)
        except (OSError, UnicodeDecodeError, PageError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 2
        traces = trace(text, program)
        found = counts(traces)
        total += found
        print(f"== {path}: " + ", ".join(f"{k} {v}" for k, v in sorted(found.items())))
        for t in traces:
            if t.where not in SKIPPED:
                print(f"  {t.where or 'LOST':32} {t.sentence[:90]}")
        for where, value in invented(text, program):
            print(f"  INVENTED {where}: {value[:90]}")
    print("total: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))
    return 1 if total["lost"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
