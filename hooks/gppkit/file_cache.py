"""Values computed from files (parsed and validated data), kept until one of the files changes.

static-i18n builds every language in one process, and `mkdocs serve` keeps hook modules loaded
between rebuilds: each file is parsed and validated once, and again after an editor's change.
A change is a change of content: two quick edits can leave the size and modification time equal,
and a file that appears or goes away counts too.

With a ``StoredValues`` folder, the values also outlast the process: the next build whose files
have the same content (and runs the same code) unpickles them instead of parsing and validating
again. 5000 suppliers and 2500 posts: 1.2-1.5 s before any language could start, 0.16 s so
(hashing the files included).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from .collector import collector_paused
from .forked import start_in_fork

T = TypeVar("T")
Fingerprint = tuple[str, bytes | None]
log = logging.getLogger("mkdocs.gppkit.file_cache")
_ABSENT = object()
# Besides this package's code, what shapes a kept value: the libraries that parse and validate, and
# those that write the feeds.
_LIBRARIES = ("PyYAML", "pydantic", "pydantic_core", "feedgen", "lxml")


def _fingerprint(path: Path) -> Fingerprint:
    try:
        return str(path), hashlib.sha256(path.read_bytes()).digest()
    except OSError:  # missing or unreadable: the loader reports it
        return str(path), None


def files_fingerprint(paths: Iterable[Path]) -> tuple[Fingerprint, ...]:
    """The content of ``paths`` as one comparable value (a file that is gone counts too)."""
    return tuple(_fingerprint(path) for path in paths)


@functools.cache  # the code this process runs: read once, as its modules were imported once
def code_version(package: Path = Path(__file__).parent) -> bytes:
    """A digest of the code that makes kept values: the Python sources under ``package`` (subfolders
    included), Python's and the libraries' versions."""
    digest = hashlib.sha256(sys.version.encode())
    for library in _LIBRARIES:
        digest.update(f"{library} {importlib.metadata.version(library)}".encode())
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.digest()


class StoredValues:
    """Loaded values pickled in a folder (the site's ``.cache/gpp``), one file per name.

    A file starts with the digest of the code version and the files' fingerprints it was
    loaded from; anything else (another content, other code, a file cut short or unreadable)
    counts as absent and the value is loaded again. Never a reason for a build to fail: a
    folder that cannot be written is left alone. (Unpickling runs the code a file names: the
    folder is trusted as much as hooks/ beside it, both being the site's own files.)
    """

    def __init__(self, folder: Path, version: bytes):
        self.folder, self.version = folder, version

    def _file(self, name: Hashable) -> Path:
        return self.folder / (hashlib.sha256(repr(name).encode()).hexdigest()[:32] + ".pickle")

    def _digest(self, key: tuple[Fingerprint, ...]) -> bytes:
        return hashlib.sha256(self.version + repr(key).encode()).digest()

    def fetch(self, name: Hashable, key: tuple[Fingerprint, ...]) -> Any:
        """The value stored for ``name`` loaded from files with ``key``, else ``_ABSENT``."""
        try:
            stored = self._file(name).read_bytes()
        except OSError:
            return _ABSENT
        digest = self._digest(key)
        if stored[:len(digest)] != digest:
            return _ABSENT
        try:
            return pickle.loads(stored[len(digest):])
        except Exception:  # noqa: BLE001 - a damaged file is only a value to load again
            log.debug("Stored value %s unreadable; loading it again", self._file(name))
            return _ABSENT

    def keep(self, name: Hashable, key: tuple[Fingerprint, ...], value: Any) -> None:
        data = self._digest(key) + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        scratch = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed: a build running beside this one reads a whole file or none.
            handle, scratch = tempfile.mkstemp(dir=self.folder, suffix=".part")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(scratch, self._file(name))
        except OSError as error:  # a read-only checkout or a full disk, say: the next build loads again
            log.debug("Not keeping %s in %s: %s", name, self.folder, error)
            if scratch is not None:
                Path(scratch).unlink(missing_ok=True)


class FileCache:
    """``get(name, paths, load)`` calls ``load()`` again only when the content of ``paths`` changed.

    After ``new_build()``, each file is read and hashed once until the next ``new_build()``:
    the five languages of one build share one snapshot of the data (with 500 posts per
    language, hashing them again for every language and hook cost 0.3 s per language).
    """

    def __init__(self, stored: StoredValues | None = None) -> None:
        self.stored = stored
        self._entries: dict[Hashable, tuple[tuple[Fingerprint, ...], Any]] = {}
        self._build_fingerprints: dict[Path, Fingerprint] | None = None

    def new_build(self) -> None:
        self._build_fingerprints = {}

    def _fingerprint(self, path: Path) -> Fingerprint:
        if self._build_fingerprints is None:
            return _fingerprint(path)
        if path not in self._build_fingerprints:
            self._build_fingerprints[path] = _fingerprint(path)
        return self._build_fingerprints[path]

    def get(self, name: Hashable, paths: Iterable[Path], load: Callable[[], T],
            inputs: tuple[Fingerprint, ...] = ()) -> T:
        """``inputs``: what else ``load`` depends on, as (label, bytes) pairs: a change loads again too."""
        return self._begin(name, paths, load, inputs, in_child=False)()

    def start(self, name: Hashable, paths: Iterable[Path], load: Callable[[], T],
              inputs: tuple[Fingerprint, ...] = ()) -> Callable[[], T]:
        """``get`` in two steps: a value that must be loaded is loaded in a forked child from now on
        (gppkit.forked), while the caller reads other files; call the function returned (once) for it."""
        return self._begin(name, paths, load, inputs, in_child=True)

    def _begin(self, name: Hashable, paths: Iterable[Path], load: Callable[[], T],
               inputs: tuple[Fingerprint, ...], in_child: bool) -> Callable[[], T]:
        # Taken before loading: an edit made while loading is loaded next time.
        key = tuple(self._fingerprint(path) for path in paths) + inputs
        entry = self._entries.get(name)
        if entry is not None and entry[0] == key:
            kept = entry[1]
            return lambda: kept
        self._entries.pop(name, None)  # a failed load must not leave the previous value in place
        with collector_paused():  # loading creates many objects and no garbage (gppkit.collector)
            value = _ABSENT if self.stored is None else self.stored.fetch(name, key)
        if value is not _ABSENT:
            self._entries[name] = (key, value)
            return lambda: value
        loading = start_in_fork(functools.partial(_with_collector_paused, load)) if in_child else load

        def loaded() -> T:
            with collector_paused():
                value = loading()
                if self.stored is not None:
                    self.stored.keep(name, key, value)
            self._entries[name] = (key, value)
            return value
        return loaded


def _with_collector_paused(load: Callable[[], T]) -> T:
    with collector_paused():
        return load()
