"""Events: one per dated fact, with the document's date as input."""

import pytest

from generator.extract.events import EventExtractor, describe
from tests.conftest import make_document


def events(text: str, date: str | None = "2021-08-30"):
    return [(e.date, e.precision, e.text) for e in EventExtractor().extract(make_document(text, date))]


@pytest.mark.parametrize("sentence, date, expected", [
    ("8月27日,工行发布2021半年报。", "2021-08-30", ("2021-08-27", "day", "工行发布2021半年报")),
    ("2021年8月27日，工行发布半年报。", None, ("2021-08-27", "day", "工行发布半年报")),
    ("2021-8-30，新平台上线。", None, ("2021-08-30", "day", "新平台上线")),
    ("2021年6月，新平台上线。", None, ("2021-06", "month", "新平台上线")),
    ("2021年二季度，新平台上线。", None, ("2021-Q2", "quarter", "新平台上线")),
    ("2023年，本行获得最高等级认证。", None, ("2023", "year", "本行获得最高等级认证")),
    ("上半年,工行在总行成立了乡村振兴办公室,推动重点分支机构成立团队。", "2021-08-30",
     ("2021-H1", "half", "工行在总行成立了乡村振兴办公室")),
    ("下半年，本行将推出新版手机银行。", "2021-08-30", ("2021-H2", "half", "本行将推出新版手机银行")),
    ("一季度，本行新增客户100万户。", "2021-08-30", ("2021-Q1", "quarter", "本行新增客户100万户")),
    ("截至6月末,工行累计开立数字人民币个人钱包356万个。", "2021-08-30",
     ("2021-06-30", "day", "工行累计开立数字人民币个人钱包356万个")),
    ("截至报告期末累计服务个人客户3500万户。", "2021-08-30", ("2021-06-30", "day", "累计服务个人客户3500万户")),
    ("报告期内，营业收入4678亿元。", "2021-08-30", ("2021-H1", "half", "营业收入4678亿元")),
    # 今年 is the year the document was written in; 全年 the year it reports on.
    ("今年，本行推进数字化转型。", "2024-03-28", ("2024", "year", "本行推进数字化转型")),
    ("去年，本行启动了云迁移。", "2021-08-30", ("2020", "year", "本行启动了云迁移")),
    ("全年培训超40万人次。", "2024-03-28", ("2023", "year", "培训超40万人次")),
    ("上年末，不良率为1.5%。", "2021-08-30", ("2020-12-31", "day", "不良率为1.5%")),
    ("年初，本行发布新战略。", "2021-08-30", ("2021-01", "month", "本行发布新战略")),
    ("其已经制定了金融科技发展规划(2021-2023年),加快机制变革。", "2021-08-30",
     ("2021/2023", "span", "其已经制定了金融科技发展规划")),
])
def test_each_time_form_dates_one_event(sentence, date, expected):
    assert events(sentence, date) == [expected]


def test_a_named_span_dates_what_follows_it():
    text = "本行制定了发展规划(2021-2023年)。\n规划期内，本行将建设敏捷银行。\n"
    assert [e[:2] for e in events(text)] == [("2021/2023", "span"), ("2021/2023", "span")]


@pytest.mark.parametrize("sentence", [
    "客户画像筛选时间从T+1日缩短到分钟级。",
    "客服热线提供7×24小时服务。",
    "30日留存率明显提升。",
    "覆盖2000余种金融服务。",
    "营业收入同比增长5%，较上年末提高。",
    "2024年中期报告",  # a time alone: nothing happened then
    "30年期国债下行2.25bp报2.22%，为2005年2月底以来新低。",  # the time a record is counted since
    "2023年 2,375.58亿元",  # a table's cell under its year
    "7月终值43.2，6月终值45.8。",  # a data release's earlier readings
])
def test_what_is_not_a_date(sentence):
    assert events(sentence) == []


def test_one_event_per_fact_not_per_date_mention():
    assert len(events("8月27日,工行发布2021半年报。")) == 1
    assert [e[0] for e in events("2021年营业收入增长5%；2022年营业收入增长7%。", None)] == ["2021", "2022"]


def test_headings_are_not_events():
    assert events("2023年工作回顾\n2023年，本行推进转型。\n") == [("2023", "year", "本行推进转型")]


def test_an_undated_document_is_dated_by_its_text():
    [(date, _, text)] = events("2023年,工商银行深入推进“数字工行”建设,获得FDCM最高等级认证。", None)
    assert date == "2023" and text == "工商银行深入推进“数字工行”建设"


def test_long_descriptions_are_shortened():
    text = describe("2023年，" + "很长的描述" * 20, 0, 5)
    assert len(text) == 60 and text.endswith("…")


def test_a_date_without_a_year_is_the_latest_one_not_after_the_document():
    assert events("3月28日，本行发布2023年年度报告。", "2024-03-28") == [("2024-03-28", "day", "本行发布2023年年度报告")]
    assert events("12月20日，本行上线新系统。", "2024-03-28") == [("2023-12-20", "day", "本行上线新系统")]


def test_words_that_close_a_time_go_with_it_and_short_clauses_take_the_next():
    assert events("今年以来，多家城商行加快布局开放银行。", "2023-11-02") == [
        ("2023", "year", "多家城商行加快布局开放银行")]
    assert events("1月15日，招商银行宣布，其App月活跃用户已突破1亿户。", "2024-01-15") == [
        ("2024-01-15", "day", "招商银行宣布，其App月活跃用户已突破1亿户")]


def test_a_number_with_thousands_separators_is_one_clause():
    assert events("2023年，本行科技人员达到10,846人，较上年末增加约700人。", None) == [
        ("2023", "year", "本行科技人员达到10,846人")]


def test_a_sentence_can_hold_several_dated_events():
    found = EventExtractor().extract(make_document("3月1日，工行上线新版手机银行，4月10日，建行发布数字人民币钱包。", "2024-08-28"))
    assert [(e.date, e.entity, e.text) for e in found] == [
        ("2024-03-01", "中国工商银行", "工行上线新版手机银行"), ("2024-04-10", "中国建设银行", "建行发布数字人民币钱包")]


def test_a_description_names_its_owner_where_the_sentence_only_referred_to_it():
    document = make_document("工行发布年报。\n2021年，其已经制定了金融科技发展规划。\n2021年，其中一项工作完成。", "2021-08-30")
    assert [e.text for e in EventExtractor().extract(document)] == ["中国工商银行已经制定了金融科技发展规划", "其中一项工作完成"]
