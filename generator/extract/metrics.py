"""Metrics: every figure in a document, understood as an analyst reads it.

A figure (超1亿户, 同比增长4.3%, 99.99%以上) becomes a `Metric`: its value in the
base unit, the unit, the qualifier, whether it is a change, what it measures,
the period it belongs to and the sentence that says it. All the words involved
are data (`generator/data/metrics.yaml`, `numbers.yaml`, `time.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from generator import rules
from generator.extract.numbers import number_pattern, parse_number
from generator.extract.owners import Owner, Owners, is_brand, organisations_in
from generator.extract.words import lcut
from generator.model import Document, Sentence
from generator.timeexpr import Period, TimeContext, TimeMention, period_end, period_start

_QUOTED = re.compile(r"[“\"「《]([^”\"」》]{2,16})[”\"」》]")
# What ends a part of a sentence (its facts), and what ends a clause.
_PART_ENDS = "；;。"
_CLAUSE_ENDS = "，,；;：:。！？!?"


@dataclass(frozen=True)
class Metric:
    """One figure, normalised; the field names are the report's (CONTRACT.md)."""

    id: str
    document: str
    subject: str
    text: str  # the figure as written, with its change word: "同比增长4.3%"
    value: float
    # The value with its sign: a decrease (同比下降1.8%) is -1.8 wherever it is shown, sorted or plotted.
    signed_value: float
    unit: str
    qualifier: str
    change: bool
    direction: str | None  # up, down (changes only)
    basis: str | None  # what a change compares with: yoy, vs_prior_year_end, ...
    entity: str | None  # whose figure it is: the organisation's canonical name (None: the market's, a nation's)
    entity_id: str | None  # that organisation's term id
    kind: str  # actual, target, forecast
    scope: str | None  # the product or platform the figure is of, when not the whole organisation's: 工银e钱包
    period: str | None
    sentence: str
    sentence_id: str
    source_url: str
    page: int | None = None  # the sentence's page, in a paged format (PDF)


@dataclass
class _Figure:
    """A figure found in a sentence, before its subject is known."""

    start: int  # where the figure starts (its qualifier, if any)
    end: int  # where it ends (its after-qualifier, if any)
    number_text: str
    value: float
    unit: str
    qualifier: str
    counted_noun: str | None  # "省份" in 31省份
    closes_range: bool = False  # the high end of a range: 5亿元 in 3至5亿元
    sign: str | None = None  # the direction a written sign gives a change: up for +30个基点


@cache
def _rules():
    data = rules.load("metrics")
    units = data["units"]
    unit_names = {**units["money"], **{c: c for c in units["counters"]}, **units["ratio"]}
    qualifiers = data["qualifiers"]

    def alternatives(words):
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    figure = re.compile(
        rf"(?P<before>{alternatives(qualifiers['before'])})?"
        rf"(?P<number>{number_pattern()})"
        rf"(?P<inside>{alternatives(qualifiers['inside'])})?"
        # 2600多万元: a magnitude may follow the inside qualifier
        rf"(?P<magnitude>(?<=[{''.join(qualifiers['inside'])}])[{''.join(rules.load('numbers')['large_units'])}])?"
        rf"(?:(?P<unit>{alternatives(unit_names)})|(?P<noun>{alternatives(units['counted_nouns'])}))?"
        rf"(?P<after>{alternatives(qualifiers['after'])})?")
    change = data["change"]
    change_word = re.compile(
        rf"(?P<basis>{alternatives(change['bases'])})?\s*(?:{alternatives(data['pairs']['respectively'])})?\s*"
        rf"(?:{alternatives(change['degrees'])})?(?<![{''.join(change['not_after'])}])"
        rf"(?P<word>{alternatives(change['up'] + change['down'])})了?\s*$")
    change_after_basis = re.compile(
        rf"(?P<basis>{alternatives(change['bases'])})\s*"
        rf"(?P<word>{alternatives(change['after_basis']['up'] + change['after_basis']['down'])})了?\s*$")
    subject = data["subject"]
    # The range connectors that are symbols: between two numbers they make a range, not a code.
    dashes = "".join(re.escape(c) for c in data["range_connectors"] if len(c) == 1 and not c.isalnum())
    return {
        "data": data,
        "figure": figure,
        "unit_names": unit_names,
        "magnitudes": set(rules.load("numbers")["large_units"]),
        "year": re.compile(rules.load("time")["placeholders"]["YEAR"]),
        "currency_before": re.compile(rf"({alternatives(units['currency_before'])})\s*"
                                      rf"(?:{alternatives(qualifiers['before'])})?\s*$"),
        "digits": set(rules.load("numbers")["digits"]),
        "change_word": change_word,
        "change_after_basis": change_after_basis,
        "boundary": re.compile(subject["boundaries"]),
        "determiner": re.compile(subject["determiner_organisation"]),
        "share_start": re.compile("^(?:" + "|".join(sorted(subject["share_words"], key=len, reverse=True)) + ")"),
        "brackets": re.compile(subject["brackets"]),
        "trailing_chars": re.compile(subject["trailing_chars"]),
        "verbs": set(subject["verbs"]),
        "strip_leading": set(subject["strip_leading"]),
        "strip_trailing": set(subject["strip_trailing"]),
        "glued_before": re.compile(f"[{data['glued_before']}]"),
        "glued_after": re.compile(f"[{data['glued_after']}]"),
        "range_opened": re.compile(rf"\d[%％]?\s*[{dashes}]$"),
        "range_closed": re.compile(rf"[{dashes}]\s*\d"),
        # What stands between the figures of a list: 3.2和1.5个百分点, 5%、8%
        "pair_gap": re.compile(rf"\s*(?:{alternatives(data['pairs']['joiners'])})\s*"),
        "respectively": re.compile(alternatives(data["pairs"]["respectively"])),
        "compound": re.compile(alternatives(data["pairs"]["compounds"])),
        "trailing_basis": re.compile(rf"(?:{alternatives(change['bases'])})\s*$"),
        "aspect": re.compile(rf"^([^，,。；;：:]{{2,8}}?)(?:{alternatives(subject['aspect_markers'])})[，,：:]"),
        "comparison_before": re.compile(rf"(?:{alternatives(data['comparison_before'])})\s*$"),
        "report_period": re.compile(alternatives(data["as_of"]["report_words"])),
        "kind_words": {kind: re.compile(alternatives(words)) for kind, words in data["kinds"].items()},
    }


class MetricExtractor:
    """Finds the metrics of a document (the `metrics` list of the report)."""

    kind = "metrics"

    def extract(self, document: Document) -> list[Metric]:
        """Every metric of `document`, in reading order."""
        time = TimeContext.of(document)
        owners = Owners.of(document)
        metrics = []
        for sentence in document.sentences():
            metrics.extend(self._sentence_metrics(document, sentence, time, owners))
        return metrics

    def _sentence_metrics(self, document: Document, sentence: Sentence, time: TimeContext,
                          owners: Owners) -> list[Metric]:
        text = sentence.text
        mentions = time.sentence_mentions[sentence.id]
        figures = [f for f in _figures(text) if not any(m.start <= f.start < m.end for m in mentions)]
        metrics: list[Metric] = []
        contexts: list[str] = []  # the words that led each figure's subject, for "、" lists
        scopes: list[str | None] = []
        changes: list[re.Match | None] = []  # the change word of each figure
        priors: list[bool] = []  # whether each figure is a reading of the period before (前值)
        paired = _respectively(text, figures, mentions)
        for index, figure in enumerate(figures):
            # A clause starts after the last boundary, or after the figure before it.
            previous_end = figures[index - 1].end if index else 0
            lead = text[previous_end:figure.start]
            change = _rules()["change_word"].search(lead) or _rules()["change_after_basis"].search(lead)
            words_end = previous_end + change.start() if change else figure.start
            clause_start = max(_clause_start(text, words_end), previous_end)
            following = figures[index + 1] if index + 1 < len(figures) else None
            if change is None and index and _rules()["pair_gap"].fullmatch(text, previous_end, figure.start):
                change = changes[-1]  # 分别增长5%和8%, 收窄3.2和1.5个百分点: the second is a change too
            if figure.closes_range and metrics and figures[index - 1].qualifier == "at_least":
                # 同比增长20%至30%, 3至5亿元: the high end is what the low end is.
                subject, context, scope = metrics[-1].subject, contexts[-1], scopes[-1]
                change = change or changes[-1]
            else:
                # A range's low end finds its noun after the high end: 覆盖100至200万户.
                counted = following if following is not None and following.closes_range else figure
                subject, context, scope = _subject(text, clause_start, words_end, counted, mentions,
                                                   contexts[-1] if contexts else None,
                                                   metrics[-1].subject if metrics else None)
            prior = subject in _rules()["data"]["subject"]["prior_readings"]
            # The figure before, but a prior reading (前值升2.6%；环比升0.2%: the index's, not 前值's).
            before = next((metric for metric, reading in zip(reversed(metrics), reversed(priors)) if not reading),
                          None)
            owner = owners.at(sentence.id, text, words_end)
            if prior:
                subject = ""
            elif not subject and before and (change or before.change or before.unit == figure.unit) \
                    and (owner is None or owner.id == before.entity_id):
                # 营业收入4678亿元,同比增长4.3%: the change is the revenue's, as is the level it reached
                # (增长5.1%至1,234亿元); but in 拨备覆盖率方面，7家银行…，招商银行以405.93%遥遥领先, the
                # ratio is not a count of banks, and in 交通银行跌约6%，建设银行跌近5%, 建设银行's move is
                # not 交通银行's.
                subject, scope = before.subject, before.scope
            elif not subject:
                subject = _trim(_aspect(text))  # 营收增速方面，民生银行同比增长6.74%
            respective = paired.get(index)
            if respective is not None and respective.of_figure is not None:
                # 成交量为7.11亿手，成交额为52.42万亿元，环比分别增长23.94%和16.43%: the i-th level's.
                subject, scope = metrics[respective.of_figure].subject, metrics[respective.of_figure].scope
            elif respective is not None:
                # 工行和建行净利润分别为3600亿元和3300亿元: the i-th figure is the i-th item's.
                subject, owner = respective.subject or subject, respective.owner or owner
            contexts.append(context)
            scopes.append(scope)
            priors.append(prior)
            # The kind of the figure before, in the same part of the sentence.
            kind_before = metrics[-1].kind if metrics and _after_last(text, _PART_ENDS, figure.start) <= previous_end \
                else None
            changes.append(change)
            direction, basis = _direction_and_basis(change)
            direction = direction or figure.sign
            period = None if prior else _period(text, figure, subject, basis, mentions, time)
            metrics.append(Metric(
                id=f"{document.id}-{sentence.id}-{index + 1}",
                document=document.id,
                subject=subject,
                text=text[words_end:figure.end],
                value=figure.value,
                signed_value=-figure.value if direction == "down" else figure.value,
                unit=figure.unit,
                qualifier=figure.qualifier,
                change=direction is not None,
                direction=direction,
                basis=basis,
                entity=owner.name if owner else None,
                entity_id=owner.id if owner else None,
                kind=_kind(text, previous_end, words_end, kind_before, mentions, time),
                scope=scope,
                period=period.value if period else None,
                sentence=text,
                sentence_id=sentence.id,
                source_url=f"{document.url}#{sentence.id}",
                page=sentence.page,
            ))
        return metrics


def _after_last(text: str, marks: str, end: int) -> int:
    """Where the text after the last of `marks` before `end` starts (0 when there is none)."""
    return max(text.rfind(mark, 0, end) for mark in marks) + 1


@dataclass(frozen=True)
class _Respective:
    """What a figure of a paired list is of: an item named before 分别 (its subject, its owner), or
    the figure before it in the same place of the list of levels the sentence gave first."""

    subject: str = ""
    owner: Owner | None = None
    of_figure: int | None = None


def _respectively(text: str, figures: list[_Figure], mentions: list[TimeMention]) -> dict[int, _Respective]:
    """The figures of paired lists, by index.

    "A和B分别为x和y": the items before 分别 and the run of figures after it
    (joined by 和, 、) are matched in order when they are as many. An item that
    opens with an organisation names the owner; the words after the last
    organisation are the subject of all (工行和建行净利润). With no item
    before 分别 in its clause, the run is matched with as many figures just
    before it (成交量为7.11亿手，成交额为52.42万亿元，环比分别增长23.94%和16.43%).
    """
    r = _rules()
    paired: dict[int, _Respective] = {}
    for word in r["respectively"].finditer(text):
        start = _after_last(text, _CLAUSE_ENDS, word.start())
        lead = "".join(" " if any(m.start <= i < m.end for m in mentions) else text[i]
                       for i in range(start, word.start()))
        lead = r["trailing_basis"].sub("", lead.strip())  # 资产总额和负债总额同比: the basis is the change's
        items = [item.strip() for item in r["pair_gap"].split(lead) if item.strip()]
        compound = r["compound"].search(lead) if len(items) == 1 else None
        if compound:
            items = [lead[:compound.start()] + part + lead[compound.end():]
                     for part in r["data"]["pairs"]["compounds"][compound.group()]]
        after = [i for i, f in enumerate(figures) if f.start > word.end()]
        run = after[:len(items) or _run_length(text, figures, after)]
        if len(run) < 2 or any(not r["pair_gap"].fullmatch(text, figures[a].end, figures[b].start)
                               for a, b in zip(run, run[1:])):
            continue
        if not items:
            earlier = [i for i, f in enumerate(figures) if f.end <= start][-len(run):]
            if len(earlier) == len(run):
                paired.update((index, _Respective(of_figure=level)) for index, level in zip(run, earlier))
            continue
        if len(run) != len(items):
            continue
        owned = []
        for item in items:
            determiner = r["determiner"].match(item)  # 本行存贷款余额: the owner the sentence's finds
            item = item[determiner.end():] if determiner else item
            named = organisations_in(item)
            if named and named[0][0] == 0:
                owned.append((named[0][2], item[named[0][1]:].strip()))
            else:
                owned.append((None, item))
        shared = next((rest for _, rest in reversed(owned) if rest), "")
        for index, (owner, rest) in zip(run, owned):
            paired[index] = _Respective(_trim(rest if all(other for _, other in owned) else shared), owner)
    return paired


def _run_length(text: str, figures: list[_Figure], indexes: list[int]) -> int:
    """How many of the figures at `indexes` follow one another joined as a list (5%和8%, 5%、8%)."""
    gap = _rules()["pair_gap"]
    length = 1 if indexes else 0
    while length < len(indexes) and gap.fullmatch(text, figures[indexes[length - 1]].end, figures[indexes[length]].start):
        length += 1
    return length


def _period(text: str, figure: _Figure, subject: str, basis: str | None, mentions: list[TimeMention],
            time: TimeContext) -> Period | None:
    """The period a figure belongs to: the last time named before it (else the first in its
    sentence, else the document's), less the dates it is compared with (较2020年末).

    A balance or a ratio stands as of a day: stated within a half or a quarter,
    or within a report period, it is dated at that period's end (不良贷款率1.54%),
    as is a change against a period's end (较上年末下降0.04个百分点). A flow
    (营业收入) stands for the whole period.
    """
    r = _rules()
    when = [m for m in mentions if m.role in ("when", "name") and not r["comparison_before"].search(text, 0, m.start)]
    before = [m for m in when if m.end <= figure.start]
    mention = (before[-1] if before else when[0]) if when else None
    clause_start = _clause_start(text, figure.start)
    # 净利润23.29亿美元，上年同期22.32亿美元: the second figure is of the year before, the first not.
    mention = next((m for m in reversed(mentions) if m.role == "year_before" and clause_start <= m.start
                    and m.end <= figure.start), mention)
    period = mention.period if mention else time.default_period
    if period is None:
        return None
    if mention is None and time.report is not None and any(word in subject for word in r["data"]["as_of"]["flows"]):
        return time.report  # a flow a report states stands for its period: 净利润 of a 中报 is H1's
    stock = basis in r["data"]["as_of"]["bases"] or any(word in subject for word in r["data"]["as_of"]["subjects"])
    within = period.kind in ("half", "quarter") or (mention is not None and r["report_period"].search(mention.text))
    if stock and within and period.kind != "day":
        return Period(period_end(period.value), "day")
    return period


def _kind(text: str, lead_start: int, figure_start: int, previous: str | None, mentions: list[TimeMention],
          time: TimeContext) -> str:
    """actual, target or forecast: a plan or an expectation in the figure's own words (since the
    figure before it) or before it in its part of the sentence (力争…, 预计…), a time after the
    document's own (到2025年); a figure of the same part after a target or a forecast is one too
    (预计营收增长5%，净利润增长3%; 预计美联储9月降息50个基点的概率超过90%) unless its own words say it
    was reported (前值升0.2%)."""
    r = _rules()
    part_start = _after_last(text, _PART_ENDS, figure_start)
    own = text[max(lead_start, part_start):figure_start]
    if r["kind_words"]["actual"].search(own):
        return "actual"
    for kind in ("forecast", "target"):
        if r["kind_words"][kind].search(own if previous is not None else text[part_start:figure_start]):
            return kind
    now = time.date or (period_end(time.report.value) if time.report else None)
    if previous != "forecast" and now is not None and any(part_start <= m.start < figure_start and period_start(m.period.value) > now
                               for m in mentions):
        return "target"
    return previous or "actual"


def _direction_and_basis(change: re.Match | None) -> tuple[str | None, str | None]:
    """"up"/"down" and the comparison basis ("yoy", …) of a change word match."""
    if change is None:
        return None, None
    words = _rules()["data"]["change"]
    direction = "up" if change.group("word") in words["up"] + words["after_basis"]["up"] else "down"
    return direction, words["bases"].get(change.group("basis") or "")


def _figures(text: str) -> list[_Figure]:
    """The figures of a sentence that are metrics, not years, codes or ordinals.

    A range (20%至30%, 20至30%) gives its low end as at_least and its high end
    as at_most; the low end takes the high end's unit when it has none.
    """
    r = _rules()
    data = r["data"]
    connector = re.compile(rf"\s*(?:{'|'.join(map(re.escape, data['range_connectors']))})\s*")
    found: list[_Figure] = []
    low: _Figure | None = None  # a bare number that may open a range
    first_of_pair: _Figure | None = None  # a bare number a unit written after the next number may close
    for match in r["figure"].finditer(text):
        figure = _figure(text, match)
        if figure is not None and first_of_pair is not None and (figure.unit or figure.counted_noun) \
                and r["pair_gap"].fullmatch(text, first_of_pair.end, figure.start):
            # 分别收窄3.2和1.5个百分点: the first number is in the unit written after the second.
            found.append(_Figure(**{**vars(first_of_pair), "unit": figure.unit, "counted_noun": figure.counted_noun}))
        first_of_pair = figure if figure is not None and not (figure.unit or figure.counted_noun) \
            and r["pair_gap"].match(text, figure.end) and not r["pair_gap"].fullmatch(text, figure.end, figure.end) else None
        opens_range = figure is not None and connector.match(text, figure.end) is not None
        if figure is not None and figure.unit == "" and not figure.counted_noun and opens_range \
                and not any(char in r["magnitudes"] for char in figure.number_text):
            low = figure  # 20至30%: a metric only if the range closes with a unit
            continue
        if figure is None or not (figure.unit or figure.counted_noun or
                                  any(char in r["magnitudes"] for char in figure.number_text)):
            low = None
            continue
        joined = low or (found[-1] if found else None)
        gap = connector.fullmatch(text, joined.end, figure.start) if joined else None
        # 减少120个至2,900个: by one figure to the other, not a range (20%至30% may be either: a range).
        by_to = joined is not None and joined.unit == figure.unit not in ("", "%") \
            and r["change_word"].search(text, 0, joined.start) is not None
        if gap and joined.unit in ("", figure.unit) and not by_to:
            if joined is low:
                # 3至5亿元: the low end counts in the high end's magnitude too.
                magnitude = figure.number_text[len(figure.number_text.rstrip("".join(r["magnitudes"]))):]
                value = parse_number(low.number_text + magnitude) if magnitude else low.value
                found.append(_Figure(low.start, low.end, low.number_text, value, figure.unit, "at_least", None))
            else:
                found[-1] = _Figure(**{**vars(joined), "qualifier": "at_least"})
            figure = _Figure(**{**vars(figure), "qualifier": "at_most", "closes_range": True})
        low = None
        found.append(figure)
    return found


def _figure(text: str, match: re.Match) -> _Figure | None:
    """The figure a match reads, or None when it is a code, an ordinal or a word."""
    r = _rules()
    data = r["data"]
    number = match.group("number")
    unit, noun = match.group("unit"), match.group("noun")
    number_start, number_end = match.start("number"), match.end("number")
    before = text[number_start - 1] if number_start > 0 else ""
    # （+30个基点）: a sign that follows no letter or digit makes the figure a change.
    sign = data["signs"].get(before) if (unit or noun) and not match.group("before") \
        and not text[max(0, number_start - 2):number_start - 1].isalnum() \
        and not r["range_opened"].search(text[:number_start]) else None
    if before and sign is None and r["glued_before"].match(before) and not r["range_opened"].search(text[:number_start]):
        return None  # T+1, 7×24, 9.0, e生活6.0 are codes and versions; 1.5-2.5 is a range
    if not (unit or noun) and number_end < len(text) and r["glued_after"].match(text[number_end]) \
            and not r["range_closed"].match(text[number_end:]):
        return None  # 10:27, 5G; but 20-30% is a range
    if any(text[:number_start].endswith(word) for word in data["ordinal_before"]):
        return None  # 第一, 党的二十大
    value = parse_number(number + (match.group("magnitude") or ""))
    if value is None:
        return None
    chinese = not number[0].isdigit()
    magnitude = any(char in r["magnitudes"] for char in number)
    if chinese and not (set(number) & r["digits"] or (magnitude and len(number) > 1)):
        return None  # 千方百计, 百姓: numeral characters in words
    if chinese and value < data["chinese_numeral_min"] and not magnitude:
        return None  # 两个方向, 五个领域: parts of the text, not indicators
    if chinese and number[0] in r["magnitudes"] and set(number) & r["digits"]:
        return None  # 申万一级: a name; a number opening with 万 or 亿 has no digit after (突破万亿元)
    qualifier = "exact"
    for group in ("before", "inside", "after"):
        if match.group(group):
            qualifier = data["qualifiers"][group][match.group(group)]
    if unit in data["year_names"] and r["year"].fullmatch(number):
        return None  # 2024款: a model's name
    base_unit = r["unit_names"][unit] if unit else ("个" if noun else "")
    tenor = data["units"]["tenor"]
    if base_unit in tenor["units"] and text.startswith(tenor["after"], match.end()):
        return None  # 7天期逆回购: a term, not a figure
    currency = r["currency_before"].search(text, 0, match.start("number"))
    if base_unit == "元" and currency:
        base_unit = data["units"]["currency_before"][currency.group(1)]
    return _Figure(match.start() - (sign is not None), match.end(), number, value, base_unit, qualifier, noun,
                   sign=sign)


def _clause_start(text: str, end: int) -> int:
    """Where the clause that ends at `end` starts (after the last boundary)."""
    boundary = _rules()["boundary"]
    for index in range(end - 1, -1, -1):
        if boundary.match(text[index]):
            return index + 1
    return 0


def _clause_end(text: str, start: int) -> int:
    boundary = _rules()["boundary"]
    for index in range(start, len(text)):
        if boundary.match(text[index]):
            return index
    return len(text)


def _topic(text: str, clause_start: int) -> str | None:
    """A quoted name in the sentence's first clause or the clause just before.

    "工行打造的“工银e钱包”开放银行品牌,…累计服务个人客户3500万户": the customers are
    the product's, and the product is named in the topic position.
    """
    first = text[:_clause_end(text, 0)]
    previous_end = clause_start - 1
    previous = text[_clause_start(text, previous_end):previous_end] if previous_end > 0 else ""
    for clause in (previous, first):
        quoted = _QUOTED.search(clause)
        if quoted:
            return quoted.group(1)
    return None


def _aspect(text: str) -> str:
    """What the sentence is about when it opens so: "资产质量方面，…" -> 资产质量 ("" when it does not)."""
    found = _rules()["aspect"].match(text)
    return found.group(1) if found else ""


def _subject(text: str, clause_start: int, end: int, figure: _Figure, mentions: list[TimeMention],
             previous_context: str | None, previous_subject: str | None = None) -> tuple[str, str, str | None]:
    """`(subject, context, scope)` of the figure whose words run from `clause_start` to `end`.

    `context` is what led the subject (topic and verb), for a following figure
    in a "、" list: "已覆盖31省份、181地市". `scope` is the quoted name the
    subject is of, when the sentence's topic supplies it: "“工银e钱包”…服务个人客户".
    """
    r = _rules()
    words = r["data"]["subject"]
    # Time expressions are the period, never the subject; jieba would cut them
    # into pieces (报告/期末) that no list strips. So is a preposition that leads one: 在今年上半年
    # (华为在今年上半年实现销售收入4175亿元) is no place the figure is counted in.
    spans = [(m.start - (text[m.start - 1:m.start] in words["time_prepositions"]), m.end) for m in mentions]
    clause = "".join(" " if any(start <= i < stop for start, stop in spans) else text[i]
                     for i in range(clause_start, end))
    clause = r["brackets"].sub(" ", clause).strip()
    named = False  # whether an organisation leads the clause (工行实现营业收入): it is the agent
    determiner = r["determiner"].match(clause)
    if determiner:
        named, clause = True, clause[determiner.end():]
    share = bool(r["share_start"].match(clause))
    tokens = [t for t in lcut(clause) if t.strip()]
    while tokens:  # leading words and the organisation (the owner) are not what is measured
        organisations = organisations_in("".join(tokens))
        if tokens[0] in r["strip_leading"] or (tokens[0] in words["copulas"] and not r["verbs"] & set(tokens[1:])):
            tokens.pop(0)
        elif organisations and organisations[0][0] == 0 and not is_brand("".join(tokens)[:organisations[0][1]]):
            named = True
            tokens = [t for t in lcut("".join(tokens)[organisations[0][1]:]) if t.strip()]
        else:
            break
    while tokens and tokens[-1] in r["strip_trailing"]:
        tokens.pop()
    if tokens[:1] == ["的"] and set(tokens[1:2]) & set(words["figure_nouns"]):
        tokens = []  # 以1600亿元的规模居首且同比增长1.74%: the words after a figure remark on it
    if tokens and len(tokens[-1]) > 1:
        tokens[-1] = r["trailing_chars"].sub("", tokens[-1])
    noun, action = _noun_after(text, figure)
    noun = noun or figure.counted_noun or ""
    # 覆盖全国近80%的乡镇及行政村: a share of what the noun after it names.
    share_of = noun if figure.unit == "%" and text.startswith("的", figure.end) \
        and not noun.endswith(tuple(words["figure_nouns"])) else ""
    topic = _topic(text, clause_start) or ""

    if not tokens and clause_start > 0 and text[clause_start - 1] == "、" and previous_context:
        return _trim(previous_context + noun), previous_context, None
    if not tokens or tokens[0] in words["prepositions_leading"] or tokens[-1] in words["prepositions_trailing"]:
        subject = f"{action}的{noun}" if action and noun else noun or action
        return _trim(topic + subject if subject else ""), topic, (topic or None) if subject else None

    qualifies = {i for i, t in enumerate(tokens[1:]) if t in words["nouns_a_verb_qualifies"]}  # 研发|人员
    verb_at = max((i for i, t in enumerate(tokens) if t in r["verbs"] and i not in qualifies), default=None)
    if share and previous_subject:
        return _trim(previous_subject + "".join(tokens)), "", None  # …亿元，占营业收入的3.03%
    if verb_at is None or any(t in words["share_words"] for t in tokens):
        subject = "".join(tokens)
        attribute = subject.endswith(tuple(words["attribute_nouns"])) and len(subject) <= words["attribute_max_chars"]
        if attribute and topic:
            return _trim(topic + subject + share_of), "", topic  # 推出“惠农e贷”，余额近万亿元
        return _trim(subject + share_of), "", None
    head, verb, tail = "".join(tokens[:verb_at]), tokens[verb_at], "".join(tokens[verb_at + 1:])
    if head.endswith(tuple(words["manner_endings"])):
        head = ""  # 数量招标方式开展…: how, not who
    # With no agent before the verb, the sentence's topic is the agent:
    # "“工银e钱包”开放银行品牌,…累计服务个人客户3500万户".
    context = (head or topic) + verb
    scope = topic if topic and not head else None
    if tail:
        # 重点领域建成互联网有效场景, 本行实现营业收入: the object. With no agent at
        # all, the verb says what was counted (接入场景), and a topic is the agent
        # (工银e钱包服务个人客户).
        agentless = not head and (topic or not named)
        return _trim((context if agentless else "") + tail + share_of), "", scope if agentless else None
    return _trim(context + noun), context, scope


def _noun_after(text: str, figure: _Figure) -> tuple[str, str]:
    """`(noun, action)` after a figure: "11个试点地区开展数字人民币业务试点" -> ("试点地区", "开展数字人民币业务试点")."""
    r = _rules()
    clause = text[figure.end:_clause_end(text, figure.end)]
    if r["change_word"].fullmatch(clause[:next((i for i, c in enumerate(clause) if c.isdigit()), len(clause))]):
        return "", ""  # 较一季度末的32.26亿美元增长了17.6%: the next figure's change, not what this one counts
    if clause.startswith(tuple(r["data"]["subject"]["remarks_after"])):
        return "", ""  # 同比增长6.74%为最快: a remark on the figure, not what it counts
    clause = clause.removeprefix("的").split("的", 1)[0]  # 80%的乡镇: the noun after 的
    tokens = lcut(clause)
    if set(tokens[:2]) & set(r["data"]["subject"]["figure_nouns"]):
        return "", ""  # 以3.93%的同比增幅增长最快, 以1600亿元的规模居首: what kind of figure it is, no noun
    verb_at = next((i for i, t in enumerate(tokens) if t in r["verbs"]), len(tokens))
    noun = tokens[:verb_at]
    while noun and noun[-1] in r["strip_leading"]:  # 项目已上线: the adverb leads the action
        noun.pop()
    return "".join(noun), "".join(tokens[verb_at:])


_LETTER = re.compile(r"[^\W\d_]")


def _trim(subject: str) -> str:
    """A subject no longer than the data says, keeping its end (the head noun), without
    the marks and joining words around it; a comparison (同比, 较上月, 较新规前) is none."""
    words = _rules()["data"]["subject"]
    subject = subject[-words["max_chars"]:].strip(words["strip_chars"])
    if subject in words["not_subjects"] or subject.startswith(tuple(words["not_subject_openers"])) \
            or not _LETTER.search(subject):  # no word at all: 16.43%
        return ""
    return subject
