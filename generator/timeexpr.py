"""Time expressions, resolved against the document's own time.

"截至6月末", "报告期内", "上半年", "全年" only mean something given the document
they stand in: its report period (named in the text, or following the
disclosure calendar from its date), else its date, else the year its text
names most. The rules are data (`generator/data/time.yaml`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from generator import rules
from generator.model import Document

_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True)
class Period:
    """A resolved time: `value` in the contract's date form, `kind` its precision."""

    value: str
    kind: str  # day, month, quarter, half, year, span


@dataclass(frozen=True)
class TimeMention:
    """A time expression found in a text, and what it resolves to."""

    text: str
    start: int
    end: int
    period: Period
    # "name": a report's name (2021半年报), which dates an event only when nothing else does;
    # "since": the time a record is counted since (创2008年以来最大跌幅), which dates nothing;
    # "year_before": 上年同期, which dates only the figures of its own clause, and no event.
    role: str = "when"


def _compile(pattern: str) -> re.Pattern:
    for name, regex in rules.load("time")["placeholders"].items():
        pattern = pattern.replace(f"<{name}>", regex)
    return re.compile(pattern)


@cache
def _expressions() -> list[tuple[re.Pattern, dict]]:
    return [(_compile(e["pattern"]), e) for e in rules.load("time")["expressions"]]


@cache
def _any_expression() -> re.Pattern:
    """All expressions in one pattern, to skip at once the many sentences that hold none."""
    unnamed = [re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p, _ in _expressions()]
    return re.compile("|".join(f"(?:{p})" for p in unnamed))


@cache
def _record_since() -> re.Pattern:
    return re.compile(rules.load("time")["record_since"])


@cache
def _range_joiners() -> re.Pattern:
    return re.compile(rules.load("time")["range_joiners"])


@cache
def _year() -> re.Pattern:
    return _compile("<YEAR>")


@cache
def _report_names() -> list[tuple[re.Pattern, dict]]:
    return [(_compile(e["pattern"]), e) for e in rules.load("time")["report_names"]]


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    return _CHINESE_DIGITS.get(text) or int(text)


def _period(kind: str, year: int, month: int | None = None, day: int | None = None,
            half: int | None = None, quarter: int | None = None) -> Period | None:
    """The Period of one kind of time, or None when the parts are no real date."""
    try:
        if kind == "day":
            return Period(dt.date(year, month, day).isoformat(), "day")
        if kind == "month":
            dt.date(year, month, 1)
            return Period(f"{year:04d}-{month:02d}", "month")
        if kind == "month_end":
            return Period(dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat(), "day")
        if kind == "year_end":
            return Period(f"{year:04d}-12-31", "day")
        if kind == "half":
            return Period(f"{year:04d}-H{half}", "half")
        if kind == "quarter" and 1 <= quarter <= 4:
            return Period(f"{year:04d}-Q{quarter}", "quarter")
        if kind == "quarter_end" and 1 <= quarter <= 4:
            return Period(dt.date(year, quarter * 3, calendar.monthrange(year, quarter * 3)[1]).isoformat(), "day")
        if kind == "year":
            return Period(f"{year:04d}", "year")
    except (TypeError, ValueError):
        return None
    return None


def _years_on(period: Period, years: int) -> Period:
    """The same period `years` years later (earlier, when negative); 29 February becomes the 28th."""
    def moved(value: str) -> str:
        rest = value[4:]
        year = int(value[:4]) + years
        if rest == "-02-29" and not calendar.isleap(year):
            rest = "-02-28"
        return f"{year:04d}{rest}"
    return Period("/".join(moved(part) for part in period.value.split("/")), period.kind)


# A corpus names a few hundred periods, its events and metrics them thousands
# of times: ordering them asks for each period's bounds again and again.
@cache
def period_end(value: str) -> str:
    """The last day of a period in the contract's date form, as YYYY-MM-DD."""
    value = value.split("/")[-1]
    year = int(value[:4])
    if value.endswith("-H1"):
        return f"{year:04d}-06-30"
    if value.endswith("-H2") or len(value) == 4:
        return f"{year:04d}-12-31"
    if "-Q" in value:
        month = 3 * int(value[-1])
    elif len(value) == 7:
        month = int(value[5:7])
    else:
        return value
    return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()


@cache
def period_start(value: str) -> str:
    """The first day of a period in the contract's date form, as YYYY-MM-DD."""
    value = value.split("/")[0]
    year = int(value[:4])
    if value.endswith("-H2"):
        return f"{year:04d}-07-01"
    if "-Q" in value:
        return f"{year:04d}-{3 * int(value[-1]) - 2:02d}-01"
    if len(value) == 7 and value[5:7].isdigit():
        return f"{value}-01"
    if len(value) == 10:
        return value
    return f"{year:04d}-01-01"  # a year, the first half


def _is_day(value: str) -> bool:
    """Whether `value` is a calendar day as YYYY-MM-DD (a sidecar may say 2024-02-30)."""
    if not re.match(r"\d{4}-\d{2}-\d{2}$", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def period_sort_key(value: str | None) -> tuple[str, str]:
    """Orders periods by when they end; an unknown period comes first."""
    return (period_end(value), value) if value else ("", "")


class TimeContext:
    """What time a document speaks from, and how its relative expressions resolve."""

    def __init__(self, text: str, date: str | None):
        """`text`: the document's whole text; `date`: its known date, if any."""
        self.date = date if date and _is_day(date) else None
        self.named_report = self._named_report(text)
        self.named_year = self._most_named_year(text)
        self.names_results = bool(re.search(rules.load("time")["results_words"], text))
        self.report = self.named_report or self._calendar_report(date)
        if self.report is not None:
            self.year: int | None = int(self.report.value[:4])
        elif date:
            self.year = int(date[:4])
        else:
            self.year = self.named_year

    @classmethod
    @lru_cache(maxsize=8)  # the metrics and the events of one document share it
    def of(cls, document: Document) -> "TimeContext":
        """The context of a document, with every sentence's mentions resolved in reading order.

        The title counts as text: "…2024年半年度报告摘要" names the report period.
        """
        text = "".join([document.field("title") or "", *(s.text for s in document.sentences())])
        context = cls(text, document.date)
        span = None
        context.sentence_mentions: dict[str, list[TimeMention]] = {}
        for sentence in document.sentences():
            found = context.mentions(sentence.text, span)
            spans = [m.period for m in found if m.period.kind == "span"]
            span = spans[-1] if spans else span
            context.sentence_mentions[sentence.id] = found
        return context

    @staticmethod
    def _named_report(text: str) -> Period | None:
        """The report the text names first (its title comes first): 2025年度可持续发展报告 -> 2025."""
        found = [(match.start(), index, match, rule) for index, (pattern, rule) in enumerate(_report_names())
                 for match in [pattern.search(text)] if match]
        if not found:
            return None
        _, _, match, rule = min(found, key=lambda item: item[:2])
        parts = match.groupdict()
        return _period(rule["kind"], int(parts["year"]), half=rule.get("half"), quarter=_number(parts.get("quarter")))

    @staticmethod
    def _calendar_report(date: str | None) -> Period | None:
        if not date or not re.match(r"\d{4}-\d{2}", date):
            return None
        rule = rules.load("time")["report_calendar"][int(date[5:7])]
        return _period(rule["kind"], int(date[:4]) + rule.get("year_offset", 0),
                       half=rule.get("half"), quarter=rule.get("quarter"))

    @staticmethod
    def _most_named_year(text: str) -> int | None:
        """The year the text names most, leaving out the years it looks forward to
        (到2025年末, 为2024年经济工作定下基调) and those a record is counted since
        (创2008年以来最大跌幅); of two named as often, the earlier: a text tells of
        its time and names the years after it as outlook."""
        outlook = "|".join(map(re.escape, rules.load("time")["outlook_before"]))
        since = re.compile(rf"[^，,。；;]{{0,8}}?(?:{rules.load('time')['record_since']})")
        years = Counter(int(found.group("year"))
                        for found in re.finditer(rf"(?P<outlook>{outlook})?(?P<year>(?:19|20)\d{{2}})\s*年", text)
                        if not found.group("outlook") and not since.match(text, found.end()))
        if not years:
            return None
        return max(years, key=lambda year: (years[year], -year))

    @property
    def inferred_date(self) -> str | None:
        """The date an undated document speaks from: its report period, else its main year."""
        if self.report is not None:
            return self.report.value
        return str(self.year) if self.year is not None else None

    @property
    def default_period(self) -> Period | None:
        """The time a sentence with no time expression speaks of.

        A report's figures stand as of its period's end. A dated document that
        names no report, no results and no year speaks of its own day. One that names no
        report speaks of the year it names most; the disclosure calendar's
        period end refines that year when the two agree, and decides alone
        when the text names no year.
        """
        if self.named_report is None and self.named_year is None and not self.names_results and self.date is not None:
            # A text that names no report, no results and no year (a market report, a news
            # flash) speaks of its own day, not of the last reporting period before it.
            return Period(self.date, "day")
        calendar_year = int(self.report.value[:4]) if self.report is not None else None
        if self.named_report is None and self.named_year is not None and self.named_year != calendar_year:
            return Period(str(self.named_year), "year")
        if self.report is not None:
            return Period(period_end(self.report.value), "day")
        if self.year is not None:
            return Period(str(self.year), "year")
        return None

    def mentions(self, text: str, span: Period | None = None) -> list[TimeMention]:
        """Every time expression in `text`, resolved, in order; overlaps go to the earlier rule.

        `span` is the last span the document named, which 规划期内 refers to.
        """
        found: list[TimeMention] = []
        if not _any_expression().search(text):
            return found
        taken: list[tuple[int, int]] = []
        same_periods: list[tuple[re.Match, dict]] = []
        record_since = _record_since()

        def mention(match: re.Match, rule: dict, period: Period) -> TimeMention:
            role = "since" if record_since.match(text, match.end()) else rule.get("role", "when")
            return TimeMention(match.group(), match.start(), match.end(), period, role)

        for pattern, rule in _expressions():
            for match in pattern.finditer(text):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                if rule["kind"] == "same_period":  # once the times around it are known
                    same_periods.append((match, rule))
                    taken.append((match.start(), match.end()))
                    continue
                period = self._resolve(match, rule, span)
                if period is not None:
                    found.append(mention(match, rule, period))
                    taken.append((match.start(), match.end()))
        named = self._ranges_in_one_year(text, sorted(found, key=lambda found_mention: found_mention.start))
        same = [mention(match, rule, period) for match, rule in same_periods
                if (period := self._same_period(named, match.start(), rule["year_offset"])) is not None]
        return sorted(named + same, key=lambda found_mention: found_mention.start)

    @staticmethod
    def _ranges_in_one_year(text: str, named: list[TimeMention]) -> list[TimeMention]:
        """A range's end written without its year has the start's (2017年3月20日至10月11日: 2017-10-11)."""
        joined, written_year = _range_joiners(), _year()
        ranged = list(named)
        for index in range(1, len(ranged)):
            start, end = ranged[index - 1], ranged[index]
            if written_year.match(end.text) or start.period.kind not in ("day", "month") \
                    or end.period.kind not in ("day", "month") or not joined.fullmatch(text, start.end, end.start):
                continue
            year = int(start.period.value[:4])
            moved = _years_on(end.period, year - int(end.period.value[:4]))
            if moved.value < start.period.value:
                moved = _years_on(moved, 1)  # 2023年11月至2月: the February after
            ranged[index] = TimeMention(end.text, end.start, end.end, moved, end.role)
        return ranged

    def _same_period(self, named: list[TimeMention], at: int, years: int) -> Period | None:
        """The period the text named last before `at` (else the document's), `years` years on. Of a
        document's own day, only the year is sure: a flash's 上年同期 is last year's period to date."""
        before = [found for found in named if found.end <= at and found.role == "when"]
        if before:
            return _years_on(before[-1].period, years)
        period = self.default_period
        if period is None:
            return None
        if period.kind == "day" and period.value == self.date:
            return Period(f"{int(period.value[:4]) + years:04d}", "year")
        return _years_on(period, years)

    def _around_date(self, rule: dict) -> Period | None:
        """A day or month counted back from the document's date (昨日, 上月), or None when it has no day."""
        if self.date is None:
            return None
        date = dt.date.fromisoformat(self.date)
        if "days_before" in rule:
            return Period((date - dt.timedelta(days=rule["days_before"])).isoformat(), "day")
        months = date.year * 12 + date.month - 1 - rule["months_before"]
        return Period(f"{months // 12:04d}-{months % 12 + 1:02d}", "month")

    def _resolve(self, match: re.Match, rule: dict, span: Period | None) -> Period | None:
        parts = match.groupdict()
        kind = rule["kind"]
        if kind == "span":
            return Period(f"{parts.get('start') or rule['start']}/{parts.get('end') or rule['end']}", "span")
        if kind == "named_span":
            return span
        if "days_before" in rule or "months_before" in rule:
            return self._around_date(rule)
        if kind in ("report", "report_end"):
            if self.report is None:
                return None
            return self.report if kind == "report" else Period(period_end(self.report.value), "day")
        if parts.get("year"):
            year = int(parts["year"])
        elif rule.get("year_from") == "date" and self.date:
            year = int(self.date[:4]) + rule.get("year_offset", 0)
        elif parts.get("month") and self.date:
            # 3月28日 in a document of 2024-03-28: the latest such date not after the document. News
            # (naming no report and no results) looks ahead too: 9月 in August, 30日 on the 20th, are
            # coming (time.yaml news_months_ahead).
            year = int(self.date[:4])
            month = _number(parts["month"])
            if f"{year:04d}-{month:02d}-{_number(parts.get('day')) or 1:02d}" > self.date:
                ahead = (month - int(self.date[5:7])) % 12
                news = self.named_report is None and not self.names_results
                if not (news and ahead < rules.load("time")["news_months_ahead"]):
                    year -= 1
        elif self.year is not None:
            year = self.year + rule.get("year_offset", 0)
        else:
            return None
        if parts.get("end"):
            kind = f"{kind}_end"  # 二季度末: the quarter's last day
        return _period(kind, year, month=_number(parts.get("month")) or rule.get("month"),
                       day=_number(parts.get("day")), half=rule.get("half"),
                       quarter=_number(parts.get("quarter")))
