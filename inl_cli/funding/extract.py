"""The funding extract: INL's rows of ForeignAssistance.gov's data, summed, in a small plain CSV.

One row per country, fiscal year, transaction type, account, bureau, U.S. sector, implementing partner and
activity, with its current and constant dollars summed over the transactions. Its columns (`COLUMNS`) are
documented, so any tool reads it; inl finds them by name too. It lives in the user's data folder
(`$XDG_DATA_HOME/inl/funding.csv`, or where platformdirs puts data) unless --funding or $INL_FUNDING say
otherwise.
"""
from __future__ import annotations

import csv
import io
import os
from typing import NamedTuple

from .errors import BadFile, NoExtract
from .years import parse as parse_year

COLUMNS = ("country", "code", "fiscal_year", "transaction_type", "account", "bureau", "us_sector",
           "implementing_partner", "activity_id", "activity_name", "current_dollars", "constant_dollars")
AMOUNTS = ("current_dollars", "constant_dollars")
FILE_NAME = "funding.csv"


class Entry(NamedTuple):
    """One row of the extract. code: ISO 3166-1 alpha-2, "" for a region; fiscal_year: "2019" or "1976TQ";
    transaction_type: obligations, disbursements, appropriations, budget requests (or the site's own name of
    another type); amounts in whole dollars, negative for de-obligations."""

    country: str
    code: str
    fiscal_year: str
    transaction_type: str
    account: str
    bureau: str
    us_sector: str
    implementing_partner: str
    activity_id: str
    activity_name: str
    current_dollars: int
    constant_dollars: int


def default_path() -> str:
    """`$XDG_DATA_HOME/inl/funding.csv`, else platformdirs' user data folder for inl."""
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    if base and os.path.isabs(base):
        return os.path.join(base, "inl", FILE_NAME)
    import platformdirs

    return os.path.join(platformdirs.user_data_dir("inl", appauthor=False), FILE_NAME)


def locate(given: str | None) -> tuple[str, bool]:
    """The extract's path and whether the user named it: `given` (--funding), else $INL_FUNDING, else
    `default_path()`. An empty value counts as none."""
    if given:
        return given, True
    named = os.environ.get("INL_FUNDING", "")
    if named:
        return named, True
    return default_path(), False


def to_csv(entries: list[Entry]) -> str:
    """The extract's text: the header, then the rows in a stable order (country, year, type, the rest)."""
    from .years import FiscalYear

    def order(entry: Entry):
        year = parse_year(entry.fiscal_year) or FiscalYear(0)
        return (entry.country, entry.code, year, entry.transaction_type) + entry[4:10]

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(sorted(entries, key=order))
    return out.getvalue()


def open_rows(path: str, named: bool = True):
    """The extract's header as field -> index and an iterator of its rows (lists of strings), with the file.

    NoExtract when there is no file; BadFile when the header lacks a column. The caller closes the file.
    """
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise NoExtract(_no_extract(path, named), named) from None
    except IsADirectoryError:
        raise BadFile(path, "a folder, not a funding extract") from None
    except OSError as error:
        raise BadFile(path, error.strerror or str(error)) from None
    try:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise BadFile(path, f"empty; write the extract again with `inl funding import`")
        at = {name.strip(): index for index, name in reversed(list(enumerate(header)))}
        missing = [c for c in COLUMNS if c not in at]
        if missing:
            raise BadFile(path, f"not a funding extract: no column {', '.join(missing[:3])}; it has "
                                f"{', '.join(header[:12])}; write it with `inl funding import`")
    except (UnicodeDecodeError, csv.Error) as error:
        handle.close()
        raise BadFile(path, f"not a funding extract ({error})") from None
    except BaseException:
        handle.close()
        raise
    return {c: at[c] for c in COLUMNS}, reader, handle


def _no_extract(path: str, named: bool) -> str:
    if named:
        return (f"no funding extract at {path}; make it with `inl funding import FILE... -o {path}` "
                "from ForeignAssistance.gov's CSV download")
    return (f"no funding extract yet ({path}); make one with `inl funding import us_foreign_aid_complete.csv` "
            "from ForeignAssistance.gov's CSV download")


def amount(path: str, row: int, column: str, text: str) -> int:
    """An amount of the extract as a number; BadFile naming the row when it is not a whole number."""
    try:
        return int(text) if text else 0
    except ValueError:
        raise BadFile(path, f"{column} is {text[:40]!r}, not a whole number of dollars", row) from None


def read(path: str) -> list[Entry]:
    """Every row of the extract as an Entry, checked: amounts whole numbers, fiscal years years."""
    at, reader, handle = open_rows(path)
    entries = []
    with handle:
        try:
            for number, row in enumerate(reader, 2):
                if len(row) < len(COLUMNS):
                    raise BadFile(path, f"{len(row)} fields where the header has {len(COLUMNS)}", number)
                values = [row[at[c]] for c in COLUMNS]
                if parse_year(values[2]) is None:
                    raise BadFile(path, f"fiscal_year is {values[2][:40]!r}, not a fiscal year", number)
                values[10] = amount(path, number, "current_dollars", values[10])
                values[11] = amount(path, number, "constant_dollars", values[11])
                entries.append(Entry(*values))
        except (UnicodeDecodeError, csv.Error) as error:
            raise BadFile(path, f"cannot be read as CSV ({error})") from None
    return entries
