"""Rendering: the linked corpus to Markdown pages and data files.

Templates live in `templates/pages/` (Jinja2): a site folder's own, then the package's. Rendering only
formats what the link stage computed; it never reads or extracts. Document
text is always passed to templates as data and escaped there, so nothing a
document contains (`<script>`, `{{ }}`, Markdown syntax) can run or break a page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator import rules
from generator.cache import fingerprint
from generator.compiled import CompiledTemplates
from generator.link import KIND_NAMES
from generator.link.glossary import categories
from generator.timeexpr import period_end
from generator.render.pages import Page
from generator.write import Rendering

#: Files and folders under docs/ that the generator owns: rewritten on every
#: build, and anything in them that the build did not write is stale.
GENERATED = ("index.md", "diagnostics.md", "diagnostics/", "timeline.md", "timeline/", "archive/", "documents/",
             "metrics/", "pillars/", "terms/", "data/", "sources/", "organisations/")


def is_generated(path: str) -> bool:
    """Whether the generator owns the file at `path` under docs/ (`GENERATED`)."""
    return any(path == entry or (entry.endswith("/") and path.startswith(entry)) for entry in GENERATED)


# Python-Markdown's escapable characters (with tables' "|") are backslashed;
# "<", ">", "&" and quotes are HTML-escaped; a line break (or any control
# character) becomes a space, since inline text that broke its line would end
# the heading or table row it stands in. One translation table does it all.
_INLINE = str.maketrans({
    **{chr(code): " " for code in (*range(0x20), *range(0x7f, 0xa0), 0x2028, 0x2029)},
    **{char: "\\" + char for char in "\\`*_{}[]()#+-.!|"},
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;",
})


def markdown_inline(text: object) -> Markup:
    """`text` as literal inline Markdown: HTML-escaped, Markdown syntax backslashed."""
    return Markup(str(text).translate(_INLINE))


def page_title(text: object) -> Markup:
    """A front matter `title:` value.

    MkDocs themes print `page.meta.title` without escaping, so the value is
    HTML-escaped here, then quoted for YAML.
    """
    return Markup(json.dumps(str(escape(str(text))), ensure_ascii=False))


def human_number(value: float) -> str:
    """A value as a reader writes it: 443000000 -> 4.43亿, 14000 -> 1.4万, 99.99 -> 99.99, -1.8 -> −1.8."""
    sign, value = ("−" if value < 0 else ""), abs(value)
    for threshold, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if value >= threshold:
            return f"{sign}{value / threshold:.4g}{word}"
    return f"{sign}{value:.6g}"


_HALVES = {"H1": "上半年", "H2": "下半年"}
_QUARTERS = {"1": "第一季度", "2": "第二季度", "3": "第三季度", "4": "第四季度"}


def period_label(value: str) -> str:
    """How a timeline labels a date by its precision: 8月27日, 6月, 第二季度, 上半年, 全年, 2021—2023年."""
    if "/" in value:
        start, end = value.split("/")
        return f"{start[:4]}—{end[:4]}年" if len(start) == len(end) == 4 else f"{start}—{end}"
    if "-H" in value:
        return _HALVES[value[-2:]]
    if "-Q" in value:
        return _QUARTERS[value[-1]]
    if len(value) == 10:
        return f"{int(value[5:7])}月{int(value[8:10])}日"
    if len(value) == 7:
        return f"{int(value[5:7])}月"
    return "全年"


def period_name(value: str | None) -> str:
    """A period in full, as the tables show it: 2021年上半年, 2021年6月30日, 2021年, 2021—2023年; 未知."""
    if not value:
        return "未知"
    label = period_label(value)
    if "/" in value:
        return label
    return f"{value[:4]}年" if label == "全年" else f"{value[:4]}年{label}"


def chart_points(series) -> list[dict]:
    """The points one series draws, in period order: one actual per period, each placed at its
    period's end (H1 at 06-30, a year at 12-31), then its targets, marked."""
    targets = [m for m in series.targets if m.period]
    return [{"period": period_name(m.period), "end": period_end(m.period), "value": m.signed_value, "label": m.text,
             "target": m.kind != "actual"} for m in [*series.dated, *targets]]


def chart_series(all_series) -> list[dict]:
    """The lines of one chart: a series per owner and scope, named for the legend."""
    return [{"name": (s.entity or "未归属单一机构") + (f" · {s.scope}" if s.scope else ""), "points": points}
            for s in all_series for points in [chart_points(s)] if points]


def linked_text(text: str, links: list, prefix: str) -> Markup:
    """`text` as inline Markdown, with its links (start, end, page path) to term and pillar pages."""
    out, position = [], 0
    for start, end, path in links:
        out.append(markdown_inline(text[position:start]))
        out.append(f"[{markdown_inline(text[start:end])}]({prefix}{path})")
        position = end
    out.append(markdown_inline(text[position:]))
    return Markup("".join(out))


#: The page templates compiled in this process (`generator.compiled`).
COMPILED_PAGES = CompiledTemplates()


def environment(folders: Sequence[Path]) -> jinja2.Environment:
    """The Jinja2 environment over the page template `folders` (the first holding a name wins),
    escaping by default; its templates are kept compiled for this process's next builds (`COMPILED_PAGES`)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=COMPILED_PAGES,
    )
    env.filters["md"] = markdown_inline
    env.filters["page_title"] = page_title
    env.filters["human_number"] = human_number
    env.filters["chart_series"] = chart_series
    env.filters["period_label"] = period_label
    env.filters["period_name"] = period_name
    env.filters["linked"] = linked_text
    env.globals["kind_names"] = KIND_NAMES
    return env


def templates_fingerprint(folders: Sequence[Path]) -> str:
    """A hash of every page template in use: a changed template renders its pages again."""
    in_use: dict[str, Path] = {}
    for folder in reversed(folders):  # the first folder's file of a name is the one used
        in_use.update((path.name, path) for path in folder.iterdir() if path.is_file())
    return fingerprint(*((name, in_use[name].read_bytes()) for name in sorted(in_use)))


def render_pages(folders: Sequence[Path], pages: Iterable[Callable[[], Page]]) -> Iterator[tuple[str, Rendering]]:
    """`pages` (from `site_pages`), each gathered as it is asked for: its path under docs/ and a
    `Rendering` keyed by its context and the templates, so that the writer renders only
    those whose key changed since the last build."""
    env = environment(folders)
    env.globals.update(categories_by_id={c.id: c for c in categories()}, term_limits=rules.load("terms"))
    version = templates_fingerprint(folders)
    for make in pages:
        page = make()
        # The template is compiled when a page of it is rendered: a rebuild renders few of them.
        yield page.path, Rendering(fingerprint("page", version, page.template, page.inputs),
                                   partial(_render, env, page))


def _render(env: jinja2.Environment, page: Page) -> str:
    return env.get_template(page.template).render(page.context)
