"""Strategy frameworks a document states itself.

"打造“敏捷、智慧、生态、数字、安全”五位一体的“科技强行”", "围绕大财富、全融资、
促消费、强智能、优体验五个领域", "赋能五篇大文章" followed by "科技金融领域,…
绿色金融领域,…": a count phrase, and the members it introduces, either listed
beside it or elaborated one by one in its section. When a count is given, the
members found must match it. The words are data (`generator/data/frameworks.yaml`).

Not every list with a count is a strategy: an app's five areas, a system's
five features and three internal platforms are parts of a thing. A framework
is a strategy when the document states it as one: named in quotes, named by
a strategy word, or (unless it names parts) stated in the title, a heading or
the lead. Where it is stated is kept too (`placement`): the link stage ranks
frameworks stated up front first.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from generator import rules
from generator.extract.numbers import parse_number
from generator.extract.owners import Owners
from generator.extract.words import lcut
from generator.model import Document, Sentence

_BOUNDARY = "，,。；;：:（）()！？!?"
_OPEN_QUOTES, _CLOSE_QUOTES = "“\"「『", "”\"」』"
_QUOTED_ITEM = re.compile(f"[{_OPEN_QUOTES}]([^{_OPEN_QUOTES}{_CLOSE_QUOTES}]+)[{_CLOSE_QUOTES}]")
#: Quoted items, one after another (maybe 、 between), at the end of a text.
_QUOTED_RUN = re.compile(f"(?:{_QUOTED_ITEM.pattern}、?)+$")

#: Where a document may state a framework, most prominent first.
PLACEMENTS = ("title", "heading", "lead", "body")


@dataclass(frozen=True)
class Framework:
    """A framework and its members, as one document states it."""

    id: str
    document: str
    name: str  # 科技强行 (a quoted label), or the count phrase: 五大新特征
    count: int
    members: tuple[str, ...]
    entity: str | None  # whose framework it is: the organisation that states it as its own
    entity_id: str | None  # that organisation's term id
    strategy: bool  # stated as a strategy (its members are pillars), not as the parts of a thing
    placement: str  # where the document states it: "title", "heading", "lead" or "body" (PLACEMENTS)
    sentence: str
    sentence_id: str
    source_url: str
    # member -> ids of the sentences that elaborate it (敏捷银行的关键之一…)
    elaborations: tuple[tuple[str, tuple[str, ...]], ...]


@cache
def _rules():
    data = rules.load("frameworks")

    def alternatives(words):
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    return {
        "data": data,
        "count": re.compile(rf"(?P<count>{data['count']})(?P<counter>{alternatives(data['counters'])})"),
        "joiner": re.compile(alternatives(data["last_joiners"])),
        "lead": sorted(data["lead_words"], key=len, reverse=True),
        "topic": re.compile(rf"(?:^|[：:；;])(?P<topic>[\u4e00-\u9fffA-Za-z]{{2,8}}?)"
                            rf"(?:{alternatives(data['elaboration_markers'])})[，,：:]"),
        "suffix": alternatives(data["member_suffixes"]),
        "symbol_joiner": re.compile(f"[{re.escape(''.join(data['symbol_joiners']))}]"),
        "item_joiner": re.compile(f"[、{re.escape(''.join(data['symbol_joiners']))}]"),
    }


class FrameworkExtractor:
    """Finds the frameworks of a document (they become the pillars of the link stage)."""

    kind = "frameworks"

    def extract(self, document: Document) -> list[Framework]:
        """Every framework `document` states, once each, in reading order."""
        sentences = list(document.sentences())
        # Where each sentence's section ends, as a position in `sentences`: sections are runs of them.
        section_ends = []
        for section in document.sections:
            size = (section.heading is not None) + sum(len(p.sentences) for p in section.paragraphs)
            section_ends += [len(section_ends) + size] * size
        found: dict[tuple[str, tuple[str, ...]], Framework] = {}
        placements = _placements(document)
        numbering = _heading_numbering(document)
        for position, sentence in enumerate(sentences):
            for match in _rules()["count"].finditer(sentence.text):
                framework = self._framework(document, sentences, section_ends, position, match,
                                            placements.get(sentence.id, "body"), numbering.get(sentence.id, 0))
                if framework is not None:
                    found.setdefault((framework.name, framework.members), framework)
        return list(found.values())

    def _framework(self, document: Document, sentences: list[Sentence], section_ends: list[int],
                   position: int, match: re.Match, placement: str, numbering: int) -> Framework | None:
        sentence = sentences[position]
        text = sentence.text
        data = _rules()["data"]
        if any(text[:match.start()].endswith(word) for word in data["not_before"]):
            return None
        count = data["count_words"].get(match.group("count")) or int(parse_number(match.group("count")))
        if text.startswith(tuple(data["not_label_start"]), match.end()):
            return None  # 连续三个交易日: a duration
        label, quoted, label_end = _label(text, match)
        named_in_quotes = text[:match.start()].endswith(tuple(_OPEN_QUOTES)) and bool(label)  # “五篇大文章”
        members, list_quoted = _list_before(text, match.start(), numbering)
        if not label and not (list_quoted and len(members) == count):
            return None  # a bare count (三步) names a framework only after an explicit list: 申请-审批-放款三步
        # Where a framework's members are elaborated: the rest of its section finds
        # the members of a count without a list; the elaborations follow the
        # statement closely. Both are bounded, so a long document is read in linear time.
        window = data["elaboration_window"]
        following = sentences[position:min(section_ends[position], position + window)]
        if len(members) != count:
            members, list_quoted = _list_after(text, label_end)
        if len(members) != count:
            topics = _topics(following)
            union = list(dict.fromkeys(members + topics))
            members = topics if len(topics) == count else union if len(union) == count and members else []
            list_quoted = False
        if len(members) != count or (count < data["min_unquoted_count"] and not list_quoted):
            return None
        name = label if quoted else match.group() + label
        if name in (document.field("title") or ""):
            placement = "title"
        digest = hashlib.sha1(f"{document.id}|{name}|{'、'.join(members)}".encode("utf-8")).hexdigest()[:8]
        owner = Owners.of(document).at(sentence.id, text, match.start())
        return Framework(
            id=f"f-{digest}", document=document.id, name=name, count=count, members=tuple(members),
            entity=owner.name if owner else None, entity_id=owner.id if owner else None,
            strategy=_is_strategy(name, quoted or named_in_quotes, placement), placement=placement,
            sentence=text, sentence_id=sentence.id, source_url=f"{document.url}#{sentence.id}",
            elaborations=tuple((m, _elaborations(m, sentences[position:position + window])) for m in members),
        )


def _placements(document: Document) -> dict[str, str]:
    """The placement of each heading and lead sentence, by sentence id (the others are "body").

    The lead is the first paragraph of the text.
    """
    placements = {s.heading.id: "heading" for s in document.sections if s.heading is not None}
    lead = next((p for s in document.sections for p in s.paragraphs if p.sentences), None)
    placements.update({sentence.id: "lead" for sentence in (lead.sentences if lead else ())})
    return placements


def _is_strategy(name: str, named: bool, placement: str) -> bool:
    """Whether a framework is stated as a strategy: named in quotes (“科技强行”, “五篇大文章”) or by a
    strategy word; otherwise stated up front (title, heading, lead), unless its name says it lists
    the parts of a thing (平台, 功能, 特征, 领域)."""
    data = _rules()["data"]["strategy"]
    if named or any(word in name for word in data["strategy_words"]):
        return True
    if any(word in name for word in data["part_words"]):
        return False
    return placement != "body"


class _Label(NamedTuple):
    """The label after a count, whether it stood in quotes of its own, and where it ends in the sentence."""

    text: str
    quoted: bool
    end: int


def _label(text: str, count: re.Match) -> _Label:
    """The label after a count. 五位一体的“科技强行” -> 科技强行, quoted; 五大新特征 -> 新特征.

    A count phrase in quotes (“五篇大文章”, “三个升级”) is labelled by the rest
    of the quotes: they bound it, so no stop word cuts it short.
    """
    data = _rules()["data"]
    start = count.end()
    if text[:count.start()].endswith(tuple(_OPEN_QUOTES)):
        closing = _closing_quote(text, start)
        if closing is not None and 0 < closing - start <= data["label_max_chars"]:
            return _Label(text[start:closing], False, closing + 1)
        return _Label("", False, start)
    position = start + 1 if text.startswith("的", start) else start
    if text[position:position + 1] in _OPEN_QUOTES:
        closing = _closing_quote(text, position + 1)
        if closing is not None and 0 < closing - position - 1 <= data["label_max_chars"]:
            return _Label(text[position + 1:closing], True, closing + 1)
        return _Label("", False, start)
    label = ""
    for char in text[position:]:
        if (char in _BOUNDARY or char in _OPEN_QUOTES or char in _CLOSE_QUOTES or char in "、"
                or len(label) >= data["label_max_chars"]):
            break
        label += char
        if any(label.endswith(stop) for stop in data["label_stops"]):
            label = next(label[:-len(stop)] for stop in data["label_stops"] if label.endswith(stop))
            break
    return _Label(label, False, position + len(label))


def _closing_quote(text: str, start: int) -> int | None:
    """Where the first closing quote from `start` stands, if any."""
    return next((i for i in range(start, len(text)) if text[i] in _CLOSE_QUOTES), None)


def _split_items(text: str) -> list[str]:
    """Items of a list: 、 (or a symbol: 申请-审批-放款) between them, 和/及/与 before the last."""
    items = _rules()["item_joiner"].split(text)
    last = _rules()["joiner"].split(items[-1], maxsplit=1)
    items = items[:-1] + last
    return [item.strip("".join(_OPEN_QUOTES + _CLOSE_QUOTES) + " ") for item in items]


def _heading_numbering(document: Document) -> dict[str, int]:
    """How long the numbering before each heading's title is (五、 in 五、赋能五篇大文章), by sentence id."""
    return {section.heading.id: len(section.heading.text) - len(section.title) for section in document.sections
            if section.heading is not None and section.title and section.heading.text.endswith(section.title)}


def _list_before(text: str, end: int, begin: int = 0) -> tuple[list[str], bool]:
    """The list that ends right before a count, and whether it was explicit: quoted, or joined by
    symbols ([] when there is none). It starts at `begin` at the earliest (after a heading's numbering)."""
    data = _rules()["data"]
    before = text[:end].removesuffix("等").removesuffix("的")  # “核心业务+开放生态平台”的双核心
    # (items, explicit, delimited): quotes or symbols (申请-审批-放款) make a list explicit;
    # quotes delimit it exactly, where a first item may hold the words leading into the list.
    candidates = []
    run = _QUOTED_RUN.search(before)
    if run:
        # “敏捷、智慧、生态”: one quoted list; “数字乡村”“数字政务”“数字零售”: each item quoted.
        quoted = _QUOTED_ITEM.findall(run.group())
        candidates.append((quoted if len(quoted) > 1 else _split_items(quoted[0]), True, True))
    start = max(before.rfind(ch) for ch in _BOUNDARY)
    clause = before[max(start + 1, begin):]
    for lead in _rules()["lead"]:
        if clause.startswith(lead):
            clause = clause[len(lead):]
            break
    delimited = clause.startswith(tuple(_OPEN_QUOTES))
    explicit = delimited or bool(_rules()["symbol_joiner"].search(clause))
    candidates.append((_split_items(clause), explicit, delimited))
    for items, explicit, delimited in candidates:
        if len(items) >= 2 and not delimited:
            # A first item opening its quote inside the clause starts at the quote: 人才培养围绕“数字化转型
            quote = max(items[0].rfind(q) for q in _OPEN_QUOTES)
            items[0] = items[0][quote + 1:] if quote >= 0 else _trim_first(items[0], items[1:])
        if len(items) >= 2 and all(0 < len(i) <= data["item_max_chars"]
                                   and not set(i) & set(_BOUNDARY + _OPEN_QUOTES + _CLOSE_QUOTES) for i in items):
            return items, explicit
    return [], False


def _list_after(text: str, start: int) -> tuple[list[str], bool]:
    """The list a colon opens right after a count phrase: 推进“三个升级”：客户服务升级、经营模式升级、管理体系升级。"""
    rest = text[start:]
    if rest[:1] not in ("：", ":"):
        return [], False
    clause = re.split(f"[{re.escape(_BOUNDARY)}]", rest[1:], maxsplit=1)[0]
    items = _split_items(clause)
    if len(items) >= 2 and all(0 < len(i) <= _rules()["data"]["item_max_chars"] for i in items):
        return items, False
    return [], False


def _trim_first(first: str, others: list[str]) -> str:
    """The first item without the words that lead into the list: 完成柜面通 -> 柜面通.

    Items of one list are alike in length; the leading words of a longer first
    item are the sentence's, not the item's.
    """
    longest = max(map(len, others))
    tokens = lcut(first)
    while len(tokens) > 1 and (len("".join(tokens)) > longest or tokens[0] in _rules()["lead"]):
        tokens.pop(0)
    return "".join(tokens)


def _topics(sentences: list[Sentence]) -> list[str]:
    """Topics the sentences take one by one: 科技金融领域,… 绿色金融领域,…"""
    found = []
    for sentence in sentences:
        for topic in _rules()["topic"].finditer(sentence.text):
            if topic.group("topic") not in found:
                found.append(topic.group("topic"))
    return found


def _elaborations(member: str, sentences: list[Sentence]) -> tuple[str, ...]:
    """Ids of the sentences that open with `member`: 敏捷银行的关键之一…, 智慧银行则…"""
    opening = re.compile(rf"(?:^|[：:；;]){re.escape(member)}(?:{_rules()['suffix']})?(?:方面|则|的|是|[，,：:])")
    return tuple(s.id for s in sentences if opening.search(s.text))
