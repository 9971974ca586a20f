"""A client for `pagefind --service`: pages in over a pipe as they are written, the bundle's files out.

Pagefind's service reads requests from stdin and answers on stdout, each message base64-encoded
JSON followed by a comma. It handles one request at a time, in the order they came, so pages sent
in a fixed order give a fixed bundle (its command line reads pages in the order the file system
lists them). Not pagefind's own Python wrapper: it waits 0.1 s before reading each answer, six
minutes for the 3500 pages of the benchmark's site.

Requests are sent without waiting for their answers: Pagefind reads its stdin in a thread of its
own and queues what it has not handled yet, and its answers wait in its stdout until they are read,
so neither side blocks the other. The files are asked for (GetFiles) rather than written by
Pagefind (WriteFiles), because Pagefind's service may still be writing when it answers.
"""

from __future__ import annotations

import base64
import fcntl
import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

MESSAGE_END = b","


class PagefindServiceError(RuntimeError):
    pass


def pagefind_executable() -> Path:
    """The Pagefind binary the `pagefind` package would run (PAGEFIND_BINARY_PATH, pagefind_bin, PATH)."""
    from pagefind.service import get_executable  # noqa: PLC0415 - only builds that index need it

    executable = get_executable()
    if executable is None:
        raise PagefindServiceError("Pagefind's binary was not found: install the packages in requirements.txt")
    return executable


PIPE_BYTES = 1 << 20  # Linux's default limit for a pipe's buffer (/proc/sys/fs/pipe-max-size)


def _widen(pipe: Any) -> None:
    """A page's view (a catalogue's is megabytes) fits in the pipe: the build does not wait, page by
    page, for Pagefind's reading thread to be given a CPU (64 KiB by default)."""
    try:
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (AttributeError, OSError):  # another system, or a lower limit: the default size works too
        pass


class PagefindService:
    """One Pagefind service process holding one index."""

    def __init__(self, executable: Path | None = None):
        command = [str(executable or pagefind_executable()), "--service"]
        self._errors = tempfile.TemporaryFile()  # a file, not a pipe: nobody reads it until something fails
        try:
            self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors)
        except OSError as error:
            self._errors.close()
            raise PagefindServiceError(f"Pagefind could not be started: {error}") from None
        _widen(self._process.stdin)
        self._unread = bytearray()
        self._answers: dict[int, dict[str, Any]] = {}
        self._last_id = 0
        try:
            self.index_id = self.request({"type": "NewIndex", "config": None})["index_id"]
        except PagefindServiceError:
            self.close()
            raise

    def send(self, payload: dict[str, Any]) -> int:
        """Send a request without waiting for its answer; returns its message id."""
        self._last_id += 1
        message = json.dumps({"message_id": self._last_id, "payload": payload}, ensure_ascii=False)
        try:
            self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + MESSAGE_END)  # type: ignore[union-attr]
        except (BrokenPipeError, ValueError):
            raise PagefindServiceError(f"Pagefind stopped{self._stderr()}") from None
        return self._last_id

    def answer(self, message_id: int) -> dict[str, Any]:
        """The answer to one request (the answers before it are kept for ``answer``)."""
        try:
            self._process.stdin.flush()  # type: ignore[union-attr]
        except (BrokenPipeError, ValueError):
            raise PagefindServiceError(f"Pagefind stopped{self._stderr()}") from None
        while message_id not in self._answers:
            message = json.loads(base64.b64decode(self._read_message()))
            self._answers[message.get("message_id")] = message["payload"]
        return self._answers.pop(message_id)

    def request(self, payload: dict[str, Any]) -> dict[str, Any]:
        return self.answer(self.send(payload))

    def _read_message(self) -> bytes:
        stdout = self._process.stdout
        end = self._unread.find(MESSAGE_END)
        while end < 0:
            chunk = stdout.read1(1 << 20)  # type: ignore[union-attr]
            if not chunk:
                raise PagefindServiceError(f"Pagefind stopped{self._stderr()}")
            end = chunk.find(MESSAGE_END)
            if end >= 0:
                end += len(self._unread)
            self._unread += chunk
        message = bytes(self._unread[:end])
        del self._unread[:end + len(MESSAGE_END)]
        return message

    def _stderr(self) -> str:
        """Its exit code and what it printed, once it has stopped (it has closed its stdout)."""
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self._errors.seek(0)
        text = self._errors.read().decode("utf-8", "replace").strip()
        code = "" if self._process.returncode is None else f" (exit {self._process.returncode})"
        return code + (f":\n{text}" if text else "")

    def close(self) -> None:
        """Idempotent. The service leaves when its stdin closes."""
        if self._process.stdin and not self._process.stdin.closed:
            try:
                self._process.stdin.close()
            except BrokenPipeError:
                pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout:
            self._process.stdout.close()
        self._errors.close()
