"""Removing page furniture: the site around an article, not the article.

Every rule is data (`generator/data/furniture.yaml`); this module applies them
and records what it cut and why, so the build log and the diagnostics page can
show it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from generator import rules
from generator.model import RemovedText
from generator.read.readers import Block


@cache
def _compiled():
    data = rules.load("furniture")
    line_rules = [(rule["name"], re.compile(rule["pattern"]), rule.get("max_chars")) for rule in data["line_rules"]]
    return line_rules, re.compile(data["tail_markers"]), re.compile(data["sentence_end"])


@cache
def _running_header_rule() -> tuple[int, re.Pattern]:
    data = rules.load("furniture")
    return data["running_header_min_chars"], re.compile(data["running_header_not"])


def furniture_rule(text: str) -> str | None:
    """The name of the first furniture rule matching the line `text`, or None."""
    line_rules, _, _ = _compiled()
    for name, pattern, max_chars in line_rules:
        if (max_chars is None or len(text) <= max_chars) and pattern.search(text):
            return name
    return None


def clean(blocks: list[Block], printed_before: Iterable[str] = ()) -> tuple[list[Block], list[RemovedText]]:
    """Split `blocks` into the article's and the furniture removed from it (`printed_before`: the
    lines the document printed ahead of them, its head).

    Once a tail marker ("相关文章", "月点击排行") has been seen, lines that do not
    read as sentences are the lists such markers introduce. A line that ends
    like a sentence is kept even there: no article sentence is ever cut. A
    line printed again beside a page number, short of a sentence's
    punctuation, is a running header or footer of the pages the text was
    copied from.
    """
    _, tail_marker, sentence_end = _compiled()
    kept, removed = [], []
    in_tail = False
    seen = set(printed_before)
    line_rules = [furniture_rule(block.text) for block in blocks]
    for index, block in enumerate(blocks):
        text = block.text
        in_tail = in_tail or bool(tail_marker.search(text))
        rule = line_rules[index]
        if rule is None and in_tail and not sentence_end.search(text):
            rule = "trailing_list"
        # A report's parallel subheadings (主要工作及成效) repeat too, but not where its pages break.
        at_page_break = "page_number" in line_rules[max(0, index - 1):index + 2]
        if rule is None and at_page_break and _is_running_header(text, seen):
            rule = "running_header"
        seen.add(text)
        if rule is None:
            kept.append(block)
        else:
            removed.append(RemovedText(text, rule))
    return kept, removed


def _is_running_header(text: str, seen: set[str]) -> bool:
    """Whether the line `text` repeats an earlier one (`seen`) as a page's header or footer does."""
    min_chars, not_header = _running_header_rule()
    return text in seen and len(text) >= min_chars and not not_header.search(text)
