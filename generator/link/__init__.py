"""Linking: the whole corpus as one structure the pages are rendered from.

The link stage sees every document and every fact at once; it is where
anything that joins documents is computed (the glossary, the timeline, the
pillars, the terms, related documents and the links from the text), so that
rendering only formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from generator.cache import fingerprint
from generator.extract.events import Event
from generator.link.glossary import Indicator, build_glossary
from generator.link.organisations import Organisation, build_organisations
from generator.link.pillars import FrameworkGroup, Pillar, build_pillars, unique_pillars
from generator.link.terms import Mention, Term, TermIndex, build_terms, related_documents
from generator.link.timeline import Span, build_spans, build_timeline
from generator.model import Document, Skipped
from generator.timeexpr import period_sort_key

#: Readable names of the fact kinds, for the pages.
KIND_NAMES = {"metrics": "指标", "events": "事件", "frameworks": "框架"}

#: A link from a stretch of a sentence to a page: (start, end, page path under docs/).
TextLink = tuple[int, int, str]


class DocumentLinks(NamedTuple):
    """A document's links from its text, by sentence id, and a hash of what they are made from."""

    key: str
    by_sentence: dict[str, list[TextLink]]


#: The links of a document with none.
NO_LINKS = DocumentLinks("", {})


@dataclass
class Corpus:
    """Every document, every fact, and what joins them."""

    documents: list[Document]  # in corpus order (by source file)
    skipped: list[Skipped] = field(default_factory=list)
    facts: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # kind -> document id -> facts
    glossary: list[Indicator] = field(default_factory=list)  # the indicators with a page
    series_of_metric: dict[str, str] = field(default_factory=dict)  # every metric's series, by metric id
    organisations: list[Organisation] = field(default_factory=list)  # the owners of facts
    timeline: list[Event] = field(default_factory=list)  # every event, in time order
    spans: list[Span] = field(default_factory=list)
    frameworks: list[FrameworkGroup] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    mentions: dict[str, list[tuple[Term, Mention]]] = field(default_factory=dict)  # by document, in reading order
    related: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)
    links: dict[str, DocumentLinks] = field(default_factory=dict)  # by document id

    def __post_init__(self) -> None:
        self.indicator_of_metric = {m.id: i for i in self.glossary for m in i.metrics}
        self.titles = {d.id: d.label for d in self.documents}  # as pages name them
        self.term_ids = {t.id for t in self.terms}
        self.organisation_ids = {o.id for o in self.organisations}
        self.all_pillars: list[Pillar] = unique_pillars(self.frameworks)  # the report's, lists of parts included
        self.pillars: list[Pillar] = [p for p in self.all_pillars if p.has_page]  # those the site shows
        # Every join the pages ask for, computed once.
        self._pillars_in: dict[str, dict[str, list[Pillar]]] = {}  # document -> sentence id -> pillars
        for pillar in self.pillars:
            for document, sentence in sorted(pillar.sentence_ids):
                self._pillars_in.setdefault(document, {}).setdefault(sentence, []).append(pillar)
        self._pillars_of_document: dict[str, list[Pillar]] = {}
        for pillar in self.pillars:
            for document in pillar.documents:
                self._pillars_of_document.setdefault(document, []).append(pillar)
        self._terms_of_document: dict[str, list[Term]] = {}
        for term in self.terms:
            for document in term.documents:
                self._terms_of_document.setdefault(document, []).append(term)
        self._pillars_of_term: dict[str, set[str]] = {}
        self._facts_of_pillar: dict[tuple[str, str], list[Any]] = {}
        self._facts_of_term: dict[tuple[str, str], list[Any]] = {}
        for document in self.documents:
            facts = [(kind, fact) for kind in ("metrics", "events") for fact in self.facts_of(kind, document)]
            pillars_in = self.pillars_in(document)
            # The terms of the sentences that hold a fact or a pillar: the others join nothing.
            wanted = {fact.sentence_id for _, fact in facts} | pillars_in.keys()
            terms_in: dict[str, set[str]] = {}  # sentence id -> term ids
            for term, mention in self.mentions.get(document.id, ()):
                if mention.sentence_id in wanted:
                    terms_in.setdefault(mention.sentence_id, set()).add(term.id)
            for sentence, pillars in pillars_in.items():
                for term in terms_in.get(sentence, ()):
                    self._pillars_of_term.setdefault(term, set()).update(p.id for p in pillars)
            for kind, fact in facts:
                for pillar in pillars_in.get(fact.sentence_id, ()):
                    self._facts_of_pillar.setdefault((kind, pillar.id), []).append(fact)
                for term in terms_in.get(fact.sentence_id, ()):
                    self._facts_of_term.setdefault((kind, term), []).append(fact)

    def facts_of(self, kind: str, document: Document) -> list[Any]:
        """The facts of one kind that `document` gave."""
        return self.facts.get(kind, {}).get(document.id, [])

    def pillars_of(self, document: str, sentence_id: str) -> list[Pillar]:
        """The pillars whose pages gather this sentence."""
        return self._pillars_in.get(document, {}).get(sentence_id, [])

    def pillars_in(self, document: Document) -> dict[str, list[Pillar]]:
        """The pillars that gather each sentence of `document`, by sentence id (sentences gathered by none left out)."""
        return self._pillars_in.get(document.id, {})

    def facts_in_pillar(self, kind: str, pillar: Pillar) -> list[Any]:
        """The metrics or events whose sentences the pillar gathers, in document order."""
        return self._facts_of_pillar.get((kind, pillar.id), [])

    def facts_mentioning(self, kind: str, term: Term) -> list[Any]:
        """The metrics or events whose sentences name the term."""
        return self._facts_of_term.get((kind, term.id), [])

    def pillars_mentioning(self, term: Term) -> list[Pillar]:
        """The pillars that gather a sentence naming the term."""
        found = self._pillars_of_term.get(term.id, set())
        return [p for p in self.pillars if p.id in found]

    def pillars_of_document(self, document: Document) -> list[Pillar]:
        return self._pillars_of_document.get(document.id, [])

    def terms_of_document(self, document: Document) -> list[Term]:
        return self._terms_of_document.get(document.id, [])

    @cached_property
    def newest_first(self) -> list[Document]:
        """Documents by date, newest first; undated ones last, by title (sorted once: pages ask often)."""
        dated = sorted((d for d in self.documents if d.date), key=lambda d: (period_sort_key(d.date), d.id), reverse=True)
        undated = sorted((d for d in self.documents if not d.date), key=lambda d: (d.label, d.id))
        return dated + undated

    def contributions(self, document: Document) -> dict[str, int]:
        """How many facts of each shown kind `document` gave the site."""
        return {kind: len(self.facts_of(kind, document)) for kind in KIND_NAMES if self.facts_of(kind, document)}


def link(documents: list[Document], skipped: list[Skipped], facts) -> Corpus:
    """The corpus of `documents`, in a stable order, with their facts and what joins them."""
    ordered = sorted(documents, key=lambda d: d.source_file)

    def every(kind: str) -> list[Any]:
        return [fact for d in ordered for fact in facts.get(kind, {}).get(d.id, [])]

    frameworks = every("frameworks")
    # A strategy's members are pillars, not terms; the parts a list names (柜面通, 营销通) may be terms.
    members = {member for framework in frameworks if framework.strategy for member in framework.members}
    index = build_terms(ordered, every("term_candidates"), exclude=members)
    glossary, series = build_glossary(every("metrics"))
    names = {t.id: t.name for t in index.terms if t.kind == "organization"}
    corpus = Corpus(
        ordered, sorted(skipped, key=lambda s: s.source_file), facts,
        glossary=glossary, series_of_metric=series, organisations=build_organisations(glossary, ordered, facts, names),
        timeline=build_timeline(every("events")),
        spans=build_spans(every("events")), frameworks=build_pillars(ordered, frameworks, index),
        terms=index.terms, mentions=index.in_document,
    )
    # What joins documents through their pillars, over the pillars the corpus made of the frameworks.
    corpus.related = related_documents(ordered, index.terms, corpus.pillars)
    corpus.links = _text_links(ordered, index, corpus.pillars)
    return corpus


def _text_links(documents: list[Document], index: TermIndex, pillars: list[Pillar]) -> dict[str, DocumentLinks]:
    """Links from the text: each pillar where its framework names it and where
    its elaborations open, then each term's first mention in a document.

    A document's links depend on it, the terms' names and its own pillar
    links only: their key hashes those, and stands for them in its pages' keys.
    """
    pillar_links: dict[str, list[tuple[str, int, int, str]]] = {}  # document -> (sentence id, *TextLink)

    def add_pillar_link(document: str, sentence_id: str, start: int, end: int, path: str) -> None:
        pillar_links.setdefault(document, []).append((sentence_id, start, end, path))

    for pillar in pillars:
        for statement in pillar.statements:
            start = statement.sentence.find(pillar.name)
            if start >= 0:
                add_pillar_link(statement.document, statement.sentence_id, start, start + len(pillar.name),
                                f"pillars/{pillar.id}.md")
        for passage in pillar.passages:
            if passage.elaboration and passage.text.startswith(pillar.name):
                add_pillar_link(passage.document, passage.sentence_ids[0], 0, len(pillar.name),
                                f"pillars/{pillar.id}.md")

    def links_of(document: Document, own: list[tuple[str, int, int, str]]) -> dict[str, list[TextLink]]:
        links: dict[str, list[TextLink]] = {}

        def add(sentence_id: str, start: int, end: int, path: str) -> None:
            found = links.setdefault(sentence_id, [])
            # The first link over a stretch of text wins.
            if all(end <= other_start or other_end <= start for other_start, other_end, _ in found):
                found.append((start, end, path))

        for link in own:
            add(*link)
        seen: set[str] = set()
        for term, mention in index.by_term(document.id):
            if term.id not in seen:
                seen.add(term.id)
                add(mention.sentence_id, mention.start, mention.end, f"terms/{term.id}.md")
        for found in links.values():
            found.sort()
        return links

    every_link = {}
    for document in documents:
        own = pillar_links.get(document.id, [])
        key = fingerprint("links", index.dictionary, document, own)
        every_link[document.id] = DocumentLinks(key, links_of(document, own))
    return every_link
