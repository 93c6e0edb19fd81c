"""Benchmarks for inl: start-up against its import floor, scale against the YAML parse floor, memory.

Whole processes are timed, in interleaved rounds, and the fastest run of each is
kept (noise only adds time); every ratio compares runs of the same session.

    python benchmarks/run.py                 # the table, with each target
    python benchmarks/run.py --json out.json --rounds 20

Exits 1 when a target is missed. Run it after the README's install; it times the
`inl` installed beside this Python, with bytecode caching on (as users have it).

Over 48 files or more, `inl` reads on two cores where there are two (inl_cli/forked.py);
the rows marked INL_JOBS=1 show the same commands on one, without a target.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_corpus  # noqa: E402

PYTHON = sys.executable
SCRIPT = Path(sysconfig.get_path("scripts")) / "inl"
INL = [str(SCRIPT)] if SCRIPT.exists() else [PYTHON, "-m", "inl_cli"]
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "INL_DATA")}
ENV.update(NO_COLOR="1", COLUMNS="120")
PARSE = ("import sys, yaml\n"
         "for path in sorted(__import__('glob').glob(sys.argv[1] + '/*.yaml')):\n"
         "    yaml.load(open(path, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n")


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV, check=True)
    return time.perf_counter() - started


def fastest(commands: dict[str, list[str]], rounds: int) -> dict[str, float]:
    """The fastest of `rounds` interleaved runs of each command, after one warm-up run each.

    A floor (a name starting "parse floor") runs three times a round: every ratio divides by it, so a
    floor caught by a busy moment would flatter them all.
    """
    for command in commands.values():
        timed(command)
    best = {name: float("inf") for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            for _ in range(3 if name.startswith("parse floor") else 1):
                best[name] = min(best[name], timed(command))
    return best


def peak_memory_mb(command: list[str]) -> float:
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PYTHON, "-c", probe, *command], capture_output=True, text=True, env=ENV, check=True)
    return int(out.stdout) / 1024


def enormous_bullet_page(path: Path, size: int = 200_000) -> Path:
    """A page of about `size` bytes whose one bullet is a single sentence full of dates, numbers and names."""
    part = ("INL trained 98 police officers with the Ghana Police Service and over 100 judges in 2016 and the "
            "Ministry of Justice opened 12 courts in March 2017 and ")
    path.write_text("Challenges: Ghana faces drug trafficking.\n\nAccomplishments:\n• "
                    + part * (size // len(part)) + "\n", encoding="utf-8")
    return path


# Every table view, as people see it: piped, so drawn without styles (render/plain.py).
VIEWS = {
    "timeline": ["timeline"],
    "search police": ["search", "police"],
    "countries": ["countries"],
    **{f"show {section}": ["show", section] for section in
       ("overview", "challenges", "goals", "partners", "accomplishments", "results", "details")},
}
TABLE_TARGET, GROWTH_TARGET, MARKDOWN_TARGET, STARTUP_TARGET, MEMORY_MB = 2.0, 11, 1.5, 1.15, 150


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="interleaved rounds for start-up (default 30)")
    parser.add_argument("--scale-rounds", type=int, default=5, help="rounds for the corpus runs (default 5)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="inl-bench-") as tmp:
        corpus = {n: str(write_corpus(Path(tmp) / f"n{n}", n)) for n in (10, 60, 600)}
        start = fastest({
            "show": INL + ["show", "accomplishments"],
            "imports(click, yaml, rich)": [PYTHON, "-c", "import click, yaml, rich.console, rich.table"],
            "export json": INL + ["export", "--format", "json"],
            "imports(click, yaml)": [PYTHON, "-c", "import click, yaml"],
        }, args.rounds)
        commands = {}
        for n, folder in corpus.items():
            commands[f"timeline csv N={n}"] = INL + ["--data", folder, "timeline", "--format", "csv"]
            commands[f"search csv N={n}"] = INL + ["--data", folder, "search", "police", "--format", "csv"]
            commands[f"parse floor N={n}"] = [PYTHON, "-c", PARSE, folder]
        for n in (60, 600):
            for view, words in VIEWS.items():
                commands[f"{view} N={n}"] = INL + ["--data", corpus[n], *words]
            commands[f"export markdown N={n}"] = INL + ["--data", corpus[n], "export"]
        one_core = ["env", "INL_JOBS=1", *INL, "--data", corpus[600]]
        commands["export markdown N=600, one core"] = one_core + ["export"]
        commands["timeline N=600, one core"] = one_core + ["timeline"]
        commands["export html"] = INL + ["export", "--format", "html"]
        commands["export markdown"] = INL + ["export", "--format", "markdown"]
        scale = fastest(commands, args.scale_rounds)
        memory = {name: peak_memory_mb(commands[f"{name} N=600"])
                  for name in ("timeline csv", *VIEWS, "export markdown")}
        page = enormous_bullet_page(Path(tmp) / "enormous-bullet.txt")
        importing = INL + ["import", str(page), "-o", str(Path(tmp) / "enormous.yaml"), "--force"]
        import_seconds = fastest({"import": importing}, 3)["import"]
        import_memory = peak_memory_mb(importing)
        html_bytes = len(subprocess.run(INL + ["export", "--format", "html"], capture_output=True, env=ENV,
                                        check=True).stdout)

    t = {**start, **scale}
    rows = [
        ("start-up: show accomplishments / imports(click, yaml, rich)",
         t["show"], t["imports(click, yaml, rich)"], STARTUP_TARGET),
        ("start-up: export --format json / imports(click, yaml)",
         t["export json"], t["imports(click, yaml)"], STARTUP_TARGET),
    ]
    for n in (10, 60, 600):
        rows.append((f"timeline --format csv, N={n} / parse floor", t[f"timeline csv N={n}"],
                     t[f"parse floor N={n}"], 1.5 if n == 600 else None))
    for n in (10, 60, 600):
        rows.append((f"search --format csv, N={n} / parse floor", t[f"search csv N={n}"],
                     t[f"parse floor N={n}"], None))
    rows.append(("timeline csv: time(N=600) / time(N=60)", t["timeline csv N=600"], t["timeline csv N=60"],
                 GROWTH_TARGET))
    for view in VIEWS:
        rows.append((f"{view} (table), N=600 / parse floor", t[f"{view} N=600"], t["parse floor N=600"],
                     TABLE_TARGET))
        rows.append((f"{view} (table): time(N=600) / time(N=60)", t[f"{view} N=600"], t[f"{view} N=60"],
                     GROWTH_TARGET))
    rows.append(("export (markdown), N=600 / parse floor", t["export markdown N=600"], t["parse floor N=600"],
                 MARKDOWN_TARGET))
    rows.append(("export (markdown), N=600, INL_JOBS=1 / parse floor", t["export markdown N=600, one core"],
                 t["parse floor N=600"], None))
    rows.append(("timeline (table), N=600, INL_JOBS=1 / parse floor", t["timeline N=600, one core"],
                 t["parse floor N=600"], None))
    rows.append(("export (markdown): time(N=600) / time(N=60)", t["export markdown N=600"],
                 t["export markdown N=60"], GROWTH_TARGET))
    rows.append(("export --format html / export --format markdown (bundled)", t["export html"],
                 t["export markdown"], None))

    results, failed = [], False
    print(f"{'measure':62} {'ms':>9} {'vs ms':>9} {'ratio':>7} {'target':>8}  ok")
    for name, value, base, target in rows:
        ratio = value / base
        ok = target is None or ratio <= target
        failed |= not ok
        mark = "" if target is None else ("yes" if ok else "NO")
        shown = f"<= {target}" if target else ""
        print(f"{name:62} {value * 1000:9.1f} {base * 1000:9.1f} {ratio:7.2f} {shown:>8}  {mark}")
        results.append({"measure": name, "ms": round(value * 1000, 1), "versus_ms": round(base * 1000, 1),
                        "ratio": round(ratio, 3), "target": target, "ok": ok})
    for name, megabytes in memory.items():
        ok = megabytes < MEMORY_MB
        failed |= not ok
        label = f"peak memory (max RSS), {name}, N=600, MB"
        print(f"{label:62} {megabytes:9.1f} {'':9} {'':7} {f'< {MEMORY_MB}':>8}  {'yes' if ok else 'NO'}")
        results.append({"measure": label, "value": round(megabytes, 1), "target": MEMORY_MB, "ok": ok})
    for name, value, target, unit in (
            ("import: 200 KB page, one enormous bullet, seconds", import_seconds, 5, "s"),
            ("import: 200 KB page, one enormous bullet, peak memory MB", import_memory, 200, "MB")):
        ok = value < target
        failed |= not ok
        print(f"{name:62} {value:9.2f} {'':9} {'':7} {f'< {target}':>8}  {'yes' if ok else 'NO'}")
        results.append({"measure": name, "value": round(value, 2), "unit": unit, "target": target, "ok": ok})
    print(f"{'HTML report of the bundled program, bytes':62} {html_bytes:9d}")
    results.append({"measure": "HTML report bytes (bundled)", "value": html_bytes, "target": None, "ok": True})
    if args.json:
        Path(args.json).write_text(json.dumps({"inl": INL, "python": PYTHON, "results": results}, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
