"""Editor preview: from saving a page to the rebuilt page being served by `make preview`.

Starts `GPP_ONLY_LANGUAGE=<language> mkdocs serve --dirty --no-strict` (what `make preview` runs) on a free
127.0.0.1 port, then edits one page again and again, each time polling the page over HTTP until
the new text is served. The serve process's memory is read after each rebuild.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from measure import BUILD_ENV, rss_mb

# What `make preview` passes to `mkdocs serve` (tests/test_bench_smoke.py checks the Makefile agrees).
PREVIEW_FLAGS = ("--dirty", "--no-strict")
POLL_SECONDS = 0.01
PAUSE_BETWEEN_EDITS = 0.5  # an editor saves every few seconds at most


@dataclass
class PreviewResult:
    latencies: list[float] = field(default_factory=list)
    rss_after: dict[int, float] = field(default_factory=dict)  # rebuild number → MiB
    startup_seconds: float = 0.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, process: subprocess.Popen, timeout: float) -> float:
    """Seconds until ``url`` serves a body containing ``text``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        if process.poll() is not None:
            raise SystemExit(f"bench: mkdocs serve stopped (exit {process.returncode}) before serving {url}")
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"bench: {url} did not serve {text!r} within {timeout:.0f} s")


def start_serve(folder: Path, language: str, port: int) -> subprocess.Popen:
    env = {**os.environ, **BUILD_ENV, "GPP_ONLY_LANGUAGE": language}
    command = [sys.executable, "-m", "mkdocs", "serve", *PREVIEW_FLAGS, "-a", f"127.0.0.1:{port}"]
    log = open(folder / "serve.log", "wb")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def edit_and_wait(page: Path, url: str, number: int, process: subprocess.Popen) -> float:
    marker = f"Preview edit number {number} of benchmark run {os.getpid()}-{time.time_ns()}."
    original = page.read_text(encoding="utf-8")
    page.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
    return wait_for(url, marker, process, timeout=120)


def measure_preview(folder: Path, language: str, page: str, page_url: str, edits: int) -> PreviewResult:
    """``page`` is the source path inside docs/<language>/; ``page_url`` its path below the served root."""
    port, result = free_port(), PreviewResult()
    url = f"http://127.0.0.1:{port}{page_url}"
    process = start_serve(folder, language, port)
    try:
        result.startup_seconds = wait_for(url, "<html", process, timeout=600)
        for number in range(1, edits + 1):
            time.sleep(PAUSE_BETWEEN_EDITS)
            result.latencies.append(edit_and_wait(folder / "docs" / language / page, url, number, process))
            result.rss_after[number] = rss_mb(process.pid)
    finally:
        stop(process)
    return result
