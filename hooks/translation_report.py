"""After the last language is built, report missing and outdated translations.

The report warns and never fails the build, even under --strict: an outdated translation is
still worth publishing. It goes to its own logger, outside MkDocs' strict-mode warning counter.
"""

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from gpp_mkdocs import build_languages, default_language, is_last_step_of_build
from gppkit.translations import format_report, translation_status

report_log = logging.getLogger("gpp.translations")
if not report_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    report_log.addHandler(_handler)
    report_log.propagate = False


@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_last_step_of_build(config) or len(build_languages(config)) < 2:
        return
    report = translation_status(Path(config.docs_dir), default_language(config), build_languages(config))
    if any(status.missing or status.outdated for status in report):
        report_log.warning("Translations need attention (make translations shows this report):\n%s", format_report(report))
    else:
        report_log.info("Translations: every page is translated and up to date.")
