"""The built site in a real browser (headless Chromium): search, anchors, safety."""

from __future__ import annotations

import json
import os
import re
import shutil
from unittest import mock

import lxml.html
import pytest

import generator.render.pages
import generator.search
from generator.build import generate, run_mkdocs
from generator.search import index_search
from tests.conftest import ARTIFACTS, FIXTURES, build_site, make_project, screenshot, serving

SEEDS = ("000_0001955a0cdd007d", "003_356bb86cd6c9e501")

# What a reader types, and the document pages that must be among the results
# (the acceptance queries of the seed corpus).
QUERIES = {
    "揭榜挂帅": SEEDS,
    "手机银行": SEEDS,
    "数据中台": SEEDS,
    "人才": SEEDS,  # inside 科技人才 and 人才队伍
    "科技菁英": SEEDS,
    "99.99%": SEEDS,
    "可用性": ("003_356bb86cd6c9e501",),
    "数字人民币": ("003_356bb86cd6c9e501",),
    "工银e生活": ("000_0001955a0cdd007d",),
    "张文武": ("003_356bb86cd6c9e501",),
    "月活": ("003_356bb86cd6c9e501",),
    "不良贷款率": ("003_356bb86cd6c9e501",),
}


def search(page, query: str) -> list[str]:
    """Type `query` into the header search box; the result pages' paths."""
    box = page.locator("header input[name=query]")
    box.click()
    box.fill(query)
    box.press("End")
    # Busy from the keystroke until this query's results are all shown: a query typed over an earlier
    # one does not return the earlier one's results.
    page.wait_for_function("() => document.querySelector('[data-reportsite-search-results]').ariaBusy === 'false'")
    links = page.locator("li.md-search-result__item > a.md-search-result__link")
    return [href.split("#")[0] for href in links.evaluate_all("links => links.map(a => new URL(a.href).pathname)")]


def follow(link) -> None:
    """Click `link` and wait until the page is at its address (a click returns before the page it
    opens has loaded)."""
    address = link.evaluate("a => a.href")
    link.click()
    link.page.wait_for_url(address)


@pytest.mark.parametrize("query", QUERIES)
def test_header_search_lists_the_documents(page, site_url, query):
    page.goto(site_url)
    found = search(page, query)
    for document in QUERIES[query]:
        assert f"/documents/{document}/" in found, f"{query}: {found}"
    # Indexes list what has pages of its own: they would match every query.
    assert not {"/", "/metrics/", "/terms/", "/organisations/", "/pillars/", "/timeline/"} & set(found), found
    assert not page.errors


def test_search_results_screenshot(page, site_url):
    page.goto(site_url)
    assert search(page, "人才")
    screenshot(page, "search-人才")
    assert page.locator(".md-search-result mark").first.inner_text() == "人才"


@pytest.mark.parametrize("query, document, figure", [
    ("4.43亿", SEEDS[1], "4.43亿户"),  # as written, without its unit word
    ("1.54%", SEEDS[1], "1.54%"),
    ("４.４３亿", SEEDS[1], "4.43亿户"),  # typed with full-width digits
    ("下降0.04个百分点", SEEDS[1], "下降0.04个百分点"),  # with its change word
])
def test_a_figure_typed_as_written_finds_the_sentence_that_states_it_first(page, site_url, query, document, figure):
    page.goto(site_url)
    found = search(page, query)
    assert found[0] == f"/documents/{document}/", found
    first = page.locator("li.md-search-result__item").first
    assert first.locator("mark").all_inner_texts() == [figure]
    assert "#s-" in first.locator("a").first.get_attribute("href")  # to the sentence itself
    assert not page.errors


def test_highlighting_marks_whole_words_of_the_query_not_single_characters(page, site_url):
    page.goto(site_url)
    search(page, "4.43亿")
    marks = page.locator(".md-search-result mark").all_inner_texts()
    assert marks and all(mark in ("4.43亿户",) or len(mark.strip()) >= 2 for mark in marks), marks
    assert "4" not in [mark.strip() for mark in marks]


def test_a_figure_inside_a_longer_number_is_not_found(page, site_url):
    page.goto(site_url)
    search(page, "54%")  # the seeds state 1.54%, never 54%
    assert not page.locator("li.md-search-result__item mark", has_text="1.54%").count()


def test_linked_sentence_is_highlighted(page, site_url, built_site):
    report = json.loads((built_site / "data" / "report.json").read_text(encoding="utf-8"))
    document = next(d for d in report["documents"] if d["id"] == SEEDS[1])
    page.goto(site_url + document["url"])
    sentence_id = page.locator("span.sentence").nth(5).get_attribute("id")
    page.goto(site_url + document["url"] + "#" + sentence_id)
    target = page.locator(f"#{sentence_id}")
    plain = page.locator("span.sentence").first.evaluate("node => getComputedStyle(node).backgroundColor")
    # The highlight fades in (a CSS transition): wait until it shows.
    page.wait_for_function(
        "([id, plain]) => getComputedStyle(document.getElementById(id)).backgroundColor !== plain",
        arg=[sentence_id, plain], timeout=5000)
    assert target.is_visible()
    screenshot(page, "document-linked-sentence")


def test_document_text_never_runs(page, site_url, built_site):
    report = json.loads((built_site / "data" / "report.json").read_text(encoding="utf-8"))
    hostile = next(d for d in report["documents"] if d["source_file"].startswith("hostile"))
    for url in ("", "diagnostics/", hostile["url"]):
        page.goto(site_url + url)
        page.wait_for_timeout(200)
    assert page.title().startswith("恶意内容测试</title><script>alert(4)</script>")
    assert "<script>alert(4)</script>" in page.locator("header").inner_text()
    body = page.locator("article").inner_text()
    assert "<script>alert(1)</script>" in body
    assert "{{ x }}" in body and "{% raw %}" in body
    assert "*星号*" in body and "<img src=x onerror=alert(3)>" in body
    search(page, "alert")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert not page.errors


def test_pages_render_without_script_errors_in_dark_mode(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + f"documents/{SEEDS[0]}/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    screenshot(page, "document-dark")
    context.close()
    assert errors == []


def test_glossary_chart_and_sorting(page, site_url):
    page.goto(site_url + "metrics/system-availability/")
    chart = page.locator(".metric-chart svg")
    assert chart.count() == 1
    assert chart.locator("circle").count() == 2
    assert chart.locator("text.metric-chart__period").all_text_contents() == ["2021年6月30日", "2023年"]
    screenshot(page, "glossary-indicator")
    page.goto(site_url + "metrics/")
    table = page.locator(".sortable-table table").nth(2)  # 客户与渠道: several rows
    counts = lambda: [int(t) for t in table.locator("tbody tr td:nth-child(5)").all_inner_texts()]  # noqa: E731
    table.locator("thead th").nth(4).click()
    assert counts() == sorted(counts())
    table.locator("thead th").nth(4).click()
    assert counts() == sorted(counts(), reverse=True)
    screenshot(page, "glossary-index")
    assert not page.errors


def test_timeline_filter_by_document(page, site_url):
    page.goto(site_url + "timeline/")
    entries = page.locator(".timeline-year > .timeline-entry")
    total = entries.count()
    assert total >= 6
    page.select_option("select[data-timeline-filter=document]", SEEDS[0])
    shown = page.locator(".timeline-year > .timeline-entry:visible")
    assert 0 < shown.count() < total
    assert set(shown.evaluate_all("nodes => nodes.map(n => n.dataset.document)")) == {SEEDS[0]}
    assert page.locator(".timeline-spans__bar:visible").count() == 0  # the spans are the other document's
    assert page.locator("#y2021").is_hidden()
    assert page.locator("[data-timeline-count]").inner_text() == f"显示 {shown.count()} / {total} 个事件"
    screenshot(page, "timeline-filtered")
    page.select_option("select[data-timeline-filter=document]", "")
    assert page.locator(".timeline-year > .timeline-entry:visible").count() == total
    follow(page.locator(".timeline-year > .timeline-entry a").first)
    assert "/documents/" in page.url and "#s-" in page.url
    assert not page.errors


@pytest.mark.parametrize("start, other", [(SEEDS[0], SEEDS[1]), (SEEDS[1], SEEDS[0])])
def test_the_other_document_is_two_clicks_away_through_a_shared_term(page, site_url, start, other):
    page.goto(site_url + f"documents/{start}/")
    terms = page.locator("article a[href*='/terms/']")
    assert terms.count() > 0
    for index in range(terms.count()):
        page.goto(site_url + f"documents/{start}/")
        link = page.locator("article a[href*='/terms/']").nth(index)
        link.click()  # click 1: a term in the text
        page.wait_for_url("**/terms/**")
        target = page.locator(f"article a[href$='/documents/{other}/']")
        if target.count():
            target.first.click()  # click 2: the other document
            page.wait_for_url(f"**/documents/{other}/")
            return
    pytest.fail(f"no term on {start} leads to {other}")


def test_timeline_filter_by_pillar(page, site_url):
    page.goto(site_url + "timeline/")
    select = page.locator("select[data-timeline-filter=pillars]")
    options = select.locator("option").evaluate_all("nodes => nodes.map(n => n.value).filter(Boolean)")
    counts = {}
    for value in options:
        select.select_option(value)
        shown = page.locator(".timeline-year > .timeline-entry:visible")
        counts[value] = shown.count()
        for pillars in shown.evaluate_all("nodes => nodes.map(n => n.dataset.pillars)"):
            assert value in pillars.split()
    assert any(counts.values())
    screenshot(page, "timeline-pillar")


def test_the_site_works_under_a_sub_path(browser, built_site, tmp_path):
    """Published at https://OWNER.github.io/REPO/, every link and the search stay under /REPO/."""
    from tests.conftest import serving

    shutil.copytree(built_site, tmp_path / "repo")
    with serving(tmp_path) as root:
        page = browser.new_page()
        failed = []
        page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
        page.goto(root + "repo/")
        found = search(page, "数字人民币")
        document = next(path for path in found if path.startswith("/repo/documents/"))
        follow(page.locator("li.md-search-result__item > a").nth(found.index(document)))
        assert page.url.startswith(root + "repo/documents/")
        follow(page.locator("nav.md-nav a", has_text="时间线").first)
        assert page.url == root + "repo/timeline/"
        assert failed == []
        page.close()


def test_a_rebuild_that_indexed_only_its_changes_finds_what_a_whole_index_finds(browser, tmp_path, monkeypatch):
    """A change indexed beside the whole index (generator.search) is found as a build from nothing finds
    it: the new text, and not a removed document; under a sub-path too. (That the text a page had before
    is left out is tests/test_search.py's.)"""
    monkeypatch.setattr(generator.search, "WHOLE_INDEX_SHARE", 1.0)  # the fixture corpus is small
    for name in ("warm", "cold"):
        project = make_project(tmp_path / name, FIXTURES / "corpus")
        if name == "warm":
            build_site(project)
        release = project.corpus / "press-release.md"
        release.write_text(release.read_text(encoding="utf-8").replace("数据中台", "量子账本"), encoding="utf-8")
        (project.corpus / "news-page.html").unlink()
        build_site(project)
    assert json.loads((tmp_path / "warm/site/pagefind/delta.json").read_text())["index"] == "delta/"
    assert json.loads((tmp_path / "cold/site/pagefind/delta.json").read_text())["index"] is None
    page = browser.new_page()
    found = {}
    with serving(tmp_path) as root:
        for name in ("warm", "cold"):
            found[name] = {}
            for query in ("量子账本", "场景生态", "手机银行", "可用率"):
                page.goto(f"{root}{name}/site/")  # a page of its own for each query: no results of the last
                found[name][query] = sorted({path.removeprefix(f"/{name}/site/") for path in search(page, query)})
    page.close()
    assert "documents/press-release/" in found["warm"]["量子账本"]  # the new text
    assert not any(path.startswith("documents/news-page") for paths in found["warm"].values() for path in paths)
    # Words the change neither brought nor took away find the same pages. (Pagefind splits a query
    # by the words its index knows: one for a word the change took away may find less until the
    # next whole index.)
    assert found["warm"] == found["cold"]


@pytest.fixture(scope="module")
def banks_url(tmp_path_factory):
    """The three banks' fixture corpus, built into a site published at the address it is served from
    (as on GitHub Pages): instant navigation and previews on."""
    project = make_project(tmp_path_factory.mktemp("banks"), FIXTURES / "banks")
    with serving(project.site) as url:
        with mock.patch.dict(os.environ, {"SITE_URL": url}):
            build_site(project, strict=True)
        yield url


def test_each_owner_has_its_own_line_and_a_decrease_plots_below_zero(page, banks_url):
    page.goto(banks_url + "metrics/operating-income/")
    headings = page.locator("h2").all_inner_texts()
    assert any(h.startswith("中国工商银行 · 变化") for h in headings)
    assert any(h.startswith("中国建设银行 · 数值") for h in headings) and any(h.startswith("青禾银行") for h in headings)
    # One chart for the changes, a line per owner, with a legend; 工行's two decreases plot below zero.
    chart = page.locator(".metric-chart[data-change=true]")
    assert chart.locator(".metric-chart__legend li").all_inner_texts() == ["中国工商银行", "中国建设银行", "青禾银行"]
    zero = float(chart.locator("line.metric-chart__zero").get_attribute("y1"))
    icbc = chart.locator("circle", has=page.locator("title", has_text="中国工商银行"))
    heights = [float(y) for y in icbc.evaluate_all("cs => cs.map(c => c.getAttribute('cy'))")]
    assert len(heights) == 2 and all(y > zero for y in heights)  # SVG's y grows downwards
    assert chart.locator("text.metric-chart__tick", has_text="%").count() >= 3  # a y-axis in the unit
    # Under the charts, the owners side by side on like periods.
    table = page.locator("h2:has-text('各机构比较 · 数值') + p + table, h2:has-text('各机构比较 · 数值') + p + div table")
    rows = table.locator("tbody tr").all_inner_texts()
    assert len(rows) == 3 and all("\t2023年\t" in row for row in rows), rows
    screenshot(page, "indicator-owners")
    assert not page.errors


def test_a_target_is_listed_apart_and_never_the_latest(page, banks_url):
    page.goto(banks_url + "metrics/")
    row = page.locator("tr", has=page.locator("a", has_text="个人手机银行客户"))
    assert "6亿" not in row.inner_text()
    page.goto(banks_url + "metrics/mobile-banking-customers/")
    assert page.locator("text=目标与预测").count() == 1
    # the target is drawn hollow, on a dashed line from the last actual
    assert page.locator(".metric-chart__point--target").count() == 1
    assert page.locator(".metric-chart__line--target").count() == 1
    assert not page.errors


def test_a_link_to_a_sentence_of_a_long_report_lands_on_its_chapter(page, tmp_path_factory):
    from tests.test_build import _long_report
    folder = tmp_path_factory.mktemp("long")
    corpus = folder / "reports"
    corpus.mkdir()
    (corpus / "report.txt").write_text(_long_report(3, 250), encoding="utf-8")
    project = make_project(folder, corpus)
    build_site(project, strict=True)
    contents = (project.docs / "documents" / "report.md").read_text(encoding="utf-8")
    sentence = contents.split('data-chapter="2"')[0].rsplit('id="', 1)[1].rstrip('" ')
    with serving(project.site) as url:
        page.goto(url + f"documents/report/#{sentence}")
        page.wait_for_url(f"**/documents/report/2/#{sentence}")
        assert "第2章" in page.locator(f"#{sentence}").inner_text()  # its heading, the first anchor of chapter 2
    assert not page.errors


def test_an_organisation_page_lists_its_figures_targets_and_peers(page, banks_url):
    page.goto(banks_url + "organisations/")
    page.get_by_role("link", name="中国工商银行").click()
    page.locator("article h1", has_text="中国工商银行").wait_for()  # shown by instant navigation, after the address
    tables = page.locator("table")
    assert "5.5亿户" in tables.nth(0).inner_text() and "6亿" not in tables.nth(0).inner_text()
    assert "中国建设银行" in tables.nth(1).inner_text()  # the comparison
    assert "突破6亿户" in tables.nth(2).inner_text()  # the targets, apart
    strategies = page.locator("h2:has-text('战略框架') + ul")
    assert "科技强行：敏捷、智慧、生态、数字、安全" in strategies.inner_text()
    assert "三大对内平台" in page.locator("h2:has-text('其他列举') ~ ul").first.inner_text()  # parts, apart
    screenshot(page, "organisation")
    assert not page.errors


def test_the_timeline_filters_by_owner_and_keeps_the_filter_in_its_address(page, banks_url):
    page.goto(banks_url + "timeline/")
    select = page.locator("select[data-timeline-filter=owner]")
    owner = select.locator("option", has_text="中国建设银行").get_attribute("value")
    select.select_option(owner)
    assert f"owner={owner}" in page.url
    shown = page.locator(".timeline-year > .timeline-entry:visible")
    assert shown.count() > 0 and set(shown.evaluate_all("nodes => nodes.map(n => n.dataset.owner)")) == {owner}
    page.reload()  # the address keeps the view
    assert page.locator("select[data-timeline-filter=owner]").input_value() == owner
    assert page.locator(".timeline-year > .timeline-entry:visible").count() == shown.count()
    assert not page.errors


def test_no_english_is_left_in_the_interface(page, site_url, built_site):
    page.goto(site_url + f"documents/{SEEDS[0]}/")
    assert "Made with" not in page.content()
    assert set(page.locator("a.headerlink").evaluate_all("links => links.map(a => a.title)")) == {"本节链接"}
    assert "找不到这个页面" in (built_site / "404.html").read_text(encoding="utf-8")
    assert not page.errors


def test_a_chart_can_be_saved_as_svg_and_png(page, banks_url):
    page.goto(banks_url + "metrics/mobile-banking-customers/")
    chart = page.locator(".metric-chart").first
    for extension in ("svg", "png"):
        with page.expect_download() as download:
            chart.locator(f"button[data-format={extension}]").click()
        saved = download.value
        assert saved.suggested_filename.endswith(f".{extension}")
        data = open(saved.path(), "rb").read()
        assert data.startswith(b"<svg") if extension == "svg" else data.startswith(b"\x89PNG")
    assert not page.errors


def test_links_preview_their_target_on_hover(page, banks_url):
    page.goto(banks_url + "organisations/")
    page.get_by_role("link", name="中国工商银行").click()
    page.wait_for_url("**/organisations/zhong-guo-*/")
    page.locator("article a[href$='/metrics/operating-income/']").first.hover()
    preview = page.locator(".md-tooltip2", has_text="银行在一个报告期内经营活动带来的全部收入")  # the indicator's definition
    preview.wait_for()
    page.locator("article a[href*='/documents/icbc-2023/#']").first.hover()
    page.locator(".md-tooltip2", has_text="报告期内，工行实现营业收入8430亿元").wait_for()  # the sentence itself
    screenshot(page, "preview-sentence")
    # The headings' own links keep their title rather than preview themselves.
    assert page.locator("a.headerlink[data-preview]").count() == 0
    assert not page.errors


def test_instant_navigation_keeps_the_page_and_draws_the_new_chart(page, banks_url):
    page.goto(banks_url + "organisations/")
    page.evaluate("window.notReloaded = true")
    page.locator("nav.md-nav a", has_text="指标词汇表").first.click()
    page.wait_for_url("**/metrics/")
    page.locator("article .sortable-table th").first.click()  # sorting works on a page shown without a reload
    page.locator("article .sortable-table th[aria-sort]").wait_for()
    page.get_by_role("link", name="营业收入").first.click()
    page.wait_for_url("**/metrics/operating-income/")
    page.locator(".metric-chart[data-change=true] circle").first.wait_for()  # the new page's chart is drawn
    assert page.evaluate("window.notReloaded") is True  # the browser never loaded a whole page
    assert not page.errors


@pytest.mark.parametrize("width", [1280, 390])
def test_the_main_views_fit_a_phone_and_a_desktop(browser, banks_url, width):
    """Nothing is wider than the screen (a wide table scrolls in its own box), and charts are drawn at the
    width shown, so their text is not shrunk. Screenshots for a person to look at."""
    from generator.model import term_id
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="zh-CN")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    views = {"home": "", "organisation": f"organisations/{term_id('中国工商银行')}/",
             "indicator": "metrics/operating-income/", "timeline": "timeline/"}
    for name, path in views.items():
        page.goto(banks_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        overflowing = page.evaluate("""() => [...document.querySelectorAll('article *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.md-typeset__scrollwrap'))
            .map(e => e.tagName)""")
        assert overflowing == [], (name, overflowing)
        for chart in page.locator(".metric-chart svg").all():
            shown = chart.bounding_box()["width"]
            drawn = float(chart.get_attribute("viewBox").split()[2])
            assert abs(shown - drawn) <= 2, (name, shown, drawn)  # 12px text stays 12px
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    assert not errors
    page.close()


def test_a_site_with_no_address_still_previews_its_links(page, site_url, built_site):
    """Built without a site_url, Material's previews cannot run: previews.js shows the same preview."""
    report = json.loads((built_site / "data" / "report.json").read_text(encoding="utf-8"))
    document = next(d for d in report["documents"] if d["id"] == SEEDS[1])
    page.goto(site_url + document["url"])
    link = page.locator("article a[data-preview][href*='/terms/']").first
    name = link.inner_text()
    link.hover()
    preview = page.locator(".md-tooltip2--active h3", has_text=name)
    preview.wait_for()
    page.locator("article h1").hover()  # the pointer leaves: the preview goes
    page.locator(".md-tooltip2").wait_for(state="detached")
    assert not page.errors


#: Latin words the interface may show besides the documents' own: the file formats offered for download
#: and the names of those files, the encoding a document was read in (on the diagnostics page), and an
#: indicator's established abbreviation (MAU, among the names indicators.yaml gives it).
INTERFACE_LATIN = re.compile(r"CSV|JSON|MAU|utf-8|\w+\.(?:csv|json|txt)")


def test_the_interface_is_chinese_throughout(built_site):
    """Every page's text and labels (title, aria-label, placeholder, alt), less the documents' own
    words and file names: no English, no jargon (Made with…, Permanent link, TF-IDF, jieba)."""
    corpus = built_site.parent / "corpus"
    from_documents = " ".join([*(p.read_text(encoding="utf-8", errors="ignore") for p in corpus.iterdir()),
                               *(p.name for p in corpus.iterdir())])
    from_documents += " ".join(entry for entry in (built_site / "data" / "userdict.txt").read_text(
        encoding="utf-8").split())  # the terms and aliases the documents gave
    foreign = {}
    for page in built_site.rglob("*.html"):
        root = lxml.html.parse(str(page)).getroot()
        for hidden in root.iter("script", "style", "svg", "code", "pre"):
            hidden.drop_tree()
        labels = [value for element in root.iter() if isinstance(element.tag, str)
                  for name, value in element.attrib.items() if name in ("title", "aria-label", "placeholder", "alt")]
        for text in (root.text_content(), *labels):
            for word in re.findall(r"[A-Za-z][A-Za-z.\-]*[A-Za-z0-9-]", text):
                if word not in from_documents and not INTERFACE_LATIN.fullmatch(word):
                    foreign.setdefault(word, page.relative_to(built_site).as_posix())
    assert not foreign, sorted(foreign.items())


def test_a_corpus_paged_by_period_is_walked_from_the_home_page_and_the_timeline(page, tmp_path, monkeypatch):
    monkeypatch.setattr(generator.render.pages, "PERIOD_PAGE_ENTRIES", 1)
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)  # here, not in a process of its own, which may start without the limit set
    run_mkdocs(project, strict=True)
    index_search(project.site)
    with serving(project.site) as url:
        page.goto(url)
        follow(page.locator("article a", has_text="2023年"))
        follow(page.locator("article a", has_text="2023年11月"))
        assert page.locator("h1").inner_text().startswith("文档 · 2023年11月")
        follow(page.locator("article table a", has_text="城商行加快布局开放银行"))
        assert page.url == url + "documents/news-page/"

        page.goto(url + "timeline/")
        assert page.locator(".timeline-entry").count() == 0  # the whole is paged: its pages are linked
        follow(page.locator("article a", has_text="2024年"))
        entries = page.locator(".timeline-year > .timeline-entry")
        total = entries.count()
        assert total > 0 and page.locator("h1").inner_text().startswith("时间线 · 2024年")
        page.select_option("select[data-timeline-filter=document]", index=1)
        assert page.locator("[data-timeline-count]").inner_text().endswith(f"/ {total} 个事件")
        follow(entries.first.locator("a").first)
        assert "/documents/" in page.url and "#s-" in page.url
        page.go_back()
        follow(page.locator("article a", has_text="时间线").first)  # 上一级
        assert page.url == url + "timeline/"
    assert not page.errors
