"""HTML of the events page: upcoming and past events in the visitor's language, as strings.

Every value from data/events.yml is escaped here; links come from the hook (site-relative) and
``href`` makes them relative to the page. Registration links are http(s) only (the model checks).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from .dates import format_deadline, format_event_when
from .events import Event
from .safe_html import definition_item

UPCOMING_MARKER = "<!-- events: upcoming -->"
PAST_MARKER = "<!-- events: past -->"


@dataclass(frozen=True)
class EventPage:
    """What every event entry on one page needs: language, strings, links and the build's now."""

    language: str
    ui: Mapping[str, str]
    kind_labels: Mapping[str, str]
    now: datetime
    calendar_address: str  # its absolute https URL, the address a calendar app subscribes to
    event_calendar_url: Callable[[Event], str]  # site-relative URL of one event's .ics
    href: Callable[[str], str]


def event_anchor(event: Event) -> str:
    return f"event-{event.id}"


def _fact(term: str, detail: str) -> str:
    return definition_item(escape(term), detail)


def _registration(event: Event, page: EventPage) -> str:
    """The register link while registration is open; the deadline (and that it closed) otherwise."""
    registration = event.registration
    if registration is None:
        return ""
    deadline = event.deadline_moment()
    is_open = event.end > page.now and (deadline is None or deadline > page.now)
    parts = [f'<a href="{escape(registration.url)}">{escape(page.ui["events_register"])}</a>'] if is_open else []
    if registration.deadline is not None:
        when = escape(format_deadline(registration.deadline, event.zone, page.language))
        stamp = registration.deadline.isoformat()
        parts.append(f'{escape(page.ui["events_deadline"])}: <time datetime="{stamp}">{when}</time>')
    if not is_open:
        parts.append(escape(page.ui["events_registration_closed"]))
    return _fact(page.ui["events_registration"], " · ".join(parts))


def _machine_time(event: Event) -> str:
    """The <time> element's value: the day of an event of whole days, else its start."""
    return event.all_day[0].isoformat() if event.all_day is not None else event.start.isoformat()


def render_event(event: Event, page: EventPage) -> str:
    language, ui = page.language, page.ui
    when = escape(format_event_when(event.start, event.end, event.zone, language))
    where = escape(event.place[language] if event.place else ui["events_online"])
    facts = (
        _fact(ui["events_kind"], escape(page.kind_labels[event.kind]))
        + _fact(ui["events_when"], f'<time datetime="{_machine_time(event)}">{when}</time>')
        + _fact(ui["events_where"], where)
        + _registration(event, page)
    )
    ics = escape(page.href(page.event_calendar_url(event)))
    sample = f'<p class="gpp-event__sample">{escape(ui["events_sample_label"])}</p>' if event.sample else ""
    return (
        f'<article class="gpp-event" id="{escape(event_anchor(event))}">'
        f"<h3>{escape(event.title[language])}</h3>{sample}"
        f'<dl class="gpp-event__facts">{facts}</dl>'
        f"<p>{escape(event.description[language])}</p>"
        f'<p class="gpp-event__calendar"><a href="{ics}" type="text/calendar" download>'
        f'{escape(ui["events_add_to_calendar"])}</a></p>'
        "</article>"
    )


def render_event_list(events: Sequence[Event], page: EventPage, empty_key: str) -> str:
    if not events:
        return f'<p class="gpp-events-empty">{escape(page.ui[empty_key])}</p>'
    return '<div class="gpp-events">' + "".join(render_event(event, page) for event in events) + "</div>"


def render_subscribe(page: EventPage, with_samples: bool) -> str:
    """The calendar to subscribe to, and the notice on fictional events when the page lists any.

    An https link to a .ics file only downloads a copy: the webcal: link opens the calendar app's
    subscription, and the address is there to paste where an app subscribes "from URL"."""
    notice = f'<p class="gpp-notice">{escape(page.ui["events_sample_notice"])}</p>' if with_samples else ""
    webcal = "webcal:" + page.calendar_address.split(":", 1)[1]
    address = escape(page.calendar_address)
    return (
        f'<p class="gpp-subscribe"><a href="{escape(webcal)}">{escape(page.ui["events_subscribe"])}</a><br>'
        f'{escape(page.ui["events_calendar_address"])} <a href="{address}" type="text/calendar">{address}</a></p>'
        f'{notice}'
    )


def fill_event_markers(html: str, upcoming: Sequence[Event], past: Sequence[Event], page: EventPage) -> str:
    if UPCOMING_MARKER in html:
        with_samples = any(event.sample for event in (*upcoming, *past))
        html = html.replace(UPCOMING_MARKER, render_subscribe(page, with_samples)
                            + render_event_list(upcoming, page, "events_none_upcoming"))
    if PAST_MARKER in html:
        html = html.replace(PAST_MARKER, render_event_list(past, page, "events_none_past"))
    return html
