from __future__ import annotations

import pytest

from framing.errors import ReportError
from framing.io import atomic_write_bytes, atomic_write_text


def test_io_atomic_write_replaces_file(tmp_path) -> None:
    f = tmp_path / "out.txt"
    f.write_text("old")
    atomic_write_text(f, "new")
    assert f.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_io_missing_folder_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        atomic_write_bytes(tmp_path / "nope" / "out.pdf", b"x")


def test_io_directory_as_output_is_refused(tmp_path) -> None:
    with pytest.raises(ReportError, match="is a directory"):
        atomic_write_bytes(tmp_path, b"x")


def test_io_failed_write_leaves_old_file_untouched(tmp_path, monkeypatch) -> None:
    f = tmp_path / "out.txt"
    f.write_text("precious")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("framing.io.os.replace", boom)
    with pytest.raises(ReportError, match="No space left"):
        atomic_write_text(f, "partial")
    assert f.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_io_new_file_gets_normal_permissions(tmp_path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        f = atomic_write_text(tmp_path / "new.txt", "x")
    finally:
        os.umask(umask)
    assert f.stat().st_mode & 0o777 == 0o644
