"""Each language's 404 page in that language, and the root 404.html in the default language.

Every per-language build writes the theme's 404.html to the site root, so the last language
built would win. Each build moves its own 404.html into its language folder; after the last
build the default language's copy is put back at the root.

The 404 page's language switcher leads to each language's home page. static-i18n sets the
switcher's links of every page as an attribute of ``config.extra`` that outlives the build, so a
404 page (rendered before the pages) would otherwise show the links of the previous language's
last page, and, with languages built in parallel processes, depend on which process built what.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority

from gpp_mkdocs import current_language, default_language, is_last_step_of_build

_default_404: dict[str, bytes] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    if current_language(config) == default_language(config):
        _default_404.clear()
    # The previous build's last page's switcher links, which shadow config.extra["alternate"].
    vars(config.extra).pop("alternate", None)


def _move_language_404(config: MkDocsConfig) -> None:
    root_404 = Path(config.site_dir) / "404.html"
    if not root_404.exists():
        return
    language = current_language(config)
    if language == default_language(config):
        _default_404["html"] = root_404.read_bytes()
    else:
        language_404 = Path(config.site_dir) / language / "404.html"
        language_404.parent.mkdir(parents=True, exist_ok=True)
        root_404.replace(language_404)


# Below static-i18n's on_post_build (-100), inside which the other languages are built.
@event_priority(-110)
def _restore_default_404(config: MkDocsConfig) -> None:
    if is_last_step_of_build(config) and "html" in _default_404:
        (Path(config.site_dir) / "404.html").write_bytes(_default_404["html"])


on_post_build = CombinedEvent(_move_language_404, _restore_default_404)
