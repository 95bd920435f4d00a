from generator.write import write_tree


def test_only_changed_files_are_written_and_stale_ones_removed(tmp_path):
    owned = ("index.md", "documents/")
    first = write_tree(tmp_path, {"index.md": "首页", "documents/a.md": "甲", "documents/b.md": "乙"}, owned)
    assert first.written == ["documents/a.md", "documents/b.md", "index.md"]
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("kept")
    stamp = (tmp_path / "documents" / "a.md").stat().st_mtime_ns

    second = write_tree(tmp_path, {"index.md": "新首页", "documents/a.md": "甲"}, owned)
    assert (second.written, second.unchanged, second.removed) == (["index.md"], 1, ["documents/b.md"])
    assert (tmp_path / "documents" / "a.md").stat().st_mtime_ns == stamp
    assert not (tmp_path / "documents" / "b.md").exists()
    assert (tmp_path / "assets" / "site.css").read_text() == "kept"
