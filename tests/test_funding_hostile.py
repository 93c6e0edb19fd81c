"""Funding extracts that are not what they say: never a hang, a traceback or a country split or merged wrongly."""
import json
import os

HEADER = ("country,code,fiscal_year,transaction_type,account,bureau,us_sector,implementing_partner,activity_id,"
          "activity_name,current_dollars,constant_dollars\n")


def row(code, year, dollars, country="Cote d'Ivoire", activity="Training"):
    return f"{country},{code},{year},obligations,INCLE,INL,Police,UNDP,A-1,{activity},{dollars},{dollars}\n"


def test_a_fifo_or_a_device_as_the_extract_is_one_line_not_a_wait(run, tmp_path):
    fifo = tmp_path / "funding.csv"
    os.mkfifo(fifo)
    for where in (str(fifo), "/dev/zero"):
        for args in (["funding"], ["show", "overview"], ["export"]):
            result = run("--funding", where, *args)
            assert result.exit_code == 1, (where, args)
            assert result.stderr == (f"Error: {where}: not a regular file (a FIFO, device or socket); give the "
                                     "extract's CSV file\n")


def test_an_unreadable_extract_nobody_named_is_a_warning_not_a_failure(run, tmp_path):
    os.makedirs(tmp_path / "inl")
    os.mkfifo(tmp_path / "inl" / "funding.csv")
    env = {"XDG_DATA_HOME": str(tmp_path)}
    result = run("show", "overview", env=env)
    assert result.exit_code == 0 and "Country" in result.stdout and "Obligations" not in result.stdout
    assert result.stderr == (f"Warning: the funding extract in your data folder cannot be read, so funding is left "
                             f"out: {tmp_path / 'inl' / 'funding.csv'}: not a regular file (a FIFO, device or "
                             "socket); give the extract's CSV file\n")
    assert run("export", "-s", "goals", env=env).stderr == ""  # not read when no section shows funding
    assert run("export", "-s", "funding", env=env).exit_code == 1  # asked for: an error


def test_absurd_amounts_read_without_a_traceback(run, tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text(HEADER + row("CI", "2019", "1" + "0" * 400) + row("CI", "2020", "999999999999999"),
                    encoding="utf-8")
    result = run("--funding", str(path), "funding")
    assert result.exit_code == 0, result.output
    assert "$1e27+" in result.stdout and "$1,000T" in result.stdout
    assert run("--funding", str(path), "show", "overview").exit_code == 0


def test_fiscal_years_and_codes_written_differently_sum_together(run, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(HEADER + row("CI", "2019", 1000) + row("ci", "FY2019", 2000) + row(" CI", " 2019", 4000),
                    encoding="utf-8")
    records = json.loads(run("--funding", str(path), "funding", "-f", "json").stdout)
    assert [(r["code"], r["fiscal_year"], r["obligations"]) for r in records] == [("CI", "2019", 7000)]
    overview = {r["field"]: r["value"] for r in json.loads(run("--funding", str(path), "show", "overview",
                                                               "-f", "json").stdout)}
    assert overview["Obligations"] == 7000
    activities = json.loads(run("--funding", str(path), "funding", "--by", "activity", "-f", "json").stdout)
    assert [(r["code"], r["obligations"]) for r in activities] == [("CI", 7000)]


def test_by_activity_reports_unreadable_text_in_one_line(run, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes((HEADER + row("CI", "2019", 1) * 3).encode() + row("CI", "2019", 1, activity="P\xff").encode("latin-1"))
    long = tmp_path / "long.csv"
    long.write_text(HEADER + row("CI", "2019", 1, activity='"' + "x" * 140_000 + '"'), encoding="utf-8")
    for path in (bad, long):
        result = run("--funding", str(path), "funding", "--by", "activity")
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith(f"Error: {path}: ") and result.stderr.count("\n") == 1


def test_a_row_with_more_fields_than_the_header_is_named_by_every_grouping(run, tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text(HEADER + row("CI", "2019", 5) + row("CI", "2019", 5).rstrip("\n") + ",9,9\n", encoding="utf-8")
    for by in ("year", "partner", "activity"):
        result = run("--funding", str(path), "funding", "--by", by)
        assert (result.exit_code, result.stderr) == (1, f"Error: {path}: row 3: 14 fields where the header has 12\n")


def test_a_file_too_large_to_be_an_extract_or_a_folder_is_one_line(run, tmp_path):
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as out:
        out.truncate(300 * 1024 * 1024)  # sparse: no disk used
    result = run("--funding", str(huge), "funding")
    assert (result.exit_code, result.stderr) == (1, f"Error: {huge}: 300 MB, more than the 256 MB an extract could "
                                                 "be; a ForeignAssistance.gov download goes to `inl funding import`\n")
    result = run("--funding", str(tmp_path), "funding")
    assert (result.exit_code, result.stderr) == (1, f"Error: {tmp_path}: a folder, not a funding extract\n")
