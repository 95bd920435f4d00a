"""Undoing a page layout: lines a PDF broke, spaces its typesetting added."""

from generator.read.layout import close_figure_spacing, display_width, split_flattened, unwrap
from generator.read.readers import Block


def texts(lines: list[str]) -> list[str]:
    return [block.text for block in unwrap([Block(line) for line in lines])]


def closed(line: str) -> str:
    [block] = close_figure_spacing([Block(line)])
    return block.text


def test_a_chinese_character_takes_two_columns():
    assert display_width("达到30.5万亿元，") == 2 * 6 + 4


def test_lines_that_fill_the_layout_in_mid_sentence_go_on():
    lines = [
        "数字化发展",
        "上半年，本行手机银行交易额达到30.5",
        "万亿元，同比增长8%；手机银行客户数达",
        "到2.6亿户。",
        "渠道建设",
        "本行持续优化网点布局，推进网点智能化",
        "改造，服务效率明显提升。",
    ]
    assert texts(lines) == [
        "数字化发展",
        "上半年，本行手机银行交易额达到30.5万亿元，同比增长8%；手机银行客户数达到2.6亿户。",
        "渠道建设",
        "本行持续优化网点布局，推进网点智能化改造，服务效率明显提升。",
    ]


def test_a_line_ending_on_a_pause_goes_on_in_any_document():
    assert texts(["本行坚持科技自立自强，", "加快数字化转型。", "下一段。"]) == [
        "本行坚持科技自立自强，加快数字化转型。", "下一段。"]


def test_paragraphs_printed_whole_keep_their_headings_apart():
    # Each paragraph on one line: the headings are the short lines, however alike their widths.
    paragraph = "本行深入推进数字化转型，" * 10 + "成效显著。"
    lines = ["提出科技强行，关注敏捷、智慧、生态、数字、安全", paragraph,
             "推进数字金融，服务实体经济与乡村振兴战略实施", paragraph]
    assert texts(lines) == lines


def test_a_numbered_heading_is_never_joined_to_the_line_before():
    lines = ["本行持续推进“数字经营、数字风控、数字运营、", "3.9 渠道建设", "正文。"]
    assert texts(lines) == lines


def test_latin_words_broken_between_lines_keep_a_space():
    lines = ["本行与合作伙伴共同发布开放银行平台Open", "Banking，服务超过一千家企业客户和机构。",
             "本行与合作伙伴共同推进数字人民币试点工作和", "场景建设，覆盖全国主要城市。"]
    assert texts(lines) == ["本行与合作伙伴共同发布开放银行平台Open Banking，服务超过一千家企业客户和机构。",
                            "本行与合作伙伴共同推进数字人民币试点工作和场景建设，覆盖全国主要城市。"]


def test_short_lines_are_no_layout():
    assert texts(["本行发布了Open", "Banking平台。"]) == ["本行发布了Open", "Banking平台。"]


def test_spaces_between_figures_and_words_close():
    assert closed("截至 2023 年末，月活跃用户达 2.21 亿户，较上年末增长 10.5 %。") == (
        "截至2023年末，月活跃用户达2.21亿户，较上年末增长10.5%。")
    assert closed("企业网银客户 1,056.32 万户") == "企业网银客户1,056.32万户"


def test_spaces_that_are_not_typesetting_stay():
    assert closed("3.6 金融科技与数字化转型") == "3.6 金融科技与数字化转型"  # a heading's number
    assert closed("使用 Python 开发") == "使用 Python 开发"
    assert closed("来源：移动支付网    作者：薛小易") == "来源：移动支付网    作者：薛小易"


def test_a_line_that_lost_its_breaks_is_cut_where_runs_of_spaces_kept_them():
    body = "报告期内，该行实现营业收入52亿元，同比增长6.1%，资产总额突破1000亿元，较上年末增长8%，资产质量保持稳定，拨备覆盖率保持在较高水平。"
    flattened = f"一、总体情况　　{body}　　二、数字化转型　　1）手机银行  {body}"
    assert [b.text for b in split_flattened([Block(flattened)])] == [
        "一、总体情况", body, "二、数字化转型", "1）手机银行", body]


def test_a_short_line_keeps_its_spaces():
    byline = "2021-8-30 10:27来源:移动支付网    作者:薛小易"
    assert split_flattened([Block(byline)]) == [Block(byline)]
