import pytest

from generator.read.encoding import NotText, decode

TEXT = "中国工商银行金融科技部总经理杨龙如\n2023年，工商银行深入推进“数字工行”建设，全年培训超40万人次。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le"])
def test_chinese_text_in_every_common_encoding_reads_back(encoding):
    text, found, _ = decode(TEXT.encode(encoding))
    assert text == TEXT
    assert found


def test_big5_reads_back():
    text = "工商銀行發布半年報，營業收入增長。"
    assert decode(text.encode("big5"))[0] == text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b" \n\t\n", "empty file"),
    (bytes(range(256)) * 8, "binary"),
    (b"\x00" * 200, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
])
def test_what_is_not_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(NotText, match=reason):
        decode(data)


def test_utf8_is_named_and_no_other_encoding_is_taken_for_it():
    assert decode(TEXT.encode("utf-8")) == (TEXT, "utf-8", 0)
    assert decode(TEXT.encode("utf-8-sig")) == (TEXT, "utf-8", 0)
    assert decode(b"Annual report 2023\n") == ("Annual report 2023\n", "ascii", 0)
    for data in (TEXT.encode("gbk"), TEXT.encode("utf-16"), "工商銀行發布半年報，營業收入增長。".encode("big5")):
        assert decode(data)[1] != "utf-8"


def test_a_few_damaged_bytes_in_utf8_are_replaced_and_counted_not_the_document():
    data = TEXT.encode("utf-8") + b"\xff\xfe\xfd" + TEXT.encode("utf-8")
    text, encoding, replaced = decode(data)
    assert (encoding, replaced) == ("utf-8", 3)
    assert text == TEXT + "\ufffd" * 3 + TEXT


def test_text_in_another_encoding_is_never_taken_for_damaged_utf8():
    for data in (TEXT.encode("gbk"), "Café crème brûlée à la carte\n".encode("latin-1")):
        assert decode(data)[1] != "utf-8"


@pytest.mark.parametrize("text", ["工行发布半年报。", "招商银行", "数字化转型"])
def test_a_short_gbk_text_is_read_as_chinese_not_korean(text):
    assert decode(text.encode("gbk")).text == text
