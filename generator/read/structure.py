"""Cutting a document's blocks into sections, paragraphs and sentences."""

from __future__ import annotations

import re
from functools import cache

from generator import rules
from generator.model import Paragraph, Section, Sentence, sentence_ids
from generator.read.readers import Block


@cache
def _compiled():
    data = rules.load("structure")
    numbered = [(h["style"], re.compile(h["pattern"])) for h in data["numbered_headings"]]
    sentence = re.compile(rf"(?s)\s*(?:.*?(?:{data['sentence_end']}){data['closing']}|.+)")
    return data, numbered, re.compile(data["not_heading_end"]), sentence


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each with its end punctuation and closing quotes.

    A run longer than a sentence can be (a table flattened into one line, a
    page that never ends a sentence) is cut after its last clause mark within
    the limit: every fact quotes its sentence, so a sentence's length bounds
    what each fact costs.
    """
    data, _, _, sentence = _compiled()
    limit, pauses = data["sentence_max_chars"], data["sentence_pauses"]
    sentences = []
    for found in sentence.findall(text):
        found = found.strip()
        while len(found) > limit:
            cut = max(found.rfind(pause, 0, limit) for pause in pauses) + 1 or limit
            sentences.append(found[:cut].rstrip())
            found = found[cut:].lstrip()
        if found:
            sentences.append(found)
    return sentences


def numbered_heading(text: str) -> tuple[str, str, str] | None:
    """`(style, number, title)` when `text` is a numbered heading line."""
    data, numbered, not_heading_end, _ = _compiled()
    if len(text) > data["heading_max_chars"] or not_heading_end.search(text):
        return None
    for style, pattern in numbered:
        found = pattern.match(text)
        if found:
            return style, found.group("number"), found.group("title").strip()
    return None


def _is_subheading(blocks: list[Block], index: int) -> bool:
    """A stand-alone line between paragraphs that is shorter than a sentence and is not one."""
    data, _, not_heading_end, _ = _compiled()
    text = blocks[index].text
    if not data["subheading_min_chars"] <= len(text) <= data["heading_max_chars"] or not_heading_end.search(text):
        return False
    if "。" in text or index + 1 >= len(blocks):
        return False
    following = blocks[index + 1]
    # what follows a heading is text, not another heading-like line
    return following.heading_level is None and (bool(not_heading_end.search(following.text))
                                                or len(following.text) > data["heading_max_chars"])


def build_sections(blocks: list[Block]) -> list[Section]:
    """Sections holding every block: headings open sections, text fills them."""
    sections = [Section(title=None, level=1)]
    # A numbering style's level is fixed where it first appears: one below the
    # heading it first appears under; dotted numbers count depth from the first seen.
    style_rank: dict[str, tuple[int, int]] = {}
    markup_levels = sorted({b.heading_level for b in blocks if b.heading_level})
    # Texts in reading order, each with the section or paragraph it belongs to;
    # ids hash the text, so they are assigned once every sentence is known.
    texts: list[tuple[str, Section | Paragraph, int | None]] = []

    def open_section(title: str, level: int, number: str | None, block: Block) -> None:
        section = Section(title, level, number)
        sections.append(section)
        texts.append((block.text, section, block.page))

    for index, block in enumerate(blocks):
        numbered = numbered_heading(block.text)
        if block.heading_level is not None:
            level = markup_levels.index(block.heading_level) + 1
            number, title = (numbered[1], numbered[2]) if numbered else (None, block.text)
            open_section(title, level, number, block)
        elif numbered:
            style, number, title = numbered
            current = sections[-1]
            style_rank.setdefault(style, (current.level + 1 if current.number is not None else 1, number.count(".")))
            rank, base_dots = style_rank[style]
            open_section(title, rank + max(0, number.count(".") - base_dots), number, block)
        elif _is_subheading(blocks, index):
            current = sections[-1]
            level = current.level + 1 if current.number is not None else current.level if current.title else 1
            open_section(block.text, level, None, block)
        else:
            sentences = split_sentences(block.text)
            if sentences:
                paragraph = Paragraph([])
                sections[-1].paragraphs.append(paragraph)
                texts.extend((text, paragraph, block.page) for text in sentences)

    for (text, owner, page), sentence_id in zip(texts, sentence_ids([text for text, _, _ in texts]), strict=True):
        if isinstance(owner, Section):
            owner.heading = Sentence(sentence_id, text, page)
        else:
            owner.sentences.append(Sentence(sentence_id, text, page))
    if sections[0].title is None and not sections[0].paragraphs and len(sections) > 1:
        sections.pop(0)
    return sections
