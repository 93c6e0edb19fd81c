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
