"""Hover previews: a Python-Markdown extension marking the links worth previewing.

Material previews a link that carries `data-preview` (its instant previews):
on hover it shows the target's heading and what follows it, or the sentence
an anchor names. Marked here are the links to pages of the site and to
sentences: terms, indicators, pillars, organisations, documents. Not marked
are downloads (CSV, JSON, PDF), links leaving the site, and the headings'
own permanent links, which keep their title ("本节链接"). Turning on
Material's `navigation.instant.preview` instead would preview every link and
strip every link's title.

Listed in mkdocs.yml's `markdown_extensions`, so every builder of the site
(MkDocs, ProperDocs) marks the same links.
"""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


def previews_page(href: str) -> bool:
    """Whether a link's target is a page of the site or a place in one (not a file, not elsewhere)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return False
    return parts.path.endswith(".md") or (not parts.path and bool(parts.fragment))


class _MarkPreviews(Treeprocessor):
    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            if "headerlink" not in link.get("class", "").split() and previews_page(link.get("href", "")):
                link.set("data-preview", "")


class PreviewsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After the inline links exist (20) and the headings' permalinks (toc, 5);
        # before MkDocs turns "page.md" into the page's address (0).
        md.treeprocessors.register(_MarkPreviews(md), "reportsite_previews", 1)


def makeExtension(**kwargs) -> PreviewsExtension:  # noqa: N802 - how Python-Markdown loads an extension
    return PreviewsExtension(**kwargs)
