"""One reader per input format.

A reader turns a file's bytes into a `Source`: the document's blocks (lines of
text, and headings where the markup says so) and the metadata its format
carries (front matter, HTML <meta>). The format is chosen by the file's
suffix before anything is decoded, so a binary format is one more reader
class; the text formats decode first (`TextFormat`). Cleaning, bylines and
sections are the same for every format and happen after, in `generator.read`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
import markdown
from lxml import etree

from generator import rules
from generator.dates import parse_date
from generator.model import MetaValue, RemovedText
from generator.read import fields
from generator.read.encoding import NotText, decode


@dataclass
class Block:
    """A line of text, or a heading when `heading_level` is set by markup."""

    text: str
    heading_level: int | None = None
    page: int | None = None  # the page it is printed on, in a paged format (PDF)


@dataclass
class Source:
    """What a reader found in one file."""

    format: str
    blocks: list[Block]
    meta: dict[str, MetaValue] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    removed: list[RemovedText] = field(default_factory=list)  # page elements dropped while reading
    encoding: str = "binary"  # what a text format was decoded from
    replaced: int = 0  # undecodable byte runs that became U+FFFD


class FormatError(ValueError):
    """The file is not what its format needs: not text, an encrypted or corrupt PDF. The message says why."""


#: Full-width digits, Latin letters, ％ and decimal points as ASCII (the same length): every rule
#: that reads figures, years and names reads them too.
_HALF_WIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                *range(0xFF41, 0xFF5B), ord("％"))}
#: ．between digits is a decimal point; elsewhere it may end a sentence.
_FULL_WIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")


def half_width(text: str) -> str:
    """`text` with full-width digits, Latin letters, ％ and decimal points as ASCII (the same length)."""
    return _FULL_WIDTH_POINT.sub(".", text.translate(_HALF_WIDTH))


class TextFormat:
    """A format read from decoded text: its `parse` takes the text.

    A file that is a saved web page is read as one, whatever its suffix says.
    """

    format: str
    extensions: tuple[str, ...]

    def read(self, data: bytes) -> Source:
        try:
            decoded = decode(data)
        except NotText as error:
            raise FormatError(str(error)) from error
        text = half_width(decoded.text)
        parser = HtmlReader() if self.format != "html" and looks_like_html(text) else self
        source = parser.parse(text)
        source.encoding, source.replaced = decoded.encoding, decoded.replaced
        return source

    def parse(self, text: str) -> Source:
        raise NotImplementedError


class TextReader(TextFormat):
    """Plain text: every non-empty line is a block."""

    format = "text"
    extensions = (".txt", ".text")

    def parse(self, text: str) -> Source:
        """Split `text` into line blocks, keeping the inner spacing bylines use."""
        blocks = [Block(line.strip()) for line in text.splitlines() if line.strip()]
        return Source(self.format, blocks)


#: The share of trafilatura's blocks the page's own must hold for its choice to be taken (`_article_span`):
#: less, and it ran the page's text together (as it does on a page too short for it).
MAIN_TEXT_MATCHED = 0.5


class HtmlReader(TextFormat):
    """Web pages: the article's blocks, without the page around it."""

    format = "html"
    extensions = (".html", ".htm", ".xhtml")

    _BLOCK_TAGS = {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "pre",
        "section", "article", "main", "header", "body", "address", "figure", "hr", "center",
    }
    _HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

    def parse(self, text: str) -> Source:
        """Parse a whole HTML page: metadata from its head, blocks from its article."""
        if not text.strip():
            return Source(self.format, [])
        try:
            root = lxml.html.document_fromstring(text)
        except (etree.ParserError, ValueError) as error:
            return Source(self.format, [], warnings=[f"unreadable HTML ({error})"])
        meta = self._head_meta(root)
        byline, taken = self._byline_elements(root)
        meta.update(byline)
        blocks, removed = self.blocks(root)
        chosen = self._main_text(root)  # of the page less its furniture
        if chosen:
            article = self._article_span(blocks, chosen)
            kept = {id(block) for block in article}
            removed += [RemovedText(block.text, "not_main_text") for block in blocks if id(block) not in kept]
            blocks = article
        return Source(self.format, blocks, meta, removed=taken + removed)

    def _main_text(self, root) -> list[Block]:
        """The page's main text as trafilatura chooses it, in blocks; [] when it finds none (a page too
        short to tell), and then the page's own article element, less its furniture, is the text.

        Why trafilatura: on real Chinese portal pages it keeps the article whole
        and leaves the menus, logins and related headlines that the furniture
        rules alone kept (bench/bench_maintext.py measures both).
        """
        import trafilatura  # a sixth of a second to load, which a build of no web page need not wait

        chosen = trafilatura.extract(root, output_format="html", include_tables=True, include_comments=False,
                                     include_images=False, include_links=False, include_formatting=False,
                                     deduplicate=False, with_metadata=False)
        if not chosen:
            return []
        return self._walk(lxml.html.document_fromstring(chosen))

    @staticmethod
    def _article_span(blocks: list[Block], chosen: list[Block]) -> list[Block]:
        """The page's blocks that trafilatura chose, and those between the first and the last of them
        that read as prose: a paragraph it passed over inside the article (one whose links outweigh
        its text, such as 谷歌(微博)在2014年收购…) is article too. All the page's blocks when they do
        not hold what it chose: on a short page trafilatura falls back to text run together."""
        texts = {block.text for block in chosen}
        inside = [index for index, block in enumerate(blocks) if block.text in texts]
        if not inside or len({blocks[index].text for index in inside}) < len(texts) * MAIN_TEXT_MATCHED:
            return blocks
        from generator.read.metadata import parse_byline, parse_reporter_line  # it reads Blocks, made here

        data = rules.load("furniture")
        prose = re.compile(data["sentence_end"])
        # The byline just over the article ("2017-03-10 09:58来源：网易科学人") stays for the
        # metadata rules, which take it out of the text (trafilatura leaves it).
        start = inside[0]
        while start > 0 and inside[0] - start < rules.load("metadata")["head_lines"] and (
                parse_byline(blocks[start - 1].text) or parse_reporter_line(blocks[start - 1].text)):
            start -= 1
        article = [*blocks[start:inside[0]],
                   *(block for block in blocks[inside[0]:inside[-1] + 1]
                     if block.text in texts
                     or (len(block.text) >= data["main_text_gap_min_chars"] and prose.search(block.text)))]
        # What trails the last sentence, in short lines that read as none, is the page's: 关键词 >> 充电宝,
        # 我要跟帖, 新闻评论 (trafilatura takes them with the article).
        end = len(article)
        while end > 1 and len(article[end - 1].text) < data["main_text_tail_max_chars"] \
                and not prose.search(article[end - 1].text):
            end -= 1
        return article[:end]

    def blocks(self, root) -> tuple[list[Block], list[RemovedText]]:
        """The blocks of the article inside `root`, and the furniture elements dropped."""
        removed = self._drop_furniture(root)
        return self._walk(self._article(root)), removed

    def _head_meta(self, root) -> dict[str, MetaValue]:
        names = {}
        for element in root.iter("meta"):
            key = (element.get("property") or element.get("name") or "").strip().lower()
            content = (element.get("content") or "").strip()
            if key and content:
                names.setdefault(key, content)
        found = {}
        for name, keys in rules.load("metadata")["html_meta"].items():
            for key in keys:
                value = names.get(key.lower())
                if value and name == "date":
                    value = parse_date(value)
                if value:
                    found[name] = MetaValue(value, "html_meta")
                    break
        time = root.find(".//time[@datetime]")
        if "date" not in found and time is not None and parse_date(time.get("datetime")):
            found["date"] = MetaValue(parse_date(time.get("datetime")), "html_meta")
        # The article's own heading names it better than the page <title>, which
        # carries site and channel names ("…_财经频道_新浪网").
        heading = root.find(".//h1")
        title = " ".join(heading.text_content().split()) if heading is not None else ""
        if not title:
            title = self._strip_site_name(" ".join((root.findtext(".//title") or "").split()), found.get("publisher"))
        if "title" not in found and title:
            found["title"] = MetaValue(title, "html_meta")
        return found

    @staticmethod
    def _byline_elements(root) -> tuple[dict[str, MetaValue], list[RemovedText]]:
        """The fields the page prints in elements named for them, each taken out of the text.

        A byline element's fields go with it; a lone person's name left in it
        is the author (a WeChat article's author line: 钱斌 中国金融杂志 2024-02-05).
        """
        data = rules.load("metadata")

        def named(names):  # whatever the case: pubTime is pubtime
            wanted = {name.lower() for name in names}
            return [e for e in root.iter() if isinstance(e.tag, str)
                    and wanted & {e.get("id", "").lower(), *e.get("class", "").lower().split()}]

        found, removed = {}, []
        for name, names in data["html_field_elements"].items():
            for element in named(names):
                text = " ".join(element.text_content().split())
                value = parse_date(text) if name == "date" else text
                if value and name not in found:
                    found[name] = MetaValue(value, "html_meta")
                if element.getparent() is not None:
                    element.drop_tree()
                    if text:
                        removed.append(RemovedText(text, "byline"))
        for element in named(data["html_byline_elements"]):
            text = " ".join(element.text_content().split())
            if element.getparent() is None or not text:
                continue
            if "author" not in found and re.fullmatch(data["person_name"], text):
                found["author"] = MetaValue(text, "html_meta")
            element.drop_tree()
            removed.append(RemovedText(text, "byline"))
        return found, removed

    @staticmethod
    def _strip_site_name(title: str, publisher: MetaValue | None) -> str:
        # "文章标题 - 移动支付网": the part after the last separator names the site.
        for separator in rules.load("metadata")["title_site_separators"]:
            head, found, tail = title.rpartition(separator)
            if found and head.strip() and (publisher is None or publisher.value in tail or len(tail) <= 12):
                return head.strip()
        return title

    def _drop_furniture(self, root) -> list[RemovedText]:
        data = rules.load("furniture")
        names = re.compile(data["html_furniture_names"])
        furniture, invisible = set(data["html_furniture_tags"]), set(data["html_invisible_tags"])
        for element in list(root.iter()):
            if element.getparent() is not None and (not isinstance(element.tag, str) or element.tag in invisible):
                element.drop_tree()  # comments, scripts, styles: nothing a reader sees
        total = len(root.text_content())
        removed = []
        for element in list(root.iter()):
            if element.getparent() is None or not isinstance(element.tag, str):
                continue
            named = names.search(f"{element.get('class', '')} {element.get('id', '')}")
            if element.tag not in furniture and not named:
                continue
            text = " ".join(" ".join(element.itertext()).split())
            # Why the size check: a wrapper named "side-main" that holds the
            # article itself must never go with the furniture.
            if named and len(text) > total / 2:
                continue
            element.drop_tree()
            if text:
                removed.append(RemovedText(text, "page_element"))
        return removed

    @staticmethod
    def _article(root):
        for path in (".//article", ".//*[@itemprop='articleBody']", ".//main"):
            found = root.findall(path)
            if len(found) == 1 and found[0].text_content().strip():
                return found[0]
        body = root.find(".//body")
        return body if body is not None else root

    def _walk(self, element) -> list[Block]:
        blocks: list[Block] = []
        pending: list[str] = []
        heading: list[int | None] = [None]

        def flush():
            text = " ".join("".join(pending).split())
            if text:
                blocks.append(Block(text, heading[0]))
            pending.clear()

        def visit(node):
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag == "table":
                flush()
                blocks.extend(Block(row) for row in table_rows(node))
                return
            level = self._HEADINGS.get(tag)
            if tag in self._BLOCK_TAGS or level or tag == "br":
                flush()
            if level:
                heading[0] = level
            if tag != "img" and node.text:
                pending.append(node.text)
            for child in node:
                visit(child)
                if child.tail:
                    pending.append(child.tail)
            if tag in self._BLOCK_TAGS or level:
                flush()
            if level:
                heading[0] = None

        visit(element)
        flush()
        return blocks


def table_rows(table) -> list[str]:
    """An HTML table's rows, each as one line of text (`table_lines`)."""
    rows = [[" ".join(cell.text_content().split()) for cell in row if cell.tag in ("td", "th")]
            for row in table.iter("tr")]
    return table_lines(rows, table.find(".//th") is not None)


def table_lines(rows: list[list[str]], has_header: bool, unit: str = "") -> list[str]:
    """A table's rows, each as one line of text; every format's tables read so.

    A document has paragraphs, not tables, so a row under a header row reads
    as an analyst would say it, each cell with its column's label and the
    first with the row's: 指标|2023年|2022年 over 手机银行用户数|4.6亿户|4.3亿户 is
    "2023年手机银行用户数4.6亿户，2022年4.3亿户。" A row without a header row is
    its cells, comma-joined. A bare number takes its row label's unit
    (资产总额（亿元）), else the table's (`unit`, from its 单位：百万元 line).
    """
    rows = [_in_row_unit(row, unit) for row in rows if any(row)]
    header = rows[0] if rows and has_header else None
    lines = []
    for row in rows[1:] if header else rows:
        if header and len(row) == len(header) > 1 and row[0]:
            filled = [(header[i], row[i]) for i in range(1, len(row)) if row[i]]
            cells = [f"{label}{row[0] if n == 0 else ''}{value}" for n, (label, value) in enumerate(filled)]
            lines.append("，".join(cells) + "。")
        else:
            lines.append("，".join(cell for cell in row if cell) + "。")  # a row is a sentence, never a heading
    return lines


#: A row label's unit, in brackets at its end: 资产总额（亿元）, 客服NPS（客户净推荐值，%）.
_ROW_UNIT = re.compile(r"[（(](?:[^（）()]*[，,]\s*)?(?P<unit>[^（）()，,\d]{1,4})[）)]\s*$")
_BARE_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")


def _in_row_unit(row: list[str], table_unit: str) -> list[str]:
    """A row with its bare numbers in their unit: the one its label gives, which leaves the label
    (资产总额（亿元）| 59,257.77 is 资产总额 | 59,257.77亿元; 客服NPS（客户净推荐值，%）keeps
    客户净推荐值), else the table's."""
    found = _ROW_UNIT.search(row[0]) if row else None
    label = row[0] if row else ""
    unit = table_unit
    if found is not None and any(_BARE_NUMBER.match(cell.removesuffix(found.group("unit"))) for cell in row[1:]):
        unit = found.group("unit")
        label = label[:found.start("unit")].rstrip("，, ") + label[found.end("unit"):]
        label = re.sub(r"[（(]\s*[）)]", "", label).strip()
    return [label] + [cell + unit if unit and _BARE_NUMBER.match(cell) else cell for cell in row[1:]]


class MarkdownReader(TextFormat):
    """Markdown with optional YAML front matter."""

    format = "markdown"
    extensions = (".md", ".markdown")
    # After blank lines too: some exporters write one before it.
    _FRONT_MATTER = re.compile(r"\A(?:[ \t]*\n)*---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

    def parse(self, text: str) -> Source:
        """Front matter to metadata; the body, through Markdown, to HTML blocks."""
        warnings = []
        meta = {}
        found = self._FRONT_MATTER.match(text)
        if found:
            text = text[found.end():]
            try:
                meta, warnings = fields.from_mapping(fields.load_yaml_mapping(found.group(1) or ""), "front_matter")
            except fields.MetadataError as error:
                warnings.append(f"malformed front matter, ignored ({error})")
        html = markdown.markdown(text, extensions=["extra"], output_format="html")
        root = lxml.html.document_fromstring(f"<html><body>{html}</body></html>") if html.strip() else None
        blocks, removed = HtmlReader().blocks(root) if root is not None else ([], [])
        return Source(self.format, blocks, meta, warnings, removed)


from generator.read.pdf import PdfReader  # noqa: E402  (after the classes it builds on)
from generator.read.docx import DocxReader  # noqa: E402

READERS = (TextReader(), MarkdownReader(), HtmlReader(), PdfReader(), DocxReader())

_HTML_DOCUMENT = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAG = re.compile(r"<(?:p|div|br|h[1-6]|li|span|a|table|td|img)[\s/>]", re.I)


def looks_like_html(text: str) -> bool:
    """True for a saved web page, whatever its file name says.

    A text that merely mentions a tag (`<script>alert(1)</script>` quoted in an
    article) is not a web page: it needs the page's own start, or markup on
    many of its lines.
    """
    if _HTML_DOCUMENT.match(text):
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _HTML_TAG.search(line))
    return len(lines) >= 3 and tagged >= 0.5 * len(lines)


def reader_for(suffix: str):
    """The reader for a file with this suffix (lower case), or None when unsupported."""
    return next((reader for reader in READERS if suffix in reader.extensions), None)


def supported(suffix: str) -> bool:
    return any(suffix in reader.extensions for reader in READERS)
