"""`make preview` (`mkdocs serve --dirty` of one language): a change to data/, a news post or the
interface strings reaches every page that shows it, not only the page whose own file was saved."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import build_env, copy_site

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from preview import PREVIEW_FLAGS  # noqa: E402 - bench/ is not a package: what `make preview` passes


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def served(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_until_served(url: str, text: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in served(url):
            return
        assert process.poll() is None, "mkdocs serve stopped"
        time.sleep(0.1)
    pytest.fail(f"{url} did not serve {text!r} within {timeout} s")


@pytest.fixture
def polish_preview(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    root = copy_site(tmp_path)
    port = free_port()
    env = {**os.environ, **build_env(), "GPP_ONLY_LANGUAGE": "pl"}
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *PREVIEW_FLAGS, "-a", f"127.0.0.1:{port}"],
                               cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/baltic-gpp/"
    try:
        wait_until_served(base + "suppliers/", "<html", process, timeout=180)
        yield root, base, process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_preview_shows_changed_data_posts_and_strings_on_the_pages_that_show_them(polish_preview):
    root, base, process = polish_preview
    replace_in(root / "data" / "suppliers.yml", "ЕкоПринт Пловдив ООД", "ЕкоПринт Пловдив Нов ООД")
    wait_until_served(base + "suppliers/", "ЕкоПринт Пловдив Нов ООД", process)

    post = root / "docs" / "pl" / "news" / "2026-09-15-chemclimcircle-ii-invites-partners.md"
    replace_in(post, "title: ChemClimCircle II zaprasza", "title: ChemClimCircle II pilnie zaprasza")
    replace_in(post, "# ChemClimCircle II zaprasza", "# ChemClimCircle II pilnie zaprasza")
    wait_until_served(base + "news/", "ChemClimCircle II pilnie zaprasza", process)
    wait_until_served(base, "ChemClimCircle II pilnie zaprasza", process)  # the home page's latest news

    replace_in(root / "data" / "ui" / "site.yml", "pl: Polityka prywatności", "pl: Prywatność i dane")
    wait_until_served(base + "councils/", "Prywatność i dane", process)  # the footer of every page
