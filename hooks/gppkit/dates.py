"""Dates and times: what editors may write, and how visitors see them in their language.

Editors write a plain date (2018-09-28) or a date and time WITH a UTC offset
(2018-09-28T09:00:00+03:00). A date and time without an offset is refused, because the
same text would mean different instants for readers in Sofia and in Helsinki. A plain date
on a news post means midnight UTC of that day in feeds; pages show the date as written.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_interval, format_time, get_timezone_name

DATE_FORMS = "a date such as 2018-09-28, or a date and time with a UTC offset such as 2018-09-28T09:00:00+03:00"

# British English for the English pages: "28 September 2018", 24-hour times.
_BABEL_LOCALES = {"en": "en_GB"}


def babel_locale(language: str) -> str:
    return _BABEL_LOCALES.get(language, language)


def parse_date_or_aware_datetime(value: object) -> date | datetime:
    """A ``date`` or an aware ``datetime`` from YAML (or ISO text); ValueError naming the accepted forms."""
    if isinstance(value, str):
        value = _from_iso_text(value.strip())
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"a date and time without a UTC offset; expected {DATE_FORMS}")
        return value
    if isinstance(value, date):
        return value
    raise ValueError(f"expected {DATE_FORMS}")


def _from_iso_text(text: str) -> object:
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return parse(text)
        except ValueError:
            continue
    return text


def as_instant(value: date | datetime) -> datetime:
    """An aware datetime: a plain date is midnight UTC of that day."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(0, 0), tzinfo=timezone.utc)


def calendar_day(value: date | datetime) -> date:
    """The day as the editor wrote it (in the written UTC offset for a datetime)."""
    return value.date() if isinstance(value, datetime) else value


def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The last moment of ``day`` in ``zone`` (a registration deadline given as a date)."""
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=zone) - timedelta(microseconds=1)


@lru_cache(maxsize=4096)  # listings and tag pages show the same posts' dates again (Babel: 40 µs a date)
def format_long_date(day: date, language: str) -> str:
    """"28 September 2018", "28 września 2018", "28. syyskuuta 2018", "28 септември 2018 г."."""
    return format_date(day, format="long", locale=babel_locale(language))


def format_zone(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """The zone's name at that moment in the visitor's language ("Eastern European Summer Time")."""
    return get_timezone_name(moment.astimezone(zone), width="long", locale=babel_locale(language))


# CLDR's "date at time" patterns, which Babel does not ship, where they differ from its plain
# date-time pattern: Finnish and Latvian put "klo" and "plkst." before a time ("9. joulukuuta 2026
# klo 10.00–11.30"); Babel's pattern joined the date and the time with a space only.
_AT_TIME = {"fi": "{1} 'klo' {0}", "lv": "{1} 'plkst'. {0}"}
# Bulgarian writes "ч." (часа) after a time, once after a span: "10:00 – 11:30 ч.". Babel's short
# time has none, and its span of hours repeats it ("10:00 ч. – 11:30 ч."): a deadline and an event
# on one page read differently.
_HOURS_WORD = {"bg": "ч."}


def _date_and_time(day: str, clock: str, language: str) -> str:
    """Join a date and a time with the locale's own pattern ("{1}, {0}" in most languages)."""
    pattern = _AT_TIME.get(language) or str(Locale.parse(babel_locale(language)).datetime_formats["medium"])
    return pattern.replace("'", "").replace("{1}", day).replace("{0}", clock)


def _clock(moment: datetime, language: str) -> str:
    text = format_time(moment, format="short", locale=babel_locale(language))
    return f"{text} {_HOURS_WORD[language]}" if language in _HOURS_WORD else text


def _clock_span(start: datetime, end: datetime, zone: ZoneInfo, language: str) -> str:
    if language in _HOURS_WORD:
        return f"{format_time(start, format='short', locale=babel_locale(language))} – {_clock(end, language)}"
    return format_interval(start, end, "Hm", tzinfo=zone, locale=babel_locale(language))


def format_moment(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """"5 November 2018, 12:00 (Eastern European Standard Time)"."""
    local = moment.astimezone(zone)
    clock = _clock(local, language)
    return f"{_date_and_time(format_long_date(local.date(), language), clock, language)} ({format_zone(local, zone, language)})"


def all_day_span(start: datetime, end: datetime, zone: ZoneInfo) -> tuple[date, date] | None:
    """(first day, last day) of an event that runs from midnight to 23:59 (or the next midnight) in
    its zone, such as a registration deadline: a day, not the times 00:00-23:59. Else None."""
    start, end = start.astimezone(zone), end.astimezone(zone)
    if start.time() != time(0):
        return None
    if end.time() == time(0):
        return start.date(), end.date() - timedelta(days=1)
    if end.time() >= time(23, 59):
        return start.date(), end.date()
    return None


def format_event_when(start: datetime, end: datetime, zone: ZoneInfo, language: str) -> str:
    """Start and end in the event's time zone, with the zone named: one date when on one day; the
    date or dates alone for an event that lasts whole days."""
    days = all_day_span(start, end, zone)
    if days is not None:
        return " – ".join(format_long_date(day, language) for day in dict.fromkeys(days))
    start, end = start.astimezone(zone), end.astimezone(zone)
    if start.date() == end.date():
        text = _date_and_time(format_long_date(start.date(), language), _clock_span(start, end, zone, language), language)
    else:
        text = " – ".join(_date_and_time(format_long_date(moment.date(), language), _clock(moment, language), language)
                          for moment in (start, end))
    return f"{text} ({format_zone(start, zone, language)})"


def format_deadline(deadline: date | datetime, zone: ZoneInfo, language: str) -> str:
    """A date as a date ("7 December 2026"); a date and time with its zone named."""
    if isinstance(deadline, datetime):
        return format_moment(deadline, zone, language)
    return format_long_date(deadline, language)
