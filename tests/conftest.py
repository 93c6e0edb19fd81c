import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from inl_cli.commands import main

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

    code = (f"import sys; from {main.callback.__module__} import main\n"  # wherever `main` lives
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


MISSING_SHARED = "INL's captured pages are missing (../shared/source beside this clone, or $INL_SHARED_SOURCE)"


def in_ci() -> bool:
    """CI (`.ci/run`) sets INL_CI=1: there nothing a test needs may be missing, so nothing is skipped."""
    return os.environ.get("INL_CI") == "1"


def skip_unless_ci(reason: str) -> None:
    """Skip a test whose outside need (the shared pages, Chromium) is missing, with a one-line reason;
    under INL_CI=1 fail instead, saying why."""
    if in_ci():
        pytest.fail(f"{reason}, and INL_CI=1 requires it", pytrace=False)
    pytest.skip(reason)


def require_shared() -> Path:
    """The shared source folder, for a test that reads INL's captured pages. Without it the test is skipped
    (a fresh clone has no `../shared`), unless INL_CI=1: then it fails, saying why."""
    found = shared_source()
    if found is None:
        skip_unless_ci(MISSING_SHARED)
    return found


#: Tests that read the shared pages without asking for a fixture: they get the `shared` mark below.
#: (Better: ask for `shared_pages` or `source_page`, or mark the test `@pytest.mark.shared`.)
READS_SHARED = {"test_import_inputs.py::test_every_stored_page_imports_into_a_file_that_validates"}


def pytest_configure(config):
    config.addinivalue_line("markers", "shared: reads INL's captured pages in ../shared/source; skipped without "
                                       "them, required when INL_CI=1")


def pytest_collection_modifyitems(items):
    missing = shared_source() is None
    for item in items:
        if item.nodeid.split("/")[-1].split("[")[0] in READS_SHARED:
            item.add_marker(pytest.mark.shared)
        if missing and not in_ci() and item.get_closest_marker("shared"):
            item.add_marker(pytest.mark.skip(reason=MISSING_SHARED))


def pytest_runtest_setup(item):
    if item.get_closest_marker("shared"):
        require_shared()


@pytest.fixture
def source_page() -> Path:
    """INL's captured Côte d'Ivoire page (skipped, or required, as `require_shared` says)."""
    return require_shared() / "cote-divoire-summary.txt"


@pytest.fixture
def shared_pages() -> Path:
    """The folder of INL's captured country pages, with its `index.tsv` (skipped, or required, as above)."""
    return require_shared() / "pages"


@pytest.fixture(autouse=True)
def no_funding_extract(tmp_path_factory, monkeypatch):
    """No test reads the funding extract of the machine it runs on: the data folder is an empty one, and
    $INL_FUNDING is unset (a test that wants an extract names it with --funding)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.getbasetemp() / "no-data-folder"))
    monkeypatch.delenv("INL_FUNDING", raising=False)


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
    """A small default run; CI or a developer turns on the long fuzzing with HYPOTHESIS_PROFILE=long."""
    from hypothesis import HealthCheck, settings

    common = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
    settings.register_profile("default", max_examples=150, **common)
    settings.register_profile("long", max_examples=20_000, **common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


_hypothesis_profiles()
