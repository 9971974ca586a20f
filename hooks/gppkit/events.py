"""Events (data/events.yml): a typed model, validated once, with every problem reported together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationInfo, create_model, field_validator,
)
from pydantic_core import PydanticCustomError

from .dates import all_day_span, end_of_day, parse_date_or_aware_datetime
from .languages import LANGUAGES
from .model_problems import Wording, validate
from .problems import DataError, Problem, describe
from .urls import WEB_SCHEMES, is_clean_link
from .vocabularies import EVENT_KINDS
from .yamlio import line_of, load_yaml_file

EVENT_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATETIME_FORM = "a date and time with a UTC offset such as 2018-09-11T09:00:00+03:00"


def _aware_datetime(value: object) -> object:
    try:
        parsed = parse_date_or_aware_datetime(value)
    except ValueError as error:
        reason = str(error).split("; expected", 1)[0]
        raise ValueError(f"expected {DATETIME_FORM}" if reason.startswith("expected") else f"{reason}; expected {DATETIME_FORM}") from None
    if not isinstance(parsed, dt.datetime):
        raise ValueError(f"a date without a time; expected {DATETIME_FORM}")
    return parsed


AwareDatetime = Annotated[dt.datetime, BeforeValidator(_aware_datetime)]
DateOrAwareDatetime = Annotated[dt.date | dt.datetime, BeforeValidator(parse_date_or_aware_datetime)]
# Spaces around a text are dropped; a text of spaces alone (" ") is refused: it showed an empty heading.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class TranslatedBase(BaseModel):
    """What every ``Translated`` has beside its fields."""

    model_config = ConfigDict(extra="forbid")

    def __getitem__(self, language: str) -> str:
        return str(getattr(self, language)).strip()


# One field per language of gppkit.languages, in its order. (Type checkers see the base class.)
if TYPE_CHECKING:
    Translated = TranslatedBase
else:
    Translated = create_model("Translated", __base__=TranslatedBase, __doc__="A text in each of the site's languages.",
                              **{language: (Text, ...) for language in LANGUAGES})


class Registration(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(description="The registration page: an http or https address.",
                     json_schema_extra={"pattern": "^\\s*https?://\\S+\\s*$"})
    deadline: DateOrAwareDatetime | None = Field(
        default=None, description="A date (the end of that day in the event's time zone) or a date and time with a UTC offset."
    )

    @field_validator("url")
    @classmethod
    def _http_url(cls, url: str) -> str:
        if not is_clean_link(url.strip(), WEB_SCHEMES):
            raise ValueError("expected an http or https address without spaces, such as https://register.example/webinar")
        return url.strip()


class Event(BaseModel):
    """One event. ``timezone`` is validated before ``start`` and ``end`` so their offsets can be checked."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=EVENT_ID_PATTERN, description="Unique and stable: the calendar UID is built from it.")
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    title: Translated
    description: Translated
    timezone: str = Field(description="IANA time zone of the place (or of the organiser for online events).")
    start: AwareDatetime = Field(description="ISO 8601 with the UTC offset valid in `timezone` on that date.")
    end: AwareDatetime = Field(description="After `start`; same form.")
    online: bool
    place: Translated | None = Field(default=None, validate_default=True, description="Omit for online events.")
    registration: Registration | None = None
    sample: bool = Field(default=False, description="True for a fictional example event: the page and the "
                         "calendars say so (a subscriber's calendar would otherwise show it as real).")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def all_day(self) -> tuple[dt.date, dt.date] | None:
        """(first, last day) when the event runs from midnight to 23:59 in its zone: shown and
        exported as whole days (a registration deadline, say)."""
        return all_day_span(self.start, self.end, self.zone)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("expected an IANA time zone such as Europe/Helsinki") from None
        return name

    @field_validator("start", "end")
    @classmethod
    def _offset_of_zone(cls, moment: dt.datetime, info: ValidationInfo) -> dt.datetime:
        name = info.data.get("timezone")
        if name:
            expected = moment.astimezone(ZoneInfo(name)).utcoffset()
            if moment.utcoffset() != expected:
                hours = expected.total_seconds() / 3600 if expected is not None else 0
                raise ValueError(f"an offset that is not {name}'s on that date; expected UTC{hours:+03.0f}:00 there")
        return moment

    @field_validator("end")
    @classmethod
    def _after_start(cls, end: dt.datetime, info: ValidationInfo) -> dt.datetime:
        start = info.data.get("start")
        if start is not None and end <= start:
            raise ValueError(f"an end not after the start ({start.isoformat()}); expected a later date and time")
        return end

    @field_validator("place")
    @classmethod
    def _place_unless_online(cls, place: Translated | None, info: ValidationInfo) -> Translated | None:
        if place is None and info.data.get("online") is False:
            raise ValueError("expected the place in every language for an event that is not online")
        if place is not None and info.data.get("online") is True:  # the page would show it as the place
            raise ValueError("a place for an event marked online: true; expected no place, or online: false")
        return place

    @field_validator("registration")
    @classmethod
    def _deadline_not_after_end(cls, registration: Registration | None, info: ValidationInfo) -> Registration | None:
        deadline, end, zone = registration and registration.deadline, info.data.get("end"), info.data.get("timezone")
        if deadline is None or end is None or zone is None:
            return registration
        late = deadline > end if isinstance(deadline, dt.datetime) else deadline > end.astimezone(ZoneInfo(zone)).date()
        if late:  # reported as the deadline received, not as the whole registration mapping
            raise PydanticCustomError("deadline_after_end", "a registration deadline before the event ends ({end})",
                                      {"received": deadline, "end": end.isoformat()})
        return registration

    def deadline_moment(self) -> dt.datetime | None:
        deadline = self.registration.deadline if self.registration else None
        if deadline is None or isinstance(deadline, dt.datetime):
            return deadline
        return end_of_day(deadline, self.zone)


class EventsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Events of the Baltic GPP network site (data/events.yml)")
    events: list[Event]


def _event_label(list_name: str, index: int, record: Mapping[str, Any]) -> str:
    """Events are named by their id, such as "event 'circpro-kick-off-2018'"."""
    return f"event {describe(record['id'])}" if "id" in record else f"event number {index + 1}"


_WORDING = Wording(
    hints={
        "id": "lowercase letters, digits and hyphens, such as circpro-kick-off-2018",
        "timezone": "an IANA time zone such as Europe/Helsinki",
        "online": "true or false",
        "sample": "true or false",
    },
    record_label=_event_label,
)


def _duplicate_ids(data: Any, file_label: str) -> list[Problem]:
    """Checked on the raw records, so a duplicate is reported together with every other problem."""
    records = data.get("events") if isinstance(data, dict) else None
    seen: dict[str, int] = {}
    problems = []
    for index, record in enumerate(records if isinstance(records, list) else []):
        event_id = record.get("id") if isinstance(record, dict) else None
        if not isinstance(event_id, str):
            continue
        line = line_of(data, ("events", index, "id")) or 0
        if event_id in seen:
            problems.append(Problem(file_label, line, f"event {describe(event_id)}", "id",
                                    f"an id already used on line {seen[event_id]}", "each id once (it is the calendar UID)"))
        seen.setdefault(event_id, line)
    return problems


def load_events(path: Path, file_label: str = "data/events.yml") -> list[Event]:
    """Every event, validated; DataError listing all problems of the file."""
    data = load_yaml_file(path, file_label)
    problems = _duplicate_ids(data, file_label)
    try:
        events = validate(EventsFile, data, file_label, _WORDING).events
    except DataError as error:
        problems = error.problems + problems
    if problems:
        raise DataError(problems)
    return events


def split_by_time(events: list[Event], now: dt.datetime) -> tuple[list[Event], list[Event]]:
    """Upcoming (not yet ended, soonest first) and past (most recent first) events at ``now``."""
    upcoming = sorted((event for event in events if event.end > now), key=lambda event: (event.start, event.id))
    past = sorted((event for event in events if event.end <= now), key=lambda event: (event.start, event.id), reverse=True)
    return upcoming, past
