"""`make preview` (`mkdocs serve --dirty` of one language): a change to data/, a news post or the
interface strings reaches every page that shows it, not only the page whose own file was saved."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, copy_site

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
# bench/ is not a package; its preview runs what `make preview` runs (tests/test_bench_smoke.py).
from preview import free_port, start_serve, stop, wait_for  # noqa: E402


@pytest.fixture
def polish_preview(tmp_path: Path) -> Iterator[tuple[Path, str, object]]:
    root = copy_site(tmp_path)
    port = free_port()
    process = start_serve(root, "pl", port)
    base = f"http://127.0.0.1:{port}/baltic-gpp/"
    try:
        wait_for(base + "suppliers/", "<html", process, timeout=180)
        yield root, base, process
    finally:
        stop(process)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_preview_shows_changed_data_posts_and_strings_on_the_pages_that_show_them(polish_preview):
    root, base, process = polish_preview
    replace_in(root / "data" / "suppliers.yml", "ЕкоПринт Пловдив ООД", "ЕкоПринт Пловдив Нов ООД")
    wait_for(base + "suppliers/", "ЕкоПринт Пловдив Нов ООД", process, timeout=90)

    post = root / "docs" / "pl" / "news" / "2026-09-15-chemclimcircle-ii-invites-partners.md"
    replace_in(post, "title: ChemClimCircle II zaprasza", "title: ChemClimCircle II pilnie zaprasza")
    replace_in(post, "# ChemClimCircle II zaprasza", "# ChemClimCircle II pilnie zaprasza")
    wait_for(base + "news/", "ChemClimCircle II pilnie zaprasza", process, timeout=90)
    wait_for(base, "ChemClimCircle II pilnie zaprasza", process, timeout=90)  # the home page's latest news

    replace_in(root / "data" / "ui" / "site.yml", "pl: Polityka prywatności", "pl: Prywatność i dane")
    wait_for(base + "councils/", "Prywatność i dane", process, timeout=90)  # the footer of every page
