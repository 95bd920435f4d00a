from generator.read.readers import Block
from generator.read.structure import build_sections, numbered_heading, split_sentences


def test_sentences_end_at_chinese_stops_and_keep_closing_quotes():
    text = "营业收入4678亿元,同比增长4.3%;净利润1645亿元。他说：“要加快转型！”真的吗？还有半句"
    assert split_sentences(text) == [
        "营业收入4678亿元,同比增长4.3%;净利润1645亿元。", "他说：“要加快转型！”", "真的吗？", "还有半句"]


def test_decimals_and_versions_do_not_end_sentences():
    assert split_sentences("可用率保持在99.99%以上,手机银行9.0版本上线。") == [
        "可用率保持在99.99%以上,手机银行9.0版本上线。"]


def test_numbered_heading_styles():
    assert numbered_heading("一、持续做强服务平台,更好赋能市场拓展") == (
        "chinese_ordinal", "一", "持续做强服务平台,更好赋能市场拓展")
    assert numbered_heading("（二）数字产品") == ("chinese_parenthesised", "（二）", "数字产品")
    assert numbered_heading("1.1 数据治理") == ("arabic_dotted", "1.1", "数据治理")
    assert numbered_heading("第三章 总则") == ("chapter", "第三章", "总则")
    assert numbered_heading("1）手机银行") == ("arabic_parenthesised", "1）", "手机银行")
    assert numbered_heading("（2）开放平台") == ("arabic_parenthesised", "（2）", "开放平台")
    assert numbered_heading("一是持续优化“揭榜挂帅”机制,做好攻关项目遴选。") is None
    assert numbered_heading("1.54%的不良贷款率") is None
    assert numbered_heading("一、" + "很长" * 40) is None


def _outline(sections):
    return [(s.level, s.number, s.title, len(s.paragraphs)) for s in sections]


def test_levels_follow_the_order_styles_first_appear():
    blocks = [Block(t) for t in ["（一）总体情况", "正文一。", "1.1 细节", "正文二。", "（二）下一步", "正文三。"]]
    assert _outline(build_sections(blocks)) == [
        (1, "（一）", "总体情况", 1), (2, "1.1", "细节", 1), (1, "（二）", "下一步", 1)]


def test_stand_alone_subheadings_between_paragraphs():
    blocks = [Block("导语一句。"), Block("提出科技强行,关注“敏捷、智慧、生态、数字、安全”"),
              Block("工行半年报指出,其已经制定了金融科技发展规划。"), Block("敏捷"), Block("很短。")]
    assert _outline(build_sections(blocks)) == [
        (1, None, None, 1), (1, None, "提出科技强行,关注“敏捷、智慧、生态、数字、安全”", 3)]


def test_markup_headings_keep_their_relative_levels():
    blocks = [Block("部分", heading_level=2), Block("正文。"), Block("小节", heading_level=3), Block("正文。")]
    assert _outline(build_sections(blocks)) == [(1, None, "部分", 1), (2, None, "小节", 1)]


def test_sentence_ids_are_stable_and_unique():
    first = build_sections([Block("甲。乙。"), Block("甲。")])
    ids = [s.id for p in first[0].paragraphs for s in p.sentences]
    assert len(set(ids)) == 3
    edited = build_sections([Block("新加的一段。"), Block("甲。乙。"), Block("甲。")])
    assert ids == [s.id for p in edited[0].paragraphs for s in p.sentences][1:]


def test_a_new_style_nests_under_the_heading_it_first_appears_under():
    blocks = [Block(t) for t in ["3.6.1 金融科技投入", "正文一。", "3.6.2 数字化经营", "（一）零售业务", "正文二。",
                                 "（二）对公业务", "正文三。", "3.6.3 下一步工作", "正文四。"]]
    assert [(s.number, s.level) for s in build_sections(blocks)] == [
        ("3.6.1", 1), ("3.6.2", 1), ("（一）", 2), ("（二）", 2), ("3.6.3", 1)]
