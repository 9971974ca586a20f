"""The stretch contender: Hugo (Debian package `hugo`) on the same Markdown, if it is installed.

The same pages in every language (an English copy where a translation is missing, as the MkDocs
sites serve one), index.md renamed _index.md (Hugo's section page), and a small layout that
renders what the project's pages carry: the areas and their sections as links, the current
section's pages, the table of contents, hreflang links, the content. Hugo also writes its
sitemap, RSS feeds and tag pages, as the project does.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from measure import BuildResult, timed_command
from series import Series
from sitegen import LANGUAGES

CONFIG = """baseURL = "https://www.example.org/baltic-gpp/"
title = "Baltic green procurement network"
defaultContentLanguage = "en"
[markup.goldmark.renderer]
unsafe = true
"""
BASEOF = """<!doctype html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head><body><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Language.Lang }}</a> {{ end }}</header>
<nav>{{ partial "nav.html" . }}</nav><nav>{{ .TableOfContents }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""
NAV = """{{ $page := . }}<ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><ul>
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><ul>
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ if or (eq $page.CurrentSection .) ($page.IsDescendant .) }}<ul>{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}</li>
{{ end }}</ul></li>{{ end }}</ul></li>{{ end }}</ul>
"""
MAIN = '{{ define "main" }}{{ .Content }}{{ end }}\n'


def _languages_config() -> str:
    blocks = [f'[languages.{language}]\ncontentDir = "content/{language}"\nweight = {weight}\n'
              for weight, language in enumerate(LANGUAGES, start=1)]
    return "".join(blocks)


def with_title(markdown: str) -> str:
    """Hugo takes a page's title from its front matter only; MkDocs from the first '# ' heading."""
    heading = next((line[2:] for line in markdown.splitlines() if line.startswith("# ")), "")
    if not markdown.startswith("---\n") or "\ntitle:" in markdown.split("\n---", 2)[0]:
        return markdown
    return f"---\ntitle: {json.dumps(heading, ensure_ascii=False)}" + markdown[3:]


def _copy_content(docs: Path, content: Path) -> None:
    """Each language's pages, English where a translation is missing; index.md becomes _index.md,
    and a folder without one (an area of sections) gets one, so that Hugo sees a section."""
    english = docs / "en"
    for language in LANGUAGES:
        for source in english.rglob("*.md"):
            relative = source.relative_to(english)
            translated = docs / language / relative
            name = "_index.md" if relative.name == "index.md" else relative.name
            target = content / language / relative.parent / name
            target.parent.mkdir(parents=True, exist_ok=True)
            text = (translated if translated.exists() else source).read_text(encoding="utf-8")
            target.write_text(with_title(text), encoding="utf-8")
        for folder in (content / language).rglob("*/"):
            if folder.is_dir() and not (folder / "_index.md").exists():
                (folder / "_index.md").write_text(f"---\ntitle: {folder.name}\n---\n", encoding="utf-8")


def write_hugo_site(docs: Path, folder: Path) -> Path:
    _copy_content(docs, folder / "content")
    (folder / "hugo.toml").write_text(CONFIG + _languages_config(), encoding="utf-8")
    layouts = folder / "layouts"
    (layouts / "partials").mkdir(parents=True, exist_ok=True)
    (layouts / "_default").mkdir(parents=True, exist_ok=True)
    (layouts / "_default" / "baseof.html").write_text(BASEOF, encoding="utf-8")
    (layouts / "partials" / "nav.html").write_text(NAV, encoding="utf-8")
    for kind in ("single", "list"):
        (layouts / "_default" / f"{kind}.html").write_text(MAIN, encoding="utf-8")
    return folder


def hugo_build(folder: Path, output: Path) -> Callable[[], BuildResult]:
    def run() -> BuildResult:
        shutil.rmtree(output, ignore_errors=True)
        return timed_command(["hugo", "--quiet", "--source", str(folder), "--destination", str(output)], folder)

    return run


def hugo_contender(docs: Path, folder: Path, pages: int, output: Path) -> tuple[Series, Callable[[], BuildResult]] | None:
    """Hugo on the Markdown in ``docs``, its site in ``folder``, built into ``output``; None without Hugo."""
    if shutil.which("hugo") is None:
        return None
    version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    return Series(f"Hugo {version}", pages), hugo_build(write_hugo_site(docs, folder), output)
