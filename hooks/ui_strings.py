"""Interface strings from data/ui/*.yml, in the language being built, as `config.extra.ui`."""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from gpp_mkdocs import current_language
from gppkit.problems import DataError
from gppkit.ui_text import load_ui_folder, ui_for_language


def on_config(config: MkDocsConfig) -> None:
    ui_folder = Path(config.config_file_path).parent / "data" / "ui"
    try:
        strings = load_ui_folder(ui_folder)
    except DataError as error:
        raise PluginError(error.report()) from None
    config.extra["ui"] = ui_for_language(strings, current_language(config))
