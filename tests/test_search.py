"""The search index: the whole site, or only the pages changed since, indexed beside it."""

import gzip
import json
import os
import subprocess

import pytest

from generator.search import BaseIndex, Pagefind, pagefind_binary, carry_over, index_search

PAGES = 40


def _page(site, path: str, text: str, indexed: bool = True) -> None:
    body = f'<main data-pagefind-body><h1>{text}</h1><p>{text}。</p></main>' if indexed else f"<main>{text}</main>"
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f'<!DOCTYPE html><html lang="zh"><head><title>{text}</title></head><body>{body}</body></html>',
                    encoding="utf-8")


def _site(folder, pages: int = PAGES):
    """A built site: `pages` indexed pages, a home page Pagefind leaves out."""
    for number in range(pages):
        _page(folder, f"documents/d{number}/index.html", f"第{number}号文档讲述开放银行")
    _page(folder, "index.html", "文档总览", indexed=False)
    return folder


def _urls(index) -> dict[str, str]:
    """Each page of a Pagefind index by its id, with its URL."""
    return {fragment.name.removesuffix(".pf_fragment"): json.loads(gzip.decompress(fragment.read_bytes())[12:])["url"]
            for fragment in (index / "fragment").glob("*.pf_fragment")}


def _manifest(site) -> dict:
    return json.loads((site / "pagefind" / "delta.json").read_text(encoding="utf-8"))


def _entry(site) -> bytes:
    return (site / "pagefind" / "pagefind-entry.json").read_bytes()


def test_a_first_build_indexes_the_whole_site(tmp_path):
    site = _site(tmp_path / "site")
    base = index_search(site)
    assert _manifest(site) == {"index": None, "pages": [], "replaced": []}
    ids = {url: id_ for id_, url in _urls(site / "pagefind").items()}
    assert len(ids) == PAGES
    assert base.pages["documents/d3/index.html"][2] == ids["/documents/d3/"]
    assert base.pages["index.html"][2] == ""  # a page Pagefind leaves out is known, with no id


def test_a_few_changed_pages_are_indexed_beside_the_whole_index(tmp_path):
    site = _site(tmp_path / "site")
    base = index_search(site)
    whole = _entry(site)
    _page(site, "documents/d1/index.html", "第1号文档改谈数字人民币")  # changed
    (site / "documents/d2/index.html").unlink()  # removed
    _page(site, "documents/new/index.html", "新文档")  # added
    assert index_search(site, base) is base
    assert _entry(site) == whole  # the whole index is left as it was
    manifest = _manifest(site)
    assert manifest["index"] == "delta/"
    assert manifest["replaced"] == sorted([base.pages["documents/d1/index.html"][2],
                                           base.pages["documents/d2/index.html"][2]])
    delta = _urls(site / "pagefind" / "delta")
    assert sorted(delta.values()) == ["/documents/d1/", "/documents/new/"]
    assert manifest["pages"] == sorted(delta)


def test_changes_accumulate_in_the_delta_until_the_next_whole_index(tmp_path):
    site = _site(tmp_path / "site")
    base = index_search(site)
    _page(site, "documents/d1/index.html", "第1号文档改谈数字人民币")
    index_search(site, base)
    _page(site, "documents/d5/index.html", "第5号文档改谈手机银行")
    index_search(site, base)
    assert sorted(_urls(site / "pagefind" / "delta").values()) == ["/documents/d1/", "/documents/d5/"]


def test_a_page_rebuilt_with_the_same_text_keeps_its_entry_in_the_whole_index(tmp_path):
    site = _site(tmp_path / "site")
    base = index_search(site)
    page = site / "documents/d1/index.html"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000_000))
    index_search(site, base)
    # The delta holds the same page under the same id: neither replaced nor a page to check.
    assert _manifest(site) == {"index": "delta/", "pages": [], "replaced": []}


def test_a_changed_page_search_leaves_out_is_only_taken_from_the_whole_index(tmp_path):
    site = _site(tmp_path / "site")
    base = index_search(site)
    _page(site, "documents/d1/index.html", "不再编入索引", indexed=False)
    index_search(site, base)
    assert _manifest(site) == {"index": None, "pages": [], "replaced": [base.pages["documents/d1/index.html"][2]]}


def test_many_changes_index_the_whole_site_again(tmp_path, monkeypatch):
    site = _site(tmp_path / "site")
    base = index_search(site)
    _page(site, "documents/d1/index.html", "改动")
    index_search(site, base)
    for number in range(PAGES // 10 + 1):
        _page(site, f"documents/d{number}/index.html", f"第{number}号文档全部改写")
    again = index_search(site, base)
    assert again is not base and again.entry != base.entry
    assert _manifest(site) == {"index": None, "pages": [], "replaced": []}
    assert not (site / "pagefind" / "delta").exists()


def test_the_record_of_another_index_is_not_trusted(tmp_path):
    base = index_search(_site(tmp_path / "one"))
    other = _site(tmp_path / "other", pages=PAGES + 1)
    index_search(other)
    _page(other, "documents/d1/index.html", "改动")
    assert index_search(other, base) is not base
    assert index_search(other, BaseIndex("not a hash", {"x": "not a page"})).pages  # malformed: indexed whole


def test_the_last_sites_whole_index_is_carried_over_without_its_delta(tmp_path):
    last = _site(tmp_path / "last")
    base = index_search(last)
    _page(last, "documents/d1/index.html", "改动")
    index_search(last, base)
    site = tmp_path / "site"
    carry_over(last, site)
    assert (site / "pagefind" / "pagefind-entry.json").stat().st_ino == (last / "pagefind" / "pagefind-entry.json").stat().st_ino
    assert not (site / "pagefind" / "delta").exists() and not (site / "pagefind" / "delta.json").exists()


def _tree(folder) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_the_service_writes_the_files_pagefinds_command_line_writes(tmp_path):
    site = _site(tmp_path / "site")
    command_line = [str(pagefind_binary()), "--site", str(site), "--output-path", str(tmp_path / "by-command"),
                    "--exclude-selectors", ".headerlink"]
    subprocess.run(command_line, check=True, capture_output=True)
    changed = {path: (site / path).read_bytes() for path in ("documents/d1/index.html", "documents/d2/index.html")}
    with Pagefind() as pagefind:
        assert pagefind.index_folder(site, tmp_path / "whole") == PAGES + 1  # the home page is read, left out
        pagefind.index_pages(changed, tmp_path / "changes")
    assert _tree(tmp_path / "whole") == _tree(tmp_path / "by-command")
    assert sorted(_urls(tmp_path / "changes").values()) == ["/documents/d1/", "/documents/d2/"]


def test_a_failure_of_the_service_is_said_with_what_pagefind_said(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    with Pagefind() as pagefind, pytest.raises(RuntimeError, match="(?s)pagefind ended .*Not a directory"):
        pagefind.index_pages({"d/index.html": b'<main data-pagefind-body>\xe6\x96\x87</main>'}, tmp_path / "a-file" / "x")
