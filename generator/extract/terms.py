"""Term candidates: the names one document introduces.

A quoted name (“揭榜挂帅”, “工银e钱包”开放银行品牌), a person named with their
post (副行长张文武介绍) and an organisation (潍坊银行, and the one the document
speaks for) are found here, per document. Known organisations and
concepts need no finding. The link stage looks for every term in every
document, under all its aliases (`generator/link/terms.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from generator import rules
from generator.extract.owners import document_subject, organisations_in
from generator.extract.words import lcut, tagged
from generator.model import Document


@dataclass(frozen=True)
class TermCandidate:
    """A name a document introduces, and what kind of thing it names."""

    name: str
    kind: str  # organization, product, concept, person
    document: str
    sentence_id: str | None  # None: the document's metadata (its author, its organisation)
    post: str | None = None  # a person's post: 副行长


@cache
def _rules():
    data = rules.load("terms")
    posts = "|".join(map(re.escape, sorted(rules.load("metadata")["posts"], key=len, reverse=True)))
    family = "|".join([*data["person_compound_surnames"], f"[{data['person_surnames']}]"])
    nouns = "|".join(map(re.escape, data["list_product_nouns"]))
    shortest, longest = data["list_item_chars"]
    item = rf"[^、，,。；;：:\s“”\"（）()]{{{shortest},{longest}}}"
    brands = "|".join(map(re.escape, sorted({b for o in data["organisations"] for b in o.get("brands", [])},
                                             key=len, reverse=True)))
    return {
        "data": data,
        # 聚富通、API、工行云等开放平台: the items, the first with whatever stands before it
        "product_list": re.compile(rf"(?P<items>(?:{item}、)+{item})等[\u4e00-\u9fff]{{0,4}}?(?:{nouns})"),
        "branded": re.compile(data["branded_name"].format(brands=brands)),
        "quoted": re.compile(r"[“\"「『]([^”\"」』]+)[”\"」』]"),
        "quoted_not": re.compile(data["quoted_not"]),
        "person": re.compile(rf"(?P<post>{posts})(?P<name>(?:{family})[\u4e00-\u9fff]{{1,2}}?){data['person_after']}"),
        "person_name_not": re.compile(data["person_name_not"]),
        "product_cue": tuple(sorted(data["product_cues"], key=len, reverse=True)),
    }


class TermExtractor:
    """Finds the names a document introduces (the link stage makes them terms)."""

    kind = "term_candidates"

    def extract(self, document: Document) -> list[TermCandidate]:
        """Quoted names and people of `document`, in reading order."""
        r = _rules()
        data = r["data"]
        found = []
        author, post = document.field("author"), document.author_post
        if author and post:
            found.append(TermCandidate(author, "person", document.id, None, post))
        # The organisation the document speaks for owns its figures: it has a page even where the text never names it.
        subject = document_subject(document)
        if subject is not None:
            found.append(TermCandidate(subject.name, "organization", document.id, None))
        for sentence in document.sentences():
            # Organisations the catalogue does not know (潍坊银行, 蚂蚁集团) own figures too.
            for _, _, owner in organisations_in(sentence.text):
                found.append(TermCandidate(owner.name, "organization", document.id, sentence.id))
            quoted_names = set()
            for quoted in r["quoted"].finditer(sentence.text):
                name = quoted.group(1).strip()
                quoted_names.add(name)
                if not data["quoted_min_chars"] <= len(name) <= data["quoted_max_chars"] or r["quoted_not"].search(name) \
                        or _figure_of_speech(name):
                    continue
                # “云工行”非接触服务品牌: the cue may follow a few words later, in the same clause
                after = re.split(r"[，,。；;：:、]", sentence.text[quoted.end():], maxsplit=1)[0][:data["cue_within_chars"]]
                kind = "product" if any(cue in after for cue in r["product_cue"]) else "concept"
                found.append(TermCandidate(name, kind, document.id, sentence.id))
            for name in _listed_products(sentence.text):
                found.append(TermCandidate(name, "product", document.id, sentence.id))
            for branded in r["branded"].finditer(sentence.text):
                if branded.group() not in quoted_names:  # a quoted one is a candidate already
                    found.append(TermCandidate(branded.group(), "product", document.id, sentence.id))
            for person in r["person"].finditer(sentence.text):
                if r["person_name_not"].search(person.group("name")):
                    continue
                found.append(TermCandidate(person.group("name"), "person", document.id, sentence.id,
                                           person.group("post")))
        return found


def _figure_of_speech(quoted: str) -> bool:
    """Whether a quoted phrase says what a thing is like rather than what it is called: a common noun
    of the dictionary (人才“蓄水池”), or a manner (“煲汤式”融合)."""
    data = _rules()["data"]
    # A manner stands as a word of its own (煲汤 | 式); 分布式 is one word, and a name's.
    return (_one_word_of(quoted, data["quoted_common_word_tags"])
            or tagged(quoted)[-1][0] in data["quoted_manner_suffixes"])


def _listed_products(text: str) -> list[str]:
    """The names a list of products gives (依托聚富通、API、工行云等开放平台), when at least half its
    items read as names. The first item is the last word before its 、 (with the words before it, up
    to a name's length), since nothing else marks where it starts."""
    shortest = _rules()["data"]["list_item_chars"][0]
    names: list[str] = []
    for listed in _rules()["product_list"].finditer(text):
        items = listed.group("items").split("、")
        words = lcut(items[0])
        first = words.pop()
        while len(first) < shortest and words:  # 周转贷 cut as 周转 | 贷
            first = words.pop() + first
        items[0] = first
        named = [item for item in items if _reads_as_product_name(item)]
        if len(named) * 2 >= len(items):  # a list of kinds (甲醇、锂电池、新能源汽车…) names none
            names.extend(named)
    return names


def _reads_as_product_name(item: str) -> bool:
    """Whether a listed item names a product: a proper noun of the dictionary (聚富通), or ending as banks
    name products (周转贷, 工行云), and no kind of product (存款, 基金)."""
    data = _rules()["data"]
    if len(item) < data["list_item_chars"][0] or item in data["generic_products"]:
        return False
    return _one_word_of(item, data["product_name_tags"]) or item.endswith(tuple(data["product_name_endings"]))


def _one_word_of(text: str, tags: list[str]) -> bool:
    """Whether the dictionary holds `text` whole, as a word of one of the parts of speech `tags`."""
    words = tagged(text)
    return len(words) == 1 and words[0][1] in tags
