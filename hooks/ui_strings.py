"""Interface strings from data/ui/*.yml, in the language being built, as `config.extra.ui`."""

import functools
import re
from pathlib import Path

import material

from mkdocs.config.defaults import MkDocsConfig

from gpp_data import data_dir, editors_errors
from gpp_mkdocs import current_language
from gppkit.ui_text import load_ui_folder, ui_for_language


@functools.cache
def material_translation_keys() -> frozenset[str]:
    """The keys of Material's own interface strings, which data/ui/theme.yml may reword."""
    english = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    return frozenset(re.findall(r'^\s*"([a-z][a-z.]*)":', english.read_text(encoding="utf-8"), re.MULTILINE))


def on_config(config: MkDocsConfig) -> None:
    with editors_errors():
        strings = load_ui_folder(data_dir(config) / "ui", theme_keys=material_translation_keys())
    config.extra["ui"] = ui_for_language(strings, current_language(config))
    # Every language's, for the few texts a page shows in another language (hooks/language_offer.py).
    config.extra["ui_translations"] = strings
