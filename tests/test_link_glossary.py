"""Grouping metrics into indicators: catalogue aliases, own indicators, series."""

from generator.extract.metrics import MetricExtractor
from generator.link.glossary import build_glossary, indicator_of
from tests.conftest import make_document


def test_the_longest_alias_decides():
    assert indicator_of("工行个人手机银行客户")["id"] == "mobile-banking-customers"
    assert indicator_of("法人手机银行月均活跃客户")["id"] == "corporate-mobile-banking-mau"
    assert indicator_of("月活客户")["id"] == "mobile-banking-mau"
    assert indicator_of("全行信息系统可用率")["id"] == indicator_of("系统可用性")["id"] == "system-availability"
    assert indicator_of("金融科技投入占营业收入")["id"] == "fintech-investment-ratio"
    assert indicator_of("数字乡村覆盖省份") is None


def test_of_two_aliases_as_long_the_one_that_starts_first_decides():
    assert indicator_of("绿色贷款余额")["id"] == "green-loans"  # not 贷款余额
    assert indicator_of("贷款余额")["id"] == "loans"


def _metrics(*documents):
    found = []
    for index, (text, date) in enumerate(documents):
        found += MetricExtractor().extract(make_document(text, date, doc_id=f"d{index}"))
    return found


def test_phrasings_of_different_documents_meet_on_one_indicator():
    glossary = build_glossary(_metrics(
        ("安全银行方面，系统可用性持续保持在99.99%以上。", "2021-08-30"),
        ("全行信息系统可用率保持在99.95%以上。", "2024-03-28"),
        ("数字乡村平台已覆盖31省份。", "2021-08-30"),
    ))
    by_id = {i.id: i for i in glossary}
    availability = by_id["system-availability"]
    assert availability.phrasings == ["系统可用性", "信息系统可用率"]
    assert availability.documents == ["d0", "d1"]
    [series] = availability.series
    assert [m.period for m in series.dated] == ["2021-06-30", "2023-12-31"]
    assert availability.latest.value == 99.95
    [own] = [i for i in glossary if i.category == "other"]
    assert own.id.startswith("m-") and own.definition is None


def test_levels_and_changes_are_separate_series():
    glossary = build_glossary(_metrics(("营业收入4678亿元，同比增长4.3%。", "2021-08-30")))
    [revenue] = glossary
    assert [(s.unit, s.change) for s in revenue.series] == [("元", False), ("%", True)]
    assert revenue.latest.unit == "元"
