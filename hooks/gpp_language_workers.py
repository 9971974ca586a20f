"""Build the languages other than the default one in worker processes (see hooks/parallel_build.py).

The workers are forked at the start of the default language's build, after the data is loaded,
so they share the parsed data and hook state a serial build would have. Each worker builds one
language at a time, as static-i18n would, into a private folder, keeping its log records.
static-i18n's own loop still decides the order: for each language it calls
``mkdocs.commands.build.build``, which is replaced here by ``collect``: wait for that language's
worker, log its records as if the build had run here, stop on its error as a serial build would,
then move the language's folder into the site. The sitemaps are merged at the end.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import shutil
import tempfile
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import mkdocs_static_i18n.plugin as i18n_module
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from gpp_mkdocs import default_language, i18n_plugin
from gppkit.collector import freeze_before_fork, unfreeze
from gppkit.sitemaps import gzip_mtime, gzip_sitemap, merge_sitemaps
from gppkit.urls import language_root

SITEMAP = "sitemap.xml"
# The messages static-i18n hides for the languages it builds inside the first build.
NESTED_BUILD_MESSAGES = ("Documentation built in", "Building documentation to directory")

# Set in the parent before forking; the workers read it.
_job: dict[str, Any] = {}


class _Records(logging.Handler):
    """Keeps a worker's log records; the parent logs them again, in the serial build's order."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _run_build(config: MkDocsConfig, language: str, site_dir: Path) -> tuple[str, str]:
    """Build ``language`` as static-i18n's loop would, into ``site_dir``: ("ok" | "abort" | "crash", message)."""
    plugin = i18n_plugin(config)
    plugin.current_language, plugin.building = language, True
    plugin.i18n_files_per_language = {}  # this process's sitemap lists this language only
    config.site_dir = str(site_dir)
    try:
        _job["real_build"](config, dirty=False)
    except Abort as error:  # MkDocs has logged the error itself
        return "abort", error.message
    except Exception as error:  # noqa: BLE001 - reported to the parent, which stops the build
        traceback.print_exc()
        return "crash", f"building language '{language}' failed: {error!r} (traceback above)"
    return "ok", ""


def _quiet_nested_build(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith(NESTED_BUILD_MESSAGES)


def build_language(language: str) -> tuple[str, str, list[tuple[str, int, str]]]:
    """In a worker: build one language; return (status, message, log records)."""
    build_log = logging.getLogger("mkdocs.commands.build")
    if _quiet_nested_build not in build_log.filters:
        build_log.addFilter(_quiet_nested_build)
    records = _Records()
    logging.getLogger("mkdocs").handlers = [records]  # MkDocs' own handlers print in the parent
    status, message = _run_build(_job["config"], language, Path(_job["parts"]) / language)
    return status, message, records.records


class LanguageWorkers:
    """The worker processes of one `mkdocs build`, and what the parent does with their results."""

    def __init__(self, config: MkDocsConfig, languages: list[str], processes: int):
        self.config, self.site_dir = config, Path(config.site_dir)
        self.parts = Path(tempfile.mkdtemp(prefix=".gpp-languages-", dir=self.site_dir.parent))
        self.sitemaps: list[str] = []
        self.gzip_time: int | None = None
        _job.update(config=config, parts=str(self.parts), real_build=i18n_module.build)
        # The data read so far stays, in every process, for the whole build: out of the collector's way.
        freeze_before_fork()
        # Forked now, all of them (the fork start method starts every worker at the first submit).
        self.pool: Any = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))
        atexit.register(self.close, terminate=True)
        try:
            self.results = {language: self.pool.submit(build_language, language) for language in languages}
        except OSError:  # no process could be started: the caller builds serially
            self.close(terminate=True)
            raise
        i18n_module.build = self.collect

    def collect(self, config: MkDocsConfig, dirty: bool = False) -> None:
        """Stands in for ``build(config)`` in static-i18n's loop."""
        language = i18n_plugin(config).current_language
        if language not in self.results:
            return _job["real_build"](config, dirty=dirty)
        try:
            status, message, records = self.results.pop(language).result()
        except BrokenProcessPool:  # killed: out of memory, say
            status, message, records = "crash", f"the process building language '{language}' stopped", []
        self._replay(language, records)
        if status != "ok":
            self.close(terminate=True)  # as in a serial build, the languages after this one are not built
            raise Abort(message) if status == "abort" else RuntimeError(message)
        self._take_output(language)

    def _replay(self, language: str, records: list[tuple[str, int, str]]) -> None:
        """Log the worker's records here: MkDocs' filters (duplicates) and counters (--strict) see them
        exactly as in a serial build; the worker's scratch folder is named as the site folder."""
        scratch, site = str(self.parts / language), str(self.site_dir)
        for name, level, message in records:
            logging.getLogger(name).log(level, message.replace(scratch, site))

    def _take_output(self, language: str) -> None:
        built = self.parts / language
        folder = language_root(language, default_language(self.config)).rstrip("/")
        shutil.rmtree(self.site_dir / folder, ignore_errors=True)
        (built / folder).rename(self.site_dir / folder)
        self.sitemaps.append((built / SITEMAP).read_text(encoding="utf-8"))
        self.gzip_time = gzip_mtime((built / f"{SITEMAP}.gz").read_bytes())
        shutil.rmtree(built)

    def finish(self) -> None:
        """After the last language: the whole site's sitemap, then the pool and the scratch folder go."""
        if self.sitemaps and self.gzip_time is not None:
            own = (self.site_dir / SITEMAP).read_text(encoding="utf-8")
            sitemap = merge_sitemaps([own, *self.sitemaps])
            (self.site_dir / SITEMAP).write_bytes(sitemap.encode("utf-8"))
            (self.site_dir / f"{SITEMAP}.gz").write_bytes(gzip_sitemap(sitemap, self.gzip_time))
        self.close()

    def close(self, terminate: bool = False) -> None:
        """Idempotent; also run at exit, so a build that stops early leaves no process nor folder behind."""
        if self.pool is None:
            return
        i18n_module.build = _job.get("real_build", i18n_module.build)
        if terminate:  # ProcessPoolExecutor.terminate_workers() from Python 3.14 on
            for process in list((getattr(self.pool, "_processes", None) or {}).values()):
                process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None
        unfreeze()
        shutil.rmtree(self.parts, ignore_errors=True)
        _job.clear()
