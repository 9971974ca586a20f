"""`make preview` (`mkdocs serve --dirty`) rebuilds only the pages whose own file changed, but pages
also show what other files hold: the catalogue, councils and events (data/), the interface strings
(data/ui/), the news posts (the listing, tag pages, the home page's latest news), the nav's titles
(mkdocs.yml) and the templates (overrides/). An editor who changed one of those saw the old text
until the page's own file was saved. When any of them changed since the last build, every page is
built again; saving an ordinary page stays a one-page rebuild.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from gpp_data import data_dir, post_files
from gppkit.file_cache import files_fingerprint

_state: dict[str, Any] = {"dirty_serve": False, "inputs": None}


def on_startup(command: str, dirty: bool) -> None:
    _state["dirty_serve"] = command == "serve" and dirty


def _shared_inputs(config: MkDocsConfig) -> list[Path]:
    """The files whose text reaches pages other than their own."""
    folders = [data_dir(config)] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
    files = [path for folder in folders for path in folder.rglob("*") if path.is_file()]
    return sorted([*files, *post_files(config), Path(config.config_file_path)])


def _always_modified() -> bool:
    return True


# Last: after the hooks that add generated pages (tag pages are rebuilt anyway: they have no file).
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not _state["dirty_serve"]:
        return files
    inputs = files_fingerprint(_shared_inputs(config))
    if _state["inputs"] is not None and inputs != _state["inputs"]:
        for file in files.documentation_pages():
            file.is_modified = _always_modified  # MkDocs' --dirty builds a page only if this says so
    _state["inputs"] = inputs
    return files
