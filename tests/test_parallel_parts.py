"""Work split across processes gives what one process gives: forked parts, YAML in parts, posts, JSON text.

These are the speed-ups of the data that every build reads first (README, "Build speed"): each
is checked against the plain computation it replaces, on ordinary and on awkward input.
"""

from __future__ import annotations

import json
import os
import random
import threading
from functools import partial
from pathlib import Path

import pytest

from gppkit import forked, news, yamlio
from gppkit.file_cache import FileCache, StoredValues
from gppkit.forked import PartFailed, map_in_forks
from gppkit.json_text import indented_json
from gppkit.problems import DataError
from gppkit.yamlio import LineDict, LineList, load_yaml_text, split_block_sequence


REAL_CAN_FORK = forked.can_fork


@pytest.fixture(autouse=True)
def forking_allowed(monkeypatch):
    """Fork even if earlier tests left threads running (a test server): these children only compute."""
    monkeypatch.setattr(forked, "can_fork", lambda: hasattr(os, "fork"))


def square_with_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def fail_on_three(number: int) -> int:
    if number == 3:
        raise ValueError("three")
    return number


# --- forked parts ---------------------------------------------------------------------------------

def test_parts_run_in_other_processes_and_come_back_in_order():
    results = map_in_forks(square_with_pid, [1, 2, 3, 4])
    assert [square for square, _ in results] == [1, 4, 9, 16]
    pids = [pid for _, pid in results]
    assert pids[0] == os.getpid() and len(set(pids)) == 4


def test_a_part_failing_in_a_child_is_reported_not_lost():
    with pytest.raises(PartFailed, match="1 of 3 parts"):
        map_in_forks(fail_on_three, [1, 2, 3, 4])


def test_the_parents_own_part_raises_as_usual():
    with pytest.raises(ValueError, match="three"):
        map_in_forks(fail_on_three, [3, 1])


def test_with_another_thread_running_everything_runs_here(monkeypatch):
    # mkdocs serve has a server thread: forking then could copy a lock another thread holds.
    monkeypatch.setattr(forked, "can_fork", REAL_CAN_FORK)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert {pid for _, pid in map_in_forks(square_with_pid, [1, 2, 3])} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


# --- YAML in parts --------------------------------------------------------------------------------

def records_yaml(count: int, rng: random.Random) -> str:
    lines = ["# Fictional sample data", "suppliers:", "  # the first record", ""]
    for number in range(count):
        lines += [f"  - id: s-{number}", f"    name: \"Supplier {number} | Oy\""]
        if rng.random() < 0.2:  # a block scalar whose text looks like items and comments
            lines += ["    example: |", "      - not an item", "      # not a comment", ""]
        else:
            lines += [f"    example: plain text {number}"]
        if rng.random() < 0.2:
            lines += ["", "  # between records"]
    return "\n".join(lines) + "\n"


def whole_parse(text: str) -> object:
    return yamlio._load_whole(text, "data/suppliers.yml")


def same_with_lines(left: object, right: object) -> bool:
    """Equal values, and equal line records on every mapping and sequence."""
    if isinstance(left, LineDict):
        return (isinstance(right, LineDict) and left == right and left.line == right.line
                and left.key_lines == right.key_lines and all(same_with_lines(left[k], right[k]) for k in left))
    if isinstance(left, LineList):
        return (isinstance(right, LineList) and left.line == right.line and left.item_lines == right.item_lines
                and len(left) == len(right) and all(same_with_lines(a, b) for a, b in zip(left, right)))
    return left == right


@pytest.mark.parametrize("parts", [2, 3, 7])
def test_a_sequence_parsed_in_parts_equals_the_whole_parse_lines_included(monkeypatch, parts: int):
    text = records_yaml(300, random.Random(parts))
    monkeypatch.setattr(yamlio, "PARALLEL_PARSE_CHARACTERS", 0)
    monkeypatch.setattr(yamlio, "available_cpus", lambda: parts)
    pieces = split_block_sequence(text, parts)
    assert pieces is not None and len(pieces) == parts and sum(piece.items for piece in pieces) == 300
    assert all(len(piece.text.split("\n")) <= len(text.split("\n")) for piece in pieces)
    assert same_with_lines(load_yaml_text(text, "data/suppliers.yml"), whole_parse(text))


@pytest.mark.parametrize("text", [
    "suppliers:\n  - id: a\nother: 1\n  - id: b\n",       # a second top-level key
    "---\nsuppliers:\n  - id: a\n  - id: b\n",              # a document marker
    "suppliers:\n\t- id: a\n  - id: b\n",                   # a tab
    "suppliers: [a, b]\n",                                  # a flow sequence
    "- a\n- b\n",                                           # no top-level key
])
def test_other_shapes_are_not_split(text: str):
    assert split_block_sequence(text, 2) is None


@pytest.mark.parametrize("text, words", [
    # an alias to an anchor in the other half: each half alone would fail
    ("suppliers:\n  - &first\n    id: a\n  - id: b\n  - *first\n  - id: c\n", None),
    # a duplicate key: reported by the whole parse, with its line
    ("suppliers:\n  - id: a\n  - id: b\n    id: c\n  - id: d\n", "a second time"),
    # broken YAML in the second half
    ("suppliers:\n  - id: a\n  - id: b\n  - id: 'c\n  - id: d\n", "not valid YAML"),
])
def test_a_part_that_fails_falls_back_to_the_whole_parse(monkeypatch, text: str, words: str | None):
    monkeypatch.setattr(yamlio, "PARALLEL_PARSE_CHARACTERS", 0)
    monkeypatch.setattr(yamlio, "available_cpus", lambda: 2)
    if words is None:
        assert same_with_lines(load_yaml_text(text, "data/suppliers.yml"), whole_parse(text))
        return
    with pytest.raises(DataError) as in_parts:
        load_yaml_text(text, "data/suppliers.yml")
    with pytest.raises(DataError) as whole:
        whole_parse(text)
    assert in_parts.value.problems == whole.value.problems
    assert in_parts.value.problems[0].line is not None and words in in_parts.value.problems[0].received


def test_a_quoted_string_spanning_an_item_like_line_is_parsed_whole(monkeypatch):
    text = 'suppliers:\n  - id: a\n    name: "two\n  - lines"\n  - id: b\n  - id: c\n'
    monkeypatch.setattr(yamlio, "PARALLEL_PARSE_CHARACTERS", 0)
    monkeypatch.setattr(yamlio, "available_cpus", lambda: 2)
    assert same_with_lines(load_yaml_text(text, "data/suppliers.yml"), whole_parse(text))


# --- posts of every language -----------------------------------------------------------------------

def write_post(docs: Path, language: str, number: int, tags: str = "[climate]") -> None:
    folder = docs / language / "news"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"2024-01-{number:02d}-post.md").write_text(
        f"---\ntitle: Post {number}\ndate: 2024-01-{number:02d}\nsummary: Summary {number}.\ntags: {tags}\n---\n\n# Post {number}\n",
        encoding="utf-8")


@pytest.fixture
def many_posts(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    for language in ("en", "bg", "lv", "fi", "pl"):
        for number in range(1, 21):
            write_post(docs, language, number)
    return docs


def test_the_problems_of_posts_come_in_language_order_strays_after_each_languages_posts(many_posts: Path):
    write_post(many_posts, "pl", 21, tags="[no-such-tag]")
    write_post(many_posts, "bg", 22, tags="[no-such-tag]")
    (many_posts / "bg" / "news" / "2024-01-23-stray.MD").write_text("# Stray\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        news.load_posts(many_posts, news.LANGUAGES, news.TAGS)
    assert [problem.file for problem in raised.value.problems] == [
        "docs/bg/news/2024-01-22-post.md", "docs/bg/news/2024-01-23-stray.MD", "docs/pl/news/2024-01-21-post.md"]


# --- a part started while the caller goes on ------------------------------------------------------

def test_a_started_part_runs_in_another_process_meanwhile():
    square, pid = forked.start_in_fork(partial(square_with_pid, 7))()
    assert square == 49 and pid != os.getpid()


def test_a_started_part_that_fails_in_its_child_raises_here_with_its_error():
    calls: list[int] = []

    def fail() -> None:
        calls.append(os.getpid())
        raise ValueError("seven")

    result = forked.start_in_fork(fail)
    with pytest.raises(ValueError, match="seven"):
        result()
    assert calls == [os.getpid()]  # computed again here (the child's call was in its own memory)


def test_a_child_forks_no_children_of_its_own():
    def pids_of_parts() -> set[int]:
        return {pid for _, pid in map_in_forks(square_with_pid, [1, 2, 3])}

    pids = forked.start_in_fork(pids_of_parts)()
    assert len(pids) == 1 and os.getpid() not in pids


def test_a_value_started_early_is_loaded_in_a_child_kept_and_then_taken_without_one(tmp_path: Path):
    path = tmp_path / "2024-01-01-post.md"
    path.write_text("# Post", encoding="utf-8")

    def load() -> tuple[str, int]:
        return path.read_text(encoding="utf-8"), os.getpid()

    def not_again() -> tuple[str, int]:
        raise AssertionError("loaded again")

    cache = FileCache(StoredValues(tmp_path / "kept", b"code"))
    cache.new_build()
    text, pid = cache.start("posts", [path], load)()
    assert text == "# Post" and pid != os.getpid()
    assert cache.get("posts", [path], not_again) == (text, pid)  # from memory
    next_build = FileCache(StoredValues(tmp_path / "kept", b"code"))
    next_build.new_build()
    assert next_build.start("posts", [path], not_again)() == (text, pid)  # from .cache, no child


# --- one reading of the files per build ------------------------------------------------------------

def test_within_a_build_each_file_is_read_once_and_the_next_build_sees_edits(tmp_path: Path):
    path, loads = tmp_path / "labels.yml", []
    path.write_text("a", encoding="utf-8")

    def load() -> str:
        loads.append(path.read_text(encoding="utf-8"))
        return loads[-1]

    cache = FileCache()
    cache.new_build()
    assert cache.get("labels", [path], load) == "a"
    path.write_text("b", encoding="utf-8")  # an edit during the build: the next language still sees "a"
    assert cache.get("labels", [path], load) == "a"
    cache.new_build()
    assert cache.get("labels", [path], load) == "b"
    assert loads == ["a", "b"]


# --- indented JSON --------------------------------------------------------------------------------

def random_value(rng: random.Random, depth: int = 0) -> object:
    if depth > 4 or rng.random() < 0.3:
        return rng.choice(["a\"\\\n\u2028ä|<", "", 0, -7, 1.5, -0.0, 1e300, True, False, None])
    if rng.random() < 0.5:
        return {rng.choice("abcdeé"): random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]


@pytest.mark.parametrize("reuse_from_depth", [0, 1, 3])
def test_indented_json_is_byte_for_byte_json_dumps(reuse_from_depth: int):
    rng = random.Random(reuse_from_depth)
    shared = {"code": "fsc", "label": "FSC"}
    values = [random_value(rng) for _ in range(1500)]
    values.append({"records": [{"criteria": [shared, shared], "country": shared} for _ in range(3)], "top": shared})
    for value in values:
        expected = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
        assert indented_json(value, reuse_from_depth) == expected


def test_forked_module_reports_cpus():
    assert forked.available_cpus() >= 1
