"""Print one command of the README's Quick start block: `main` (first) or `test` (second)."""
import re
import sys
from pathlib import Path

readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
section = readme.split("## Quick start", 1)[1]
block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, re.S).group(1)
commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
print(commands[{"main": 0, "test": 1}[sys.argv[1]]])
