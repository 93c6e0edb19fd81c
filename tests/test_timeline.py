"""`inl timeline`: windows over partial dates and spans, filters, undated entries and the chart."""
import json
from pathlib import Path

import pytest
from conftest import MINIMAL

ROOT = Path(__file__).resolve().parent.parent

WINDOW_FIXTURE = """\
partners:
  - {id: police, name: National Police, abbreviation: NP, role: counterpart}
accomplishments:
  - {id: decade, title: Decade, summary: s, date: {start: "2010", end: "2020"}, partners: [police]}
  - {id: year, title: Year, summary: s, date: "2013"}
  - {id: month, title: Month, summary: s, date: "2013-09"}
  - {id: day, title: Day, summary: s, date: "2013-09-04"}
  - id: later
    title: Later
    summary: s
    date: "2016"
    milestones: [{date: "2017-03", title: Step, partners: [police]}]
  - {id: sometime, title: Sometime, summary: s}
"""


def titles(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [row["title"] for row in json.loads(result.stdout)]


def test_entries_are_sorted_by_start_then_precision_then_title(run):
    rows = json.loads(run("timeline", "-f", "json").stdout)
    assert [(r["when"], r["kind"]) for r in rows] == [
        ("2011", "context"), ("Sep 2013", "accomplishment"), ("2015–2018", "accomplishment"),
        ("2018–2020", "accomplishment"), ("2019", "accomplishment"), ("Jul 2020", "milestone")]
    assert rows[2] == {"when": "2015–2018", "start": "2015", "end": "2018", "precision": "year",
                       "title": "West Côte d'Ivoire Model Police Prefecture pilot", "kind": "accomplishment",
                       "partners": ["Ivorian National Police"]}


@pytest.mark.parametrize("window, expected", [
    (["--from", "2013"], ["Letter of Agreement with the Ivorian government",
                          "West Côte d'Ivoire Model Police Prefecture pilot",
                          "Train-and-equip program against sexual and gender-based violence",
                          "Monthly exchanges with a civil society working group",
                          "The MSCP formalized the civil society working group by government ordinance"]),
    (["--from", "2013-10", "--to", "2015"], ["West Côte d'Ivoire Model Police Prefecture pilot"]),
    (["--to", "2014"], ["End of Côte d'Ivoire's post-electoral crisis",
                        "Letter of Agreement with the Ivorian government"]),
    (["--from", "2016", "--to", "2017"], ["West Côte d'Ivoire Model Police Prefecture pilot"]),
])
def test_windows_over_the_real_data(run, window, expected):
    assert titles(run("timeline", *window, "-f", "json")) == expected


@pytest.mark.parametrize("window, expected", [
    (["--from", "2013", "--to", "2014"], ["Decade", "Year", "Month", "Day"]),
    (["--from", "2013-10"], ["Decade", "Year", "Later", "Step"]),
    (["--to", "2013-08"], ["Decade", "Year"]),
    (["--from", "2013-09-05", "--to", "2013-12"], ["Decade", "Year", "Month"]),
    (["--to", "2013-09-04"], ["Decade", "Year", "Month", "Day"]),
    (["--from", "2021"], []),
])
def test_windows_compare_at_each_bound_s_precision(run, program, window, expected):
    path = program(WINDOW_FIXTURE)
    assert titles(run("--data", str(path), "timeline", *window, "-f", "json")) == expected


def test_the_applied_window_is_in_the_title(run):
    result = run("timeline", "--from", "2013-10", "--to", "2019", "-f", "markdown")
    assert result.stdout.splitlines()[0] == "## Timeline: INL in Côte d'Ivoire, Oct 2013 to 2019"


@pytest.mark.parametrize("args, message", [
    (["--from", "20x3"], "Error: Invalid value for '--from': expected a date as YYYY, YYYY-MM or YYYY-MM-DD, "
                         "got '20x3'"),
    (["--to", "2013-13"], "Error: Invalid value for '--to': month 13 does not exist in '2013-13'"),
    (["--from", "2019", "--to", "2013"], "Error: --from 2019 is after --to 2013; nothing can fall between them."),
    (["--kind", "event"], "Error: Invalid value for '--kind': 'event' is not one of 'accomplishment', "
                          "'milestone', 'context'."),
    (["--chart", "-f", "json"], "Error: --chart draws in the terminal; use it without --format."),
])
def test_bad_bounds_are_usage_errors(run, args, message):
    result = run("timeline", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message


def test_undated_accomplishments_are_counted_and_listed_on_request(run, program):
    path = program(WINDOW_FIXTURE)
    table = run("--data", str(path), "timeline")
    assert table.stdout.splitlines()[-1] == "1 undated accomplishment is not shown; add --undated to list it."
    listed = json.loads(run("--data", str(path), "timeline", "--undated", "-f", "json").stdout)
    assert listed[-1] == {"when": "undated", "start": None, "end": None, "precision": None, "title": "Sometime",
                          "kind": "accomplishment", "partners": []}
    assert run("timeline", "--undated").stdout.count("undated") == 1


@pytest.mark.parametrize("args, expected", [
    (["--partner", "mscp"], ["Monthly exchanges with a civil society working group",
                             "The MSCP formalized the civil society working group by government ordinance"]),
    (["--partner", "united nations development programme"],
     ["Train-and-equip program against sexual and gender-based violence"]),
    (["--partner", "UNDP", "--from", "2021"], []),
    (["--kind", "milestone"], ["The MSCP formalized the civil society working group by government ordinance"]),
    (["--kind", "context", "--kind", "milestone"], [
        "End of Côte d'Ivoire's post-electoral crisis",
        "The MSCP formalized the civil society working group by government ordinance"]),
])
def test_filters_by_partner_and_kind(run, args, expected):
    assert titles(run("timeline", *args, "-f", "json")) == expected


MARKS = {"x": "▲", "o": "●", "*": "◆", "=": "█"}


def chart(run, width, *args):
    """The chart's lines, axis, tick columns, and each row's plot line keyed by the first word of its label."""
    result = run("timeline", "--chart", "--width", str(width), *args)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    axis_at = next(i for i, line in enumerate(lines) if "┬─" in line)
    axis = lines[axis_at]
    ticks = [i for i, c in enumerate(axis) if c == "┬"]
    body = lines[2 if width < 30 else 1:axis_at]  # after the title, which wraps at 20 columns
    if width < 60:  # each label on its own line, its plot on the next
        rows = {label.split(" ")[0]: plot for label, plot in zip(body[::2], body[1::2])}
    else:
        rows = {line.split(" ")[0]: line for line in body}
    return lines, axis, ticks, rows


@pytest.mark.parametrize("width", [20, 40, 60, 80, 120])
def test_chart_bars_and_marks_sit_on_their_years(run, width):
    lines, axis, ticks, rows = chart(run, width)
    assert len(ticks) == 10  # 2011 to 2020
    assert lines[0] == "Timeline: INL in Côte d'Ivoire" or width < 30
    for span, first, after in (("2015–2018", 4, 8), ("2018–2020", 7, None)):
        bar = [i for i, c in enumerate(rows[span]) if c == "█"]
        assert bar[0] == ticks[first]
        assert bar[-1] == (ticks[after] - 1 if after else len(axis) - 1)
        assert bar == list(range(bar[0], bar[-1] + 1))
    for label, mark, year in (("2011", "▲", 0), ("Sep", "●", 2), ("2019", "●", 8), ("Jul", "◆", 9)):
        position = rows[label].rindex(mark)  # every row keeps its mark, even at 20 columns
        assert ticks[year] <= position < (ticks[year + 1] if year < 9 else len(axis))


@pytest.mark.parametrize("width, years", [
    (120, ["2011 2012 2013 2014 2015 2016 2017 2018 2019 2020"]),
    (80, ["2011 2012 2013 2014 2015 2016 2017 2018 2019 2020"]),
    (60, ["11  12  13 14  15  16  17  18 19  20"]),
    (40, ["11  12  13  14  15  16  17  18  19  20"]),
    (20, ["11  13  15    18  20", "12  14  16    19"]),  # two-digit years staggered: 2019 has an entry
])
def test_chart_axis_labels_every_year_with_an_entry(run, width, years):
    lines, axis, ticks, rows = chart(run, width)
    at = lines.index(axis) + 1
    labels = lines[at:at + len(years)]
    assert [line.strip() for line in labels] == years
    assert not lines[at + len(years)][:1].isdigit()
    for line in labels:
        for label in line.split():  # each label starts under its tick
            assert line.index(label) in ticks


def every_year(program, first=2007, last=2026, per_year=1):
    """Programs with an entry in every year from `first` to `last`, `per_year` countries of them."""
    for n in range(per_year):
        entries = "".join(f'  - {{id: a{y}, title: "Entry {y} of a program with a long descriptive title number {n}",'
                          f' date: "{y}", summary: s}}\n' for y in range(first, last + 1))
        base = MINIMAL.replace("{name: Testland, code: \"TL\"}", f"{{name: Country {n}, code: X{chr(65 + n)}}}")
        program("accomplishments:\n" + entries, name=f"country{n}.yaml", base=base)


def axis_years(out: str) -> set[int]:
    """The years labelled under the axis (two-digit labels read as 20xx)."""
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("┬") or " ┬" in line) + 1
    found = set()
    while at < len(lines) and lines[at].strip()[:1].isdigit():
        found |= {int(w) if len(w) == 4 else 2000 + int(w) for w in lines[at].split()}
        at += 1
    return found


@pytest.mark.parametrize("width", [20, 40, 60, 80, 120])
def test_chart_axis_never_drops_a_year_with_an_entry(run, program, tmp_path, width):
    every_year(program, 2007, 2026)
    out = run("--data", str(tmp_path), "timeline", "--chart", "--width", str(width)).stdout
    years = axis_years(out)
    if width >= 60:
        assert years == set(range(2007, 2027))
    else:  # 20 years in 20 or 40 cells: as many years with entries as fit, none without
        assert years and years <= set(range(2007, 2027))
    sparse = tmp_path / "sparse"
    sparse.mkdir()
    (sparse / "p.yaml").write_text((ROOT / "data" / "cote_divoire.yaml").read_text(encoding="utf-8"),
                                   encoding="utf-8")
    assert {2011, 2013, 2015, 2018, 2019, 2020} <= axis_years(
        run("--data", str(sparse), "timeline", "--chart", "--width", str(width)).stdout)


def test_chart_labels_grow_when_there_is_room(run):
    lines = chart(run, 120)[0]
    assert lines[3] == ("2015–2018 West Côte d'Ivoire Model Police Prefecture pilot"
                        "                                ████████████████████")
    assert "2019 Monthly exchanges with a civil society working group " in lines[5]


@pytest.mark.parametrize("countries", [1, 3])
def test_chart_label_column_grows_with_the_width(run, program, tmp_path, countries):
    every_year(program, 2007, 2026, per_year=countries)
    widths = {}
    for width in (80, 120, 160):
        out = run("--data", str(tmp_path), "timeline", "--chart", "--width", str(width)).stdout.splitlines()
        row = next(line for line in out if line.startswith("2018 Entry"))
        widths[width] = row.index("●") - row.index("  ")  # label text before the plot's blank cells
        assert axis_years("\n".join(out)) == set(range(2007, 2027))
    assert widths[80] < widths[120] < widths[160]
    out = run("--data", str(tmp_path), "timeline", "--chart", "--width", "120").stdout
    assert "\n2018 Entry 2018 of a program with a long … " in out  # 42 of the 120 columns, not 20


def test_chart_at_80_columns(run):
    assert run("timeline", "--chart").stdout == """\
Timeline: INL in Côte d'Ivoire
2011 End of Côte d'Ivoire's …   ▲
Sep 2013 Letter of Agreement…               ●
2015–2018 West Côte d'Ivoire…                     ████████████████████
2018–2020 Train-and-equip pr…                                    ███████████████
2019 Monthly exchanges with …                                           ●
Jul 2020 The MSCP formalized…                                                 ◆
                              ┬────┬────┬────┬────┬────┬────┬────┬────┬────┬────
                              2011 2012 2013 2014 2015 2016 2017 2018 2019 2020
█ span  ● accomplishment  ◆ milestone  ▲ context
1 undated accomplishment is not shown; add --undated to list it.
"""


def test_chart_undated_lists_them_under_the_chart(run):
    out = run("timeline", "--chart", "--undated").stdout.splitlines()
    assert out[-2:] == ["Undated:", "• Universal Treatment Curriculum for drug treatment professionals"]
    assert "not shown" not in "\n".join(out)


@pytest.mark.parametrize("width, legend, undated", [
    (40, ["█ span  ● accomplishment  ◆ milestone", "▲ context"],
     ["• Universal Treatment Curriculum for", "  drug treatment professionals"]),
    (20, ["█ span", "● accomplishment", "◆ milestone", "▲ context"],
     ["• Universal", "  Treatment", "  Curriculum for", "  drug treatment", "  professionals"]),
])
def test_chart_legend_and_undated_wrap_between_entries(run, width, legend, undated):
    out = run("timeline", "--chart", "--undated", "--width", str(width)).stdout.splitlines()
    at = out.index(legend[0])
    assert out[at:at + len(legend)] == legend  # a symbol stays with its word
    assert out[at + len(legend)] == "Undated:"
    assert out[at + len(legend) + 1:] == undated  # continuation lines indented under the text


def test_chart_no_color_keeps_its_glyphs_and_ascii_is_for_stdouts_that_cannot_encode(run):
    assert "█" in run("timeline", "--chart", env={"NO_COLOR": "1"}).stdout
    coloured = run("timeline", "--chart", env={"NO_COLOR": None, "FORCE_COLOR": "1"}).stdout
    assert "\x1b[33m  ▲\x1b[0m" in coloured
    import subprocess
    import sys

    ascii_out = subprocess.run([sys.executable, "-m", "inl_cli", "timeline", "--chart"], capture_output=True,
                               env={"PYTHONIOENCODING": "ascii", "COLUMNS": "80", "PATH": ""}).stdout.decode("ascii")
    assert "====" in ascii_out and "+----+" in ascii_out and "o accomplishment" in ascii_out


def test_chart_groups_rows_by_country(run, program, tmp_path):
    program("""\
        accomplishments:
          - {id: a, title: Court reform, date: "2014", summary: s}
          - {id: b, title: Border posts, date: {start: "2016", end: "2017"}, summary: s}
        """, name="testland.yaml")
    (tmp_path / "ci.yaml").write_text((ROOT / "data" / "cote_divoire.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    for width in (40, 80):
        out = run("--data", str(tmp_path), "timeline", "--chart", "--width", str(width)).stdout.splitlines()
        assert out[0] == "Timeline: INL in 2 countries"
        assert out[1] == "Côte d'Ivoire"
        testland = out.index("Testland")
        assert out[testland + 1].startswith("2014 Court reform")
        assert all(not line.startswith("2014") for line in out[:testland])
    gantt = run("--data", str(tmp_path), "export", "--section", "timeline").stdout
    assert "    section Côte d'Ivoire, accomplishments\n" in gantt
    assert "    section Testland, accomplishments\n    2014 Court reform :milestone, 2014-01-01, 0d" in gantt


LATE_SPAN = """\
accomplishments:
  - {id: a, title: Old, summary: s, date: "2013"}
  - {id: b, title: Late, summary: s, date: {start: "2020-12-15", end: "2020-12-31"}}
  - {id: c, title: Planned, summary: s, date: {start: "2030-03"}}
"""


@pytest.mark.parametrize("width", [20, 40, 60, 80, 120, 200])
def test_chart_draws_a_span_at_the_very_end_and_an_open_span_that_starts_after_today(run, program, width):
    path = program(LATE_SPAN)
    result = run("--data", str(path), "timeline", "--chart", "--width", str(width),
                 env={"SOURCE_DATE_EPOCH": str(19_905 * 86400)})  # 2024-07-01
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    for label, mark in (("2013 Old", "●"), ("15 Dec 2", "█"), ("since Ma", "█")):
        at = next(i for i, line in enumerate(lines) if line.startswith(label))
        plot = lines[at + 1] if width < 60 else lines[at]
        assert mark in plot, (label, plot)
    axis = next(line for line in lines if "┬" in line)
    years = lines[lines.index(axis) + 1].split()
    assert years[0] in ("2013", "13") and years[-1] in ("2030", "30")
