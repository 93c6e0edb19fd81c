"""Bad data: every problem at once, as file:line:col: field.path: message, exit 1."""
import os

import pytest

ACCOMPLISHMENT = """\
partners:
  - {id: police, name: National Police, role: counterpart}
accomplishments:
  - id: one
    title: One
    summary: Something was done.
"""


def problems(result) -> list[str]:
    """The problem lines of stderr, with the file's folder left out."""
    lines = result.stderr.splitlines()
    return [line.split("/")[-1] for line in lines[:-1]]


@pytest.mark.parametrize("extra, expected", [
    ("colour: blue\n", "program.yaml:5:1: colour: unknown field (did you mean 'country'? expected one of: schema_version, country, "
     "bureau, source, challenges, goals, partners, accomplishments, funding_notes)"),
    (ACCOMPLISHMENT + "    titel: x\n", "program.yaml:11:5: accomplishments[0].titel: unknown field "
     "(did you mean 'title'? expected one of: id, title, date, partners, location, summary, details, results, "
     "milestones)"),
    ("accomplishments:\n  - id: one\n    title: One\n", "program.yaml:6:5: accomplishments[0].summary: "
     "required field is missing"),
    ("goals:\n  - id: g\n    title: [a, b]\n    text: t\n", "program.yaml:7:12: goals[0].title: "
     "expected text, got a list"),
    (ACCOMPLISHMENT + "    date: \"2013-13\"\n", "program.yaml:11:11: accomplishments[0].date: "
     "month 13 does not exist in '2013-13'"),
    (ACCOMPLISHMENT + "    date: {start: \"2018\", end: \"2015\"}\n", "program.yaml:11:11: "
     "accomplishments[0].date: span ends (2015) before it starts (2018)"),
    (ACCOMPLISHMENT + "    partners: [police, undp]\n", "program.yaml:11:24: accomplishments[0].partners[1]: "
     "unknown partner 'undp' (known: police)"),
    (ACCOMPLISHMENT + "  - {id: one, title: Two, summary: S}\n", "program.yaml:11:10: accomplishments[1].id: "
     "duplicate id 'one' (first used on line 8)"),
    (ACCOMPLISHMENT + "    title: Again\n", "program.yaml:11:5: accomplishments[0].title: "
     "duplicate key (first on line 9)"),
    (ACCOMPLISHMENT + "    results:\n      - {value: many, unit: meetings}\n", "program.yaml:12:17: "
     "accomplishments[0].results[0].value: expected a number, got text"),
    (ACCOMPLISHMENT + "    results:\n      - {value: 3, unit: meetings, qualifier: lots}\n",
     "program.yaml:12:47: accomplishments[0].results[0].qualifier: expected one of exact, about, at_least, "
     "more_than, at_most, fewer_than, got 'lots'"),
    (ACCOMPLISHMENT + "    date: 2013-09-04\n", "program.yaml:11:11: accomplishments[0].date: "
     "expected a date, got a timestamp (put it in quotes)"),
])
def test_each_kind_of_bad_data_names_its_line(run, program, extra, expected):
    result = run("--data", str(program(extra)), "show", "overview")
    assert result.exit_code == 1
    assert problems(result) == [expected]
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "Error: 1 problem in 1 file"


def test_every_problem_is_reported_in_one_run(run, program):
    path = program(base="schema_version: 2\ncountry: {name: X, code: NO}\n")
    result = run("--data", str(path), "show", "overview")
    assert result.exit_code == 1
    assert problems(result) == [
        "program.yaml:1:1: bureau: required field is missing",
        "program.yaml:1:1: source: required field is missing",
        "program.yaml:1:17: schema_version: this inl reads schema_version 1, got '2'",
        "program.yaml:2:26: country.code: expected text, got a boolean (put it in quotes)",
    ]
    assert result.stderr.splitlines()[-1] == "Error: 4 problems in 1 file"


@pytest.mark.parametrize("content, expected", [
    (b"", "program.yaml:1:1: the file is empty; expected a program mapping"),
    (b"- a\n- b\n", "program.yaml:1:1: expected a mapping, got a list"),
    (b"just text\n", "program.yaml:1:1: expected a mapping, got text"),
    (b"a: [1\n", "program.yaml:2:1: YAML syntax: did not find expected ',' or ']' "
     "(while parsing a flow sequence started on line 1)"),
    (b"a:\n\tb: 1\n", "program.yaml:2:1: a tab cannot indent YAML; use spaces"),
    (b"title: \"caf\xe9\"\n", "program.yaml:1:12: not UTF-8 text (byte 0xe9)"),
])
def test_unreadable_files_give_one_clear_line(run, tmp_path, content, expected):
    path = tmp_path / "program.yaml"
    path.write_bytes(content)
    result = run("--data", str(path), "show", "overview")
    assert result.exit_code == 1
    assert problems(result) == [expected]


def test_a_missing_path_is_bad_usage_without_a_made_up_line(run, tmp_path):
    missing = tmp_path / "nowhere.yaml"
    for args in (["--data", str(missing), "show", "goals"], ["show", "goals", "--data", str(missing)],
                 ["validate", str(missing)]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr == f"Error: no such file or folder: {missing}\n"


def test_python_tags_are_never_executed(run, program, tmp_path):
    marker = tmp_path / "ran"
    path = program(f"goals:\n  - id: g\n    title: !!python/object/apply:os.system [\"touch {marker}\"]\n"
                   "    text: t\n")
    result = run("--data", str(path), "show", "goals")
    assert result.exit_code == 1
    assert not marker.exists()
    assert "goals[0].title: expected text, got a list" in result.stderr


def test_aliases_cannot_multiply_the_data(run, program):
    path = program("partners: &p\n  - {id: a, name: A, role: r}\ngoals: *p\n")
    result = run("--data", str(path), "show", "goals")
    assert result.exit_code == 1
    assert "goals: repeats the list anchored here through an alias (*name); aliases are not supported, " \
        "write it out" in result.stderr


def test_inl_data_environment_variable_points_at_the_data(run, program):
    result = run("show", "overview", "--format", "csv", env={"INL_DATA": str(program())})
    assert result.exit_code == 0
    assert "Testland (TL)" in result.stdout


@pytest.mark.parametrize("title, got", [
    ("yes", "a boolean"), ("No", "a boolean"), ("ON", "a boolean"), ("off", "a boolean"),
    ("~", "nothing (null)"), ("null", "nothing (null)"), ("12", "a number"), ("-1.5e+3", "a number"),
    (".inf", "a number"), ("0x1F", "a number"), ("1_000", "a number"), ("2013-09-04", "a timestamp"),
    ("<<", "YAML's merge key << (put it in quotes)"), ("=", "YAML's value key = (put it in quotes)"),
])
def test_plain_values_yaml_reads_as_other_than_text_are_refused(run, program, title, got):
    """YAML 1.1's implicit types, as the safe loader resolves them, even on the fast path for valid files."""
    result = run("--data", str(program(f"goals:\n  - id: g\n    title: {title}\n    text: t\n")), "show", "goals")
    assert result.exit_code == 1
    assert f"goals[0].title: expected text, got {got}" in result.stderr


@pytest.mark.parametrize("title", ["yes please", "No.", "12 judges", "1.5e3", "nothing", "2013-09-04 onwards", "Oslo",
                                   '"yes"', "'12'", "tilde ~", "1st"])
def test_plain_text_that_only_looks_typed_is_text(run, program, title):
    result = run("--data", str(program(f"goals:\n  - id: g\n    title: {title}\n    text: t\n")),
                 "show", "goals", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("g," + title.strip("'\"") + ",")


def test_check_reads_each_file_once_and_tells_what_validate_tells(program, tmp_path):
    """The one entry of `inl validate`: the files read, the valid programs, every problem (the ISO 3166
    code and one file per country among them)."""
    from conftest import MINIMAL

    from inl_cli.load import check

    first = program()
    program(base=MINIMAL.replace('code: "TL"', 'code: "XX"'), name="unassigned.yaml")
    program(name="again.yaml")
    checked = check([tmp_path, first], recursive=False)
    assert [path.rsplit("/", 1)[-1] for path in checked.files] == ["again.yaml", "program.yaml", "unassigned.yaml"]
    assert [p.origin.rsplit("/", 1)[-1] for p in checked.programs] == ["again.yaml", "program.yaml", "unassigned.yaml"]
    assert [(p.file.rsplit("/", 1)[-1], p.line, p.column, p.path, p.message) for p in checked.problems] == [
        ("program.yaml", 2, 33, "country.code", f"TL is also the country of {tmp_path}/again.yaml; one file per country"),
        ("unassigned.yaml", 2, 33, "country.code",
         "XX is not an ISO 3166-1 alpha-2 country code (Côte d'Ivoire is CI, The Gambia GM)"),
    ]


def test_check_with_no_location_reads_the_selected_data(monkeypatch, program):
    from inl_cli.load import check

    monkeypatch.setenv("INL_DATA", str(program()))
    checked = check([])
    assert (len(checked.files), [p.country.code for p in checked.programs], checked.problems) == (1, ["TL"], [])
    monkeypatch.delenv("INL_DATA")
    assert [p.country.code for p in check([None]).programs] == ["CI"]


def test_other_commands_read_any_two_capital_letters(run, program):
    from conftest import MINIMAL

    path = program(base=MINIMAL.replace('code: "TL"', 'code: "XX"'))
    assert run("--data", str(path), "show", "overview").exit_code == 0
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert problems(result) == []  # the problem is on stdout, the count on stderr
    assert result.stdout.rsplit("/", 1)[-1] == ("program.yaml:2:33: country.code: XX is not an ISO 3166-1 alpha-2 "
                                                "country code (Côte d'Ivoire is CI, The Gambia GM)\n")


# A JSON export is a program ----------------------------------------------------------------------------------

def test_a_json_export_validates_and_loads_as_the_yaml_it_came_from(run, tmp_path):
    """The export writes every optional field, null where the YAML left it out (an abbreviation, a location,
    the date of an undated accomplishment)."""
    exported = tmp_path / "p.json"
    assert run("export", "-f", "json", "-o", str(exported)).exit_code == 0
    assert "null" in exported.read_text(encoding="utf-8")
    result = run("validate", str(exported))
    assert (result.exit_code, result.stdout) == (0, "No problems in 1 file\n")
    assert run("--data", str(exported), "export", "-f", "json").stdout == run("export", "-f", "json").stdout


@pytest.mark.parametrize("extra", [
    "partners:\n  - {id: p, name: P, role: r, abbreviation: null}\n",
    "partners:\n  - {id: p, name: P, role: r, abbreviation: ~}\n",
    "partners:\n  - id: p\n    name: P\n    abbreviation:\n    role: r\n",
    "accomplishments:\n  - {id: a, title: T, summary: S, date: null, location: null, details: null}\n",
    "accomplishments:\n  - {id: a, title: T, summary: S, date: {start: \"2012\", end: null}}\n",
    "accomplishments:\n  - {id: a, title: T, summary: S, results: [{value: 1, unit: u, qualifier: null}]}\n",
    "goals: null\naccomplishments: ~\n",
])
def test_an_optional_field_given_null_is_left_out(run, program, extra):
    result = run("validate", str(program(extra)))
    assert (result.exit_code, result.stdout) == (0, "No problems in 1 file\n")


def test_a_required_field_given_null_says_to_give_a_value(run, program):
    path = program("accomplishments:\n  - {id: a, title: null, summary: S, date: {start: ~}, details: [x, null]}\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert [line.rsplit("/", 1)[-1] for line in result.stdout.splitlines()] == [
        "program.yaml:6:20: accomplishments[0].title: expected text, got nothing (null); the field is required, "
        "give a value",
        "program.yaml:6:52: accomplishments[0].date.start: expected a date, got nothing (null); the field is "
        "required, give a value",
        "program.yaml:6:69: accomplishments[0].details[1]: expected text, got nothing (null); give a value or "
        "leave the item out",
    ]
    assert "quotes" not in result.stdout


# A summary page given as data ----------------------------------------------------------------------------------

def page_hint(path) -> str:
    import shlex

    return (f"{path}:1:1: looks like an INL summary page, not a program file; turn it into one with: "
            f"inl import {shlex.quote(str(path))} -o program.yaml")


@pytest.mark.parametrize("cut", [None, 2000, 1200])
def test_a_summary_page_given_as_data_says_how_to_import_it(run, tmp_path, source_page, cut):
    """The whole page is a YAML syntax error; cut short, it can read as one plain text."""
    page = tmp_path / "page.txt"
    text = source_page.read_text(encoding="utf-8")
    page.write_text(text[:cut], encoding="utf-8")
    result = run("--data", str(page), "show", "overview")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == page_hint(page)
    assert lines[-1] == "Error: 2 problems in 1 file"


def test_a_short_page_that_reads_as_a_mapping_says_so_too(run, tmp_path):
    from conftest import SMALL_PAGE

    page = tmp_path / "small page.txt"
    page.write_text(SMALL_PAGE, encoding="utf-8")
    result = run("validate", str(page))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == page_hint(page)
    assert "Challenges: unknown field" in result.stdout


@pytest.mark.parametrize("text", [
    "schema_version: 1\ncountry: {name: Testland, code: TL\n",
    "INL trained judges in 2015 and police in 2016.\n",
    "{\"schema_version\": 1, \"country\": {\"name\": \"INL has worked in Testland for many years.\"}}\n",
    "a: [1\n",
])
def test_a_broken_program_or_a_line_of_text_gets_no_page_hint(run, tmp_path, text):
    path = tmp_path / "program.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "summary page" not in result.stdout


def test_every_stored_page_layout_gets_the_page_hint(run, source_page):
    pages = sorted((source_page.parent / "pages").glob("*.txt"))
    assert len(pages) >= 12
    for page in pages:
        result = run("validate", str(page))
        assert result.exit_code == 1
        assert result.stdout.splitlines()[0] == page_hint(page), page.name


# File names that are not UTF-8 ---------------------------------------------------------------------------------

@pytest.fixture
def bad_names(tmp_path):
    """A folder holding a program and a broken file whose names are not UTF-8, as a Linux file system allows."""
    import os

    from conftest import MINIMAL

    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"bad\xff.yaml"), "w", encoding="utf-8") as file:
        file.write(MINIMAL)
    with open(os.path.join(folder, b"broken\xfe.yaml"), "w", encoding="utf-8") as file:
        file.write("a: [1\n")
    return tmp_path


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table"])
def test_a_file_name_that_is_not_utf8_is_shown_with_its_bytes_escaped(run, bad_names, fmt):
    (bad_names / os.fsdecode(b"broken\xfe.yaml")).unlink()
    result = run("--data", str(bad_names), "countries", "-f", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        import json

        [row] = json.loads(result.stdout)
        assert row["file"].endswith("/bad\\xff.yaml")
    else:
        assert ("bad\\\\xff.yaml" if fmt == "markdown" else "bad\\xff.yaml") in result.stdout  # Markdown escapes \\


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_validate_names_such_files_with_their_bytes_escaped(run, bad_names, fmt):
    result = run("validate", str(bad_names), "-f", fmt)
    assert result.exit_code == 1
    if fmt == "json":
        import json

        [problem] = json.loads(result.stdout)
        assert problem["file"] == f"{bad_names}/broken\\xfe.yaml"
    else:
        assert result.stdout.startswith(f"{bad_names}/broken\\xfe.yaml:2:1: YAML syntax: ")


def test_a_folder_name_that_is_not_utf8_is_escaped_too(run, tmp_path):
    folder = tmp_path / os.fsdecode(b"empty\xfd")
    folder.mkdir()
    result = run("validate", str(folder), "-f", "json")
    assert result.exit_code == 1
    assert '"file": "' + f"{tmp_path}/empty\\\\xfd" + '"' in result.stdout


def test_two_files_for_one_country_name_each_other_escaped(run, bad_names):
    import shutil

    (bad_names / os.fsdecode(b"broken\xfe.yaml")).unlink()
    shutil.copy(bad_names / os.fsdecode(b"bad\xff.yaml"), bad_names / os.fsdecode(b"copy\xfc.yaml"))
    result = run("validate", str(bad_names), "-f", "json")
    assert result.exit_code == 1
    assert f"TL is also the country of {bad_names}/bad\\\\xff.yaml; one file per country" in result.stdout
