"""Metric extraction on sentences of the kinds banks publish."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.metrics import MetricExtractor
from tests.conftest import make_document


def metrics(text: str, date: str | None = "2024-03-28"):
    return MetricExtractor().extract(make_document(text, date))


def fields(metric):
    return (metric.value, metric.unit, metric.qualifier, metric.change)


@pytest.mark.parametrize("sentence, expected", [
    ("截至2023年末，建设银行个人手机银行用户数达4.6亿户。", [(4.6e8, "户", "exact", False)]),
    ("招商银行App月活跃用户达6,711.64万户。", [(67116400, "户", "exact", False)]),
    ("数字人民币累计交易金额超过1.8万亿元。", [(1.8e12, "元", "over", False)]),
    ("服务客户近千万户。", [(1e7, "户", "approx", False)]),
    ("全年金融科技投入232.35亿元，占营业收入的3.57%。", [(2.3235e10, "元", "exact", False), (3.57, "%", "exact", False)]),
    ("不良贷款率1.36%，较上年末下降0.02个百分点。", [(1.36, "%", "exact", False), (0.02, "个百分点", "exact", True)]),
    ("线上贷款余额突破两千亿元。", [(2e11, "元", "over", False)]),
    ("覆盖20%至30%的县域。", [(20, "%", "at_least", False), (30, "%", "at_most", False)]),
    ("占比提升至20至30%。", [(20, "%", "at_least", False), (30, "%", "at_most", False)]),
    ("费率在1.5-2.5个百分点之间。", [(1.5, "个百分点", "at_least", False), (2.5, "个百分点", "at_most", False)]),
    ("投资规模为3至5亿元。", [(3e8, "元", "at_least", False), (5e8, "元", "at_most", False)]),
    ("营业收入同比增长20%至30%。", [(20, "%", "at_least", True), (30, "%", "at_most", True)]),
    # By one figure to the other: a change, then the level reached.
    ("营业网点数量减少120个至2,900个。", [(120, "个", "exact", True), (2900, "个", "exact", False)]),
    ("中银香港净利润为港币380.77亿元。", [(3.8077e10, "港元", "exact", False)]),
    ("手机银行注册用户数比上年末净增2,100万户。", [(2.1e7, "户", "exact", True)]),
    ("单笔贷款最高可达500万元。", [(5e6, "元", "at_most", False)]),
    ("交易额约合3,000亿元。", [(3e11, "元", "approx", False)]),
    ("算力规模达到15万核，数据资产规模120PB。", [(1.5e5, "核", "exact", False), (120, "PB", "exact", False)]),
    ("金融科技发展规划(2021-2023年)。", []),
    ("新增科技人员1200人左右。", [(1200, "人", "approx", False)]),
    ("单笔交易不足100元。", [(100, "元", "under", False)]),
])
def test_figures_are_normalised(sentence, expected):
    assert [fields(m) for m in metrics(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "手机银行9.0版本上线，工银e生活6.0同步发布。",
    "客服热线95588提供7×24小时服务。",
    "客户画像筛选时间从T+1日缩短到分钟级。",
    "深入贯彻党的二十大精神，2023年取得新进展。",
    "2021-8-30 10:27发布。",
    "第一，坚持两个方向；第二，做好五篇大文章。",
    "粤ICP备11061396号。",
    "详见1.1节与2.3节。",
    "图片尺寸800×600。",
    "千方百计服务百姓，千家万户受益。",
])
def test_what_is_not_a_metric(sentence):
    assert metrics(sentence) == []


@pytest.mark.parametrize("sentence, subject", [
    ("报告期内，本行营业收入4678亿元。", "营业收入"),
    ("截至报告期末，线下渠道县域覆盖率已超85%。", "线下渠道县域覆盖率"),
    ("重点领域建成互联网有效场景6262个。", "互联网有效场景"),
    ("与全国26个省市开展政务数据合作。", "开展政务数据合作的省市"),
    ("在11个试点地区开展数字人民币业务试点。", "开展数字人民币业务试点的试点地区"),
    ("推出“工银全球付”等服务，在全球40个国家和地区推广。", "工银全球付推广的国家和地区"),
    ("该行打造的“云闪付”品牌，累计服务个人客户3500万户。", "云闪付服务个人客户"),
    ("截至9月末，已有超过30家城商行上线开放平台。", "上线开放平台的城商行"),
    ("本行金融科技投入占营业收入的3.5%。", "金融科技投入占营业收入"),
])
def test_subjects_name_what_is_measured(sentence, subject):
    assert metrics(sentence)[0].subject == subject


def test_a_growth_rate_is_a_change_of_the_figure_before():
    level, rate = metrics("企业手机银行客户数较上年末增加120万户，增幅13.2%。")
    assert (rate.subject, rate.change, rate.direction, rate.value) == (level.subject, True, "up", 13.2)


def test_a_change_takes_the_subject_and_direction_of_its_level():
    revenue, change, profit, fall = metrics("营业收入4678亿元，同比增长4.3%；净利润1645亿元，同比下降9.8%。")
    assert (change.subject, change.change, change.direction, change.basis) == ("营业收入", True, "up", "yoy")
    assert (fall.subject, fall.direction, fall.text) == ("净利润", "down", "同比下降9.8%")
    assert not revenue.change and not profit.change


def test_a_level_reached_after_a_change_is_a_level():
    change, level = metrics("营业收入同比增长5.1%至1,234亿元。")
    assert change.change and not level.change
    assert level.value == 1.234e11 and level.subject == change.subject == "营业收入"


def test_periods_come_from_the_sentence_or_the_document():
    document = "8月27日，本行发布2021半年报。\n报告期内，营业收入4678亿元。\n截至6月末，签约商户14万户。\n手机银行客户4.43亿户。\n"
    periods = [m.period for m in MetricExtractor().extract(make_document(document, "2021-08-30"))]
    assert periods == ["2021-H1", "2021-06-30", "2021-06-30"]


def test_each_metric_links_to_its_sentence():
    [metric] = metrics("签约商户14万户。")
    assert metric.source_url == f"documents/doc/#{metric.sentence_id}" and metric.sentence == "签约商户14万户。"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,%万亿千百十两一二超近约余多以上个户元，。、同比增长下降T+×:：年月日的客户数")), max_size=60))
def test_never_raises_on_arbitrary_text(text):
    for metric in metrics(text or "空"):
        assert metric.value >= 0 and metric.qualifier in {"exact", "over", "at_least", "approx", "under", "at_most"}


@pytest.mark.parametrize("sentence, subjects", [
    ("全年金融科技投入232.9亿元，占营业收入的3.03%。", ["金融科技投入", "金融科技投入占营业收入"]),
    ("招商银行App月活跃用户（MAU）已突破1亿户。", ["App月活跃用户"]),
    ("截至2023年末，零售客户数达1.97亿户。", ["零售客户数"]),
    ("产品方面，推出“惠农e贷”，余额近万亿元。", ["惠农e贷余额"]),
])
def test_subjects_in_other_documents(sentence, subjects):
    assert [m.subject for m in metrics(sentence)] == subjects


def test_a_verb_with_no_agent_says_what_was_counted():
    assert [m.subject for m in metrics("建设开放银行平台，截至2023年末接入场景1,200余个。")] == ["接入场景"]


@pytest.mark.parametrize("sentence, subjects", [
    ("报告期内，本集团金融科技投入为65.58亿元，占营业收入的4.51%。", ["金融科技投入", "金融科技投入占营业收入"]),
    ("本集团金融科技人员达到4,110人，占本集团员工总数的8.25%。", ["金融科技人员", "金融科技人员占本集团员工总数"]),
    ("本行推出“智慧财资”平台，交易金额突破1.2万亿元。", ["智慧财资交易金额"]),
    ("力争到2025年末线上化率达到95%以上。", ["线上化率"]),
    # A verb before a noun it qualifies names a kind of it; 约占 is a share too.
    ("截至报告期末，本公司研发人员10,846人，约占本集团员工总数的9.32%。", ["研发人员", "研发人员占本集团员工总数"]),
    ("本行研发投入强度（研发投入占营业收入比重）达到3.5%。", ["研发投入强度"]),
    ("数字人民币试点地区扩大至26个。", ["数字人民币试点地区"]),
    ("科技人员占比从2020年的3.5%提升至2023年的5.2%。", ["科技人员占比", "科技人员占比"]),
    ("中银香港净利润为港币380.77亿元。", ["中银香港净利润"]),
    ("投资规模为3至5亿元。", ["投资规模", "投资规模"]),
    # A percentage of what the noun after it names, unless the noun describes the figure.
    ("服务点达到43万个，覆盖全国近80%的乡镇及行政村。", ["服务点", "覆盖全国乡镇及行政村"]),
    ("全行信息系统可用率保持在99.99%以上的高水平。", ["信息系统可用率"]),
    ("我行持续打造“建行生活”平台，注册用户突破1.2亿户。", ["建行生活注册用户"]),
    # An adverb before the action after a figure is the action's.
    ("其中2,900余个项目已上线。", ["上线的项目"]),
])
def test_annual_report_subjects(sentence, subjects):
    assert [m.subject for m in metrics(sentence)] == subjects


def test_a_decrease_carries_its_sign_and_an_increase_or_a_level_none():
    level, decrease = metrics("不良贷款率1.36%，较上年末下降0.02个百分点。")
    assert (level.signed_value, decrease.direction, decrease.signed_value) == (1.36, "down", -0.02)
    [increase] = metrics("营业收入同比增长4.3%。")
    assert increase.signed_value == 4.3


@pytest.mark.parametrize("sentence, expected", [
    # paired lists: items and figures in order; the second keeps the change, the first takes the unit after the second
    ("个人贷款和对公贷款分别增长5%和8%。", [("个人贷款", 5, "%", "up"), ("对公贷款", 8, "%", "up")]),
    ("两项指标同比分别收窄3.2和1.5个百分点。", [("两项指标", 3.2, "个百分点", "down"), ("两项指标", 1.5, "个百分点", "down")]),
    ("资产总额和负债总额同比分别增加2.1和1.8个百分点。",
     [("资产总额", 2.1, "个百分点", "up"), ("负债总额", 1.8, "个百分点", "up")]),
    # durations, a magnitude after 多, and change words of markets
    ("平均审批时间缩短至45天，贷款期限最长18个月。", [("平均审批时间", 45, "天", None), ("贷款期限", 18, "个月", None)]),
    ("该行累计发放贷款2600多万元。", [("发放贷款", 2.6e7, "元", None)]),
    ("上证指数跌0.5%，沪铝涨0.1%，净息差收窄12个基点。",
     [("上证指数", 0.5, "%", "down"), ("沪铝", 0.1, "%", "up"), ("净息差", 12, "bp", "down")]),
])
def test_lists_durations_and_change_words(sentence, expected):
    found = [(m.subject, m.value, m.unit, m.direction) for m in metrics(sentence)]
    assert found == expected


def test_paired_organisations_own_their_figures():
    found = [(m.subject, m.entity, m.value) for m in metrics("工行和建行净利润分别为3600亿元和3300亿元。")]
    assert found == [("净利润", "中国工商银行", 3.6e11), ("净利润", "中国建设银行", 3.3e11)]


@pytest.mark.parametrize("sentence, kinds", [
    ("力争到2025年，手机银行客户突破6亿户。", ["target"]),
    ("预计全年营业收入增长5%，净利润增长3%。", ["forecast", "forecast"]),
    ("英国2月工业产出环比升0.8%，预期升0.1%，前值升0.2%。", ["actual", "forecast", "actual"]),  # of 2024-03-28
    ("不良贷款率1.54%，较上年末下降0.04个百分点。", ["actual", "actual"]),
    ("预计2025年营收增长5%，2026年增长3%。", ["forecast", "forecast"]),  # a forecast's later years too
])
def test_actual_target_or_forecast(sentence, kinds):
    assert [m.kind for m in metrics(sentence)] == kinds


def test_a_balance_is_dated_at_its_periods_end_and_a_flow_by_its_period():
    found = [(m.subject, m.period) for m in metrics("报告期内，工行营业收入4678亿元；不良贷款率1.54%，较2020年末下降0.04个百分点。",
                                                    "2021-08-30")]
    assert found == [("营业收入", "2021-H1"), ("不良贷款率", "2021-06-30"), ("不良贷款率", "2021-06-30")]


def test_a_sentence_about_an_aspect_names_the_subject_its_figures_lack():
    found = [(m.subject, m.entity) for m in metrics("营收增速方面，民生银行同比增长6.74%为最快。")]
    assert found == [("营收增速", "中国民生银行")]


def test_a_flow_a_report_states_stands_for_its_period():
    found = [(m.subject, m.period) for m in metrics("工商银行公布业绩。\n工商银行净利润1681.03亿元。净息差1.3%。", "2025-08-30")]
    assert found == [("净利润", "2025-H1"), ("净息差", "2025-06-30")]


def test_a_written_sign_makes_a_change_but_a_code_or_a_range_keeps_none():
    found = [(m.text, m.signed_value, m.unit, m.direction) for m in metrics("净息差1.65%（+30个基点），成本收入比28.1%（-1.2个百分点）。")]
    assert found == [("1.65%", 1.65, "%", None), ("+30个基点", 30, "bp", "up"),
                     ("28.1%", 28.1, "%", None), ("-1.2个百分点", -1.2, "个百分点", "down")]
    assert [(m.value, m.qualifier, m.direction) for m in metrics("同比增长20%-30%。")] == [
        (20, "at_least", "up"), (30, "at_most", "up")]
    assert metrics("实施T+1结算。") == []


def test_words_that_describe_or_compare_a_figure_are_not_its_subject():
    found = [(m.subject, m.text) for m in metrics(
        "招商银行以1600.42亿元的规模居首且同比增长1.74%，浦发银行以3.93%的同比增幅增长最快。")]
    assert found == [("", "1600.42亿元"), ("", "同比增长1.74%"), ("", "3.93%")]  # rather none than a remark
    found = [(m.subject, m.text) for m in metrics("本行运营碳排放较2024年同比减少16%，普惠贷款余额占比由2.6%提升至6.3%。")]
    assert found == [("运营碳排放", "同比减少16%"), ("普惠贷款余额占比", "2.6%"), ("普惠贷款余额占比", "6.3%")]


def test_in_a_sentence_about_an_aspect_a_ratio_is_not_the_count_before_it():
    found = [(m.subject, m.text, m.basis) for m in metrics(
        "拨备覆盖率方面，7家银行出现收缩，招商银行以405.93%遥遥领先，浦发银行拨备覆盖率较上年末大幅提升11.08个百分点至198.04%。")]
    assert found == [("出现收缩的银行", "7家", None), ("拨备覆盖率", "405.93%", None),
                     ("拨备覆盖率", "较上年末大幅提升11.08个百分点", "vs_prior_year_end"), ("拨备覆盖率", "198.04%", None)]


def test_a_data_releases_readings_are_its_index_and_the_prior_reading_no_ones():
    found = metrics("英国7月CPI同比升2.2%，预期升2.3%，前值升2.0%；环比降0.2%，前值从升0.3%修正为升0.1%。",
                    "2024-08-14")
    assert [(m.text, m.subject, m.kind, m.period) for m in found] == [
        ("同比升2.2%", "英国CPI", "actual", "2024-07"), ("升2.3%", "英国CPI", "forecast", "2024-07"),
        ("升2.0%", "", "actual", None), ("环比降0.2%", "英国CPI", "actual", "2024-07"),
        ("升0.3%", "", "actual", None), ("升0.1%", "", "actual", None)]


def test_an_index_closing_is_the_index():
    assert [m.subject for m in metrics("中证转债指数收盘跌1.16%，万得可转债等权指数跌1.57%。")] == [
        "中证转债指数", "万得可转债等权指数"]


def test_a_term_is_part_of_a_name_not_a_figure():
    assert [(m.text, m.subject) for m in metrics("央行开展了1378亿元7天期逆回购操作，操作利率1.70%。")] == [
        ("1378亿元", "开展7天期逆回购操作"), ("1.70%", "操作利率")]


def test_a_manner_before_the_verb_is_not_part_of_what_is_measured():
    assert [m.subject for m in metrics("央行以固定利率、数量招标方式开展了1378亿元7天期逆回购操作。")] == ["开展7天期逆回购操作"]


def test_a_record_counted_since_a_time_is_of_the_texts_own_day():
    assert [(x.text, x.period) for x in metrics("韩国综指跌8.77%，创2008年以来最大跌幅。", "2024-08-06")] == [
        ("跌8.77%", "2024-08-06")]


def test_a_bare_increase_after_a_basis_is_a_change():
    assert [(m.text, m.subject, m.change, m.direction) for m in metrics("营业收入5467.44亿元，同比增3%；新增客户120万户。")] == [
        ("5467.44亿元", "营业收入", False, None), ("同比增3%", "营业收入", True, "up"), ("120万户", "新增客户", False, None)]


def test_a_figure_of_the_same_period_a_year_before_is_dated_then_and_only_in_its_clause():
    found = metrics("小鹏汽车第二季度总营收81.1亿元，上年同期50.6亿元；净亏损12.8亿元，上年同期亏损28亿元。",
                    "2024-08-20")
    assert [(m.text, m.subject, m.period) for m in found] == [
        ("81.1亿元", "小鹏汽车总营收", "2024-Q2"), ("50.6亿元", "小鹏汽车总营收", "2023-Q2"),
        ("12.8亿元", "净亏损", "2024-Q2"), ("28亿元", "亏损", "2023-Q2")]
    # Compared with, it is a basis, not the figure's period.
    assert [m.period for m in metrics("上半年营业收入同比增长5%，比上年同期多3亿元。", "2024-08-20")] == ["2024-H1", "2024-H1"]


def test_a_copula_or_a_preposition_before_a_time_is_not_what_is_measured():
    found = metrics("有3类债权将清偿，分别为职工债权（0.36亿元）、社保债权（0.01亿元）。华为在今年上半年实现销售收入4175亿人民币。"
                    "本行为两个林场提供5亿元贷款。", "2024-08-20")
    assert [(m.text, m.unit, m.subject) for m in found][1:] == [
        ("0.36亿元", "元", "职工债权"), ("0.01亿元", "元", "社保债权"), ("4175亿人民币", "元", "销售收入"),
        ("5亿元", "元", "贷款")]


@pytest.mark.parametrize("sentence, found", [
    ("合计减持579.709万股。", [("579.709万股", "股")]),  # shares are counted
    ("推出2024款欧拉好猫等30款车型。", [("30款", "款")]),  # a model year is a name
    ("按照申万一级行业分类，资产突破万亿元。", [("突破万亿元", "元")]),  # 申万一级 is a name
    ("每10股派3元。", [("3元", "元")]),  # the base of a rate is not a figure
])
def test_counts_names_and_the_bases_of_rates(sentence, found):
    assert [(m.text, m.unit) for m in metrics(sentence)] == found


def test_a_comparison_or_a_tense_word_is_not_what_is_measured():
    found = metrics("融券余额已降至212亿元，较新规前降幅超过30%；用户规模将从现在的1.2亿增长至2亿。", "2024-08-20")
    assert [(m.text, m.subject) for m in found] == [
        ("212亿元", "融券余额"), ("降幅超过30%", "融券余额"), ("1.2亿", "用户规模"), ("2亿", "用户规模")]


def test_a_bare_move_after_what_moved_is_a_change_but_what_was_added_is_a_level():
    found = metrics("加拿大8月就业人数增2.21万人，前值减0.28万人。丝芙兰将裁减约400名员工，新增门店30家。", "2024-09-07")
    assert [(m.text, m.subject, m.direction) for m in found] == [
        ("增2.21万人", "加拿大就业人数", "up"), ("减0.28万人", "", "down"), ("裁减约400名", "丝芙兰", "down"),
        ("30家", "新增门店", None)]


def test_changes_listed_after_levels_are_those_levels_changes_in_order():
    found = metrics("7月全国期货市场成交量为7.11亿手，成交额为52.42万亿元，环比分别增长23.94%和16.43%。", "2024-08-10")
    assert [(m.text, m.subject) for m in found][2:] == [
        ("环比分别增长23.94%", "全国期货市场成交量"), ("16.43%", "成交额")]


def test_a_word_naming_two_things_pairs_with_two_figures():
    found = metrics("7月，乘用车产销分别完成203万辆和199.4万辆，环比分别下降6.8%和10%。本行存贷款余额分别为3万亿元和2万亿元。",
                    "2024-08-10")
    assert [m.subject for m in found] == ["乘用车产量", "乘用车销量", "乘用车产量", "乘用车销量", "存款余额", "贷款余额"]


def test_a_name_set_apart_owns_nothing_and_a_digests_item_number_is_no_subject():
    found = metrics("除兴业信托外，另外三家信托公司报告期内实现净利润均在4亿元以上。", "2024-08-30")
    assert [(m.text, m.entity) for m in found] == [("4亿元以上", None)]
    found = metrics("【债券重大事件】①阳光城集团到期未支付债务本金723.56亿②江苏银行拟发行100亿元永续资本债。", "2024-08-30")
    assert [(m.subject, m.entity) for m in found] == [("到期未支付债务本金", "阳光城集团"), ("拟发行", "江苏银行")]


def test_a_reading_compared_with_an_expectation_is_the_index_it_reads():
    found = metrics("壳牌第二季度调整后利润为63亿美元，超过预期的59亿美元。上半年海外投资收益高达19.2万亿日元。", "2024-08-01")
    assert [(m.text, m.subject) for m in found] == [
        ("63亿美元", "壳牌调整后利润"), ("59亿美元", "壳牌调整后利润"), ("19.2万亿日元", "海外投资收益")]


def test_a_figure_of_another_organisation_does_not_take_the_subject_before_it():
    found = metrics("银行板块继续调整，华谊兄弟涨超15%，交通银行跌约6%，建设银行跌近5%。", "2024-08-31")
    assert [(m.text, m.subject, m.entity) for m in found] == [
        ("涨超15%", "华谊兄弟", None), ("跌约6%", "", "交通银行"), ("跌近5%", "", "中国建设银行")]


def test_higher_or_lower_than_a_basis_is_a_change_of_the_level_before():
    found = metrics("7月份同业拆借加权平均利率为1.81%，比上月低0.06个百分点，比上年同期高0.32个百分点。首付比例最低15%。",
                    "2024-08-14")
    assert [(m.text, m.subject, m.direction, m.basis) for m in found] == [
        ("1.81%", "同业拆借加权平均利率", None, None),
        ("比上月低0.06个百分点", "同业拆借加权平均利率", "down", "qoq"),
        ("比上年同期高0.32个百分点", "同业拆借加权平均利率", "up", "yoy"),
        ("最低15%", "首付比例", None, None)]
