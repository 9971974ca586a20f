"""Where the measured builds write their sites: a RAM file system (/dev/shm) when the machine has one
with room, else the benchmark's folder on disk (``--outputs-on-disk`` asks for the disk).

Why not the disk: the benchmark's machine has ext4 without a journal, whose inode allocator passes
over each recently freed inode of a block group after reading it (``recently_deleted`` in the
kernel's ext4/ialloc.c). Each build replaces thousands of files, so a build's files cost what the
builds before it deleted near the folder: copying the 7222 files of a 200-page site took 0.6 s of
kernel time into one new folder and 11.7 s into another, and in a series of builds a build's system
time grew from 2.6 to 14.7 s, the builds that write more paying more. The large-data series at 200
pages, same code, same day: written to disk, 1.09 built again and 1.20 first build (6 rounds);
written to RAM, 1.04 and 1.07 (10 rounds), system time 2.3 to 4.7 s. The file system's history was
larger than the differences measured.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

RAM_FOLDER = Path("/dev/shm")
ROOM_NEEDED = 6 * 2**30  # three 1000-page sites (one per contender at a time) and their scratch folders


def ram_folder_with_room(folder: Path = RAM_FOLDER, room: int = ROOM_NEEDED) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK) and shutil.disk_usage(folder).free >= room


def outputs_folder(work: Path, on_disk: bool) -> Path:
    """A new folder for the built sites: in RAM unless ``on_disk`` or there is no room; removed by the caller."""
    if not on_disk and ram_folder_with_room():
        return Path(tempfile.mkdtemp(prefix="gpp-bench-sites-", dir=RAM_FOLDER))
    folder = work / "built"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
