from generator.read.readers import (
    HtmlReader,
    MarkdownReader,
    TextReader,
    looks_like_html,
    reader_for,
)

PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8">
<title>工行发布半年报 - 移动支付网</title>
<meta property="og:site_name" content="移动支付网">
<meta name="author" content="薛小易">
<meta property="article:published_time" content="2021-08-30T10:27:00+08:00">
</head><body>
<div class="nav"><a href="/">首页</a><a href="/news">新闻</a></div>
<div id="main-side-wrapper">
<article>
<h1>工行发布半年报</h1>
<p>8月27日,工行发布2021半年报。<br>营业收入4678亿元。</p>
<h2>科技强行</h2>
<p>工行将打造<strong>五位一体</strong>的“科技强行”。</p>
<figure><img src="a.jpg"><figcaption>图：发布会现场 https://img.example.com/a.jpg</figcaption></figure>
<div class="comments">评论加载中</div>
</article>
</div>
<footer>Copyright © 2011-2022 移动支付网</footer>
<script>alert(1)</script>
</body></html>"""


def test_text_lines_are_blocks():
    source = TextReader().parse("标题\n\n  第一段。  \n第二段。\n")
    assert [b.text for b in source.blocks] == ["标题", "第一段。", "第二段。"]


def test_a_web_page_gives_its_article_and_metadata_without_the_page_around_it():
    source = HtmlReader().parse(PAGE)
    assert [(b.text, b.heading_level) for b in source.blocks] == [
        ("工行发布半年报", 1), ("8月27日,工行发布2021半年报。", None), ("营业收入4678亿元。", None),
        ("科技强行", 2), ("工行将打造五位一体的“科技强行”。", None)]
    assert {k: (v.value, v.source) for k, v in source.meta.items()} == {
        "title": ("工行发布半年报", "html_meta"), "date": ("2021-08-30", "html_meta"),
        "author": ("薛小易", "html_meta"), "publisher": ("移动支付网", "html_meta")}


def test_the_article_heading_names_a_page_better_than_its_title():
    page = ("<html><head><title>招商银行App月活破亿_财经频道_新浪网</title></head><body>"
            "<div>首页 | 财经 | 股票</div><h1>招商银行App月活破亿</h1><p>正文。</p></body></html>")
    assert HtmlReader().parse(page).meta["title"].value == "招商银行App月活破亿"


WECHAT_ARTICLE = """<html><head><meta property="og:site_name" content="微信公众平台"></head><body>
<h1 class="rich_media_title">交通银行：数字化转型的实践与思考</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text">钱斌</span>
<span class="rich_media_meta rich_media_meta_nickname"><a id="js_name">中国金融杂志</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">2024-02-05 08:00</em>
</div>
<div id="js_content"><p>当前，数字化转型已成为银行业高质量发展的必由之路。</p></div>
<div class="rich_media_tool">阅读原文 阅读 1234 在看 56</div>
</body></html>"""


def test_a_wechat_article_gives_its_byline_fields_and_leaves_them_out_of_the_text():
    source = HtmlReader().parse(WECHAT_ARTICLE)
    assert {k: v.value for k, v in source.meta.items()} == {
        "title": "交通银行：数字化转型的实践与思考", "date": "2024-02-05", "publisher": "中国金融杂志", "author": "钱斌"}
    assert [b.text for b in source.blocks] == ["交通银行：数字化转型的实践与思考", "当前，数字化转型已成为银行业高质量发展的必由之路。"]


def test_markdown_front_matter_and_headings():
    source = MarkdownReader().parse(
        "---\ntitle: 数字化转型报告\ndate: 2023-05-01\n作者: 张三\n---\n# 数字化转型报告\n\n## 一、总体情况\n\n"
        "工行**持续**推进[数字工行](https://example.com)建设。\n")
    assert {k: v.value for k, v in source.meta.items()} == {"title": "数字化转型报告", "date": "2023-05-01", "author": "张三"}
    assert [(b.text, b.heading_level) for b in source.blocks] == [
        ("数字化转型报告", 1), ("一、总体情况", 2), ("工行持续推进数字工行建设。", None)]
    assert source.warnings == []


def test_a_table_row_reads_with_its_column_and_row_labels():
    source = MarkdownReader().parse("| 指标 | 2023年 | 2022年 |\n|---|---|---|\n| 手机银行用户数 | 4.6亿户 | 4.3亿户 |\n"
                                   "| 备注 | | 未审计 |\n")
    assert [b.text for b in source.blocks] == ["2023年手机银行用户数4.6亿户，2022年4.3亿户。", "2022年备注未审计。"]
    headless = HtmlReader().parse("<html><body><table><tr><td>甲</td><td>乙</td></tr></table></body></html>")
    assert [b.text for b in headless.blocks] == ["甲，乙。"]


def test_malformed_front_matter_is_reported_and_the_body_still_read():
    source = MarkdownReader().parse("---\ntitle: [unclosed\n---\n正文一句。\n")
    assert source.meta == {}
    assert len(source.warnings) == 1 and source.warnings[0].startswith("malformed front matter")
    assert [b.text for b in source.blocks] == ["正文一句。"]


def test_exported_web_pages_are_read_as_html_whatever_their_name():
    assert looks_like_html(PAGE)
    assert TextReader().read(PAGE.encode("utf-8")).format == "html"
    assert MarkdownReader().read("<div><p>一</p></div>\n<p>二</p>\n<p>三</p>\n".encode("utf-8")).format == "html"


def test_text_that_quotes_a_tag_is_still_text():
    text = "标题\n正文里有脚本<script>alert(1)</script>。\n第二段。\n"
    assert not looks_like_html(text)
    assert TextReader().read(text.encode("utf-8")).format == "text"
    assert reader_for(".txt").format == "text" and reader_for(".xyz") is None


def test_a_row_labels_unit_goes_with_its_figures():
    from generator.read.readers import table_lines
    assert table_lines([["指标", "2025年", "2024年"], ["资产总额（亿元）", "59,257.77", "57,692.70"],
                        ["客服NPS（客户净推荐值，%）", "91.0%", "89.8%"], ["说明（注）", "见附注", "—"]], True) == [
        "2025年资产总额59,257.77亿元，2024年57,692.70亿元。", "2025年客服NPS（客户净推荐值）91.0%，2024年89.8%。",
        "2025年说明（注）见附注，2024年—。"]


PORTAL = """<html><head><meta charset="utf-8"><title>工行手机银行用户突破5亿_财经频道</title></head><body>
<div class="top"><a href="/">首页</a> <a href="/login">登录</a> <a href="/reg">注册</a> <a href="/app">下载客户端</a></div>
<div class="channel"><ul><li><a href="/1">财经</a></li><li><a href="/2">股票</a></li><li><a href="/3">基金</a></li>
<li><a href="/4">理财</a></li><li><a href="/5">银行</a></li><li><a href="/6">保险</a></li></ul></div>
<div class="wrap"><div class="left">
<h1>工行手机银行用户突破5亿</h1>
<div class="content">
<p>中国工商银行日前披露，截至2024年6月末，该行个人手机银行客户达到5.2亿户，较上年末增长3.1%，月活跃用户超过1.8亿户，继续保持同业领先。</p>
<p>工行有关负责人表示，下一步将持续推进<a href="/t/1">数字化转型</a>，围绕<a href="/t/2">手机银行</a>和<a href="/t/3">普惠金融</a>加大投入。</p>
<p>据介绍，工行今年以来上线了适老化服务、跨境支付等多项新功能，线上渠道交易占比已经超过百分之九十八，线下网点正在加快转型为综合化服务中心。</p>
<p>业内人士认为，大型银行在数字化经营上的持续投入，正在改变零售银行业务的竞争格局，客户体验将成为下一阶段竞争的关键所在。</p>
<p>关键词 &gt;&gt; 手机银行</p>
<p>我要跟帖</p>
</div></div>
<div class="right"><h3>相关新闻</h3><ul>
<li><a href="/n/1">建行发布半年报：净利润增长</a></li><li><a href="/n/2">招行App月活破亿</a></li>
<li><a href="/n/3">农行推出数字人民币新场景</a></li><li><a href="/n/4">中行跨境金融服务升级</a></li></ul></div></div>
<div class="bottom"><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | 京ICP备00000000号</div>
</body></html>"""


def test_a_portal_page_keeps_its_article_and_leaves_the_menus_logins_and_headline_lists():
    source = HtmlReader().parse(PORTAL)
    texts = [block.text for block in source.blocks]
    assert any(text.startswith("中国工商银行日前披露") for text in texts)
    assert any(text.startswith("工行有关负责人表示") for text in texts)  # its links do not make it a menu
    assert any(text.startswith("业内人士认为") for text in texts)
    assert texts[-1].startswith("业内人士认为")  # what trails its last sentence is the page's
    for furniture in ("登录", "理财", "招行App月活破亿", "京ICP备", "关键词", "我要跟帖"):
        assert not any(furniture in text for text in texts), furniture
    assert any(removed.rule == "not_main_text" and "招行App月活破亿" in removed.text for removed in source.removed)


def test_front_matter_after_a_blank_line_is_read():
    source = MarkdownReader().parse("\n\n---\ntitle: 工行年报解读\ndate: 2024-03-28\n---\n正文一句。\n")
    assert source.meta["title"].value == "工行年报解读" and source.meta["date"].value == "2024-03-28"
    assert [block.text for block in source.blocks] == ["正文一句。"]
