"""Shared test helpers: copy the site into a temporary folder, build it for real, read the output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HOOKS_DIR = PROJECT_ROOT / "hooks"
sys.path.insert(0, str(HOOKS_DIR))  # unit tests import the plain helpers in hooks/gppkit

from gppkit.languages import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402

# A fixed "now" (2026-11-21 12:00 UTC) so that builds, and so tests, are reproducible.
SOURCE_DATE_EPOCH = "1795262400"
SITE_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")


def copy_site(destination: Path) -> Path:
    """Copy the project's site sources into ``destination`` and return it."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = PROJECT_ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def build_env(**overrides: str) -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GPP_ONLY_LANGUAGE", None)
    env.update(overrides)
    return env


def run_build(site_root: Path, site_dir: Path | None = None, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` on ``site_root``; return the finished process."""
    output = site_dir or site_root / "site"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(output), *extra],
        cwd=site_root,
        env=build_env(**env),
        capture_output=True,
        text=True,
        timeout=600,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """The build failed with exit code 1, without a traceback, and its message has every fragment."""
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    for fragment in fragments:
        assert fragment in output, f"{fragment!r} not in:\n{output}"
    return output


class _TolerantLoader(yaml.SafeLoader):
    pass


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_mkdocs_config(site_root: Path = PROJECT_ROOT) -> dict:
    return yaml.load((site_root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)


def language_settings(language: str) -> dict:
    """A language's entry in mkdocs.yml's ``plugins.i18n.languages``."""
    config = read_mkdocs_config()
    (i18n,) = [plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin]
    return next(entry for entry in i18n["languages"] if entry["locale"] == language)


def site_name(language: str) -> str:
    """The site's name on a language's pages."""
    return language_settings(language).get("site_name", read_mkdocs_config()["site_name"])


def language_dir(site: Path, language: str) -> Path:
    return site if language == DEFAULT_LANGUAGE else site / language


def language_prefix(language: str) -> str:
    """A language's folder in URLs: "" for the default language, "bg/" for the others."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def page_url(language: str, source: str) -> str:
    """The absolute address of a source page (``projects/greens.md``) in a language."""
    return read_mkdocs_config()["site_url"] + language_prefix(language) + output_path(source).removesuffix("index.html")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def english_pages() -> list[str]:
    """Source paths (relative to docs/en) of every English Markdown page."""
    root = PROJECT_ROOT / "docs" / DEFAULT_LANGUAGE
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*.md"))


def output_path(source: str) -> str:
    """``projects/greens.md`` → ``projects/greens/index.html`` (directory URLs)."""
    stem = source[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] + "index.html"
    return f"{stem}/index.html"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, copied and built once with --strict for the whole test session."""
    root = copy_site(tmp_path_factory.mktemp("site-src"))
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def untranslated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built without the Polish privacy page and the Finnish post of 2026-10-05: both
    are served as untranslated copies of the English ones."""
    root = copy_site(tmp_path_factory.mktemp("untranslated"))
    (root / "docs/pl/privacy.md").unlink()
    (root / "docs/fi/news/2026-10-05-green-deal-themes.md").unlink()
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


__all__ = ["LANGUAGES", "DEFAULT_LANGUAGE"]


# --- Serving the built site and driving a browser (browser tests) -----------------------------------

import functools  # noqa: E402
import threading  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

from gppkit.urls import site_path  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # LinkChecker throttles every host to ~3 requests a second unless the server says it is a test server.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="session")
def served_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 under site_url's path; yields the base URL (ends in /)."""
    prefix = site_path(read_mkdocs_config()["site_url"])
    root = tmp_path_factory.mktemp("served")
    if prefix.strip("/"):
        mount = root / prefix.strip("/")
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(built_site, target_is_directory=True)
    else:
        root = built_site
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def _browser_missing(reason: str) -> None:
    """A missing browser skips the test locally, and fails it in CI (CI=true)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    """Debian's chromium driven by Playwright (`playwright install` cannot download browsers here)."""
    if not CHROMIUM.exists():
        _browser_missing(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_missing("the playwright package is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


WCAG_21_AA_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def wcag_violations(page: object, context: dict | None = None) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on a browser page (or the part ``context`` names),
    a line each."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": list(WCAG_21_AA_TAGS)}}
    results = Axe().run(page, context=context, options=options)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} × e.g. {v['nodes'][0]['target']})"
            for v in results.response["violations"]]


@pytest.fixture
def browser_page(chromium_browser: object) -> Iterator[object]:
    """A fresh page (own context: no cookies or storage shared between tests)."""
    context = chromium_browser.new_context()  # type: ignore[attr-defined]
    try:
        yield context.new_page()
    finally:
        context.close()
