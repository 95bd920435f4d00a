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
    return {
        "data": data,
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
            for quoted in r["quoted"].finditer(sentence.text):
                name = quoted.group(1).strip()
                if not data["quoted_min_chars"] <= len(name) <= data["quoted_max_chars"] or r["quoted_not"].search(name):
                    continue
                # “云工行”非接触服务品牌: the cue may follow a few words later, in the same clause
                after = re.split(r"[，,。；;：:、]", sentence.text[quoted.end():], maxsplit=1)[0][:data["cue_within_chars"]]
                kind = "product" if any(cue in after for cue in r["product_cue"]) else "concept"
                found.append(TermCandidate(name, kind, document.id, sentence.id))
            for person in r["person"].finditer(sentence.text):
                if r["person_name_not"].search(person.group("name")):
                    continue
                found.append(TermCandidate(person.group("name"), "person", document.id, sentence.id,
                                           person.group("post")))
        return found
