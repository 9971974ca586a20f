"""`mkdocs serve` (and `make preview`) notice a saved file at once instead of within half a second.

MkDocs 1.6 watches the files with watchdog's PollingObserver: every 0.5 s it lists and stats every
file of docs/ (thousands on a large site), so a save waits 0.25 s on average, up to 0.5 s, before
the rebuild starts, and the polling itself keeps a core busy. The operating system's own file
notifications (inotify on Linux, watchdog's default Observer) report a save immediately. The
watched folders are moved to such an observer before the server starts it; where watchdog has no
native observer, or MkDocs' server changed, the polling stays.

Only changes count, as with polling: inotify also reports files being opened and read, and MkDocs
rebuilds on any event, so every rebuild (which reads the saved page) would start another one.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from watchdog.events import (
    DirCreatedEvent, DirDeletedEvent, DirModifiedEvent, DirMovedEvent, FileClosedEvent, FileCreatedEvent,
    FileDeletedEvent, FileModifiedEvent, FileMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

CHANGES = (FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
           DirCreatedEvent, DirDeletedEvent, DirModifiedEvent, DirMovedEvent)


class ChangeObserver(Observer):  # type: ignore[misc, valid-type]
    """The native observer, reporting changes only (not files being opened or read)."""

    def schedule(self, event_handler: Any, path: str, *, recursive: bool = False, event_filter: Any = None) -> Any:
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES)


# After every other hook's on_serve (catalogue.py watches data/), so that all folders move.
@event_priority(-100)
def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    watched = getattr(server, "_watched_paths", None)  # MkDocs 1.6 LiveReloadServer: path → watch() count
    if Observer is PollingObserver or not isinstance(getattr(server, "observer", None), PollingObserver) \
            or not isinstance(watched, dict):
        return server
    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = ChangeObserver()
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    return server
