"""iCalendar (RFC 5545) files of the events in one language, with icalendar: reproducible bytes.

UIDs are ``<event id>@<site host>`` so a subscriber's calendar updates an event instead of
duplicating it; DTSTAMP is the build clock (gppkit.clock), never the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as CalendarEvent
from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from .dates import format_deadline
from .events import Event


@dataclass(frozen=True)
class CalendarTexts:
    """Everything in the visitor's language that the calendar needs besides the events."""

    language: str
    name: str
    description: str
    online: str
    register: str
    deadline: str
    kind_labels: Mapping[str, str]
    sample_label: str  # before a fictional event's title ("Fictional example")
    sample_notice: str  # first in a fictional event's description


def _summary(event: Event, texts: CalendarTexts) -> str:
    title = event.title[texts.language]
    return f"{texts.sample_label}: {title}" if event.sample else title


def _description(event: Event, texts: CalendarTexts) -> str:
    lines = ([texts.sample_notice] if event.sample else []) + [event.description[texts.language]]
    if event.registration:
        lines.append(f"{texts.register}: {event.registration.url}")
        if event.registration.deadline is not None:
            lines.append(f"{texts.deadline}: {format_deadline(event.registration.deadline, event.zone, texts.language)}")
    return "\n\n".join(lines)


def calendar_event(event: Event, texts: CalendarTexts, host: str, stamp: datetime, url: str) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"{event.id}@{host}")
    entry.add("dtstamp", stamp.astimezone(timezone.utc))
    if event.all_day is not None:  # whole days (VALUE=DATE; DTEND is the day after): no 00:00-23:59 in another zone
        first, last = event.all_day
        entry.add("dtstart", first)
        entry.add("dtend", last + timedelta(days=1))
    else:
        entry.add("dtstart", event.start.astimezone(event.zone))
        entry.add("dtend", event.end.astimezone(event.zone))
    entry.add("summary", _summary(event, texts))
    entry.add("description", _description(event, texts))
    entry.add("location", event.place[texts.language] if event.place else texts.online)
    entry.add("categories", [texts.kind_labels[event.kind]])
    entry.add("url", url)
    return entry


@dataclass(frozen=True)
class Observance:
    """One STANDARD or DAYLIGHT sub-component of a VTIMEZONE."""

    offset_from: timedelta
    offset_to: timedelta
    name: str
    is_standard: bool


def observance_onsets(zone: ZoneInfo, first: date, last: date) -> dict[Observance, list[datetime]]:
    """Each observance of ``zone`` from ``first`` to ``last`` (midnights, local time) with its onsets.

    An onset is the local time of the change in the offset *before* it, as RFC 5545 (3.6.5) wants
    DTSTART and RDATE: its example's DAYLIGHT starts at 02:00 with TZOFFSETFROM -0500. icalendar's
    ``Timezone.from_tzinfo`` writes spring changes in the offset after (Helsinki 04:00 instead of
    03:00), which puts them an hour late for a calendar reading the VTIMEZONE. The first observance
    starts at ``first``, from its own offset. Changes are searched day by day, then to the second:
    the zones of this site change at most once a day.
    """
    def offset(second: int) -> timedelta:
        return datetime.fromtimestamp(second, zone).utcoffset() or timedelta()

    start = datetime(first.year, first.month, first.day, tzinfo=zone)
    onsets = {Observance(start.utcoffset(), start.utcoffset(), start.tzname() or "", not start.dst()):
              [start.replace(tzinfo=None)]}
    second, end, day = int(start.timestamp()), int(datetime(last.year, last.month, last.day, tzinfo=zone).timestamp()), 86_400
    while second < end:
        before, next_day = offset(second), min(second + day, end)
        if offset(next_day) != before:
            low, high = second, next_day  # offset(low) == before != offset(high)
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if offset(middle) == before else (low, middle)
            after = datetime.fromtimestamp(high, zone)
            observance = Observance(before, after.utcoffset(), after.tzname() or "", not after.dst())
            onset = datetime.fromtimestamp(high, timezone.utc).replace(tzinfo=None) + before
            onsets.setdefault(observance, []).append(onset)
        second = next_day
    return onsets


@lru_cache(maxsize=64)
def _vtimezone(name: str, first: date, last: date) -> Timezone:
    """Computing a zone's changes takes a while; every calendar of the build shares the (unmodified) result."""
    zone = Timezone()
    zone.add("TZID", name)
    for observance, onsets in observance_onsets(ZoneInfo(name), first, last).items():
        part = TimezoneStandard() if observance.is_standard else TimezoneDaylight()
        part.add("TZNAME", observance.name)
        part.add("TZOFFSETFROM", observance.offset_from)
        part.add("TZOFFSETTO", observance.offset_to)
        part.add("DTSTART", onsets[0])
        if onsets[1:]:
            part.add("RDATE", onsets[1:])
        zone.add_component(part)
    return zone


def build_calendar(events: Sequence[Event], texts: CalendarTexts, host: str, stamp: datetime,
                   event_url: Callable[[Event], str]) -> bytes:
    """A VCALENDAR with one VEVENT per event (in the given order) and the VTIMEZONEs they use."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{host}//Baltic GPP network events//{texts.language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", texts.name)
    calendar.add("x-wr-calname", texts.name)
    calendar.add("x-wr-caldesc", texts.description)
    if events:
        # Sorted, and only the transitions of the years the events span: same bytes every build, small files.
        timed = [event for event in events if event.all_day is None]  # whole days need no zone
        years = [moment.year for event in timed for moment in (event.start, event.end)]
        for name in sorted({event.timezone for event in timed}):
            calendar.add_component(_vtimezone(name, date(min(years) - 1, 1, 1), date(max(years) + 1, 12, 31)))
    for event in events:
        calendar.add_component(calendar_event(event, texts, host, stamp, event_url(event)))
    return calendar.to_ical()
