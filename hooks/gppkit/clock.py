"""The build's "now": SOURCE_DATE_EPOCH when set (reproducible builds), else the clock.

Everything that depends on the date (upcoming or past events, calendar DTSTAMP, feeds without
posts) asks this one helper, so two builds with the same SOURCE_DATE_EPOCH give the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, timezone


class ClockError(ValueError):
    pass


def build_now(environ: Mapping[str, str] | None = None) -> datetime:
    """An aware UTC datetime: SOURCE_DATE_EPOCH (seconds since 1970) if set, else the current time."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(timezone.utc).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise ClockError(
            f"environment variable SOURCE_DATE_EPOCH: received {epoch!r}; "
            "expected a whole number of seconds since 1970-01-01 UTC, such as 1795262400."
        ) from None
