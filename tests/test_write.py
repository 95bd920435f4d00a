from generator.write import Rendering, remove_stale, write_tree


def test_only_changed_files_are_written_and_stale_ones_removed(tmp_path):
    owned = ("index.md", "documents/")
    first = write_tree(tmp_path, {"index.md": "首页", "documents/a.md": "甲", "documents/b.md": "乙"}.items())
    assert first.written == ["documents/a.md", "documents/b.md", "index.md"]
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("kept")
    stamp = (tmp_path / "documents" / "a.md").stat().st_mtime_ns

    files = {"index.md": "新首页", "documents/a.md": "甲"}
    second = write_tree(tmp_path, files.items())
    removed = remove_stale(tmp_path, files.keys(), owned)
    assert (second.written, second.unchanged, removed) == (["index.md"], 1, ["documents/b.md"])
    assert (tmp_path / "documents" / "a.md").stat().st_mtime_ns == stamp
    assert not (tmp_path / "documents" / "b.md").exists()
    assert (tmp_path / "assets" / "site.css").read_text() == "kept"


def test_a_page_is_rendered_again_only_when_its_key_or_its_file_changed(tmp_path):
    rendered = []

    def page(key, text):
        return Rendering(key, lambda: rendered.append(text) or text)

    first = write_tree(tmp_path, {"a.md": page("1", "甲"), "b.md": page("1", "乙")}.items())
    assert rendered == ["甲", "乙"] and first.rendered == 2
    rendered.clear()
    second = write_tree(tmp_path, {"a.md": page("1", "甲"), "b.md": page("2", "乙")}.items(), first.record)
    # b's key changed but not its text: rendered, not written.
    assert rendered == ["乙"] and (second.written, second.unchanged) == ([], 2)
    (tmp_path / "a.md").write_text("手改过", encoding="utf-8")
    rendered.clear()
    third = write_tree(tmp_path, {"a.md": page("1", "甲"), "b.md": page("2", "乙")}.items(), second.record)
    assert rendered == ["甲"] and third.written == ["a.md"]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "甲"
