"""Grouping metrics into indicators: catalogue aliases, own indicators, series."""

import pytest

from generator.build import gather
from generator.export import report
from generator.extract.metrics import MetricExtractor
from generator.model import readable_id, term_id
from generator.render import chart_points
from generator.link.glossary import build_glossary, indicator_of, period_kind
from tests.conftest import FIXTURES, make_document


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
    glossary, series = build_glossary(_metrics(
        ("安全银行方面，系统可用性持续保持在99.99%以上。", "2021-08-30"),
        ("全行信息系统可用率保持在99.95%以上。", "2024-03-28"),
        ("数字乡村平台已覆盖31省份。", "2021-08-30"),
        ("数字乡村平台已覆盖28省份。", "2022-08-30"),
    ))
    by_id = {i.id: i for i in glossary}
    availability = by_id["system-availability"]
    assert availability.phrasings == ["系统可用性", "信息系统可用率"]
    assert availability.documents == ["d0", "d1"]
    [series] = availability.series
    assert [m.period for m in series.dated] == ["2021-08-30", "2024-03-28"]  # texts naming no year: their own days
    assert availability.latest.value == 99.95
    [own] = [i for i in glossary if i.category == "other"]
    assert own.id == readable_id(own.name) and own.definition is None  # zhong-xin-…: its name, readable


def test_levels_and_changes_are_separate_series():
    glossary, _ = build_glossary(_metrics(("营业收入4678亿元，同比增长4.3%。", "2021-08-30")))
    [revenue] = glossary
    assert [(s.unit, s.change) for s in revenue.series] == [("元", False), ("%", True)]
    assert revenue.latest.unit == "元"


def test_a_figure_reported_once_has_no_page_but_a_series():
    glossary, series = build_glossary(_metrics(("数字乡村平台已覆盖31省份。", "2021-08-30")))
    [metric] = _metrics(("数字乡村平台已覆盖31省份。", "2021-08-30"))
    assert glossary == [] and series[metric.id].startswith(readable_id(metric.subject))


# The fixture corpus of three banks (tests/fixtures/banks): whose figure, actual or target, which series.

BANKS = FIXTURES / "banks"


@pytest.fixture(scope="module")
def banks():
    return gather(BANKS)


def _indicator(corpus, id):
    return next(i for i in corpus.glossary if i.id == id)


def test_no_series_mixes_owners(banks):
    customers = _indicator(banks, "mobile-banking-customers")
    levels = [s for s in customers.series if not s.change and s.unit == "户"]
    owners = [s.entity for s in levels]
    assert len(owners) == len(set(owners)) and set(owners) == {"中国工商银行", "中国建设银行", "青禾银行"}
    for series in customers.series:
        assert {m.entity_id for m in series.metrics} == {series.entity_id}
    # 工行's line joins its own two years, counting the heading that restates the body once.
    [icbc] = [s for s in levels if s.entity == "中国工商银行"]
    assert [(m.period, m.value) for m in icbc.dated] == [("2022-12-31", 5.16e8), ("2023-12-31", 5.5e8)]
    assert len(icbc.actuals) == 2


def test_a_target_never_shows_as_the_latest_actual(banks):
    customers = _indicator(banks, "mobile-banking-customers")
    [icbc] = [s for s in customers.series if s.entity == "中国工商银行" and s.unit == "户"]
    assert [m.text for m in icbc.targets] == ["突破6亿户"] and icbc.targets[0].kind == "target"
    assert icbc.latest.value == 5.5e8 and icbc.latest.kind == "actual"
    ratio = _indicator(banks, "fintech-investment-ratio")
    assert ratio.latest.value == 3.25  # not the 2024–2026 plan's 不低于3%
    assert [m.kind for m in ratio.metrics if m.value == 3] == ["target"]


def test_a_decrease_shows_and_plots_below_zero(banks):
    revenue = _indicator(banks, "operating-income")
    changes = [m for s in revenue.series if s.change for m in s.metrics]
    ccb = next(m for m in changes if m.entity == "中国建设银行")
    assert ccb.direction == "down" and ccb.signed_value == -1.8
    npl = _indicator(banks, "npl-ratio")
    [change] = [s for s in npl.series if s.change]
    assert [point["value"] for point in chart_points(change)] == [-0.01]


def test_a_products_figures_stay_apart_from_its_banks(banks):
    retail = _indicator(banks, "retail-customers")
    [wallet] = retail.series
    assert wallet.scope == "工银e钱包" and wallet.entity == "中国工商银行"
    assert all(m.scope is None for s in _indicator(banks, "mobile-banking-customers").series for m in s.metrics)


def test_market_figures_have_no_owner_and_organisations_found_in_text_have_term_pages(banks):
    data = report(banks)
    national = [m for m in data["metrics"] if m["subject"].startswith("全国")]
    assert national and all(m["entity"] is None and m["entity_id"] is None for m in national)
    terms = {t["id"]: t for t in data["terms"]}
    owners = {m["entity_id"] for m in data["metrics"]} | {e["entity_id"] for e in data["events"]}
    assert owners - {None} <= terms.keys()
    assert terms[term_id("青禾银行")]["kind"] == "organization"
    assert {m["entity"] for m in data["metrics"] if m["document"] == "qinghe-2023"} == {"青禾银行"}


@pytest.mark.parametrize("period, kind", [("2025-H1", "half"), ("2025-Q3", "quarter"), ("2025", "year"),
                                          ("2025-06", "month"), ("2025-06-30", "day"), (None, "")])
def test_period_kinds_compare_like_with_like(period, kind):
    assert period_kind(period) == kind


def test_owners_stand_side_by_side_on_the_period_most_report(banks):
    revenue = _indicator(banks, "operating-income")
    [levels, changes] = revenue.peers
    assert (levels.change, levels.period) == (False, "2023")  # all three report 2023; only 工行 2022
    assert [(m.entity, m.value) for m in levels.values] == [("中国工商银行", 8.43e11), ("中国建设银行", 7.697e11),
                                                            ("青禾银行", 5.2e9)]
    assert changes.change and [m.signed_value for m in changes.values] == [6.1, -1.8, -3.7]


def test_a_half_stands_beside_a_half_when_no_one_period_is_shared():
    documents = [make_document("2024年上半年，潍坊银行实现营业收入30亿元。", "2024-08-20", doc_id="a"),
                 make_document("2023年上半年，青禾银行实现营业收入25亿元。2023年，青禾银行实现营业收入52亿元。",
                               "2024-03-20", doc_id="b")]
    metrics = [m for d in documents for m in MetricExtractor().extract(d)]
    [revenue] = [i for i in build_glossary(metrics)[0] if i.id == "operating-income"]
    [table] = revenue.peers
    assert table.period == "2024-H1"
    assert [(m.entity, m.period) for m in table.values] == [("潍坊银行", "2024-H1"), ("青禾银行", "2023-H1")]


def test_a_figure_in_another_unit_measures_something_else():
    assert indicator_of("普惠贷款合作企业", "户") is None  # counts firms, not loans
    assert indicator_of("法人类普惠贷款余额占比", "%") is None  # a share
    assert indicator_of("法人类普惠贷款余额", "元")["id"] == "inclusive-loans"
    assert indicator_of("法人类普惠贷款余额", "%", change=True)["id"] == "inclusive-loans"  # its growth
    assert indicator_of("法人类普惠贷款余额", "")["id"] == "inclusive-loans"  # 307.05亿: no unit said
