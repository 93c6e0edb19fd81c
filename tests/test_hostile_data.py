"""Hostile data: odd values, deep nesting, anchors and huge cells end in problem lines or output, never a traceback."""
import json
import time

import pytest
import yaml

from inl_cli import load, yamlnodes
from inl_cli.load import bundled_path

BUNDLED = bundled_path() / "cote_divoire.yaml"
YEARS = "is outside the years a program may use (1000–2999)"


def problems(result) -> list[str]:
    """Problem lines without the folder of the file."""
    return [line.rsplit("/", 1)[-1] for line in result.stdout.splitlines()]


def test_crlf_line_endings_read_the_same(run, tmp_path):
    path = tmp_path / "crlf.yaml"
    path.write_bytes(BUNDLED.read_bytes().replace(b"\n", b"\r\n"))
    assert run("--data", str(path), "export", "-f", "json").stdout == run("export", "-f", "json").stdout


def test_a_byte_order_mark_is_accepted(run, tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BUNDLED.read_bytes())
    result = run("--data", str(path), "show", "overview", "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "Country,Côte d'Ivoire (CI)"


def test_very_long_strings_are_kept_whole(run, program):
    title = "x" * 200_000
    path = program(f"accomplishments:\n  - {{id: a, title: {title}, summary: s, date: \"2014\"}}\n")
    result = run("--data", str(path), "timeline", "-f", "csv")
    assert result.exit_code == 0
    assert title in result.stdout


# Years and numbers ------------------------------------------------------------------------------------------

def test_years_outside_1000_to_2999_are_problems(run, program):
    path = program("""\
        accomplishments:
          - {id: a, title: A, summary: S, date: "9999"}
          - {id: b, title: B, summary: S, date: "9999-12"}
          - {id: c, title: C, summary: S, date: "9999-12-31"}
          - {id: d, title: D, summary: S, date: {start: "2019", end: "9999"}}
          - {id: e, title: E, summary: S, date: 9999}
          - {id: f, title: F, summary: S, date: "0999"}
        """)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert problems(result) == [
        f"program.yaml:6:41: accomplishments[0].date: year 9999 {YEARS}",
        f"program.yaml:7:41: accomplishments[1].date: year 9999 {YEARS}",
        f"program.yaml:8:41: accomplishments[2].date: year 9999 {YEARS}",
        f"program.yaml:9:62: accomplishments[3].date.end: year 9999 {YEARS}",
        f"program.yaml:10:41: accomplishments[4].date: year 9999 {YEARS}",
        f"program.yaml:11:41: accomplishments[5].date: year 999 {YEARS}",
    ]
    for args in (["timeline", "--from", "2000"], ["timeline", "--chart"], ["export"]):
        shown = run("--data", str(path), *args)
        assert shown.exit_code == 1
        assert shown.stderr.splitlines()[-1] == "Error: 6 problems in 1 file"


def test_the_first_and_last_allowed_years_draw_in_every_format(run, program):
    path = program("""\
        accomplishments:
          - {id: a, title: A, summary: S, date: "1000"}
          - {id: d, title: D, summary: S, date: {start: "2019", end: "2999-12-31"}}
        """)
    for args in (["timeline", "--chart"], ["timeline", "--from", "2999"], ["export"],
                 ["export", "-f", "timelinejs"], ["show", "overview"]):
        result = run("--data", str(path), *args)
        assert result.exit_code == 0, (args, result.output)
    assert "2019–31 Dec 2999" in run("--data", str(path), "timeline").stdout


@pytest.mark.parametrize("bound", [["--to", "9999"], ["--from", "9999"], ["--to", "9999-12-31"],
                                   ["--from", "0001", "--to", "9999-12"]])
def test_bounds_may_reach_year_9999(run, bound):
    for chart in ([], ["--chart"]):
        result = run("timeline", *bound, *chart)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Timeline: INL in Côte d'Ivoire")


@pytest.mark.parametrize("value, shown", [("0x1", "'0x1'"), ("0b1", "'0b1'"), ("1:00", "'1:00'"),
                                          ("1.0", "'1.0'"), ('"1"', "'1'"), ("2", "'2'"),
                                          ("9" * 5000, "'" + "9" * 40 + "'… (5,000 characters)")])
def test_schema_version_is_a_plain_1(run, program, value, shown):
    path = program(base=f"schema_version: {value}\n" + "country: {name: X, code: \"XX\"}\n"
                   "bureau: {name: B, abbreviation: I, department: D}\nsource: {title: T, url: \"https://x.org\"}\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert problems(result) == [f"program.yaml:1:17: schema_version: this inl reads schema_version 1, got {shown}"]


def test_huge_and_sexagesimal_numbers_are_problems(run, program):
    path = program(f"""\
        accomplishments:
          - id: a
            title: T
            summary: S
            results:
              - {{value: {"9" * 400}, unit: u}}
              - {{value: {"9" * 5000}, unit: u}}
              - {{value: 1:00, unit: u}}
              - {{value: 1.0e+999, unit: u}}
        """)
    result = run("validate", str(path))
    assert result.exit_code == 1
    nines = "'" + "9" * 40 + "'"
    assert problems(result) == [
        f"program.yaml:10:17: accomplishments[0].results[0].value: expected a finite number, got {nines}… "
        "(400 characters)",
        f"program.yaml:11:17: accomplishments[0].results[1].value: expected a number in decimal, got {nines}… "
        "(5,000 characters)",
        "program.yaml:12:17: accomplishments[0].results[2].value: expected a number in decimal, got '1:00'",
        "program.yaml:13:17: accomplishments[0].results[3].value: expected a finite number, got '1.0e+999'",
    ]


@pytest.mark.parametrize("value, message", [
    ("0x1F", "expected a number in decimal, got '0x1F'"),
    ("0b11", "expected a number in decimal, got '0b11'"),
    ("017", "expected a number in decimal without a leading 0 (YAML 1.1 reads 017 as octal 15), got '017'"),
    ("1e300", "expected a number, got text (YAML 1.1 reads 1e300 as text; write 1.0e+300)"),
    ("-2E-3", "expected a number, got text (YAML 1.1 reads -2E-3 as text; write -2.0e-3)"),
    ("98 officers", "expected a number, got text"),
])
def test_a_result_value_is_a_number_written_in_decimal(run, program, value, message):
    path = program(f"accomplishments:\n  - {{id: a, title: T, summary: S, results: [{{value: {value}, unit: u}}]}}\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert problems(result) == [f"program.yaml:6:53: accomplishments[0].results[0].value: {message}"]


@pytest.mark.parametrize("value, number", [("0", 0), ("-5", -5), ("+7", 7), ("1_000", 1000), ("2.5", 2.5),
                                           ("1.0e+6", 1e6)])
def test_decimal_values_are_read_as_written(run, program, value, number):
    path = program(f"accomplishments:\n  - {{id: a, title: T, summary: S, results: [{{value: {value}, unit: u}}]}}\n")
    result = run("--data", str(path), "show", "results", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [row["value"] for row in json.loads(result.stdout)] == [number]


# Nesting, with the C and the pure-Python parser --------------------------------------------------------------

@pytest.fixture(params=["libyaml", "pure"])
def parser(request, monkeypatch):
    if request.param == "pure":
        monkeypatch.setattr(yamlnodes, "LOADER", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.fail("PyYAML was built without libyaml; CI must test both parsers")
    return request.param


@pytest.mark.parametrize("nesting, where", [
    ("goals: " + "[" * 65 + "]" * 65, "program.yaml:5:71"),
    ("goals: " + "[" * 5000 + "]" * 5000, "program.yaml:5:71"),
    ("goals: " + "{a: " * 3000 + "x" + "}" * 3000, "program.yaml:5:260"),
    ("goals:\n" + "- " * 500 + "x", "program.yaml:6:127"),
])
def test_deep_nesting_is_one_problem_with_either_parser(run, program, parser, nesting, where):
    path = program(nesting + "\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert problems(result) == [f"{where}: nested deeper than 64 levels of lists and mappings"]


def test_nesting_up_to_the_limit_is_checked_as_usual(run, program, parser):
    path = program("goals: " + "[" * 63 + "]" * 63 + "\n")  # the program's mapping is the first level
    result = run("validate", str(path))
    assert problems(result) == ["program.yaml:5:9: goals[0]: expected a mapping, got a list"]


def test_both_parsers_read_the_bundled_program_alike(monkeypatch):
    text = BUNDLED.read_text(encoding="utf-8")
    fast = load.parse(text, "p.yaml")
    monkeypatch.setattr(yamlnodes, "LOADER", yaml.SafeLoader)
    assert load.parse(text, "p.yaml") == fast


# Anchors, aliases, tags ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("shape, where", [
    (lambda n: "goals: [" + "1," * n + "1]", "program.yaml:5:1959:"),
    (lambda n: "goals:\n" + "- 1\n" * (n + 1), "program.yaml:981:3:"),
    (lambda n: "goals: {" + "".join(f"k{i}: 1, " for i in range(n // 2 + 1)) + "}", "program.yaml:5:"),
])
def test_more_nodes_than_a_program_could_have_is_one_problem(run, program, parser, shape, where, monkeypatch):
    monkeypatch.setattr(yamlnodes, "MAX_NODES", 1000)  # the real cap is tried below, with the C parser
    path = program(shape(1000) + "\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    [line] = problems(result)
    assert line.startswith(where)
    assert line.endswith(": more than 1,000 YAML values, lists and mappings; a program has a few thousand")


def test_a_flow_list_that_fills_the_size_cap_stays_in_little_memory(tmp_path):
    """10 million `1,` (20 MB, just under the size cap) once took 5.85 GB; 400 MB of address space is plenty."""
    import os
    import resource
    import subprocess
    import sys

    path = tmp_path / "flow.yaml"
    path.write_text("[" + "1," * 9_900_000 + "1]\n", encoding="utf-8")

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (400 * 2**20, 400 * 2**20))

    environment = {**os.environ, "NO_COLOR": "1"}
    environment.pop("INL_DATA", None)
    result = subprocess.run([sys.executable, "-m", "inl_cli", "--data", str(path), "validate"], capture_output=True,
                            text=True, env=environment, preexec_fn=limit, timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [f"{path}:1:200000: more than 100,000 YAML values, lists and mappings; "
                                          "a program has a few thousand"]


def test_alias_bombs_are_refused_quickly(run, program):
    levels = ['  - &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = program("goals:\n  - {id: g, title: T, text: T}\ncrimes:\n" + "\n".join(levels) + "\n"
                   "accomplishments:\n  - {id: a, title: T, summary: S, details: *a9}\n")
    started = time.perf_counter()
    result = run("--data", str(path), "show", "goals")
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1
    assert "crimes: unknown field" in result.stderr
    assert "accomplishments[0].details[0]: expected text, got a list" in result.stderr
    assert elapsed < 5, "a bomb of 9**10 strings must not be expanded"


def test_a_list_used_twice_by_alias_is_refused(run, program):
    path = program("goals:\n  - &g {id: g, title: T, text: T}\n  - *g\n")
    result = run("--data", str(path), "show", "goals")
    assert result.exit_code == 1
    assert [line.rsplit("/", 1)[-1] for line in result.stderr.splitlines()] == [
        "program.yaml:6:5: anchors (&name) are not supported; write the value out where it is used",
        "program.yaml:6:5: goals[1]: repeats the mapping anchored here through an alias (*name); "
        "aliases are not supported, write it out",
        "Error: 2 problems in 1 file"]


def test_a_scalar_alias_and_an_unused_anchor_are_refused(run, program):
    path = program("""\
        goals:
          - id: g
            title: &t Title
            text: *t
        partners:
          - &unused {id: p, name: P, role: R}
        """)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert problems(result) == [
        "program.yaml:7:12: anchors (&name) are not supported; write the value out where it is used",
        "program.yaml:8:11: repeats the value anchored on line 7 through an alias (*name); aliases are not "
        "supported, write it out",
        "program.yaml:10:5: anchors (&name) are not supported; write the value out where it is used",
    ]


@pytest.mark.parametrize("key, described", [("!!int id", "a number"), ("!!bool id", "a boolean"),
                                            ("!custom id", "!custom")])
def test_tagged_keys_are_refused(run, program, key, described):
    path = program(f"goals:\n  - {key}: g\n    title: T\n    text: T\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert problems(result)[0] == f"program.yaml:6:5: goals[0].id: a field name must be plain text, got {described}"


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system",
                                 "!!python/object/new:os.system"])
def test_python_tags_are_refused_without_running(run, program, tmp_path, tag):
    marker = tmp_path / "ran"
    path = program(f"goals:\n  - id: g\n    title: {tag} [\"touch {marker}\"]\n    text: t\n")
    result = run("--data", str(path), "validate")
    assert result.exit_code == 1
    assert not marker.exists()


# Size of the work -------------------------------------------------------------------------------------------

def test_a_cell_of_many_list_items_takes_linear_work(run, program, monkeypatch):
    """Rich cuts one many-line Text into lines with str.partition, copying the rest each time: quadratic.

    The copying is counted, not timed: each segment Rich splits costs its length times its lines.
    FORCE_COLOR keeps Rich drawing; unstyled output is drawn by render/plain.py, which splits with str.split.
    """
    from rich.segment import Segment

    split = Segment.split_and_crop_lines.__func__
    work = []

    def counting(cls, segments, *args, **kwargs):
        def watched():
            for segment in segments:
                work.append(len(segment.text) * (segment.text.count("\n") + 1))
                yield segment
        return split(cls, watched(), *args, **kwargs)

    monkeypatch.setattr(Segment, "split_and_crop_lines", classmethod(counting))
    totals = {}
    for items in (500, 2000):
        crimes = "".join(f"      - crime number {i}\n" for i in range(items))
        path = program(f"goals:\n  - id: g\n    title: T\n    text: T\n    crimes:\n{crimes}", name=f"{items}.yaml")
        work.clear()
        result = run("--data", str(path), "show", "goals", env={"FORCE_COLOR": "1"})
        assert result.exit_code == 0
        assert f"crime number {items - 1}" in result.stdout
        totals[items] = sum(work)
    assert totals[2000] < 6 * totals[500], totals  # linear: about 4 times; quadratic: about 16 times


@pytest.mark.parametrize("blank", ["", " ", "\t"])
def test_an_empty_partner_is_a_usage_error(run, blank):
    result = run("timeline", "--partner", "MSCP", "--partner", blank)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("Error: Invalid value for '--partner': give an id, an abbreviation or "
                                              "a name, not an empty one")


@pytest.mark.parametrize("text", ["２０１３", "2013-09 ", " 2013", "2013-0９", "١٢٣٤"])
def test_dates_take_ascii_digits_and_no_spaces_as_the_schema_does(run, program, text):
    import json
    from pathlib import Path

    import jsonschema

    schema = json.loads((Path(__file__).resolve().parent.parent / "schema" / "program.schema.json").read_text(
        encoding="utf-8"))
    path = program(f"""\
        accomplishments:
          - {{id: a, title: T, summary: S, date: {json.dumps(text)}}}
        """)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert problems(result) == [f"program.yaml:6:41: accomplishments[0].date: expected a date as YYYY, YYYY-MM or "
                                f"YYYY-MM-DD, got {text!r}"]
    assert not jsonschema.Draft202012Validator(schema).is_valid(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("option", ["--from", "--to"])
@pytest.mark.parametrize("text", ["２０１３", "2013 ", " 2013-09"])
def test_date_bounds_take_ascii_digits_and_no_spaces(run, option, text):
    result = run("timeline", option, text)
    assert result.exit_code == 2
    assert f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}" in result.stderr


@pytest.mark.parametrize("raw, code", [("\x00", "0000"), ("\x1b", "001b"), ("\ufffe", "fffe")])
def test_a_character_yaml_does_not_allow_is_told_where_it_is(run, program, parser, raw, code):
    """It was `program.yaml:1:1: … not allowed` then `in "<unicode string>", position 5703` on a second line."""
    path = program(f"""\
        goals:
          - {{id: gé, title: "Ré{raw}x", text: T}}
        """)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert problems(result) == [f"program.yaml:6:24: YAML syntax: character U+{code.upper()} is not allowed in "
                                f"YAML; in double quotes, write it as \\u{code}"]
