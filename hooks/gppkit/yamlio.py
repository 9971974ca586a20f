"""Load YAML strictly: line numbers kept for messages, duplicate keys refused.

PyYAML keeps the last of two equal keys without a word; an editor who pastes a record
twice or mistypes a key would lose data silently, so a duplicate is a problem here.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .forked import PartFailed, available_cpus, map_in_forks
from .problems import DataError, Problem, describe
from .text_files import read_text


_TEXT_TAG = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
_NULL_TAG = "tag:yaml.org,2002:null"


class LineDict(dict):
    """A mapping that remembers the line of each key (1-based) and of itself, and the text of each
    value YAML typed (a number, date or yes/no) as the editor wrote it."""

    line: int = 0
    key_lines: dict[Any, int]
    typed_texts: dict[Any, str] | None = None  # "00100" for 64: made when there is one


class LineList(list):
    """A sequence that remembers the line of each item (1-based) and of itself, and the text of each
    item YAML typed."""

    line: int = 0
    item_lines: list[int]
    typed_texts: dict[int, str] | None = None


def _keep_typed_text(container: LineDict | LineList, key: Any, text: str) -> None:
    if container.typed_texts is None:
        container.typed_texts = {}
    container.typed_texts[key] = text


def _typed_text(node: yaml.Node) -> str | None:
    """The source text of a plain scalar YAML gives a type other than text (or null)."""
    if isinstance(node, yaml.ScalarNode) and not node.style and node.tag not in (_TEXT_TAG, _NULL_TAG):
        return node.value
    return None


# " #" ends an unquoted value: the rest of the line is a comment, dropped without a word
# ("name: EkoPrint #1 Plovdiv" reads "EkoPrint"). Such a value is a problem here.
_COMMENT_AFTER = re.compile(r"[ \t]+#")


def _lines_with_inline_hash(text: str) -> dict[int, str]:
    """The lines (0-based number: text) holding ' #' or a tab and '#': where a comment may follow a value.

    Found with str.find, which is fast: a regular expression took 50 ms on 6 MB of suppliers."""
    positions = sorted(position for needle in (" #", "\t#") for position in _all_positions(text, needle))
    lines: dict[int, str] = {}
    line, counted_to = 0, 0
    for position in positions:
        line += text.count("\n", counted_to, position)
        counted_to = position
        if line not in lines:
            end = text.find("\n", position)
            lines[line] = text[text.rfind("\n", 0, position) + 1:end if end >= 0 else len(text)]
    return lines


def _all_positions(text: str, needle: str) -> Iterator[int]:
    position = text.find(needle)
    while position >= 0:
        yield position
        position = text.find(needle, position + len(needle))


def _dropped_comment(hash_lines: dict[int, str], value: str, style: str | None, end: yaml.Mark) -> str | None:
    """What a ' #' after the plain scalar ``value`` (ending at ``end``) leaves out, or None."""
    if style or not value or end.line not in hash_lines:
        return None
    rest = hash_lines[end.line][end.column:]
    return rest.strip() if _COMMENT_AFTER.match(rest) else None


def _comment_problem(file_label: str, line: int, field: str | None, value: str, dropped: str) -> Problem:
    return Problem(
        file=file_label, line=line, record=None, field=field,
        received=f"{describe(value)} and then {dropped!r} on the same line (YAML reads ' #' and what follows "
                 "as a comment, and drops it)",
        expected=f"the whole value in quotes: \"{value} {dropped}\" (or the comment on a line of its own)")


class _Strict:
    """A loader that records lines and collects duplicate keys instead of dropping data."""

    def __init__(self, stream: str, file_label: str):
        super().__init__(stream)  # type: ignore[call-arg]
        self.file_label = file_label
        self.problems: list[Problem] = []
        self.hash_lines = _lines_with_inline_hash(stream)

    def check_comment(self, node: yaml.Node, field: str | None) -> None:
        if isinstance(node, yaml.ScalarNode):
            dropped = _dropped_comment(self.hash_lines, node.value, node.style, node.end_mark)
            if dropped is not None:
                self.problems.append(_comment_problem(self.file_label, node.start_mark.line + 1, field, node.value, dropped))


class _StrictLoader(_Strict, yaml.SafeLoader):
    """PyYAML's pure-Python parser: its messages name the offending character (a tab, say)."""


# libyaml's parser (PyYAML's C extension), when installed, for valid files: 5000 suppliers took
# 6.8 s with the Python parser and 1.3 s with it. Lines and columns are the same; a file it refuses
# is parsed again with the Python parser, so editors get the same messages either way.
_FastLoader = type("_FastLoader", (_Strict, yaml.CSafeLoader), {}) if yaml.__with_libyaml__ else _StrictLoader


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, Hashable):  # "? [a, b]" makes a list the key: Python cannot hold it
            loader.problems.append(Problem(
                file=loader.file_label, line=line, record=None, field=None,
                received=f"a {'list' if isinstance(key, list) else 'mapping'} as a key ({describe(key)})",
                expected="a plain key such as 'name:'"))
            continue
        if key in mapping.key_lines:
            loader.problems.append(
                Problem(
                    file=loader.file_label,
                    line=line,
                    record=None,
                    field=str(key),
                    received=f"the key {describe(key)} a second time in one mapping "
                    f"(first on line {mapping.key_lines[key]})",
                    expected="each key once per record (YAML would silently keep only the last value)",
                )
            )
            continue
        loader.check_comment(value_node, str(key))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
        if (typed := _typed_text(value_node)) is not None:
            _keep_typed_text(mapping, key, typed)
    return mapping


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    for index, child in enumerate(node.value):
        loader.check_comment(child, None)
        if (typed := _typed_text(child)) is not None:
            _keep_typed_text(sequence, index, typed)
    return sequence


def _construct_timestamp(loader: _StrictLoader, node: yaml.ScalarNode) -> object:
    """A date or datetime; an impossible one (2018-02-30) stays text for validation to report with its field."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


for _loader in {_StrictLoader, _FastLoader}:
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load_yaml_text(text: str, file_label: str) -> Any:
    """Parse ``text``; raise DataError naming line and column for broken YAML or duplicate keys."""
    if len(text) >= PARALLEL_PARSE_CHARACTERS:
        data = _load_in_parts(text, file_label, available_cpus())
        if data is not None:
            return data
    return _load_whole(text, file_label)


def _load_whole(text: str, file_label: str) -> Any:
    try:
        return _load_fast(text, file_label)
    except DataError:
        if _FastLoader is _StrictLoader:
            raise
        return _load(_StrictLoader, text, file_label)  # raises the same problem, in the Python parser's words


def _load(loader_class: type, text: str, file_label: str) -> Any:
    loader = loader_class(text, file_label)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        opened = _unclosed_quote_line(text, line) if line else None
        hint = f"; the quote opened on line {opened} is not closed on that line" if opened else ""
        raise DataError(
            [
                Problem(
                    file=file_label,
                    line=line,
                    record=None,
                    field=None,
                    received=f"text that is not valid YAML{column} ({error.problem or error.context}{hint})",
                    expected="well-formed YAML: consistent indentation, 'key: value' pairs, quotes closed",
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise DataError(
            [Problem(file_label, None, None, None, f"text that is not valid YAML ({error})", "well-formed YAML")]
        ) from None
    finally:
        loader.dispose()
    if "&" in text:  # rare in a file the fast builder left to PyYAML: only then parsed once more
        loader.problems += _anchor_problems(text, file_label)
    if loader.problems:
        raise DataError(loader.problems)
    return data


_QUOTED_VALUE_START = re.compile(r"""^\s*(?:-\s+|[^"'#:\s][^:#]*:\s+)(["'])""")


def _unclosed_quote_line(text: str, error_line: int) -> int | None:
    """The last line before ``error_line`` (1-based) whose value opens a quote it does not close.

    YAML reads on to the next quote, possibly many records later, and reports the error there
    ("city: \"Plovdiv" on line 8 was reported at line 147)."""
    lines = text.split("\n")[:error_line - 1]  # the error's own line may hold the quote that closes it
    for number in range(len(lines), 0, -1):
        start = _QUOTED_VALUE_START.match(lines[number - 1])
        if start is None:
            continue
        quote, rest = start.group(1), lines[number - 1][start.end():]
        rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            return number
    return None


def _anchor_problems(text: str, file_label: str) -> list[Problem]:
    """'&name' before a text makes a YAML anchor, dropped without a word ("name: &Co Eko Print" reads
    "Eko Print"). An anchored record or list (reused with '*name') is left alone: that is deliberate."""
    events = yaml.parse(text, Loader=yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)
    return [Problem(file=file_label, line=event.start_mark.line + 1, record=None, field=None,
                    received=f"'&{event.anchor}' before a value (YAML reads it as an anchor's name, and drops it)",
                    expected=f"the whole value in quotes: \"&{event.anchor} …\"")
            for event in events if isinstance(event, yaml.ScalarEvent) and event.anchor is not None]


def _load_fast(text: str, file_label: str) -> Any:
    """The fastest way to what ``_load(_FastLoader, …)`` gives: built from libyaml's events when possible."""
    if _FastLoader is not _StrictLoader:
        try:
            return _build_from_events(text)
        except (_Unusual, yaml.YAMLError):
            pass  # PyYAML's composer and constructor decide, and word any problem
    return _load(_FastLoader, text, file_label)


class _Unusual(Exception):
    """A document the direct builder leaves to PyYAML: anchors, aliases, explicit tags, merge keys,
    complex or repeated keys, several documents or none."""


# PyYAML's typing of plain scalars, shared: neither keeps state between scalars.
_RESOLVER = yaml.resolver.Resolver()
_SCALAR_HOST = yaml.constructor.SafeConstructor()
_SCALAR_CONSTRUCTORS = {tag: _FastLoader.yaml_constructors[tag] for tag in (
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp")}
_NO_KEY = object()


def _build_from_events(text: str) -> Any:
    """LineDicts, LineLists and scalars straight from libyaml's parser events.

    PyYAML's own loading builds a node for every value first, then the value, both in Python:
    5000 suppliers took 0.65 s so, 0.4 s this way. Scalars are typed by PyYAML's resolver and
    constructors, so the result is the same (tests/test_render_speed.py); whatever is unusual
    raises _Unusual and is left to PyYAML.
    """
    root: Any = _NO_KEY
    containers: list[Any] = []
    pending: list[Any] = []  # per open mapping: its key waiting for a value (with its line), or _NO_KEY
    documents = 0

    def add(value: Any, line: int, is_scalar: bool, typed_text: str | None = None) -> None:
        nonlocal root
        if not containers:
            root = value
            return
        container = containers[-1]
        if isinstance(container, LineList):
            if typed_text is not None:
                _keep_typed_text(container, len(container), typed_text)
            container.append(value)
            container.item_lines.append(line)
        elif pending[-1] is _NO_KEY:
            if not is_scalar or value in container.key_lines:
                raise _Unusual  # a complex key, or a repeated one: PyYAML reports it
            pending[-1] = (value, line)
        else:
            key, key_line = pending[-1]
            container[key] = value
            container.key_lines[key] = key_line
            if typed_text is not None:
                _keep_typed_text(container, key, typed_text)
            pending[-1] = _NO_KEY

    hash_lines = _lines_with_inline_hash(text)
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None:
                raise _Unusual
            if hash_lines and event.end_mark.line in hash_lines:  # rare: most files have no " #" at all
                is_key = bool(containers) and isinstance(containers[-1], LineDict) and pending[-1] is _NO_KEY
                if not is_key and _dropped_comment(hash_lines, event.value, event.style, event.end_mark) is not None:
                    raise _Unusual  # PyYAML's constructors word the problem
            value, tag, typed_text = event.value, event.tag, None
            if tag is None or tag == "!":
                tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit) if event.implicit[0] else _TEXT_TAG
            if tag in _SCALAR_CONSTRUCTORS:
                node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
                typed_text = _typed_text(node)
                value = _SCALAR_CONSTRUCTORS[tag](_SCALAR_HOST, node)
            elif tag != _TEXT_TAG:
                raise _Unusual
            add(value, event.start_mark.line + 1, True, typed_text)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag not in (None, "!"):
                raise _Unusual
            if kind is yaml.MappingStartEvent:
                container: Any = LineDict()
                container.key_lines = {}
            else:
                container = LineList()
                container.item_lines = []
            container.line = event.start_mark.line + 1
            add(container, container.line, False)
            containers.append(container)
            pending.append(_NO_KEY)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            containers.pop()
            pending.pop()
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Unusual
        elif kind is yaml.AliasEvent:
            raise _Unusual
    if root is _NO_KEY:
        raise _Unusual
    return root


def misnamed_yaml_files(folder: Path, folder_label: str) -> list[str]:
    """Problems for YAML files in ``folder`` and its subfolders that the build does not read because
    of their names (``site.yaml``, ``events.YML``): renamed, their texts seemed missing."""
    return [f"{folder_label}/{path.relative_to(folder).as_posix()}: received a file ending in {path.suffix!r}, "
            f"which the build does not read; expected the name ending in '.yml' ({path.stem}.yml)"
            for path in sorted(folder.rglob("*")) if path.suffix.lower() in (".yaml", ".yml") and path.suffix != ".yml"]


def load_yaml_file(path: Path, file_label: str | None = None) -> Any:
    label = file_label or path.as_posix()
    try:
        text = read_text(path, label)
    except FileNotFoundError:
        raise DataError([Problem(label, None, None, None, "no such file", "the file to exist")]) from None
    return load_yaml_text(text, label)


def typed_text_of(data: Any, location: tuple[Any, ...]) -> str | None:
    """The text the editor wrote for the value at ``location`` when YAML typed it ("00100" for 64), or None."""
    node, parent, last = data, None, None
    for step in location:
        if not isinstance(node, (LineDict, LineList)):
            return None
        try:
            node, parent, last = node[step], node, step
        except (KeyError, IndexError, TypeError):
            return None
    return parent.typed_texts.get(last) if parent is not None and parent.typed_texts else None


def line_of(data: Any, location: tuple[Any, ...]) -> int | None:
    """The line of the deepest node of ``location`` (keys and indexes) that can be found in ``data``."""
    line = getattr(data, "line", None)
    node = data
    for step in location:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


# A file this large (data/suppliers.yml with a few thousand records) is parsed in parts side by
# side, one per CPU (gppkit.forked). 6 MB took 1.6 s in one process and 0.8 s in two with PyYAML's
# own loading; built from events with the collector paused, 0.41-0.51 s in one and 0.35-0.46 s in
# two: forking and pickling eat most of what the second CPU saves now.
PARALLEL_PARSE_CHARACTERS = 1_000_000
_TOP_KEY_LINE = re.compile(r"[A-Za-z_][\w-]*:[ \t]*(#.*)?\r?")
_ITEM_LINE = re.compile(r"( *)-( |\r?$)")


class SequencePart(NamedTuple):
    text: str  # a YAML document: the file's lines before the first item, blank lines, then the part's items
    items: int  # how many items start in it


def split_block_sequence(text: str, parts: int) -> list[SequencePart] | None:
    """``text`` as up to ``parts`` documents of consecutive items, or None when it is not simply shaped.

    The shape: comments, one top-level key, then its block sequence to the end of the text
    (``suppliers:`` and its records). Each part repeats the lines before the first item and
    blank lines in place of the items it leaves out, so its line numbers are the file's.
    Anything else (a second top-level key, a tab, a document marker) gives None.
    """
    lines = text.split("\n")
    content = [number for number, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    if len(content) < 2 or not _TOP_KEY_LINE.fullmatch(lines[content[0]]):
        return None
    first_item = _ITEM_LINE.match(lines[content[1]])
    if first_item is None:
        return None
    indent = first_item.group(1)
    starts = []
    for number in content[1:]:
        item = _ITEM_LINE.match(lines[number])
        if item is not None and item.group(1) == indent:
            starts.append(number)
        elif not lines[number].startswith(indent + " "):
            return None
    parts = min(parts, len(starts))
    if parts < 2:
        return None
    firsts = [len(starts) * part // parts for part in range(parts)] + [len(starts)]  # each part's first item
    bounds = [starts[first] for first in firsts[:-1]] + [len(lines)]  # each part's first line
    prefix = lines[:starts[0]]
    return [
        SequencePart("\n".join(prefix + [""] * (bounds[part] - len(prefix)) + lines[bounds[part]:bounds[part + 1]]),
                     firsts[part + 1] - firsts[part])
        for part in range(parts)
    ]


def _load_in_parts(text: str, file_label: str, processes: int) -> Any | None:
    """The parse of ``text`` from its parts parsed side by side, or None: then parse it whole.

    Used only when each part parsed without a problem and holds exactly the items that start
    in it (a line inside a multi-line string that looks like an item would break that), so the
    result equals the whole parse; any problem is reported by the whole parse, in its words.
    """
    parts = split_block_sequence(text, processes)
    if parts is None:
        return None
    try:
        documents = map_in_forks(partial(_load_fast, file_label=file_label), [part.text for part in parts])
    except (PartFailed, DataError):
        return None
    merged = documents[0]
    if not all(isinstance(document, LineDict) and len(document) == 1 for document in documents):
        return None
    key = next(iter(merged))
    items = [document.get(key) for document in documents]
    if not all(isinstance(part_items, LineList) and len(part_items) == part.items
               for part_items, part in zip(items, parts)):
        return None
    for part_items in items[1:]:
        merged[key].extend(part_items)
        merged[key].item_lines.extend(part_items.item_lines)
    return merged
