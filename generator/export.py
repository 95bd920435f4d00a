"""The report: the extracted structure as the contract's `report.json`.

See CONTRACT.md. The same corpus always gives byte-identical output: keys are
sorted and every list has a stable order.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.link import Corpus
from generator.model import Document

SCHEMA_VERSION = 1
FACT_LISTS = ("metrics", "events")


def document_record(document: Document) -> dict[str, Any]:
    """A document as the contract describes it, with provenance beside."""
    return {
        "id": document.id,
        "source_file": document.source_file,
        "title": document.title,
        "title_known": document.title_known,
        "date": document.date,
        "author": document.field("author"),
        "author_post": document.author_post,
        "publisher": document.field("publisher"),
        "meta_sources": {name: value.source for name, value in document.meta.items()},
        "format": document.format,
        "encoding": document.encoding,
        "sections": [
            {"title": s.title, "number": s.number, "level": s.level} for s in document.titled_sections
        ],
        "sentences": sum(1 for _ in document.sentences()),
        "removed_lines": len(document.removed),
        "url": document.url,
    }


def report(corpus: Corpus) -> dict[str, Any]:
    """The whole report for `corpus`."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "documents": [document_record(d) for d in corpus.documents],
        "skipped": [{"source_file": s.source_file, "reason": s.reason} for s in corpus.skipped],
    }
    for kind in FACT_LISTS:
        data[kind] = [fact_record(corpus, fact) for d in corpus.documents for fact in corpus.facts_of(kind, d)]
    data["pillars"] = [pillar_record(p) for p in corpus.pillars]
    data["terms"] = [term_record(t) for t in corpus.terms]
    data["frameworks"] = [
        {"name": g.name, "members": list(g.members), "pillars": [p.id for p in g.pillars],
         "statements": [{"document": f.document, "sentence": f.sentence, "source_url": f.source_url}
                        for f in g.statements]}
        for g in corpus.frameworks
    ]
    return data


def pillar_record(pillar) -> dict[str, Any]:
    """A pillar as the contract describes it, with its gathered passages."""
    return {
        "id": pillar.id, "name": pillar.name, "group": pillar.group, "documents": pillar.documents,
        "url": f"pillars/{pillar.id}/",
        "passages": [{"document": p.document, "sentence_ids": list(p.sentence_ids), "score": p.score,
                      "elaboration": p.elaboration} for p in pillar.passages],
    }


def term_record(term) -> dict[str, Any]:
    """A term as the contract describes it."""
    return {
        "id": term.id, "name": term.name, "kind": term.kind, "aliases": term.aliases, "posts": term.posts,
        "documents": term.documents, "mentions": len(term.mentions), "url": f"terms/{term.id}/",
    }


def fact_record(corpus: Corpus, fact) -> dict[str, Any]:
    """A fact as a report record: a metric names its glossary indicator, an event its pillars."""
    record = dict(vars(fact))  # facts are flat dataclasses: a shallow copy is the record
    if fact.id in corpus.indicator_of_metric:
        record["indicator"] = corpus.indicator_of_metric[fact.id].id
    if hasattr(fact, "sentence_id"):
        record["pillars"] = [p.id for p in corpus.pillars_of(fact.document, fact.sentence_id)]
    return record


def facts_csv(corpus: Corpus, kind: str, columns: tuple[str, ...]) -> str:
    """Every fact of one kind as CSV (UTF-8 with BOM, so that spreadsheet programs read the Chinese)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for document in corpus.documents:
        for fact in corpus.facts_of(kind, document):
            writer.writerow(fact_record(corpus, fact))
    return "\ufeff" + out.getvalue()


EVENT_COLUMNS = ("id", "document", "date", "precision", "text", "sentence", "source_url")
METRIC_COLUMNS = ("id", "document", "indicator", "subject", "text", "value", "unit", "qualifier", "change",
                  "direction", "basis", "entity", "period", "sentence", "source_url")


def dumps(data: dict[str, Any]) -> str:
    """UTF-8 JSON text with sorted keys, as the contract asks (compact: it grows with the corpus)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def user_dictionary(corpus: Corpus) -> str:
    """The dictionary the project built: every term, alias and pillar, in jieba's format (word freq tag)."""
    tags = {"organization": "nt", "person": "nr", "product": "nz", "concept": "n"}
    entries = {}
    for term in corpus.terms:
        for surface in term.surfaces:
            entries.setdefault(surface, tags[term.kind])
    for pillar in corpus.pillars:
        entries.setdefault(pillar.name, "n")
    return "".join(f"{word} 10 {tag}\n" for word, tag in sorted(entries.items()))
