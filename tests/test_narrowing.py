"""--from, --to and --partner on `show` and `export`: the accomplishments the timeline would keep, and a line
that says so."""
import json

import pytest


def titles(run, *args):
    result = run("show", "accomplishments", "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return [row["title"] for row in json.loads(result.stdout)]


def test_from_keeps_what_overlaps_the_window_at_its_own_precision(run):
    assert titles(run, "--from", "2015") == [
        "West Côte d'Ivoire Model Police Prefecture pilot",
        "Train-and-equip program against sexual and gender-based violence",
        "Monthly exchanges with a civil society working group"]
    assert titles(run, "--from", "2016", "--to", "2017") == ["West Côte d'Ivoire Model Police Prefecture pilot"]
    assert titles(run, "--from", "2013") == titles(run)[:-1]  # the undated accomplishment falls in no window
    assert titles(run, "--from", "2013-10")[0] == "West Côte d'Ivoire Model Police Prefecture pilot"


def test_partner_keeps_accomplishments_with_that_partner_or_a_milestone_of_it(run):
    assert titles(run, "--partner", "UNDP") == ["Train-and-equip program against sexual and gender-based violence"]
    assert titles(run, "--partner", "united nations", "--partner", "MSCP") == [
        "Train-and-equip program against sexual and gender-based violence",
        "Monthly exchanges with a civil society working group"]


def test_results_and_details_are_narrowed_too(run):
    results = json.loads(run("show", "results", "--from", "2015", "--to", "2018", "-f", "json").stdout)
    assert {row["accomplishment"] for row in results} == {"West Côte d'Ivoire Model Police Prefecture pilot"}
    details = run("show", "details", "--partner", "UNDP", "-f", "csv").stdout.splitlines()
    assert len(details) == 2 and details[1].startswith("sgbv-train-and-equip,")


def test_the_table_says_what_it_kept(run):
    result = run("show", "accomplishments", "--from", "2015", "--to", "2018", "--partner", "UNDP")
    assert result.stdout.splitlines()[-1] == "Only accomplishments from 2015 to 2018, with UNDP."
    assert run("show", "accomplishments", "--to", "2014").stdout.splitlines()[-1] == (
        "Only accomplishments until 2014.")


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "csv", "timelinejs"])
def test_export_narrows_every_format(run, fmt):
    whole = run("export", "--format", fmt).stdout
    narrowed = run("export", "--format", fmt, "--from", "2019").stdout
    assert "Monthly exchanges with a civil society working group" in narrowed
    assert "Letter of Agreement with the Ivorian government" in whole
    assert "Letter of Agreement with the Ivorian government" not in narrowed


def test_the_report_says_which_window_it_shows(run):
    report = run("export", "--from", "2015").stdout
    assert "\nOnly accomplishments from 2015.\n" in report


def test_an_empty_window_or_an_unknown_partner_is_a_usage_error(run):
    result = run("show", "accomplishments", "--from", "2019", "--to", "2015")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: --from 2019 is after --to 2015; nothing can fall between them."
    result = run("export", "--partner", "undpp")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: Invalid value for '--partner': no partner 'undpp'; did you mean UNDP?"
