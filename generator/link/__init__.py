"""Linking: the whole corpus as one structure the pages are rendered from.

The link stage sees every document and every fact at once; it is where
anything that joins documents (ordering, counts, later shared terms and
pillars) is computed, so that rendering only formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.link.glossary import Indicator, build_glossary
from generator.link.timeline import Span, TimelineYear, build_spans, build_timeline
from generator.model import Document, Skipped
from generator.timeexpr import period_sort_key

#: Readable names of the fact kinds, for the pages.
KIND_NAMES = {"metrics": "指标", "events": "事件", "pillars": "支柱", "terms": "术语"}


@dataclass
class Corpus:
    """Every document, every fact, and what joins them."""

    documents: list[Document]  # in corpus order (by source file)
    skipped: list[Skipped] = field(default_factory=list)
    facts: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # kind -> document id -> facts
    glossary: list[Indicator] = field(default_factory=list)
    timeline: list[TimelineYear] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.indicator_of_metric = {m.id: i for i in self.glossary for m in i.metrics}
        self.documents_by_id = {d.id: d for d in self.documents}

    def facts_of(self, kind: str, document: Document) -> list[Any]:
        """The facts of one kind that `document` gave."""
        return self.facts.get(kind, {}).get(document.id, [])

    @property
    def newest_first(self) -> list[Document]:
        """Documents by date, newest first; undated ones last, by title."""
        dated = sorted((d for d in self.documents if d.date), key=lambda d: (period_sort_key(d.date), d.id), reverse=True)
        undated = sorted((d for d in self.documents if not d.date), key=lambda d: (d.title, d.id))
        return dated + undated

    def contributions(self, document: Document) -> dict[str, int]:
        """How many facts of each kind `document` gave the site."""
        return {kind: len(self.facts_of(kind, document)) for kind in self.facts if self.facts_of(kind, document)}


def link(documents: list[Document], skipped: list[Skipped], facts) -> Corpus:
    """The corpus of `documents`, in a stable order, with their facts and what joins them."""
    ordered = sorted(documents, key=lambda d: d.source_file)
    def every(kind: str) -> list[Any]:
        return [fact for d in ordered for fact in facts.get(kind, {}).get(d.id, [])]

    return Corpus(ordered, sorted(skipped, key=lambda s: s.source_file), facts,
                  glossary=build_glossary(every("metrics")), timeline=build_timeline(every("events")),
                  spans=build_spans(every("events")))
