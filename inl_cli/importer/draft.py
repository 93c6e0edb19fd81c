"""The draft program file: YAML with a `# review:` comment above each guess, and what the import found."""
from __future__ import annotations

import json

from ..text import escape_unsafe
from ..text import one_line as visible


def _scalar(value) -> str:
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return escape_unsafe(text)
    return json.dumps(value)


def _comment(note: str) -> str:
    return visible(str(note))


def _emit(value: dict, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, item in value.items():
        if key.startswith("_"):
            continue
        if isinstance(item, dict):
            out += [f"{pad}# review: {_comment(note)}" for note in item.get("_review", [])]
            out.append(f"{pad}{key}:")
            _emit(item, indent + 2, out)
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            out.append(f"{pad}{key}:")
            for element in item:
                out += [f"{pad}  # review: {_comment(note)}" for note in element.get("_review", [])]
                lines: list[str] = []
                _emit(element, indent + 4, lines)
                out.append(f"{pad}  - {lines[0].lstrip()}")
                out.extend(lines[1:])
        elif isinstance(item, list):
            out.append(f"{pad}{key}: [{', '.join(_scalar(v) for v in item)}]")
        else:
            out.append(f"{pad}{key}: {_scalar(item)}")


def to_yaml(program: dict, source_name: str) -> str:
    out = [f"# Imported by `inl import` from {_comment(source_name)}. Check each '# review:' note, reword the "
           "text",
           "# in your own words where needed, then run `inl validate` on this file."]
    out += [f"# review: {_comment(note)}" for note in program.get("_notes", [])]
    _emit(program, 0, out)
    return "\n".join(out) + "\n"


def counts(program: dict) -> dict[str, int]:
    """What the import found, for the summary line and table."""
    items = program["accomplishments"]
    dated = [i for i in items if "date" in i] + [m for i in items for m in i.get("milestones", [])]
    events = [e for key in ("challenges", "goals") for c in program[key] for e in c.get("events", [])]
    reviews = len(program.get("_notes", [])) + sum(len(node.get("_review", [])) for node in _walk(program))
    return {"accomplishments": len(items), "dates": len(dated) + len(events),
            "results": sum(len(i.get("results", [])) for i in items), "partners": len(program["partners"]),
            "reviews": reviews, "cut": bool(program.get("_cut"))}


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)
