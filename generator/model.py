"""The typed document model every stage shares.

Readers turn a file into a `Document`: metadata, sections, paragraphs and
sentences with stable ids. Extractors read documents and return facts; the link
stage gathers documents and facts into a `Corpus`. Nothing here renders.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.pinyin import syllables

#: The metadata fields every document has, known or not.
META_FIELDS = ("title", "date", "author", "publisher")


@dataclass(frozen=True)
class Sentence:
    """One sentence of article text; `id` is its anchor on the document page."""

    id: str
    text: str
    page: int | None = None  # the page it is printed on, in a paged format (PDF)


@dataclass
class Paragraph:
    """A run of sentences the source printed as one paragraph."""

    sentences: list[Sentence]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.sentences)


@dataclass
class Section:
    """A heading and the paragraphs under it.

    The text before the first heading is a section with no title (`title` is
    None), so every paragraph belongs to exactly one section.
    """

    title: str | None
    level: int = 1
    number: str | None = None  # the numbering the source put before the title: "一", "（二）", "1.1"
    # The heading line as the source printed it, numbering included. It is a
    # sentence of its own: headings state facts too ("…个人钱包开户超300万").
    heading: Sentence | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass(frozen=True)
class MetaValue:
    """A metadata field's value and where it was found (its provenance)."""

    value: str
    source: str  # sidecar, front_matter, html_meta, byline, person_line, first_line, file_name


@dataclass(frozen=True)
class RemovedText:
    """A line the cleaner cut from the document, and the rule that cut it."""

    text: str
    rule: str


@dataclass(eq=False)
class Document:
    """A corpus file, read and structured (compared by identity, so it can key a cache)."""

    id: str
    source_file: str  # path relative to the corpus folder, with forward slashes
    format: str  # text, markdown, html
    encoding: str
    meta: dict[str, MetaValue]
    sections: list[Section]
    removed: list[RemovedText] = field(default_factory=list)
    author_post: str | None = None  # "中国工商银行金融科技部总经理" beside the author's name
    warnings: list[str] = field(default_factory=list)  # what was odd but readable
    # What the document was made from, hashed: the file's bytes, the rules and
    # the code (set when the corpus is gathered). Anything computed from the
    # document alone can be cached under it.
    fingerprint: str = ""

    def field(self, name: str) -> str | None:
        """The value of metadata field `name`, or None when it is unknown."""
        found = self.meta.get(name)
        return found.value if found else None

    @property
    def title(self) -> str:
        """The title; a document whose title is unknown is named by its file."""
        return self.field("title") or self.source_file.rsplit("/", 1)[-1]

    @property
    def title_known(self) -> bool:
        return "title" in self.meta

    @property
    def label(self) -> str:
        """How pages name the document: its title; untitled, its author, the author's post (or the
        publisher) and its year (张文武 · 中国工商银行副行长 · 2024); its file only when nothing is known."""
        if self.title_known:
            return self.title
        parts = (self.field("author"), self.author_post or self.field("publisher"), (self.date or "")[:4])
        return " · ".join(part for part in parts if part) or self.title

    @property
    def meta_sources(self) -> dict[str, str]:
        """Where each known metadata field was found, by field name."""
        return {name: value.source for name, value in self.meta.items()}

    @property
    def date(self) -> str | None:
        return self.field("date")

    @property
    def url(self) -> str:
        """Site-relative URL of the document page."""
        return f"documents/{self.id}/"

    @property
    def published_file(self) -> str | None:
        """Where the site publishes the file itself, under docs/, for a paged format (a PDF): its
        sentences link to their pages in it. None for the others: their page is the document."""
        return f"sources/{self.id}.pdf" if self.format == "pdf" else None

    def sentences(self):
        """Every sentence in reading order, headings included."""
        for section in self.sections:
            if section.heading is not None:
                yield section.heading
            for paragraph in section.paragraphs:
                yield from paragraph.sentences

    @property
    def titled_sections(self) -> list[Section]:
        return [s for s in self.sections if s.title is not None]


@dataclass(frozen=True)
class Skipped:
    """A corpus file that could not be read, and why."""

    source_file: str
    reason: str


def sentence_ids(texts: list[str]) -> list[str]:
    """Stable anchors for a document's sentences.

    An id hashes the sentence's own text, so editing one paragraph leaves the
    links to every other sentence intact; a repeated sentence gets a suffix.
    """
    seen: dict[str, int] = {}
    ids = []
    for text in texts:
        base = "s-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def term_id(name: str) -> str:
    """The id of the term named `name`: its page's name, and an owner's `entity_id`."""
    return readable_id(name)


_ID_WORDS = re.compile(r"[a-z0-9]+")
#: The longest readable part of an id, before its hash.
ID_SLUG_CHARS = 48


@lru_cache(maxsize=None)
def readable_id(name: str, within: str = "") -> str:
    """An ASCII id a person can read in a URL: the name's pinyin (its Latin letters and digits as they
    are) joined by hyphens, then four hex digits of a hash of the name (and of what it is `within`,
    such as a pillar's framework), since pinyin alone is the same for homophones:
    中国工商银行 → zhong-guo-gong-shang-yin-hang-5be0, 工银e生活 → gong-yin-e-sheng-huo-…"""
    words = [word for syllable in syllables(name) for word in _ID_WORDS.findall(syllable.lower())]
    slug = "-".join(words)[:ID_SLUG_CHARS].rstrip("-")
    digest = hashlib.sha1(f"{within}|{name}".encode("utf-8")).hexdigest()[:4]
    return f"{slug}-{digest}" if slug else digest
