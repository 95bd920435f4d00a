"""Events: dated facts for the timeline.

A sentence that names its own time ("8月27日", "上半年", "截至6月末",
"2021-2023年") states an event. It gives one event per fact, not one per time
mention: the parts of a sentence separated by "；" are its facts. The date is
the first time that says *when* (a report's name, "2021半年报", only when
nothing else does), and the description is the clause that carries the action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.owners import Owners, named_for_reference
from generator.model import Document, Sentence
from generator.timeexpr import TimeContext, TimeMention

_PARTS = re.compile(r"[^；;]+[；;]?")
# Clauses end at commas and colons, but not inside a number: 10,846人.
_CLAUSES = re.compile(r"(?:[^，,：:]|(?<=\d),(?=\d))+")
# The words that introduce or close a time (截至报告期末, 今年以来): they go with the time.
_TIME_PREPOSITION = re.compile(r"(?:截至|截止|至|于|在|从|到|自)\s*$")
_TIME_CLOSING = re.compile(r"^\s*(?:以来|起|开始|之前|之后|前后)")
# What stands between a clause boundary and a time that opens the clause: nothing, or 截至, 于.
_CLAUSE_OPENING = re.compile(r"[，,：:](\s*(?:截至|截止|至|于|在|到|自)?\s*)$")
# What is left of a clause that held only its time.
_LEFTOVER = re.compile(r"^[\s，,、：:（）()]*$")
_EMPTY_BRACKETS = re.compile(r"[（(]\s*[）)]")
MAX_CHARS = 60


# A description this short ("招商银行宣布") takes the next clause too.
MIN_CHARS = 10

# A description with fewer Chinese characters says nothing that happened: a table's
# cell under a year (2,375.58亿元), a data release's reading (终值55.3), a time (16时).
MIN_HAN_CHARS = 4
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Event:
    """One dated fact; the field names are the report's (CONTRACT.md)."""

    id: str
    document: str
    date: str  # the contract's date form
    precision: str  # day, month, quarter, half, year, span
    text: str  # the short description shown on the timeline
    entity: str | None  # whose event it is: the organisation's canonical name
    entity_id: str | None  # that organisation's term id
    sentence: str
    sentence_id: str
    source_url: str
    page: int | None = None  # the sentence's page, in a paged format (PDF)


class EventExtractor:
    """Finds the events of a document (the `events` list of the report)."""

    kind = "events"

    def extract(self, document: Document) -> list[Event]:
        """Every event of `document`, in reading order."""
        time = TimeContext.of(document)
        owners = Owners.of(document)
        headings = {s.heading.id for s in document.sections if s.heading is not None}
        events = []
        for sentence in document.sentences():
            if sentence.id in headings:
                continue  # a heading names a topic; its body tells what happened
            events.extend(self._sentence_events(document, sentence, time.sentence_mentions[sentence.id], owners))
        return events

    def _sentence_events(self, document: Document, sentence: Sentence, mentions: list[TimeMention],
                         owners: Owners) -> list[Event]:
        events = []
        for start, end in _facts(sentence.text, mentions):
            inside = [m for m in mentions if start <= m.start < end and m.role in ("when", "name")]
            when = [m for m in inside if m.role == "when"] or inside
            if not when:
                continue
            mention = when[0]
            text = describe(sentence.text[start:end], mention.start - start, mention.end - start)
            if len(_HAN.findall(text)) < MIN_HAN_CHARS:
                continue  # a time alone (2024年中期报告), or a figure alone: nothing happened then
            # Whose: the organisation that leads the part, or that the part's action follows.
            owner = owners.at(sentence.id, sentence.text, end)
            if owner is not None:
                text = named_for_reference(text, owner)  # 其已制定… -> 中国工商银行已制定…
            events.append(Event(
                id=f"{document.id}-{sentence.id}-e{len(events) + 1}",
                document=document.id,
                date=mention.period.value,
                precision=mention.period.kind,
                text=text,
                entity=owner.name if owner else None,
                entity_id=owner.id if owner else None,
                sentence=sentence.text,
                sentence_id=sentence.id,
                source_url=f"{document.url}#{sentence.id}",
                page=sentence.page,
            ))
        return events


def _facts(text: str, mentions: list[TimeMention]) -> list[tuple[int, int]]:
    """Where each fact of a sentence starts and ends: its parts (separated by "；"), and within a
    part each clause that opens with a time of its own ("3月1日，A上线…，4月10日，B发布…")."""
    facts = []
    for part in _PARTS.finditer(text):
        start = part.start()
        for mention in mentions:
            if not (start < mention.start < part.end() and mention.role == "when"):
                continue
            opening = _CLAUSE_OPENING.search(text, start, mention.start)
            if opening and any(start <= m.start < mention.start and m.role == "when" for m in mentions):
                facts.append((start, opening.start(1)))
                start = opening.start(1)
        facts.append((start, part.end()))
    return facts


def describe(part: str, start: int, end: int) -> str:
    """The clause of `part` that carries the action dated by the time at `start:end`.

    "上半年,工行在总行成立了乡村振兴办公室,推动…" -> "工行在总行成立了乡村振兴办公室":
    the time's own clause, without the time; the next clause when nothing else is left.
    """
    clauses = list(_CLAUSES.finditer(part))
    for index, clause in enumerate(clauses):
        if clause.start() <= start < clause.end():
            text = _TIME_PREPOSITION.sub("", part[clause.start():start]) + _TIME_CLOSING.sub("", part[end:clause.end()])
            following = index + 1
            if _LEFTOVER.match(text) and following < len(clauses):
                text, following = clauses[following].group(), following + 1
            # A clause too short to say what happened takes the next one: 招商银行宣布，其App…
            while len(text.strip(" ，,")) < MIN_CHARS and following < len(clauses):
                text = text + "，" + clauses[following].group()
                following += 1
            break
    else:
        text = part
    text = _EMPTY_BRACKETS.sub("", text).strip(" ，,；;。、：:")
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 1] + "…"
