"""Ids that read in a URL."""

from generator.model import readable_id, term_id


def test_an_id_is_the_names_pinyin_then_a_short_hash():
    assert term_id("中国工商银行").startswith("zhong-guo-gong-shang-yin-hang-")
    assert term_id("工银e生活").startswith("gong-yin-e-sheng-huo-")
    assert term_id("5G").startswith("5g-")
    assert all(char.isascii() and (char.isalnum() or char == "-") for char in term_id("“科技强行”+1"))


def test_homophones_and_names_that_differ_in_marks_or_case_get_different_ids():
    assert term_id("云+分布式") != term_id("云分布式")
    assert term_id("App") != term_id("APP")
    assert readable_id("敏捷", within="科技强行") != readable_id("敏捷", within="另一个框架")


def test_a_long_name_keeps_its_id_short():
    assert len(term_id("长" * 200)) <= 48 + 5
