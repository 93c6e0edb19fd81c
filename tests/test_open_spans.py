"""Open spans ("since 2012": a start and no end), programs with no accomplishments, and ISO country codes."""
import json
from datetime import date

import pytest
from conftest import modules_loaded

from inl_cli.dates import PartialDate, Span

SINCE = """\
accomplishments:
  - {id: mentoring, title: Mentoring prosecutors, summary: s, date: {start: "2012"}}
  - {id: lab, title: Lab opened, summary: s, date: "2009"}
"""
THIS_YEAR = date.today().year


def test_an_open_span_runs_to_today_and_reads_since():
    span = Span(PartialDate(2012))
    assert (span.display(), str(span), span.precision) == ("since 2012", "2012/..", "year")
    assert span.last_day == date.today()


def test_views_show_an_open_span_as_ongoing(run, program):
    path = program(SINCE)
    result = run("--data", str(path), "show", "accomplishments", "-f", "json")
    rows = json.loads(result.stdout)
    assert [(r["when"], r["start"], r["end"]) for r in rows] == [("2009", "2009", "2009"), ("since 2012", "2012", None)]
    table = run("--data", str(path), "show", "accomplishments").stdout
    assert "since 2012" in table


def test_years_covered_read_since_when_work_goes_on(run, program):
    path = program(SINCE)
    countries = json.loads(run("--data", str(path), "countries", "-f", "json").stdout)
    assert [c["years"] for c in countries] == ["since 2009"]
    overview = json.loads(run("--data", str(path), "show", "overview", "-f", "json").stdout)
    assert {"field": "INL's work", "value": "since 2009"} in overview
    closed = program(SINCE.replace('{start: "2012"}', '{start: "2012", end: "2014"}'))
    assert [c["years"] for c in json.loads(run("--data", str(closed), "countries", "-f", "json").stdout)] == \
        ["2009–2014"]


def test_timeline_windows_treat_an_open_span_as_running_to_today(run, program):
    path = program(SINCE)
    rows = json.loads(run("--data", str(path), "timeline", "--from", str(THIS_YEAR), "-f", "json").stdout)
    assert [r["title"] for r in rows] == ["Mentoring prosecutors"]
    rows = json.loads(run("--data", str(path), "timeline", "--to", "2011", "-f", "json").stdout)
    assert [r["title"] for r in rows] == ["Lab opened"]


def test_json_and_csv_carry_an_open_span_with_no_end(run, program):
    path = program(SINCE)
    document = json.loads(run("--data", str(path), "export", "-f", "json").stdout)
    assert document["accomplishments"][0]["date"] == {"start": "2012", "end": None}
    csv = run("--data", str(path), "export", "-f", "csv").stdout.splitlines()
    assert csv[2].startswith("mentoring,since 2012,2012,,year,Mentoring prosecutors,")


def test_the_chart_draws_an_open_span_to_today(run, program):
    path = program(SINCE)
    result = run("--data", str(path), "timeline", "--chart", "--width", "60")
    assert result.exit_code == 0, result.output
    bar = next(line for line in result.stdout.splitlines() if line.startswith("since 2012"))
    years = result.stdout.splitlines()[-2]
    last_label = years.split()[-1]
    assert int(last_label) > THIS_YEAR - 4
    # The bar reaches past the column of the last year labelled, towards today.
    assert len(bar.rstrip()) > years.index(last_label)


def test_the_markdown_report_and_timelinejs_draw_an_open_span_to_today(run, program):
    result = run("--data", str(program(SINCE)), "export")
    assert result.exit_code == 0, result.output
    tomorrow = date.fromordinal(date.today().toordinal() + 1).isoformat()
    assert f"since 2012 Mentoring prosecutors :2012-01-01, {tomorrow}" in result.stdout
    events = json.loads(run("--data", str(program(SINCE)), "export", "-f", "timelinejs").stdout)["events"]
    today = date.today()
    assert events[1]["end_date"] == {"year": today.year, "month": today.month, "day": today.day}


NOTHING_DONE = """\
challenges:
  - {id: crime, title: Crime, text: Crime is rising., events: [{date: {start: "2015"}, title: Rise began}]}
goals:
  - {id: courts, title: Courts, text: Strengthen the courts.}
accomplishments: []
"""


@pytest.mark.parametrize("args", [
    ["show", "accomplishments"], ["show", "overview"], ["show", "results"], ["show", "partners"],
    ["show", "challenges"], ["timeline"], ["timeline", "--chart"], ["timeline", "--undated"],
    ["export"], ["export", "-f", "html"], ["export", "-f", "json"], ["export", "-f", "csv"],
    ["export", "-f", "timelinejs"],
    ["export", "-f", "csv", "-s", "results"], ["search", "courts"], ["validate"],
])
def test_a_program_with_no_accomplishments_works_everywhere(run, program, args):
    path = program(NOTHING_DONE)
    result = run("--data", str(path), *args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_validate_rejects_a_code_that_is_not_iso_3166(run, program):
    path = program().read_text(encoding="utf-8").replace('code: "TL"', 'code: "XX"')
    target = program(base=path)
    result = run("validate", str(target))
    assert result.exit_code == 1
    assert result.stdout == (f"{target}:2:33: country.code: XX is not an ISO 3166-1 alpha-2 country code "
                             "(Côte d'Ivoire is CI, The Gambia GM)\n")


def test_the_shipped_codes_are_pycountrys():
    import pycountry

    from inl_cli.spec import ISO_3166_ALPHA2

    assert ISO_3166_ALPHA2 == {c.alpha_2 for c in pycountry.countries}


@pytest.mark.parametrize("command", [["show", "accomplishments"], ["timeline"], ["export", "-f", "json"]])
def test_reading_programs_never_loads_pycountry(command):
    assert modules_loaded(command, ("pycountry",)) == []
