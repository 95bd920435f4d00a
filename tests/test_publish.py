import pytest

from generator.publish import SiteUpdate, replace_site, replaced_site, updating


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _site(root, files):
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_an_update_moves_files_in_and_takes_stale_ones_out_with_their_empty_folders(tmp_path):
    site = _site(tmp_path / "site", {"index.html": "old", "a/index.html": "a", "gone/index.html": "gone"})
    built = _site(tmp_path / "built", {"index.html": "new", "b/index.html": "b"})
    with updating(site) as update:
        update.put(built / "index.html", "index.html")
        update.put(built / "b/index.html", "b/index.html")
        update.remove("gone/index.html")
    assert _tree(site) == {"a/index.html": b"a", "b/index.html": b"b", "index.html": b"new"}
    assert not (site / "gone").exists() and not update.aside.exists()


def test_a_failed_update_puts_the_site_back_as_it_was(tmp_path):
    site = _site(tmp_path / "site", {"index.html": "old", "gone/index.html": "gone", "index/x": "a folder"})
    before = _tree(site)
    built = _site(tmp_path / "built", {"index.html": "new", "b/c/index.html": "b", "index/y": "another folder"})
    with pytest.raises(OSError):
        with updating(site) as update:
            update.put(built / "index.html", "index.html")
            update.put(built / "b/c/index.html", "b/c/index.html")
            update.put(built / "index", "index")  # a folder, put whole
            update.remove("gone/index.html")
            raise OSError("the disk is full")
    assert _tree(site) == before
    assert sorted(p.name for p in site.iterdir()) == ["gone", "index", "index.html"]  # no folder made is left
    assert not SiteUpdate(site).aside.exists()


def test_a_new_site_replaces_the_last_which_waits_beside(tmp_path):
    site = _site(tmp_path / "site", {"index.html": "old"})
    built = _site(tmp_path / "built", {"index.html": "new"})
    replace_site(site, built)
    assert _tree(site) == {"index.html": b"new"} and _tree(replaced_site(site)) == {"index.html": b"old"}
    assert not built.exists()


def test_an_update_that_failed_to_move_a_file_is_undone_all_the_same(tmp_path):
    site = _site(tmp_path / "site", {"index.html": "old"})
    before = _tree(site)
    with pytest.raises(OSError):
        with updating(site) as update:
            update.put(tmp_path / "built" / "a" / "b" / "index.html", "a/b/index.html")  # no such file
    assert _tree(site) == before and sorted(p.name for p in site.iterdir()) == ["index.html"]
