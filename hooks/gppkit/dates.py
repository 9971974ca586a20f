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


def _date_and_time(day: str, clock: str, language: str) -> str:
    """Join a date and a time with the locale's own pattern ("{1}, {0}" in most languages)."""
    pattern = Locale.parse(babel_locale(language)).datetime_formats["medium"]
    return str(pattern).replace("'", "").replace("{1}", day).replace("{0}", clock)


def format_moment(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """"5 November 2018, 12:00 (Eastern European Standard Time)"."""
    local = moment.astimezone(zone)
    locale = babel_locale(language)
    clock = format_time(local, format="short", locale=locale)
    return f"{_date_and_time(format_long_date(local.date(), language), clock, language)} ({format_zone(local, zone, language)})"


def format_event_when(start: datetime, end: datetime, zone: ZoneInfo, language: str) -> str:
    """Start and end in the event's time zone, with the zone named: one date when on one day."""
    start, end = start.astimezone(zone), end.astimezone(zone)
    locale = babel_locale(language)
    if start.date() == end.date():
        hours = format_interval(start, end, "Hm", tzinfo=zone, locale=locale)
        text = _date_and_time(format_long_date(start.date(), language), hours, language)
    else:
        text = " – ".join(
            _date_and_time(format_long_date(moment.date(), language),
                           format_time(moment, format="short", locale=locale), language)
            for moment in (start, end)
        )
    return f"{text} ({format_zone(start, zone, language)})"


def format_deadline(deadline: date | datetime, zone: ZoneInfo, language: str) -> str:
    """A date as a date ("7 December 2026"); a date and time with its zone named."""
    if isinstance(deadline, datetime):
        return format_moment(deadline, zone, language)
    return format_long_date(deadline, language)
