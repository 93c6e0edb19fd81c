"""Did-you-mean: what to say when a --country or --partner names nothing loaded."""
from __future__ import annotations

import difflib
import re

from ..text import fold, key, one_line


def listed(names: list[str], noun: str, command: str, most: int = 8) -> str:
    """Names for a message, or how many there are and the command that lists them, when too many to read."""
    if len(names) <= most:
        return ", ".join(names) or "none"
    return f"{len(names):,} {noun} (`{command}` lists them)"


def unknown_country(wanted: str, programs, session) -> str:
    """`no program for 'atlantis'; did you mean …?`, or the programs loaded and how to load another."""
    names = {key(p.country.name): p.country.name for p in programs}
    wanted_key = key(wanted)
    close = [name for name in sorted(names) if wanted_key and name.startswith(wanted_key)][:3]
    close = close or difflib.get_close_matches(wanted_key, names, n=3, cutoff=0.7)
    if close:
        hint = f"did you mean {', '.join(names[c] for c in close)}?"
    else:
        loaded = listed(sorted(names.values()), "programs", session.command("countries"))
        hint = f"loaded: {loaded}; --data PATH reads other program files"
    return one_line(f"no program for {wanted!r}; {hint}")


def unknown_partner(wanted: str, programs, session) -> str:
    """`no partner 'undpp'; did you mean UNDP?`, or the partners there are."""
    names = {}
    for program in programs:
        for partner in program.partners:
            for name in (partner.abbreviation, partner.name, partner.id):
                if name:
                    names.setdefault(fold(name), partner.abbreviation or partner.name)
    close = difflib.get_close_matches(fold(wanted), names, n=6, cutoff=0.7)
    words = {w for w in re.findall(r"\w+", fold(wanted)) if len(w) > 2}
    close += [name for name in names if words & set(re.findall(r"\w+", name))]
    shown = list(dict.fromkeys(names[c] for c in close))[:3]
    if shown:
        return one_line(f"no partner {wanted!r}; did you mean {', '.join(shown)}?")
    known = sorted(dict.fromkeys(names.values()), key=str.casefold)
    known_text = listed(known, "partners", session.command("show", "partners"))
    return one_line(f"no partner {wanted!r}; known: {known_text}")
