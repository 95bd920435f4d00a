"""Owners: whose figure, event or framework statement a sentence states.

An analyst compares organisations, so every fact names its owner the way a
reader resolves it: an organisation named before it in its clause (工行营业收入
4678亿元), or leading an earlier clause of its sentence; a branded product's
organisation (工银e钱包); a word that refers back (该行, 其, 本行) to the
organisation the text is about; the document's own subject (its author's
bank, its issuer, the bank its title names). The market, an industry, the
nation or a survey own nothing: their figures have no owner. Nor has a
quote's move whose clause names what moved, known or not (极氪跌9.57%): an
organisation earlier in a list of quotes is not its owner. In news, which has
no subject of its own, an organisation an earlier sentence named owns nothing
of a sentence that names someone the site does not know (jieba tags persons,
places and organisations: 其中雷军退出前持股比例为0.97%).

Organisations are the known ones of `terms.yaml` under all their names, and
any other the text names with an organisation's ending (潍坊银行, 蚂蚁集团). The
words are data (`generator/data/owners.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from generator import rules
from generator.extract.words import lcut, tagged
from generator.model import Document, term_id
from generator.timeexpr import TimeContext


@dataclass(frozen=True)
class Owner:
    """An organisation as the site names it: its term's name and id."""

    name: str
    id: str


_DIGIT = re.compile(r"\d")


class Marker(NamedTuple):
    """A word in a sentence that decides an owner."""

    start: int
    end: int
    kind: str  # organisation, back (该行), self (本行), market (全国, 行业), source (国家统计局数据显示)
    owner: Owner | None = None


def _alternatives(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@cache
def _rules():
    data = rules.load("owners")
    terms = rules.load("terms")
    metrics = rules.load("metrics")
    known: dict[str, str] = {}  # any name or brand -> the organisation's canonical name
    brands: set[str] = set()
    for organisation in terms["organisations"]:
        brands.update(organisation.get("brands", []))
        for surface in [organisation["name"], *organisation["aliases"], *organisation.get("brands", [])]:
            known.setdefault(surface, organisation["name"])
    endings = data["organisation_endings"]
    return {
        "data": data,
        "known": known,
        "brands": brands,
        "known_pattern": re.compile(_alternatives(known)),
        "not_after_known": re.compile(terms["organisation_not_followed_by"]),
        "foreign_place": re.compile(terms["foreign_places"]),
        "ending": re.compile(_alternatives(endings)),
        "endings_only": re.compile(f"(?:{_alternatives(endings)})+"),
        "endings": set(endings),
        "stops": re.compile(data["name_stops"]),
        "openers": tuple(data["name_openers"]),
        "not_after": re.compile(data["name_not_after"]),
        "not_followed_by": re.compile(data["name_not_followed_by"]),
        "generic": re.compile(data["name_not_ending"] + "$"),
        # Words that lead a clause or act: 报告期内, 保持, 实现 (with the metrics' verbs).
        "not_start": {*data["name_not_start"], *metrics["subject"]["verbs"], *metrics["subject"]["strip_leading"]},
        "not_start_words": re.compile(_alternatives(data["name_not_start"])),
        # A thing with an organisation's ending (手机银行), and the names that end in one.
        "things": set(data["not_organisations"]),
        "thing_endings": tuple(t for t in data["not_organisations"]
                               if t not in endings and t not in data["names_may_end_with"]),
        "legal_form": re.compile(f"(?:{_alternatives(data['legal_forms'])})$"),
        "back": re.compile(f"(?:{_alternatives(data['back_references'] + data['self_references'])})"),
        "not_back": re.compile(data["not_back_reference"]),
        "market": re.compile(_alternatives(data["market_wide"])),
        "source": re.compile(f"(?:{_alternatives(data['source_markers'])})"),
        "source_organisations": tuple(data["source_organisation_endings"]),
        "boundary": re.compile(r"[，,；;。！？!?：:\u2460-\u2473]"),
        # Circled numbers part a digest's items as sentences do (①江苏银行拟发行…②穆迪确认…).
        "item": re.compile(r"[\u2460-\u2473]"),
        "bracket_after": re.compile(r"\s*[（(]\s*"),
        "preposition": re.compile(f"(?:{_alternatives(data['prepositions'])})$"),
        "other_name_tags": set(data["other_name_tags"]),
        "quote_moves": tuple(data["quote_moves"]),
        "quote_flows": tuple(sorted(data["quote_flows"], key=len, reverse=True)),
        "quote_not_names": re.compile("(?:{})*".format(_alternatives(
            [*data["quote_not_names"], *metrics["comparison_before"], *metrics["change"]["bases"],
             *metrics["change"]["degrees"]]))),
    }


def named_for_reference(text: str, owner: Owner) -> str:
    """`text` with the word it opens with to refer to its owner (其, 该行, 本行; not 其中) replaced by the
    owner's name: a description on the timeline has no sentence before it to say whose it is."""
    r = _rules()
    found = r["back"].match(text)
    if found is None or r["not_back"].match(text):
        return text
    return owner.name + text[found.end():]


def is_brand(name: str) -> bool:
    """Whether `name` is a brand (工银, 中银): it names a product's or a subsidiary's organisation,
    and is part of that product's own name (中银香港)."""
    return name in _rules()["brands"]


def owner_named(name: str) -> Owner:
    """The owner an organisation's name (any of its names) stands for."""
    canonical = _rules()["known"].get(name, name)
    return Owner(canonical, term_id(canonical))


@lru_cache(maxsize=4096)
def organisations_in(text: str) -> tuple[tuple[int, int, Owner], ...]:
    """The organisations `text` names, `(start, end, owner)` in order: known names
    first, then names found by their ending where no known name stands."""
    r = _rules()
    found: list[tuple[int, int, Owner]] = []
    for match in r["known_pattern"].finditer(text):
        following = text[match.end():match.end() + 1]
        if following and r["not_after_known"].match(following):
            continue  # 中国银行业 is the industry, not 中国银行
        place = r["foreign_place"].search(text, 0, match.start())  # the pattern ends at the name
        if place:  # 墨西哥央行 is Mexico's, not the People's Bank
            found.append((place.start(), match.end(), owner_named(text[place.start():match.end()])))
            continue
        if len(match.group()) <= 2 and match.start() > 0 and _inside_word(text, match.start(), match.end()):
            continue  # 员工行为 holds no 工行, 员工银龄 no 工银: a short name inside a word
        found.append((match.start(), match.end(), owner_named(match.group())))
    known = list(found)
    for match in r["ending"].finditer(text):
        span = _named_span(text, match)
        if span is None:
            continue
        name = _canonical_form(text[span[0]:span[1]])
        # A known name may stand inside a longer one: 宁波银行股份有限公司 is 宁波银行. One that is
        # itself an ending names its own only alone: 墨西哥央行 is not the People's Bank (央行).
        inside = [item for item in known if item[0] < span[1] and span[0] < item[1]]
        if inside and name not in r["known"] and all(
                text[start:end] in r["endings"] and end == span[1] for start, end, _ in inside):
            found = [item for item in found if item not in inside]
            inside = []
        if name in r["known"] or not inside:
            found.append((*span, owner_named(name)))
    # One organisation per place: the longest name (潍坊银行股份有限公司 over 潍坊银行).
    found.sort(key=lambda f: (f[0], -f[1]))
    kept: list[tuple[int, int, Owner]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return tuple(kept)


def _inside_word(text: str, start: int, end: int) -> bool:
    """Whether a word of the text runs across `start`: 员工 in 员工行为 (but not 推出 in 推出工银e生活)."""
    offset = window = max(0, start - 2)
    for token in lcut(text[window:end]):
        if offset < start < offset + len(token):
            return True
        offset += len(token)
    return False


def _named_span(text: str, ending: re.Match) -> tuple[int, int] | None:
    """Where the name that ends with `ending` starts and ends, or None when no name does."""
    r = _rules()
    data = r["data"]
    start = ending.start()
    while True:
        while start > 0 and ending.start() - start < data["name_max_chars"] and not r["stops"].match(text[start - 1]):
            start -= 1
        # A word that holds a stop may open a name all the same: 国家管网集团.
        opener = next((word for word in r["openers"] if text.endswith(word, 0, start)), "")
        if not opener or ending.start() - start + len(opener) > data["name_max_chars"]:
            break
        start -= len(opener)
    if start > 0 and r["not_after"].match(text[start - 1]):
        return None  # 第一个人金融银行: after a measure word stands a noun, not a name
    # 银行如华润银行: the name is after an earlier ending; one just before (证券交易所) is of the name.
    earlier = [m.end() for m in r["ending"].finditer(text, start, ending.start()) if m.end() < ending.start()]
    if earlier:
        start = earlier[-1]
    # The run may hold words that lead the clause or act (报告期内, 保持, 替代): the name follows the last.
    # So does a lone Chinese character before a word (万股美国银行: 股 counts shares, it names
    # nothing); not one of a name jieba cuts into characters (中天金融集团 as 中/天/金融/集团).
    offset = start
    tokens = lcut(text[start:ending.start()])
    for token, following in zip(tokens, [*tokens[1:], ""]):
        offset += len(token)
        lone = len(token) == 1 and not token.isascii() and len(following) != 1
        if token in r["not_start"] or (offset - len(token) == start and lone):
            start = offset
    # jieba may cut such a word apart (大国有 as 大国/有): it still may not open the name.
    while lead := r["not_start_words"].match(text, start, ending.start()):
        start = lead.end()
    if r["generic"].search(text, start, ending.start()):
        return None  # 股票型基金, 权益类基金: a kind of thing
    name = text[start:ending.end()]
    following = text[ending.end():ending.end() + 1]
    if ending.start() - start < data["name_min_chars"] or name in r["things"] \
            or r["endings_only"].fullmatch(text, start, ending.start()) or name.endswith(r["thing_endings"]) \
            or (following and r["not_after_known"].match(following)) or r["not_followed_by"].match(text, ending.end()):
        return None
    return start, ending.end()


def _canonical_form(name: str) -> str:
    """潍坊银行股份有限公司 and 潍坊银行 are one organisation: the legal form goes when a name remains."""
    r = _rules()
    short = r["legal_form"].sub("", name)
    return short if short != name and r["ending"].search(short[-6:]) and len(short) > 2 else name


def markers(text: str) -> list[Marker]:
    """The words of a sentence that decide owners, in order."""
    r = _rules()
    found = []
    for start, end, owner in organisations_in(text):
        source = r["source"].match(text, end)
        if source:
            found.append(Marker(start, source.end(), "source"))  # 国家统计局数据显示: a source, not the owner
        elif _is_source(owner):
            found.append(Marker(start, end, "source"))
        else:
            found.append(Marker(start, end, "organisation", owner))
    taken = [(m.start, m.end) for m in found]

    def free(match: re.Match) -> bool:
        return not any(start < match.end() and match.start() < end for start, end in taken)

    for match in r["back"].finditer(text):
        if free(match) and not r["not_back"].match(text, match.start()):
            kind = "self" if match.group() in r["data"]["self_references"] else "back"
            found.append(Marker(match.start(), match.end(), kind))
    for match in r["market"].finditer(text):
        if free(match):
            kind = "source" if r["source"].fullmatch(match.group()) else "market"
            found.append(Marker(match.start(), match.end(), kind))
    # After a preposition a name is a partner or a place, not the owner: 与全国26个省市, 向蚂蚁集团.
    return sorted(m for m in found if not r["preposition"].search(text, 0, m.start))


class Owners:
    """Whose each stretch of a document is, resolved once per document."""

    def __init__(self, subject: Owner | None):
        self.subject = subject  # the document's own organisation, if it has one
        self._markers: dict[str, list[Marker]] = {}
        self._topic_before: dict[str, Owner | None] = {}  # by sentence id: what 该行 means there
        self._time_spans: dict[str, list[tuple[int, int]]] = {}

    @classmethod
    @lru_cache(maxsize=8)  # the metrics, events and frameworks of one document share it
    def of(cls, document: Document) -> "Owners":
        owners = cls(document_subject(document))
        time = TimeContext.of(document)
        topic = owners.subject
        for section in document.sections:
            runs = [[section.heading]] if section.heading is not None else []
            for run in runs + [paragraph.sentences for paragraph in section.paragraphs]:
                # An organisation carried over stays within its paragraph where the document has
                # an owner of its own: a report's next paragraph is the issuer's again.
                topic = owners.subject or topic
                for sentence in run:
                    owners._markers[sentence.id] = markers(sentence.text)
                    owners._time_spans[sentence.id] = [(m.start, m.end) for m in time.sentence_mentions[sentence.id]]
                    owners._topic_before[sentence.id] = topic
                    for marker in owners._markers[sentence.id]:
                        if marker.kind == "organisation" and owners._leads(sentence.id, sentence.text, marker):
                            topic = marker.owner
        return owners

    def at(self, sentence_id: str, text: str, position: int) -> Owner | None:
        """The owner of what `text` (the sentence `sentence_id`) states at `position`."""
        clause_start = _clause_start(text, position)
        item_start = max((found.end() for found in _rules()["item"].finditer(text, 0, position)), default=0)
        before = [m for m in self._markers[sentence_id] if item_start <= m.start and m.end <= position]
        if before and before[-1].kind == "organisation" and _rules()["bracket_after"].fullmatch(text, before[-1].end, position):
            return before[-1].owner  # 招商银行（2514.20亿元）、兴业银行（1612.34亿元）: each bracket its name's
        for index in range(len(before) - 1, -1, -1):
            marker = before[index]
            # The market words of its own clause count before any figure: 中国台湾加权指数收盘涨0.84%,
            # but not 覆盖20余个行业、2000余种金融服务 (行业 is what the figure before it counts).
            own_clause = marker.start >= clause_start and (
                marker.kind in ("organisation", "back", "self") or not _DIGIT.search(text, clause_start, marker.start))
            if own_clause:
                return self._resolve(sentence_id, text, before[:index], marker)
            if self._leads(sentence_id, text, marker):
                leading = index
                break
        else:
            leading = None
        if self._quotes_its_own(sentence_id, text, clause_start, position):
            return None  # 极氪跌9.57%: 极氪's, which is no organisation the site knows
        if leading is None:
            if self.subject is None and _names_another(text[:position]):
                return None
            return self._topic_before[sentence_id]
        return self._resolve(sentence_id, text, before[:leading], before[leading])

    def _quotes_its_own(self, sentence_id: str, text: str, clause_start: int, position: int) -> bool:
        """Whether what `text` states at `position` is a quote's move (涨2%) or money flow (净买入3亿港元) of
        a name its clause gives before it."""
        r = _rules()
        flow = next((flow for flow in r["quote_flows"] if text.endswith(flow, clause_start, position)), None)
        # The figure may open with words that name nothing before its move (大幅收跌近10%).
        move = r["quote_not_names"].match(text, position).end()
        if flow is None and not text.startswith(r["quote_moves"], move):
            return False
        lead = self._lead(sentence_id, text, clause_start, position - len(flow or ""))
        return not _DIGIT.search(lead) and r["quote_not_names"].fullmatch(lead) is None

    def _lead(self, sentence_id: str, text: str, start: int, end: int) -> str:
        """The text from `start` to `end`, its time words left out: what comes before a name or a figure
        in its clause."""
        return "".join(char for index, char in enumerate(text[start:end], start)
                       if not any(s <= index < e for s, e in self._time_spans[sentence_id])).strip()

    def _resolve(self, sentence_id: str, text: str, earlier: list[Marker], marker: Marker) -> Owner | None:
        if marker.kind == "organisation":
            # 工行、建行等六大行合计…: a list of organisations owns no single figure (分别 pairs them, in metrics),
            # even where the catalogue knows only one of them (招银、信银、兴银…).
            start = _clause_start(text, marker.start)
            listed = {m.owner for m in self._markers[sentence_id]
                      if m.kind == "organisation" and start <= m.start and m.end <= _clause_end(text, marker.end)}
            in_list = text[marker.end:marker.end + 1] == "、" or text[marker.start - 1:marker.start] == "、"
            return marker.owner if len(listed) == 1 and not in_list else None
        if marker.kind in ("market", "source"):
            return None
        if marker.kind == "self" and self.subject is not None:
            return self.subject  # 本行, 我行: the organisation that speaks, whoever was named last
        # 该行, 其: the organisation that last led a clause, in this sentence or before it.
        meant = next((found.owner for found in reversed(earlier)
                      if found.kind == "organisation" and self._leads(sentence_id, text, found)),
                     self._topic_before[sentence_id])
        endings = _rules()["data"]["back_reference_endings"].get(text[marker.start:marker.end])
        if meant is not None and endings and not meant.name.endswith(tuple(endings)):
            return None  # 该行 after a company: no bank the text named
        return meant

    def _leads(self, sentence_id: str, text: str, marker: Marker) -> bool:
        """Whether `marker` stands where a clause's subject stands: at its start, after time words and a
        short lead-in; a source that makes a clause of its own (国家统计局数据显示，…) leads what follows."""
        if marker.kind == "source" and _rules()["boundary"].match(text, marker.end):
            return True
        lead = self._lead(sentence_id, text, _clause_start(text, marker.start), marker.start)
        return len(lead) <= _rules()["data"]["lead_max_chars"]


def _names_another(text: str) -> bool:
    """Whether `text` names a person, a place or an organisation (jieba's tags, `other_name_tags`)."""
    tags = _rules()["other_name_tags"]
    return any(tag in tags for _, tag in tagged(text))


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts: after the last boundary before it."""
    return max((found.end() for found in _rules()["boundary"].finditer(text, 0, position)), default=0)


def _clause_end(text: str, position: int) -> int:
    found = _rules()["boundary"].search(text, position)
    return found.start() if found else len(text)


def document_subject(document: Document) -> Owner | None:
    """The organisation a document speaks for or about: its author's, its issuer, else its title's;
    never one that publishes others' figures (国家统计局: they are the country's)."""
    named = _named_subject(document)
    return None if named is None or _is_source(named) else named


def _named_subject(document: Document) -> Owner | None:
    post = document.author_post or ""
    for _, _, owner in organisations_in(post):
        return owner
    publisher = _canonical_form((document.field("publisher") or "").strip())  # 平安银行股份有限公司 names 平安银行
    named = organisations_in(publisher)
    if named and named[0][1] == len(publisher):  # the publisher is an organisation (移动支付网 is a news site)
        return named[0][2]
    if document.title_known:
        for _, _, owner in organisations_in(document.title):
            return owner
    return None


def _is_source(owner: Owner) -> bool:
    """Whether the organisation publishes a place's or a market's figures rather than owns them."""
    return owner.name.endswith(_rules()["source_organisations"])
