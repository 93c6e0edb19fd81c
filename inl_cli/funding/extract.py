"""The funding extract: INL's rows of ForeignAssistance.gov's data, summed, in a small plain CSV.

One row per country, fiscal year, transaction type, account, bureau, U.S. sector, implementing partner and
activity, with its current and constant dollars summed over the transactions. Its columns (`COLUMNS`) are
documented, so any tool reads it; inl finds them by name too. Where it lives is `place`'s.
"""
from __future__ import annotations

import csv
import os
import stat
from collections import defaultdict
from operator import itemgetter
from typing import NamedTuple

from ..fiscal import parse as parse_year
from .errors import BadFile, NoExtract

COLUMNS = ("country", "code", "fiscal_year", "transaction_type", "account", "bureau", "us_sector",
           "implementing_partner", "activity_id", "activity_name", "current_dollars", "constant_dollars")


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


class _Feed:
    """The lines a csv reader reads: the one handed to it, then (for a quoted newline) the file's next ones."""

    __slots__ = ("handle", "line")

    def __init__(self, handle):
        self.handle, self.line = handle, None

    def __iter__(self):
        return self

    def __next__(self):
        line = self.line
        if line is not None:
            self.line = None
            return line
        return next(self.handle)


def records(handle):
    """The CSV records of `handle` (opened with newline=""), as lists of strings, as the csv module reads them.

    A line without a quote is split at its commas, four times faster than the csv module; a line with one
    goes to the csv module, which reads on through the lines a quoted newline takes. A blank line is [].
    """
    feed = _Feed(handle)
    reader = csv.reader(feed)
    for line in handle:
        if '"' not in line:
            yield line.rstrip("\r\n").split(",") if line.strip("\r\n") else []
        else:
            feed.line = line
            yield next(reader, [])


class Opened(NamedTuple):
    """An extract open for reading: `at` maps each of COLUMNS to its index, `rows` yields the rows after the
    header (see `records`), `handle` is the file (the caller closes it), `own` says the header is COLUMNS in
    their order, as the import writes it."""

    at: dict
    rows: object
    handle: object
    own: bool


MAX_EXTRACT = 256 * 1024 * 1024
"""The largest extract read: INL's rows of the whole complete dataset, summed, come to a few MB. The cap
bounds memory too, since a line (a hostile one may be the whole file) is read whole."""


def _open_file(path: str, named: bool):
    """The extract at `path`, open for reading as text. NoExtract when nothing is there; BadFile for a
    folder, a FIFO, a device or a file too large to be an extract. The file is opened without waiting
    (O_NONBLOCK, so a FIFO never blocks) and checked by what was opened, so nothing swapped in between a
    look and an open is read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise NoExtract(_no_extract(path, named), named) from None
    except IsADirectoryError:
        raise BadFile(path, "a folder, not a funding extract") from None
    except OSError as error:
        raise BadFile(path, error.strerror or str(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BadFile(path, "a folder, not a funding extract")
        if not stat.S_ISREG(info.st_mode):
            raise BadFile(path, "not a regular file (a FIFO, device or socket); give the extract's CSV file")
        if info.st_size > MAX_EXTRACT:
            raise BadFile(path, f"{info.st_size / 1024**2:,.0f} MB, more than the {MAX_EXTRACT // 1024**2} MB "
                                "an extract could be; a ForeignAssistance.gov download goes to "
                                "`inl funding import`")
        return open(fd, encoding="utf-8-sig", newline="")  # noqa: SIM115  the caller closes it
    except BaseException:
        os.close(fd)
        raise


def open_rows(path: str, named: bool = True) -> Opened:
    """The extract at `path`, open, its header read. NoExtract when there is no file (`named`: the user
    named it); BadFile when it cannot be read, is not a regular file, or its header lacks a column."""
    handle = _open_file(path, named)
    try:
        reader = records(handle)
        header = next(reader, None)
        if header is None:
            raise BadFile(path, "empty; write the extract again with `inl funding import`")
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
    return Opened({c: at[c] for c in COLUMNS}, reader, handle, [h.strip() for h in header] == list(COLUMNS))


def amounts_by(path: str, keys: tuple[str, ...], amount: str, named: bool = True) -> dict[tuple, list[str]]:
    """The values of the `amount` column, as written, grouped by the values of the `keys` columns.

    This is the whole cost of a query. In an extract of the import's own layout a line is cut only as far
    as its last key column, and the amount taken from its end, so a quoted name further on (a partner's,
    an activity's) needs no CSV parsing; other lines, and other layouts, are read by `records`. Blank lines
    are skipped. A row cut short raises IndexError, which the caller turns into a numbered BadFile.
    """
    opened = open_rows(path, named)
    key_of = itemgetter(*(opened.at[k] for k in keys))
    index = opened.at[amount]
    groups: dict = defaultdict(list)
    width, fields = max(opened.at[k] for k in keys) + 1, len(COLUMNS)
    with opened.handle:
        if not opened.own or width > opened.at["implementing_partner"] + 1:
            # Another layout, or keys up to the activity's name (quoted in half the lines): the csv module
            # reads every line faster than cutting them first would.
            for row in opened.rows:
                if row:
                    groups[key_of(row)].append(row[index])
            return groups
        back = index - fields
        feed = _Feed(opened.handle)
        reader = csv.reader(feed)
        for line in opened.handle:
            if '"' not in line:
                parts = line.split(",")
                if len(parts) == fields:
                    groups[key_of(parts)].append(parts[index])
                    continue
            else:  # quoted text after the last key column (a partner's or an activity's name) needs no parsing
                parts = line.split(",", width)
                if (len(parts) > width and line.find('"') >= len(line) - len(parts[-1])
                        and not line.count('"') % 2):
                    amounts = parts[-1].rsplit(",", 2)
                    if len(amounts) == 3:
                        groups[key_of(parts)].append(amounts[back])
                        continue
            if not line.strip():
                continue
            feed.line = line
            row = next(reader)
            if len(row) != fields:
                raise IndexError(len(row))
            groups[key_of(row)].append(row[index])
    return groups


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
    at, reader, handle, _ = open_rows(path)
    entries = []
    with handle:
        try:
            for number, row in enumerate(reader, 2):
                if not row:
                    continue
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
