"""Turn a pydantic ValidationError into editors' Problems: file, line, record, field, received, expected."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from .problems import Problem, describe
from .yamlio import line_of

# pydantic's wording for common errors, rephrased as "expected ..." for editors.
_EXPECTED_BY_TYPE = {
    "missing": "this field to be present",
    "extra_forbidden": "only the documented fields (check the spelling)",
    "string_type": "a text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list such as [a, b]",
    "dict_type": "a mapping of keys and values",
    "model_type": "a mapping of keys and values",
    "string_too_short": "a non-empty text",
}


def _expected(error: Mapping[str, Any], field: str, hints: Mapping[str, str]) -> str:
    if error["type"] == "value_error":
        # Our own validators raise ValueError("... expected ..."): keep that text.
        message = str(error["msg"]).removeprefix("Value error, ")
        return message.split("expected ", 1)[1] if "expected " in message else message
    if error["type"] == "literal_error":
        return "one of " + str(error["ctx"]["expected"])
    leaf = field.rsplit(".", 1)[-1]
    return hints.get(leaf) or _EXPECTED_BY_TYPE.get(error["type"]) or str(error["msg"])


def _received(error: Mapping[str, Any]) -> str:
    value = error["input"]
    if error["type"] == "missing" or value is None:
        return "nothing"
    shown = value.isoformat() if isinstance(value, (date, datetime)) else describe(value)
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "value_error" and not message.startswith("expected"):
        # Validators say what is wrong before "; expected ...": keep that part too.
        return f"{shown} ({message.split('; expected', 1)[0]})"
    return shown


def problems_from_validation_error(
    error: ValidationError,
    data: Any,
    file_label: str,
    prefix: Sequence[Any] = (),
    record_name: Callable[[tuple[Any, ...]], str | None] = lambda location: None,
    hints: Mapping[str, str] | None = None,
    line_offset: int = 0,
    record_depth: int = 0,
) -> list[Problem]:
    """One Problem per pydantic error; lines come from ``data`` as loaded by yamlio.

    ``prefix`` is the path of the validated value inside ``data``; ``record_name`` names the
    record an error location belongs to (such as "event 'circpro-kick-off-2018'"), and the first
    ``record_depth`` steps of a location (``events``, index) are left out of the field's name.
    """
    problems = []
    for item in error.errors(include_url=False):
        location = tuple(step for step in item["loc"] if not (isinstance(step, str) and "[" in step))
        record = record_name(location)
        steps = location[record_depth:] if record else location
        field = ".".join(str(step) for step in steps if not isinstance(step, int)) or None
        line = line_of(data, (*prefix, *location))
        problems.append(
            Problem(
                file=file_label,
                line=line + line_offset if line else None,
                record=record,
                field=field,
                received=_received(item),
                expected=_expected(item, field or "", hints or {}),
            )
        )
    return problems
