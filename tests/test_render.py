"""Rendering: escaping, and a golden test of the whole generated Markdown tree."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import markdown
import pytest

import generator.render.pages
from generator.build import generate
from generator import rules, templates
from generator.render import environment, human_number, markdown_inline, page_title
from tests.conftest import FIXTURES, make_project

GOLDEN = FIXTURES / "golden"


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "{{ x }} {% raw %}", "*星号* _下划线_ `代码`", "[链接](javascript:alert(1))",
    "# 不是标题", "1. 不是列表", "a | b | c", "&amp; 与 &", "\\ 反斜杠", "![图](x.png)",
])
def test_inline_text_renders_literally(text):
    html = markdown.markdown(f"前缀 {markdown_inline(text)}", extensions=["tables", "attr_list"])
    plain = html.removeprefix("<p>前缀 ").removesuffix("</p>")
    assert plain == text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_page_titles_are_escaped_for_themes_that_print_them_raw():
    assert page_title('</title><script>alert("x")</script>') == (
        '"&lt;/title&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"')


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_diagnostics_page_names_every_removal_rule():
    """Every rule that cuts a line (the data's, and those the readers and the head apply) has a label."""
    labels = environment([templates.PAGES]).get_template("_labels.j2").module.removal_rules
    rules_in_data = [rule["name"] for rule in rules.load("furniture")["line_rules"]]
    applied_in_code = ["trailing_list", "page_element", "title", "byline", "person_line", "author_note"]
    assert set(rules_in_data + applied_in_code) <= labels.keys()


def test_fixture_corpus_renders_the_golden_markdown_tree(tmp_path):
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    rendered = _tree(project.docs)
    if os.environ.get("REPORTSITE_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for relative, text in rendered.items():
            (GOLDEN / relative).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / relative).write_text(text, encoding="utf-8")
    assert rendered == _tree(GOLDEN), "set REPORTSITE_UPDATE_GOLDEN=1 to accept an intended change"


def test_two_builds_of_one_corpus_are_byte_identical(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = make_project(tmp_path / "a"), make_project(tmp_path / "b")
    generate(first)
    generate(second)
    assert _tree(first.docs) == _tree(second.docs)


@pytest.mark.parametrize("value, shown", [(443000000, "4.43亿"), (14000, "1.4万"), (99.99, "99.99"),
                                          (-1.8, "−1.8"), (-12000, "−1.2万"), (0, "0")])
def test_numbers_read_as_written_with_a_decrease_below_zero(value, shown):
    assert human_number(value) == shown


def test_a_framework_is_named_with_its_owner(project):
    generate(project)
    index = (project.docs / "pillars" / "index.md").read_text(encoding="utf-8")
    assert "## 中国工商银行 · 科技强行" in index


def test_the_home_page_sums_up_owners_their_figures_and_recent_events_then_the_documents(tmp_path):
    project = make_project(tmp_path, FIXTURES / "banks")
    generate(project)
    home = (project.docs / "index.md").read_text(encoding="utf-8")
    assert home.index("涉及 3 个[机构]") < home.index("## 近期事件") < home.index("## 文档")
    assert r"[个人手机银行客户](metrics/mobile-banking-customers.md) 5\.5亿户" in home
    recent = home[home.index("## 近期事件"):home.index("## 文档")]
    assert "2025" not in recent and "2026" not in recent  # a plan's year ahead has not happened


def test_lists_of_parts_are_shown_apart_from_the_strategies_with_no_pages(project):
    generate(project)
    index = (project.docs / "pillars" / "index.md").read_text(encoding="utf-8")
    strategies, lists = index.split("## 其他列举")
    assert "## 中国工商银行 · 科技强行" in strategies and "五个领域" not in strategies
    assert "**中国工商银行 · 五个领域**：大财富、全融资、促消费、强智能、优体验" in lists
    pages = {path.read_text(encoding="utf-8").split("\n# ", 1)[1].split(" <small>")[0]
             for path in (project.docs / "pillars").glob("*-????.md")}
    assert "敏捷" in pages and not pages & {"大财富", "柜面通", "弹性架构"}
    from generator.model import term_id
    organisation = (project.docs / "organisations" / f"{term_id('中国工商银行')}.md").read_text(encoding="utf-8")
    assert organisation.index("## 战略框架") < organisation.index("**科技强行**") < organisation.index("## 其他列举")


def test_an_untitled_document_is_named_by_its_author_post_and_year(project):
    generate(project)
    home = (project.docs / "index.md").read_text(encoding="utf-8")
    assert "000\\_0001955a0cdd007d\\.txt" not in home
    page = (project.docs / "documents" / "000_0001955a0cdd007d.md").read_text(encoding="utf-8")
    assert "# 杨龙如 · 中国工商银行金融科技部总经理 · 2023 <small>（标题未知" in page


def test_a_corpus_too_large_for_one_page_lists_its_documents_events_and_readings_by_period(tmp_path, monkeypatch):
    monkeypatch.setattr(generator.render.pages, "PERIOD_PAGE_ENTRIES", 1)
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    home = (project.docs / "index.md").read_text(encoding="utf-8")
    assert "共 3 篇文档，按日期分页，由新到旧" in home and "| 文档 | 日期 |" not in home
    assert home.index("- [2024年](archive/2024.md)：1 篇") < home.index("- [2023年](archive/2023.md)：2 篇")
    month = (project.docs / "archive" / "2023-11.md").read_text(encoding="utf-8")
    assert "上一级：[2023年](../archive/2023.md)" in month
    assert "[城商行加快布局开放银行](../documents/news-page.md)" in month

    timeline = (project.docs / "timeline.md").read_text(encoding="utf-8")
    assert "- [2023年](timeline/2023.md)：" in timeline and "timeline-entry" not in timeline
    pages = sorted(path.stem for path in (project.docs / "timeline").glob("*.md"))
    events = [line for stem in pages for line in (project.docs / "timeline" / f"{stem}.md").read_text(
        encoding="utf-8").splitlines() if line.startswith('<div class="timeline-entry ')]
    assert len(events) == 5  # each event on one page: the whole timeline's, paged
    year = (project.docs / "timeline" / "2024.md").read_text(encoding="utf-8")
    assert "上一级：[时间线](../timeline.md)" in year and "](../documents/" in year

    diagnostics = (project.docs / "diagnostics.md").read_text(encoding="utf-8")
    assert "## 未能读取的文件" in diagnostics and "- [2024年](diagnostics/2024.md)：1 篇" in diagnostics
    assert "{: #news-page }" in (project.docs / "diagnostics" / "2023-11.md").read_text(encoding="utf-8")
    page = (project.docs / "documents" / "news-page.md").read_text(encoding="utf-8")
    assert "详见[读取诊断](../diagnostics/2023-11.md#news-page)" in page
