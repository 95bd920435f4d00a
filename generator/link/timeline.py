"""The timeline: every event of the corpus, in time order."""

from __future__ import annotations

from dataclasses import dataclass

from generator.extract.events import Event
from generator.timeexpr import period_end, period_start


def _order(event: Event) -> tuple[str, str, str]:
    # Earlier start first; at the same start, the shorter period first (8月27日
    # before 上半年 before 全年), then by document; the sort is stable, so one
    # document's events of one date stay in reading order.
    return period_start(event.date), period_end(event.date), event.document


def build_timeline(events: list[Event]) -> list[Event]:
    """Every event, in the order they start (pages group them by period: `generator.render.periods`)."""
    return sorted(events, key=_order)


@dataclass
class Span:
    """An event that lasts several years, drawn as a bar from its first to its last year."""

    event: Event
    first: int
    last: int


def build_spans(events: list[Event]) -> list[Span]:
    """The multi-year events, by start."""
    return [Span(e, int(period_start(e.date)[:4]), int(period_end(e.date)[:4]))
            for e in sorted(events, key=_order) if e.precision == "span"]
