"""`inl funding import` and `inl funding` on generated files of ForeignAssistance.gov's shape: every sum is
checked against the file's own, read back independently with the csv module."""
import csv
import io
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

import pycountry
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
import funding_data  # noqa: E402
from funding_data import COMPLETE, INCLE, PER_COUNTRY  # noqa: E402

from inl_cli.commands.funding import funding  # noqa: E402
from inl_cli.funding.extract import read as read_extract  # noqa: E402

ROWS = 4000


def run(*args, env=None, obj=None, input=None):
    """`inl funding ARGS` at 80 columns without colour, through `inl`; the command alone when given its session
    (`obj`)."""
    from inl_cli.commands import main

    environment = {"COLUMNS": "80", "NO_COLOR": "1", "INL_FUNDING": None, "INL_DATA": None, **(env or {})}
    if obj is None:
        return CliRunner().invoke(main, ["funding", *args], env=environment, input=input, catch_exceptions=False)
    return CliRunner().invoke(funding, list(args), env=environment, obj=obj, input=input, catch_exceptions=False)


def alpha2(code3: str) -> str:
    return pycountry.countries.get(alpha_3=code3).alpha_2 if code3 else ""


def file_sums(path, amount="Current Dollar Amount", bureau=None) -> dict:
    """(country, code, fiscal year) -> [obligations, disbursements] of INCLE's rows, read with the csv module."""
    sums = defaultdict(lambda: [0, 0])
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Funding Account Name"] != INCLE or row["Transaction Type ID"] not in ("2", "3"):
                continue
            if bureau and bureau not in (row["Managing Sub-agency or Bureau Name"],
                                         row["Managing Sub-agency or Bureau Acronym"]):
                continue
            key = (row["Country Name"], alpha2(row["Country Code"]), row["Fiscal Year"])
            sums[key][row["Transaction Type ID"] == "3"] += int(row[amount] or 0)
    return dict(sums)


def output_sums(text: str) -> dict:
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["country", "code", "fiscal_year", "obligations", "disbursements"]
    return {(c, code, fy): [int(o), int(d)] for c, code, fy, o, d in rows[1:]}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """The complete dataset, the same rows under the per-country header, and one per-country file a country."""
    folder = tmp_path_factory.mktemp("funding")
    complete = funding_data.write(folder / "us_foreign_aid_complete.csv", ROWS, seed=3)
    country = funding_data.write(folder / "same-rows-country-header.csv", ROWS, seed=3, variant="country",
                                 bom=False)
    split = defaultdict(list)
    code_at = PER_COUNTRY.index("Country Code")
    for row in funding_data.rows(ROWS, seed=3, variant="country"):
        split[row[code_at] or "region"].append(row)
    singles = []
    for code, rows in split.items():
        path = folder / f"{code}.csv"
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            csv.writer(out).writerows([PER_COUNTRY, *rows])
        singles.append(str(path))
    extract = folder / "extract.csv"
    result = run("import", complete, "-o", str(extract))
    assert result.exit_code == 0, result.output
    return SimpleNamespace(folder=folder, complete=complete, country=country, singles=singles,
                           extract=str(extract))


def test_the_sums_by_country_and_year_are_the_files_own(files):
    result = run("--funding", files.extract, "--by", "year", "-f", "csv")
    assert result.exit_code == 0, result.output
    expected = file_sums(files.complete)
    assert output_sums(result.stdout) == expected
    assert len(expected) > 100 and any(k[2] == "1976TQ" for k in expected) and any(k[1] == "" for k in expected)
    assert any(o < 0 or d < 0 for o, d in expected.values())  # de-obligations count


def test_the_per_country_header_gives_the_same_sums(files, tmp_path):
    for sources in ([files.country], files.singles):
        extract = tmp_path / f"{len(sources)}.csv"
        assert run("import", *sources, "-o", str(extract)).exit_code == 0
        result = run("--funding", str(extract), "-f", "csv")
        assert output_sums(result.stdout) == file_sums(files.complete)


def test_constant_dollars_sum_the_constant_column(files):
    result = run("--funding", files.extract, "--constant", "-f", "csv")
    assert output_sums(result.stdout) == file_sums(files.complete, "Constant Dollar Amount")
    assert "constant dollars" in result.stderr


def test_every_grouping_sums_to_the_files_own(files):
    keys = {"sector": "US Sector Name", "partner": "Implementing Partner Name", "activity": "Activity ID",
            "account": "Managing Sub-agency or Bureau Name", "country": "Country Name"}
    for by, column in keys.items():
        expected = defaultdict(lambda: [0, 0])
        with open(files.complete, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["Funding Account Name"] == INCLE and row["Transaction Type ID"] in ("2", "3"):
                    expected[row[column]][row["Transaction Type ID"] == "3"] += int(row["Current Dollar Amount"] or 0)
        result = run("--funding", files.extract, "--by", by, "-f", "json")
        key = {"sector": "us_sector", "partner": "implementing_partner", "activity": "activity_id",
               "account": "bureau", "country": "country"}[by]
        got = {r[key]: [r["obligations"], r["disbursements"]] for r in json.loads(result.stdout)}
        assert got == dict(expected), by


def test_activities_of_some_countries_and_years(files):
    expected = defaultdict(lambda: [0, 0])
    with open(files.complete, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if (row["Funding Account Name"] == INCLE and row["Transaction Type ID"] in ("2", "3")
                    and row["Country Code"] in ("COL", "MEX") and "2010" <= row["Fiscal Year"] <= "2015"):
                key = (row["Country Name"], alpha2(row["Country Code"]), row["Activity ID"], row["Activity Name"])
                expected[key][row["Transaction Type ID"] == "3"] += int(row["Constant Dollar Amount"] or 0)
    result = run("--funding", files.extract, "--by", "activity", "-c", "MEX", "-c", "colombia", "--from", "2010",
                 "--to", "2015", "--constant", "-f", "json")
    got = {(r["country"], r["code"], r["activity_id"], r["activity_name"]): [r["obligations"], r["disbursements"]]
           for r in json.loads(result.stdout)}
    assert got == dict(expected) and len(got) > 10
    assert "Colombia and Mexico, FY2010–FY2015" in result.stderr and "constant dollars" in result.stderr
    assert run("--funding", files.extract, "--by", "activity", "-c", "atlantis").exit_code == 2


def test_a_country_by_code_alpha3_or_name_accents_and_case_ignored(files):
    outputs = {run("--funding", files.extract, "-c", name, "-f", "csv").stdout
               for name in ("CI", "ci", "CIV", "Cote d'Ivoire", "côte d’ivoire", "COTE-D'IVOIRE")}
    assert len(outputs) == 1
    expected = {k: v for k, v in file_sums(files.complete).items() if k[1] == "CI"}
    assert output_sums(outputs.pop()) == expected
    both = run("--funding", files.extract, "-c", "CO", "--country", "mexico", "-f", "csv")
    assert {k[1] for k in output_sums(both.stdout)} == {"CO", "MX"}


def test_an_unknown_country_is_a_usage_error_with_a_suggestion(files):
    result = run("--funding", files.extract, "-c", "columbia")
    assert result.exit_code == 2
    assert "no country 'columbia'" in result.stderr and "Colombia" in result.stderr


def test_fiscal_year_bounds_and_the_transition_quarter(files):
    tq = output_sums(run("--funding", files.extract, "--from", "1976TQ", "--to", "FY1976TQ", "-f", "csv").stdout)
    assert tq and {k[2] for k in tq} == {"1976TQ"}
    early = output_sums(run("--funding", files.extract, "--to", "1976", "-f", "csv").stdout)
    assert {k[2] for k in early} == {"1976"}
    window = output_sums(run("--funding", files.extract, "--from", "2010", "--to", "2012", "-f", "csv").stdout)
    assert window == {k: v for k, v in file_sums(files.complete).items() if k[2] in ("2010", "2011", "2012")}
    assert run("--funding", files.extract, "--from", "2012", "--to", "2010").exit_code == 2
    assert run("--funding", files.extract, "--from", "20x3").exit_code == 2


def test_bureau_filter_by_acronym_and_the_output_says_so(files, tmp_path):
    extract = tmp_path / "inl.csv"
    result = run("import", files.complete, "--bureau", "inl", "-o", str(extract))
    assert result.exit_code == 0 and "bureau inl" in result.stderr
    shown = run("--funding", str(extract), "-f", "csv")
    assert output_sums(shown.stdout) == file_sums(files.complete, bureau="INL")
    assert "INCLE account, Bureau of International Narcotics and Law Enforcement Affairs;" in shown.stderr


def small_file(path, rows, header=COMPLETE):
    """A file of `rows` (dicts of a few columns; the others blank) under `header`."""
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            values = {"Funding Account Name": INCLE, "Country Code": "COL", "Country Name": "Colombia",
                      "Fiscal Year": "2019", **row}
            writer.writerow([values.get(column, "") for column in header])
    return str(path)


def test_plans_are_kept_apart_and_negative_and_blank_amounts_count(tmp_path):
    source = small_file(tmp_path / "s.csv", [
        {"Transaction Type ID": "2", "Transaction Type Name": "Obligations", "Current Dollar Amount": "1000000"},
        {"Transaction Type ID": "2", "Transaction Type Name": "Obligations", "Current Dollar Amount": "-400000"},
        {"Transaction Type ID": "2", "Transaction Type Name": "Obligations", "Current Dollar Amount": ""},
        {"Transaction Type ID": "3", "Transaction Type Name": "Disbursements", "Current Dollar Amount": "850000",
         "Activity Description": 'a "quoted", comma\nand a newline'},
        {"Transaction Type ID": "1", "Transaction Type Name": "Appropriated and Planned",
         "Current Dollar Amount": "99000000"},
        {"Transaction Type ID": "18", "Transaction Type Name": "President's Budget Requests",
         "Current Dollar Amount": "77000000", "Fiscal Year": "2030"},
    ])
    extract_path = tmp_path / "e.csv"
    assert run("import", source, "-o", str(extract_path)).exit_code == 0
    with open(extract_path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["country", "code", "fiscal_year", "transaction_type", "account", "bureau", "us_sector",
                             "implementing_partner", "activity_id", "activity_name", "current_dollars",
                             "constant_dollars"]
    assert {r["transaction_type"]: r["current_dollars"] for r in rows} == {
        "obligations": "600000", "disbursements": "850000", "appropriations": "99000000",
        "budget requests": "77000000"}
    entries = read_extract(str(extract_path))
    assert {(e.code, e.fiscal_year, e.transaction_type, e.current_dollars) for e in entries} == {
        ("CO", "2019", "obligations", 600000), ("CO", "2019", "disbursements", 850000),
        ("CO", "2019", "appropriations", 99000000), ("CO", "2030", "budget requests", 77000000)}
    assert run("--funding", str(extract_path), "-f", "csv").stdout.splitlines() == [
        "country,code,fiscal_year,obligations,disbursements", "Colombia,CO,2019,600000,850000"]
    markdown = run("--funding", str(extract_path), "-f", "markdown")
    assert markdown.stderr == "" and "| Colombia | CO | FY2019 | $600K | $850K |" in markdown.stdout
    assert markdown.stdout.startswith("## Funding by country and fiscal year, Colombia, FY2019: INCLE account")
    table = " ".join(run("--funding", str(extract_path)).stdout.split())
    assert "Colombia, FY2019: INCLE account, all bureaus; obligations and disbursements, current dollars" in table
    assert "$600K" in table and "$850K" in table and "FY2019" in table and "FY2030" not in table
    assert "INCLE account" in table and "current dollars" in table and "2 rows of appropriations" in table


def test_values_written_two_ways_are_one_row_of_the_extract(tmp_path):
    source = small_file(tmp_path / "s.csv", [
        {"Transaction Type ID": "2", "Transaction Type Name": "Obligations", "Current Dollar Amount": "100"},
        {"Transaction Type ID": "", "Transaction Type Name": "Obligation", "Current Dollar Amount": "20",
         "Fiscal Year": " FY2019 ", "Country Name": "Colombia "},
        {"Transaction Type ID": "2", "Transaction Type Name": "Obligations", "Current Dollar Amount": "3",
         "Country Code": "col", "Fiscal Year": "1976tq"},
    ])
    extract_path = tmp_path / "e.csv"
    assert run("import", source, "-o", str(extract_path)).exit_code == 0
    with open(extract_path, encoding="utf-8", newline="") as handle:
        rows = [(r["country"], r["code"], r["fiscal_year"], r["transaction_type"], r["current_dollars"])
                for r in csv.DictReader(handle)]
    assert rows == [("Colombia", "CO", "1976TQ", "obligations", "3"), ("Colombia", "CO", "2019", "obligations", "120")]


def test_the_chart_draws_each_fiscal_year_without_colour(files):
    result = run("--funding", files.extract, "-c", "CO", "--chart", env={"NO_COLOR": "1"})
    assert result.exit_code == 0 and "\x1b" not in result.stdout
    assert "█ obligations  ▒ disbursements" in result.stdout and "INCLE account" in result.stdout
    expected = file_sums(files.complete)
    years = sorted({k[2] for k in expected if k[1] == "CO"})
    assert all(f"FY{y} " in result.stdout or f"FY{y}:" in result.stdout for y in years)
    assert run("--funding", files.extract, "--chart", "-f", "csv").exit_code == 2
    assert run("--funding", files.extract, "--chart", "--by", "sector").exit_code == 2


def test_the_extract_goes_to_the_data_folder_and_is_replaced_only_with_force(files, tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    missing = run(env=env)
    assert missing.exit_code == 1 and "inl funding import" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    assert run("import", files.singles[0], env=env).exit_code == 0
    extract = tmp_path / "data" / "inl" / "funding.csv"
    before = extract.read_bytes()
    again = run("import", files.complete, env=env)
    assert again.exit_code == 1 and "--force" in again.stderr and extract.read_bytes() == before
    assert run("import", files.complete, "--force", env=env).exit_code == 0
    assert output_sums(run("-f", "csv", env=env).stdout) == file_sums(files.complete)


def test_the_extract_named_by_option_environment_or_context(files, tmp_path):
    gone = str(tmp_path / "gone.csv")
    for args, env, obj in ((["--funding", gone], None, None), ([], {"INL_FUNDING": gone}, None),
                           ([], None, SimpleNamespace(funding=gone, countries=()))):
        result = run(*args, env=env, obj=obj)
        assert result.exit_code == 2 and "inl funding import" in result.stderr, (args, env)
    found = run("-f", "csv", obj=SimpleNamespace(funding=files.extract, countries=("MX",)))
    assert {k[1] for k in output_sums(found.stdout)} == {"MX"}


def test_a_file_without_a_needed_column_says_which(tmp_path):
    header = [c for c in COMPLETE if c != "Fiscal Year"]
    source = small_file(tmp_path / "s.csv", [{"Transaction Type ID": "2"}], header)
    result = run("import", source, "-o", str(tmp_path / "e.csv"))
    assert result.exit_code == 1
    line, = result.stderr.strip().splitlines()
    assert "no column 'Fiscal Year'" in line and "'Country Code'" in line and "complete dataset" in line
    assert not (tmp_path / "e.csv").exists()


def expect_bad(tmp_path, content: bytes, *words):
    source = tmp_path / "bad.csv"
    source.write_bytes(content)
    extract = tmp_path / "e.csv"
    extract.write_text("kept\n")
    result = run("import", str(source), "-o", str(extract), "--force")
    assert result.exit_code == 1, result.output
    line, = result.stderr.strip().splitlines()
    assert "Traceback" not in result.output and all(w in line for w in words), line
    assert extract.read_text() == "kept\n"  # nothing half-written
    return line


def test_truncated_binary_and_non_utf8_files_are_one_line(files, tmp_path):
    data = Path(files.complete).read_bytes()
    expect_bad(tmp_path, data[:len(data) * 3 // 5], "bad.csv: row ")
    cut_in_a_row = data[:data.index(b"\r\n", len(data) // 2)] + b"\r\n" + data[data.index(b"\r\n", len(data) // 2) + 2:][:30]
    expect_bad(tmp_path, cut_in_a_row, "row ")
    expect_bad(tmp_path, bytes(range(256)) * 40, "binary")
    at = data.index(b"Cote d'Ivoire", len(data) // 3)
    records = list(csv.reader(io.StringIO(data[:at].decode("utf-8-sig"), newline="")))
    expect_bad(tmp_path, data[:at] + b"\xf4" + data[at + 1:], f"row {len(records):,}:", "UTF-8")
    expect_bad(tmp_path, b"", "empty")
    os.mkfifo(tmp_path / "fifo.csv")
    for special, words in ((str(tmp_path / "fifo.csv"), "not a regular file"), ("/dev/zero", "not a regular file"),
                           (str(tmp_path), "a folder")):
        result = run("import", special, "-o", str(tmp_path / "e.csv"), "--force")
        assert result.exit_code == 1 and words in result.stderr


def test_a_bad_amount_or_year_names_its_row(files, tmp_path):
    with open(files.complete, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    incle = [i for i, r in enumerate(rows) if r[COMPLETE.index("Funding Account Name")] == INCLE]
    for column, value, index, words in (("Current Dollar Amount", "12abc", incle[40], "not a number"),
                                        ("Fiscal Year", "20x9", incle[70], "not a fiscal year"),
                                        ("Fiscal Year", "", incle[90], "Fiscal Year is empty")):
        changed = [list(r) for r in rows]
        changed[index][COMPLETE.index(column)] = value
        out = io.StringIO()
        csv.writer(out).writerows(changed)
        expect_bad(tmp_path, out.getvalue().encode(), f"row {index + 1:,}: {column}", words)
    other = next(i for i in range(1, len(rows)) if i not in set(incle))
    changed = [list(r) for r in rows]
    changed[other][COMPLETE.index("Current Dollar Amount")] = "n/a"  # not INL's row: not read
    with open(tmp_path / "other.csv", "w", encoding="utf-8", newline="") as out:
        csv.writer(out, quoting=csv.QUOTE_ALL).writerows(changed)
    assert run("import", str(tmp_path / "other.csv"), "-o", str(tmp_path / "x.csv")).exit_code == 0


def test_an_extract_from_another_tool_is_read_by_column_name_and_checked(files, tmp_path):
    with open(files.extract, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    amount = rows[0].index("current_dollars")

    def write(name, changed, quoting=csv.QUOTE_MINIMAL):
        with open(tmp_path / name, "w", encoding="utf-8", newline="") as out:
            csv.writer(out, quoting=quoting, lineterminator="\r\n").writerows(changed)
        return str(tmp_path / name)

    reordered = write("reordered.csv", [row[::-1] for row in rows], csv.QUOTE_ALL)
    for by in ("year", "activity"):
        assert (run("--funding", reordered, "--by", by, "-f", "csv").stdout
                == run("--funding", files.extract, "--by", by, "-f", "csv").stdout)
    zero = [list(row) for row in rows]
    zero[5][amount] = "0" if zero[5][amount] else zero[5][amount]
    blank = [list(row) for row in zero]
    blank[5][amount] = ""
    assert (run("--funding", write("blank.csv", blank), "-f", "csv").stdout
            == run("--funding", write("zero.csv", zero), "-f", "csv").stdout)
    for change, words in (((8, amount, "12.5"), "row 8: current_dollars is '12.5'"),
                          ((10, 2, "FY 20"), "row 10: fiscal_year is 'FY 20'"), ((12, None, None), "row 12: 3 fields")):
        changed = [list(row) for row in rows]
        at, column, value = change
        if column is None:
            changed[at - 1] = changed[at - 1][:3]
        else:
            changed[at - 1][column] = value
        for by in ("year", "activity", "partner"):
            result = run("--funding", write("bad.csv", changed), "--by", by)
            assert result.exit_code == 1 and words in result.stderr, (by, result.stderr)


def test_no_row_of_the_filter_names_the_closest_accounts_and_bureaus(files, tmp_path):
    result = run("import", files.complete, "--account", "Intl Narcotics Control & Law Enforcement",
                 "-o", str(tmp_path / "e.csv"))
    assert result.exit_code == 1 and not (tmp_path / "e.csv").exists()
    assert "closest accounts: International Narcotics Control and Law Enforcement" in result.stderr
    result = run("import", files.complete, "--bureau", "Narcotics Bureau", "-o", str(tmp_path / "e.csv"))
    assert result.exit_code == 1 and "Bureau of International Narcotics and Law Enforcement Affairs" in result.stderr
    assert run("import", files.complete, "--account", "economic support fund", "-o",
               str(tmp_path / "esf.csv")).exit_code == 0


def test_files_that_overlap_or_are_missing_are_usage_errors(files, tmp_path):
    both = run("import", files.complete, files.singles[0], "-o", str(tmp_path / "e.csv"))
    assert both.exit_code == 2 and "counted twice" in both.stderr
    assert run("import", str(tmp_path / "nowhere.csv"), "-o", str(tmp_path / "e.csv")).exit_code == 2
    twice = run("import", files.complete, files.complete, "-o", str(tmp_path / "twice.csv"))
    assert twice.exit_code == 0  # one file named twice is read once
    into_itself = run("import", files.complete, "-o", files.complete, "--force")
    assert into_itself.exit_code == 2
    assert run("--by", "sector", "import", files.complete).exit_code == 2


def test_odd_file_names_and_stdout(files, tmp_path):
    odd = tmp_path / "aid [2024] *'s.csv"
    odd.write_bytes(Path(files.singles[0]).read_bytes())
    result = run("import", str(odd), "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("country,code,fiscal_year,")
    assert "Wrote" in result.stderr and "stdout" in result.stderr
    assert "\r" not in result.stderr  # no progress bar on a pipe


def test_year_totals_for_a_report_are_each_country_s_own(files):
    from inl_cli.fiscal import FiscalYear
    from inl_cli.funding.summary import year_totals

    funded = year_totals(files.extract, ["CO", "mx", "ZZ"])
    totals = funded.by_code
    assert sorted(totals) == ["CO", "MX"]
    assert funded.scope == "INCLE account, all bureaus; obligations and disbursements, current dollars"
    for code in ("CO", "MX"):
        expected = {year: [o, d] for (_, c, year), (o, d) in file_sums(files.complete).items() if c == code}
        found = totals[code]  # the years with a row, each once, in order
        assert {str(t.fiscal_year): [t.obligations, t.disbursements] for t in found} == expected
        assert [str(t.fiscal_year) for t in found] == sorted(expected, key=lambda y: (y[:4], y))
    assert FiscalYear(2019).days()[0].isoformat() == "2018-10-01"
    assert year_totals(files.extract, []).by_code == {}


@pytest.fixture
def in_inl():
    """`inl` itself, whose `funding` command the global options reach."""
    from inl_cli.commands import main

    return main


def test_through_inl_the_global_options_choose_the_extract_and_countries(files, in_inl):
    def inl(*args, env=None):
        environment = {"COLUMNS": "80", "NO_COLOR": "1", "INL_FUNDING": None, "INL_DATA": None, **(env or {})}
        return CliRunner().invoke(in_inl, list(args), env=environment, catch_exceptions=False)

    expected = file_sums(files.complete)
    for args, env in ((["--funding", files.extract, "funding"], None), (["funding", "--funding", files.extract], None),
                      (["funding"], {"INL_FUNDING": files.extract})):
        result = inl(*args, "-c", "PE", "-f", "csv", env=env)
        assert output_sums(result.stdout) == {k: v for k, v in expected.items() if k[1] == "PE"}, args
    both = inl("--country", "GH", "funding", "--funding", files.extract, "-c", "UKR", "-f", "csv")
    assert {k[1] for k in output_sums(both.stdout)} == {"GH", "UA"}
    assert inl("--funding", str(files.folder / "none.csv"), "funding").exit_code == 2


def test_start_up_of_the_command_loads_no_engine(files):
    code = ("import sys\nfrom inl_cli.commands.funding import funding\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('duckdb', 'polars', 'pycountry', 'rich'))\n"
            "loaded += sorted(m for m in sys.modules if m.startswith('inl_cli.funding'))\n"
            f"funding(['--funding', {files.extract!r}, '-f', 'csv'], standalone_mode=False)\n"
            "after = sorted(m for m in sys.modules if m.split('.')[0] in ('duckdb', 'polars', 'pycountry'))\n"
            "sys.stderr.write(repr((loaded, after)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "INL_DATA": ""})
    assert result.returncode == 0, result.stderr
    loaded, after = eval(result.stderr.splitlines()[-1])
    assert loaded == [] and after == []
