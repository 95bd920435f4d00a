"""Frameworks a document states: a count and the members it introduces."""

import pytest

from generator.extract.frameworks import FrameworkExtractor
from generator.model import MetaValue
from tests.conftest import make_document


def frameworks(text: str):
    return [(f.name, f.members) for f in FrameworkExtractor().extract(make_document(text))]


@pytest.mark.parametrize("sentence, expected", [
    ("工行将打造“敏捷、智慧、生态、数字、安全”五位一体的“科技强行”。", ("科技强行", ("敏捷", "智慧", "生态", "数字", "安全"))),
    ("围绕大财富、全融资、促消费、强智能、优体验五个领域，打磨重点功能。", ("五个领域", ("大财富", "全融资", "促消费", "强智能", "优体验"))),
    ("重点体现“弹性架构、融合智能、安全可控、云化基建、柔性敏捷”五大新特征。", ("五大新特征", ("弹性架构", "融合智能", "安全可控", "云化基建", "柔性敏捷"))),
    ("从云化、敏捷、智能和安全四个维度推进转型。", ("四个维度", ("云化", "敏捷", "智能", "安全"))),
    ("推出助餐、助医、助行、助洁、助急五项特色助老服务。", ("五项特色助老服务", ("助餐", "助医", "助行", "助洁", "助急"))),
    ("完成柜面通、营销通、e办公三大对内平台优化升级。", ("三大对内平台", ("柜面通", "营销通", "e办公"))),
    ("重点围绕“服务客户、赋能员工”两个方向深化建设。", ("两个方向", ("服务客户", "赋能员工"))),
    # A count phrase in quotes is named whole, whatever its last words.
    ("做好科技金融、绿色金融、普惠金融、养老金融、数字金融“五篇大文章”。",
     ("五篇大文章", ("科技金融", "绿色金融", "普惠金融", "养老金融", "数字金融"))),
    # The list may follow the count phrase, after a colon.
    ("本公司推进“三个升级”：客户服务升级、经营模式升级、管理体系升级。",
     ("三个升级", ("客户服务升级", "经营模式升级", "管理体系升级"))),
    ("实施三大战略：零售金融、公司金融和金融市场。", ("三大战略", ("零售金融", "公司金融", "金融市场"))),
    ("围绕“数字生态、数字资产、数字技术、数字基建、数字基因”五维布局深化转型。",
     ("五维布局", ("数字生态", "数字资产", "数字技术", "数字基建", "数字基因"))),
    # Each member quoted on its own.
    ("围绕“数字乡村”“数字政务”“数字零售”三大场景持续发力。", ("三大场景", ("数字乡村", "数字政务", "数字零售"))),
])
def test_a_count_with_its_list(sentence, expected):
    assert frameworks(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "打造“敏捷、智慧、生态、数字”五位一体的“科技强行”。",  # four found, five counted
    "深入贯彻落实党的二十大、中央金融工作会议精神。",
    "借记卡密码重置、解除挂失两项柜面交易实现在线办理。",  # an unquoted pair is incidental
    "打造八大生态、三大生活圈。",  # counts without members
    "建立统一的一站式平台。",
])
def test_no_framework(sentence):
    assert frameworks(sentence) == []


def test_members_elaborated_one_by_one_in_the_section():
    text = """五、赋能五篇大文章
工行将加速数字金融创新，为科技金融、绿色金融、普惠金融、养老金融提供动能：科技金融领域，创新融资产品。绿色金融领域，升级碳核算系统。普惠金融领域，打造供应链服务。养老金融领域，推广个人养老金。数字金融领域，推动模式变革。
"""
    [framework] = FrameworkExtractor().extract(make_document(text))
    assert framework.name == "五篇大文章" and framework.count == 5
    assert framework.members == ("科技金融", "绿色金融", "普惠金融", "养老金融", "数字金融")
    assert all(len(ids) == 1 for _, ids in framework.elaborations)


def test_elaborations_open_with_the_member():
    text = """具体来看，本行将打造“敏捷、智慧、生态”三位一体的“科技强行”。
敏捷银行的关键之一在于融合。智慧银行则包括渠道数字化。
生态银行方面，本行建成开放平台。
数字化转型持续推进。
"""
    [framework] = FrameworkExtractor().extract(make_document(text))
    elaborations = dict(framework.elaborations)
    assert [len(elaborations[m]) for m in ("敏捷", "智慧", "生态")] == [1, 1, 1]


def test_the_words_that_lead_into_an_unquoted_list_are_not_its_first_member():
    assert frameworks("农业银行从渠道、产品、运营、风控四个维度推进数字化转型。") == [
        ("四个维度", ("渠道", "产品", "运营", "风控"))]


@pytest.mark.parametrize("text, name, members", [
    ("该行围绕对公、零售、金融市场、资产管理等四大业务推进转型。", "四大业务", ("对公", "零售", "金融市场", "资产管理")),
    ("将贷款流程简化为申请-审批-放款三步。", "三步", ("申请", "审批", "放款")),
    ("坚持线上+线下双轮驱动。", "双轮驱动", ("线上", "线下")),
])
def test_members_before_the_count_or_joined_by_symbols(text, name, members):
    [framework] = FrameworkExtractor().extract(make_document(text))
    assert (framework.name, framework.members) == (name, members)


def test_a_bare_count_after_a_code_or_a_range_is_no_framework():
    assert FrameworkExtractor().extract(make_document("实施T+1结算，2021-2023年规划三步走。")) == []


def strategy(text: str) -> list[tuple[str, bool, str]]:
    return [(f.name, f.strategy, f.placement) for f in FrameworkExtractor().extract(make_document(text))]


def test_a_framework_named_as_a_strategy_is_one_wherever_it_is_stated():
    assert strategy("前言。\n具体来看，工行将打造“敏捷、智慧、生态”三位一体的“科技强行”。") == [("科技强行", True, "body")]
    assert strategy("前言。\n本行实施三大战略：零售金融、公司金融和金融市场。") == [("三大战略", True, "body")]


def test_the_parts_of_a_thing_are_no_strategy_even_up_front():
    assert strategy("手机银行围绕大财富、全融资、促消费、强智能、优体验五个领域，打磨功能。") == [("五个领域", False, "lead")]
    assert strategy("前言。\n完成柜面通、营销通、e办公三大对内平台优化升级。") == [("三大对内平台", False, "body")]


def test_a_list_stated_in_a_heading_or_the_lead_is_a_strategy_in_the_body_it_is_not():
    assert strategy("重点围绕“服务客户、赋能员工”两个方向推进建设。") == [("两个方向", True, "lead")]
    assert strategy("五、赋能科技金融、绿色金融、普惠金融三大领航\n正文。") == [("三大领航", True, "heading")]
    assert strategy("前言。\n持续提升人才能力，围绕“数字化转型”和“金融科技”两个主线。") == [("两个主线", False, "body")]


def test_a_framework_the_title_names_is_placed_there():
    document = make_document("前言。\n工行将打造“敏捷、智慧、生态”三位一体的“科技强行”。")
    document.meta["title"] = MetaValue("工行定义三位一体的“科技强行”", "sidecar")
    [framework] = FrameworkExtractor().extract(document)
    assert framework.placement == "title"


def test_a_quoted_list_before_de_and_a_count_of_days():
    assert frameworks("基于“核心业务+开放生态平台”的双核心IT架构，提供服务。") == [("双核心IT架构", ("核心业务", "开放生态平台"))]
    assert frameworks("伯克希尔于9月3日、4日、5日连续三个交易日减持美国银行股票。") == []
