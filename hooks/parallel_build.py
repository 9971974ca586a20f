"""`mkdocs build` of the whole site builds the languages in parallel processes, one per core.

static-i18n builds the five languages one after another in one process, so a build uses one
core. Here the other languages are built by worker processes (gpp_language_workers) while this
process builds the default one; static-i18n's loop then takes each language's finished output
in the usual order, and the sitemaps are merged. On the benchmark's 2-core machine this takes a
third to 40 % off the build time (README, "Build speed"); the output is byte for byte the serial
one (tests/test_parallel_build.py).

Only `mkdocs build` (and gh-deploy) of more than one language, without --dirty.
GPP_BUILD_PROCESSES sets the number of worker processes (default: the number of CPUs);
GPP_BUILD_PROCESSES=1 builds serially.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from gpp_language_workers import LanguageWorkers
from gpp_mkdocs import build_languages, current_language, i18n_plugin, is_last_step_of_build, writes_whole_site

log = logging.getLogger("mkdocs.hooks.parallel_build")
_state: dict[str, Any] = {"whole_site": False, "workers": None, "parent": None}


def on_startup(command: str, dirty: bool) -> None:
    _state["whole_site"] = writes_whole_site(command, dirty)


def worker_processes(environ: dict[str, str] = os.environ) -> int:
    """How many worker processes: GPP_BUILD_PROCESSES, else one per CPU this process may use."""
    value = environ.get("GPP_BUILD_PROCESSES", "").strip()
    if not value:
        return len(os.sched_getaffinity(0))
    if not value.isdigit() or int(value) < 1:
        raise PluginError(f"GPP_BUILD_PROCESSES: received {value!r}; expected a whole number, 1 or more "
                          "(1 builds the languages one after another).")
    return int(value)


def _other_languages(config: MkDocsConfig) -> list[str]:
    """The languages static-i18n would build after this one, or [] when this is not a parallel build."""
    if not _state["whole_site"] or i18n_plugin(config).building:
        return []
    return [language for language in build_languages(config) if language != current_language(config)]


# After the hooks that load the data (priority 0): the workers are forked with it loaded.
@event_priority(-100)
def on_pre_build(config: MkDocsConfig) -> None:
    others, processes = _other_languages(config), worker_processes()
    if not others or processes < 2:
        return
    try:
        workers = LanguageWorkers(config, others, min(processes, len(others)))
    except OSError as error:  # no scratch folder next to the site, say: build serially, as static-i18n does
        log.info("Building the languages one after another (%s)", error)
        return
    _state.update(workers=workers, parent=os.getpid())


# After static-i18n's on_post_build (-100), where the other languages are taken in.
@event_priority(-105)
def on_post_build(config: MkDocsConfig) -> None:
    if _state["workers"] is not None and is_last_step_of_build(config) and _state["parent"] == os.getpid():
        _state["workers"].finish()
        _state["workers"] = None


def _stop_workers() -> None:
    """A build that stopped early (its own error, or --strict warnings) stops the other languages too."""
    if _state["workers"] is not None and _state["parent"] == os.getpid():
        _state["workers"].close(terminate=True)
        _state["workers"] = None


def on_build_error(error: Exception) -> None:
    _stop_workers()


def on_shutdown() -> None:
    _stop_workers()
