"""The pure parts of inl_cli/funding, without Click: money, fiscal years, columns, the chart's layout."""
import os
import subprocess
import sys
from datetime import date

import pytest

from inl_cli import fiscal as years
from inl_cli import money
from inl_cli.fiscal import FiscalYear
from inl_cli.funding import chart, columns
from inl_cli.funding.place import XDG_PLATFORMS, default_path
from inl_cli.funding.summary import YearTotal


@pytest.mark.parametrize("amount, shown", [
    (0, "$0"), (950, "$950"), (-950, "-$950"), (1000, "$1K"), (1500, "$1.5K"), (9_300, "$9.3K"),
    (850_000, "$850K"), (-40_000, "-$40K"), (99_949, "$99.9K"), (99_960, "$100K"), (999_499, "$999K"),
    (999_960, "$1M"), (1_234_567, "$1.2M"), (12_345_678, "$12.3M"), (123_456_789, "$123M"),
    (1_200_000_000, "$1.2B"), (-3_400_000_000, "-$3.4B"), (2 * 10**12, "$2T"),
])
def test_money_reads_as_people_read_it(amount, shown):
    assert money.short(amount) == shown


def test_fiscal_years_parse_order_and_cover_their_days():
    assert years.parse("2019") == FiscalYear(2019) and years.parse(" fy2019 ") == FiscalYear(2019)
    assert years.parse("1976TQ") == FiscalYear(1976, True) == years.parse("FY1976tq")
    for bad in ("", "19", "20x9", "2019.0", "1977TQ", "1899", "2019-20"):
        assert years.parse(bad) is None, bad
    assert FiscalYear(1976) < FiscalYear(1976, True) < FiscalYear(1977)
    assert str(FiscalYear(1976, True)) == "1976TQ" and FiscalYear(2019).label() == "FY2019"
    assert FiscalYear(2019).days() == (date(2018, 10, 1), date(2019, 9, 30))
    assert FiscalYear(1976, True).days() == (date(1976, 7, 1), date(1976, 9, 30))
    assert FiscalYear(1976).days() == (date(1975, 7, 1), date(1976, 6, 30))
    assert [str(y) for y in years.between(FiscalYear(1975), FiscalYear(1977))] == ["1975", "1976", "1976TQ", "1977"]
    assert years.span([FiscalYear(2020), FiscalYear(2001)]) == "FY2001–FY2020" and years.span([]) == ""


def test_columns_are_found_by_name_whatever_their_place_case_or_mark():
    header = ["\ufeffcountry code", "Country Name", "Funding  Account Name", "US Sector Name",
              "Managing Sub-agency or Bureau Name", "Implementing Partner Name", "Activity ID", "Activity Name",
              "Transaction Type Name", "Fiscal Year", "Current Dollar Amount", "Constant Dollar Amount"][::-1]
    found = columns.find(header)
    assert found["country_code"] == 11 and found["constant"] == 0 and "type_id" not in found
    with pytest.raises(columns.MissingColumns, match="no column 'Fiscal Year'.*the file has 11 columns"):
        columns.find([h for h in header if h != "Fiscal Year"])


def test_transaction_types_by_number_then_name():
    assert columns.transaction_type("2", "anything") == "obligations"
    assert columns.transaction_type("3", "") == "disbursements"
    assert columns.transaction_type("1", "Appropriated and Planned") == "appropriations"
    assert columns.transaction_type("18", "President's Budget Requests") == "budget requests"
    assert columns.transaction_type(None, "Obligation") == "obligations"
    assert columns.transaction_type("", "Budget Request") == "budget requests"
    assert columns.transaction_type("99", "Refunds ") == "Refunds"


def test_the_chart_draws_bars_to_scale_and_negatives_left_of_zero():
    totals = [YearTotal(FiscalYear(2018), 1_000_000, 500_000), YearTotal(FiscalYear(2019), -250_000, 0),
              YearTotal(FiscalYear(2020), 0, 0)]
    lines = chart.layout(totals, 60, covered=[FiscalYear(2018), FiscalYear(2019)])
    text = ["".join(piece for piece, _ in line) for line in lines]
    assert text[0].startswith("FY2018 ") and text[0].endswith("$1M") and text[1].endswith("$500K")
    full, half = text[0].count("█"), text[1].count("▒")
    negative = text[2].count("█")
    assert abs(full - 2 * half) <= 1 and abs(full - 4 * negative) <= 1
    assert text[2].index("█") < text[0].index("█")  # left of the zero column
    assert text[4] == "FY2020: no rows" and text[-1] == "█ obligations  ▒ disbursements"
    assert all(len(line) <= 60 for line in text)
    plain = ["".join(p for p, _ in line) for line in chart.layout(totals, 60, plain=True)]
    assert all(line.isascii() for line in plain) and "#" in plain[0]
    assert chart.layout([], 60) == []


def test_at_twenty_columns_every_amount_and_the_legend_still_fit():
    totals = [YearTotal(FiscalYear(2020), 3_100_000, 2_400_000), YearTotal(FiscalYear(2021), -250_000, 1_900_000)]
    text = ["".join(piece for piece, _ in line) for line in chart.layout(totals, 20)]
    assert all(len(line) <= 20 for line in text), text
    assert [line.split()[-1] for line in text[:4]] == ["$3.1M", "$2.4M", "-$250K", "$1.9M"]
    assert text[-2:] == ["█ obligations", "▒ disbursements"]


@pytest.mark.skipif(not sys.platform.startswith(XDG_PLATFORMS), reason="the XDG data folder is for Linux and BSD")
@pytest.mark.parametrize("xdg", [None, "/srv/data", "relative/data", " "])
def test_the_default_extract_is_where_platformdirs_puts_data(monkeypatch, tmp_path, xdg):
    """inl names the XDG data folder itself, so that a report need not import platformdirs; it is the same."""
    import platformdirs

    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert default_path() == os.path.join(platformdirs.user_data_dir("inl", appauthor=False), "funding.csv")


def test_a_report_looks_for_the_extract_without_platformdirs(tmp_path):
    code = ("import sys\nfrom inl_cli.commands import main\n"
            "main(['show', 'overview'], standalone_mode=False)\nmain(['export'], standalone_mode=False)\n"
            "sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith('platformdirs'))))")
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_DATA_HOME", "INL_FUNDING", "INL_DATA")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                            env={**env, "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    expected = "[]" if sys.platform.startswith(XDG_PLATFORMS) else result.stderr.splitlines()[-1]
    assert result.stderr.splitlines()[-1] == expected
