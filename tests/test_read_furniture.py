from pathlib import Path

import pytest

from generator.read.furniture import clean, furniture_rule
from generator.read.readers import Block
from generator.read.structure import split_sentences

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("line, rule", [
    ("Copyright © 2011-2022 移动支付网    粤ICP备11061396号", "copyright"),
    ("移动支付网 版权所有", "copyright"),
    ("文章仅代表作者本人观点，不代表本站立场。", "reprint_notice"),
    ("粤ICP备11061396号-1", "icp"),
    ("粤公网安备 44030602000994号", "icp"),
    ("本文为作者授权发布,不代表移动支付网立场,转载请注明作者及来源。", "reprint_notice"),
    ("未经授权，禁止转载。", "reprint_notice"),
    ("评论加载中", "widget"),
    ("相关文章", "widget"),
    ("月点击排行", "widget"),
    ("分享到：微信 微博", "widget"),
    ("责任编辑：王五", "widget"),
    ("关于本站    联系我们    版权声明    手机版", "site_links"),
    ("首页 | 新闻 | 专题 | 关于", "site_links"),
    ("深圳市宇通互联信息技术有限公司    地址:深圳市宝安区新安街道", "address"),
    ("https://img.example.com/2021/08/a.jpg", "image_caption"),
    ("图片来源：视觉中国", "image_caption"),
    ("|", "stray_symbols"),
    ("本文首发于《中国金融电脑》2024年第4期。", "reprint_notice"),
    ("原标题：邮储银行：数字化转型跑出加速度", "reprint_notice"),
    ("首页 > 财经 > 银行", "breadcrumb"),
    ("当前位置：首页 > 新闻 > 正文", "breadcrumb"),
    ("【打印】【关闭】", "page_tools"),
    ("【字体：大 中 小】 打印本页 关闭窗口", "page_tools"),
    ("（完）", "end_mark"),
    ("责编：张三 审核：李四", "credits"),
    ("来源：中国证券报", "credits"),
    ("微信扫一扫关注该公众号", "widget"),
    ("阅读原文", "widget"),
    ("46", "page_number"),
    ("— 45 —", "page_number"),
    ("- 3 -", "page_number"),
    ("第 12 页", "page_number"),
    ("第12页 共30页", "page_number"),
    ("12/30", "page_number"),
    ("Page 7 of 30", "page_number"),
])
def test_furniture_lines_are_recognised(line, rule):
    assert furniture_rule(line) == rule


@pytest.mark.parametrize("sentence", [
    "工行打造了“数字乡村”综合服务平台,面向县乡村提供政务、财务、村务、党务、金融于一体的综合服务。",
    "截至6月末,工行累计开立数字人民币个人钱包356万个、对公钱包70万个,签约商户14万户。",
    "相关部门表示，将继续加大支持力度。",
    "地址变更后，网点服务不受影响。",
    "首页改版后，手机银行打印回单更方便。",
    "大中小微企业均可申请。",
    "审核通过率达到95%。",
    "2023",  # a year alone on a line may head what follows
    "工行推出版权所有人登记服务，累计服务客户超过1万户。",
    "ICP备案制度实施以来，互联网金融平台规范发展。",
    "图像识别技术已应用于票据处理。",
])
def test_article_sentences_are_not_furniture(sentence):
    assert furniture_rule(sentence) is None


def test_lists_after_a_tail_marker_go_but_sentences_stay():
    blocks = [Block("正文。"), Block("相关文章"), Block("工行发布半年报"), Block("建行推出新平台"),
              Block("这是一句完整的正文句子。")]
    kept, removed = clean(blocks)
    assert [b.text for b in kept] == ["正文。", "这是一句完整的正文句子。"]
    assert [(r.text, r.rule) for r in removed] == [
        ("相关文章", "widget"), ("工行发布半年报", "trailing_list"), ("建行推出新平台", "trailing_list")]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "corpus").glob("*.txt")))
def test_no_sentence_of_a_shipped_document_is_cut(name):
    lines = (ROOT / "corpus" / name).read_text(encoding="utf-8").splitlines()
    _, removed = clean([Block(line.strip()) for line in lines if line.strip()])
    cut = {r.text for r in removed if r.rule != "reprint_notice"}
    for line in cut:
        assert not (len(line) > 30 and split_sentences(line)[-1].endswith("。")), line


def test_a_line_printed_again_is_a_running_header_but_its_first_printing_stays():
    header = "中国农业银行股份有限公司2023年年度报告"
    blocks = [Block("金融科技"), Block("本行推进数字化转型。"), Block("45"), Block(header),
              Block("金融科技人员1.3万人。"), Block("本行推进数字化转型。")]
    kept, removed = clean(blocks, printed_before=[header])
    assert [b.text for b in kept] == ["金融科技", "本行推进数字化转型。", "金融科技人员1.3万人。", "本行推进数字化转型。"]
    assert [(r.text, r.rule) for r in removed] == [("45", "page_number"), (header, "running_header")]


def test_repeated_lines_away_from_a_page_number_are_not_running_headers():
    # Short ones, and a report's parallel subheadings.
    kept, removed = clean([Block("一是"), Block("45"), Block("一是"), Block("正文。")])
    assert [r.rule for r in removed] == ["page_number"] and len(kept) == 3
    subheading = "主要工作及取得的成效"
    blocks = [Block(subheading), Block("正文一。"), Block(subheading), Block("正文二。")]
    assert clean(blocks) == (blocks, [])


def test_an_article_printed_as_one_line_is_not_furniture_for_its_opening_notice():
    article = ("本文来源：新华网。" + "截至6月末，工商银行个人手机银行客户达到4.43亿户，同比增长12%。" * 6
               + "Copyright © 2024")
    assert furniture_rule(article) is None
    kept, removed = clean([Block(article)])
    assert [b.text for b in kept] == [article] and removed == []
