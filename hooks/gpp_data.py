"""The site's data as the hooks read it: paths, cached loading, and editors' errors as PluginError.

static-i18n builds every language in one process and `mkdocs serve` keeps hook modules loaded
between rebuilds: one cache (gppkit.file_cache) holds every file parsed and validated, and loads
a file again only when its content changed. data/labels.yml is validated once and serves the
catalogue, news tags and event kinds alike. The loaded values are also kept in the site's
``.cache/gpp`` folder for the next build (deleting it is always safe).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from gppkit.catalogue_data import CatalogueSource
from gppkit.catalogue_model import LabelsBase
from gppkit.catalogue_prepared import PreparedCatalogue
from gppkit.clock import ClockError, build_now
from gppkit.events import Event, load_events
from gppkit.file_cache import FileCache, Fingerprint, StoredValues, code_version
from gppkit.news import SiteNews, load_site_news
from gppkit.problems import DataError

T = TypeVar("T")
_cache = FileCache()
# The news posts' files, listed once per build like the files' contents (hashed once per build).
_post_files: dict[Path, list[Path]] = {}


def new_build(config: MkDocsConfig) -> None:
    """A build starts: files are read again if changed, then once for all its languages."""
    # The hooks folder's code, gppkit's included: the hooks choose what kept tables and feeds are made of.
    _cache.stored = StoredValues(stored_values_dir(config), code_version(Path(__file__).parent))
    _cache.new_build()
    _post_files.clear()


def data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"


def stored_values_dir(config: MkDocsConfig) -> Path:
    """Where loaded data waits for the next build: beside Material's own .cache/plugin folder."""
    return Path(config.config_file_path).parent / ".cache" / "gpp"


@contextmanager
def editors_errors() -> Iterator[None]:
    """Report a mistake in the editors' files (or in SOURCE_DATE_EPOCH) as a clean build failure."""
    try:
        yield
    except DataError as error:
        raise PluginError(error.report()) from None
    except ClockError as error:
        raise PluginError(str(error)) from None


def _cached(name: Hashable, paths: Iterable[Path], load: Callable[[], T], inputs: tuple[Fingerprint, ...] = ()) -> T:
    with editors_errors():
        return _cache.get(name, paths, load, inputs)


def _catalogue_source(config: MkDocsConfig) -> CatalogueSource:
    return CatalogueSource(data_dir(config), cache=_cache)


def site_labels(config: MkDocsConfig) -> LabelsBase:
    """data/labels.yml, validated: ``site_labels(config).section_labels("tags", language)``."""
    with editors_errors():
        return _catalogue_source(config).labels()


def site_catalogue(config: MkDocsConfig) -> PreparedCatalogue:
    """data/councils.yml, suppliers.yml and labels.yml, validated together, with the catalogue's rows
    and open-data records prepared for every language."""
    return _cached(*_catalogue_entry(config))


def _arguments_key(arguments: tuple) -> tuple[Fingerprint, ...]:
    """``arguments`` as a kept value's inputs: a digest of their repr (strings, dates, and dataclasses
    and mappings of them show all they hold in it)."""
    return (("arguments", hashlib.sha256(repr(arguments).encode()).digest()),)


def catalogue_output(config: MkDocsConfig, name: str, language: str, arguments: tuple,
                     make: Callable[[], T]) -> T:
    """What ``make`` makes in ``language`` from the catalogue's three files and ``arguments`` alone
    (the open-data files, say), kept like the loaded data and made again when one of them or the
    code changes: 5000 suppliers' open-data files took 0.2-0.25 s per language and build."""
    return _cached((name, language), _catalogue_source(config).paths(), make, _arguments_key(arguments))


def kept_output(config: MkDocsConfig, name: str, language: str, arguments: tuple, make: Callable[[], T]) -> T:
    """What ``make`` makes in ``language`` from ``arguments`` alone, kept for the next build like the
    loaded data and made again when one of them or the code changes: 500 posts' feeds took 0.08 s
    per language."""
    return _cached((name, language), [], make, _arguments_key(arguments))


def site_news(config: MkDocsConfig) -> SiteNews:
    """Every language's news posts (drafts included), and each language's published posts and tags
    as of the build's now (a post dated later waits for the first build after its date)."""
    news = _cached(*_news_entry(config))
    with editors_errors():  # SOURCE_DATE_EPOCH that is not a number
        return news.as_of(build_now())


def events(config: MkDocsConfig) -> list[Event]:
    return _cached(*_events_entry(config))


def read_all(config: MkDocsConfig) -> None:
    """Read the catalogue, the events and the news posts at the start of a build, so that one
    message lists the mistakes of them all: read by the hook that needs each, a build stopped at
    the first file with a mistake, and only the next build showed the next file's. The hooks then
    take them from the cache."""
    problems = []
    with editors_errors():
        # The posts are read in a forked process, on the other CPU, while this one reads the catalogue.
        posts = _cache.start(*_news_entry(config))
        catalogue = partial(_cache.get, *_catalogue_entry(config))
        events = partial(_cache.get, *_events_entry(config))
        for load in (catalogue, events, posts):  # the message lists their problems in this order
            try:
                load()
            except DataError as error:
                problems.extend(error.problems)
        if problems:
            raise DataError(problems)


# Each source as the cache takes it: (name, files, how to load them).
def _catalogue_entry(config: MkDocsConfig) -> tuple[str, list[Path], Callable[[], PreparedCatalogue]]:
    source = _catalogue_source(config)
    return "prepared catalogue", source.paths(), lambda: PreparedCatalogue.of(source.read())


def post_files(config: MkDocsConfig) -> list[Path]:
    """Every Markdown file under a news folder, strays too ("….MD", a subfolder): the check that
    refuses them is part of loading, so a new stray must not find the posts kept. Listed once per build."""
    docs = Path(config.docs_dir)
    if docs not in _post_files:
        _post_files[docs] = sorted((path for path in docs.glob("*/news/**/*")
                                    if path.suffix.lower() in (".md", ".markdown") and path.is_file()), key=str)
    return _post_files[docs]


def _news_entry(config: MkDocsConfig) -> tuple[str, list[Path], Callable[[], SiteNews]]:
    docs = Path(config.docs_dir)
    return "posts", post_files(config), lambda: load_site_news(docs)


def _events_entry(config: MkDocsConfig) -> tuple[str, list[Path], Callable[[], list[Event]]]:
    path = data_dir(config) / "events.yml"
    return "events", [path], lambda: load_events(path)
