"""The one cache of parsed and validated files (gppkit.file_cache): loads again only after a change of content,
in the process and between builds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gppkit.file_cache import FileCache, StoredValues, code_version
from gppkit.problems import DataError, Problem


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


# Kept between builds: a StoredValues folder (the site's .cache/gpp) outlasts the process.

VERSION = b"code version 1"


def stored_cache(folder: Path, version: bytes = VERSION) -> FileCache:
    """A cache as a new build process has it: nothing in memory, the folder on disk."""
    return FileCache(StoredValues(folder, version))


def test_a_new_process_takes_the_value_kept_by_the_last_one(tmp_path: Path):
    path, loads = tmp_path / "labels.yml", []
    path.write_text("city: Oulu", encoding="utf-8")
    assert stored_cache(tmp_path / "store").get("labels", [path], counting_loader(path, loads)) == "city: Oulu"
    assert stored_cache(tmp_path / "store").get("labels", [path], counting_loader(path, loads)) == "city: Oulu"
    assert loads == ["city: Oulu"]
    assert len(list((tmp_path / "store").glob("*.pickle"))) == 1


def test_a_kept_value_is_loaded_again_after_an_edit_that_keeps_size_and_time(tmp_path: Path):
    path, loads = tmp_path / "labels.yml", []
    path.write_text("city: Oulu", encoding="utf-8")
    stored_cache(tmp_path / "store").get("labels", [path], counting_loader(path, loads))
    status = path.stat()
    path.write_text("city: Pori", encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert stored_cache(tmp_path / "store").get("labels", [path], counting_loader(path, loads)) == "city: Pori"
    assert loads == ["city: Oulu", "city: Pori"]


def test_a_value_made_from_files_and_other_inputs_is_made_again_when_an_input_changes(tmp_path: Path):
    path, loads = tmp_path / "labels.yml", []
    path.write_text("city: Oulu", encoding="utf-8")
    for notice, made in ((b"sample data", 1), (b"sample data", 1), (b"fictional data", 2), (b"sample data", 3)):
        cache = stored_cache(tmp_path / "store")
        cache.get("open data", [path], counting_loader(path, loads), inputs=(("notice", notice),))
        assert cache.get("open data", [path], counting_loader(path, loads), inputs=(("notice", notice),)) == "city: Oulu"
        assert len(loads) == made, notice
    assert len(list((tmp_path / "store").glob("*.pickle"))) == 1  # a changed input replaces the kept value


def test_a_kept_value_of_other_code_or_another_name_is_not_taken(tmp_path: Path):
    path, loads = tmp_path / "labels.yml", []
    path.write_text("city: Oulu", encoding="utf-8")
    stored_cache(tmp_path / "store").get("labels", [path], counting_loader(path, loads))
    stored_cache(tmp_path / "store", b"code version 2").get("labels", [path], counting_loader(path, loads))
    stored_cache(tmp_path / "store").get("events", [path], counting_loader(path, loads))
    assert loads == ["city: Oulu"] * 3


def test_a_damaged_kept_value_is_loaded_again_and_replaced(tmp_path: Path):
    path, loads = tmp_path / "labels.yml", []
    path.write_text("city: Oulu", encoding="utf-8")
    stored_cache(tmp_path / "store").get("labels", [path], counting_loader(path, loads))
    [kept] = (tmp_path / "store").glob("*.pickle")
    kept.write_bytes(kept.read_bytes()[:-5])  # cut short, as by a full disk: the digest still matches
    assert stored_cache(tmp_path / "store").get("labels", [path], counting_loader(path, loads)) == "city: Oulu"
    assert stored_cache(tmp_path / "store").get("labels", [path], counting_loader(path, loads)) == "city: Oulu"
    assert loads == ["city: Oulu"] * 2


def test_a_failed_load_keeps_nothing_and_fails_again_next_time(tmp_path: Path):
    path = tmp_path / "labels.yml"
    path.write_text("city: [", encoding="utf-8")

    def broken() -> str:
        raise DataError([Problem("data/labels.yml", 1, None, None, "a list not closed", "well-formed YAML")])

    for _ in range(2):
        with pytest.raises(DataError):
            stored_cache(tmp_path / "store").get("labels", [path], broken)
    assert not (tmp_path / "store").exists()


def test_a_folder_that_cannot_be_written_only_means_loading_again(tmp_path: Path):
    path, loads = tmp_path / "labels.yml", []
    path.write_text("city: Oulu", encoding="utf-8")
    (tmp_path / "store").write_text("a file where the folder should be", encoding="utf-8")
    for _ in range(2):
        assert stored_cache(tmp_path / "store").get("labels", [path], counting_loader(path, loads)) == "city: Oulu"
    assert loads == ["city: Oulu"] * 2


def test_the_code_version_changes_with_the_package_source(tmp_path: Path):
    package = tmp_path / "package"
    package.mkdir()
    (package / "model.py").write_text("LIMIT = 1\n", encoding="utf-8")
    first = code_version.__wrapped__(package)
    (package / "model.py").write_text("LIMIT = 2\n", encoding="utf-8")
    second = code_version.__wrapped__(package)
    assert second != first
    (package / "kit").mkdir()
    (package / "kit" / "render.py").write_text("ROWS = 1\n", encoding="utf-8")  # a subfolder's code counts too
    assert code_version.__wrapped__(package) != second
    assert code_version() == code_version()  # the running code's, read once


def test_a_file_that_could_not_be_put_in_place_leaves_no_scratch_behind(tmp_path: Path, monkeypatch):
    path, loads = tmp_path / "labels.yml", []
    path.write_text("city: Oulu", encoding="utf-8")

    def refused(source: str, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refused)
    assert stored_cache(tmp_path / "store").get("labels", [path], counting_loader(path, loads)) == "city: Oulu"
    assert list((tmp_path / "store").iterdir()) == []
