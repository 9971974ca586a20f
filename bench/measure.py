"""Run one build as a subprocess: wall time, CPU time and peak memory of its whole process tree.

Memory is sampled from /proc every 50 ms: the sum of the resident set sizes of the build and
all its descendants (parallel language processes, Pagefind) at the worst moment. The largest
single process (ru_maxrss of the finished child, from wait4) is reported beside it.

CPU time comes from wait4 too: the build's own and that of every descendant it waited for
(language processes, YAML parts, Pagefind). On a machine shared with other work, user CPU time
varies less than wall time (system time varies more: this machine's page faults cost more when busy).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BUILD_ENV = {"SOURCE_DATE_EPOCH": "1795262400", "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class BuildResult:
    seconds: float
    peak_tree_mb: float
    peak_process_mb: float
    user_seconds: float  # CPU time in user mode, the whole process tree
    system_seconds: float


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, IndexError, ValueError):
        return 0.0


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and every descendant, in MiB."""
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        total += rss_mb(current)
        pending.extend(_children(current))
    return total


class TreeMemory:
    """Samples the tree's memory in a thread until stopped; ``peak`` is the largest sample."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval, self.peak = pid, interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(self.pid))
            self._stop.wait(self.interval)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def mkdocs_command(config_file: str, site_dir: Path, strict: bool) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config_file, "--site-dir", str(site_dir)]
    return command + (["--strict"] if strict else [])


def timed_command(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> BuildResult:
    """Run ``command``; raise SystemExit with the end of its output if it fails."""
    log = cwd / "build.log"
    with open(log, "wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        memory = TreeMemory(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed in {cwd}:\n{log.read_text()[-4000:]}")
    return BuildResult(seconds, peak, usage.ru_maxrss / 1024, usage.ru_utime, usage.ru_stime)


def timed_build(folder: Path, config_file: str, site_dir: Path, strict: bool) -> BuildResult:
    env = {**os.environ, **BUILD_ENV}
    env.pop("GPP_ONLY_LANGUAGE", None)
    return timed_command(mkdocs_command(config_file, site_dir, strict), folder, env)
