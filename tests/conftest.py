"""Shared test helpers: copy the site into a temporary folder, build it for real, read the output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

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


def language_dir(site: Path, language: str) -> Path:
    return site if language == DEFAULT_LANGUAGE else site / language


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


__all__ = ["LANGUAGES", "DEFAULT_LANGUAGE"]
