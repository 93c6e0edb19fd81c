"""Write N made-up program files for benchmarks: distinct country codes, 20 accomplishments each.

    python benchmarks/generate.py 600 /tmp/corpus-600

At most 676 programs: a folder holds one program per country, and there are 26 x 26
two-letter codes; asking for more is an error rather than a smaller corpus.
"""
from __future__ import annotations

import random
import string
import sys
from itertools import product
from pathlib import Path

WORDS = ("police", "court", "prison", "border", "customs", "forensic", "maritime", "community", "justice",
         "training", "anti-corruption", "narcotics", "laboratory", "prosecutor", "investigation", "reform")
UNITS = ("police officers", "prosecutors", "community awareness meetings", "judges", "trainers")


MAX_PROGRAMS = 26 * 26


def codes():
    for a, b in product(string.ascii_uppercase, repeat=2):
        yield a + b


def phrase(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def program(index: int, code: str, accomplishments: int = 20) -> str:
    rng = random.Random(index)
    name = f"Country {code} {index}"
    lines = [
        "schema_version: 1",
        f'country: {{name: "{name}", code: "{code}"}}',
        "bureau: {name: Bureau of International Narcotics and Law Enforcement Affairs, abbreviation: INL, "
        "department: U.S. Department of State}",
        f'source: {{title: "{name} Summary", url: "https://example.org/{code.lower()}"}}',
        "challenges:",
        f"  - {{id: c1, title: {phrase(rng, 3)}, text: {phrase(rng, 12)}, "
        f'events: [{{date: "{rng.randint(1995, 2010)}", title: {phrase(rng, 4)}}}]}}',
        "goals:",
        f"  - {{id: g1, title: {phrase(rng, 3)}, text: {phrase(rng, 10)}, crimes: [trafficking in persons]}}",
        "partners:",
        "  - {id: police, name: National Police, role: law enforcement counterpart}",
        "  - {id: justice, name: Ministry of Justice, abbreviation: MOJ, role: government counterpart}",
        "  - {id: undp, name: United Nations Development Programme, abbreviation: UNDP, "
        "role: implementing partner}",
        "accomplishments:",
    ]
    for n in range(accomplishments):
        year = rng.randint(2000, 2023)
        if n % 3 == 0:
            date = f'{{start: "{year}", end: "{year + rng.randint(1, 4)}"}}'
        elif n % 3 == 1:
            date = f'"{year}-{rng.randint(1, 12):02d}"'
        else:
            date = f'"{year}"'
        lines += [
            f"  - id: a{n}",
            f"    title: {phrase(rng, 5)}",
            f"    date: {date}",
            f"    partners: [{rng.choice(['police', 'justice', 'undp'])}]",
            f"    summary: {phrase(rng, 25)}",
            "    results:",
            f"      - {{value: {rng.randint(2, 500)}, unit: {rng.choice(UNITS)}, "
            f"qualifier: {rng.choice(['exact', 'more_than', 'about'])}}}",
        ]
        if n % 5 == 0:
            month = rng.randint(1, 12)
            lines.append(f'    milestones: [{{date: "{year + 1}-{month:02d}", title: {phrase(rng, 4)}}}]')
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int) -> Path:
    if not 0 < count <= MAX_PROGRAMS:
        raise ValueError(f"between 1 and {MAX_PROGRAMS} programs (one per two-letter country code), not {count}")
    folder.mkdir(parents=True, exist_ok=True)
    for index, code in zip(range(count), codes()):
        (folder / f"program_{index:04d}.yaml").write_text(program(index, code), encoding="utf-8")
    return folder


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: python benchmarks/generate.py N FOLDER   (N made-up programs, 1 to 676)")
    try:
        write_corpus(Path(sys.argv[2]), int(sys.argv[1]))
    except ValueError as error:
        sys.exit(f"generate.py: {error}")
