"""The search bundle of one `mkdocs build`: made language by language, assembled at the end.

Each language's pages go to a Pagefind service as they are written, in whichever process builds
the language (hooks/search_pages.py); at the end of its build the language's bundle is written
into a scratch folder made before the language processes are forked, and the last step of the
build (hooks/search.py) assembles them in the site. Pagefind thus indexes while the languages
are built, instead of reading the whole site back after the last one (README, "Build speed").

Not in the editor preview nor `mkdocs serve` (which index the written site, gppkit.search), nor
in a --dirty build, which writes only the pages that changed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from gppkit.search import PAGEFIND_FOLDER, LanguageSearchIndex, assemble_bundle

# scratch: the folder holding each language's bundle; owner: the process that made it (the
# language processes write into it too, but only its owner assembles or removes it).
_build: dict[str, Any] = {"scratch": None, "owner": None, "language": None, "index": None}


def begin(site_dir: Path) -> None:
    """At the start of a whole build, before the language processes are forked.

    Raises OSError when no scratch folder can be made next to the site: the caller lets Pagefind
    index the written site at the end instead.
    """
    discard()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".gpp-search-", dir=site_dir.parent))
    _build.update(scratch=scratch, owner=os.getpid())


def is_active() -> bool:
    return _build["scratch"] is not None


def add_page(language: str, dest_path: str, page_html: str) -> None:
    """A page of ``language`` as written (``dest_path``: its path in the site)."""
    if _build["language"] != language:
        end_language()
        _build.update(language=language, index=LanguageSearchIndex())
    _build["index"].add(dest_path, page_html)


def end_language() -> None:
    """After a language's last page: its bundle goes into the scratch folder."""
    index, language = _build["index"], _build["language"]
    _build.update(index=None, language=None)
    if index is not None and _build["scratch"] is not None:
        index.write_bundle(_build["scratch"] / language)


def assemble(site_dir: Path) -> bool:
    """In the last step: the languages' bundles into the site's; False if no language indexed a page."""
    end_language()
    scratch = _build["scratch"]
    languages = sorted(folder for folder in scratch.iterdir() if folder.is_dir())
    if not languages:
        return False
    bundle_dir = site_dir / PAGEFIND_FOLDER
    shutil.rmtree(bundle_dir, ignore_errors=True)
    assemble_bundle(languages, bundle_dir)
    return True


def discard() -> None:
    """Stop this process's Pagefind service; the owner also removes the scratch folder. Idempotent."""
    if _build["index"] is not None:
        _build["index"].close()
    _build.update(index=None, language=None)
    if _build["scratch"] is not None and _build["owner"] == os.getpid():
        shutil.rmtree(_build["scratch"], ignore_errors=True)
        _build.update(scratch=None, owner=None)
