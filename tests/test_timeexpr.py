"""Time expressions, each resolved with the document's date as input."""

import pytest

from generator.model import MetaValue
from generator.timeexpr import TimeContext
from tests.conftest import make_document


def resolve(expression: str, date: str | None, text: str = "正文一句。") -> list[str]:
    context = TimeContext.of(make_document(text, date))
    return [m.period.value for m in context.mentions(expression)]


@pytest.mark.parametrize("expression, date, expected", [
    ("2021年8月27日", None, ["2021-08-27"]),
    ("今年1月1日至8月29日", "2024-08-30", ["2024-01-01", "2024-08-29"]),
    ("2021-8-30", None, ["2021-08-30"]),
    ("2021年6月", None, ["2021-06"]),
    ("2023年", None, ["2023"]),
    ("2021年二季度", None, ["2021-Q2"]),
    ("2021-2023年", None, ["2021/2023"]),
    ("8月27日", "2021-08-30", ["2021-08-27"]),
    ("截至6月末", "2021-08-30", ["2021-06-30"]),
    ("报告期末", "2021-08-30", ["2021-06-30"]),
    ("报告期内", "2021-08-30", ["2021-H1"]),
    ("报告期内", "2024-03-28", ["2023"]),
    ("报告期末", "2023-10-30", ["2023-09-30"]),
    ("上半年", "2021-08-30", ["2021-H1"]),
    ("全年", "2024-03-28", ["2023"]),
    ("上年末", "2021-08-30", ["2020-12-31"]),
    ("年末", "2024-03-28", ["2023-12-31"]),
    ("一季度", "2021-08-30", ["2021-Q1"]),
    ("9月，", "2024-03-25", ["2023-09"]),  # the latest September not after the document
    ("3月份", "2024-03-25", ["2024-03"]),
    ("2023年前三季度", None, ["2023-Q3"]),
    ("截至二季度末", "2024-08-20", ["2024-06-30"]),  # a quarter's end is its last day
    ("2023年四季度末", None, ["2023-12-31"]),
    ("前三季度", "2023-10-30", ["2023-Q3"]),
    ("“十四五”期间", None, ["2021/2025"]),
    ("今年一季度", "2024-03-28", ["2024-Q1"]),  # the year written in, not the year reported on
    ("去年下半年", "2024-08-30", ["2023-H2"]),
    ("今年", "2024-03-28", ["2024"]),
    ("今年9月", "2024-08-30", ["2024-09"]),  # written in August about September: ahead
    ("去年6月末", "2024-03-28", ["2023-06-30"]),
    ("昨日", "2024-01-01", ["2023-12-31"]),
    ("近日", "2024-08-30", ["2024-08"]),
    ("上月", "2024-01-15", ["2023-12"]),
])
def test_expressions_resolve_against_the_document_date(expression, date, expected):
    assert resolve(expression, date) == expected


@pytest.mark.parametrize("not_a_date", ["T+1日", "7×24小时", "30日留存率", "2000余种", "较上年末下降", "同比增长",
                                        "12个月", "3月期存款", "“十四五”规划",
                                        "今日头条"])
def test_what_is_not_a_date(not_a_date):
    assert resolve(not_a_date, "2021-08-30") == []


def test_a_named_report_fixes_the_period():
    context = TimeContext.of(make_document("8月27日,工行发布2021半年报。", None))
    assert context.report.value == "2021-H1"
    assert context.default_period.value == "2021-06-30"


def test_an_undated_document_speaks_of_the_year_it_names_most():
    context = TimeContext.of(make_document("2023年,本行深化改革。2022年曾试点。2023年全年推进。"))
    assert context.report is None and context.default_period.value == "2023"
    assert [m.period.value for m in context.mentions("全年培训超40万人次")] == ["2023"]


def test_a_year_the_text_names_comes_before_the_calendars_guess():
    context = TimeContext.of(make_document("据统计，2023年城商行数字化投入约500亿元。\n线上贷款余额达3.2万亿元。\n", "2024-05-20"))
    assert context.default_period.value == "2023"
    named = TimeContext.of(make_document("8月27日,工行发布2021半年报。\n2020年曾试点。\n", "2021-08-30"))
    assert named.default_period.value == "2021-06-30"


def test_the_end_of_a_half_is_a_day():
    assert resolve("上半年末，QFII持仓市值居前", "2024-08-14") == ["2024-06-30"]


def test_a_dated_text_naming_no_year_and_no_report_speaks_of_its_own_day():
    context = TimeContext.of(make_document("截至收盘，上证指数跌0.5%，创业板指涨0.65%。", "2024-08-30"))
    assert context.default_period.value == "2024-08-30"


def test_a_time_a_record_is_counted_since_is_neither_the_texts_time_nor_a_when():
    context = TimeContext.of(make_document("韩国综指跌8.77%，创2008年以来最大跌幅。", "2024-08-06"))
    assert context.default_period.value == "2024-08-06"
    assert [m.role for m in context.mentions("为2005年2月底以来新低，今年以来成交增长")] == ["since", "when"]


def test_a_month_and_day_take_the_year_of_the_texts_own_time_not_its_outlook():
    context = TimeContext.of(make_document("12月15日，中央经济工作会议召开，为2024年经济工作定下基调。\n2023年，本行推进转型。\n"))
    assert context.named_year == 2023
    assert [m.period.value for m in context.mentions("12月15日，会议召开")] == ["2023-12-15"]


def test_a_target_year_is_not_the_texts_own():
    context = TimeContext.of(make_document("2024年，本行推进转型，力争到2025年末线上化率达到95%。\n到2025年全面完成。\n"))
    assert context.year == 2024


def test_the_title_names_the_report_its_text_speaks_of():
    document = make_document("报告期内，本行持续投入。")
    document.meta["title"] = MetaValue("工商银行2024年半年度报告摘要", "first_line")
    context = TimeContext.of(document)
    assert [m.period.value for m in context.sentence_mentions[next(document.sentences()).id]] == ["2024-H1"]


def test_news_words_need_the_documents_day():
    assert resolve("近日", None) == [] and resolve("昨日", "2024") == []


def test_a_date_no_calendar_has_is_no_date():
    assert resolve("昨日", "2024-02-30") == []


def test_the_same_period_a_year_before_is_the_one_named_before_it():
    assert resolve("预计上半年净亏损202.54亿元，上年同期净亏损约68.73亿元", "2024-08-20") == ["2024-H1", "2023-H1"]
    assert resolve("截至2024年2月29日，余额100亿元，去年同期80亿元", None) == ["2024-02-29", "2023-02-28"]
    # Of a news flash's own day, only the year is sure.
    assert resolve("上年同期净亏损约68.73亿元", "2024-08-20") == ["2023"]
    assert resolve("较上年同期增长5%，与去年同期相比", "2024-08-20") == []
    assert resolve("2024年报告期内", "2024-08-20") == ["2024", "2024-H1"]  # not 2024年报 and 告期内


def test_news_looks_ahead_to_a_bare_month_and_a_range_keeps_its_years():
    assert resolve("收购或9月有结论", "2024-08-20") == ["2024-09"]  # the coming September
    assert resolve("12月降息", "2024-08-20") == ["2024-12"]
    assert resolve("收购或9月有结论", "2024-08-20", "2024年半年度报告。") == ["2023-09"]  # a report's is past
    assert resolve("在2017年3月20日至10月11日期间", "2024-08-20") == ["2017-03-20", "2017-10-11"]
    assert resolve("2023年11月至2月", "2024-08-20") == ["2023-11", "2024-02"]
