"""Funding beside activities: `show overview` and the reports with a funding extract, written here by hand
in the extract's documented columns (`inl funding import` writes the same)."""
import html
import json
import re

import pytest
from conftest import MINIMAL

from inl_cli.load import bundled_path

HEADER = ("country,code,fiscal_year,transaction_type,account,bureau,us_sector,implementing_partner,activity_id,"
          "activity_name,current_dollars,constant_dollars\n")
INCLE = "International Narcotics Control and Law Enforcement"


def row(country, code, year, kind, dollars):
    return f"{country},{code},{year},{kind},{INCLE},INL,Civilian Police,UNDP,A-1,Training,{dollars},{dollars}\n"


@pytest.fixture
def extract(tmp_path):
    """Côte d'Ivoire in FY2014 and FY2016 (FY2015 has no row), with a de-obligation; Ghana; a budget request."""
    path = tmp_path / "funding.csv"
    path.write_text(HEADER + "".join([
        row("Cote d'Ivoire", "CI", "2014", "obligations", 1_500_000),
        row("Cote d'Ivoire", "CI", "2014", "disbursements", 250_000),
        row("Cote d'Ivoire", "CI", "2016", "obligations", 2_000_000),
        row("Cote d'Ivoire", "CI", "2016", "obligations", -300_000),
        row("Cote d'Ivoire", "CI", "2016", "disbursements", 1_100_000),
        row("Cote d'Ivoire", "CI", "2016", "budget requests", 9_000_000),
        row("Ghana", "GH", "2016", "obligations", 700_000),
    ]), encoding="utf-8")
    return str(path)


def test_the_overview_adds_the_country_s_funding_and_says_what_was_summed(run, extract):
    result = run("--funding", extract, "show", "overview", "-f", "json")
    assert result.exit_code == 0, result.output
    fields = {r["field"]: r["value"] for r in json.loads(result.stdout)}
    assert (fields["Obligations"], fields["Disbursements"], fields["Fiscal years"]) == (3200000, 1350000,
                                                                                        "FY2014–FY2016")
    lines = run("--funding", extract, "show", "overview").stdout.splitlines()
    assert [line[:34] for line in lines if "$" in line] == ["│ Obligations     │ $3.2M         ",
                                                            "│ Disbursements   │ $1.4M         "]
    assert lines[-2:] == ["Funding from ForeignAssistance.gov: INCLE account, bureau INL; obligations and",
                          "disbursements, current dollars."]


def test_without_an_extract_the_overview_is_as_before(run):
    result = run("show", "overview", "-f", "json")
    assert result.exit_code == 0 and "Obligations" not in result.stdout and "Funding" not in result.stdout


def test_a_country_without_rows_says_so(run, extract, program):
    path = program("", name="freedonia.yaml")
    result = run("--data", str(path), "--funding", extract, "show", "overview", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert "Funding,none in the funding extract\n" in result.stdout


def test_the_markdown_report_has_a_funding_section_with_each_fiscal_year_the_extract_has(run, extract):
    result = run("--funding", extract, "export")
    assert result.exit_code == 0, result.output
    section = result.stdout.split("## Funding\n\n", 1)[1].split("\n## ", 1)[0]
    assert section == (
        "| Fiscal year | Obligations | Disbursements |\n| --- | --- | --- |\n"
        "| FY2014 | $1.5M | $250K |\n| FY2016 | $1.7M | $1.1M |\n\n"
        "Funding from ForeignAssistance.gov: INCLE account, bureau INL; obligations and disbursements, current "
        "dollars. In all: $3.2M obligated, $1.4M disbursed.\n")
    assert result.stdout.index("## Timeline") < result.stdout.index("## Funding") < result.stdout.index("## Source")


def test_funding_csv_and_json_hold_exact_dollars(run, extract):
    csv = run("--funding", extract, "export", "-f", "csv", "-s", "funding")
    assert csv.stdout == "fiscal_year,obligations,disbursements\n2014,1500000,250000\n2016,1700000,1100000\n"
    records = json.loads(run("--funding", extract, "export", "-f", "json", "-s", "funding").stdout)
    assert records == [{"fiscal_year": "2014", "obligations": 1500000, "disbursements": 250000},
                       {"fiscal_year": "2016", "obligations": 1700000, "disbursements": 1100000}]


def test_the_report_s_window_keeps_the_fiscal_years_that_overlap_it(run, extract):
    csv = run("--funding", extract, "export", "-f", "csv", "-s", "funding", "--from", "2015-11")
    assert csv.stdout == "fiscal_year,obligations,disbursements\n2016,1700000,1100000\n"
    assert run("--funding", extract, "export", "-f", "csv", "-s", "funding", "--to", "2013-09").stdout == (
        "fiscal_year,obligations,disbursements\n")


def test_the_html_report_draws_the_funding_on_the_timeline_s_year_axis(run, extract):
    page = run("--funding", extract, "export", "-f", "html").stdout
    funding = page.split('<section class="funding-section"', 1)[1].split("</section>", 1)[0]
    assert '<svg class="funding"' in funding and "<td data-label=\"Obligations\">$1.7M</td>" in funding
    bars = re.findall(r'<rect class="(obligations|disbursements)" x="([\d.]+)".*?<title>([^<]+)</title>', funding)
    assert [(kind, tip) for kind, _, tip in bars] == [
        ("obligations", "FY2014: $1.5M obligated"), ("disbursements", "FY2014: $250K disbursed"),
        ("obligations", "FY2016: $1.7M obligated"), ("disbursements", "FY2016: $1.1M disbursed")]
    timeline_ticks = dict(re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">(\d{4})</text>',
                                     page.split('<svg class="timeline', 1)[1].split("</svg>", 1)[0]))
    funding_ticks = dict(re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">(\d{4})</text>', funding))
    assert funding_ticks == timeline_ticks  # the same axis, the same labelled years
    centre = {y: float(x) for x, y in funding_ticks.items()}
    year = centre["2014"] - centre["2013"]
    january_2014 = centre["2013"] + year / 2
    october_2013 = january_2014 - year * 92 / 365  # FY2014 runs from 1 October 2013
    assert abs(float(bars[0][1]) - (october_2013 + 0.08 * year)) < 1  # its obligations bar starts there


def test_no_chart_keeps_the_funding_table(run, extract):
    page = run("--funding", extract, "export", "-f", "html", "--no-chart").stdout
    assert '<svg class="funding"' not in page and 'id="funding-h">Funding</h2>' in page
    funding = page.split('<section class="funding-section"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'data-label="Fiscal year">(FY\d+)<', funding) == ["FY2014", "FY2016"]


def test_asking_for_the_funding_section_without_an_extract_says_how_to_make_one(run):
    result = run("export", "-s", "funding")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Error: no funding extract yet (")
    assert result.stderr.splitlines()[-1].endswith("); make one with `inl funding import us_foreign_aid_complete.csv` "
                                                   "from ForeignAssistance.gov's CSV download")
    assert result.stderr == run("funding").stderr  # as `inl funding` says it


def test_fiscal_years_outside_the_timeline_are_in_the_table_not_drawn(run, tmp_path):
    path = tmp_path / "early.csv"
    path.write_text(HEADER + row("Cote d'Ivoire", "CI", "1990", "obligations", 5_000_000)
                    + row("Cote d'Ivoire", "CI", "2016", "obligations", 1_000_000), encoding="utf-8")
    page = run("--funding", str(path), "export", "-f", "html").stdout
    funding = page.split('<section class="funding-section"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r"<title>(FY\d+)", funding) == ["FY2016", "FY2016"]
    assert "1 fiscal year outside the timeline's years is in the table below, not drawn." in html.unescape(funding)
    assert ">FY1990</td>" in funding and "6 dated entries from 2011 to 2020" in page


def test_a_named_extract_that_is_missing_or_bad_is_one_line(run, extract, tmp_path):
    missing = run("--funding", str(tmp_path / "nope.csv"), "show", "overview")
    assert missing.exit_code == 2
    assert missing.stderr.splitlines()[-1] == (f"Error: no funding extract at {tmp_path / 'nope.csv'}; make it with "
                                               f"`inl funding import FILE... -o {tmp_path / 'nope.csv'}` from "
                                               "ForeignAssistance.gov's CSV download")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + row("Cote d'Ivoire", "CI", "2016", "obligations", "lots"), encoding="utf-8")
    result = run("--funding", str(bad), "export")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines()[-1] == (f"Error: {bad}: row 2: current_dollars is 'lots', not a whole number "
                                              "of dollars")


def drawn_funding(page: str) -> str:
    return page.split('<section class="funding-section"', 1)[1].split("</section>", 1)[0]


def test_a_fiscal_year_the_timeline_s_axis_cuts_is_drawn_over_what_it_shows(run, tmp_path):
    path = tmp_path / "first.csv"
    path.write_text(HEADER + row("Cote d'Ivoire", "CI", "2011", "obligations", 1_000_000), encoding="utf-8")
    funding = drawn_funding(run("--funding", str(path), "export", "-f", "html").stdout)
    assert re.findall(r"<title>(FY\d+)", funding) == ["FY2011", "FY2011"]  # Oct 2010 is before the axis
    assert "The table below lists every year." in html.unescape(funding)


def test_a_report_without_a_timeline_draws_the_funding_on_its_own_years(run, extract):
    funding = html.unescape(drawn_funding(run("--funding", extract, "export", "-f", "html", "-s", "funding").stdout))
    assert "obligations and disbursements, FY2014 to FY2016, drawn on their own years" in funding


def test_no_rows_to_draw_is_said_not_a_traceback(run, extract, program):
    freedonia = str(program("", name="freedonia.yaml"))
    for args in (["--data", freedonia], ["--to", "2009"]):
        result = run("--funding", extract, *args[:2], "export", "-f", "html", "-s", "funding", *args[2:]) \
            if args[0] == "--data" else run("--funding", extract, "export", "-f", "html", "-s", "funding", *args)
        assert result.exit_code == 0, result.output
        assert '<p class="empty">No funding to draw.</p>' in result.stdout


def test_the_window_is_said_and_a_country_with_rows_outside_it_is_told_apart(run, extract):
    section = run("--funding", extract, "export", "-s", "funding", "--from", "2017").stdout
    assert ("Only fiscal years that overlap the window (from 2017). No funding in the window for Côte d'Ivoire."
            in section)
    overview = json.loads(run("--funding", extract, "show", "overview", "--from", "2017", "-f", "json").stdout)
    assert {r["field"]: r["value"] for r in overview}["Funding"] == "none in the window"


def test_with_two_countries_the_bars_say_they_add_up_both(run, extract, tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "ci.yaml").write_text((bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "gh.yaml").write_text(MINIMAL.replace("Testland", "Ghana").replace('"TL"', '"GH"'), encoding="utf-8")
    funding = html.unescape(drawn_funding(run("--data", str(folder), "--funding", extract, "export", "-f", "html").stdout))
    assert "Per fiscal year, the 2 countries' amounts added up" in funding
