"""The country a page is about, from its title, "INL's program in X", its address and its text, mapped to an
ISO 3166-1 alpha-2 code with pycountry (imported here only, so other commands never load it); demonyms.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..text import fold

# Names INL writes that pycountry spells otherwise, and the short name to write for them.
ALIASES = {
    "The Gambia": "GM", "Gambia": "GM", "Cabo Verde": "CV", "Cape Verde": "CV", "Côte d'Ivoire": "CI",
    "Cote d'Ivoire": "CI", "Ivory Coast": "CI", "Burma": "MM", "Laos": "LA", "Russia": "RU", "Syria": "SY",
    "Iran": "IR", "Vietnam": "VN", "South Korea": "KR", "North Korea": "KP", "Bolivia": "BO", "Venezuela": "VE",
    "Tanzania": "TZ", "Moldova": "MD", "Democratic Republic of the Congo": "CD", "DRC": "CD",
    "Republic of the Congo": "CG", "Micronesia": "FM", "West Bank and Gaza": "PS", "Palestinian Territories": "PS",
    "Turkey": "TR", "Türkiye": "TR", "Czech Republic": "CZ", "East Timor": "TL", "Timor-Leste": "TL",
    "Brunei": "BN", "The Bahamas": "BS", "Bahamas": "BS", "Kyrgyz Republic": "KG", "Macedonia": "MK",
    "North Macedonia": "MK", "Eswatini": "SZ", "Swaziland": "SZ", "Taiwan": "TW", "Holy See": "VA",
    "United Kingdom": "GB", "Britain": "GB", "Bosnia and Herzegovina": "BA", "Bosnia": "BA",
    "The Philippines": "PH", "Philippines": "PH", "The Netherlands": "NL", "Saint Lucia": "LC",
    "Kosovo": "XK",
}
#: Codes in common use that ISO 3166-1 has not assigned (the draft says so in a review note).
UNASSIGNED = {"XK": "Kosovo"}
DISPLAY = {"GM": "The Gambia", "CV": "Cabo Verde", "CI": "Côte d'Ivoire", "BS": "The Bahamas", "MM": "Burma",
           "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "PS": "West Bank and Gaza",
           "FM": "Micronesia", "TR": "Turkey", "CZ": "Czech Republic"}
# Country names that are never the subject: the page is by the United States about another country.
NEVER = {"US", "UM"}
DEMONYMS = {
    "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AR": "Argentine", "AM": "Armenian", "AZ": "Azerbaijani",
    "BS": "Bahamian", "BD": "Bangladeshi", "BB": "Barbadian", "BZ": "Belizean", "BJ": "Beninese",
    "BO": "Bolivian", "BA": "Bosnian", "BW": "Botswanan", "BR": "Brazilian", "BF": "Burkinabe", "MM": "Burmese",
    "BI": "Burundian", "CV": "Cabo Verdean|Cape Verdean", "CM": "Cameroonian", "CF": "Central African",
    "TD": "Chadian", "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "CD": "Congolese", "CG": "Congolese",
    "CR": "Costa Rican", "CI": "Ivorian|Ivoirian", "DJ": "Djiboutian", "DO": "Dominican", "EC": "Ecuadorian",
    "EG": "Egyptian", "SV": "Salvadoran", "ET": "Ethiopian", "FJ": "Fijian", "GA": "Gabonese", "GM": "Gambian",
    "GE": "Georgian", "GH": "Ghanaian", "GT": "Guatemalan", "GN": "Guinean", "GW": "Bissau-Guinean",
    "GY": "Guyanese", "HT": "Haitian", "HN": "Honduran", "IN": "Indian", "ID": "Indonesian", "IQ": "Iraqi",
    "IL": "Israeli", "JM": "Jamaican", "JO": "Jordanian", "KZ": "Kazakh|Kazakhstani", "KE": "Kenyan",
    "KG": "Kyrgyz", "LA": "Lao|Laotian", "LB": "Lebanese", "LR": "Liberian", "LY": "Libyan", "MG": "Malagasy",
    "MW": "Malawian", "MY": "Malaysian", "MV": "Maldivian", "ML": "Malian", "MR": "Mauritanian", "MX": "Mexican",
    "MD": "Moldovan", "MN": "Mongolian", "ME": "Montenegrin", "MA": "Moroccan", "MZ": "Mozambican",
    "NA": "Namibian", "NP": "Nepali|Nepalese", "NI": "Nicaraguan", "NE": "Nigerien", "NG": "Nigerian",
    "MK": "Macedonian", "PK": "Pakistani", "PA": "Panamanian", "PG": "Papua New Guinean", "PY": "Paraguayan",
    "PE": "Peruvian", "PH": "Filipino|Philippine", "RW": "Rwandan", "SN": "Senegalese", "RS": "Serbian",
    "SL": "Sierra Leonean", "SO": "Somali", "ZA": "South African", "SS": "South Sudanese", "LK": "Sri Lankan",
    "SD": "Sudanese", "SR": "Surinamese", "TJ": "Tajik", "TZ": "Tanzanian", "TH": "Thai", "TL": "Timorese",
    "TG": "Togolese", "TT": "Trinidadian", "TN": "Tunisian", "TR": "Turkish", "TM": "Turkmen", "UG": "Ugandan",
    "UA": "Ukrainian", "UY": "Uruguayan", "UZ": "Uzbek", "VE": "Venezuelan", "VN": "Vietnamese", "YE": "Yemeni",
    "ZM": "Zambian", "ZW": "Zimbabwean", "XK": "Kosovar", "PS": "Palestinian", "JP": "Japanese", "KR": "Korean",
    "RU": "Russian", "SY": "Syrian", "IR": "Iranian", "CU": "Cuban",
}


def key(text: str) -> str:
    """Letters only, accents and case folded: "Côte d'Ivoire" and "cote-divoire" agree."""
    return "".join(c for c in fold(text) if c.isalpha())


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, str]]:
    """Every name of every country, as written: (code, name to write)."""
    import pycountry

    names: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        short = DISPLAY.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name and "," not in name and "(" not in name:
                names.setdefault(name, (c.alpha_2, short))
    for name, code in ALIASES.items():
        names[name] = (code, DISPLAY.get(code) or UNASSIGNED.get(code) or name)
    return {name: value for name, value in names.items() if value[0] not in NEVER}


@lru_cache(maxsize=1)
def _keys() -> dict[str, tuple[str, str]]:
    keys: dict[str, tuple[str, str]] = {}
    for written, value in _names().items():
        keys.setdefault(key(written), value)
    return keys


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    names = sorted(_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def lookup(name: str) -> tuple[str, str] | None:
    """(code, short name) for a country's name in any usual spelling, or None."""
    name = " ".join(name.split()).strip(" .:")
    return _keys().get(key(name))


def by_code(code: str) -> str | None:
    import pycountry

    if code.upper() in UNASSIGNED:
        return UNASSIGNED[code.upper()]
    found = pycountry.countries.get(alpha_2=code.upper())
    if found is None:
        return None
    return DISPLAY.get(found.alpha_2) or getattr(found, "common_name", None) or found.name


@lru_cache(maxsize=1)
def _demonym_pattern() -> tuple[re.Pattern, dict[str, str]]:
    codes = {d: code for code, value in DEMONYMS.items() for d in value.split("|")}
    names = sorted(codes, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")s?(?![\w-])"), codes


def mentions(text: str) -> list[tuple[str, int]]:
    """The countries `text` is about, most first: two points for each time a country is named, one for each
    demonym ("Kenyan"), ties going to the country named first."""
    names = _names()
    score: Counter = Counter()
    first: dict[str, int] = {}
    for m in _pattern().finditer(text):
        code = names[m.group()][0]
        score[code] += 2
        first.setdefault(code, m.start())
    pattern, codes = _demonym_pattern()
    for m in pattern.finditer(text):
        code = codes.get(m.group()) or codes.get(m.group()[:-1])
        if code and code not in NEVER:
            score[code] += 1
            first.setdefault(code, m.start())
    return sorted(score.items(), key=lambda item: (-item[1], first[item[0]]))


def from_address(url: str) -> tuple[str, str] | None:
    """The country named in a page's address: ".../cabo-verde-summary/", "...-affairs-the-gambia/"."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url.lower())
    parts = [p for p in re.split(r"[/]", path) if p and p not in ("index.html", "index.htm")]
    if not parts:
        return None
    last = re.sub(r"-summary$|\.html?$", "", parts[-1])
    last = re.sub(r"^bureau-of-international-narcotics-and-law-enforcement-affairs-", "", last)
    words = last.split("-")
    for size in range(min(6, len(words)), 0, -1):
        found = lookup(" ".join(words[-size:]))
        if found:
            return found
    return None


def demonyms(code: str | None) -> list[str]:
    return DEMONYMS[code].split("|") if code in DEMONYMS else []


def all_demonyms() -> list[str]:
    return sorted({d for value in DEMONYMS.values() for d in value.split("|")}, key=len, reverse=True)
