"""schema.org Event records (JSON-LD) for the events page, so search engines can list the events
with their dates, place or online link, in the page's language.

Fictional sample events are left out: a search engine shows an event's name and date without the
page's "sample" label, and would present the example as a real event (the calendars name the
label in the title for the same reason). So is a registration deadline: nobody attends it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .events import Event
from .safe_html import script_json

SCHEMA = "https://schema.org/"
# Kinds of entry in data/events.yml that are dates to remember rather than events to attend.
NOT_ATTENDED = frozenset({"registration_deadline"})


def _location(event: Event, language: str, url: str) -> dict[str, Any]:
    if event.online:
        return {"@type": "VirtualLocation", "url": event.registration.url if event.registration else url}
    place = event.place[language] if event.place else ""
    return {"@type": "Place", "name": place, "address": place}


def event_record(event: Event, language: str, url: str) -> dict[str, Any]:
    """One event as schema.org describes it; ``url`` is its absolute address on the events page."""
    return {
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": event.title[language],
        "description": event.description[language],
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": f"{SCHEMA}EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}{'Online' if event.online else 'Offline'}EventAttendanceMode",
        "location": _location(event, language, url),
    }


def events_json_ld(events: Sequence[Event], language: str, event_url: Callable[[Event], str]) -> str:
    """The <script type="application/ld+json"> element of the real events one attends, or "" when
    there are none."""
    records = [event_record(event, language, event_url(event)) for event in events
               if not event.sample and event.kind not in NOT_ATTENDED]
    if not records:
        return ""
    document = {"@context": SCHEMA.rstrip("/"), "@graph": records}
    return f'<script type="application/ld+json">{script_json(document)}</script>'
