import pytest

from inl_cli.dates import DateError, PartialDate, Span, overlaps


@pytest.mark.parametrize("text, precision, display", [
    ("2013", "year", "2013"),
    ("2013-09", "month", "Sep 2013"),
    ("2013-09-04", "day", "4 Sep 2013"),
    ("2020-02-29", "day", "29 Feb 2020"),
])
def test_partial_dates_keep_their_precision(text, precision, display):
    date = PartialDate.parse(text)
    assert (date.iso(), date.precision, date.display()) == (text, precision, display)


@pytest.mark.parametrize("text, message", [
    ("2013-13", "month 13 does not exist in '2013-13'"),
    ("2019-02-29", "day 29 does not exist in February 2019"),
    ("20x3", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '20x3'"),
    ("0000", "year 0000 does not exist in '0000'"),
])
def test_impossible_dates_say_why(text, message):
    with pytest.raises(DateError) as error:
        PartialDate.parse(text)
    assert str(error.value) == message


def test_a_partial_date_covers_every_day_of_its_period():
    assert str(PartialDate.parse("2013").first_day) == "2013-01-01"
    assert str(PartialDate.parse("2013").last_day) == "2013-12-31"
    assert str(PartialDate.parse("2024-02").last_day) == "2024-02-29"


def test_a_span_overlaps_a_window_inside_it():
    span = Span(PartialDate(2015), PartialDate(2018))
    inside = PartialDate(2016).first_day, PartialDate(2017).last_day
    assert overlaps(span, *inside)
    assert span.display() == "2015–2018"
    assert not overlaps(span, PartialDate(2019).first_day, None)
