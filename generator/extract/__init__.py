"""Extraction: facts found in one document at a time.

An extractor reads the typed `Document` (sentences with stable ids) and returns
facts of one kind, each naming the sentence it comes from. Adding an extractor
means adding one module here and naming it in `EXTRACTORS`; the link stage and
the export pick its facts up by `kind`.
"""

from __future__ import annotations

from typing import Any, Protocol

from generator.model import Document


class Extractor(Protocol):
    """Finds the facts of one kind in a document."""

    #: the report.json list its facts fill: "metrics", "events", ...
    kind: str

    def extract(self, document: Document) -> list[Any]:
        """The facts of `document`: dataclasses with at least `id`, `document` and `sentence_id`."""
        ...


from generator.extract.events import EventExtractor  # noqa: E402  (after the protocol they implement)
from generator.extract.frameworks import FrameworkExtractor  # noqa: E402
from generator.extract.metrics import MetricExtractor  # noqa: E402
from generator.extract.terms import TermExtractor  # noqa: E402

#: The extractors every build runs, in order.
EXTRACTORS: tuple[Extractor, ...] = (MetricExtractor(), EventExtractor(), FrameworkExtractor(), TermExtractor())


def extract_document(document: Document, extractors=EXTRACTORS) -> dict[str, list[Any]]:
    """The facts of one document, per kind."""
    return {extractor.kind: extractor.extract(document) for extractor in extractors}


def extract_all(documents: list[Document], extractors=EXTRACTORS) -> dict[str, dict[str, list[Any]]]:
    """Facts per kind, per document id: `facts[kind][document.id]`."""
    facts: dict[str, dict[str, list[Any]]] = {e.kind: {} for e in extractors}
    for document in documents:
        for kind, found in extract_document(document, extractors).items():
            facts[kind][document.id] = found
    return facts
