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
from icalendar import Timezone

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


@lru_cache(maxsize=64)
def _vtimezone(name: str, first: date, last: date) -> Timezone:
    """Computing a zone's transitions is slow; every calendar of the build shares the (unmodified) result."""
    return Timezone.from_tzinfo(ZoneInfo(name), name, first_date=first, last_date=last)


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
