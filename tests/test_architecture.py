"""The house rules, checked by tools so nobody has to remember them: the layers of pyproject.toml's import
contracts, ruff, vulture, small modules and functions, and no private names of the libraries."""
import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "inl_cli"
SOURCES = sorted(PACKAGE.rglob("*.py"))
LIBRARIES = ("click", "rich", "yaml", "jinja2")


def tool(name: str) -> list[str]:
    """The command that runs `name` from the Python running the tests (installed with the test extras)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return [found]


def test_the_layers_of_pyproject_are_kept():
    result = subprocess.run([*tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_ruff_finds_nothing():
    result = subprocess.run([*tool("ruff"), "check", "--no-cache", "inl_cli", "tests", "benchmarks"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:]


def test_vulture_finds_no_dead_code():
    result = subprocess.run(tool("vulture"), cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_functions_stay_small(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)" for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60]
    assert long == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_private_name_of_a_library_is_imported(path):
    private = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in LIBRARIES:
            parts = node.module.split(".") + [alias.name for alias in node.names]
            private += [f"{node.module}: {part}" for part in parts if part.startswith("_")]
        elif isinstance(node, ast.Import):
            private += [a.name for a in node.names if a.name.split(".")[0] in LIBRARIES
                        and any(part.startswith("_") for part in a.name.split("."))]
        elif (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
              and isinstance(node.value, ast.Name) and node.value.id in LIBRARIES):
            private.append(f"{node.value.id}.{node.attr}")
    assert private == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_process_is_left_to_python(path):
    """No forked children, no exit that skips Python's own, no garbage-collector switches."""
    calls = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            name = f"{node.value.id}.{node.attr}"
            if name in ("os.fork", "os._exit", "gc.disable", "gc.freeze", "gc.enable"):
                calls.append(name)
    assert calls == []
