"""The pages of the site, each with the context its template reads.

A context holds exactly what its page prints, so its fingerprint says when
the page must be rendered again: a document page names the pillars and terms
it links to by `Ref`, not by the whole `Pillar` or `Term`, so that a passage
added to a pillar elsewhere leaves the page as it was. Templates read only
their context and the environment's rule data, never the corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import partial
from operator import attrgetter
from typing import Any, NamedTuple

from generator import rules
from generator.extract.events import Event
from generator.link import NO_LINKS, Corpus
from generator.link.glossary import Indicator, categories
from generator.link.organisations import Organisation
from generator.link.pillars import Pillar
from generator.link.terms import Term
from generator.model import Document, RemovedText, Section
from generator.render.periods import PeriodPage, by_period, finer, period_of, period_title
from generator.timeexpr import period_end, period_sort_key, period_start


class Ref(NamedTuple):
    """Another page, as a link to it shows it."""

    id: str
    name: str
    group: str = ""  # a pillar's framework
    aliases: tuple[str, ...] = ()  # a term's other names


class Page(NamedTuple):
    """A page to render: its path under docs/, its template, and what the template reads."""

    path: str
    template: str
    context: dict[str, Any]
    #: For some names in the context, a hash of what their value is made from
    #: (a document's own facts: its fingerprint), which the key hashes instead:
    #: it is shorter than the value.
    stand_ins: dict[str, str] = {}

    @property
    def inputs(self) -> dict[str, Any]:
        """What the page's key hashes: its context, with the stand-ins for the values they stand for."""
        return {name: self.stand_ins.get(name, value) for name, value in self.context.items()}


def _pillar_refs(pillars: Iterable[Pillar]) -> list[Ref]:
    return [Ref(p.id, p.name, group=p.group) for p in pillars]


def _titles(corpus: Corpus, ids: Iterable[str]) -> dict[str, str]:
    """The titles of the documents a page links to, by id."""
    return {id: corpus.titles[id] for id in sorted(set(ids))}


def _indicators(corpus: Corpus, metrics) -> dict[str, Ref]:
    """The glossary indicator each metric belongs to, by metric id."""
    found = {}
    for metric in metrics:
        indicator = corpus.indicator_of_metric.get(metric.id)
        if indicator is not None:
            found[metric.id] = Ref(indicator.id, indicator.name)
    return found


def document_chapters(document: Document) -> tuple[list[Section], list[list[Section]]]:
    """A document's text as its page shows it: `(sections on the document's page, chapters)`.

    A long document (a report) is split: each top-level section opens a
    chapter with a page of its own, and the document's page keeps what comes
    before the first and the contents. A short one has no chapters.
    """
    starts = [i for i, s in enumerate(document.sections) if s.title is not None and s.level == 1]
    long = sum(1 for _ in document.sentences()) >= rules.load("structure")["chapters"]["split_min_sentences"]
    if not long or len(starts) < 2:
        return document.sections, []
    bounds = zip(starts, starts[1:] + [len(document.sections)])
    return document.sections[:starts[0]], [document.sections[start:end] for start, end in bounds]


def document_page(corpus: Corpus, document: Document, diagnostics: str) -> Page:
    """A document's page; `diagnostics` is the path of the page that reports how it was read."""
    metrics = corpus.facts_of("metrics", document)
    related = corpus.related.get(document.id, [])
    links = corpus.links.get(document.id, NO_LINKS)
    sections, chapters = document_chapters(document)
    return Page(f"documents/{document.id}.md", "document.md.j2", {
        "document": document,
        "sections": sections,
        "chapters": [(number, chapter[0].title) for number, chapter in enumerate(chapters, start=1)],
        "chapter_of": {sentence.id: number for number, chapter in enumerate(chapters, start=1)
                       for sentence in _sentences(chapter)},
        "links": links.by_sentence,
        "metrics": metrics,
        "indicators": _indicators(corpus, metrics),
        # The owners with a term page to link to.
        "owner_pages": sorted({m.entity_id for m in metrics if m.entity_id in corpus.term_ids}),
        "related": related,
        "titles": _titles(corpus, (other for other, _ in related)),
        "pillars": _pillar_refs(corpus.pillars_of_document(document)),
        "terms": [Ref(t.id, t.name, aliases=tuple(t.aliases)) for t in corpus.terms_of_document(document)],
        "diagnostics": diagnostics,
    }, stand_ins={
        # The document fixes its metrics and its text; which of the metrics have a glossary page depends on the corpus.
        "metrics": document.fingerprint, "sections": document.fingerprint, "chapter_of": document.fingerprint,
        # The document and the dictionary fix what it names, as they fix its links.
        "links": links.key, "terms": links.key,
    })


def chapter_page(corpus: Corpus, document: Document, number: int) -> Page:
    """Chapter `number` (from 1) of a long document."""
    chapters = document_chapters(document)[1]
    chapter = chapters[number - 1]
    links = corpus.links.get(document.id, NO_LINKS)
    sentences = {sentence.id for sentence in _sentences(chapter)}
    return Page(f"documents/{document.id}/{number}.md", "chapter.md.j2", {
        "document": document, "number": number, "count": len(chapters), "title": chapter[0].title,
        "sections": chapter,
        "links": {sentence: found for sentence, found in links.by_sentence.items() if sentence in sentences},
    }, stand_ins={"sections": document.fingerprint, "links": links.key})


def _sentences(sections: list[Section]):
    for section in sections:
        if section.heading is not None:
            yield section.heading
        for paragraph in section.paragraphs:
            yield from paragraph.sentences


def term_page(corpus: Corpus, term: Term) -> Page:
    limits = rules.load("terms")
    counts = term.mention_counts()
    shown = term.first_mentions(limits["documents_with_context"], limits["mentions_per_document"])
    measured = Counter(map(corpus.indicator_of_metric.get, map(attrgetter("id"),
                                                               corpus.facts_mentioning("metrics", term))))
    unindexed = measured.pop(None, 0)
    return Page(f"terms/{term.id}.md", "term.md.j2", {
        "term": Ref(term.id, term.name, aliases=tuple(term.aliases)),
        "has_organisation_page": term.id in corpus.organisation_ids,
        "kind": term.kind,
        "posts": term.posts,
        "authored": term.authored,
        "document_count": len(term.documents),
        "mention_count": len(term.mentions),
        # The first documents with their first mentions and how many more; the others by count only.
        "quoted": [(document, found, counts[document] - len(found)) for document, found in shown.items()],
        "others": [(document, count) for document, count in counts.items() if document not in shown],
        "titles": _titles(corpus, term.documents),
        "pillars": _pillar_refs(corpus.pillars_mentioning(term)),
        # What the sentences naming the term measure: each indicator with how many values.
        "indicators": [(Ref(i.id, i.name), count) for i, count in measured.most_common()],
        "unindexed": unindexed,
    })


def pillar_page(corpus: Corpus, pillar: Pillar) -> Page:
    metrics = corpus.facts_in_pillar("metrics", pillar)
    shown = [s.document for s in pillar.statements] + [p.document for p in pillar.passages]
    return Page(f"pillars/{pillar.id}.md", "pillar.md.j2", {
        "pillar": pillar,
        "owners": framework_owners(pillar.statements),
        "titles": _titles(corpus, shown + [m.document for m in metrics]),
        "metrics": metrics,
        "indicators": _indicators(corpus, metrics),
        "events": corpus.facts_in_pillar("events", pillar),
    })


def indicator_page(corpus: Corpus, indicator: Indicator) -> Page:
    return Page(f"metrics/{indicator.id}.md", "indicator.md.j2", {
        "indicator": indicator,
        "titles": _titles(corpus, (m.document for m in indicator.metrics)),
        "organisation_ids": sorted({m.entity_id for m in indicator.metrics} & corpus.organisation_ids),
    })


class OwnerOverview(NamedTuple):
    """An organisation as the home page sums it up."""

    organisation: Ref
    documents: int
    frameworks: list[str]  # the strategies it states, by name
    headlines: list  # (indicator Ref, its latest actual Metric), catalogue indicators first


HOME = {"owners": 12, "headlines": 3, "recent_events": 8}

#: The most entries a page of the timeline or of the document list holds before it is split by
#: period (`generator.render.periods`); a day's page is never split.
PERIOD_PAGE_ENTRIES = 200


def home_page(corpus: Corpus, documents: PeriodPage[Document]) -> Page:
    """An overview (who is covered, over which period, their strategies, headline figures and latest
    events), then the documents: all of them, or, for a corpus too large for one page, the periods
    that page them (`documents`, the whole of `document_periods`)."""
    owners = [OwnerOverview(Ref(o.id, o.name), len(o.documents),
                            list(dict.fromkeys(f.name for f in o.frameworks if f.strategy)),
                            [(Ref(i.id, i.name), s.latest) for i, s in sorted(
                                ((i, s) for i, s in o.series if s.latest and not s.change and not s.scope),
                                key=lambda pair: not pair[0].catalogued)][:HOME["headlines"]])
              for o in corpus.organisations[:HOME["owners"]]]
    dates = sorted(d.date for d in corpus.documents if d.date)
    # What happened by the newest document's time: not a plan's year ahead.
    events = sorted((e for e in corpus.timeline
                     if e.entity and (not dates or period_start(e.date) <= period_end(dates[-1]))),
                    key=lambda e: (period_sort_key(e.date), e.id), reverse=True)[:HOME["recent_events"]]
    return Page("index.md", "home.md.j2", {
        "document_count": documents.total,
        "skipped": corpus.skipped,
        "owners": owners,
        "owner_count": len(corpus.organisations),
        "period": (dates[0], dates[-1]) if dates else None,
        "recent": events,
        **_document_list(corpus, documents),
    })


def document_periods(corpus: Corpus) -> PeriodPage[Document]:
    """The documents, newest first, paged by the period of their date."""
    return by_period(corpus.newest_first, lambda d: d.date, PERIOD_PAGE_ENTRIES, newest_first=True)


def archive_page(corpus: Corpus, documents: PeriodPage[Document], parent: PeriodPage[Document]) -> Page:
    """The documents of one period, under the home page (`document_periods`)."""
    return Page(_period_path(ARCHIVE, documents.key), "archive.md.j2", {
        "title": period_title(documents.key),
        "document_count": documents.total,
        "parent": _period_link(ARCHIVE, parent, "文档总览"),
        **_document_list(corpus, documents),
    })


def _document_list(corpus: Corpus, documents: PeriodPage[Document]) -> dict[str, Any]:
    return {
        "documents": documents.entries,
        "contributions": {d.id: corpus.contributions(d) for d in documents.entries},
        "parts": _part_links(ARCHIVE, documents),
    }


#: Where the pages by period live, under docs/: those of the documents (the first is the home
#: page), of the events (the first is timeline.md) and of how the documents were read (diagnostics.md).
ARCHIVE = "archive"
TIMELINE = "timeline"
DIAGNOSTICS = "diagnostics"


def _period_path(folder: str, key: str) -> str:
    """The path under docs/ of the page of period `key` in `folder` ("" the whole)."""
    if key:
        return f"{folder}/{key}.md"
    return "index.md" if folder == ARCHIVE else f"{folder}.md"


def _period_link(folder: str, period: PeriodPage, whole: str = "") -> tuple[str, str]:
    """A link to a period's page: its path under docs/ and its name (`whole`, the first page's)."""
    return _period_path(folder, period.key), period_title(period.key) if period.key else whole


def _part_links(folder: str, period: PeriodPage) -> list[tuple[str, str, int]]:
    """Links to the pages of a period's parts, each with how many entries it holds. (A link up has no
    count: the page does not print it, and it changes with every entry added.)"""
    return [(*_period_link(folder, part), part.total) for part in period.parts]


class Reading(NamedTuple):
    """How a document was read, as the diagnostics report it; not its text, which mostly changes alone."""

    id: str
    source_file: str
    title: str
    format: str
    encoding: str
    meta_sources: dict[str, str]
    warnings: list[str]
    removed: list[RemovedText]


def reading_periods(corpus: Corpus) -> PeriodPage[Document]:
    """The documents in corpus order, paged by period as the home page pages them (`document_periods`)."""
    return by_period(corpus.documents, lambda d: d.date, PERIOD_PAGE_ENTRIES, newest_first=True)


def diagnostics_page(corpus: Corpus, documents: PeriodPage[Document], parent: PeriodPage[Document] | None = None
                     ) -> Page:
    """How the documents of a period (the whole, for diagnostics.md) were read; the whole's page also
    lists the files passed over."""
    readings = [Reading(d.id, d.source_file, d.label, d.format, d.encoding, d.meta_sources, d.warnings, d.removed)
                for d in documents.entries]
    return Page(_period_path(DIAGNOSTICS, documents.key), "diagnostics.md.j2", {
        "title": period_title(documents.key) if documents.key else "",
        "parent": _period_link(DIAGNOSTICS, parent, "读取诊断") if parent else None,
        "parts": _part_links(DIAGNOSTICS, documents),
        "documents": readings,
        "skipped": corpus.skipped if not documents.key else [],
    })


def _diagnostics_paths(readings: PeriodPage[Document]) -> dict[str, str]:
    """The page that reports each document's reading, by document id."""
    return {d.id: _period_path(DIAGNOSTICS, page.key) for page in readings.pages() for d in page.entries}


def event_periods(corpus: Corpus) -> PeriodPage[Event]:
    """The events, in time order, paged by the finest period their date names: an event of 上半年
    stays on its year's page."""
    return by_period(corpus.timeline, lambda e: e.date, PERIOD_PAGE_ENTRIES)


def timeline_page(corpus: Corpus, events: PeriodPage[Event], parent: PeriodPage[Event] | None = None) -> Page:
    """The events of a period (the whole, for timeline.md), in sections by the next finer period; the
    whole's page also draws the events that last years."""
    width = finer(period_of(events.key)) or len(events.key)
    sections: dict[str, list[Event]] = {}
    for event in events.entries:
        sections.setdefault(period_start(event.date)[:width], []).append(event)
    spans = corpus.spans if not events.key else []
    shown = events.entries + [span.event for span in spans]
    documents = {e.document for e in shown}
    owners = {e.entity_id for e in shown}
    return Page(_period_path(TIMELINE, events.key), "timeline.md.j2", {
        "title": period_title(events.key) if events.key else "",
        "event_count": events.total,
        "document_count": len({e.document for e in events.every_entry()}),
        "parent": _period_link(TIMELINE, parent, "时间线") if parent else None,
        "parts": _part_links(TIMELINE, events),
        "sections": [(key, key if len(key) == 4 else period_title(key), found) for key, found in sections.items()],
        "spans": spans,
        "titles": _titles(corpus, documents),
        "pillars_of": {e.id: _pillar_refs(corpus.pillars_of(e.document, e.sentence_id)) for e in shown},
        # The filter lists documents newest first, pillars by framework.
        "documents": [Ref(d.id, d.label) for d in corpus.newest_first if d.id in documents],
        "frameworks": [(group.name, refs) for group in corpus.frameworks
                       for refs in [_pillar_refs(p for p in group.pillars if p.has_page)] if refs],
        "owners": [Ref(o.id, o.name) for o in corpus.organisations if o.id in owners],
    })


def metrics_index_page(corpus: Corpus) -> Page:
    # Each category with one row per indicator: the row, not the indicator's every value.
    rows = [(c, [(Ref(i.id, i.name), i.latest, len(i.metrics), len(i.documents))
                 for i in corpus.glossary if i.category == c.id]) for c in categories()]
    return Page("metrics/index.md", "metrics.md.j2", {
        "indicator_count": len(corpus.glossary), "metric_count": len(corpus.indicator_of_metric),
        "groups": [(category, members) for category, members in rows if members],
    })


class FrameworkRow(NamedTuple):
    """A framework as the pillars index shows it: its owners, its first statements, and a row per pillar."""

    name: str
    owners: list[str]  # the organisations that state it as theirs: 中国工商银行 · 科技强行
    strategy: bool  # stated as a strategy; otherwise a list of parts, shown apart with no pillar pages
    statements: list  # the first few
    statement_count: int
    pillars: list[tuple[Ref, int, int, bool]]  # the pillar, its passages and documents counted, whether it has a page


def framework_owners(statements) -> list[str]:
    """The organisations that state a framework, in the order they first do."""
    return list(dict.fromkeys(s.entity for s in statements if s.entity))


#: How many of a framework's statements the pillars index quotes.
STATEMENTS_SHOWN = 5


def pillars_index_page(corpus: Corpus) -> Page:
    frameworks = [FrameworkRow(group.name, framework_owners(group.statements), group.strategy,
                               group.statements[:STATEMENTS_SHOWN], len(group.statements),
                               [(Ref(p.id, p.name, group=p.group), len(p.passages), len(p.documents), p.has_page)
                                for p in group.pillars])
                  for group in corpus.frameworks]
    return Page("pillars/index.md", "pillars.md.j2", {
        "frameworks": frameworks,
        "titles": _titles(corpus, (s.document for row in frameworks for s in row.statements)),
    })


def terms_index_page(corpus: Corpus) -> Page:
    initials: dict[str, list] = {}
    for term in corpus.terms:
        initials.setdefault(term.initial, []).append(
            (Ref(term.id, term.name, aliases=tuple(term.aliases)), term.kind, len(term.documents)))
    return Page("terms/index.md", "terms.md.j2", {"term_count": len(corpus.terms),
                                                  "initials": dict(sorted(initials.items()))})


def organisations_index_page(corpus: Corpus) -> Page:
    return Page("organisations/index.md", "organisations.md.j2", {
        "organisations": [(Ref(o.id, o.name), len(o.documents), sum(len(s.metrics) for _, s in o.series) +
                           len(o.one_off), len(o.events), sum(f.strategy for f in o.frameworks))
                          for o in corpus.organisations],
    })


def organisation_page(corpus: Corpus, organisation: Organisation) -> Page:
    """An organisation's figures by indicator (latest first, targets apart), frameworks, events and
    documents, and how it compares with its peers on the indicators they share."""
    documents = set(organisation.documents) | {f.document for f in organisation.frameworks}
    return Page(f"organisations/{organisation.id}.md", "organisation.md.j2", {
        "organisation": organisation,
        "titles": _titles(corpus, documents),
    })


def site_pages(corpus: Corpus) -> list[Callable[[], Page]]:
    """Every Markdown page of the site, each as the function that gathers it.

    Gathering a page's context is most of its cost, so the list can be shared
    out between processes before any is gathered.
    """
    documents, events, readings = document_periods(corpus), event_periods(corpus), reading_periods(corpus)
    pages = [partial(home_page, corpus, documents), partial(timeline_page, corpus, events),
             partial(diagnostics_page, corpus, readings)]
    pages += [partial(page, corpus) for page in (metrics_index_page, pillars_index_page, terms_index_page,
                                                  organisations_index_page)]
    # The pages of the periods that page the documents, the events and the readings.
    for period_page, whole in ((archive_page, documents), (timeline_page, events), (diagnostics_page, readings)):
        pages += [partial(period_page, corpus, part, parent) for parent in whole.pages() for part in parent.parts]
    # A page for each document, pillar, term and indicator, named by its id.
    diagnostics = _diagnostics_paths(readings)
    pages += [partial(document_page, corpus, d, diagnostics[d.id]) for d in corpus.documents]
    pages += [partial(chapter_page, corpus, d, number) for d in corpus.documents
              for number in range(1, len(document_chapters(d)[1]) + 1)]
    pages += [partial(pillar_page, corpus, p) for p in corpus.pillars]
    pages += [partial(term_page, corpus, t) for t in corpus.terms]
    pages += [partial(indicator_page, corpus, i) for i in corpus.glossary]
    pages += [partial(organisation_page, corpus, o) for o in corpus.organisations]
    return pages
