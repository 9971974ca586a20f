"""After the last language is built, report missing and outdated translations.

The report warns and never fails the build, even under --strict: an outdated translation is
still worth publishing. It goes to its own logger, outside MkDocs' strict-mode warning counter.
It is made at the start of the build and logged at the end: made after the last language
(reading every page's front matter, 0.3 s of CPU), it held up a parallel build with one CPU
busy and the other idle.
"""

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from gpp_data import editors_errors
from gpp_mkdocs import build_languages, default_language, i18n_plugin, is_last_step_of_build
from gppkit.translations import LanguageStatus, format_report, translation_status

report_log = logging.getLogger("gpp.translations")
if not report_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    report_log.addHandler(_handler)
    report_log.propagate = False


_state: dict[str, list[LanguageStatus] | None] = {"report": None}


# After hooks/parallel_build.py forks the other languages' processes (-100): this process then
# builds the default language only and waits for the others, time in which the report costs nothing.
@event_priority(-110)
def on_pre_build(config: MkDocsConfig) -> None:
    if i18n_plugin(config).building:  # a language built inside the first one's build
        return
    languages = build_languages(config)
    _state["report"] = None
    if len(languages) > 1:  # not the one-language preview
        with editors_errors():  # a page that is not UTF-8, say
            _state["report"] = translation_status(Path(config.docs_dir), default_language(config), languages)


@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    report = _state["report"]
    if not is_last_step_of_build(config) or report is None:
        return
    _state["report"] = None
    if any(status.missing or status.outdated for status in report):
        report_log.warning("Translations need attention (make translations shows this report):\n%s", format_report(report))
    else:
        report_log.info("Translations: every page is translated and up to date.")
