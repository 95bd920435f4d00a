"""Metadata found in a document's first lines.

Articles put their own metadata at the top: a title line, a byline
("2021-8-30 10:27来源:移动支付网    作者:薛小易"), or a line naming the author
and their post ("中国工商银行金融科技部总经理杨龙如"). Those lines are metadata,
not article text, so they leave the body here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from generator import rules
from generator.dates import parse_date
from generator.model import MetaValue, RemovedText
from generator.read.readers import Block


@dataclass
class Head:
    """What the first lines said, and the blocks that remain for the body."""

    meta: dict[str, MetaValue] = field(default_factory=dict)
    author_post: str | None = None
    blocks: list[Block] = field(default_factory=list)
    consumed: list[RemovedText] = field(default_factory=list)


@cache
def _patterns():
    data = rules.load("metadata")
    labels = sorted({*data["byline_labels"], *data["byline_ignored_labels"]}, key=len, reverse=True)
    label = "|".join(map(re.escape, labels))
    posts = "|".join(map(re.escape, sorted(data["posts"], key=len, reverse=True)))
    name = data["person_name"]
    return {
        # a label followed by its value, up to the next label or a wide gap
        "field": re.compile(rf"(?P<label>{label})\s*[:：]\s*(?P<value>.*?)(?=\s{{2,}}|\s*(?:{label})\s*[:：]|$)"),
        "lead_date": re.compile(r"^\s*(?P<date>(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"),
        "post_then_name": re.compile(rf"^(?P<post>\S{{0,40}}?(?:{posts}))\s*(?P<name>{name})$"),
        "name_then_post": re.compile(rf"^(?P<name>{name})\s+(?P<post>\S{{0,40}}?(?:{posts}))$"),
        # a byline's author with the post in brackets: 周九（光大银行金融科技部副总经理）
        "name_with_post": re.compile(rf"^(?P<name>{name})\s*[（(](?P<post>[^（）()]{{0,40}}?(?:{posts}))[）)]$"),
        "punctuation": re.compile(r"[。！？!?，,；;、“”\"]"),
        "reporter": re.compile(data["reporter_line"]),
        "author_note": re.compile(data["author_note"]),
        "publisher": re.compile(rf"^(?!.*(?:{data['publisher_not']}))[^\s，,。；;]{{2,16}}"
                                rf"(?:{'|'.join(map(re.escape, data['publisher_suffixes']))})$"),
    }


def parse_byline(line: str) -> dict[str, str] | None:
    """Fields of a byline, or None when `line` is not one.

    A byline is a line of labelled fields, optionally led by a date and time,
    with nothing else in it.
    """
    patterns = _patterns()
    labels = rules.load("metadata")["byline_labels"]
    rest = line
    fields: dict[str, str] = {}
    lead = patterns["lead_date"].match(rest)
    if lead:
        fields["date"] = parse_date(lead.group("date"))
        rest = rest[lead.end():]
    matches = list(patterns["field"].finditer(rest))
    leftover = patterns["field"].sub("", rest).strip()
    if lead and not matches and patterns["publisher"].match(leftover):
        fields["publisher"] = leftover  # a dateline: 2024年01月15日 09:30 21世纪经济报道
        return fields
    if (not matches and not lead) or leftover or (lead and not matches and rest.strip()):
        return None
    for match in matches:
        name = labels.get(match.group("label"))
        value = match.group("value").strip()
        if name == "date":
            value = parse_date(value)
        if name and value:
            fields.setdefault(name, value)
    return fields or None


def parse_reporter_line(line: str) -> dict[str, str] | None:
    """Author (and medium) of a reporter line: 21世纪经济报道记者 李华 深圳报道."""
    found = _patterns()["reporter"].match(line.strip())
    if not found:
        return None
    fields = {"author": found.group("name")}
    if found.group("publisher") and found.group("publisher") not in ("本报", "本刊", "本台", "本网"):
        fields["publisher"] = found.group("publisher")
    return fields


def parse_person_line(line: str) -> tuple[str, str] | None:
    """`(name, post)` when `line` only names a person and their post."""
    if len(line) > 50 or _patterns()["punctuation"].search(line):
        return None
    for key in ("post_then_name", "name_then_post"):
        found = _patterns()[key].match(line.strip())
        if found:
            return found.group("name"), found.group("post")
    return None


def _is_title_line(block: Block) -> bool:
    if block.heading_level is not None:
        return block.heading_level == 1
    text = block.text
    end = rules.load("structure")["not_heading_end"]
    return len(text) <= 80 and not re.search(end, text)


def read_head(blocks: list[Block], known: dict[str, MetaValue]) -> Head:
    """Take title, byline and person lines from the first lines of `blocks`.

    `known` is the metadata of higher trust (sidecar, front matter, HTML meta);
    a field found there is never overwritten, but the line that repeats it
    still leaves the body.
    """
    head = Head()
    limit = rules.load("metadata")["head_lines"]
    remaining = list(blocks)
    index = 0
    while index < min(limit, len(remaining)):
        block = remaining[index]
        text = block.text
        repeats_title = "title" in known and _same_text(known["title"].value, text)
        if (index == 0 or (block.heading_level == 1 and repeats_title)) and block.heading_level in (None, 1) \
                and _is_title_line(block) and not parse_person_line(text) and not parse_byline(text) \
                and len(remaining) > 1 and ("title" not in known or repeats_title) and "title" not in head.meta:
            # The first line, or the page's own heading repeating the known title
            # after navigation lines the cleaner has not cut yet.
            head.meta["title"] = MetaValue(text, "first_line")
            head.consumed.append(RemovedText(text, "title"))
            remaining.pop(index)
            continue
        byline = (parse_byline(text) or parse_reporter_line(text)) if block.heading_level is None else None
        if byline:
            with_post = _patterns()["name_with_post"].match(byline.get("author", ""))
            if with_post:
                byline["author"] = with_post.group("name")
                head.author_post = head.author_post or with_post.group("post")
            for name, value in byline.items():
                head.meta.setdefault(name, MetaValue(value, "byline"))
            head.consumed.append(RemovedText(text, "byline"))
            remaining.pop(index)
            continue
        person = parse_person_line(text) if block.heading_level is None else None
        if person:
            head.meta.setdefault("author", MetaValue(person[0], "person_line"))
            head.author_post = person[1]
            head.consumed.append(RemovedText(text, "person_line"))
            remaining.pop(index)
            continue
        index += 1
    # A note on the author may close the article as well as open it.
    for index, block in enumerate(remaining):
        note = _patterns()["author_note"].match(block.text) if block.heading_level is None else None
        if note:
            head.author_post = head.author_post or note.group("post")
            head.consumed.append(RemovedText(block.text, "author_note"))
            remaining.pop(index)
            break
    head.blocks = remaining
    return head


def _same_text(a: str, b: str) -> bool:
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    return squash(a) == squash(b)
