"""Translation status: which pages each language lacks, and which translations are outdated.

A translation records the English source it was made from as ``source_hash`` in its front
matter: the first 12 hex digits of the SHA-256 of the English file. When the English page
changes, its hash changes and the translation is reported as outdated until a translator
updates it and runs ``make translations-mark FILE=docs/pl/page.md`` (or edits the hash).
A hash is used rather than Git history so the check works in shallow clones and tarballs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .news import is_post_source
from .page_front_matter import FRONT_MATTER, front_matter_text
from .text_files import read_text

HASH_KEY = "source_hash"
HASH_LENGTH = 12
# libyaml's parser when PyYAML has it: the report reads the front matter of every page of every
# language after each build: 3440 pages took 1.1 s with the Python parser, 0.12 s with libyaml.
_FRONT_MATTER_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def source_hash(text: str) -> str:
    """Hash of an English page, insensitive to line endings and trailing spaces."""
    normalised = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def recorded_hash(text: str) -> str | None:
    block = front_matter_text(text)
    if block is None:
        return None
    try:
        meta = yaml.load(block, Loader=_FRONT_MATTER_LOADER) or {}  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None
    value = meta.get(HASH_KEY) if isinstance(meta, dict) else None
    return str(value) if value is not None else None


def with_recorded_hash(text: str, new_hash: str) -> str:
    """``text`` with ``source_hash: new_hash`` in its front matter (added or replaced); a file saved
    with Windows line ends keeps them."""
    line_end = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    line = f"{HASH_KEY}: {new_hash}\n"
    match = FRONT_MATTER.match(text)
    if not match:
        marked = f"---\n{line}---\n{text}"
    else:
        body, replaced = re.subn(rf"(?m)^{HASH_KEY}:.*\n", line, match.group(1))
        if not replaced:
            body += line
        marked = text[:match.start(1)] + body + text[match.end(1):]
    return marked.replace("\n", line_end)


@dataclass
class LanguageStatus:
    language: str
    missing: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)
    unrecorded: list[str] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)

    @property
    def needs_work(self) -> bool:
        return bool(self.missing or self.outdated or self.unrecorded)


def markdown_pages(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def page_text(docs_dir: Path, language: str, page: str) -> str:
    """A page's text; DataError naming the line of a byte that is not UTF-8."""
    return read_text(docs_dir / language / page, f"{docs_dir.name}/{language}/{page}")


def translation_status(docs_dir: Path, source_language: str, languages: list[str]) -> list[LanguageStatus]:
    """Compare every page of ``docs_dir/source_language`` with each other language's copy."""
    sources = {page: source_hash(page_text(docs_dir, source_language, page))
               for page in markdown_pages(docs_dir / source_language)}
    report = []
    for language in languages:
        if language == source_language:
            continue
        status = LanguageStatus(language)
        for page, current in sources.items():
            translation = docs_dir / language / page
            if not translation.exists():
                status.missing.append(page)
                continue
            recorded = recorded_hash(page_text(docs_dir, language, page))
            if recorded is None:
                status.unrecorded.append(page)
            elif recorded != current:
                status.outdated.append(page)
            else:
                status.up_to_date.append(page)
        report.append(status)
    return report


def pages_without_original(docs_dir: Path, source_language: str, languages: list[str]) -> list[str]:
    """Problems for pages of other languages that have no page of ``source_language`` with their name.

    A translation saved under a name of its own (docs/pl/dolacz.md for join.md) was published where
    no link leads, while Polish readers got the English copy of join.md. A news post is its
    language's own: it needs no original."""
    originals = set(markdown_pages(docs_dir / source_language))
    return [f"docs/{language}/{page}: received a page with no original in docs/{source_language}/; expected a "
            f"translation to keep its original's file name (docs/{language}/<the {source_language} page's name>), "
            f"or the page added to docs/{source_language}/ first"
            for language in languages if language != source_language and (docs_dir / language).is_dir()
            for page in markdown_pages(docs_dir / language)
            if page not in originals and not is_post_source(f"{language}/{page}")]


def format_report(report: list[LanguageStatus]) -> str:
    lines = []
    for status in report:
        total = len(status.missing) + len(status.outdated) + len(status.unrecorded) + len(status.up_to_date)
        lines.append(f"{status.language}: {len(status.up_to_date)} of {total} pages up to date, "
                     f"{len(status.missing)} missing, {len(status.outdated)} outdated, "
                     f"{len(status.unrecorded)} without {HASH_KEY}")
        for label, pages in (("missing", status.missing), ("outdated", status.outdated),
                             (f"no {HASH_KEY}", status.unrecorded)):
            lines.extend(f"  {label}: docs/{status.language}/{page}" for page in pages)
    return "\n".join(lines)
