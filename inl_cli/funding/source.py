"""Reading one of ForeignAssistance.gov's CSV downloads into DuckDB: the rows of a filter, summed.

The complete dataset is about 3.75 GB. DuckDB reads it as a stream on every core, keeps only the rows of
the account (and bureau) asked for and sums them by the columns the extract keeps, so memory stays in
the hundreds of megabytes whatever the file's size. It is also strict where it matters: a row with too few
fields (a file cut short), a quote never closed or bytes that are not UTF-8 are errors that name their row,
where a lenient reader would quietly count half a row. Only `inl funding import` imports this module and
`build`, and they are the only ones that import DuckDB.

Every value is read as text and amounts are cast here, so a bad one is found and named by its row (a
second, slower pass runs only then) instead of failing the scan with DuckDB's own message.
"""
from __future__ import annotations

import csv
import os
import re
import threading
from collections.abc import Callable
from typing import NamedTuple

from ..fiscal import parse as parse_year
from ..text import fold, one_line
from . import columns
from .errors import BadFile

HEADER_LIMIT = 1 << 20
"""A header longer than this (1 MB) is not ForeignAssistance.gov's."""
MEMORY_LIMIT = "500MB"
"""DuckDB's own buffers; what it cannot hold it spills to a temporary folder (peak memory stays < 1 GB)."""


class Filter(NamedTuple):
    """Which rows are INL's: the funding account's name, and a bureau's name or acronym (None: any)."""

    account: str = columns.DEFAULT_ACCOUNT
    bureau: str | None = None

    def describe(self) -> str:
        bureau = columns.bureau_label(self.bureau) if self.bureau else "all bureaus"
        return f"{columns.account_label(self.account)}, {bureau}"


Progress = Callable[[float], None]
"""Told the share of the work done, from 0 to 1."""

KEYS = ("country_code", "country", "fiscal_year", "type_id", "type_name", "account", "bureau", "us_sector",
        "implementing_partner", "activity_id", "activity_name")
"""The columns of a file's table (see `scan_file`), before its sums `current`, `constant` and its `bad` and
`rows` counts; a column the file lacks (an optional one) is NULL."""


class Db:
    """An in-memory DuckDB with bounded memory and a temporary folder of its own (for what it spills, and
    links to files whose names DuckDB would read as patterns), printing no progress bar of its own."""

    def __init__(self):
        import tempfile

        import duckdb

        self.folder = tempfile.mkdtemp(prefix="inl-funding-")
        self.con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "temp_directory": self.folder})
        self.con.execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false")

    def __enter__(self):
        return self

    def __exit__(self, *error):
        import shutil

        self.con.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        return False

    def source(self, path: str, count: int) -> str:
        """DuckDB's read_csv of `path`, every column text, named c0, c1, ... and strict about its shape."""
        names = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(count))
        return (f"read_csv({_literal(self._plain(path))}, header = true, auto_detect = false, delim = ',', "
                f"quote = '\"', escape = '\"', strict_mode = true, null_padding = false, columns = {{{names}}})")

    def _plain(self, path: str) -> str:
        """`path` as DuckDB must be given it: absolute (no ~ expansion) and without the characters of a glob
        pattern, which DuckDB would expand; such a name is read through a symbolic link of a plain name."""
        path = os.path.abspath(path)
        if not re.search(r"[*?\[\]{}]", path):
            return path
        link = os.path.join(self.folder, f"source-{len(os.listdir(self.folder))}.csv")
        os.symlink(path, link)
        return link

    def run(self, path: str, sql: str, params: list, progress: Progress | None = None) -> list[tuple]:
        """Run `sql` in a thread while this one reports DuckDB's progress; Ctrl-C interrupts the query.
        A CSV error becomes a BadFile of `path`."""
        import duckdb

        found: dict = {}

        def work():
            try:
                found["rows"] = self.con.execute(sql, params).fetchall()
            except BaseException as error:  # noqa: BLE001  handed to the waiting thread
                found["error"] = error

        worker = threading.Thread(target=work, name="inl-funding-scan", daemon=True)
        worker.start()
        try:
            while worker.is_alive():
                worker.join(0.1)
                share = self.con.query_progress()
                if progress and share >= 0:
                    progress(min(share, 100.0) / 100)
        except KeyboardInterrupt:
            self.con.interrupt()
            worker.join()
            raise
        error = found.get("error")
        if isinstance(error, duckdb.Error):
            raise _csv_problem(path, error) from None
        if error is not None:
            raise error
        if progress:
            progress(1.0)
        return found["rows"]


def read_header(path: str) -> list[str]:
    """The first row of `path`: BadFile for an empty, binary or non-UTF-8 file, or one without a header, and
    for anything but a regular file (a FIFO would wait for a writer, /dev/zero never ends)."""
    import stat

    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise BadFile(path, "a folder; give the CSV files in it" if stat.S_ISDIR(mode) else
                          "not a regular file; give the CSV file itself")
        with open(path, "rb") as handle:
            head = handle.read(HEADER_LIMIT)
    except OSError as error:
        raise BadFile(path, error.strerror or str(error)) from None
    if not head.strip():
        raise BadFile(path, f"empty; expected {columns.DOWNLOADS}")
    if b"\0" in head[:65536]:
        raise BadFile(path, f"binary data, not a CSV file; expected {columns.DOWNLOADS}")
    end = head.find(b"\n")
    if end < 0 and len(head) == HEADER_LIMIT:
        raise BadFile(path, f"no header line in its first megabyte; expected {columns.DOWNLOADS}")
    line = head if end < 0 else head[:end]
    try:  # the header only: DuckDB names the row of any later byte that is not UTF-8
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadFile(path, f"not UTF-8 text; expected {columns.DOWNLOADS}", 1) from None
    try:
        return next(csv.reader([text.rstrip("\r")]))
    except (csv.Error, StopIteration):
        raise BadFile(path, f"no header line; expected {columns.DOWNLOADS}") from None


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _where(at: dict[str, int], wanted: Filter) -> tuple[str, list[str]]:
    """The SQL condition of `wanted` (case and surrounding spaces ignored) and its parameters."""
    condition, params = f"lower(trim(c{at['account']})) = ?", [wanted.account.strip().lower()]
    if wanted.bureau:
        names = [f"lower(trim(c{at['bureau']})) = ?"]
        if "bureau_acronym" in at:
            names.append(f"lower(trim(c{at['bureau_acronym']})) = ?")
        condition += f" AND ({' OR '.join(names)})"
        params += [wanted.bureau.strip().lower()] * len(names)
    return condition, params


def _amount_bad(column: str) -> str:
    return f"(NULLIF(trim({column}), '') IS NOT NULL AND TRY_CAST({column} AS BIGINT) IS NULL)"


def scan_file(db: Db, path: str, wanted: Filter, table: str, progress: Progress | None = None) -> int:
    """Sum the rows of `wanted` in the file at `path` into a new table named `table`, keyed by KEYS as the
    file writes them, and return how many rows of the file that is. BadFile for a file that cannot be
    read, or a row of the filter whose amount or fiscal year is not one."""
    header = read_header(path)
    try:
        at = columns.find(header)
    except columns.MissingColumns as error:
        raise BadFile(path, str(error)) from None
    source = db.source(path, len(header))
    keys = ", ".join(f"c{at[k]} AS {k}" if k in at else f"NULL::VARCHAR AS {k}" for k in KEYS)
    current, constant = f"c{at['current']}", f"c{at['constant']}"
    where, params = _where(at, wanted)
    db.con.execute("SET preserve_insertion_order = false")  # less memory; the sums need no order
    db.run(path, f"CREATE TEMP TABLE {table} AS SELECT {keys}, sum(TRY_CAST({current} AS BIGINT)) AS current, "
                 f"sum(TRY_CAST({constant} AS BIGINT)) AS constant, "
                 f"bool_or({_amount_bad(current)} OR {_amount_bad(constant)}) AS bad, count(*) AS rows "
                 f"FROM {source} WHERE {where} GROUP BY ALL", params, progress)
    bad, rows, fiscal = db.con.execute(f"SELECT coalesce(bool_or(bad), false), coalesce(sum(rows), 0), "
                                       f"list(DISTINCT coalesce(fiscal_year, '')) FROM {table}").fetchone()
    bad_years = {y for y in fiscal or () if parse_year(y) is None}
    if bad or bad_years:
        raise _first_bad_row(db, path, source, at, wanted, bad_years)
    return int(rows)


def _csv_problem(path: str, error: Exception) -> BadFile:
    """DuckDB's many-line error as one line, with the row it names (DuckDB counts the header as 1)."""
    text = str(error)
    row = re.search(r"CSV Error on Line: (\d+)", text)
    fields = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", text)
    if fields:
        reason = (f"{int(fields.group(2)):,} fields where the header has {int(fields.group(1)):,}; the file may "
                  "be cut short or damaged")
    elif "unterminated quote" in text.lower():
        reason = "a quoted value that never ends; the file may be cut short"
    elif "unicode" in text.lower() or "utf-8" in text.lower():
        reason = "not UTF-8 text; is it a binary or damaged file?"
    elif "maximum line size" in text.lower():
        reason = "a row longer than DuckDB reads (2 MB); the file may be damaged"
    else:
        reason = re.sub(r"^[\w ]*Error: ", "", text.strip().splitlines()[0])
    return BadFile(path, reason, int(row.group(1)) if row else None)


def _first_bad_row(db: Db, path, source, at, wanted: Filter, bad_years) -> BadFile:
    """The first row of `wanted` whose fiscal year or an amount is not one, counted as the header is row 1."""
    where, params = _where(at, wanted)
    year, current, constant = (f"c{at[k]}" for k in ("fiscal_year", "current", "constant"))
    years = ", ".join(_literal(y or "") for y in bad_years) or "NULL"
    sql = (f"SELECT n + 1, {year}, {current}, {constant} FROM (SELECT row_number() OVER () AS n, * "
           f"FROM {source}) WHERE {where} AND (coalesce({year}, '') IN ({years}) OR {_amount_bad(current)} "
           f"OR {_amount_bad(constant)}) ORDER BY n LIMIT 1")
    db.con.execute("SET preserve_insertion_order = true")  # row_number() counts rows in the file's order
    found = db.run(path, sql, params)
    if not found:
        return BadFile(path, "a fiscal year or an amount that is not one")
    row, year_text, current_text, constant_text = found[0]
    if parse_year(year_text or "") is None:
        shown = f"{one_line(year_text)[:40]!r}" if (year_text or "").strip() else "empty"
        return BadFile(path, f"Fiscal Year is {shown}, not a fiscal year such as 2019 or 1976TQ", row)
    name, text = ((columns.NEEDED["current"], current_text) if _not_amount(current_text)
                  else (columns.NEEDED["constant"], constant_text))
    return BadFile(path, f"{name} is {one_line(text)[:40]!r}, not a number of dollars", row)


def _not_amount(text: str | None) -> bool:
    if not (text or "").strip():
        return False
    try:
        float(text)
    except ValueError:
        return True
    return False


def closest(db: Db, paths: list[str], wanted: Filter) -> str:
    """Why nothing matched: the account (or bureau) names of the files that come closest to those asked for."""
    names = set()
    for path in paths:
        header = read_header(path)
        at = columns.find(header)
        acronym = f"c{at['bureau_acronym']}" if "bureau_acronym" in at else "NULL"
        sql = f"SELECT DISTINCT c{at['account']}, c{at['bureau']}, {acronym} FROM {db.source(path, len(header))}"
        names |= {tuple((v or "").strip() for v in row) for row in db.run(path, sql, [])}
    where = paths[0] if len(paths) == 1 else f"the {len(paths)} files"
    accounts = sorted({a for a, _, _ in names if a})
    same_account = [(b, r) for a, b, r in names if fold(a) == fold(wanted.account.strip())]
    if not same_account:
        return (f"no row of {where} has the account {wanted.account!r}; "
                f"{_suggest(wanted.account, accounts, 'accounts')}. Choose one with --account")
    bureaus = sorted({b for b, _ in same_account if b} | {r for _, r in same_account if r})
    return (f"no row of {where} has the account {wanted.account!r} and the bureau {wanted.bureau!r}; "
            f"{_suggest(wanted.bureau or '', bureaus, 'bureaus of that account')}. Choose one with --bureau")


def _suggest(wanted: str, names: list[str], noun: str, most: int = 8) -> str:
    """The names closest to `wanted` (difflib, or sharing a word), else the first few of them all."""
    import difflib

    folded = {fold(n): n for n in names}
    close = difflib.get_close_matches(fold(wanted), list(folded), n=3, cutoff=0.6)
    words = {w for w in re.findall(r"\w+", fold(wanted)) if len(w) > 3}
    close += [f for f in folded if f not in close and words & set(re.findall(r"\w+", f))]
    if close:
        return f"closest {noun}: " + "; ".join(folded[c] for c in close[:5])
    shown = "; ".join(names[:most]) + (f" and {len(names) - most:,} more" if len(names) > most else "")
    return f"the {noun}: {shown or 'none'}"
