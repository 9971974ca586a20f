"""The one cache of parsed and validated files (gppkit.file_cache): loads again only after a change of content."""

from __future__ import annotations

import os
from pathlib import Path

from gppkit.file_cache import FileCache


def counting_loader(path: Path, loads: list[str]):
    def load() -> str:
        text = path.read_text(encoding="utf-8") if path.exists() else "(missing)"
        loads.append(text)
        return text
    return load


def test_loads_once_while_the_content_stays_the_same(tmp_path: Path):
    path, loads = tmp_path / "labels.yml", []
    path.write_text("city: Oulu", encoding="utf-8")
    cache = FileCache()
    assert [cache.get("labels", [path], counting_loader(path, loads)) for _ in range(3)] == ["city: Oulu"] * 3
    assert loads == ["city: Oulu"]


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(tmp_path: Path):
    path, loads = tmp_path / "labels.yml", []
    path.write_text("city: Oulu", encoding="utf-8")
    cache = FileCache()
    cache.get("labels", [path], counting_loader(path, loads))
    status = path.stat()
    path.write_text("city: Pori", encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert cache.get("labels", [path], counting_loader(path, loads)) == "city: Pori"
    assert loads == ["city: Oulu", "city: Pori"]


def test_a_file_that_appears_or_goes_away_is_a_change(tmp_path: Path):
    path, loads = tmp_path / "labels.yml", []
    cache = FileCache()
    assert cache.get("labels", [path], counting_loader(path, loads)) == "(missing)"
    path.write_text("city: Oulu", encoding="utf-8")
    assert cache.get("labels", [path], counting_loader(path, loads)) == "city: Oulu"
    path.unlink()
    assert cache.get("labels", [path], counting_loader(path, loads)) == "(missing)"
    assert loads == ["(missing)", "city: Oulu", "(missing)"]
