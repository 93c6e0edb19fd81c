"""Benchmarks of `inl funding`, as rows for benchmarks/run.py (`rows(rounds)`), or alone:

    python benchmarks/funding.py [--rounds 3] [--megabytes 300]

On a generated complete dataset of about 300 MB (tests/funding_data.py, the real file's columns and shape):

- `inl funding import` within 1.5 times DuckDB's own bare filtered scan of the same file: `read_csv` with the
  INCLE account's WHERE and a GROUP BY of the extract's columns, in a Python process of its own;
- its peak memory under 1 GB, on that file and on one four times its size (memory must not grow with it);
- every query of the extract (each --by as CSV, the table, the chart, one country) within 1.5 times reading
  the extract's rows with the csv module;
- for information: Polars' lazy streaming scan of the same query against DuckDB's (the engine choice).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from funding_data import INCLE, write_megabytes  # noqa: E402
from run import ENV, INL, PYTHON, fastest, peak_memory_mb, ratio_row, value_row  # noqa: E402

IMPORT_TARGET, QUERY_TARGET, MEMORY_MB = 1.5, 1.5, 1000
KEYS = ("Country Code", "Country Name", "Fiscal Year", "Transaction Type ID", "Transaction Type Name",
        "Funding Account Name", "Managing Sub-agency or Bureau Name", "US Sector Name",
        "Implementing Partner Name", "Activity ID", "Activity Name")
_KEYS_SQL = ", ".join(f'"{k}"' for k in KEYS)
DUCKDB_FLOOR = (
    "import sys, duckdb\n"
    "duckdb.sql('SET enable_progress_bar = false')\n"
    f"duckdb.execute('''SELECT {_KEYS_SQL}, sum(\"Current Dollar Amount\"), sum(\"Constant Dollar Amount\") "
    f"FROM read_csv(?) WHERE \"Funding Account Name\" = '{INCLE}' GROUP BY ALL''', [sys.argv[1]]).fetchall()\n")
POLARS_SCAN = (
    "import sys, polars as pl\n"
    f"(pl.scan_csv(sys.argv[1], infer_schema=False).filter(pl.col('Funding Account Name') == '{INCLE}')\n"
    f" .group_by({list(KEYS)!r}).agg(pl.col('Current Dollar Amount').cast(pl.Int64).sum(),\n"
    "                               pl.col('Constant Dollar Amount').cast(pl.Int64).sum())\n"
    " .collect(engine='streaming'))\n")
CSV_FLOOR = ("import csv, sys\n"
             "with open(sys.argv[1], encoding='utf-8', newline='') as handle:\n"
             "    for row in csv.reader(handle):\n"
             "        pass\n")
QUERIES = {
    "--by year --format csv": ["--by", "year", "-f", "csv"],
    "--by country --format csv": ["--by", "country", "-f", "csv"],
    "--by sector --format csv": ["--by", "sector", "-f", "csv"],
    "--by partner --format csv": ["--by", "partner", "-f", "csv"],
    "--by account --format csv": ["--by", "account", "-f", "csv"],
    "--by activity --format csv": ["--by", "activity", "-f", "csv"],
    "--by year (table)": ["--by", "year"],
    "--chart": ["--chart"],
    "--country CO --format json": ["--country", "CO", "-f", "json"],
}


def funding_command() -> list[str]:
    """`inl funding` once it is registered in `inl`, else the command object run by Python."""
    probe = subprocess.run(INL + ["funding", "--help"], capture_output=True, env=ENV)
    if probe.returncode == 0:
        return INL + ["funding"]
    return [PYTHON, "-c", "import sys\nfrom inl_cli.commands.funding import funding\n"
                          "funding(sys.argv[1:], prog_name='inl funding')"]


def has(module: str) -> bool:
    return subprocess.run([PYTHON, "-c", f"import {module}"], capture_output=True).returncode == 0


def import_rows(inl: list[str], source: str, extract: str, bigger: str, rounds: int) -> list[dict]:
    commands = {"import": inl + ["import", source, "-o", extract, "--force"],
                "floor: duckdb": [PYTHON, "-c", DUCKDB_FLOOR, source]}
    if has("polars"):
        commands["polars"] = [PYTHON, "-c", POLARS_SCAN, source]
    t = fastest(commands, rounds)
    megabytes = Path(source).stat().st_size / 1e6
    rows = [ratio_row(f"funding import, {megabytes:.0f} MB / DuckDB bare filtered scan", t["import"],
                      t["floor: duckdb"], IMPORT_TARGET)]
    if "polars" in t:
        rows.append(ratio_row(f"Polars streaming scan, {megabytes:.0f} MB / DuckDB bare filtered scan",
                              t["polars"], t["floor: duckdb"], None))
    rows.append(value_row(f"funding import, {megabytes:.0f} MB, peak memory", peak_memory_mb(commands["import"]),
                          "MB", MEMORY_MB))
    big = Path(bigger).stat().st_size / 1e6
    rows.append(value_row(f"funding import, {big:.0f} MB, peak memory",
                          peak_memory_mb(inl + ["import", bigger, "-o", extract + ".big", "--force"]), "MB",
                          MEMORY_MB))
    return rows


def query_rows(inl: list[str], extract: str, rounds: int) -> list[dict]:
    commands = {name: inl + ["--funding", extract, *args] for name, args in QUERIES.items()}
    commands["floor: csv"] = [PYTHON, "-c", CSV_FLOOR, extract]
    t = fastest(commands, rounds)
    with open(extract, encoding="utf-8") as handle:
        lines = sum(1 for _ in handle) - 1
    rows = [ratio_row(f"funding {name} / csv.reader over the extract ({lines:,} lines)", t[name],
                      t["floor: csv"], QUERY_TARGET) for name in QUERIES]
    rows.append(value_row("funding extract size", Path(extract).stat().st_size, "bytes", None))
    return rows


def rows(rounds: int = 3, megabytes: float = 300) -> list[dict]:
    """The funding rows; the 300 MB runs take a few seconds each, so they get at most three rounds."""
    inl = funding_command()
    with tempfile.TemporaryDirectory(prefix="inl-funding-bench-") as tmp:
        source = write_megabytes(Path(tmp) / "us_foreign_aid_complete.csv", megabytes)
        bigger = Path(tmp) / "four-times.csv"
        with open(bigger, "wb") as out:
            for copy in range(4):
                with open(source, "rb") as part:
                    if copy:
                        part.readline()  # one header
                    shutil.copyfileobj(part, out, 1 << 20)
        extract = str(Path(tmp) / "funding.csv")
        found = import_rows(inl, source, extract, str(bigger), max(1, min(rounds, 3)))
        return found + query_rows(inl, extract, rounds)


if __name__ == "__main__":
    import argparse

    from run import one_core, show

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=300)
    arguments = parser.parse_args()
    print(f"inl: {' '.join(funding_command())}; pinned to {one_core()}", file=sys.stderr)
    result = rows(arguments.rounds, arguments.megabytes)
    show(result)
    sys.exit(0 if all(row["ok"] for row in result) else 1)
