"""Many programs: data folders, --country, `inl countries`, search, totals and completion."""
import json
import os
import subprocess
import sys

import pytest
from conftest import MINIMAL

from inl_cli.load import bundled_path


def country(name: str, code: str, body: str = "") -> str:
    return (MINIMAL.replace("Testland Summary", f"{name} Summary").replace("Testland", name)
            .replace('"TL"', f'"{code}"').replace("/testland", f"/{code.lower()}") + body)


SAO_TOME = country("São Tomé and Príncipe", "ST", """\
partners:
  - {id: coast-guard, name: Coast Guard of São Tomé and Príncipe, abbreviation: CGSTP, role: counterpart}
accomplishments:
  - id: patrols
    title: Maritime patrol training
    date: {start: "2014", end: "2016"}
    partners: [coast-guard]
    summary: Trained the coast guard in maritime interdiction.
    results:
      - {value: 40, unit: police officers}
      - {value: 12, unit: community awareness meetings, qualifier: at_least}
      - {value: 30, unit: trainers, qualifier: about}
""")
GHANA = country("Ghana", "GH", """\
accomplishments:
  - {id: lab, title: Forensic laboratory opened, date: "2015-06", summary: A police forensic lab opened.}
  - {id: court, title: Court case tracking, date: "2012", summary: Case tracking for courts.}
""")


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "ghana.yaml").write_text(GHANA, encoding="utf-8")
    (tmp_path / "sao_tome.yml").write_text(SAO_TOME, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a program", encoding="utf-8")
    return tmp_path


def rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_countries_lists_every_program_of_a_folder(run, folder):
    assert rows(run("--data", str(folder), "countries", "-f", "json")) == [
        {"country": "Ghana", "code": "GH", "accomplishments": 2, "years": "2012–2015",
         "source": "https://example.org/gh", "file": str(folder / "ghana.yaml")},
        {"country": "São Tomé and Príncipe", "code": "ST", "accomplishments": 1, "years": "2014–2016",
         "source": "https://example.org/st", "file": str(folder / "sao_tome.yml")},
    ]


def test_subfolders_are_read_only_with_recursive(run, folder):
    (folder / "more").mkdir()
    (folder / "more" / "kenya.yaml").write_text(country("Kenya", "KE"), encoding="utf-8")
    assert [r["code"] for r in rows(run("--data", str(folder), "countries", "-f", "json"))] == ["GH", "ST"]
    assert [r["code"] for r in rows(run("--data", str(folder), "--recursive", "countries", "-f", "json"))] == [
        "GH", "KE", "ST"]


def test_the_timeline_interleaves_programs_by_date(run, folder):
    timeline = rows(run("--data", str(folder), "timeline", "-f", "json"))
    assert [(r["country"], r["when"]) for r in timeline] == [
        ("Ghana", "2012"), ("São Tomé and Príncipe", "2014–2016"), ("Ghana", "Jun 2015")]


def test_views_gain_a_country_column_with_several_programs(run, folder):
    result = run("--data", str(folder), "show", "accomplishments")
    assert result.stdout.splitlines()[2].split("┃")[1].strip() == "Country"
    assert result.stdout.splitlines()[0] == "Accomplishments: INL in 2 countries"


@pytest.mark.parametrize("wanted", ["st", "ST", "sao tome and principe", "São Tomé and Príncipe",
                                    "SAO-TOME AND PRINCIPE"])
def test_country_matches_code_or_name_ignoring_case_and_accents(run, folder, wanted):
    assert [r["code"] for r in rows(run("--data", str(folder), "--country", wanted, "countries", "-f", "json"))] \
        == ["ST"]


@pytest.mark.parametrize("wanted", ["cote divoire", "Côte d’Ivoire", "ci", "CÔTE D'IVOIRE"])
def test_the_bundled_country_matches_in_every_spelling(run, wanted):
    assert [r["code"] for r in rows(run("--country", wanted, "countries", "-f", "json"))] == ["CI"]


def test_an_unknown_country_suggests_the_closest(run, folder):
    result = run("--data", str(folder), "--country", "gana", "countries")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--country': no program for 'gana'; did you mean Ghana?")
    far = run("--data", str(folder), "--country", "Norway", "countries")
    assert far.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--country': no program for 'Norway'; loaded: Ghana, São Tomé and Príncipe; "
        "--data PATH reads other program files")


@pytest.mark.parametrize("wanted, hint", [("sao", "did you mean São Tomé and Príncipe?"),
                                           ("atlantis", "loaded: Ghana, São Tomé and Príncipe; --data PATH reads "
                                                        "other program files")])
def test_a_suggestion_is_a_prefix_or_a_close_spelling_never_a_far_one(run, folder, wanted, hint):
    result = run("--data", str(folder), "--country", wanted, "countries")
    assert result.stderr.splitlines()[-1] == f"Error: Invalid value for '--country': no program for {wanted!r}; {hint}"


def test_an_unknown_name_among_many_programs_points_to_the_list_instead_of_printing_it(run, tmp_path):
    for code in ("AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ"):
        (tmp_path / f"{code}.yaml").write_text(country(f"Land {code}", code), encoding="utf-8")
    result = run("--data", str(tmp_path), "--country", "atlantis", "countries")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("Error: Invalid value for '--country': no program for 'atlantis'; "
                                              f"loaded: 9 programs (`inl --data {tmp_path} countries` lists them); "
                                              "--data PATH reads other program files")
    inl_data = run("countries", "--country", "atlantis", env={"INL_DATA": str(tmp_path)})
    assert inl_data.stderr.endswith(f"(`inl --data {tmp_path} countries` lists them); --data PATH reads other "
                                    "program files\n")


def test_options_without_a_command_are_a_usage_error(run, tmp_path):
    result = run("--data", str(tmp_path), "--country", "CI")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: Missing command."


def test_two_files_for_one_country_name_both(run, folder):
    (folder / "ghana_copy.yaml").write_text(GHANA, encoding="utf-8")
    result = run("--data", str(folder), "countries")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{folder / 'ghana_copy.yaml'}:2:30: country.code: GH is also the country of {folder / 'ghana.yaml'}; "
        "one file per country")


def test_a_broken_file_among_good_ones_is_reported_with_all_its_problems(run, folder):
    (folder / "broken.yaml").write_text(country("Peru", "PE", "accomplishments:\n  - {id: x, title: X}\n"
                                                "goals: 3\n"), encoding="utf-8")
    result = run("--data", str(folder), "countries")
    assert result.exit_code == 1
    assert [line.replace(str(folder) + os.sep, "") for line in result.stderr.splitlines()] == [
        "broken.yaml:6:5: accomplishments[0].summary: required field is missing",
        "broken.yaml:7:8: goals: expected a list, got a number",
        "Error: 2 problems in 1 file",
    ]


def test_an_empty_folder_is_bad_data(run, tmp_path):
    result = run("--data", str(tmp_path), "countries")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{tmp_path}:1:1: no *.yaml or *.yml program files in this folder"


def test_search_finds_text_ignoring_case_and_accents(run, folder):
    hits = rows(run("--data", str(folder), "search", "TOME", "-f", "json"))
    assert hits == [
        {"country": "São Tomé and Príncipe", "section": "partner", "item": "Coast Guard of São Tomé and Príncipe",
         "field": "name", "text": "Coast Guard of São Tomé and Príncipe"},
    ]
    police = rows(run("--data", str(folder), "search", "police", "-f", "json"))
    assert [(h["country"], h["field"]) for h in police] == [
        ("Ghana", "summary"), ("São Tomé and Príncipe", "result")]


def test_search_highlights_matches_in_markdown_and_stays_plain_when_piped(run, folder):
    markdown = run("--data", str(folder), "search", "tome", "-f", "markdown").stdout
    assert "| Coast Guard of São **Tomé** and Príncipe |" in markdown
    table = run("--data", str(folder), "search", "tome", "--width", "120").stdout
    assert "São Tomé and Príncipe" in table and "\x1b" not in table
    coloured = run("--data", str(folder), "search", "tome", "--width", "120",
                   env={"NO_COLOR": None, "FORCE_COLOR": "1"}).stdout
    assert "\x1b[1;7mTomé\x1b[0m" in coloured


def test_search_with_no_hits_says_so(run, folder):
    result = run("--data", str(folder), "search", "submarine")
    assert result.exit_code == 0
    assert result.stdout == "Search: 'submarine', 0 hits\nNothing to show.\n"


def test_totals_add_only_same_units_that_are_exact_or_lower_bounds(run, folder, tmp_path):
    bundled = bundled_path() / "cote_divoire.yaml"
    (folder / "ci.yaml").write_text(bundled.read_text(encoding="utf-8"), encoding="utf-8")
    data = rows(run("--data", str(folder), "show", "results", "-f", "json"))
    assert data["totals"] == [
        {"unit": "community awareness meetings", "value": 112, "qualifier": "at_least", "results": 2,
         "countries": ["Côte d'Ivoire", "São Tomé and Príncipe"], "left_out": []},
        {"unit": "police officers", "value": 138, "qualifier": "exact", "results": 2,
         "countries": ["Côte d'Ivoire", "São Tomé and Príncipe"], "left_out": []},
        {"unit": "citizen associations", "value": 2, "qualifier": "exact", "results": 1,
         "countries": ["Côte d'Ivoire"], "left_out": []},
        {"unit": "trainers", "value": None, "qualifier": None, "results": 0,
         "countries": ["São Tomé and Príncipe"], "left_out": ["about 30 (São Tomé and Príncipe)"]},
    ]
    table = run("--data", str(folder), "show", "results", "--width", "120").stdout
    assert table.splitlines()[-1] == "Not added (neither exact nor a lower bound): about 30 trainers (São Tomé and Príncipe)."
    # The row itself says what was left out, not only the footnote (issue 13, point 4).
    assert ("│ trainers              │ none added   │ 0             │ São Tomé and Príncipe      │ "
            "about 30 (São Tomé and Príncipe) │") in table  # widths follow content: the value is whole
    assert run("--data", str(folder), "show", "results", "-f", "csv").stdout.count("\n") == 7


def test_a_total_that_left_values_out_is_marked_in_its_row(run, folder):
    (folder / "ghana.yaml").write_text(GHANA + """\
  - id: more
    title: More training
    date: "2016"
    summary: More.
    results:
      - {value: 5, unit: trainers}
      - {value: 3, unit: police officers, qualifier: at_most}
""", encoding="utf-8")
    data = rows(run("--data", str(folder), "show", "results", "-f", "json"))["totals"]
    assert [(t["unit"], t["value"], t["left_out"]) for t in data] == [
        ("trainers", 5, ["about 30 (São Tomé and Príncipe)"]),
        ("police officers", 40, ["at most 3 (Ghana)"]),
        ("community awareness meetings", 12, []),
    ]
    table = run("--data", str(folder), "show", "results", "--width", "80").stdout
    assert "│ trainers     │ 5             │ 1             │ Ghana         │ about 30 (São │" in table
    assert "│              │ (incomplete)  │               │               │ Tomé and      │" in table
    assert "│ officers     │ (incomplete)  │               │ Príncipe      │ (Ghana)       │" in table


def test_shell_completion_offers_sections_and_countries(folder):
    def complete(words: str) -> list[str]:
        env = {**os.environ, "_INL_COMPLETE": "bash_complete", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
        result = subprocess.run([sys.executable, "-m", "inl_cli"], env=env, capture_output=True, text=True)
        return [line.split(",", 1)[1] for line in result.stdout.splitlines()]

    assert complete("inl show acc") == ["accomplishments"]
    assert complete(f"inl --data {folder} --country s") == ["ST"]
    assert complete(f"inl --data {folder} --country ") == ["GH", "ST"]
    assert complete(f"inl --data {folder} --country gha") == ["Ghana"]
