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


def test_a_file_is_linked_or_else_copied_with_its_time(tmp_path, monkeypatch):
    source = tmp_path / "page.html"
    source.write_text("页面", encoding="utf-8")
    os.utime(source, ns=(1_000_000_000, 1_000_000_000))
    files.link_or_copy(source, tmp_path / "linked.html")
    assert (tmp_path / "linked.html").stat().st_ino == source.stat().st_ino

    def no_hard_links(*args):
        raise OSError("no hard links here")

    monkeypatch.setattr(os, "link", no_hard_links)
    files.link_or_copy(source, tmp_path / "copied.html")
    copied = (tmp_path / "copied.html").stat()
    assert copied.st_ino != source.stat().st_ino and copied.st_mtime_ns == source.stat().st_mtime_ns
    assert (tmp_path / "copied.html").read_text(encoding="utf-8") == "页面"
