"""The metric glossary: metrics of every document grouped by what they measure.

A metric's subject is matched against the catalogue of indicators
(`generator/data/indicators.yaml`); the longest alias it contains decides,
and of two as long, the one that starts first: 绿色贷款余额 is a green loan's
balance, not any loan's (the words before a Chinese noun narrow it).
A subject no alias matches names an indicator of its own, so that the same
phrasing in two documents still meets on one page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache

from generator import rules
from generator.extract.metrics import Metric
from generator.timeexpr import period_sort_key


@dataclass
class Series:
    """The values of one indicator that can be compared: same unit, level or change."""

    unit: str
    change: bool
    metrics: list[Metric]  # by period, then document

    @property
    def dated(self) -> list[Metric]:
        """One value per period (the first document's), for a chart."""
        seen: dict[str, Metric] = {}
        for metric in self.metrics:
            if metric.period:
                seen.setdefault(metric.period, metric)
        return list(seen.values())


@dataclass(eq=False)  # one per id: counted by identity
class Indicator:
    """One measured thing and every value the corpus gives for it."""

    id: str
    name: str
    category: str  # a category id of the catalogue
    definition: str | None
    aliases: list[str]  # the catalogue's
    metrics: list[Metric] = field(default_factory=list)

    @property
    def phrasings(self) -> list[str]:
        """The subjects the documents used, in order of first use."""
        return list(dict.fromkeys(m.subject for m in self.metrics))

    @property
    def documents(self) -> list[str]:
        return sorted({m.document for m in self.metrics})

    @property
    def series(self) -> list[Series]:
        groups: dict[tuple[str, bool], list[Metric]] = {}
        for metric in self.metrics:
            groups.setdefault((metric.unit, metric.change), []).append(metric)
        return [Series(unit, change, sorted(found, key=lambda m: (period_sort_key(m.period), m.document, m.id)))
                for (unit, change), found in sorted(groups.items(), key=lambda item: (item[0][1], item[0][0]))]

    @property
    def latest(self) -> Metric:
        """The level with the latest period (a change when there is no level)."""
        levels = [m for m in self.metrics if not m.change] or self.metrics
        return max(levels, key=lambda m: (period_sort_key(m.period), m.document, m.id))


@dataclass(frozen=True)
class Category:
    id: str
    name: str


@cache
def categories() -> list[Category]:
    """The catalogue's categories, in display order."""
    return [Category(c["id"], c["name"]) for c in rules.load("indicators")["categories"]]


@cache
def _aliases() -> list[tuple[str, dict]]:
    """Every alias with its indicator, longest first (catalogue order breaks ties)."""
    pairs = [(alias, entry) for entry in rules.load("indicators")["indicators"] for alias in entry["aliases"]]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


@cache
def indicator_of(subject: str) -> dict | None:
    """The catalogue entry whose longest alias `subject` contains, the first of equals in the subject,
    or None (subjects repeat: cached)."""
    best = None  # (alias, where it starts, entry)
    for alias, entry in _aliases():
        if best and len(alias) < len(best[0]):
            break  # aliases come longest first
        start = subject.find(alias)
        if start >= 0 and (best is None or start < best[1]):
            best = (alias, start, entry)
    return best[2] if best else None


def build_glossary(metrics: list[Metric]) -> list[Indicator]:
    """Indicators for `metrics`, by category order then name."""
    indicators: dict[str, Indicator] = {}
    for metric in metrics:
        if not metric.subject:
            continue  # nothing to group it by; it still stands on its document's page
        entry = indicator_of(metric.subject)
        if entry is None:
            key = "m-" + hashlib.sha1(metric.subject.encode("utf-8")).hexdigest()[:8]
            entry = {"id": key, "name": metric.subject, "category": "other", "definition": None, "aliases": []}
        indicator = indicators.get(entry["id"])
        if indicator is None:
            indicator = indicators[entry["id"]] = Indicator(
                entry["id"], entry["name"], entry["category"], entry.get("definition"), list(entry["aliases"]))
        indicator.metrics.append(metric)
    order = {c.id: index for index, c in enumerate(categories())}
    return sorted(indicators.values(), key=lambda i: (order[i.category], i.name, i.id))
