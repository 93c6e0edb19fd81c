"""The columns of ForeignAssistance.gov's CSV downloads that the import reads, found by name.

The complete dataset (`us_foreign_aid_complete.csv`) and a country's download share these columns, in
different places: the country download lacks five of the complete dataset's and spells one
`Funding Acount ID`. So a column is always found by its name in the header (case, spacing and a byte-order
mark ignored), never by its position.
"""
from __future__ import annotations

from ..text import fold, one_line

NEEDED = {
    "country_code": "Country Code",
    "country": "Country Name",
    "account": "Funding Account Name",
    "bureau": "Managing Sub-agency or Bureau Name",
    "us_sector": "US Sector Name",
    "implementing_partner": "Implementing Partner Name",
    "activity_id": "Activity ID",
    "activity_name": "Activity Name",
    "type_name": "Transaction Type Name",
    "fiscal_year": "Fiscal Year",
    "current": "Current Dollar Amount",
    "constant": "Constant Dollar Amount",
}
"""Field -> the column the import needs for it."""

OPTIONAL = {
    "bureau_acronym": "Managing Sub-agency or Bureau Acronym",  # lets --bureau INL match
    "type_id": "Transaction Type ID",  # the type by number, when its name changes
}

DEFAULT_ACCOUNT = "International Narcotics Control and Law Enforcement"
"""INL's own account: its rows are INL's spending, whichever bureau manages them."""

ACRONYMS = {fold(DEFAULT_ACCOUNT): "INCLE"}
"""Accounts people call by an acronym, for titles: "INCLE account"."""

DOWNLOADS = ("ForeignAssistance.gov's complete dataset (us_foreign_aid_complete.csv) or a country's download "
             "(Data > Download, by country)")

OBLIGATIONS, DISBURSEMENTS = "obligations", "disbursements"
APPROPRIATIONS, REQUESTS = "appropriations", "budget requests"
"""Obligations and disbursements are spending; appropriations and budget requests are plans, kept apart."""
_TYPE_IDS = {"2": OBLIGATIONS, "3": DISBURSEMENTS, "1": APPROPRIATIONS, "18": REQUESTS}


class MissingColumns(Exception):
    """Raised by `find`; the source module turns it into a BadFile naming the file."""


def normal(name: str) -> str:
    """A header name as compared: no byte-order mark, spaces collapsed, case and accents folded."""
    return " ".join(fold(name.replace("\ufeff", "")).split())


def find(header: list[str]) -> dict[str, int]:
    """Field -> index in `header` of every needed column and of the optional ones present.

    MissingColumns says which needed columns are not there and which columns the file has.
    """
    at: dict[str, int] = {}
    for index, name in enumerate(header):
        at.setdefault(normal(name), index)
    found = {field: at[normal(name)] for field, name in {**NEEDED, **OPTIONAL}.items() if normal(name) in at}
    missing = [name for field, name in NEEDED.items() if field not in found]
    if missing:
        listed = ", ".join(repr(one_line(n)[:60]) for n in header[:20]) + (
            f" and {len(header) - 20:,} more" if len(header) > 20 else "")
        raise MissingColumns(f"no column {' or '.join(map(repr, missing[:3]))}"
                             f"{f' (and {len(missing) - 3} more)' if len(missing) > 3 else ''}; "
                             f"the file has {len(header):,} column{'s' * (len(header) != 1)}: {listed}. "
                             f"Expected {DOWNLOADS}.")
    return found


def transaction_type(type_id: str | None, name: str | None) -> str:
    """The type as the extract writes it: obligations, disbursements, appropriations or budget requests by
    the site's type number (2, 3, 1, 18), else by its name; any other type keeps its own name."""
    known = _TYPE_IDS.get((type_id or "").strip())
    if known:
        return known
    words = fold(name or "").strip()
    for start, kind in (("obligat", OBLIGATIONS), ("disburse", DISBURSEMENTS), ("appropria", APPROPRIATIONS)):
        if words.startswith(start):
            return kind
    if "request" in words:
        return REQUESTS
    return " ".join((name or "").split()) or "unknown"


_UNASSIGNED = {"XKX": "XK"}
"""Codes the site uses that ISO 3166-1 has not assigned: Kosovo's."""


def alpha2(code: str) -> str:
    """The ISO 3166-1 alpha-2 code of an alpha-3 (or alpha-2) code: COL -> CO; "" when it names no country
    (a region). pycountry is imported only here, when a code is looked up."""
    if not code:
        return ""
    if code in _UNASSIGNED:
        return _UNASSIGNED[code]
    import pycountry

    found = pycountry.countries.get(alpha_3=code) if len(code) == 3 else pycountry.countries.get(alpha_2=code)
    return found.alpha_2 if found is not None else ""


def code(text: str) -> str:
    """A country code as the extract keys it, whoever wrote the file: ` ci` is CI."""
    return text.strip().upper()


def bureau_label(bureau: str) -> str:
    """A bureau as a caption names it: its own name when that says what it is ("Bureau of International
    Narcotics and Law Enforcement Affairs"), else "bureau INL"."""
    return bureau if fold(bureau).startswith(("bureau ", "office ")) else f"bureau {bureau}"


def account_label(account: str) -> str:
    """An account as a title names it: "INCLE account", else its name and "account"."""
    return f"{ACRONYMS.get(fold(account), account)} account"
