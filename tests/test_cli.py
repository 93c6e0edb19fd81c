"""What users see from `inl show` and `inl export --format json`, and how it exits."""
import json
import shlex

import pytest

from inl_cli import __version__
from inl_cli.load import bundled_path

ACCOMPLISHMENTS_80 = """\
Accomplishments: INL in Côte d'Ivoire
┏━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┓
┃ When      ┃ Accomplishment            ┃ Partners      ┃ Results              ┃
┡━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━┩
│ Sep 2013  │ Letter of Agreement with  │ Government of │                      │
│           │ the Ivorian government    │ Côte d'Ivoire │                      │
├───────────┼───────────────────────────┼───────────────┼──────────────────────┤
│ 2015–2018 │ West Côte d'Ivoire Model  │ Ivorian       │ more than 100        │
│           │ Police Prefecture pilot   │ National      │ community awareness  │
│           │                           │ Police        │ meetings             │
│           │                           │               │ 98 police officers   │
│           │                           │               │ 2 citizen            │
│           │                           │               │ associations         │
├───────────┼───────────────────────────┼───────────────┼──────────────────────┤
│ 2018–2020 │ Train-and-equip program   │ UNDP          │                      │
│           │ against sexual and        │               │                      │
│           │ gender-based violence     │               │                      │
├───────────┼───────────────────────────┼───────────────┼──────────────────────┤
│ 2019      │ Monthly exchanges with a  │ MSCP, Ivorian │                      │
│           │ civil society working     │ civil society │                      │
│           │ group                     │ working group │                      │
├───────────┼───────────────────────────┼───────────────┼──────────────────────┤
│ undated   │ Universal Treatment       │ Government of │                      │
│           │ Curriculum for drug       │ Côte d'Ivoire │                      │
│           │ treatment professionals   │               │                      │
└───────────┴───────────────────────────┴───────────────┴──────────────────────┘
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
When           2019
Accomplishment Monthly exchanges with a
               civil society working
               group
Partners       MSCP, Ivorian civil
               society working group
────────────────────────────────────────
When           undated
Accomplishment Universal Treatment
               Curriculum for drug
               treatment professionals
Partners       Government of Côte
               d'Ivoire
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
        "INL's work": "2013–2020",
        "Context": "2011",
        "Challenges": 3,
        "Goals": 4,
        "Partners": 5,
        "Accomplishments": 5,
        "Undated": 1,
        "Results": 3,
        "Source": "Côte d'Ivoire Summary",
        "Address": "https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-work-by-"
                   "country/cote-divoire-summary/",
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
    assert "[bold]Loud[/] \\x1b[31mred\\x1b[0m \\x1b]0;pwned\\x07 done" in result.stdout
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


@pytest.mark.parametrize("args", [["--version"], ["-V"], ["--data", "x.yaml", "-V", "show", "goals"]])
def test_version_prints_one_line(run, args):
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"inl, version {__version__}\n", "")


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["show", "-h"], ["timeline", "--from", "2013", "--help"],
                                  ["import", "-h"]])
def test_help_is_the_same_by_either_name_at_every_level(run, args):
    result = run(*args)
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == run(*[a if a != "-h" else "--help" for a in args]).stdout
    assert "  -h, --help" in result.stdout and "Show this message and exit." in result.stdout


def test_completion_after_help_or_version_still_completes():
    assert _complete("inl --help show acc") == ["plain,accomplishments"]
    assert _complete("inl -V --data da") == ["file,da"]


# Issue 13: reading comfort at any width, and helpful answers to mistakes.

ADDRESS = ("https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-work-by-country/"
           "cote-divoire-summary/")


def test_accomplishments_are_listed_by_date_with_undated_last_or_in_file_order(run):
    def whens(*args):
        return [row["when"] for row in json.loads(run("show", *args, "-f", "json").stdout)]

    dated = ["Sep 2013", "2015–2018", "2018–2020", "2019", "undated"]
    assert whens("accomplishments") == dated
    assert whens("details") == dated
    assert whens("accomplishments", "--sort", "file") == ["Sep 2013", "2015–2018", "2018–2020", "undated", "2019"]
    report = run("export", "--section", "accomplishments").stdout
    assert report.index("| 2019 |") < report.index("| undated |")
    in_file_order = run("export", "--section", "accomplishments", "--sort", "file").stdout
    assert in_file_order.index("| undated |") < in_file_order.index("| 2019 |")
    html = run("export", "--format", "html", "--sort", "file").stdout
    assert html.index("Universal Treatment Curriculum") < html.index("Monthly exchanges with a civil society")


def test_overview_shows_inl_s_years_and_the_context_apart(run):
    out = run("show", "overview", "--width", "80").stdout.splitlines()
    assert "│ INL's work      │ 2013–2020                                                  │" in out
    assert "│ Context         │ 2011                                                       │" in out


@pytest.mark.parametrize("width", [20, 40, 60, 80, 120])
@pytest.mark.parametrize("args", [["show", "overview"], ["countries"]])
def test_urls_are_printed_whole_on_a_line(run, args, width):
    out = run(*args, "--width", str(width)).stdout.splitlines()
    whole = [line for line in out if ADDRESS in line]
    assert len(whole) == 1
    assert whole[0] in (ADDRESS, f"[1] {ADDRESS}") or (width >= 120 and whole[0].startswith("│"))
    assert not any("https://" in line and ADDRESS not in line for line in out)


def test_countries_shows_the_file_and_a_record_at_80_columns(run, tmp_path):
    """The path is longer than the value column beside the labels, so it takes a line of its own."""
    import shutil

    from inl_cli.load import bundled_path

    folder = tmp_path / "a-folder-with-a-long-name-for-the-programs"
    folder.mkdir()
    shutil.copy(bundled_path() / "cote_divoire.yaml", folder / "ci.yaml")
    out = run("--data", str(folder), "countries", "--width", "80").stdout
    assert out == f"""\
Programs: 1 loaded
{"─" * 80}
Country         Côte d'Ivoire
Code            CI
Accomplishments 5
Years           2013–2020
Source
{ADDRESS}
File
{folder / "ci.yaml"}
"""


def test_urls_are_terminal_hyperlinks_where_the_terminal_has_them(run):
    out = run("show", "overview", "--width", "80", env={"NO_COLOR": None, "FORCE_COLOR": "1"}).stdout
    assert f";{ADDRESS}\x1b\\" in out  # OSC 8: ESC ] 8 ; params ; URL ST
    assert "\x1b]8;" not in run("show", "overview", "--width", "80").stdout


def test_global_options_are_accepted_after_the_command(run, program):
    path = program("""\
        accomplishments:
          - {id: a, title: Court reform, date: "2014", summary: s}
        """)
    after = run("timeline", "--data", str(path), "--country", "TL", "-f", "json")
    assert after.exit_code == 0, after.output
    assert [r["title"] for r in json.loads(after.stdout)] == ["Court reform"]
    assert run("timeline", "--country", "CI", "-f", "json").exit_code == 0
    for args in (["show", "goals"], ["search", "x"], ["countries"], ["export"], ["validate"]):
        result = run(*args, "--data", str(path), "--recursive", "--country", "Testland")
        assert result.exit_code == 0, (args, result.output)
    wrong = run("timeline", "--country", "atlantis")
    assert wrong.exit_code == 2 and "no program for 'atlantis'" in wrong.stderr
    assert "--data PATH" in run("timeline", "--help").stdout


def test_ctrl_c_exits_130_with_only_a_newline(run, monkeypatch):
    from inl_cli import views

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(views, "timeline", interrupted)
    result = run("timeline")
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr == "\n"


def test_show_without_a_section_lists_the_choices_on_one_line(run):
    result = run("show")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Missing argument 'SECTION'. Choose from: overview, challenges, goals, partners, accomplishments, "
        "results, details.")
    assert "\t" not in result.stderr


def test_a_mistyped_command_is_a_usage_error_with_a_did_you_mean(run):
    """Commands load when run; a name that is none of them still gets Click's suggestion (Click 8.4 on)."""
    import click

    result = run("shwo")
    assert result.exit_code == 2
    last = result.stderr.splitlines()[-1]
    assert last.startswith("Error: No such command 'shwo'.")
    if hasattr(click, "NoSuchCommand"):
        assert last == "Error: No such command 'shwo'. Did you mean 'show'?"


def test_every_command_is_listed_and_runs_its_help(run):
    from inl_cli.commands.main import COMMANDS

    listed = run("--help").stdout.split("Commands:")[1].split("Examples:")[0]
    assert [line.split()[0] for line in listed.strip().splitlines()] == sorted(COMMANDS)
    for name in COMMANDS:
        result = run(name, "--help")
        assert result.exit_code == 0
        assert result.stdout.startswith(f"Usage: main {name} ")  # CliRunner names the group by its function


def test_a_mistyped_section_gets_a_did_you_mean(run):
    result = run("show", "accomplishment")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].endswith("Did you mean 'accomplishments'?")
    assert "Did you mean 'milestone'?" in run("timeline", "--kind", "milestones").stderr


@pytest.mark.parametrize("value, message", [
    ("abc", "expected a number of columns from 20 to 1000, got 'abc'"),
    ("5", "expected a number of columns from 20 to 1000, got 5"),
])
def test_a_bad_width_says_what_is_expected(run, value, message):
    result = run("show", "goals", "--width", value)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: Invalid value for '--width': {message}"


@pytest.mark.parametrize("args, code", [(["export"], 0), (["export", "--format", "json"], 0),
                                        (["show", "details"], 0), (["--data", "nowhere.yaml", "show", "goals"], 2)])
def test_the_inl_process_leaves_all_its_output_and_its_exit_code(run, args, code, tmp_path):
    """`inl` ends without tearing Python down (cli.run); everything it wrote arrives first."""
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "inl_cli", *args], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "INL_DATA": ""})
    expected = run(*args)
    assert (result.returncode, result.stdout, result.stderr) == (code, expected.stdout, expected.stderr)


def test_inl_alone_prints_the_help_to_stdout_and_succeeds(run):
    result = run()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")  # "[COMMAND]" from Click 8.5, "COMMAND" before
    assert result.stdout == run("--help").stdout
    assert result.stderr == ""


def test_a_missing_import_input_is_bad_usage(run, tmp_path):
    result = run("import", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: no such file or folder: {tmp_path / 'nowhere.txt'}\n"
    assert run("import", str(tmp_path)).exit_code == 2


@pytest.mark.parametrize("partner, message", [
    ("nobody", "no partner 'nobody'; known: Government of Côte d'Ivoire, Ivorian civil society working group, "
               "Ivorian National Police, MSCP, UNDP"),
    ("UNPD", "no partner 'UNPD'; did you mean UNDP?"),
    ("united states", "no partner 'united states'; did you mean UNDP?"),
])
def test_an_unknown_partner_is_bad_usage_with_the_closest_names(run, partner, message):
    result = run("timeline", "--partner", partner)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: Invalid value for '--partner': {message}"


def test_an_unknown_partner_among_many_points_to_the_list_instead_of_printing_it(run, program):
    partners = "".join(f"  - {{id: p{n}, name: Partner {n}, role: counterpart}}\n" for n in range(9))
    path = program("partners:\n" + partners, name="many partners.yaml")
    result = run("timeline", "--partner", "qqqq", "--data", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("Error: Invalid value for '--partner': no partner 'qqqq'; known: "
                                              f"9 partners (`inl --data '{path}' show partners` lists them)")


def test_partner_matches_words_of_a_name_and_repeats(run):
    def titles(*args):
        return [r["title"] for r in json.loads(run("timeline", *args, "-f", "json").stdout)]

    undp = ["Train-and-equip program against sexual and gender-based violence"]
    assert titles("--partner", "united nations") == undp
    assert titles("--partner", "United Nations Development Programme") == undp
    both = titles("--partner", "undp", "--partner", "mscp")
    assert both == undp + ["Monthly exchanges with a civil society working group",
                           "The MSCP formalized the civil society working group by government ordinance"]


def test_search_finds_dates_joins_words_and_drops_repeated_columns(run):
    hits = json.loads(run("search", "2013", "-f", "json").stdout)
    assert hits == [{"section": "accomplishment", "item": "Letter of Agreement with the Ivorian government",
                     "field": "date", "text": "Sep 2013"}]
    within = json.loads(run("search", "2016", "-f", "json").stdout)
    assert [(h["field"], h["text"]) for h in within] == [("date", "2015–2018")]
    assert run("search", "civil", "society").stdout == run("search", "civil society").stdout
    table = run("search", "civil", "society", "--width", "120").stdout.splitlines()
    assert table[2].split() == ["┃", "Section", "┃", "Item", "┃", "Field", "┃", "Text", "┃"]
    assert table[4] == ("│ partner        │                                       │ name      │ "
                        "Ivorian civil society working group             │")


def test_completion_prints_the_script_for_each_shell(run):
    assert "complete -o nosort -F _inl_completion inl" in run("completion", "bash").stdout
    assert "compdef _inl_completion inl" in run("completion", "zsh").stdout
    assert "complete --no-files --command inl" in run("completion", "fish").stdout
    assert run("completion", "tcsh").exit_code == 2


def _complete(words: str, shell: str = "bash") -> list[str]:
    import os
    import subprocess
    import sys

    env = {**os.environ, "_INL_COMPLETE": f"{shell}_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    result = subprocess.run([sys.executable, "-m", "inl_cli"], env=env, capture_output=True, text=True)
    return result.stdout.splitlines()


def test_completion_of_data_paths_partners_and_quoted_names():
    assert _complete("inl --data da") == ["file,da"]
    assert _complete("inl timeline --data da") == ["file,da"]
    assert _complete("inl timeline --partner u") == ["plain,UNDP"]
    # Escaped for bash, whose completion script reads each line with `read`, which takes one level of
    # backslashes off: bash then inserts Côte\ d\'Ivoire, one word.
    assert _complete("inl timeline --partner ivorian") == [r"plain,Ivorian\\ National\\ Police",
                                                          r"plain,Ivorian\\ civil\\ society\\ working\\ group"]
    assert _complete("inl timeline --country Cô") == [r"plain,Côte\\ d\\'Ivoire"]
    assert _complete("inl --country Cô", "zsh") == ["plain", "Côte d'Ivoire", "CI"]


def test_bash_completion_inserts_a_name_the_shell_reads_back_whole(tmp_path):
    """Source the printed script in bash, complete `--country Cô`, and read the completed line back."""
    import os
    import subprocess
    import sys

    (tmp_path / "inl").write_text(f"#!/bin/sh\nexec {sys.executable} -m inl_cli \"$@\"\n", encoding="utf-8")
    (tmp_path / "inl").chmod(0o755)
    script = """
        eval "$(inl completion bash)"
        COMP_WORDS=(inl timeline --country Cô); COMP_CWORD=3
        _inl_completion inl
        eval "set -- inl timeline --country ${COMPREPLY[0]}"
        printf '%s|' "$@"
    """
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env)
    assert result.stdout == "inl|timeline|--country|Côte d'Ivoire|", result.stderr


@pytest.mark.parametrize("typed", ['"Cô', "'Cô"])
def test_bash_completion_inside_quotes_adds_no_backslashes(tmp_path, typed):
    """`--country "Cô<TAB>` completes to "Côte d'Ivoire" in the user's own quotes, read back whole."""
    import os
    import subprocess
    import sys

    (tmp_path / "inl").write_text(f"#!/bin/sh\nexec {sys.executable} -m inl_cli \"$@\"\n", encoding="utf-8")
    (tmp_path / "inl").chmod(0o755)
    script = f"""
        eval "$(inl completion bash)"
        COMP_WORDS=(inl timeline --country {shlex.quote(typed)}); COMP_CWORD=3
        _inl_completion inl
        printf '%s\\n' "${{COMPREPLY[0]}}"
        eval "set -- inl timeline --country ${{COMPREPLY[0]}}"
        printf '%s|' "$@"
    """
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env)
    reply, words = result.stdout.splitlines()
    assert "\\" not in reply and reply[0] == typed[0], result.stderr
    assert words == "inl|timeline|--country|Côte d'Ivoire|"


def test_machine_output_of_import_on_an_ascii_stdout_keeps_accents(tmp_path):
    import os
    import subprocess
    import sys

    page = tmp_path / "page.txt"
    page.write_text("Côte d'Ivoire Summary\nAccomplishments\n• In 2014 INL trained 40 police officers.\n",
                    encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    result = subprocess.run([sys.executable, "-m", "inl_cli", "import", str(page), "--code", "CI",
                             "--country", "Côte d'Ivoire"],
                            capture_output=True, env=env)
    assert 'name: "Côte d\'Ivoire"' in result.stdout.decode("utf-8"), result.stderr


LONG_URL = ("https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-work-by-country/"
            "cote-divoire-summary-of-programs/")


@pytest.mark.parametrize("width", [80, 120])
def test_countries_with_one_program_prints_its_address_whole(run, tmp_path, width):
    text = (bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8")
    (tmp_path / "ci.yaml").write_text(text.replace(
        "https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-work-by-country/"
        "cote-divoire-summary/", LONG_URL), encoding="utf-8")
    out = run("--data", str(tmp_path / "ci.yaml"), "countries", "--width", str(width)).stdout.splitlines()
    # The path is too long for a grid here, so the program is a record; its address is never cut: whole
    # on a line of its own (a terminal narrower than it folds that one line, so it still copies whole).
    assert LONG_URL in out
    assert not any(line.strip() == "/" for line in out)
    out = run("countries", "--width", str(width)).stdout.splitlines()
    if width == 120:  # with a short path, a grid with the address under it as a footnote
        assert out[-1].startswith("[1] https://www.state.gov/") and "│ [1]    │" in "\n".join(out)


@pytest.mark.parametrize("columns", ["80", "40"])
def test_schema_help_keeps_the_language_server_line_whole(run, columns):
    result = run("schema", "--help", env={"COLUMNS": columns})
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "# yaml-language-server: $schema=PATH/program.schema.json" in lines


def test_country_before_import_names_the_page_country_as_after_it(run, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Challenges: crime rises.\n\nGoals: INL helps the courts.\n", encoding="utf-8")
    before = run("--country", "Ghana", "import", str(page))
    after = run("import", str(page), "--country", "Ghana")
    assert before.exit_code == after.exit_code == 0, before.output + after.output
    assert before.stdout == after.stdout
    assert 'name: "Ghana"' in before.stdout
