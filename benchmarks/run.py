"""Benchmarks for inl: start-up against its import floor, scale against the YAML parse floor, memory.

Whole processes of the installed `inl` are timed, pinned to one core, in interleaved rounds, and the fastest
run of each is kept (noise only adds time); every ratio compares runs of the same session.

    python benchmarks/run.py                 # the table, with each target
    python benchmarks/run.py --json out.json --rounds 20

Exits 1 when a target is missed. Run it after the README's install (`pip install .`, not `-e`); it times
the `inl` installed beside this Python, with bytecode caching on (as users have it). No test runs it.

Rows are dicts, printed as a table and saved by --json, of two shapes:
    {"measure": str, "ms": float, "versus_ms": float, "ratio": float, "target": float | None, "ok": bool}
    {"measure": str, "value": float, "unit": str, "target": float | None, "ok": bool}
A ratio row meets its target when ratio <= target, a value row when value < target; a row without a target
is shown for information. benchmarks/funding.py, when it exists, adds its own rows through
`rows(rounds: int) -> list[dict]`; it may import this module's helpers (`from run import INL, fastest, ...`).
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import write_corpus  # noqa: E402

PYTHON = sys.executable
SCRIPT = Path(sysconfig.get_path("scripts")) / "inl"
INL = [str(SCRIPT)] if SCRIPT.exists() else [PYTHON, "-m", "inl_cli"]
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "INL_DATA")}
ENV.update(NO_COLOR="1", COLUMNS="120")
IMPORTS = {"rich": "import click, yaml, rich.console, rich.table\n", "plain": "import click, yaml\n"}
PARSE = ("import sys, glob, yaml\n"
         "for path in sorted(glob.glob(sys.argv[1] + '/*.yaml')):\n"
         "    yaml.load(open(path, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n")
SIZES = (10, 60, 70, 600)  # 70: INL's real portfolio; 60 and 600 for growth

# Every table view, as people see it piped: drawn by Rich without styles.
VIEWS = {
    "timeline": ["timeline"],
    "search police": ["search", "police"],
    "countries": ["countries"],
    **{f"show {section}": ["show", section] for section in
       ("overview", "challenges", "goals", "partners", "accomplishments", "results", "details")},
}
STARTUP, PORTFOLIO, LARGE, GROWTH, MEMORY_MB = 1.30, 1.5, 2.5, 11, 150


def one_core() -> str:
    """Pin this process, and so every process it starts, to one core: the floors and `inl` run alike."""
    if not hasattr(os, "sched_setaffinity"):
        return "all cores (this system cannot pin a process)"
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return f"core {core}"


def timed(command: list[str], cwd: str | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV, check=True, cwd=cwd)
    return time.perf_counter() - started


def fastest(commands: dict[str, list[str]], rounds: int, cwd: str | None = None) -> dict[str, float]:
    """The fastest of `rounds` interleaved runs of each command, after one warm-up run each, run in `cwd`
    (give one where `python -c "import inl_cli"` must find the installed package, not a checkout).

    A floor (a name starting "floor") runs three times a round: every ratio divides by it, so a floor
    caught by a busy moment would flatter them all.
    """
    for command in commands.values():
        timed(command, cwd)
    best = {name: float("inf") for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            for _ in range(3 if name.startswith("floor") else 1):
                best[name] = min(best[name], timed(command, cwd))
    return best


def peak_memory_mb(command: list[str]) -> float:
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PYTHON, "-c", probe, *command], capture_output=True, text=True, env=ENV, check=True)
    return int(out.stdout) / 1024


def ratio_row(measure: str, value: float, base: float, target: float | None) -> dict:
    ratio = value / base
    return {"measure": measure, "ms": round(value * 1000, 1), "versus_ms": round(base * 1000, 1),
            "ratio": round(ratio, 3), "target": target, "ok": target is None or ratio <= target}


def value_row(measure: str, value: float, unit: str, target: float | None) -> dict:
    return {"measure": measure, "value": round(value, 2), "unit": unit, "target": target,
            "ok": target is None or value < target}


def startup_rows(rounds: int) -> list[dict]:
    t = fastest({
        "show": INL + ["show", "accomplishments"],
        "imports(click, yaml, rich)": [PYTHON, "-c", IMPORTS["rich"]],
        "export json": INL + ["export", "--format", "json"],
        "imports(click, yaml)": [PYTHON, "-c", IMPORTS["plain"]],
    }, rounds)
    return [
        ratio_row("start-up: show accomplishments / imports(click, yaml, rich)", t["show"],
                  t["imports(click, yaml, rich)"], STARTUP),
        ratio_row("start-up: export --format json / imports(click, yaml)", t["export json"],
                  t["imports(click, yaml)"], STARTUP),
    ]


def scale_commands(corpus: dict[int, str]) -> dict[str, list[str]]:
    """Every command timed over the generated corpora, and the floors they are compared with."""
    commands = {}
    for n, folder in corpus.items():
        commands[f"floor: parse N={n}"] = [PYTHON, "-c", PARSE, folder]
        commands[f"timeline csv N={n}"] = INL + ["--data", folder, "timeline", "--format", "csv"]
        commands[f"search csv N={n}"] = INL + ["--data", folder, "search", "police", "--format", "csv"]
    for kind, imports in IMPORTS.items():
        commands[f"floor: parse N=70 + imports {kind}"] = [PYTHON, "-c", imports + PARSE, corpus[70]]
    for n in (60, 70, 600):
        for view, words in VIEWS.items():
            commands[f"{view} N={n}"] = INL + ["--data", corpus[n], *words]
        commands[f"export markdown N={n}"] = INL + ["--data", corpus[n], "export"]
    commands["export html"] = INL + ["export", "--format", "html"]
    commands["export markdown"] = INL + ["export", "--format", "markdown"]
    return commands


def csv_rows(t: dict[str, float]) -> list[dict]:
    """`timeline` and `search` as CSV against the parse floor at each size (a target at 600), and their growth."""
    rows = [ratio_row(f"{kind} --format csv, N={n} / parse floor", t[f"{kind} csv N={n}"],
                      t[f"floor: parse N={n}"], LARGE if n == 600 else None)
            for kind in ("timeline", "search") for n in (10, 60, 600)]
    rows += [ratio_row(f"{kind} csv: time(N=600) / time(N=60)", t[f"{kind} csv N=600"], t[f"{kind} csv N=60"],
                       GROWTH) for kind in ("timeline", "search")]
    return rows


def portfolio_rows(t: dict[str, float]) -> list[dict]:
    """N=70, INL's real portfolio: each view and the Markdown export against parsing it after the imports."""
    rich, plain = t["floor: parse N=70 + imports rich"], t["floor: parse N=70 + imports plain"]
    rows = [ratio_row(f"{view} (table), N=70 / (parse + imports(click, yaml, rich))", t[f"{view} N=70"], rich,
                      PORTFOLIO) for view in VIEWS]
    rows.append(ratio_row("export (markdown), N=70 / (parse + imports(click, yaml))", t["export markdown N=70"],
                          plain, PORTFOLIO))
    return rows


def large_rows(t: dict[str, float]) -> list[dict]:
    """N=600: each view and the Markdown export against the single-core parse floor, and their growth."""
    rows = []
    for view in (*VIEWS, "export markdown"):
        label = "export (markdown)" if view == "export markdown" else f"{view} (table)"
        rows.append(ratio_row(f"{label}, N=600 / parse floor", t[f"{view} N=600"], t["floor: parse N=600"], LARGE))
        rows.append(ratio_row(f"{label}: time(N=600) / time(N=60)", t[f"{view} N=600"], t[f"{view} N=60"],
                              GROWTH))
    rows.append(ratio_row("export --format html / export --format markdown (bundled)", t["export html"],
                          t["export markdown"], None))
    return rows


def enormous_bullet_page(path: Path, size: int = 200_000) -> Path:
    """A page of about `size` bytes whose one bullet is a single sentence full of dates, numbers and names."""
    part = ("INL trained 98 police officers with the Ghana Police Service and over 100 judges in 2016 and the "
            "Ministry of Justice opened 12 courts in March 2017 and ")
    path.write_text("Challenges: Ghana faces drug trafficking.\n\nAccomplishments:\n• "
                    + part * (size // len(part)) + "\n", encoding="utf-8")
    return path


def memory_and_import_rows(corpus600: str, tmp: Path) -> list[dict]:
    rows = [value_row(f"peak memory (max RSS), {view}, N=600", peak_memory_mb(INL + ["--data", corpus600, *words]),
                      "MB", MEMORY_MB)
            for view, words in {"timeline csv": ["timeline", "--format", "csv"], **VIEWS,
                                "export markdown": ["export"]}.items()]
    page = enormous_bullet_page(tmp / "enormous-bullet.txt")
    importing = INL + ["import", str(page), "-o", str(tmp / "enormous.yaml"), "--force"]
    rows.append(value_row("import: 200 KB page, one enormous bullet", fastest({"import": importing}, 3)["import"],
                          "s", 5))
    rows.append(value_row("import: 200 KB page, one enormous bullet, peak memory", peak_memory_mb(importing),
                          "MB", 200))
    html = subprocess.run(INL + ["export", "--format", "html"], capture_output=True, env=ENV, check=True).stdout
    rows.append(value_row("HTML report of the bundled program", len(html), "bytes", None))
    return rows


def extra_rows(rounds: int) -> list[dict]:
    """Rows of benchmarks/funding.py (`rows(rounds) -> list[dict]`), when that file exists."""
    if not (HERE / "funding.py").exists():
        return []
    return list(importlib.import_module("funding").rows(rounds))


def show(rows: list[dict]) -> None:
    width = max([len("measure"), *(len(row["measure"]) for row in rows)])
    print(f"{'measure':{width}} {'value':>10} {'vs ms':>9} {'ratio':>7} {'target':>8}  ok")
    for row in rows:
        target, mark = row.get("target"), "" if row.get("target") is None else ("yes" if row["ok"] else "NO")
        if "ratio" in row:
            shown = f"<= {target}" if target is not None else ""
            print(f"{row['measure']:{width}} {row['ms']:8.1f}ms {row['versus_ms']:9.1f} {row['ratio']:7.2f} "
                  f"{shown:>8}  {mark}")
        else:
            shown = f"< {target}" if target is not None else ""
            value = f"{row['value']:g} {row['unit']}" if row["unit"] != "bytes" else f"{int(row['value'])} B"
            print(f"{row['measure']:{width}} {value:>10} {'':9} {'':7} {shown:>8}  {mark}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="interleaved rounds for start-up (default 30)")
    parser.add_argument("--scale-rounds", type=int, default=5, help="rounds for the corpus runs (default 5)")
    parser.add_argument("--json", metavar="FILE", help="also write the rows as JSON")
    args = parser.parse_args()
    core = one_core()
    print(f"inl: {' '.join(INL)}; pinned to {core}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="inl-bench-") as tmp:
        corpus = {n: str(write_corpus(Path(tmp) / f"n{n}", n)) for n in SIZES}
        rows = startup_rows(args.rounds)
        t = fastest(scale_commands(corpus), args.scale_rounds)
        rows += csv_rows(t) + portfolio_rows(t) + large_rows(t)
        rows += memory_and_import_rows(corpus[600], Path(tmp))
    rows += extra_rows(args.scale_rounds)
    show(rows)
    if args.json:
        Path(args.json).write_text(json.dumps({"inl": INL, "python": PYTHON, "pinned": core, "results": rows},
                                              indent=2) + "\n")
    return 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
