"""Run the independent parts of one computation on every CPU: forked children, results in order.

Reading the data is the one step of a build that nothing can overlap: every language needs
it, so the parallel language builds start only once it is done. 5000 suppliers are 6 MB of
YAML: with PyYAML's own loading about 1.6 s in one process and 0.8 s in two halves side by side
(gppkit.yamlio now builds it faster, and the halves save 0.06-0.1 s).

A part can also be started in a child while the caller goes on (``start_in_fork``): the news
posts are read in a child started first, while the suppliers' file is parsed in halves and then
validated. A child forks no children of its own (its CPU is already shared out).

A child reports its result through a pipe (pickled) and leaves with ``os._exit``, so it never
runs the parent's exit handlers nor flushes its buffers. A part that failed in a child, for
any reason, is reported as ``PartFailed`` without its details: the caller computes it again
in its own process, where the error surfaces as usual, with its message and traceback.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
_in_child = False  # set in a forked child: its part runs there, without forking again


class PartFailed(RuntimeError):
    """A part computed in a child process raised, or its process ended without a result."""


def available_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    # Forking a process with other threads running (mkdocs serve's server) may copy a lock that
    # one of them holds: only the single-threaded `mkdocs build` forks.
    return hasattr(os, "fork") and threading.active_count() == 1


def _child(function: Callable[[T], R], item: T, write_end: int) -> None:
    global _in_child
    _in_child = True
    status = 1
    try:
        payload = pickle.dumps(function(item), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        status = 0
    finally:
        os._exit(status)  # noqa: SLF001 - no exit handlers, no buffers of the parent's: it is a copy


def _collect(pid: int, read_end: int) -> tuple[bool, object]:
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()  # read to the end before waiting: a full pipe would block the child
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not payload:
        return False, None
    try:
        return True, pickle.loads(payload)
    except Exception:  # noqa: BLE001 - whatever it was, the caller computes the part itself
        return False, None


def map_in_forks(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[function(item) for item in items]``, the first item here and each other one in a forked child.

    Without fork (another OS, or threads running) everything runs here, one item after another.
    Raises PartFailed when a child's part failed; the parent's own part raises as it would alone.
    """
    if len(items) < 2 or _in_child or not can_fork():
        return [function(item) for item in items]
    children: list[tuple[int, int] | None] = []  # None: no process could be started, computed here
    try:
        for item in items[1:]:
            children.append(_start(function, item))
        own = [function(items[0])]
    finally:
        outcomes = [(True, None) if child is None else _collect(*child) for child in children]
    if not all(ok for ok, _ in outcomes):
        raise PartFailed(f"{sum(not ok for ok, _ in outcomes)} of {len(children)} parts failed in their processes")
    results = [function(item) if child is None else value
               for item, child, (_, value) in zip(items[1:], children, outcomes)]
    return own + results  # type: ignore[operator]


def start_in_fork(function: Callable[[], R]) -> Callable[[], R]:
    """Start ``function()`` in a forked child now; call the function returned (once) for its result.

    The caller goes on meanwhile. Without fork (or in a child) the part is computed when its result
    is asked for; a part that failed in its child is computed again here, where its error surfaces
    with its message.
    """
    child = None if _in_child or not can_fork() else _start(_called, function)

    def result() -> R:
        if child is not None:
            ok, value = _collect(*child)
            if ok:
                return value  # type: ignore[return-value]
        return function()
    return result


def _called(function: Callable[[], R]) -> R:
    return function()


def _start(function: Callable[[T], R], item: T) -> tuple[int, int] | None:
    """Fork a child computing ``function(item)``: (pid, read end of its pipe), or None if fork failed."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no more processes allowed, say
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        os.close(read_end)
        _child(function, item, write_end)
    os.close(write_end)
    return pid, read_end
