"""Turn a pydantic ValidationError into editors' Problems: file, line, record, field, received, expected.

Every file editors write (data/*.yml, the front matter of news posts) is validated by a typed model;
each of its errors becomes one Problem with the line (gppkit.yamlio.line_of), the record, such as
``suppliers[12] (id: pl-eko-druk)``, and the field. Custom errors (PydanticCustomError) carry the
expected form as their message, and a ``field``/``received`` in their context points a record-level
error at a field; plain validators raise ValueError("<what is wrong>; expected <form>").
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core.core_schema import ErrorType

from .languages import LANGUAGE_NAMES_EN
from .problems import DataError, Problem, describe
from .yamlio import line_of, typed_text_of

Model = TypeVar("Model", bound=BaseModel)
Location = tuple[Any, ...]
# (the list's name, such as "suppliers"; the record's index; the record as loaded) → its name in messages
RecordLabel = Callable[[str, int, Mapping[str, Any]], str]

# pydantic's own error types; any other type is ours (PydanticCustomError), its message the expected form.
_PYDANTIC_ERROR_TYPES = frozenset(typing.get_args(ErrorType))
# Keys that identify a record in messages, in order of preference.
_RECORD_KEYS = ("id", "country", "organisation")

# pydantic's error types, rephrased as "expected ..." for editors.
_EXPECTED_BY_TYPE = {
    "string_type": "a text (put it in quotes if YAML reads it as a number, date or yes/no)",
    "string_too_short": "a non-empty text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list such as [a, b]",
    "model_type": "a mapping of 'key: value' lines",
    "dict_type": "a mapping of 'key: value' lines",
}


def indexed_record_label(list_name: str, index: int, record: Mapping[str, Any]) -> str:
    """``suppliers[12] (id: pl-eko-druk)``: the record's place in its list and its first identifying key."""
    key = next((key for key in _RECORD_KEYS if isinstance(record.get(key), str)), None)
    return f"{list_name}[{index}] ({key}: {record[key]})" if key else f"{list_name}[{index}]"


def expected_field(location: Location) -> str:
    """What a missing field should have been: a text in a language, or simply the field."""
    leaf = location[-1] if location else None
    if leaf in LANGUAGE_NAMES_EN:
        return f"a text in {LANGUAGE_NAMES_EN[leaf]}"
    return f"the required field '{leaf}'"


@dataclass(frozen=True)
class Wording:
    """How the messages about one kind of file name its records and describe what is expected."""

    hints: Mapping[str, str] = field(default_factory=dict)  # field name → expected form (beats pydantic's)
    record_label: RecordLabel = indexed_record_label
    missing: Callable[[Location], str] = expected_field  # location of a missing field → what was expected


@dataclass(frozen=True)
class _Source:
    label: str
    data: Any
    model: type[BaseModel]
    wording: Wording


def validate(model: type[Model], data: Any, file_label: str, wording: Wording = Wording(),
             context: dict[str, Any] | None = None) -> Model:
    """``data`` (as loaded by gppkit.yamlio) as an instance of ``model``; DataError with every problem."""
    try:
        return model.model_validate(data, context={} if context is None else context)
    except ValidationError as error:
        raise DataError(problems_from_validation_error(error, model, data, file_label, wording)) from None


def problems_from_validation_error(error: ValidationError, model: type[BaseModel], data: Any, file_label: str,
                                   wording: Wording = Wording()) -> list[Problem]:
    """One Problem per pydantic error of validating ``data`` with ``model``."""
    source = _Source(file_label, data, model, wording)
    return [_problem(item, source) for item in error.errors(include_url=False)]


def _problem(item: Mapping[str, Any], source: _Source) -> Problem:
    ctx = item.get("ctx") or {}
    # Union members appear in locations as names such as "function-after[...]": not the editor's keys.
    location = tuple(step for step in item["loc"] if not (isinstance(step, str) and "[" in step))
    location = (*location, ctx["field"]) if "field" in ctx else location
    record, field_name = record_and_field(source.data, location, source.wording.record_label)
    return Problem(
        file=source.label,
        line=line_of(source.data, location),
        record=record,
        field=field_name,
        received=_received(item, location, source.data),
        expected=_expected(item, location, field_name or "", source),
    )


def _child(node: Any, step: Any) -> Any:
    try:
        return node[step]
    except (KeyError, IndexError, TypeError):
        return None


def record_and_field(data: Any, location: Location,
                     record_label: RecordLabel = indexed_record_label) -> tuple[str | None, str | None]:
    """``("suppliers", 12, "country")`` → ``("suppliers[12] (id: pl-eko-druk)", "country")``."""
    records: list[str] = []
    keys: list[str] = []
    node = data
    for step in location:
        node = _child(node, step)
        if isinstance(step, int) and isinstance(node, Mapping):  # a record in a list of records
            records.append(record_label(".".join(keys), step, node))
            keys = []
        elif isinstance(step, int) and keys:  # an item of a list of codes
            keys[-1] += f"[{step}]"
        else:
            keys.append(str(step))
    return (" ".join(records) or None), (".".join(keys) or None)


def _unwrap(annotation: Any) -> Any:
    """The model or list type behind Optional[...] and Annotated[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def allowed_fields(model: type[BaseModel], location: Location) -> list[str]:
    """The keys the model accepts at ``location`` (the mapping that holds an unknown key)."""
    current: Any = model
    for step in location:
        current = _unwrap(current)
        if isinstance(step, int):
            current = (typing.get_args(current) or (None,))[0]  # the item type of a list
            continue
        if not _is_model(current):
            return []
        fields = current.model_fields
        info = fields.get(step) or next((f for f in fields.values() if f.alias == step), None)
        if info is None:
            return []
        current = info.annotation
    current = _unwrap(current)
    return [info.alias or name for name, info in current.model_fields.items()] if _is_model(current) else []


def _first_line_with(data: Any, location: Location, value: Any) -> int | None:
    """Line of the first record in the list holding ``location`` whose same field equals ``value``."""
    items, key = data, location[-1]
    for step in location[:-2]:
        items = _child(items, step)
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, Mapping) and item.get(key) == value:
            return line_of(data, (*location[:-2], index, key))
    return None


def _unknown_field(model: type[BaseModel], location: Location) -> str:
    allowed = allowed_fields(model, location[:-1])
    if not allowed:
        return "only the documented fields (check the spelling)"
    return f"only the fields {', '.join(allowed)} (check the spelling: only the documented fields are allowed)"


def _expected(error: Mapping[str, Any], location: Location, field_name: str, source: _Source) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind not in _PYDANTIC_ERROR_TYPES:
        return str(error["msg"])
    if kind == "value_error":  # our validators: "<what is wrong>; expected <form>"
        message = str(error["msg"]).removeprefix("Value error, ")
        return message.split("expected ", 1)[1] if "expected " in message else message
    if kind == "literal_error":
        return f"one of {ctx['expected']}"
    if kind == "extra_forbidden":
        return _unknown_field(source.model, location)
    hint = source.wording.hints.get(field_name.rsplit(".", 1)[-1])
    if hint:
        return hint
    if kind == "missing":
        return source.wording.missing(location)
    if kind in ("too_short", "too_long"):
        bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        return f"{'at least' if kind == 'too_short' else 'at most'} {bound} item{'s' if bound != 1 else ''}"
    return _EXPECTED_BY_TYPE.get(kind, str(error["msg"]))


def _shown(value: Any) -> str:
    return value.isoformat() if isinstance(value, (date, datetime)) else describe(value)


def _received(error: Mapping[str, Any], location: Location, data: Any) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "missing":
        return "nothing"
    if kind == "extra_forbidden":
        return f"the unknown field {describe(location[-1])}"
    received = ctx["received"] if "received" in ctx else error["input"]
    if received is None:  # a key without a value
        return "nothing"
    if kind == "duplicate":
        first = _first_line_with(data, location, ctx.get("value"))
        return describe(received) + (f", already used on line {first}" if first else "")
    # What the editor typed, where YAML made it something else: "00100" became 64, "10:30" 630.
    typed = typed_text_of(data, location) if "received" not in ctx else None
    if isinstance(received, bool):  # YAML reads unquoted yes/no/on/off (and NO, Norway's code) as booleans
        return f"{typed or received} (YAML reads an unquoted yes, no, on or off as true or false: put the value in quotes)"
    shown = _shown(received)
    if typed is not None and not isinstance(received, str):  # an impossible date stays the text written
        shown = f"{typed} (YAML reads it as {shown}: put the value in quotes)"
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind == "value_error" and not message.startswith("expected"):
        # Validators say what is wrong before "; expected ...": keep that part too.
        return f"{shown} ({message.split('; expected', 1)[0]})"
    return shown
