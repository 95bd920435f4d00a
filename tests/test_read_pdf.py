"""The PDF reader, on pages cut from a real report (tests/fixtures/pdf) and PDFs made for the test."""

import re

import pypdfium2 as pdfium
import pytest

from generator.read import ReadError, read_corpus
from generator.read.pdf import PdfReader
from generator.read.readers import FormatError
from tests.conftest import FIXTURES

EXCERPT = FIXTURES / "pdf" / "pingan-esg-excerpt.pdf"


@pytest.fixture(scope="module")
def excerpt():
    return PdfReader().read(EXCERPT.read_bytes())


def test_the_cover_gives_title_and_issuer(excerpt):
    assert excerpt.meta["title"].value == "2025年度可持续发展报告" and excerpt.meta["title"].source == "cover"
    assert excerpt.meta["publisher"].value == "平安银行股份有限公司"


def test_page_numbers_go_and_every_block_keeps_its_page(excerpt):
    assert {r.text for r in excerpt.removed} >= {"4", "6", "30"}
    assert not any(re.fullmatch(r"\d{1,3}", b.text) for b in excerpt.blocks)
    assert {b.page for b in excerpt.blocks} == {1, 2, 3, 4}


def test_lines_are_joined_and_figures_kept_whole(excerpt):
    letter = next(b.text for b in excerpt.blocks if b.text.startswith("2025 年，平安银行秉持"))
    # the paragraph runs over eight lines; 5.93 is drawn in a smaller font at a line's start
    assert "2025 年末资产总额5.93 万亿元，同比增长 2.7%" in letter and letter.endswith("服务奖”。")


def test_a_table_reads_each_figure_with_its_row_and_column(excerpt):
    texts = [b.text for b in excerpt.blocks]
    assert "2025年资产总额59,257.77亿元，2024年57,692.70亿元，2023年55,871.16亿元。" in texts


def test_headings_and_list_items_stay_apart(excerpt):
    texts = [b.text for b in excerpt.blocks]
    assert "高管致辞" in texts and "关于我们" in texts and "财务行政" in texts
    assert sum(t.startswith("•") for t in texts) >= 8


def test_a_page_without_text_is_reported(tmp_path):
    pdf = pdfium.PdfDocument(EXCERPT.read_bytes())
    pdf.new_page(595, 842)  # a page with nothing on it, as a scanned page has no text layer
    path = tmp_path / "with-blank.pdf"
    pdf.save(path)
    assert PdfReader().read(path.read_bytes()).warnings == ["page 5: no text layer (an image only?), not read"]


@pytest.mark.parametrize("data, reason", [
    (EXCERPT.read_bytes()[:5000], "unreadable PDF (corrupt or truncated)"),
    (b"", "unreadable PDF (corrupt or truncated)"),
    (b"not a pdf at all", "unreadable PDF (corrupt or truncated)"),
])
def test_a_damaged_pdf_is_an_error_naming_the_reason(data, reason):
    with pytest.raises(FormatError, match=re.escape(reason)):
        PdfReader().read(data)


def test_a_pdf_with_no_text_at_all_is_an_error(tmp_path):
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    path = tmp_path / "scan.pdf"
    pdf.save(path)
    with pytest.raises(FormatError, match="no text layer in any page"):
        PdfReader().read(path.read_bytes())


def test_a_pdf_in_the_corpus_becomes_a_document_with_paged_sentences(tmp_path):
    (tmp_path / "report.pdf").write_bytes(EXCERPT.read_bytes())
    (tmp_path / "cut.pdf").write_bytes(EXCERPT.read_bytes()[:3000])
    [document], skipped = read_corpus(tmp_path)
    assert [s.source_file for s in skipped] == ["cut.pdf"] and "corrupt or truncated" in skipped[0].reason
    assert document.format == "pdf" and document.title == "2025年度可持续发展报告"
    assert document.date == "2025" and document.published_file == "sources/report.pdf"
    assert {s.page for s in document.sentences()} == {1, 2, 3, 4}
    assert issubclass(FormatError, ValueError) and not issubclass(ReadError, FormatError)


def test_a_footnote_mark_is_no_figure_and_no_part_of_a_label(excerpt):
    texts = [b.text for b in excerpt.blocks]
    # 绿色贷款余额（亿元）¹: the raised 1 refers to a footnote
    assert "2025年绿色贷款余额2,664.33亿元，2024年2,375.58亿元，2023年1,396.47亿元。" in texts
