"""`inl timeline`: windows over partial dates and spans, filters, undated entries and the chart."""
import json

import pytest

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


def chart(run, width):
    result = run("timeline", "--chart", "--width", str(width))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    axis = next(line for line in lines if "+-" in line)
    ticks = [i for i, c in enumerate(axis) if c == "+"]
    rows = {line.split(" ")[0]: line for line in lines[1:7]}
    return lines, axis, ticks, rows


@pytest.mark.parametrize("width", [40, 80, 120])
def test_chart_bars_and_marks_sit_on_their_years(run, width):
    lines, axis, ticks, rows = chart(run, width)
    assert len(ticks) == 10  # 2011 to 2020
    assert lines[0] == "Timeline: INL in Côte d'Ivoire"
    for span, first, after in (("2015–2018", 4, 8), ("2018–2020", 7, None)):
        bar = [i for i, c in enumerate(rows[span]) if c == "="]
        assert bar[0] == ticks[first]
        assert bar[-1] == (ticks[after] - 1 if after else len(axis) - 1)
        assert bar == list(range(bar[0], bar[-1] + 1))
    for label, mark, year in (("2011", "x", 0), ("Sep", "o", 2), ("2019", "o", 8), ("Jul", "*", 9)):
        position = rows[label].rindex(mark)
        assert ticks[year] <= position < (ticks[year + 1] if year < 9 else len(axis))
    assert "".join(lines).isascii() or "–" in "".join(lines)


def test_chart_at_80_columns(run):
    assert run("timeline", "--chart").stdout == """\
Timeline: INL in Côte d'Ivoire
2011 End of Côte d'Ivoire's pos~   x
Sep 2013 Letter of Agreement wi~              o
2015–2018 West Côte d'Ivoire Mo~                    ===================
2018–2020 Train-and-equip progr~                                  ==============
2019 Monthly exchanges with a c~                                         o
Jul 2020 The MSCP formalized th~                                              *
                                 +----+---+----+----+---+----+----+----+---+----
                                 2011 2012     2014 2015     2017 2018 2019
= span  o accomplishment  * milestone  x context
1 undated accomplishment is not shown; add --undated to list it.
"""
