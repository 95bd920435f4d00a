"""Which links preview their target on hover (a Python-Markdown extension)."""

import markdown
import pytest

from generator.render.previews import PreviewsExtension, previews_page


@pytest.mark.parametrize("href, previews", [
    ("../terms/t-1.md", True), ("../documents/a.md#s-1", True), ("#s-1", True),
    ("../data/metrics.csv", False), ("../sources/a.pdf#page=3", False), ("https://example.com/a.md", False),
    ("", False),
])
def test_pages_and_places_in_them_preview_files_and_other_sites_do_not(href, previews):
    assert previews_page(href) is previews


def test_the_headings_own_links_keep_their_title():
    html = markdown.markdown("## 标题\n\n见[术语](terms/t-1.md)与[数据](data/report.json)。",
                             extensions=["toc", PreviewsExtension()],
                             extension_configs={"toc": {"permalink": True, "permalink_title": "本节链接"}})
    assert '<a data-preview="" href="terms/t-1.md">' in html
    assert 'href="data/report.json">' in html and html.count("data-preview") == 1
    assert 'class="headerlink" href="#_1" title="本节链接"' in html
