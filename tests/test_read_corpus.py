"""Reading a whole corpus: the seeds, sidecars, and every kind of bad input."""

import logging
import os
from pathlib import Path

import pytest

from generator.model import Skipped
from generator.read import corpus_entries, document_id, read_corpus
from tests.conftest import ROOT

SEED_003 = "003_356bb86cd6c9e501"
SEED_000 = "000_0001955a0cdd007d"


@pytest.fixture(scope="module")
def seeds():
    documents, skipped = read_corpus(ROOT / "corpus")
    assert skipped == []
    return {d.id: d for d in documents}


def test_web_article_metadata_comes_from_its_title_line_and_byline(seeds):
    document = seeds[SEED_003]
    assert (document.title, document.date, document.field("author"), document.field("publisher")) == (
        "工行金融科技战略升级:定义五位一体的“科技强行”", "2021-08-30", "薛小易", "移动支付网")
    assert [s.title for s in document.titled_sections] == [
        "提出科技强行,关注“敏捷、智慧、生态、数字、安全”", "个人手机银行月活增长39.7%,数字人民币个人钱包开户超300万"]


def test_an_untitled_article_says_so_and_keeps_its_author(seeds):
    document = seeds[SEED_000]
    assert not document.title_known and document.title == f"{SEED_000}.txt"
    assert document.field("publisher") is None
    assert (document.date, document.meta["date"].source) == ("2023", "inferred")  # the year its text speaks of
    assert document.field("author") == "杨龙如"
    assert [(s.number, s.level) for s in document.titled_sections] == [(n, 1) for n in "一二三四五"]


def test_furniture_never_reaches_the_text(seeds):
    text = "".join(s.text for s in seeds[SEED_003].sentences())
    for furniture in ("评论加载中", "相关文章", "ICP", "本文为作者授权", "关于本站"):
        assert furniture not in text
    assert text.endswith("签约商户14万户。")


def test_ids_are_ascii_and_distinct_for_chinese_names():
    assert document_id("000_0001955a0cdd007d.txt") == "000_0001955a0cdd007d"
    assert document_id("Reports/Annual 2023.md") == "reports-annual-2023"
    first, second = document_id("年报 摘要.txt"), document_id("年报 全文.txt")
    assert first.isascii() and second.isascii() and first != second
    assert document_id("工行2021年报.txt").startswith("2021-")


def test_a_sidecar_outranks_what_the_text_says(tmp_path):
    (tmp_path / "a.txt").write_text("正文首行标题\n2021-8-30 来源:某网\n正文一句。\n", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text("title: 侧栏标题\n作者: 王五\n", encoding="utf-8")
    [document], _ = read_corpus(tmp_path)
    assert (document.title, document.field("author"), document.field("publisher"), document.date) == (
        "侧栏标题", "王五", "某网", "2021-08-30")
    assert document.meta["title"].source == "sidecar"


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (bytes(range(256)) * 16, "binary"),
    "report.pdf": (b"%PDF-1.4 ...", "unreadable PDF (corrupt or truncated)"),
    "slides.pptx": (b"PK\x03\x04", "unsupported format .pptx"),
    "blank.md": (b"---\ntitle: only metadata\n---\n", "no article text"),
}


def test_bad_input_is_skipped_with_one_warning_naming_file_and_reason(tmp_path, caplog):
    for name, (data, _) in BAD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("好文档\n正文一句。\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="reportsite"):
        documents, skipped = read_corpus(tmp_path)
    assert [d.source_file for d in documents] == ["good.txt"]
    assert {s.source_file: s.reason for s in skipped}.keys() == BAD_INPUTS.keys()
    for name, (_, reason) in BAD_INPUTS.items():
        lines = [r.getMessage() for r in caplog.records if name in r.getMessage()]
        assert len(lines) == 1 and reason in lines[0], lines


def test_gbk_files_read_as_chinese(tmp_path):
    (tmp_path / "gbk.txt").write_bytes("工行发布半年报\n营业收入4678亿元,同比增长4.3%。\n".encode("gbk"))
    [document], skipped = read_corpus(tmp_path)
    assert skipped == [] and document.encoding == "gb18030"
    assert document.title == "工行发布半年报"
    assert [s.text for s in document.sentences()] == ["营业收入4678亿元,同比增长4.3%。"]


def test_names_with_spaces_and_chinese_and_malformed_front_matter(tmp_path, caplog):
    (tmp_path / "工行 年报 摘要.txt").write_text("年报摘要\n正文一句。\n", encoding="utf-8")
    (tmp_path / "broken.md").write_text("---\ntitle: [oops\n---\n正文照常读取。\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="reportsite"):
        documents, skipped = read_corpus(tmp_path)
    assert skipped == []
    by_file = {d.source_file: d for d in documents}
    assert by_file["工行 年报 摘要.txt"].id.isascii() and by_file["工行 年报 摘要.txt"].title == "年报摘要"
    assert [s.text for s in by_file["broken.md"].sentences()] == ["正文照常读取。"]
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and warnings[0].startswith("broken.md: malformed front matter")


def test_document_text_is_kept_verbatim(tmp_path):
    text = "标题\n正文有<script>alert(1)</script>、{{ x }}、{% raw %}和*星号*。\n"
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    [document], _ = read_corpus(tmp_path)
    assert [s.text for s in document.sentences()] == ["正文有<script>alert(1)</script>、{{ x }}、{% raw %}和*星号*。"]


def test_an_undated_report_is_dated_by_the_period_its_title_names(tmp_path):
    (tmp_path / "h1.txt").write_text("工商银行2024年半年度报告摘要\n\n截至6月末，金融科技人员3.6万人。\n", encoding="utf-8")
    [document], _ = read_corpus(tmp_path)
    assert (document.title, document.date, document.meta["date"].source) == (
        "工商银行2024年半年度报告摘要", "2024-H1", "inferred")


def test_full_width_figures_read_as_ascii(tmp_path):
    (tmp_path / "a.txt").write_text("标题\n\n截至２０２３年末，ＡＰＰ用户达１．２亿户，同比增长１２％。全文完．\n", encoding="utf-8")
    [document], _ = read_corpus(tmp_path)
    assert [s.text for s in document.sentences()] == ["截至2023年末，APP用户达1.2亿户，同比增长12%。", "全文完．"]


def test_text_copied_from_a_pdf_reads_as_written(tmp_path):
    header = "中国农业银行股份有限公司 2023 年年度报告"
    (tmp_path / "ar.txt").write_text("\n".join([
        header, "3.8 金融科技",
        "报告期内，本行深入实施数字化转型战略，持续推进“数字经营、数字",
        "风控、数字运营、数字管理”建设。截至 2023 年末，个人手机银行月活",
        "跃用户达 2.21 亿户，较上年末增长 10.5%。企业网银客户 1,056.32 万户，",
        "— 45 —", header,
        "比上年末增加 86.17 万户。", "46",
    ]) + "\n", encoding="utf-8")
    [document], _ = read_corpus(tmp_path)
    assert document.title == "中国农业银行股份有限公司2023年年度报告"
    assert [s.title for s in document.titled_sections] == ["金融科技"]
    assert [s.text for s in document.sentences()][1:] == [
        "报告期内，本行深入实施数字化转型战略，持续推进“数字经营、数字风控、数字运营、数字管理”建设。",
        "截至2023年末，个人手机银行月活跃用户达2.21亿户，较上年末增长10.5%。",
        "企业网银客户1,056.32万户，比上年末增加86.17万户。",
    ]
    assert [(r.text, r.rule) for r in document.removed][1:] == [
        ("— 45 —", "page_number"), ("中国农业银行股份有限公司2023年年度报告", "running_header"), ("46", "page_number")]


def test_an_unreadable_folder_and_an_unreadable_sidecar_are_said_and_the_rest_read(tmp_path, monkeypatch, caplog):
    # As root (CI), no permission bits keep a folder or file from being read: the refusal is simulated.
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("锁住的目录\n正文一句。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("标题\n正文一句。\n", encoding="utf-8")
    (tmp_path / "b.meta.yaml").write_text("title: 侧栏\n", encoding="utf-8")
    scandir, read_bytes = os.scandir, Path.read_bytes

    def refusing_scandir(folder):
        if Path(folder).name == "locked":
            raise PermissionError(13, "Permission denied")
        return scandir(folder)

    def refusing_read_bytes(path):
        if path.name.endswith(".meta.yaml"):
            raise PermissionError(13, "Permission denied")
        return read_bytes(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    monkeypatch.setattr(Path, "read_bytes", refusing_read_bytes)
    with caplog.at_level(logging.WARNING, logger="reportsite"):
        [document], skipped = read_corpus(tmp_path)
    assert skipped == [Skipped("locked/", "folder cannot be read (Permission denied)")]
    assert document.title == "标题" and document.warnings == [
        "sidecar b.meta.yaml cannot be read (Permission denied), ignored"]


def test_links_inside_the_corpus_are_read_and_links_out_of_it_are_not(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("秘密\n不可发布。\n", encoding="utf-8")
    (corpus / "a.txt").write_text("标题\n正文一句。\n", encoding="utf-8")
    os.symlink(corpus / "a.txt", corpus / "b.txt")
    os.symlink(outside / "secret.txt", corpus / "secret.txt")
    os.symlink("..", corpus / "parent")
    documents, skipped = read_corpus(corpus)
    assert [d.source_file for d in documents] == ["a.txt", "b.txt"]
    assert {s.source_file: s.reason for s in skipped} == {
        "parent": "a link that leads outside the corpus, not read",
        "secret.txt": "a link that leads outside the corpus, not read"}


def test_a_file_over_the_size_limit_is_passed_over_with_the_limit_named(tmp_path):
    (tmp_path / "big.txt").write_text("标题\n" + "正文一句。\n" * 1000, encoding="utf-8")
    entries, skipped = corpus_entries(tmp_path, max_bytes=1000)
    assert entries == [] and "larger than the limit" in skipped[0].reason


def test_ids_of_deep_and_long_paths_are_bounded_and_distinct():
    deep = "/".join(["folder"] * 50) + "/report.txt"
    long_upper, long_lower = "A" * 200 + ".txt", "a" * 200 + ".txt"
    ids = {document_id(name) for name in (deep, long_upper, long_lower)}
    assert len(ids) == 3 and all(len(i) <= 80 and i.isascii() for i in ids)
