"""The site's data as the hooks read it: paths, cached loading, and editors' errors as PluginError.

static-i18n builds every language in one process; the files do not change in between, so each
is parsed once per build (and again under `mkdocs serve` when it changes: the cache key is the
files' size and modification time).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from gppkit.clock import ClockError
from gppkit.events import Event, load_events
from gppkit.news import Post, load_site_posts
from gppkit.problems import DataError
from gppkit.section_labels import Labels, section_labels
from gppkit.yamlio import load_yaml_file

T = TypeVar("T")
_cache: dict[str, tuple[Any, Any]] = {}


def data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"


@contextmanager
def editors_errors() -> Iterator[None]:
    """Report a mistake in the editors' files (or in SOURCE_DATE_EPOCH) as a clean build failure."""
    try:
        yield
    except DataError as error:
        raise PluginError(error.report()) from None
    except ClockError as error:
        raise PluginError(str(error)) from None


def _cached(name: str, paths: Iterable[Path], load: Callable[[], T]) -> T:
    """``load()`` again only when one of ``paths`` changed (or appeared, or went away)."""
    key = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else (str(path),)
                for path in paths)
    if name not in _cache or _cache[name][0] != key:
        with editors_errors():
            _cache[name] = (key, load())
    return _cache[name][1]


def labels(config: MkDocsConfig, section: str, codes: Iterable[str]) -> Labels:
    """One section of data/labels.yml, read when first needed so a missing file fails only then."""
    path = data_dir(config) / "labels.yml"
    data = _cached("labels.yml", [path], lambda: load_yaml_file(path, "data/labels.yml"))
    return _cached(f"labels:{section}", [path], lambda: section_labels(data, section, tuple(codes)))


def site_posts(config: MkDocsConfig) -> dict[str, list[Post]]:
    """Every language's news posts, drafts included."""
    docs = Path(config.docs_dir)
    return _cached("posts", sorted(docs.glob("*/news/*.md")), lambda: load_site_posts(docs))


def events(config: MkDocsConfig) -> list[Event]:
    path = data_dir(config) / "events.yml"
    return _cached("events", [path], lambda: load_events(path))
