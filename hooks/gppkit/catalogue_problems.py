"""pydantic errors of ``CatalogueData`` as editors' Problems: file, line, record, field, received, expected.

The first step of an error's location names the file (the model's fields are the files); the rest
is the path inside that file, which gives the line (gppkit.yamlio.line_of) and the record, such as
``suppliers[12] (id: pl-eko-druk)``. Custom errors (PydanticCustomError) carry the expected form
as their message; a ``field``/``received`` in their context points a record-level error at a field.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from .languages import LANGUAGE_NAMES_EN
from .problems import Problem, describe
from .yamlio import line_of

# Keys that identify a record in messages, in order of preference.
_RECORD_KEYS = ("id", "country", "organisation")

_EXPECTED_BY_TYPE = {
    "string_type": "a text (put it in quotes if YAML reads it as a number, date or yes/no)",
    "string_too_short": "a non-empty text",
    "list_type": "a list such as [a, b]",
    "model_type": "a mapping of 'key: value' lines",
    "dict_type": "a mapping of 'key: value' lines",
}


def _child(node: Any, step: Any) -> Any:
    try:
        return node[step]
    except (KeyError, IndexError, TypeError):
        return None


def record_and_field(data: Any, location: tuple[Any, ...]) -> tuple[str | None, str | None]:
    """``("suppliers", 12, "country")`` → ``("suppliers[12] (id: pl-eko-druk)", "country")``."""
    records: list[str] = []
    keys: list[str] = []
    node = data
    for step in location:
        node = _child(node, step)
        if isinstance(step, int) and isinstance(node, Mapping):  # a record in a list of records
            name = f"{'.'.join(keys)}[{step}]"
            key = next((k for k in _RECORD_KEYS if isinstance(node.get(k), str)), None)
            records.append(f"{name} ({key}: {node[key]})" if key else name)
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


def allowed_fields(model: type[BaseModel], location: tuple[Any, ...]) -> list[str]:
    """The keys the model accepts at ``location`` (the mapping that holds an unknown key)."""
    current: Any = model
    for step in location:
        current = _unwrap(current)
        if isinstance(step, int):
            current = typing.get_args(current)[0]
            continue
        fields = current.model_fields
        info = fields.get(step) or next((f for f in fields.values() if f.alias == step), None)
        if info is None:
            return []
        current = info.annotation
    current = _unwrap(current)
    if not (isinstance(current, type) and issubclass(current, BaseModel)):
        return []
    return [info.alias or name for name, info in current.model_fields.items()]


def _first_line_with(data: Any, location: tuple[Any, ...], value: Any) -> int | None:
    """Line of the first record in the list holding ``location`` whose same field equals ``value``."""
    items, field = _child_path(data, location[:-2]), location[-1]
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, Mapping) and item.get(field) == value:
            return line_of(data, (*location[:-2], index, field))
    return None


def _child_path(data: Any, location: tuple[Any, ...]) -> Any:
    for step in location:
        data = _child(data, step)
    return data


def _expected_missing(location: tuple[Any, ...]) -> str:
    leaf = location[-1] if location else None
    # Only data/labels.yml has locations without list indexes: section, code, language.
    is_label = len(location) in (2, 3) and all(isinstance(step, str) for step in location)
    if is_label and len(location) == 2:
        return f"a label for '{leaf}' in each of {', '.join(LANGUAGE_NAMES_EN)}"
    if leaf in LANGUAGE_NAMES_EN:
        language = LANGUAGE_NAMES_EN[leaf]
        return f"the {language} label of '{location[-2]}'" if is_label else f"a text in {language}"
    return f"the required field '{leaf}'"


def _expected(error: Mapping[str, Any], model: type[BaseModel], location: tuple[Any, ...], data: Any) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "missing":
        return _expected_missing(location)
    if kind == "extra_forbidden":
        return "only the fields " + ", ".join(allowed_fields(model, location[:-1])) + " (check the spelling)"
    if kind == "literal_error":
        return f"one of {ctx['expected']}"
    if kind in ("too_short", "too_long"):
        bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        return f"{'at least' if kind == 'too_short' else 'at most'} {bound} item{'s' if bound != 1 else ''}"
    return _EXPECTED_BY_TYPE.get(kind, str(error["msg"]))


def _received(error: Mapping[str, Any], location: tuple[Any, ...], data: Any) -> str:
    ctx = error.get("ctx") or {}
    if error["type"] == "missing":
        return "nothing"
    if error["type"] == "extra_forbidden":
        return f"the unknown field {describe(location[-1])}"
    if error["type"] == "duplicate":
        first = _first_line_with(data, location, ctx.get("value"))
        return describe(error["input"]) + (f", already used on line {first}" if first else "")
    received = ctx["received"] if "received" in ctx else error["input"]
    if isinstance(received, bool):  # YAML reads unquoted yes/no/on/off (and NO, Norway's code) as booleans
        return f"{received} (YAML reads an unquoted yes, no, on or off as true or false: put the value in quotes)"
    return describe(received)


def problems_from_errors(
    error: ValidationError,
    files: Mapping[str, tuple[str, Any]],
    models: Mapping[str, type[BaseModel]],
) -> list[Problem]:
    """``files`` maps the root model's field (such as "suppliers") to (file label, data as loaded).

    Errors about a file not in ``files`` are left out: it could not be read, which is reported instead.
    """
    problems = []
    for item in error.errors(include_url=False):
        key, *rest = item["loc"]
        if str(key) not in files:
            continue
        label, data = files[str(key)]
        ctx = item.get("ctx") or {}
        location = (*rest, ctx["field"]) if "field" in ctx else tuple(rest)
        record, field = record_and_field(data, location)
        problems.append(Problem(
            file=label,
            line=line_of(data, location),
            record=record,
            field=field,
            received=_received(item, location, data),
            expected=_expected(item, models[str(key)], location, data),
        ))
    return problems
