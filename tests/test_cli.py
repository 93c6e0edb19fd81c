"""What users see from `inl show` and `inl export --format json`, and how it exits."""
import json

import pytest

ACCOMPLISHMENTS_80 = """\
Accomplishments: INL in Côte d'Ivoire
┏━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┓
┃ When      ┃ Accomplishment      ┃ Partners            ┃ Results              ┃
┡━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━┩
│ Sep 2013  │ Letter of Agreement │ Government of Côte  │                      │
│           │ with the Ivorian    │ d'Ivoire            │                      │
│           │ government          │                     │                      │
├───────────┼─────────────────────┼─────────────────────┼──────────────────────┤
│ 2015–2018 │ West Côte d'Ivoire  │ Ivorian National    │ more than 100        │
│           │ Model Police        │ Police              │ community awareness  │
│           │ Prefecture pilot    │                     │ meetings             │
│           │                     │                     │ 98 police officers   │
│           │                     │                     │ 2 citizen            │
│           │                     │                     │ associations         │
├───────────┼─────────────────────┼─────────────────────┼──────────────────────┤
│ 2018–2020 │ Train-and-equip     │ UNDP                │                      │
│           │ program against     │                     │                      │
│           │ sexual and          │                     │                      │
│           │ gender-based        │                     │                      │
│           │ violence            │                     │                      │
├───────────┼─────────────────────┼─────────────────────┼──────────────────────┤
│ undated   │ Universal Treatment │ Government of Côte  │                      │
│           │ Curriculum for drug │ d'Ivoire            │                      │
│           │ treatment           │                     │                      │
│           │ professionals       │                     │                      │
├───────────┼─────────────────────┼─────────────────────┼──────────────────────┤
│ 2019      │ Monthly exchanges   │ MSCP, Ivorian civil │                      │
│           │ with a civil        │ society working     │                      │
│           │ society working     │ group               │                      │
│           │ group               │                     │                      │
└───────────┴─────────────────────┴─────────────────────┴──────────────────────┘
"""

ACCOMPLISHMENTS_40 = """\
Accomplishments: INL in Côte d'Ivoire
────────────────────────────────────────
When           Sep 2013
Accomplishment Letter of Agreement with
               the Ivorian government
Partners       Government of Côte
               d'Ivoire
────────────────────────────────────────
When           2015–2018
Accomplishment West Côte d'Ivoire Model
               Police Prefecture pilot
Partners       Ivorian National Police
Results        more than 100 community
               awareness meetings
               98 police officers
               2 citizen associations
────────────────────────────────────────
When           2018–2020
Accomplishment Train-and-equip program
               against sexual and
               gender-based violence
Partners       UNDP
────────────────────────────────────────
When           undated
Accomplishment Universal Treatment
               Curriculum for drug
               treatment professionals
Partners       Government of Côte
               d'Ivoire
────────────────────────────────────────
When           2019
Accomplishment Monthly exchanges with a
               civil society working
               group
Partners       MSCP, Ivorian civil
               society working group
"""


def test_show_accomplishments_at_80_columns(run):
    result = run("show", "accomplishments")
    assert result.exit_code == 0
    assert result.stdout == ACCOMPLISHMENTS_80


def test_show_results_lists_every_number_with_its_accomplishment(run):
    result = run("show", "results", "--format", "csv")
    assert result.stdout.splitlines() == [
        "accomplishment_id,accomplishment,when,start,end,precision,value,qualifier,unit,description",
        "model-police-prefecture,West Côte d'Ivoire Model Police Prefecture pilot,2015–2018,2015,2018,year,100,"
        "more_than,community awareness meetings,\"between police and citizens, resulting from INL's "
        "community policing mentoring\"",
        "model-police-prefecture,West Côte d'Ivoire Model Police Prefecture pilot,2015–2018,2015,2018,year,98,exact,"
        "police officers,trained by INL in community policing",
        "model-police-prefecture,West Côte d'Ivoire Model Police Prefecture pilot,2015–2018,2015,2018,year,2,exact,"
        "citizen associations,created by citizens to liaise with the police",
    ]


def test_show_overview_summarises_the_program(run):
    rows = json.loads(run("show", "overview", "--format", "json").stdout)
    assert {row["field"]: row["value"] for row in rows} == {
        "Country": "Côte d'Ivoire (CI)",
        "Bureau": "Bureau of International Narcotics and Law Enforcement Affairs (INL)",
        "Department": "U.S. Department of State",
        "Years covered": "2011–2020",
        "Challenges": 3,
        "Goals": 4,
        "Partners": 5,
        "Accomplishments": "5 (1 undated)",
        "Results": 3,
        "Source": "Côte d'Ivoire Summary: https://www.state.gov/bureau-of-international-narcotics-and-law-"
                  "enforcement-affairs-work-by-country/cote-divoire-summary/",
    }


@pytest.mark.parametrize("section, first_cells", [
    ("challenges", ["Stability after the post-electoral crisis", "Civilian law enforcement capacity",
                    "Confidence, shared responsibility and internal security"]),
    ("goals", ["Law enforcement capacity", "Respect for human rights", "Security and stability",
               "Tools against crime and terrorism"]),
    ("partners", ["government", "national-police", "undp", "mscp", "civil-society-working-group"]),
])
def test_each_section_lists_its_items_in_page_order(run, section, first_cells):
    rows = json.loads(run("show", section, "-f", "json").stdout)
    key = "id" if section == "partners" else "title"
    assert [row[key] for row in rows] == first_cells


def test_narrow_terminal_stacks_each_accomplishment(run):
    result = run("show", "accomplishments", "--width", "40")
    assert result.exit_code == 0
    assert result.stdout == ACCOMPLISHMENTS_40


def test_unknown_section_is_a_usage_error_listing_the_valid_ones(run):
    result = run("show", "budget")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for 'SECTION': 'budget' is not one of 'overview', 'challenges', 'goals', "
        "'partners', 'accomplishments', 'results', 'details'.")


def test_markup_and_control_characters_in_data_are_shown_safely(run, program):
    path = program("""\
        accomplishments:
          - id: a
            title: "[bold]Loud[/] \\e[31mred\\e[0m \\e]0;pwned\\a done"
            summary: s
        """)
    result = run("--data", str(path), "show", "accomplishments", "--width", "120")
    assert result.exit_code == 0
    assert "[bold]Loud[/] [31mred[0m ]0;pwned done" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_export_json_is_the_whole_normalised_program(run):
    data = json.loads(run("export", "--format", "json").stdout)
    assert data["schema_version"] == 1
    assert data["country"] == {"name": "Côte d'Ivoire", "code": "CI"}
    assert [a["date"] for a in data["accomplishments"]] == [
        "2013-09", {"start": "2015", "end": "2018"}, {"start": "2018", "end": "2020"}, None, "2019"]
    assert data["accomplishments"][1]["results"][0] == {
        "value": 100, "unit": "community awareness meetings", "qualifier": "more_than",
        "description": "between police and citizens, resulting from INL's community policing mentoring"}
    assert data["accomplishments"][4]["milestones"] == [{
        "date": "2020-07", "title": "The MSCP formalized the civil society working group by government ordinance",
        "partners": ["mscp"]}]


def test_export_to_a_file_says_where_it_wrote(run, tmp_path):
    target = tmp_path / "program.json"
    result = run("export", "--format", "json", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"Wrote {target}\n"
    assert json.loads(target.read_text(encoding="utf-8"))["country"]["code"] == "CI"


def test_version_and_help_do_not_read_data(run, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("a: [", encoding="utf-8")
    assert run("--data", str(broken), "--version").exit_code == 0
    assert run("--data", str(broken), "show", "--help").exit_code == 0
