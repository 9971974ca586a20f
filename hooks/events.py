"""Events: the events page's upcoming and past lists (with schema.org records of the real ones for
search engines), a calendar per language, one .ics per event.

"Upcoming" is decided at build time (gppkit.clock: SOURCE_DATE_EPOCH or the clock), so the site
needs a nightly rebuild for events to move to "Past events".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from gpp_data import editors_errors, events, site_labels
from gpp_generated import add_generated_asset, current_root
from gpp_mkdocs import current_language
from gppkit.calendars import CalendarTexts, build_calendar
from gppkit.clock import build_now
from gppkit.events import Event, split_by_time
from gppkit.events_html import EventPage, event_anchor, fill_event_markers
from gppkit.events_json_ld import events_json_ld
from gppkit.urls import absolute_url

_state: dict = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _state.clear()
    _state["events"] = events(config)
    with editors_errors():
        _state["now"] = build_now()


def _events() -> list[Event]:
    return _state["events"]


def _now() -> datetime:
    return _state["now"]


def _event_calendar_file(event: Event) -> str:
    """The "add to calendar" file, under the language's root (next to the events page)."""
    return f"events/{event.id}.ics"


def _event_urls(page_url: str) -> Callable[[Event], str]:
    """An event's absolute address: its entry on the events page at ``page_url`` (calendars and
    search engines link there)."""
    return lambda event: f"{page_url}#{event_anchor(event)}"


def _calendar_texts(config: MkDocsConfig) -> CalendarTexts:
    language, ui = current_language(config), config.extra["ui"]
    return CalendarTexts(
        language=language,
        name=f"{config.site_name} – {ui['events_calendar_name']}",
        description=ui["events_calendar_description"],
        online=ui["events_online"],
        register=ui["events_register"],
        deadline=ui["events_deadline"],
        kind_labels=site_labels(config).section_labels("event_kinds", language),
        sample_label=ui["events_sample_label"],
        sample_notice=ui["events_sample_notice"],
    )


# After static-i18n's on_files (-100), which would drop files it did not find in docs/.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    texts, host = _calendar_texts(config), urlsplit(config.site_url).hostname or "localhost"
    events_page = files.get_file_from_path("events.md")
    event_url = _event_urls(absolute_url(config.site_url, events_page.url if events_page else f"{current_root(config)}events/"))
    upcoming, past = split_by_time(_events(), _now())
    add_generated_asset(files, config, "events.ics", build_calendar([*upcoming, *past], texts, host, _now(), event_url))
    for event in _events():
        calendar = build_calendar([event], texts, host, _now(), event_url)
        add_generated_asset(files, config, _event_calendar_file(event), calendar)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!-- events: " not in html:
        return html
    texts = _calendar_texts(config)
    event_page = EventPage(
        language=texts.language,
        ui=config.extra["ui"],
        kind_labels=texts.kind_labels,
        now=_now(),
        calendar_address=absolute_url(config.site_url, f"{current_root(config)}events.ics"),
        event_calendar_url=lambda event: current_root(config) + _event_calendar_file(event),
        href=lambda url: get_relative_url(url, page.file.url),
    )
    upcoming, past = split_by_time(_events(), _now())
    json_ld = events_json_ld([*upcoming, *past], texts.language, _event_urls(absolute_url(config.site_url, page.file.url)))
    return fill_event_markers(html, upcoming, past, event_page) + json_ld
