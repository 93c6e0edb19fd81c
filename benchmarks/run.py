"""Benchmarks for inl: start-up against its import floor, scale against the YAML parse floor, memory.

Whole processes are timed, in interleaved rounds, and the fastest run of each is
kept (noise only adds time); every ratio compares runs of the same session.

    python benchmarks/run.py                 # the table, with each target
    python benchmarks/run.py --json out.json --rounds 20

Exits 1 when a target is missed. Run it after the README's install; it times the
`inl` installed beside this Python, with bytecode caching on (as users have it).
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
    """The fastest of `rounds` interleaved runs of each command, after one warm-up run each."""
    for command in commands.values():
        timed(command)
    best = {name: float("inf") for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            best[name] = min(best[name], timed(command))
    return best


def peak_memory_mb(command: list[str]) -> float:
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PYTHON, "-c", probe, *command], capture_output=True, text=True, env=ENV, check=True)
    return int(out.stdout) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds for start-up (default 15)")
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
        scale_commands = {}
        for n, folder in corpus.items():
            scale_commands[f"timeline csv N={n}"] = INL + ["--data", folder, "timeline", "--format", "csv"]
            scale_commands[f"search csv N={n}"] = INL + ["--data", folder, "search", "police", "--format", "csv"]
            scale_commands[f"parse floor N={n}"] = [PYTHON, "-c", PARSE, folder]
        scale_commands["timeline table N=60"] = INL + ["--data", corpus[60], "timeline"]
        scale_commands["export markdown N=600"] = INL + ["--data", corpus[600], "export", "--format", "markdown"]
        scale_commands["export html"] = INL + ["export", "--format", "html"]
        scale_commands["export markdown"] = INL + ["export", "--format", "markdown"]
        scale = fastest(scale_commands, args.scale_rounds)
        memory = peak_memory_mb(INL + ["--data", corpus[600], "timeline", "--format", "csv"])
        html_bytes = len(subprocess.run(INL + ["export", "--format", "html"], capture_output=True, env=ENV,
                                        check=True).stdout)

    t = {**start, **scale}
    rows = [
        ("start-up: show accomplishments / imports(click, yaml, rich)",
         t["show"], t["imports(click, yaml, rich)"], 1.25),
        ("start-up: export --format json / imports(click, yaml)",
         t["export json"], t["imports(click, yaml)"], 1.25),
    ]
    for n in (10, 60, 600):
        rows.append((f"timeline --format csv, N={n} / parse floor", t[f"timeline csv N={n}"],
                     t[f"parse floor N={n}"], 1.5 if n == 600 else None))
    for n in (10, 60, 600):
        rows.append((f"search --format csv, N={n} / parse floor", t[f"search csv N={n}"],
                     t[f"parse floor N={n}"], None))
    rows.append(("timeline csv: time(N=600) / time(N=60)", t["timeline csv N=600"], t["timeline csv N=60"], 11))
    rows.append(("timeline table (Rich), N=60 / timeline csv N=60", t["timeline table N=60"],
                 t["timeline csv N=60"], None))
    rows.append(("export --format markdown, N=600 / parse floor", t["export markdown N=600"],
                 t["parse floor N=600"], 1.5))
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
    memory_ok = memory < 250
    failed |= not memory_ok
    print(f"{'peak memory (max RSS), timeline csv N=600, MB':62} {memory:9.1f} {'':9} {'':7} {'< 250':>8}  "
          f"{'yes' if memory_ok else 'NO'}")
    results.append({"measure": "peak memory MB, N=600", "value": round(memory, 1), "target": 250,
                    "ok": memory_ok})
    print(f"{'HTML report of the bundled program, bytes':62} {html_bytes:9d}")
    results.append({"measure": "HTML report bytes (bundled)", "value": html_bytes, "target": None, "ok": True})
    if args.json:
        Path(args.json).write_text(json.dumps({"inl": INL, "python": PYTHON, "results": results}, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
