"""The metric glossary: metrics of every document grouped by what they measure.

A metric's subject is matched against the catalogue of indicators
(`generator/data/indicators.yaml`); the longest alias it contains decides,
and of two as long, the one that starts first: 绿色贷款余额 is a green loan's
balance, not any loan's (the words before a Chinese noun narrow it).
A subject no alias matches names an indicator of its own, so that the same
phrasing in two documents still meets on one page; it has a page only when
two documents or two owners report it (a one-off figure stays on its document).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import NamedTuple

from generator import rules
from generator.extract.metrics import Metric
from generator.model import readable_id
from generator.timeexpr import period_sort_key


@dataclass
class Series:
    """Values that can be compared: one indicator, one owner, one scope, one unit, level or change.

    A series never mixes organisations (4.43亿户 is one bank's, not another's),
    nor a product's figures with its bank's (工银e钱包's customers are not the
    bank's whole retail base).
    """

    entity: str | None
    entity_id: str | None
    scope: str | None
    unit: str
    change: bool
    metrics: list[Metric]  # by period, then document; a figure a document states twice counted once

    @property
    def actuals(self) -> list[Metric]:
        return [m for m in self.metrics if m.kind == "actual"]

    @property
    def targets(self) -> list[Metric]:
        """Targets and forecasts: shown apart, never a latest value."""
        return [m for m in self.metrics if m.kind != "actual"]

    @property
    def dated(self) -> list[Metric]:
        """One actual value per period (the first document's), for a chart."""
        seen: dict[str, Metric] = {}
        for metric in self.actuals:
            if metric.period:
                seen.setdefault(metric.period, metric)
        return list(seen.values())

    @property
    def latest(self) -> Metric | None:
        """The actual value of the latest period, if any."""
        return self.actuals[-1] if self.actuals else None

    def like(self, period: str | None) -> Metric | None:
        """The actual to set beside a value of `period`: of the same period, else the latest of the same
        kind of period (a year beside a year, a half beside a half), else None."""
        same = [m for m in self.actuals if m.period == period]
        if same:
            return same[-1]
        kind = [m for m in self.actuals if period_kind(m.period) == period_kind(period)]
        return kind[-1] if kind else None


def period_kind(period: str | None) -> str:
    """What kind of period a value covers, so that like is compared with like: day, month, quarter, half, year."""
    if not period:
        return ""
    if "-H" in period:
        return "half"
    if "-Q" in period:
        return "quarter"
    return {4: "year", 7: "month", 10: "day"}.get(len(period), "span")


class PeerTable(NamedTuple):
    """Owners side by side on one indicator: a value each, of one period or of its kind, highest first."""

    change: bool
    unit: str
    period: str  # the period compared; an owner without it shows its latest of the same kind
    values: list[Metric]


def series_key(indicator: str, metric: Metric) -> str:
    """The report's `series` of a metric filed under `indicator`."""
    return "|".join([indicator, metric.entity_id or "", metric.scope or "", metric.unit,
                     "change" if metric.change else "level"])


@dataclass(eq=False)  # one per id: counted by identity
class Indicator:
    """One measured thing and every value the corpus gives for it."""

    id: str
    name: str
    category: str  # a category id of the catalogue
    definition: str | None
    aliases: list[str]  # the catalogue's
    catalogued: bool  # in the catalogue, or named after the subject that phrased it
    metrics: list[Metric] = field(default_factory=list)

    @property
    def phrasings(self) -> list[str]:
        """The subjects the documents used, in order of first use."""
        return list(dict.fromkeys(m.subject for m in self.metrics))

    @property
    def documents(self) -> list[str]:
        return sorted({m.document for m in self.metrics})

    @property
    def owners(self) -> list[str | None]:
        """The organisations it is reported for (None: the market's figures), by name."""
        return sorted({m.entity for m in self.metrics}, key=lambda name: (name is None, name or ""))

    @cached_property
    def series(self) -> list[Series]:
        """Its series: levels before changes, then by owner (the market's last), scope and unit."""
        groups: dict[str, list[Metric]] = {}
        for metric in self.metrics:
            groups.setdefault(series_key(self.id, metric), []).append(metric)
        found = []
        for metrics in groups.values():
            stated: set[tuple] = set()
            kept = []
            for metric in metrics:  # in reading order: a heading restating its body counts once
                statement = (metric.document, metric.period, metric.value, metric.qualifier, metric.kind)
                if statement not in stated:
                    stated.add(statement)
                    kept.append(metric)
            first = kept[0]
            found.append(Series(first.entity, first.entity_id, first.scope, first.unit, first.change,
                                sorted(kept, key=lambda m: (period_sort_key(m.period), m.document, m.id))))
        return sorted(found, key=lambda s: (s.change, s.entity is None, s.entity or "", s.scope or "", s.unit))

    @property
    def comparable(self) -> list[tuple[tuple[bool, str], list[Series]]]:
        """Its series that can share a chart: of one unit, levels apart from changes, in series order."""
        groups: dict[tuple[bool, str], list[Series]] = {}
        for series in self.series:
            groups.setdefault((series.change, series.unit), []).append(series)
        return list(groups.items())

    @property
    def peers(self) -> list[PeerTable]:
        """For each chart (unit, level or change), the owners side by side: the period most of them
        report (the latest of those as many do), each owner's value of it or of its kind."""
        tables = []
        for (change, unit), group in self.comparable:
            owned = [s for s in group if s.entity_id and not s.scope and s.actuals]
            if len(owned) < 2:
                continue
            periods = {m.period for s in owned for m in s.actuals if m.period}

            def covered(period: str) -> tuple:
                values = [s.like(period) for s in owned]
                return (sum(v is not None for v in values), sum(v is not None and v.period == period for v in values),
                        period_sort_key(period))

            best = max(sorted(periods), key=covered, default=None)
            values = [v for s in owned for v in [s.like(best)] if v is not None] if best else []
            if len(values) >= 2:
                tables.append(PeerTable(change, unit, best, sorted(values, key=lambda m: -m.signed_value)))
        return tables

    @property
    def latest(self) -> Metric | None:
        """The actual level with the latest period (an actual change when there is no level), or None."""
        actuals = [m for m in self.metrics if m.kind == "actual"]
        levels = [m for m in actuals if not m.change] or actuals
        return max(levels, key=lambda m: (period_sort_key(m.period), m.document, m.id)) if levels else None


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
def indicator_of(subject: str, unit: str = "", change: bool = False) -> dict | None:
    """The catalogue entry whose longest alias `subject` contains, the first of equals in the subject,
    or None (subjects repeat: cached). An entry counts only when a figure in `unit` can measure it
    (its `units`; a change may also be in the change units; a figure with no unit, any).

    What follows the last 的 is the head of a Chinese noun phrase: 开展政务数据合作的省市
    counts provinces, not government data cooperation (unless the head only says
    what kind of figure it is: 投入占营业收入的比例).
    """
    head = subject.rsplit("的", 1)[-1]
    if head not in rules.load("metrics")["subject"]["figure_nouns"]:
        subject = head
    change_units = rules.load("indicators")["change_units"]
    best = None  # (alias, where it starts, entry)
    for alias, entry in _aliases():
        if best and len(alias) < len(best[0]):
            break  # aliases come longest first
        if unit and unit not in entry["units"] and not (change and unit in change_units):
            continue  # 普惠贷款合作企业 6,620户 counts firms, not loans
        start = subject.find(alias)
        if start >= 0 and (best is None or start < best[1]):
            best = (alias, start, entry)
    return best[2] if best else None


def build_glossary(metrics: list[Metric]) -> tuple[list[Indicator], dict[str, str]]:
    """The indicators with a page of their own, by category order then name, and every metric's series.

    An indicator has a page when it is in the catalogue or is reported for at
    least two owners or in two documents. A one-off figure stays on its
    document's page and in the data files, with a series but no indicator.
    """
    indicators: dict[str, Indicator] = {}
    for metric in metrics:
        if not metric.subject:
            continue  # nothing to group it by; it still stands on its document's page
        entry = indicator_of(metric.subject, metric.unit, metric.change)
        if entry is None:
            key = readable_id(metric.subject)
            entry = {"id": key, "name": metric.subject, "category": "other", "definition": None, "aliases": [],
                     "catalogued": False}
        indicator = indicators.get(entry["id"])
        if indicator is None:
            indicator = indicators[entry["id"]] = Indicator(
                entry["id"], entry["name"], entry["category"], entry.get("definition"), list(entry["aliases"]),
                entry.get("catalogued", True))
        indicator.metrics.append(metric)
    series = {m.id: series_key(i.id, m) for i in indicators.values() for m in i.metrics}
    paged = [i for i in indicators.values()
             if i.catalogued or len(i.documents) >= 2 or len({m.entity_id for m in i.metrics}) >= 2]
    order = {c.id: index for index, c in enumerate(categories())}
    return sorted(paged, key=lambda i: (order[i.category], i.name, i.id)), series
