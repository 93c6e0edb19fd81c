"""Partners named on a page, as the page names them: organisations in any case, the country's government; a
known body keeps the page's name, its usual name and abbreviation kept aside (`_known`) for `also_known_as`.

Verbs ("Training Sierra Leone Police") and whole sentences never become a partner's name.
"""
from __future__ import annotations

import re

from ..text import ascii_words

KNOWN = {
    "un development program": ("United Nations Development Programme", "UNDP", "implementing partner"),
    "un development programme": ("United Nations Development Programme", "UNDP", "implementing partner"),
    "united nations development programme": ("United Nations Development Programme", "UNDP",
                                             "implementing partner"),
    "united nations development program": ("United Nations Development Programme", "UNDP",
                                           "implementing partner"),
    "un office on drugs and crime": ("United Nations Office on Drugs and Crime", "UNODC", "implementing partner"),
    "united nations office on drugs and crime": ("United Nations Office on Drugs and Crime", "UNODC",
                                                 "implementing partner"),
    "international organization for migration": ("International Organization for Migration", "IOM",
                                                  "implementing partner"),
}
ORG_END = ("Police", "Gendarmerie", "Program", "Programme", "Agency", "Service", "Services", "Court", "Courts",
           "Commission", "Council", "Directorate", "Guard", "Unit", "Authority", "Office", "Organization",
           "Institute", "Academy", "Customs", "Force", "Forces", "Judiciary", "Ministry", "Corps",
           "Administration",
           "Prosecutor", "Prosecutors", "Bureau", "Department", "Association", "Center", "Centre", "School",
           "Network", "Foundation", "Tribunal", "Parliament", "Assembly")
ORG_START = ("Ministry", "Office", "Department", "Directorate", "Bureau", "Agency", "National", "Supreme",
             "High", "Attorney")
GOVERNMENT_END = {"Ministry", "Office", "Directorate", "Commission", "Agency", "Authority", "Court", "Courts",
                  "Judiciary", "Administration", "Parliament", "Assembly", "Tribunal", "Prosecutor", "Prosecutors",
                  "Council", "Customs", "Service", "Services"}
LAW = {"Police", "Gendarmerie", "Guard", "Customs", "Coast", "Border", "Prison", "Corrections", "Penitentiary"}
NOT_NAMES = re.compile(r"Narcotics and Law Enforcement|^(?:U\.S\.|United States)|Department of State$", re.I)
_LEADING = re.compile(r"^(?:(?:(?i:the|a|an|this|these|its|their|in|with|through|for|since|during|after|"
                      r"following|under|by|at|from|to|on|and|of|within|between|among)"
                      r"|(?!(?:United|Armed|Federated|Limited|Beijing)\b)[A-Z][a-z]+(?:ing|ed))\s+)+")
# "INL and the UN Office on Drugs and Crime trained ...": the partner is what comes after "INL and".
_WITH_US = re.compile(r"^(?:INL|the United States|The United States|U\.S\.)\s+and\s+(?:the\s+)?")
_NAME = re.compile(r"\b((?:[A-Z][\w'.-]*|of|and|for|on|the|de|du)(?:\s+(?:[A-Z][\w'.-]*|of|and|for|on|the|de|"
                   r"du)){0,9})(?:\s+\(([A-Z][A-Za-z]{1,9})\))?")
_LOWER_BODIES = (r"law enforcement(?: agencies| authorities)?|national police|police(?: force| "
                 r"service)?|gendarmerie|judiciary|judicial police|justice sector|prosecutors|prison service|"
                 r"corrections service|customs(?: service)?|coast guard|border police|armed forces|navy|"
                 r"security forces|civil society(?: working group| organizations)?|anti-corruption (?:agency|"
                 r"commission)|drug (?:control|enforcement) (?:agency|authority|commission)")
_GROUPS = re.compile(r"\b(?:an?|the|this|these)\s+((?:[A-Z][\w']+\s+)?(?:[a-z]+\s+){0,3}?"
                     r"(?:working group|task force|committee|association))\b")


class Taken(set):
    """Ids already given, with the next number to try for each base, so that a thousand items with the same
    first words get their ids in linear time."""

    def __init__(self, *args):
        super().__init__(*args)
        self.next: dict[str, int] = {}


def slug(text: str, taken: set[str]) -> str:
    base = "-".join(ascii_words(text)[:4]) or "item"
    counters = getattr(taken, "next", {})
    name, n = base, counters.get(base, 2)
    if n > 2:
        name = f"{base}-{n}"
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    counters[base] = n
    taken.add(name)
    return name


class Partners:
    """Partners found across the page, matched by name, abbreviation or kind."""

    def __init__(self, country: str, demonyms: list[str], other_demonyms: list[str]):
        self.country = country
        self.items: list[dict] = []
        self.ids: set[str] = set()
        self.by_name: dict[str, dict] = {}
        self.by_abbreviation: dict[str, dict] = {}
        names = "|".join(re.escape(d) for d in demonyms) or "\x00"
        place = re.escape(country)
        self._government = re.compile(
            rf"\b(?:{names})\s+government\b|\bgovernment of (?:the )?{place}\b|\b{place}'s government\b|"
            rf"\bINL and {place}\b|\b{place} and INL\b", re.I)
        every = "|".join(re.escape(d) for d in other_demonyms) or "\x00"
        self._lower = re.compile(rf"\b((?:{every})(?:-led)?\s+(?:{_LOWER_BODIES}))\b")

    def add(self, name: str, abbreviation: str | None, role: str, review: str = "", known=()) -> str:
        lowered = name.lower()
        found = self.by_name.get(lowered) or (abbreviation and self.by_abbreviation.get(abbreviation))
        if not found and len(lowered.split()) >= 3:
            found = next((p for p in self.items if len(p["name"].split()) >= 3 and (
                p["name"].lower().endswith(lowered) or lowered.endswith(p["name"].lower()))), None)
            if found and len(name) > len(found["name"]):
                del self.by_name[found["name"].lower()]
                found["name"] = name
                self.by_name[lowered] = found
        if found:
            if abbreviation and not found.get("abbreviation"):
                found["abbreviation"] = abbreviation
                self.by_abbreviation[abbreviation] = found
            return found["id"]
        item = {"id": "government" if role == "government" else slug(abbreviation or name, self.ids),
                "name": name}
        if abbreviation:
            item["abbreviation"] = abbreviation
            self.by_abbreviation[abbreviation] = item
        item["role"] = "government counterpart" if role == "government" else role
        if review:
            item["_review"] = [review]
        if known:
            item["_known"] = known
            self.by_abbreviation.setdefault(known[-1], item)
        self.items.append(item)
        self.by_name[name.lower()] = item
        return item["id"]

    def find(self, sentence: str) -> list[str]:
        found = []
        if self._government.search(sentence):
            found.append(self.add(f"Government of {self.country}", None, "government"))
        for m in self._lower.finditer(sentence):
            name = m.group(1)
            role = ("civil society counterpart" if "civil society" in name
                    else "law enforcement counterpart" if re.search(r"police|law enforcement|gendarmerie|customs|"
                                                                    r"guard|border", name, re.I)
                    else "government counterpart")
            found.append(self.add(name, None, role))
        for m in _NAME.finditer(sentence):
            name = _LEADING.sub("", _WITH_US.sub("", m.group(1)))
            name = re.sub(r"(?:\s+(?:the|of|and|for|on|de|du))+$", "", name)
            name = re.sub(r"'s$|(?<![A-Z]\.[A-Z])[.,]$", "", name)
            words = name.split()
            abbreviation = m.group(2)
            if not words or (len(words) < 2 and not abbreviation) or NOT_NAMES.search(name):
                if abbreviation and abbreviation in self.by_abbreviation:
                    found.append(self.by_abbreviation[abbreviation]["id"])
                continue
            known = KNOWN.get(name.lower())
            if known:
                full, short, role = known
                found.append(self.add(name, abbreviation, role, known=(full, short)))
            elif len(words) >= 2 and (words[-1] in ORG_END or (words[0] in ORG_START and "of" in words[1:3])
                                      or LAW & set(words[:2])):
                role = ("law enforcement counterpart" if LAW & set(words)
                        else "government counterpart" if words[0] in ORG_START or words[-1] in GOVERNMENT_END
                        else "partner")
                review = "" if role != "partner" else f"could not tell the role of {name!r}"
                found.append(self.add(name, abbreviation, role, review))
            elif abbreviation and abbreviation in self.by_abbreviation:
                found.append(self.by_abbreviation[abbreviation]["id"])
        for m in re.finditer(r"\b[A-Z]{2,}\b", sentence):
            item = self.by_abbreviation.get(m.group())
            if item:
                found.append(item["id"])
        for m in _GROUPS.finditer(sentence):
            name = m.group(1)
            lowered = name.lower()
            existing = next((p for p in self.items if p["name"].lower().endswith(lowered)
                             or lowered.endswith(p["name"].lower())), None)
            if existing and len(name) > len(existing["name"]):
                del self.by_name[existing["name"].lower()]
                existing["name"] = name
                self.by_name[lowered] = existing
            found.append(existing["id"] if existing else self.add(name, None, "civil society counterpart"))
        return list(dict.fromkeys(found))
