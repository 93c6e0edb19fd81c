"""Where the time of the rows that miss their targets goes, phase by phase, for the next one to look:

    python benchmarks/phases.py [--funding EXTRACT]

- start-up of `inl export --format json`: Click and PyYAML alone, then with inl's group, then with the
  export command and the modules it loads as it runs, then the whole command (whole processes, fastest of
  30, run from a temporary folder so that they import the installed inl, as the command does);
- N=70 (the generated portfolio): reading and checking the programs against PyYAML's own parse, the search
  and report views, and drawing them (in one process, fastest of 7);
- with `--funding EXTRACT`: the start-up of `inl funding` against Python's with the csv module (and with
  Click), then grouping the extract's rows for each `--by` against the csv module's bare reading of them,
  and writing `--by activity` as CSV (in one process, fastest of 7). An extract of the benchmark's own
  size comes from the generator of the tests:

      python -c "import sys; sys.path.insert(0, 'tests'); from funding_data import write_megabytes; \
                 write_megabytes('/tmp/fa300.csv', 300)"
      inl funding import /tmp/fa300.csv -o /tmp/extract.csv

Pinned to one core as benchmarks/run.py is; figures in milliseconds. No test runs it.
"""
from __future__ import annotations

import argparse
import csv
import glob
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import write_corpus  # noqa: E402
from run import INL, PYTHON, fastest, one_core  # noqa: E402

EXPORT_NEEDS = "inl_cli.commands.export, inl_cli.load, inl_cli.export, inl_cli.render.json, urllib.parse"


def best_ms(work, rounds: int = 7) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def startup(tmp: str) -> dict[str, float]:
    found = fastest({
        "import click, yaml": [PYTHON, "-c", "import click, yaml"],
        "  + inl's group (inl_cli.commands.main)": [PYTHON, "-c", "import click, yaml, inl_cli.commands.main"],
        "  + the export command and what it loads as it runs": [
            PYTHON, "-c", f"import click, yaml, inl_cli.commands.main, {EXPORT_NEEDS}"],
        "inl export --format json": INL + ["export", "--format", "json"],
    }, 30, cwd=tmp)
    return {name: seconds * 1000 for name, seconds in found.items()}


def portfolio(folder: str) -> dict[str, float]:
    import yaml

    from inl_cli import load, views
    from inl_cli.render.markdown import render_report
    from inl_cli.render.terminal import stream

    texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(folder + "/*.yaml"))]
    programs = load.load(folder)
    found = views.search(programs, "police")
    report = views.report(programs, (), "date", "", None)
    return {
        "PyYAML's parse of the 70 files (CSafeLoader)": best_ms(lambda: [yaml.load(t, Loader=yaml.CSafeLoader)
                                                                         for t in texts]),
        "inl's reading and checking of them (load.load)": best_ms(lambda: load.load(folder)),
        "search 'police': the view": best_ms(lambda: views.search(programs, "police")),
        f"search 'police': drawn without styles ({len(found.rows):,} hits)": best_ms(
            lambda: sum(map(len, stream([found], 120)))),
        "export: the report's views": best_ms(lambda: views.report(programs, (), "date", "", None)),
        "export: the Markdown": best_ms(lambda: render_report(report, chart=True)),
    }


def funding(extract: str, tmp: str) -> dict[str, float]:
    from inl_cli.funding import summary
    from inl_cli.funding.tables import as_tables
    from inl_cli.render import csv as render_csv

    empty = Path(tmp) / "empty.csv"
    with open(extract, encoding="utf-8") as handle:
        empty.write_text(handle.readline(), encoding="utf-8")
    starts = fastest({"python -c 'import csv'": [PYTHON, "-c", "import csv"],
                      "python -c 'import csv, click'": [PYTHON, "-c", "import csv, click"],
                      "inl funding -f csv, an extract without rows": INL + ["--funding", str(empty), "funding",
                                                                             "-f", "csv"]}, 30, cwd=tmp)
    found = {f"start-up: {name}": seconds * 1000 for name, seconds in starts.items()}

    def bare():
        with open(extract, encoding="utf-8", newline="") as handle:
            for _ in csv.reader(handle):
                pass

    found["csv.reader over the extract"] = best_ms(bare)
    for by in summary.BY:
        found[f"summarize --by {by}"] = best_ms(lambda by=by: summary.summarize(extract, by))
    activities = summary.summarize(extract, "activity")
    found[f"--by activity: its {len(activities.totals):,} rows as CSV"] = best_ms(
        lambda: render_csv.render(as_tables(activities, human=False)))
    return found


def show(title: str, figures: dict[str, float]) -> None:
    print(title)
    width = max(map(len, figures))
    for name, ms in figures.items():
        print(f"  {name:{width}} {ms:8.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--funding", metavar="EXTRACT", help="also profile the queries of this funding extract")
    args = parser.parse_args()
    core = one_core()
    print(f"inl: {' '.join(INL)}; pinned to {core}", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="inl-phases-") as tmp:
        show("start-up of inl export --format json (whole processes)", startup(tmp))
        show("N=70, in one process", portfolio(str(write_corpus(Path(tmp) / "n70", 70))))
        if args.funding:
            show(f"funding queries of {args.funding}, in one process", funding(args.funding, tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
