"""Events: the model's checks, the JSON Schema, the events page in every language, and the calendars."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo
from pathlib import Path

import json

import pytest
import yaml
from icalendar import Calendar

from conftest import LANGUAGES, PROJECT_ROOT, assert_clean_failure, copy_site, language_dir, run_build, soup
from gppkit.calendars import observance_onsets
from gppkit.events import load_events, split_by_time
from gppkit.events_json_ld import events_json_ld
from gppkit.safe_html import script_json
from gppkit.problems import DataError
from news_events_helpers import BUILD_NOW, SITE_URL, built_file, labels, language_url, source_events

HOST = SITE_URL.split("/")[2]
EVENTS_UI = yaml.safe_load((PROJECT_ROOT / "data" / "ui" / "events.yml").read_text(encoding="utf-8"))
ONLINE = EVENTS_UI["events_online"]
KIND_LABELS = labels("event_kinds")
EVENTS = source_events()
UPCOMING = sorted((e for e in EVENTS if e["end"] > BUILD_NOW), key=lambda e: e["start"])
PAST = sorted((e for e in EVENTS if e["end"] <= BUILD_NOW), key=lambda e: e["start"], reverse=True)

GOOD_EVENT = """\
events:
  - id: sample-webinar
    kind: webinar
    title: {en: Webinar, bg: Уебинар, lv: Vebinārs, fi: Webinaari, pl: Webinarium}
    description: {en: About it., bg: За него., lv: Par to., fi: Siitä., pl: O nim.}
    start: 2026-12-09T10:00:00+02:00
    end: 2026-12-09T11:30:00+02:00
    timezone: Europe/Riga
    online: true
    registration:
      url: https://register.example/webinar
      deadline: 2026-12-07
"""


def load_text(tmp_path: Path, text: str):
    path = tmp_path / "events.yml"
    path.write_text(text, encoding="utf-8")
    return load_events(path)


def report_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(DataError) as error:
        load_text(tmp_path, text)
    return error.value.report()


def test_the_real_events_file_is_valid():
    assert [event.id for event in load_events(PROJECT_ROOT / "data" / "events.yml")] == [e["id"] for e in EVENTS]


def test_the_sample_event_is_valid(tmp_path: Path):
    (event,) = load_text(tmp_path, GOOD_EVENT)
    assert event.deadline_moment() == datetime(2026, 12, 8, tzinfo=event.zone) - timedelta(microseconds=1)
    assert not event.sample
    # Registration may close on the event's own day.
    (same_day,) = load_text(tmp_path, GOOD_EVENT.replace("deadline: 2026-12-07", "deadline: 2026-12-09"))
    assert same_day.registration.deadline.isoformat() == "2026-12-09"


BAD_EVENTS = {
    "unknown kind": (("kind: webinar", "kind: party"), ["data/events.yml:3", "event 'sample-webinar'", "field 'kind'", "'round_table'"]),
    "id with capitals": (("id: sample-webinar", "id: Sample_Webinar"), ["field 'id'", "lowercase letters, digits and hyphens"]),
    "missing language": ((", pl: Webinarium}", "}"), ["data/events.yml:4", "field 'title.pl'", "received nothing"]),
    "unknown field": (("online: true", "online: true\n    colour: red"), ["field 'colour'", "only the documented fields"]),
    "a title of spaces": ((", pl: Webinarium}", ', pl: " "}'), ["data/events.yml:4", "field 'title.pl'", "a non-empty text"]),
    "offset of another zone": (("start: 2026-12-09T10:00:00+02:00", "start: 2026-12-09T10:00:00+03:00"),
                               ["data/events.yml:6", "field 'start'", "not Europe/Riga's on that date", "expected UTC+02:00"]),
    "end before start": (("end: 2026-12-09T11:30:00+02:00", "end: 2026-12-09T09:30:00+02:00"),
                         ["data/events.yml:7", "field 'end'", "not after the start"]),
    "naive start": (("start: 2026-12-09T10:00:00+02:00", "start: 2026-12-09T10:00:00"), ["field 'start'", "without a UTC offset"]),
    "date as start": (("start: 2026-12-09T10:00:00+02:00", "start: 2026-12-09"), ["field 'start'", "a date without a time"]),
    "unknown zone": (("timezone: Europe/Riga", "timezone: Europe/Atlantis"), ["field 'timezone'", "an IANA time zone"]),
    "javascript url": (("url: https://register.example/webinar", "url: javascript:alert(1)"),
                       ["data/events.yml:11", "field 'registration.url'", "an http or https address"]),
    "mailto url": (("url: https://register.example/webinar", "url: mailto:a@b.example"), ["field 'registration.url'"]),
    "space in url": (("url: https://register.example/webinar", "url: https://register.example/market dialogue"),
                     ["data/events.yml:11", "field 'registration.url'", "an http or https address without spaces"]),
    "naive deadline": (("deadline: 2026-12-07", "deadline: 2026-12-07T12:00:00"), ["field 'registration.deadline'", "without a UTC offset"]),
    "impossible deadline": (("deadline: 2026-12-07", "deadline: 2026-02-30"), ["data/events.yml:12", "received '2026-02-30'"]),
    "in person without place": (("online: true", "online: false"), ["field 'place'", "the place in every language"]),
    "online not boolean": (("online: true", "online: sometimes"), ["field 'online'", "true or false"]),
    "sample not boolean": (("online: true", "online: true\n    sample: perhaps"), ["data/events.yml:10", "field 'sample'", "true or false"]),
    "online with a place": (("online: true", "online: true\n    place: {en: Riga, bg: Рига, lv: Rīga, fi: Riika, pl: Ryga}"),
                            ["data/events.yml:10", "field 'place'", "a place for an event marked online: true"]),
    "deadline after the event": (("deadline: 2026-12-07", "deadline: 2026-12-20"),
                                 ["data/events.yml:10", "field 'registration': received 2026-12-20; "
                                  "expected a registration deadline before the event ends (2026-12-09T11:30:00+02:00)"]),
    "deadline time after the end": (("deadline: 2026-12-07", "deadline: 2026-12-09T12:00:00+02:00"),
                                    ["field 'registration': received 2026-12-09T12:00:00+02:00; expected a registration deadline before"]),
}


@pytest.mark.parametrize("case", sorted(BAD_EVENTS))
def test_bad_events_are_reported_with_line_record_field_and_expected_form(tmp_path: Path, case: str):
    (old, new), fragments = BAD_EVENTS[case]
    assert old in GOOD_EVENT
    report = report_of(tmp_path, GOOD_EVENT.replace(old, new, 1))
    for fragment in fragments:
        assert fragment in report, report


def test_every_problem_of_the_file_is_reported_at_once(tmp_path: Path):
    second = GOOD_EVENT.split("\n", 1)[1].replace("kind: webinar", "kind: party")
    text = GOOD_EVENT.replace("timezone: Europe/Riga", "timezone: Mars/Olympus") + second
    report = report_of(tmp_path, text)
    assert report.startswith("3 problems")
    assert "field 'timezone'" in report and "field 'kind'" in report
    assert "data/events.yml:13: event 'sample-webinar': field 'id': received an id already used on line 2" in report


def test_upcoming_means_not_yet_ended_at_build_time(tmp_path: Path):
    (event,) = load_text(tmp_path, GOOD_EVENT)
    during = event.start + timedelta(minutes=30)
    assert split_by_time([event], during) == ([event], [])
    assert split_by_time([event], event.end) == ([], [event])


def test_a_broken_events_file_fails_the_build_clearly(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    events = root / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace("timezone: Europe/Sofia", "timezone: Sofia"), encoding="utf-8")
    assert_clean_failure(run_build(root), "data/events.yml:", "event 'bg-council-round-table-2027-01'", "field 'timezone'",
                         "received 'Sofia'", "expected an IANA time zone")



def test_mistakes_in_events_suppliers_and_a_post_are_reported_by_one_build(tmp_path: Path):
    # Each file used to be read by the hook that needs it: a build stopped at the first file with a
    # mistake, and only the next build told the editor about the next file.
    root = copy_site(tmp_path / "src")
    for path, old, new in [("data/events.yml", "kind: webinar", "kind: webinnar"),
                           ("data/suppliers.yml", "country: PL", "country: XX"),
                           ("docs/pl/news/2018-09-28-circpro-kick-off.md", "date: 2018-09-28", "date: 2018-09-31")]:
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    output = assert_clean_failure(run_build(root), "3 problems in the site's data:", "data/suppliers.yml:",
                                  "field 'country': received 'XX'", "data/events.yml:", "field 'kind': received 'webinnar'",
                                  "docs/pl/news/2018-09-28-circpro-kick-off.md")
    assert output.count("problems in the site's data") == 1

# --- The built events pages and calendars ---------------------------------------------------------------

def calendar_summary(event: dict, language: str) -> str:
    """A fictional example's title in calendars starts with its label: a subscriber sees it at a glance."""
    title = event["title"][language]
    return f"{EVENTS_UI['events_sample_label'][language]}: {title}" if event.get("sample") else title


def events_page(site: Path, language: str) -> Path:
    return language_dir(site, language) / "events" / "index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_events_page_lists_upcoming_then_past_events_in_the_language(built_site: Path, language: str):
    page = events_page(built_site, language)
    lists = soup(page).select("article div.gpp-events")
    assert len(lists) == 2
    upcoming, past = ([a["id"].removeprefix("event-") for a in block.select("article.gpp-event")] for block in lists)
    assert upcoming == [e["id"] for e in UPCOMING] and past == [e["id"] for e in PAST]
    for entry in soup(page).select("article.gpp-event"):
        event = next(e for e in EVENTS if f"event-{e['id']}" == entry["id"])
        text = entry.get_text(" ", strip=True)
        assert entry.find("h3").get_text(strip=True) == event["title"][language]
        assert KIND_LABELS[event["kind"]][language] in text
        assert (event["place"][language] if "place" in event else "") in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_fictional_examples_are_marked_as_such_on_the_page(built_site: Path, language: str):
    page = soup(events_page(built_site, language))
    assert {e["id"] for e in EVENTS if e.get("sample")} and {e["id"] for e in EVENTS if not e.get("sample")}
    for entry in page.select("article.gpp-event"):
        event = next(e for e in EVENTS if f"event-{e['id']}" == entry["id"])
        marks = [mark.get_text() for mark in entry.select(".gpp-event__sample")]
        assert marks == ([EVENTS_UI["events_sample_label"][language]] if event.get("sample") else []), event["id"]
    assert page.select_one("article .gpp-notice").get_text() == EVENTS_UI["events_sample_notice"][language]


def test_without_fictional_examples_the_page_has_no_notice_about_them(tmp_path: Path):
    root = copy_site(tmp_path)
    events_file = root / "data" / "events.yml"
    events_file.write_text(events_file.read_text(encoding="utf-8").replace("    sample: true\n", ""), encoding="utf-8")
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    for language in LANGUAGES:
        page = soup(events_page(root / "site", language))
        assert page.select("article.gpp-event") and not page.select(".gpp-event__sample, article .gpp-notice")
        calendar = Calendar.from_ical((language_dir(root / "site", language) / "events.ics").read_bytes())
        assert {str(v["SUMMARY"]) for v in calendar.walk("VEVENT")} == {e["title"][language] for e in EVENTS}
        assert [record["@id"].split("#event-")[1] for record in json_ld_events(root / "site", language)] == \
            [e["id"] for e in (*UPCOMING, *PAST) if e["kind"] != "registration_deadline"]


def json_ld_events(site: Path, language: str) -> list[dict]:
    (script,) = soup(events_page(site, language)).select('script[type="application/ld+json"]')
    document = json.loads(script.string)
    assert document["@context"] == "https://schema.org"
    return document["@graph"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_engines_get_the_real_events_to_attend_in_the_language(built_site: Path, language: str):
    expected = [e for e in (*UPCOMING, *PAST) if not e.get("sample") and e["kind"] != "registration_deadline"]
    assert expected and len(expected) < len(EVENTS)  # the page also lists samples and a deadline
    records = json_ld_events(built_site, language)
    assert [record["@id"] for record in records] == [language_url(language, f"events/#event-{e['id']}") for e in expected]
    for record, event in zip(records, expected):
        assert (record["@type"], record["url"], record["name"], record["description"]) == (
            "Event", record["@id"], event["title"][language], event["description"][language])
        assert (record["startDate"], record["endDate"]) == (event["start"].isoformat(), event["end"].isoformat())
        assert record["eventAttendanceMode"] == (
            "https://schema.org/OnlineEventAttendanceMode" if event["online"] else "https://schema.org/OfflineEventAttendanceMode")
        if event["online"]:
            assert record["location"] == {"@type": "VirtualLocation", "url": event["registration"]["url"]}
        else:
            assert record["location"] == {"@type": "Place", "name": event["place"][language], "address": event["place"][language]}


def test_event_json_cannot_close_its_script_element(tmp_path: Path):
    value = {"name": "</script><script>alert(1)</script> <!-- & -->"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value
    (event,) = load_text(tmp_path, GOOD_EVENT.replace("en: Webinar", 'en: "</script><b>x</b>"'))
    element = events_json_ld([event], "en", lambda e: "https://example.org/events/#x")
    assert element.count("</script>") == 1 and element.endswith("</script>")
    assert json.loads(element.removeprefix('<script type="application/ld+json">').removesuffix("</script>"))[
        "@graph"][0]["name"] == "</script><b>x</b>"
    assert events_json_ld([event.model_copy(update={"sample": True})], "en", lambda e: "") == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_reads_each_events_facts_as_separate_words(built_site: Path, language: str):
    # Pagefind ran "Where" and the place together into one word ("WhereKouvola"): unfindable.
    from test_catalogue_build import search_records  # noqa: PLC0415 - shares the fragment reader

    root = "/" if language == "en" else f"/{language}/"
    words = search_records(built_site)[f"{root}events/"].split()
    labels_ui = yaml.safe_load((PROJECT_ROOT / "data" / "ui" / "events.yml").read_text(encoding="utf-8"))
    for event in EVENTS:
        if "place" in event:
            first_word = event["place"][language].split()[0]
            assert first_word in words or first_word.rstrip(",") in words, (first_word, event["id"])
    assert labels_ui["events_where"][language] in words


@pytest.mark.parametrize("language", LANGUAGES)
def test_registration_links_are_shown_only_while_registration_is_open(built_site: Path, language: str):
    for entry in soup(events_page(built_site, language)).select("article.gpp-event"):
        event = next(e for e in EVENTS if f"event-{e['id']}" == entry["id"])
        links = [a["href"] for a in entry.select("dd a")]
        registration = event.get("registration")
        assert links == ([registration["url"]] if registration and event in UPCOMING else []), event["id"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_event_has_an_add_to_calendar_file_in_the_language(built_site: Path, language: str):
    page = events_page(built_site, language)
    for entry in soup(page).select("article.gpp-event"):
        link = entry.select_one(".gpp-event__calendar a")
        target = built_file(built_site, link["href"], page)
        (vevent,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
        event = next(e for e in EVENTS if f"event-{e['id']}" == entry["id"])
        assert str(vevent["UID"]) == f"{event['id']}@{HOST}"
        assert str(vevent["SUMMARY"]) == calendar_summary(event, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_events_page_links_to_its_languages_calendar(built_site: Path, language: str):
    # An https link to a .ics file only downloads a copy: webcal: subscribes, and the address is
    # shown for apps that subscribe "from URL".
    links = soup(events_page(built_site, language)).select("article .gpp-subscribe a")
    address = language_url(language, "events.ics")
    assert [(link["href"], link.get_text()) for link in links] == [
        ("webcal:" + address.split(":", 1)[1], EVENTS_UI["events_subscribe"][language]), (address, address)]
    assert address.startswith("https://") and links[1]["type"] == "text/calendar"
    assert (language_dir(built_site, language) / "events.ics").is_file()


def whole_days(event: dict) -> tuple[date, date] | None:
    """The days of an event written from 00:00 to 23:59 in its zone (a registration deadline)."""
    zone = ZoneInfo(event["timezone"])
    start, end = event["start"].astimezone(zone), event["end"].astimezone(zone)
    return (start.date(), end.date()) if start.time() == time(0) and end.time() >= time(23, 59) else None


def is_onset_in_offset_before(zone: ZoneInfo, onset: datetime, offset_from: timedelta, offset_to: timedelta) -> bool:
    """RFC 5545, 3.6.5: a change's DTSTART (and RDATEs) is its local time in TZOFFSETFROM: the zone has
    that offset a second before and TZOFFSETTO at that moment."""
    moment = (onset - offset_from).replace(tzinfo=ZoneInfo("UTC"))
    before, at = (moment - timedelta(seconds=1)).astimezone(zone), moment.astimezone(zone)
    return (before.utcoffset(), at.utcoffset()) == (offset_from, offset_to)


def is_change_in_offset_before(zone: ZoneInfo, change) -> bool:
    """The same for every onset of a written STANDARD or DAYLIGHT part."""
    offset_from, offset_to = change.decoded("TZOFFSETFROM"), change.decoded("TZOFFSETTO")
    rdates = change.get("RDATE", [])  # one property or a list of them
    onsets = [change.decoded("DTSTART")] + [when.dt for dates in (rdates if isinstance(rdates, list) else [rdates])
                                            for when in dates.dts]
    return all(is_onset_in_offset_before(zone, onset, offset_from, offset_to) for onset in onsets)


@pytest.mark.parametrize("zone", ["Europe/Helsinki", "Europe/Riga", "Europe/Sofia", "Europe/Warsaw",
                                  "America/New_York", "Australia/Lord_Howe", "America/Santiago"])
def test_time_zone_changes_are_written_in_the_local_time_before_them(zone: str):
    onsets = observance_onsets(ZoneInfo(zone), date(2025, 1, 1), date(2028, 12, 31))
    (first, [start]), *changes = onsets.items()
    assert start == datetime(2025, 1, 1) and first.offset_from == first.offset_to
    assert sum(len(times) for _, times in changes) == 8  # two changes a year
    for observance, times in changes:
        for onset in times:
            assert is_onset_in_offset_before(ZoneInfo(zone), onset, observance.offset_from, observance.offset_to), onset


def test_summer_time_begins_at_3_in_finland_and_2_in_poland_as_their_clocks_read_before_it():
    # icalendar's Timezone.from_tzinfo wrote 04:00 and 03:00, the clocks after the change: an hour late.
    spring = {zone: [times[0] for observance, times in observance_onsets(ZoneInfo(zone), date(2027, 1, 1),
                                                                          date(2027, 12, 31)).items()
                     if not observance.is_standard]
              for zone in ("Europe/Helsinki", "Europe/Warsaw")}
    assert spring == {"Europe/Helsinki": [datetime(2027, 3, 28, 3)], "Europe/Warsaw": [datetime(2027, 3, 28, 2)]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_calendar_has_every_event_with_stable_uid_time_zone_and_texts_in_the_language(built_site: Path, language: str):
    calendar = Calendar.from_ical((language_dir(built_site, language) / "events.ics").read_bytes())
    vevents = {str(vevent["UID"]): vevent for vevent in calendar.walk("VEVENT")}
    assert set(vevents) == {f"{e['id']}@{HOST}" for e in EVENTS}
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    assert zones == {e["timezone"] for e in EVENTS if whole_days(e) is None}
    for vtimezone in calendar.walk("VTIMEZONE"):
        changes = vtimezone.walk("DAYLIGHT") + vtimezone.walk("STANDARD")[1:]  # the first: the zone at the start
        assert changes and all(is_change_in_offset_before(ZoneInfo(str(vtimezone["TZID"])), change) for change in changes)
    for event in EVENTS:
        vevent = vevents[f"{event['id']}@{HOST}"]
        if whole_days(event) is not None:  # a day in every zone, not 00:00-23:59 in the event's
            first, last = whole_days(event)
            assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (first, last + timedelta(days=1))
        else:
            assert vevent["DTSTART"].params["TZID"] == event["timezone"]
            assert vevent.decoded("DTSTART") == event["start"] and vevent.decoded("DTEND") == event["end"]
        assert vevent.decoded("DTSTAMP") == BUILD_NOW
        assert str(vevent["SUMMARY"]) == calendar_summary(event, language)
        notice = [EVENTS_UI["events_sample_notice"][language]] if event.get("sample") else []
        first_paragraphs = str(vevent["DESCRIPTION"]).split("\n\n")[:len(notice) + 1]
        assert first_paragraphs == [*notice, " ".join(event["description"][language].split())]
        assert str(vevent["LOCATION"]) == (event["place"] if "place" in event else ONLINE)[language]
        assert str(vevent["URL"]) == language_url(language, f"events/#event-{event['id']}")
