"""Organisations: what the corpus says each one reported, planned, stated and did.

Every fact names its owner (`entity_id`); an organisation's page gathers
its figures, latest actual first, by indicator and series; its targets
apart; the frameworks it states; its dated events; the documents that speak
of it; and, for each indicator other organisations report too, their latest
values beside its own, a half-year beside a half-year, a year beside a year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.extract.frameworks import PLACEMENTS
from generator.link.glossary import Indicator, Series
from generator.model import Document
from generator.timeexpr import period_sort_key


@dataclass
class Comparison:
    """One indicator as an organisation and its peers report it for the same kind of period."""

    indicator: Indicator
    own: Any  # the organisation's latest actual Metric
    peers: list[Any]  # the others' actual Metric of the same period (else kind of period), unit, level or change


@dataclass
class Organisation:
    """An organisation that owns facts: its term's id and name, and what it owns."""

    id: str
    name: str
    series: list[tuple[Indicator, Series]] = field(default_factory=list)  # on a glossary page, by indicator
    one_off: list[Any] = field(default_factory=list)  # figures of no glossary page, latest first
    events: list[Any] = field(default_factory=list)  # in date order
    frameworks: list[Any] = field(default_factory=list)  # the statements: strategies first (see build_organisations)
    documents: list[str] = field(default_factory=list)  # ids of the documents its facts come from
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def targets(self) -> list[Any]:
        return [m for _, series in self.series for m in series.targets]


def build_organisations(glossary: list[Indicator], documents: list[Document], facts: dict[str, dict[str, list[Any]]],
                        names: dict[str, str]) -> list[Organisation]:
    """An organisation for each term id that owns a fact (`names`: term id -> name), those of the most
    documents first; `facts` by kind and document id, read in the order of `documents`."""
    found: dict[str, Organisation] = {}

    def of(entity_id: str | None) -> Organisation | None:
        if entity_id is None or entity_id not in names:
            return None
        return found.setdefault(entity_id, Organisation(entity_id, names[entity_id]))

    paged = {m.id for indicator in glossary for m in indicator.metrics}
    for indicator in glossary:
        for series in indicator.series:
            organisation = of(series.entity_id)
            if organisation is not None:
                organisation.series.append((indicator, series))
    for kind in ("metrics", "events", "frameworks"):
        for document in documents:
            for fact in facts.get(kind, {}).get(document.id, []):
                organisation = of(fact.entity_id)
                if organisation is None:
                    continue
                if fact.document not in organisation.documents:
                    organisation.documents.append(fact.document)
                if kind == "events":
                    organisation.events.append(fact)
                elif kind == "frameworks":
                    organisation.frameworks.append(fact)
                elif fact.id not in paged and fact.kind == "actual":
                    organisation.one_off.append(fact)
    for organisation in found.values():
        organisation.events.sort(key=lambda e: (period_sort_key(e.date), e.document, e.id))
        # Its strategies first, those stated up front first; then the lists of parts it gives.
        organisation.frameworks.sort(key=lambda f: (not f.strategy, PLACEMENTS.index(f.placement)))
        organisation.one_off.sort(key=lambda m: (period_sort_key(m.period), m.id), reverse=True)
        organisation.documents.sort()
        organisation.comparisons = _comparisons(organisation, glossary)
    return sorted(found.values(), key=lambda o: (-len(o.documents), o.name))


def _comparisons(organisation: Organisation, glossary: list[Indicator]) -> list[Comparison]:
    comparisons = []
    for indicator, series in organisation.series:
        own = series.latest
        if own is None or series.scope:
            continue
        peers = [peer for other in indicator.series
                 if other.entity_id not in (None, organisation.id) and not other.scope
                 and other.unit == series.unit and other.change == series.change
                 for peer in [other.like(own.period)] if peer is not None]
        if peers:
            comparisons.append(Comparison(indicator, own, sorted(peers, key=lambda m: -m.signed_value)))
    return comparisons

