"""The Word reader, on a document made for the test with python-docx."""

import io

import docx
import pytest

from generator.read import read_corpus
from generator.read.docx import DocxReader
from generator.read.readers import FormatError


def _document() -> bytes:
    document = docx.Document()
    document.core_properties.title = "模板标题"
    document.add_heading("青禾银行2025年经营情况", level=0)
    document.add_heading("一、总体情况", level=1)
    document.add_paragraph("2025年，青禾银行实现营业收入52亿元，同比增长6.1%。")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [["指标", "2025年", "2024年"], ["手机银行客户（万户）", "320", "286"],
                                       ["不良贷款率", "1.12%", "1.20%"]]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_heading("二、数字化转型", level=1)
    document.add_paragraph("该行开放平台接入场景200个。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_headings_paragraphs_and_tables_in_reading_order():
    source = DocxReader().read(_document())
    assert [(b.text, b.heading_level) for b in source.blocks] == [
        ("青禾银行2025年经营情况", 1), ("一、总体情况", 2), ("2025年，青禾银行实现营业收入52亿元，同比增长6.1%。", None),
        ("2025年手机银行客户320万户，2024年286万户。", None), ("2025年不良贷款率1.12%，2024年1.20%。", None),
        ("二、数字化转型", 2), ("该行开放平台接入场景200个。", None)]
    # The Title-style paragraph names it better than the file's own title field, which a template set.
    assert source.meta["title"].value == "青禾银行2025年经营情况" and source.meta["title"].source == "cover"


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not a package", b"plain text"])
def test_a_damaged_word_file_is_an_error(data):
    with pytest.raises(FormatError, match="unreadable Word document"):
        DocxReader().read(data)


def test_a_word_file_in_the_corpus_becomes_a_document(tmp_path):
    (tmp_path / "青禾.docx").write_bytes(_document())
    [document], skipped = read_corpus(tmp_path)
    assert skipped == [] and document.format == "docx"
    assert document.title == "青禾银行2025年经营情况"
    assert [s.title for s in document.titled_sections] == ["总体情况", "数字化转型"]
