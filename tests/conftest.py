import textwrap

import pytest
from click.testing import CliRunner

from inl_cli.cli import main

MINIMAL = """\
schema_version: 1
country: {name: Testland, code: "TL"}
bureau: {name: Bureau, abbreviation: INL, department: Department}
source: {title: Testland Summary, url: "https://example.org/testland"}
"""


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
    settings.register_profile("long", max_examples=5000, **common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


_hypothesis_profiles()


def shared_source():
    """The shared source folder: $INL_SHARED_SOURCE, or `shared/source` beside the clone (as in CI) or above it
    (a worktree). Tests that need it fail, never skip, when it is missing."""
    import os
    from pathlib import Path

    if os.environ.get("INL_SHARED_SOURCE"):
        return Path(os.environ["INL_SHARED_SOURCE"])
    root = Path(__file__).resolve().parents[1]
    for folder in root.parents:
        if (folder / "shared" / "source").is_dir():
            return folder / "shared" / "source"
    return root.parent / "shared" / "source"
