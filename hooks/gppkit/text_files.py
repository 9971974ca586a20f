"""Editors' text files read as UTF-8, with the line of the first byte that is not."""

from __future__ import annotations

from pathlib import Path

from .problems import DataError, Problem

UTF8_EXPECTED = "a UTF-8 text file (in your editor: save with the encoding UTF-8)"


def decode_text(data: bytes, file_label: str) -> str:
    """``data`` as text, a leading byte-order mark dropped; DataError naming the line and column of
    the first byte that is not UTF-8 (a file saved as Windows-1252 or Latin-1, say)."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start:error.start].decode("utf-8", errors="replace")) + 1
        raise DataError([Problem(file_label, line, None, None,
                                 f"bytes that are not UTF-8 at column {column} ({error.reason})", UTF8_EXPECTED)]) from None


def read_text(path: Path, file_label: str) -> str:
    """The text of ``path`` (see ``decode_text``); OSError (a missing file, say) is the caller's."""
    return decode_text(path.read_bytes(), file_label)
