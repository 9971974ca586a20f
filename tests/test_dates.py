"""Dates editors may write, the build clock, and how dates and times read in each language."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from gppkit.clock import ClockError, build_now
from gppkit.dates import (
    all_day_span,
    as_instant,
    calendar_day,
    end_of_day,
    format_deadline,
    format_event_when,
    format_long_date,
    parse_date_or_aware_datetime,
)

HELSINKI = ZoneInfo("Europe/Helsinki")
RIGA = ZoneInfo("Europe/Riga")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "28 September 2018"),
        ("bg", "28 септември 2018\u202fг."),  # a narrow no-break space, as CLDR writes it
        ("lv", "2018. gada 28. septembris"),
        ("fi", "28. syyskuuta 2018"),
        ("pl", "28 września 2018"),
    ],
)
def test_long_dates_are_written_the_way_each_language_writes_them(language: str, expected: str):
    assert format_long_date(date(2018, 9, 28), language) == expected


def test_a_plain_date_is_kept_and_means_midnight_utc_in_feeds():
    value = parse_date_or_aware_datetime(date(2018, 9, 28))
    assert value == date(2018, 9, 28)
    assert as_instant(value) == datetime(2018, 9, 28, tzinfo=timezone.utc)
    assert calendar_day(value) == date(2018, 9, 28)


def test_an_aware_datetime_keeps_its_offset_and_its_own_calendar_day():
    written = datetime(2018, 9, 28, 1, 30, tzinfo=timezone(timedelta(hours=3)))
    value = parse_date_or_aware_datetime(written)
    assert as_instant(value) == datetime(2018, 9, 27, 22, 30, tzinfo=timezone.utc)
    # The page shows the day the editor wrote, not the UTC day.
    assert calendar_day(value) == date(2018, 9, 28)


def test_iso_text_is_read_like_the_yaml_value():
    assert parse_date_or_aware_datetime("2018-09-28") == date(2018, 9, 28)
    assert parse_date_or_aware_datetime("2018-09-28T09:00:00+03:00") == datetime(
        2018, 9, 28, 9, tzinfo=timezone(timedelta(hours=3))
    )


@pytest.mark.parametrize("naive", [datetime(2018, 9, 28, 9, 0), "2018-09-28T09:00:00"])
def test_a_datetime_without_offset_is_refused_naming_the_accepted_forms(naive):
    with pytest.raises(ValueError, match="without a UTC offset; expected a date such as 2018-09-28"):
        parse_date_or_aware_datetime(naive)


@pytest.mark.parametrize("value", ["28.09.2018", "2018-02-30", 20180928, None, ["2018-09-28"]])
def test_anything_else_is_refused(value):
    with pytest.raises(ValueError, match="expected a date such as 2018-09-28"):
        parse_date_or_aware_datetime(value)


def test_end_of_day_is_the_last_moment_of_that_day_in_the_zone():
    moment = end_of_day(date(2018, 11, 5), HELSINKI)
    assert moment.astimezone(HELSINKI).date() == date(2018, 11, 5)
    assert (moment + timedelta(microseconds=1)).astimezone(HELSINKI) == datetime(2018, 11, 6, tzinfo=HELSINKI)


def test_an_event_on_one_day_shows_the_date_once_and_the_zone_of_that_date():
    start, end = datetime(2026, 12, 9, 10, tzinfo=RIGA), datetime(2026, 12, 9, 11, 30, tzinfo=RIGA)
    assert format_event_when(start, end, RIGA, "en") == "9 December 2026, 10:00–11:30 (Eastern European Standard Time)"
    assert format_event_when(start, end, RIGA, "pl") == "9 grudnia 2026, 10:00–11:30 (czas wschodnioeuropejski standardowy)"
    # CLDR's "at time" patterns, which Babel lacks: "klo" and "plkst." before the hours.
    assert format_event_when(start, end, RIGA, "fi") == "9. joulukuuta 2026 klo 10.00–11.30 (Itä-Euroopan normaaliaika)"
    assert format_event_when(start, end, RIGA, "lv") == "2026. gada 9. decembris plkst. 10:00–11:30 (Austrumeiropas ziemas laiks)"


def test_an_event_over_several_days_in_summer_time_names_the_summer_zone():
    start, end = datetime(2018, 9, 11, 9, tzinfo=HELSINKI), datetime(2018, 9, 13, 15, tzinfo=HELSINKI)
    assert format_event_when(start, end, HELSINKI, "fi") == "11. syyskuuta 2018 klo 9.00 – 13. syyskuuta 2018 klo 15.00 (Itä-Euroopan kesäaika)"


def test_an_event_of_whole_days_shows_its_dates_without_times():
    # A registration deadline written from 00:00 to 23:59 showed "00:00–23:59".
    day = datetime(2018, 11, 5, tzinfo=HELSINKI)
    assert format_event_when(day, day.replace(hour=23, minute=59), HELSINKI, "pl") == "5 listopada 2018"
    assert format_event_when(day, day + timedelta(days=2), HELSINKI, "en") == "5 November 2018 – 6 November 2018"
    assert all_day_span(day, day.replace(hour=23, minute=59), HELSINKI) == (day.date(), day.date())
    assert all_day_span(day.replace(hour=9), day.replace(hour=23, minute=59), HELSINKI) is None
    # Written in UTC, it is still midnight in the event's own zone that counts.
    assert all_day_span(day.astimezone(timezone.utc), day.replace(hour=23, minute=59).astimezone(timezone.utc),
                        HELSINKI) == (day.date(), day.date())


def test_times_are_shown_in_the_events_zone_whatever_offset_they_were_written_in():
    start = datetime(2026, 12, 9, 8, tzinfo=timezone.utc)
    end = start + timedelta(hours=1)
    # Bulgarian: "ч." once, after the span.
    assert format_event_when(start, end, RIGA, "bg").startswith("9 декември 2026\u202fг., 10:00 – 11:00 ч. (")


def test_deadlines_show_a_date_alone_or_a_time_with_its_zone():
    assert format_deadline(date(2026, 12, 7), RIGA, "lv") == "2026. gada 7. decembris"
    moment = datetime(2027, 3, 8, 12, tzinfo=timezone(timedelta(hours=2)))
    assert format_deadline(moment, HELSINKI, "en") == "8 March 2027, 12:00 (Eastern European Standard Time)"
    assert format_deadline(moment, HELSINKI, "bg") == "8 март 2027\u202fг., 12:00 ч. (Източноевропейско стандартно време)"
    assert format_deadline(moment, HELSINKI, "fi") == "8. maaliskuuta 2027 klo 12.00 (Itä-Euroopan normaaliaika)"


def test_the_build_clock_is_source_date_epoch_when_set():
    assert build_now({"SOURCE_DATE_EPOCH": "1795262400"}) == datetime(2026, 11, 21, 12, tzinfo=timezone.utc)


def test_the_build_clock_is_the_current_time_otherwise():
    before = datetime.now(timezone.utc).replace(microsecond=0)
    now = build_now({})
    assert now.tzinfo is not None and before <= now <= datetime.now(timezone.utc)


@pytest.mark.parametrize("epoch", ["yesterday", "1.5e9", "99999999999999999999"])
def test_a_malformed_source_date_epoch_is_refused_with_the_expected_form(epoch: str):
    with pytest.raises(ClockError, match="SOURCE_DATE_EPOCH: received .*expected a whole number of seconds"):
        build_now({"SOURCE_DATE_EPOCH": epoch})
