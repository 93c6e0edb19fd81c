"""Many files are read on two cores (inl_cli/forked.py): the same output as on one, whatever the child does."""
import os

import pytest
from test_programs import country

from inl_cli import forked
from inl_cli.spec import ISO_3166_ALPHA2

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system: inl reads on one core")

CODES = sorted(ISO_3166_ALPHA2)[:60]
BROKEN = (CODES[2], CODES[50])  # one in each half


@pytest.fixture
def many(tmp_path):
    """60 small programs, two of them broken: one in each half of the folder."""
    for number, code in enumerate(CODES):
        body = (f"accomplishments:\n  - {{id: a{number}, title: Work in {code}, date: \"{2000 + number % 20}\", "
                f"summary: Something.}}\n")
        if code in BROKEN:
            body += "colour: blue\n"
        (tmp_path / f"{code.lower()}.yaml").write_text(country(f"Land {code}", code, body), encoding="utf-8")
    return tmp_path


@pytest.fixture
def forks(monkeypatch):
    """Two cores, whatever this machine has, and a list that grows by one at each fork."""
    made = []
    fork = os.fork
    monkeypatch.delenv("INL_JOBS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "fork", lambda: made.append(1) or fork())
    return made


@pytest.mark.parametrize("args", [["validate"], ["timeline", "--format", "csv"], ["export"]])
def test_many_files_read_on_two_cores_give_what_one_core_gives(run, many, args, forks):
    assert len(CODES) >= forked.MIN_ITEMS
    if args != ["validate"]:
        for code in (c.lower() for c in BROKEN):
            text = (many / f"{code}.yaml").read_text(encoding="utf-8")
            (many / f"{code}.yaml").write_text(text.replace("colour: blue\n", ""), encoding="utf-8")
    two = run("--data", str(many), *args)
    one = run("--data", str(many), *args, env={"INL_JOBS": "1"})
    assert len(forks) == 1
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)
    if args == ["validate"]:
        assert two.exit_code == 1
        assert [line.split("/")[-1].split(":")[0] for line in two.stdout.splitlines()] == \
            [f"{code.lower()}.yaml" for code in BROKEN]


def _square_unless_child(parent: int, fail):
    def square(n):
        if os.getpid() != parent:
            fail()
        return n * n
    return square


@pytest.mark.parametrize("fail", [lambda: os._exit(0), lambda: os._exit(3), lambda: 1 / 0,
                                  lambda: os.kill(os.getpid(), 9)], ids=["exits", "exits-3", "raises", "killed"])
def test_a_child_that_fails_or_dies_leaves_its_half_done_here(fail, forks):
    square = _square_unless_child(os.getpid(), fail)
    assert forked.map_split(square, list(range(100)), min_items=2) == [n * n for n in range(100)]
    assert forks == [1]
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_an_error_in_this_half_stops_the_child_and_leaves_no_process(forks):
    def slow_or_failing(n):
        if n == 3:
            raise ValueError("bad item")
        return n

    with pytest.raises(ValueError, match="bad item"):
        forked.map_split(slow_or_failing, list(range(100_000)), min_items=2)
    assert forks == [1]
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_the_child_writes_nothing_to_this_process_output(forks, capfd):
    """Its stdout and stderr go nowhere: it never prints, and never holds a reader of this output waiting."""
    parent = os.getpid()

    def noisy(n):
        if os.getpid() != parent:
            os.write(1, b"child out\n")
            os.write(2, b"child err\n")
        return n

    assert forked.map_split(noisy, list(range(100)), min_items=2) == list(range(100))
    assert forks == [1]
    assert capfd.readouterr() == ("", "")
