"""Indented JSON for long lists of similar records, byte for byte what ``json.dumps`` writes.

``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`` encodes in pure Python
whenever it indents (the C encoder writes compact JSON only): the 5000-supplier open-data file
took 0.2 s per language. Here a nested value deep enough to be a record's field is written once
per object and reused wherever the same object recurs: records built with shared parts (one
list object per combination of criteria and its labels) are written several times faster.
"""

from __future__ import annotations

import json
from typing import Any

INDENT = "  "
_compact = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
# A string as json.dumps writes it with ensure_ascii=False.
json_string = json.encoder.encode_basestring  # type: ignore[attr-defined]


class IndentedWriter:
    """Writes values as ``indented_json`` does, each at the depth it is given; callers that assemble a
    document themselves write its nested values with it."""

    def __init__(self, reuse_from_depth: int) -> None:
        self.reuse_from_depth = reuse_from_depth
        # (id(value), depth) -> (value, text); the value is kept so that its id cannot be reused meanwhile.
        self._written: dict[tuple[int, int], tuple[Any, str]] = {}

    def value(self, value: Any, depth: int) -> str:
        if isinstance(value, str):
            return json_string(value)
        if value is None:
            return "null"
        if not isinstance(value, dict | list):
            return _compact(value)  # numbers and booleans, as json writes them
        if not value:
            return "{}" if isinstance(value, dict) else "[]"
        if depth < self.reuse_from_depth:
            return self._container(value, depth)
        key = (id(value), depth)
        written = self._written.get(key)
        if written is None:
            written = self._written[key] = (value, self._container(value, depth))
        return written[1]

    def _container(self, value: dict[str, Any] | list[Any], depth: int) -> str:
        indent, inner = INDENT * depth, INDENT * (depth + 1)
        if isinstance(value, dict):
            if not all(isinstance(key, str) for key in value):
                raise TypeError("JSON object keys must be strings here")
            body = f",\n{inner}".join(f"{json_string(key)}: {self.value(value[key], depth + 1)}" for key in sorted(value))
            return f"{{\n{inner}{body}\n{indent}}}"
        body = f",\n{inner}".join(self.value(item, depth + 1) for item in value)
        return f"[\n{inner}{body}\n{indent}]"


def indented_json(value: Any, reuse_from_depth: int = 3) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`` for str-keyed data.

    A container object nested ``reuse_from_depth`` levels deep or more is written once, however
    often it occurs (3: the fields of the records in ``{"records": [{...}, ...]}``); the same
    object may occur at any depth.
    """
    return IndentedWriter(reuse_from_depth).value(value, 0)
