"""The report: the extracted structure as the contract's `report.json`.

See CONTRACT.md. The same corpus always gives byte-identical output: keys are
sorted and every list has a stable order.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any
from urllib.parse import urljoin

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
        "meta_sources": document.meta_sources,
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
    """The whole report for `corpus`, as data."""
    return json.loads(report_json(corpus))


def report_json(corpus: Corpus, parts: list[dict[str, Any]] | None = None) -> bytes:
    """The whole report for `corpus` as UTF-8 JSON, the same bytes `dumps` gives, encoded.

    It grows with the corpus, so it is assembled from each document's part
    (`document_parts`), as bytes: joining them is a copy.
    """
    parts = parts or document_parts(corpus)
    fields = {
        "schema_version": _encoded(SCHEMA_VERSION),
        "documents": _json_list(part["document"] for part in parts),
        "skipped": _encoded([{"source_file": s.source_file, "reason": s.reason} for s in corpus.skipped]),
        "pillars": _encoded([pillar_record(p) for p in corpus.all_pillars]),
        "terms": _encoded([term_record(t) for t in corpus.terms]),
        "frameworks": _encoded([
            {"name": g.name, "members": list(g.members), "pillars": [p.id for p in g.pillars], "strategy": g.strategy,
             "statements": [{"document": f.document, "sentence": f.sentence, "source_url": f.source_url,
                             "entity": f.entity, "entity_id": f.entity_id, "placement": f.placement}
                            for f in g.statements]}
            for g in corpus.frameworks
        ]),
    }
    for kind in FACT_LISTS:
        fields[kind] = _json_list(part[kind] for part in parts if part[kind])
    return b"{" + b",".join(_encoded(name) + b":" + value for name, value in sorted(fields.items())) + b"}\n"


def document_parts(corpus: Corpus, site_url: str = "") -> list[dict[str, Any]]:
    """Each document's share of the data files, in corpus order: its record and its
    facts' records as JSON, and the CSV row of each fact (`"metrics.csv"`: a list, in the
    facts' order), each UTF-8 encoded.
    With `site_url`, the CSV rows' links are absolute (a spreadsheet has no page to be relative to).
    """
    parts = []
    for document in corpus.documents:
        joins = {kind: [fact_joins(corpus, kind, fact) for fact in corpus.facts_of(kind, document)]
                 for kind in FACT_LISTS}
        parts.append(_document_part(corpus, document, joins, site_url))
    return parts


def _document_part(corpus: Corpus, document: Document, joins: dict[str, list[dict[str, Any]]],
                   site_url: str) -> dict[str, Any]:
    part: dict[str, Any] = {"document": _encoded(document_record(document))}
    for kind in FACT_LISTS:
        records = [fact_record(fact, joined) for fact, joined in zip(corpus.facts_of(kind, document), joins[kind])]
        part[kind] = ",".join(map(_json, records)).encode("utf-8")
        part[f"{kind}.csv"] = _csv_rows(CSV_COLUMNS[kind], [_csv_record(r, document.label, site_url) for r in records])
    return part


def _csv_record(record: dict[str, Any], document_title: str, site_url: str) -> dict[str, Any]:
    """A fact's record as a CSV row has it: with its document's title, its link absolute when the site has an address."""
    return {**record, "document_title": document_title, "source_url": absolute_url(record["source_url"], site_url)}


def absolute_url(url: str, site_url: str) -> str:
    """A site-relative `url` (documents/x/#s-1) at the site's address; as it is when there is none."""
    return urljoin(site_url.rstrip("/") + "/", url) if site_url else url


def pillar_record(pillar) -> dict[str, Any]:
    """A pillar as the contract describes it, with its gathered passages."""
    return {
        "id": pillar.id, "name": pillar.name, "group": pillar.group, "documents": pillar.documents,
        # A pillar with no page of its own is on the index, which lists every framework.
        "strategy": pillar.strategy, "url": f"pillars/{pillar.id}/" if pillar.has_page else "pillars/",
        "passages": [{"document": p.document, "sentence_ids": list(p.sentence_ids), "score": p.score,
                      "elaboration": p.elaboration} for p in pillar.passages],
    }


def term_record(term) -> dict[str, Any]:
    """A term as the contract describes it."""
    return {
        "id": term.id, "name": term.name, "kind": term.kind, "aliases": term.aliases, "posts": term.posts,
        "documents": term.documents, "mentions": len(term.mentions), "url": f"terms/{term.id}/",
    }


def fact_joins(corpus: Corpus, kind: str, fact) -> dict[str, Any]:
    """What linking adds to a fact's record: its pillars; a metric's glossary indicator (None: a
    one-off figure, on its document's page only) and its series."""
    joins: dict[str, Any] = {"pillars": [p.id for p in corpus.pillars_of(fact.document, fact.sentence_id)]}
    if kind == "metrics":
        indicator = corpus.indicator_of_metric.get(fact.id)
        joins["indicator"] = indicator.id if indicator else None
        joins["indicator_name"] = indicator.name if indicator else None
        joins["series"] = corpus.series_of_metric.get(fact.id)
    return joins


def fact_record(fact, joins: dict[str, Any]) -> dict[str, Any]:
    """A fact as a report record, with what linking adds to it."""
    return {**vars(fact), **joins}  # facts are flat dataclasses: a shallow copy is the record


EVENT_COLUMNS = ("id", "document", "date", "precision", "text", "sentence", "source_url", "entity", "entity_id",
                 "page", "document_title")
# Columns are added at the end, never moved: users' spreadsheets read them by position.
METRIC_COLUMNS = ("id", "document", "indicator", "subject", "text", "value", "unit", "qualifier", "change",
                  "direction", "basis", "entity", "period", "sentence", "source_url", "signed_value",
                  "entity_id", "kind", "scope", "series", "page", "indicator_name", "document_title")
CSV_COLUMNS = {"metrics": METRIC_COLUMNS, "events": EVENT_COLUMNS}


def _csv_rows(columns: tuple[str, ...], records: list[dict[str, Any]]) -> list[bytes]:
    """Each record as a CSV row (a quoted cell may hold a line break: a row may be several lines)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    rows = []
    for record in records:
        writer.writerow([spreadsheet_safe(record.get(name, "")) for name in columns])
        rows.append(out.getvalue().encode("utf-8"))
        out.seek(0)
        out.truncate()
    return rows


#: What makes a spreadsheet program read a cell as a formula (=HYPERLINK(…), +cmd|…, -2+3, @SUM(…)).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that no spreadsheet program runs: text that would start a formula gets a leading '.

    Numbers stay numbers, negative ones included.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def facts_csv(corpus: Corpus, kind: str, parts: list[dict[str, Any]] | None = None) -> bytes:
    """Every fact of one kind as CSV, UTF-8 with BOM, so that spreadsheet programs read the Chinese."""
    return _csv_header(CSV_COLUMNS[kind]) + b"".join(
        row for part in parts or document_parts(corpus) for row in part[f"{kind}.csv"])


def _csv_header(columns: tuple[str, ...]) -> bytes:
    """A CSV file's first line, after the byte-order mark spreadsheet programs need to read UTF-8 Chinese."""
    return ("\ufeff" + ",".join(columns) + "\n").encode("utf-8")


def _json(data: Any) -> str:
    """UTF-8 JSON text with sorted keys, as the contract asks (compact: it grows with the corpus)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _encoded(data: Any) -> bytes:
    """`data` as the report's JSON, UTF-8 encoded."""
    return _json(data).encode("utf-8")


def _json_list(items) -> bytes:
    """A JSON list of items already in encoded JSON (an item may be several, comma-joined)."""
    return b"[" + b",".join(items) + b"]"


def dumps(data: dict[str, Any]) -> str:
    """`data` as the report's JSON text."""
    return _json(data) + "\n"


def data_files(corpus: Corpus, site_url: str = "") -> dict[str, bytes]:
    """The downloadable data: the report, the facts as CSV (all of them, and those of each
    indicator and each organisation, which their pages link to), the project's dictionary.
    With `site_url` (mkdocs.yml's), the CSV files' links are absolute; the report's stay relative."""
    parts = document_parts(corpus, site_url)
    files = {
        "data/report.json": report_json(corpus, parts),
        "data/metrics.csv": facts_csv(corpus, "metrics", parts),
        "data/events.csv": facts_csv(corpus, "events", parts),
        "data/userdict.txt": user_dictionary(corpus).encode("utf-8"),
    }
    rows = {metric.id: row for document, part in zip(corpus.documents, parts)
            for metric, row in zip(corpus.facts_of("metrics", document), part["metrics.csv"])}
    for indicator in corpus.glossary:
        files[metrics_csv_path("metrics", indicator.id)] = _metrics_csv(rows, indicator.metrics)
    for organisation in corpus.organisations:
        owned = [m for _, series in organisation.series for m in series.metrics] + organisation.one_off
        files[metrics_csv_path("organisations", organisation.id)] = _metrics_csv(rows, owned)
    files.update(figure_index(corpus))
    return files


#: A figure as written, from its first digit: 4.43亿户 of 4.43亿户, 4.3% of 同比增长4.3%.
_WRITTEN_FIGURE = re.compile(r"\d.*")
#: How many leading digits name the file of a figure's entries (`figure_index`).
FIGURE_KEY_DIGITS = 2


def figure_key(written: str) -> str:
    """The file a figure as written is looked up in: its first digits, point and separators left out
    (4.43亿户 and 4.43亿 are both in 44). The site's search script computes the same."""
    number = re.match(r"[\d.,]*", written).group()
    return "".join(char for char in number if char.isdigit())[:FIGURE_KEY_DIGITS]


def figure_index(corpus: Corpus) -> dict[str, bytes]:
    """Every figure the documents state, as written, with the sentence that states it: what the site's
    search looks a figure up in when one is typed (4.43亿, 1.54%), since its full-text index splits
    numbers at the point. One file per `figure_key`, so a query fetches only its own."""
    titles = corpus.titles
    files: dict[str, dict[tuple[str, str], dict[str, str]]] = {}
    for metric in (m for document in corpus.documents for m in corpus.facts_of("metrics", document)):
        written = _WRITTEN_FIGURE.search(metric.text)
        if not written:
            continue
        entry = {"figure": written.group(), "url": metric.source_url, "title": titles[metric.document],
                 "sentence": metric.sentence}
        files.setdefault(figure_key(entry["figure"]), {})[entry["figure"], entry["url"]] = entry
    return {f"data/figures/{key}.json": _encoded([entries[at] for at in sorted(entries)])
            for key, entries in sorted(files.items())}


def metrics_csv_path(kind: str, id: str) -> str:
    """Where the CSV of one indicator's (kind "metrics") or one organisation's metrics is, under docs/."""
    return f"data/{kind}/{id}.csv"


def _metrics_csv(rows: dict[str, bytes], metrics: list) -> bytes:
    """Some metrics, in their order, with the rows the CSV of all of them has (`rows`, by metric id)."""
    return _csv_header(METRIC_COLUMNS) + b"".join(rows[m.id] for m in metrics)


def user_dictionary(corpus: Corpus) -> str:
    """The dictionary the project built: every term, alias and pillar, in jieba's format (word freq tag)."""
    tags = {"organization": "nt", "person": "nr", "product": "nz", "concept": "n"}
    entries = {}
    for term in corpus.terms:
        for surface in term.surfaces:
            entries.setdefault(surface, tags[term.kind])
    for pillar in corpus.all_pillars:
        entries.setdefault(pillar.name, "n")
    return "".join(f"{word} 10 {tag}\n" for word, tag in sorted(entries.items()))
