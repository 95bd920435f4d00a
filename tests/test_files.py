"""Shared file operations: a file's stamp, and writing whole or not at all."""

import os

import pytest

from generator import files


def test_a_stamp_changes_with_the_file_and_is_none_without_it(tmp_path):
    path = tmp_path / "page.md"
    assert files.file_stamp(path) is None
    path.write_text("一", encoding="utf-8")
    first = files.file_stamp(path)
    path.write_text("一二", encoding="utf-8")
    assert first[0] == 3 and files.file_stamp(path) != first


def test_a_write_cut_short_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "kept.pickle"
    files.write_atomically(path, b"old")

    def failing(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError):
        files.write_atomically(path, b"new")
    assert path.read_bytes() == b"old"
