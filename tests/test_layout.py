"""Reading comfort at any width: tables or stacked records, whole words, whole URLs (issue 13)."""
import re

import pytest
from conftest import MINIMAL
from hypothesis import given
from hypothesis import strategies as st

from inl_cli.load import bundled_path
from inl_cli.render import fit
from inl_cli.views import Column, Table

WIDTHS = [20, 40, 60, 80, 120]
BOX = re.compile(r"[│┃┆┌┐└┘├┤┬┴┼━─┏┓┗┛┡┩╇┳┻╋]+")


def words_of_data(run):
    """Every word the bundled program's views can show, from their JSON."""
    import json

    found = set()
    for args in (["show", "details"], ["show", "accomplishments"], ["search", "police"], ["show", "overview"],
                 ["countries"]):
        for row in json.loads(run(*args, "-f", "json").stdout):
            for value in row.values():
                for item in value if isinstance(value, list) else [value]:
                    found.update(str(item).split())
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", [["show", "details"], ["search", "police"], ["show", "accomplishments"]])
def test_no_word_is_ever_broken(run, args, width):
    vocabulary = words_of_data(run) | {"When", "Accomplishment", "Location", "Summary", "Details", "Milestones",
                                       "Section", "Item", "Field", "Text", "Partners", "Results", "Search:",
                                       "'police',", "hits", "8", "MSCP,", "details:", "INL", "in",
                                       "Accomplishments:", "Côte", "d'Ivoire"}
    result = run(*args, "--width", str(width))
    assert result.exit_code == 0
    for line in result.stdout.splitlines():
        assert len(line) <= width
        for token in BOX.sub(" ", line).split():
            assert token in vocabulary, (token, line)


def test_show_details_at_60_columns_is_stacked_not_a_grid_of_slivers(run):
    out = run("show", "details", "--width", "60").stdout
    assert "┃" not in out
    assert out.splitlines()[:8] == [
        "Accomplishment details: INL in Côte d'Ivoire",
        "─" * 60,
        "When           Sep 2013",
        "Accomplishment Letter of Agreement with the Ivorian",
        "               government",
        "Summary        INL and the Ivorian government signed a",
        "               Letter of Agreement, the basis of their",
        "               cooperation on strengthening civilian",
    ]
    assert len(out.splitlines()) < 80


@pytest.mark.parametrize("width", [100, 120])
def test_show_details_at_100_and_120_columns_are_records_not_tall_narrow_columns(run, width):
    # A six-column grid here gave every column the same width: each summary ran 11 to 17 lines of 18
    # characters beside near-empty Location and Milestones columns. Records read in far fewer lines.
    out = run("show", "details", "--width", str(width)).stdout.splitlines()
    assert out[1] == "─" * width
    assert out[2:4] == ["When           Sep 2013", "Accomplishment Letter of Agreement with the Ivorian government"]
    assert len(out) < 45


def test_show_details_at_160_columns_is_a_grid_with_columns_sized_by_content(run):
    out = run("show", "details", "--width", "160").stdout.splitlines()
    header = out[2].split("┃")[1:-1]
    widths = {title.strip(): len(title) for title in header}
    assert list(widths) == ["When", "Accomplishment", "Location", "Summary", "Details", "Milestones"]
    assert widths["Summary"] > widths["Location"] and widths["Details"] > widths["Milestones"]


def test_columns_empty_in_every_row_are_dropped(run, program):
    path = program("""\
        accomplishments:
          - {id: a, title: First, summary: One thing}
          - {id: b, title: Second, summary: Another thing}
        """)
    out = run("--data", str(path), "show", "details", "--width", "80").stdout
    assert out.splitlines()[2] == "┃ When    ┃ Accomplishment ┃ Summary       ┃"
    for gone in ("Location", "Details", "Milestones"):
        assert gone not in out


@pytest.mark.parametrize("width", [20, 40])
def test_stacked_records_size_labels_and_put_them_above_values_when_very_narrow(run, width):
    out = run("show", "accomplishments", "--width", str(width)).stdout.splitlines()
    if width == 40:
        assert out[2:5] == ["When           Sep 2013", "Accomplishment Letter of Agreement with",
                            "               the Ivorian government"]
    else:
        assert out[:9] == ["Accomplishments: INL", "in Côte d'Ivoire", "─" * 20, "When", "  Sep 2013",
                           "Accomplishment", "  Letter of", "  Agreement with the", "  Ivorian government"]
    assert "" not in out


def test_grid_widths_water_fill():
    assert fit.grid_widths([4, 5], [10, 50], 40) == [10, 30]
    assert fit.grid_widths([4, 5], [10, 50], 8) is None
    assert fit.grid_widths([4, 20], [30, 30], 30) == [10, 20]
    assert fit.grid_widths([3, 3, 3], [3, 50, 50], 40) == [3, 18, 19]


def test_plan_is_pure_and_names_its_choices():
    t = Table("t", "T", (Column("a", "A"), Column("b", "Bee"), Column("c", "Empty")),
              [{"a": "short", "b": "a longer text here", "c": None}], "")
    grid = fit.plan(t, 80)
    assert grid.kind == "grid" and [c.key for c in grid.columns] == ["a", "b"] and grid.widths == (5, 18)
    stacked = fit.plan(t, 12)
    assert stacked.kind == "stacked" and stacked.label_width == 3 and stacked.label_above
    assert fit.plan(t._replace(rows=[]), 80).kind == "empty"


def test_overview_of_several_programs_is_a_record_per_country_when_narrow(run, program, tmp_path):
    program(name="testland.yaml")
    (tmp_path / "ci.yaml").write_text((bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    out = run("--data", str(tmp_path), "show", "overview", "--width", "40").stdout.splitlines()
    assert out[:3] == ["Overview: INL in 2 countries", "─" * 40, "Country         Côte d'Ivoire (CI)"]
    second = out.index("Country         Testland (TL)")
    assert out[second - 1] == "─" * 40
    assert out.count("─" * 40) == 2


# ---- the same lines with and without styles -------------------------------------------------------------------
# Unstyled tables (piped, NO_COLOR) are written by render/unstyled.py from the same plan Rich draws with
# styles: a reader sees the same grid, the same records, the same words on the same lines either way.

ANSI = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")
ALL_WIDTHS = (20, 40, 60, 80, 120, 200)
PIECES = ("police", "court", "a", "Côte", "d'Ivoire", "2015–2018", "漢字", "ＢＣ", "e\u0301", "a\u0300\u0301",
          "\t", "\n", "\n\n", "x" * 45, "supercalifragilisticexpialidocious", " ", "   ", "-", "’", "\u00a0",
          "\u3000", "https://example.org/a/very/long/address/that/never/wraps", "\x1b[31m", "\u202e")


@pytest.fixture
def both(monkeypatch):
    """draw(tables, width) -> (the unstyled text, the styled text with its colour codes and links taken out)."""
    from inl_cli.render import terminal

    for name in ("TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)

    def draw(tables, width):
        monkeypatch.setenv("NO_COLOR", "1")
        monkeypatch.delenv("FORCE_COLOR", raising=False)
        plain = terminal.render(tables, width)
        monkeypatch.delenv("NO_COLOR")
        monkeypatch.setenv("FORCE_COLOR", "1")
        styled = terminal.render(tables, width)
        assert "\x1b[" in styled or not tables[0].rows
        return plain, "\n".join(ANSI.sub("", line).rstrip() for line in styled.split("\n"))

    return draw


def every_view(programs) -> dict:
    from inl_cli import views

    return {**{name: view(programs) for name, view in views.SECTIONS.items()},
            "timeline": views.timeline(programs, undated=True), "countries": views.countries(programs),
            "search": views.search(programs, "police"), "totals": views.totals(programs)}


@pytest.fixture
def two_countries(tmp_path):
    from inl_cli.load import load

    text = (bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8")
    (tmp_path / "ci.yaml").write_text(text, encoding="utf-8")
    other = text.replace("name: Côte d'Ivoire", "name: Testland").replace('code: "CI"', 'code: "TL"')
    (tmp_path / "tl.yaml").write_text(other, encoding="utf-8")
    return load(tmp_path)


@pytest.mark.parametrize("width", ALL_WIDTHS)
def test_every_view_reads_the_same_with_and_without_styles(both, two_countries, width):
    from inl_cli.load import load

    for programs in (load(None), two_countries):
        for name, table in every_view(programs).items():
            plain, styled = both([table], width)
            assert plain == styled, name


def made_up_text(rng) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(("", " ")) for _ in range(rng.randint(0, 12)))


def made_up_table(rng) -> Table:
    count = rng.randint(1, 6)
    columns = [Column(f"c{n}", rng.choice(("Title", "When", "A much longer header", "漢字", "x")))
               for n in range(count)]
    highlight = rng.random() < 0.3
    if highlight:
        columns += [Column("text", "Text", highlight="spans"), Column("spans", "Spans", human=False)]
    rows = []
    for _ in range(rng.randint(1, 5)):
        row = {f"c{n}": made_up_text(rng) for n in range(count)}
        if highlight:
            text, spans, at = made_up_text(rng), [], 0
            while at < len(text) and rng.random() < 0.6:
                start = rng.randint(at, len(text))
                at = rng.randint(start, len(text))
                spans.append((start, at))
            row.update(text=text, spans=spans)
        rows.append(row)
    note = rng.choice(("", "a note " + made_up_text(rng)))
    return Table("made-up", made_up_text(rng)[:30] or "T", tuple(columns), rows, note)


@pytest.mark.parametrize("seed", range(4))
def test_made_up_text_reads_the_same_with_and_without_styles(both, seed):
    """Wide, combining and escaped characters, tabs, odd spaces, newlines, long words and addresses."""
    import random

    rng = random.Random(seed)
    for _ in range(30):
        table = made_up_table(rng)
        for width in ALL_WIDTHS:
            plain, styled = both([table], width)
            assert plain == styled, (width, table.rows)


def test_a_stdout_that_cannot_encode_boxes_gets_ascii_boxes_either_way(both, monkeypatch, two_countries):
    import io

    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(io.BytesIO(), encoding="ascii"))
    for width in (40, 80):
        for name, table in every_view(two_countries).items():
            plain, styled = both([table], width)
            assert plain == styled, name
    assert "+---" in plain and "━" not in plain


@pytest.mark.parametrize("args", [["show", "overview"], ["timeline", "--undated"], ["timeline", "--chart", "--undated"],
                                  ["show", "accomplishments"]])
@pytest.mark.parametrize("colour", [False, True])
def test_a_very_long_word_takes_work_linear_in_its_length(run, program, monkeypatch, args, colour):
    """A country name of one word many times the width (a title, a record, an undated entry) is cut before
    Rich draws it: Rich cuts a many-line text into lines with str.partition, copying the rest each time.

    The copying is counted, not timed: each segment Rich splits costs its length times its lines."""
    from rich.segment import Segment

    split = Segment.split_and_crop_lines.__func__
    work = []

    def counting(cls, segments, *rest, **options):
        def watched():
            for segment in segments:
                work.append(len(segment.text) * (segment.text.count("\n") + 1))
                yield segment
        return split(cls, watched(), *rest, **options)

    monkeypatch.setattr(Segment, "split_and_crop_lines", classmethod(counting))
    env = {"FORCE_COLOR": "1", "NO_COLOR": None} if colour else {}
    totals = {}
    for size in (20_000, 80_000):
        name = "X" * size
        path = program(f"accomplishments:\n  - {{id: u, title: {name}, summary: s}}\n",
                       base=MINIMAL.replace("name: Testland", f"name: {name}"), name=f"{size}.yaml")
        work.clear()
        result = run("--data", str(path), *args, "--width", "20", env=env)
        assert result.exit_code == 0, result.output
        assert sum(len(line) for line in result.stdout.splitlines()) > size
        totals[size] = sum(work)
    assert totals[80_000] < 6 * totals[20_000], totals


@given(st.text(alphabet=" \n\t\r\xa0\u3000ab", max_size=12))
def test_tidy_makes_each_line_single_spaced_between_words(text):
    from inl_cli.render.words import tidy

    expected = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    assert tidy(text) == expected  # its quick look for whitespace to mend never misses any
