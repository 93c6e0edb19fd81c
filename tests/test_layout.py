"""Reading comfort at any width: tables or stacked records, whole words, whole URLs (issue 13)."""
import re

import pytest

from inl_cli.load import bundled_path
from inl_cli.render import layout
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
                                       "'police',", "hits", "8", "MSCP,", "Accomplishment", "details:", "INL", "in",
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
    assert layout.grid_widths([4, 5], [10, 50], 40) == [10, 30]
    assert layout.grid_widths([4, 5], [10, 50], 8) is None
    assert layout.grid_widths([4, 20], [30, 30], 30) == [10, 20]
    assert layout.grid_widths([3, 3, 3], [3, 50, 50], 40) == [3, 18, 19]


def test_plan_is_pure_and_names_its_choices():
    t = Table("t", "T", (Column("a", "A"), Column("b", "Bee"), Column("c", "Empty")),
              [{"a": "short", "b": "a longer text here", "c": None}], "")
    grid = layout.plan(t, 80)
    assert grid.kind == "grid" and [c.key for c in grid.columns] == ["a", "b"] and grid.widths == (5, 18)
    stacked = layout.plan(t, 12)
    assert stacked.kind == "stacked" and stacked.label_width == 3 and stacked.label_above
    assert layout.plan(t._replace(rows=[]), 80).kind == "empty"


def test_overview_of_several_programs_is_a_record_per_country_when_narrow(run, program, tmp_path):
    program(name="testland.yaml")
    (tmp_path / "ci.yaml").write_text((bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    out = run("--data", str(tmp_path), "show", "overview", "--width", "40").stdout.splitlines()
    assert out[:3] == ["Overview: INL in 2 countries", "─" * 40, "Country         Côte d'Ivoire (CI)"]
    second = out.index("Country         Testland (TL)")
    assert out[second - 1] == "─" * 40
    assert out.count("─" * 40) == 2
