"""Undoing a page layout: what text copied from a PDF or an e-mail keeps of it.

Such text breaks its lines where the page was full, in the middle of
sentences and even of figures (达到 30.5 / 万亿元), and its typesetting puts
spaces between figures and words (2.21 亿户). Both are undone here, before
the text is cut into sections and sentences, so that every later rule reads
the text as written. The rules are data (`generator/data/structure.yaml`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache

from generator import rules
from generator.read.readers import Block
from generator.read.structure import numbered_heading


@cache
def _rules() -> tuple[dict, re.Pattern, re.Pattern, re.Pattern]:
    data = rules.load("structure")
    ends_sentence = re.compile(f"(?:{data['sentence_end']}){data['closing']}$")
    wrapping = data["wrapping"]
    return wrapping, ends_sentence, re.compile(wrapping["continues_after"]), re.compile(data["figure_spacing"])


def split_flattened(blocks: list[Block]) -> list[Block]:
    """`blocks` with each long line that lost its line breaks cut where runs of spaces kept them:
    "……增长5%。　　二、业务发展　　报告期内，……" holds a paragraph, a heading and a paragraph."""
    flattened = rules.load("structure")["flattened"]
    breaks = re.compile(flattened["break"])
    split: list[Block] = []
    for block in blocks:
        if block.heading_level is None and len(block.text) >= flattened["min_chars"] and breaks.search(block.text):
            split += [replace(block, text=part.strip()) for part in breaks.split(block.text) if part.strip()]
        else:
            split.append(block)
    return split


def close_figure_spacing(blocks: list[Block]) -> list[Block]:
    """`blocks` without the spaces typesetting put between figures and Chinese words."""
    spacing = _rules()[3]

    def closed(found: re.Match) -> str:
        return found.group("keep") or ""

    return [replace(block, text=spacing.sub(closed, block.text)) for block in blocks]


def display_width(text: str) -> int:
    """How many columns `text` takes in a fixed-width layout: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def unwrap(blocks: list[Block]) -> list[Block]:
    """`blocks` with the lines a layout broke joined again.

    A line that does not end a sentence goes on in the next when it ends on a
    pause (，、) or when it fills the layout's width: nearly all the
    document's lines are at most one width, and some of them, about as wide,
    end in mid-sentence. (In a document that prints each paragraph on a line,
    the lines of that width are its headings.) The next line must be text,
    not a heading.
    """
    wrapping, ends_sentence, continues_after, _ = _rules()
    # The widths of the text lines (headings set by markup have none); a layout's are at most `max_width`.
    widths = [display_width(block.text) if block.heading_level is None else None for block in blocks]
    text_lines = [width for width in widths if width is not None]
    laid_out = [width for width in text_lines if width <= wrapping["max_width"]]
    widest = max(laid_out, default=0)
    fills = [width is not None and widest - wrapping["slack"] <= width <= wrapping["max_width"]
             and not ends_sentence.search(block.text) for width, block in zip(widths, blocks)]
    if (widest < wrapping["min_width"] or sum(fills) < wrapping["min_full_lines"]
            or len(text_lines) - len(laid_out) > wrapping["max_wider_share"] * len(text_lines)):
        fills = [False] * len(blocks)  # no layout of fixed width: only pauses join lines
    joined: list[Block] = []
    goes_on = False  # whether the last line goes on in the next
    for block, fills_line in zip(blocks, fills):
        if goes_on and block.heading_level is None and not numbered_heading(block.text):
            joined[-1] = replace(joined[-1], text=_join(joined[-1].text, block.text))
        else:
            joined.append(block)
        text = joined[-1].text
        goes_on = (joined[-1].heading_level is None and not ends_sentence.search(text)
                   and (fills_line or bool(continues_after.search(text))))
    return joined


def _join(first: str, second: str) -> str:
    # Latin words broken between lines keep a space between them; Chinese has none.
    if first[-1:].isascii() and first[-1:].isalnum() and second[:1].isascii() and second[:1].isalnum():
        return f"{first} {second}"
    return first + second
