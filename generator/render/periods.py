"""Lists too long for one page, paged by period: the whole by year, a year by month, a month by day.

The timeline, the list of documents and the reading diagnostics grow with the
corpus. On one page each, at ten thousand documents they were megabytes a
reader could not use, and every added document changed them whole, so every
rebuild built them again.
Paged by period, a page holds at most `limit` entries unless it is a single
day (or the undated), and a changed document changes the pages of its own
days and the counts on the pages above them.

An entry belongs to the finest period its date names: an event of 上半年 2024
stays with 2024 when that year is split into months, and one of 2024年8月 with
August when August is split into days. A split period's own entries have a
page of their own (`coarse_key`), so that the period's page holds only the
counts of its parts: otherwise an entry added to any day of 2024 changed the
counts above a list of the year's quarters and halves, and built that list
again (a year of quarterly results: 120 KB of Markdown, a tenth of a second).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Entry = TypeVar("Entry")

#: The period of entries without a date: split apart from the years, never split itself.
UNDATED = "undated"

#: How many characters of an ISO date name each finer period: year, month, day.
_WIDTHS = (4, 7, 10)

#: What ends the key of the page of a split period's own entries (`coarse_key`).
_COARSE = "-whole"


def coarse_key(key: str) -> str:
    """The key of the page of the entries a split period `key` holds itself: dated no finer than it
    (2024's 上半年 and 第三季度 when 2024 is split into months): "2024-whole"."""
    return key + _COARSE


def period_of(key: str) -> str:
    """The period whose entries the page `key` holds: the period itself, or the one split, of its own
    entries' page."""
    return key.removesuffix(_COARSE)


@dataclass
class PeriodPage(Generic[Entry]):
    """The page of a period ("" for the whole; "2024", "2024-08", "2024-08-06"; `UNDATED`)."""

    key: str
    entries: list[Entry]  # the period's entries that none of its parts holds, in the order given
    parts: list[PeriodPage[Entry]] = field(default_factory=list)  # finer periods with pages of their own
    total: int = 0  # the period's entries, on this page and in its parts

    def pages(self) -> Iterable[PeriodPage[Entry]]:
        """This page and every page below it."""
        yield self
        for part in self.parts:
            yield from part.pages()

    def every_entry(self) -> Iterable[Entry]:
        """The period's entries, on this page and every page below it."""
        for page in self.pages():
            yield from page.entries


def finer(key: str) -> int | None:
    """How many characters of a date name the periods that split the period `key`; None when it is not split."""
    if key == UNDATED or key != period_of(key):
        return None
    widths = [width for width in _WIDTHS if width > len(key)]
    return widths[0] if widths else None


def finest_period(date: str | None) -> str | None:
    """The finest period of `date` (the contract's date form) that has a page: a day or a month as it
    is, the year of a half, a quarter, a year or a span (2024-H1, 2024-Q3, 2021/2023); None for none."""
    if date is None:
        return None
    if len(date) in (7, 10) and date[5:7].isdigit():
        return date
    return date[:4]


def by_period(entries: list[Entry], date_of: Callable[[Entry], str | None], limit: int,
              newest_first: bool = False, key: str = "") -> PeriodPage[Entry]:
    """`entries` (in the order each page lists them) paged by period, at most `limit` to a page where a
    finer period can take them. `date_of` gives an entry's date in the contract's form (2024-08-06,
    2024-08, 2024-H1, 2021/2023…), or None when it has none."""
    width = finer(key)
    if len(entries) <= limit or width is None:
        return PeriodPage(key, list(entries), total=len(entries))
    own: list[Entry] = []
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        date = finest_period(date_of(entry))
        if date is None:
            groups.setdefault(UNDATED, []).append(entry)
        elif len(date) >= width:
            groups.setdefault(date[:width], []).append(entry)
        else:
            own.append(entry)
    keys = sorted((k for k in groups if k != UNDATED), reverse=newest_first)
    keys += [UNDATED] if UNDATED in groups else []
    parts = [by_period(groups[k], date_of, limit, newest_first, k) for k in keys]
    if own:  # a coarse date stands for the period's start: first in time order, last newest first
        coarse = PeriodPage(coarse_key(key), own, total=len(own))
        parts = [*parts, coarse] if newest_first else [coarse, *parts]
    return PeriodPage(key, [], parts, len(entries))


def period_title(key: str) -> str:
    """A period page's name: 2024年, 2024年8月, 2024年8月6日, 日期未知; 2024年（未具体到月） for the
    entries of 2024 dated no finer (`coarse_key`)."""
    if key == UNDATED:
        return "日期未知"
    if key != period_of(key):
        period = period_of(key)
        return f"{period_title(period)}（未具体到{'月' if len(period) == 4 else '日'}）"
    parts = [int(part) for part in key.split("-")]
    return "".join(f"{number}{unit}" for number, unit in zip(parts, "年月日"))
