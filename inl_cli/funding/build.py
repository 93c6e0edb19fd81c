"""`inl funding import`: ForeignAssistance.gov's files to the extract, DuckDB doing all the work on rows.

Each file is summed into a table of its own (`source.scan_file`). Then what the files write is made the
same whatever file wrote it: codes to ISO 3166-1 alpha-2, transaction types named, fiscal years as 2019
or 1976TQ, text trimmed. Those rules are Python's (`columns.alpha2`, `columns.transaction_type`,
`years.parse`), applied once to each distinct value and handed to DuckDB as small tables; DuckDB joins,
sums again, sorts and writes the extract's CSV, so no row passes through Python.
"""
from __future__ import annotations

import os
from typing import NamedTuple

from ..fiscal import FiscalYear
from ..fiscal import parse as parse_year
from ..text import fold
from . import columns
from .errors import NoMatch, Overlap
from .extract import COLUMNS

_TEXT = [c for c in COLUMNS if c not in ("code", "fiscal_year", "transaction_type", "current_dollars",
                                         "constant_dollars")]
_SOURCE = {"country": "country", "account": "account", "bureau": "bureau", "us_sector": "us_sector",
           "implementing_partner": "implementing_partner", "activity_id": "activity_id",
           "activity_name": "activity_name"}
_JOINS = ("JOIN codes k ON k.raw = coalesce(p.country_code, '') "
          "JOIN years y ON y.raw = coalesce(p.fiscal_year, '') "
          "JOIN types t ON t.id = coalesce(p.type_id, '') AND t.name = coalesce(p.type_name, '')")


class Scanned(NamedTuple):
    """What the import made: the extract's text (CSV), its rows, countries and fiscal years, and how many
    transactions of the filter each file had."""

    text: str
    rows: int
    countries: int
    fiscal_years: list[FiscalYear]
    rows_per_file: dict[str, int]


def scan(paths: list[str], wanted, progress=None) -> Scanned:
    """The extract of the rows of `wanted` (a source.Filter) in every file.

    BadFile for a file that cannot be read; NoMatch when no file has a row of `wanted` (with the closest
    names the files have); Overlap when two files hold one country's rows for the same fiscal year, which
    would count them twice. `progress` is told the share of the work done."""
    from .source import Db, closest, scan_file

    paths = list({os.path.realpath(p): p for p in reversed(paths)}.values())[::-1]  # a file named twice once
    sizes = [max(1, _size(p)) for p in paths]
    done, total = 0, sum(sizes)
    counts, tables = {}, []
    with Db() as db:
        for index, (path, size) in enumerate(zip(paths, sizes)):
            share = None if progress is None else (lambda part, before=done, size=size:
                                                   progress((before + part * size) / total))
            counts[path] = scan_file(db, path, wanted, f"part{index}", share)
            tables.append(f"part{index}")
            done += size
        if not any(counts.values()):
            raise NoMatch(closest(db, paths, wanted))
        db.con.execute("CREATE TEMP VIEW parts AS " + " UNION ALL ".join(f"SELECT * FROM {t}" for t in tables))
        _normal_values(db.con)
        if len(paths) > 1:
            _check_overlap(db.con, paths, tables)
        return _write(db, counts)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _normal_values(con) -> None:
    """Tables codes(raw, code), years(raw, year) and types(id, name, kind): each distinct value the files
    wrote, and what the extract writes for it."""
    def table(name: str, columns_sql: str, rows: list[tuple]) -> None:
        con.execute(f"CREATE TEMP TABLE {name} ({columns_sql})")
        if rows:
            con.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(rows[0]))})", rows)

    codes = con.execute("SELECT DISTINCT coalesce(country_code, '') FROM parts").fetchall()
    table("codes", "raw VARCHAR, code VARCHAR", [(raw, columns.alpha2(raw.strip().upper())) for raw, in codes])
    fiscal = con.execute("SELECT DISTINCT coalesce(fiscal_year, '') FROM parts").fetchall()
    table("years", "raw VARCHAR, year VARCHAR", [(raw, str(parse_year(raw))) for raw, in fiscal])
    kinds = con.execute("SELECT DISTINCT coalesce(type_id, ''), coalesce(type_name, '') FROM parts").fetchall()
    table("types", "id VARCHAR, name VARCHAR, kind VARCHAR",
          [(type_id, name, columns.transaction_type(type_id, name)) for type_id, name in kinds])


def _check_overlap(con, paths: list[str], tables: list[str]) -> None:
    """Overlap when two files hold rows of the same country (by code, else name) and fiscal year."""
    seen: dict = {}
    for path, table in zip(paths, tables):
        found = con.execute(f"SELECT DISTINCT coalesce(trim(p.country), ''), k.code, y.year FROM {table} p "
                            f"{_JOINS.split(' JOIN types')[0]}").fetchall()
        for country, code, year in found:
            other = seen.setdefault((code or fold(country), year), path)
            if other != path:
                raise Overlap(f"{other} and {path} both hold {country or code}'s FY{year} rows, which would be "
                              "counted twice; give the complete dataset or the country downloads, not both")


def _merges(con) -> bool:
    """Whether making the values the same could make two of the files' groups one: a code, fiscal year or
    type written two ways, or text with spaces around it. Files seldom do, and then no second sum is needed
    (it would be a sixth of the import of the complete dataset's INCLE rows)."""
    for table, column in (("codes", "code"), ("years", "year"), ("types", "kind")):
        if con.execute(f"SELECT count(*) <> count(DISTINCT {column}) FROM {table}").fetchone()[0]:
            return True
    padded = " OR ".join(f"{c} <> trim({c})" for c in _SOURCE.values())
    return bool(con.execute(f"SELECT coalesce(bool_or({padded}), false) FROM parts").fetchone()[0])


def _write(db, counts: dict[str, int]) -> Scanned:
    """The extract's rows, sorted, written as CSV by DuckDB: summed again only when `_merges` says two
    groups may have become one. An empty text is written as nothing (not a quoted ""), so that a line
    without quotes is read fastest."""
    texts = ", ".join(f"NULLIF(trim(p.{_SOURCE[c]}), '') AS {c}" for c in _TEXT)
    values = f"{texts}, NULLIF(k.code, '') AS code, y.year AS fiscal_year, t.kind AS transaction_type"
    if _merges(db.con):
        rows = (f"SELECT {values}, coalesce(sum(p.current), 0) AS current_dollars, coalesce(sum(p.constant), 0) "
                f"AS constant_dollars FROM parts p {_JOINS} GROUP BY ALL")
    else:
        rows = (f"SELECT {values}, coalesce(p.current, 0) AS current_dollars, coalesce(p.constant, 0) "
                f"AS constant_dollars FROM parts p {_JOINS}")
    order = ", ".join(c for c in COLUMNS if not c.endswith("_dollars"))
    out = os.path.join(db.folder, "extract.csv")
    written, = db.con.execute(f"COPY (SELECT {', '.join(COLUMNS)} FROM ({rows}) ORDER BY {order}) TO '{out}' "
                              "(HEADER, DELIMITER ',')").fetchone()
    countries, fiscal = db.con.execute(
        "SELECT count(DISTINCT CASE WHEN k.code <> '' THEN k.code ELSE '~' || lower(trim(p.country)) END), "
        "list(DISTINCT y.year) FROM parts p JOIN codes k ON k.raw = coalesce(p.country_code, '') "
        "JOIN years y ON y.raw = coalesce(p.fiscal_year, '')").fetchone()
    with open(out, encoding="utf-8", newline="") as handle:
        text = handle.read()
    return Scanned(text, written, countries, sorted(map(parse_year, fiscal)), counts)
