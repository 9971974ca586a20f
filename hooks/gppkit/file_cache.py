"""Values computed from files (parsed and validated data), kept until one of the files changes.

static-i18n builds every language in one process, and `mkdocs serve` keeps hook modules loaded
between rebuilds: each file is parsed and validated once, and again after an editor's change.
A change is a change of content: two quick edits can leave the size and modification time equal,
and a file that appears or goes away counts too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from .collector import collector_paused

T = TypeVar("T")


def _fingerprint(path: Path) -> tuple[str, bytes | None]:
    try:
        return str(path), hashlib.sha256(path.read_bytes()).digest()
    except OSError:  # missing or unreadable: the loader reports it
        return str(path), None


class FileCache:
    """``get(name, paths, load)`` calls ``load()`` again only when the content of ``paths`` changed.

    After ``new_build()``, each file is read and hashed once until the next ``new_build()``:
    the five languages of one build share one snapshot of the data (with 500 posts per
    language, hashing them again for every language and hook cost 0.3 s per language).
    """

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[tuple[Any, ...], Any]] = {}
        self._build_fingerprints: dict[Path, tuple[str, bytes | None]] | None = None

    def new_build(self) -> None:
        self._build_fingerprints = {}

    def _fingerprint(self, path: Path) -> tuple[str, bytes | None]:
        if self._build_fingerprints is None:
            return _fingerprint(path)
        if path not in self._build_fingerprints:
            self._build_fingerprints[path] = _fingerprint(path)
        return self._build_fingerprints[path]

    def get(self, name: Hashable, paths: Iterable[Path], load: Callable[[], T]) -> T:
        # Taken before loading: an edit made while loading is loaded next time.
        key = tuple(self._fingerprint(path) for path in paths)
        entry = self._entries.get(name)
        if entry is None or entry[0] != key:
            self._entries.pop(name, None)  # a failed load must not leave the previous value in place
            with collector_paused():  # loading creates many objects and no garbage (gppkit.collector)
                self._entries[name] = (key, load())
        return self._entries[name][1]
