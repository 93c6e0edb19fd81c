import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from inl_cli.cli import main

MINIMAL = """\
schema_version: 1
country: {name: Testland, code: "TL"}
bureau: {name: Bureau, abbreviation: INL, department: Department}
source: {title: Testland Summary, url: "https://example.org/testland"}
"""


ROOT = Path(__file__).resolve().parent.parent

#: A three-section summary page, the smallest that `inl import` turns into a program.
SMALL_PAGE = ("Challenges: Freedonia has made progress since 2009.\n\nGoals: INL's program in Freedonia aims to "
              "strengthen the courts.\n\nAccomplishments:\n\n  • INL trained judges in 2015.\n")


def modules_loaded(args: list[str], packages: tuple[str, ...]) -> list[str]:
    """The modules of `packages` that `inl ARGS` has imported by the time it ends, run in a new process."""
    import subprocess
    import sys

    code = ("import sys; from inl_cli.cli import main\n"
            f"main({args!r}, standalone_mode=False)\n"
            f"sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] in {packages!r})))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "INL_DATA": ""})
    assert result.returncode == 0, result.stderr
    return eval(result.stderr)


def shared_source() -> Path | None:
    """The shared source pages: $INL_SHARED_SOURCE, else a `shared/source` folder beside this clone (as in
    CI, `../shared`) or beside one of the folders above it (a worktree in `work/wt/NAME` finds `work/shared`)."""
    wanted = os.environ.get("INL_SHARED_SOURCE")
    candidates = [Path(wanted)] if wanted else [parent / "shared" / "source" for parent in ROOT.parents]
    return next((c for c in candidates if (c / "cote-divoire-summary.txt").is_file()), None)


@pytest.fixture
def source_page() -> Path:
    """INL's captured Côte d'Ivoire page. Never skipped: without it, the tests that read it fail and say why."""
    found = shared_source()
    if found is None:
        pytest.fail("the shared source pages are missing: put the `shared` folder beside this clone "
                    "(../shared/source/cote-divoire-summary.txt) or set INL_SHARED_SOURCE to its source folder")
    return found / "cote-divoire-summary.txt"


@pytest.fixture
def run():
    """Run `inl` as a user would, at 80 columns with no colour, and return the result."""

    def invoke(*args, env=None, input=None):
        environment = {"COLUMNS": "80", "NO_COLOR": "1", "INL_DATA": None, **(env or {})}
        return CliRunner().invoke(main, list(args), env=environment, input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def program(tmp_path):
    """Write a program file from MINIMAL plus `extra` YAML, and return its path."""

    def write(extra: str = "", name: str = "program.yaml", base: str = MINIMAL):
        path = tmp_path / name
        path.write_text(base + textwrap.dedent(extra), encoding="utf-8")
        return path

    return write


def _hypothesis_profiles():
    import os

    from hypothesis import HealthCheck, settings

    common = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
    settings.register_profile("default", max_examples=150, **common)
    settings.register_profile("long", max_examples=20_000, **common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


_hypothesis_profiles()
