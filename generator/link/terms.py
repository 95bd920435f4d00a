"""Terms across the corpus: every name, under all its aliases, in every document.

Candidates come from single documents (quoted names, people) and from the data
(known organisations with their aliases, common concepts). Each becomes a term
that is looked for in every sentence of the corpus, so a name one document
quotes joins the documents that merely use it.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import NamedTuple

from generator import rules
from generator.cache import fingerprint
from generator.extract.terms import TermCandidate
from generator.model import Document, term_id
from generator.pinyin import syllables

# When documents disagree on a name's kind, the more specific kind wins.
_KIND_RANK = {"person": 0, "organization": 1, "product": 2, "concept": 3}


class Mention(NamedTuple):
    """A term in a sentence (a tuple: a large corpus has hundreds of thousands)."""

    document: str
    sentence_id: str
    sentence: str
    start: int
    end: int


@dataclass
class Term:
    """A named thing and every sentence that names it."""

    id: str
    name: str
    kind: str  # organization, product, person, concept
    aliases: list[str]
    posts: list[str] = field(default_factory=list)  # a person's posts, as the documents give them
    authored: list[str] = field(default_factory=list)  # documents a person wrote, or an organisation speaks for
    mentions: list[Mention] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # filled once the mentions are known

    def mention_counts(self) -> Counter:
        """How many times each document names the term, documents in corpus order."""
        return Counter(map(attrgetter("document"), self.mentions))

    def first_mentions(self, documents: int, limit: int) -> dict[str, list[Mention]]:
        """The first `limit` mentions in each of the first `documents` documents that name the term."""
        shown: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            found = shown.get(mention.document)
            if found is None:
                if len(shown) == documents:
                    break  # mentions are found document by document: the rest are in later documents
                found = shown[mention.document] = []
            if len(found) < limit:
                found.append(mention)
        return shown

    @property
    def surfaces(self) -> list[str]:
        return [self.name, *self.aliases]

    @property
    def sort_key(self) -> tuple[str, str]:
        """Pinyin order, as Chinese indexes sort."""
        return " ".join(syllables(self.name)).lower(), self.name

    @property
    def initial(self) -> str:
        """The letter the term is filed under in the index: A–Z, or # for anything else."""
        first = self.sort_key[0][:1].upper()
        return first if "A" <= first <= "Z" else "#"


def _known_terms() -> dict[str, Term]:
    data = rules.load("terms")
    terms = {}
    for organisation in data["organisations"]:
        terms[organisation["name"]] = Term(term_id(organisation["name"]), organisation["name"], "organization",
                                           list(organisation["aliases"]))
    for concept in data["concepts"]:
        terms.setdefault(concept, Term(term_id(concept), concept, "concept", []))
    return terms


@dataclass
class TermIndex:
    """Every term, and every mention of one, by document."""

    terms: list[Term]  # in pinyin order
    in_document: dict[str, list[tuple[Term, Mention]]]  # document id -> its mentions, in reading order
    # A hash of every name with its term's: with a document's own fingerprint,
    # it fixes what the document names (its links' key, see link._text_links).
    dictionary: str

    @cached_property
    def _rank(self) -> dict[str, int]:
        return {term.id: position for position, term in enumerate(self.terms)}

    def by_term(self, document: str) -> list[tuple[Term, Mention]]:
        """The document's mentions term by term, in index order; each term's in reading order."""
        return sorted(self.in_document[document], key=lambda found: self._rank[found[0].id])


def build_terms(documents: list[Document], candidates: list[TermCandidate], exclude: set[str]) -> TermIndex:
    """Every term with its mentions across `documents`, in pinyin order, and the mentions by document.

    `exclude` names the pillars' members: they have pages of their own.
    """
    terms = {name: term for name, term in _known_terms().items() if name not in exclude}
    known = set(terms)
    by_surface = {surface: term for term in terms.values() for surface in term.surfaces}
    shortened = _shortened_names(candidates, set(by_surface))
    kinds: dict[str, Counter] = {}
    for candidate in sorted(candidates, key=lambda c: c.name in shortened):  # the full names first
        if candidate.name in exclude:
            continue
        if candidate.name not in by_surface and shortened.get(candidate.name) in by_surface:
            full = by_surface[shortened[candidate.name]]
            full.aliases.append(candidate.name)
            by_surface[candidate.name] = full
        term = by_surface.get(candidate.name)
        if term is None:
            term = terms[candidate.name] = by_surface[candidate.name] = Term(
                term_id(candidate.name), candidate.name, candidate.kind, [])
        if term.name not in known:  # a known name keeps the kind terms.yaml gives it
            kinds.setdefault(term.name, Counter())[candidate.kind] += 1
        if candidate.post and candidate.post not in term.posts:
            term.posts.append(candidate.post)
        if candidate.sentence_id is None and candidate.document not in term.authored:
            term.authored.append(candidate.document)
    for name, counted in kinds.items():
        terms[name].kind = min(counted, key=lambda kind: (_KIND_RANK[kind], -counted[kind]))
    dictionary = fingerprint("dictionary", sorted((surface, term.name, term.kind == "organization")
                                                  for surface, term in by_surface.items()))
    in_document = _find_mentions(documents, by_surface)
    found = [t for t in terms.values() if t.mentions or t.authored]
    for term in found:
        term.documents = sorted({m.document for m in term.mentions} | set(term.authored))
    return TermIndex(sorted(found, key=lambda t: t.sort_key), in_document, dictionary)


def _shortened_names(candidates: list[TermCandidate], known: set[str]) -> dict[str, str]:
    """Names that shorten another a document introduces with them, each to that full name: a document
    that quotes “客户经理云工作室” and then “云工作室” names one thing twice. A known name, a person
    or an organisation is never a shortening, and a name shortens only when each document that
    introduces it introduces the full name too."""
    introduced: dict[str, set[str]] = {}
    for candidate in candidates:
        if candidate.kind in ("concept", "product") and candidate.name not in known:
            introduced.setdefault(candidate.name, set()).add(candidate.document)
    shortened = {}
    for name, documents in introduced.items():
        fuller = [other for other, where in introduced.items()
                  if other != name and other.endswith(name) and documents <= where]
        if len(fuller) == 1:
            shortened[name] = fuller[0]
    return shortened


@lru_cache(maxsize=8)
def alternation(names: tuple[str, ...]) -> re.Pattern:
    """A pattern matching any of `names`, the earlier first where two match at one place.

    Compiled once per process: the pattern of a large dictionary takes a
    tenth of a second to compile.
    """
    return re.compile("|".join(map(re.escape, names)))


def _find_mentions(documents: list[Document], by_surface: dict[str, Term]) -> dict[str, list[tuple[Term, Mention]]]:
    """Fill every term's mentions: the longest name at each place wins. Returns them by document too."""
    in_document: dict[str, list[tuple[Term, Mention]]] = {d.id: [] for d in documents}
    if not by_surface:
        return in_document
    surfaces = sorted(by_surface, key=lambda surface: (-len(surface), surface))
    not_after = re.compile(rules.load("terms")["organisation_not_followed_by"])

    def scan(sentences: list) -> list[tuple[str, int, int, int]]:
        pattern = alternation(tuple(surfaces))
        found = []
        for position, sentence in enumerate(sentences):
            for match in pattern.finditer(sentence.text):
                following = sentence.text[match.end():match.end() + 1]
                if by_surface[match.group()].kind == "organization" and following and not_after.match(following):
                    continue  # 中国银行业 is the industry, not 中国银行
                found.append((match.group(), position, match.start(), match.end()))
        return found

    for document in documents:
        sentences = list(document.sentences())
        found = in_document[document.id]
        for surface, position, start, end in scan(sentences):
            sentence = sentences[position]
            term = by_surface[surface]
            mention = Mention(document.id, sentence.id, sentence.text, start, end)
            term.mentions.append(mention)
            found.append((term, mention))
    return in_document


def related_documents(documents: list[Document], terms: list[Term], pillars: list,
                      limit: int = 5) -> dict[str, list[tuple[str, list[str]]]]:
    """For each document, the documents sharing most with it: `[(document id, shared names)]`.

    A shared term or pillar counts by its rarity. One held by more than a share
    of the corpus (data: related_max_share) relates nothing: a term in every
    document says little, and pairing all its documents would cost the square
    of the corpus.
    """
    count = len(documents)
    most = max(2, int(rules.load("terms")["related_max_share"] * count))
    holders: list[tuple[str, list[str]]] = [(t.name, t.documents) for t in terms]
    by_pillar: dict[str, set[str]] = {}  # pillars of one name, across frameworks, count as one
    for pillar in pillars:
        by_pillar.setdefault(pillar.name, set()).update(pillar.documents)
    holders += [(name, sorted(docs)) for name, docs in sorted(by_pillar.items())]
    # Each pair's weight is summed as it is found; only a document's few best partners are asked
    # which names they share (at 10,000 documents, keeping every pair's names took 1.4 s).
    weights: dict[str, dict[str, float]] = {d.id: {} for d in documents}
    held: dict[str, list[tuple[float, str, set[str]]]] = {d.id: [] for d in documents}
    for name, docs in holders:
        if not 2 <= len(docs) <= most:
            continue
        weight = math.log((count + 1) / len(docs))
        members = set(docs)
        for a in docs:
            held[a].append((weight, name, members))
            shared = weights[a]
            for b in docs:
                if a != b:
                    shared[b] = shared.get(b, 0.0) + weight
    related = {}
    for document in documents:
        best = heapq.nsmallest(limit, weights[document.id].items(), key=lambda item: (-item[1], item[0]))
        related[document.id] = [(other, [name for _, name in sorted(
            ((weight, name) for weight, name, members in held[document.id] if other in members),
            key=lambda named: -named[0])]) for other, _ in best]
    return related
