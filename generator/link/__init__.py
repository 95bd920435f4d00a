"""Linking: the whole corpus as one structure the pages are rendered from.

The link stage sees every document and every fact at once; it is where
anything that joins documents (ordering, counts, later shared terms and
pillars) is computed, so that rendering only formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.model import Document, Skipped

#: Readable names of the fact kinds, for the pages.
KIND_NAMES = {"metrics": "指标", "events": "事件", "pillars": "支柱", "terms": "术语"}


@dataclass
class Corpus:
    """Every document, every fact, and what joins them."""

    documents: list[Document]  # in corpus order (by source file)
    skipped: list[Skipped] = field(default_factory=list)
    facts: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # kind -> document id -> facts

    @property
    def newest_first(self) -> list[Document]:
        """Documents by date, newest first; undated ones last, by title."""
        dated = sorted((d for d in self.documents if d.date), key=lambda d: (d.date, d.id), reverse=True)
        undated = sorted((d for d in self.documents if not d.date), key=lambda d: (d.title, d.id))
        return dated + undated

    def contributions(self, document: Document) -> dict[str, int]:
        """How many facts of each kind `document` gave the site."""
        return {kind: len(per_doc.get(document.id, [])) for kind, per_doc in self.facts.items()
                if per_doc.get(document.id)}


def link(documents: list[Document], skipped: list[Skipped], facts) -> Corpus:
    """The corpus of `documents`, in a stable order, with their facts."""
    ordered = sorted(documents, key=lambda d: d.source_file)
    return Corpus(ordered, sorted(skipped, key=lambda s: s.source_file), facts)
