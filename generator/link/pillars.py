"""Pillars: each framework member, and what every document says about it.

Only the members of a framework stated as a strategy gather passages; the
members of a list of parts (an app's areas, a system's features) stay in the
report, with nothing gathered and no page. Frameworks stated as strategies
come first, those stated up front (title, heading, lead) before the others.

A pillar gathers passages from two sources. Its framework's own elaborations
(敏捷银行的关键之一…) come first, with score 1. Then every paragraph of the
corpus that resembles them: TF-IDF over the terms and pillar names each
paragraph mentions, cosine against the pillar's profile. Both carry their
score and the sentence they start at.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from generator import rules
from generator.extract.frameworks import PLACEMENTS, Framework
from generator.link.terms import TermIndex, alternation
from generator.model import Document, Paragraph, readable_id


@dataclass(frozen=True)
class Passage:
    """Consecutive sentences of one document: an elaboration, or a paragraph."""

    document: str
    sentence_ids: tuple[str, ...]
    text: str
    score: float
    elaboration: bool  # the framework's own words about the pillar


@dataclass
class Pillar:
    """One member of a framework, across the corpus."""

    id: str
    name: str
    group: str  # the framework's name: 科技强行
    statements: list[Framework]  # the documents' sentences that state the framework
    passages: list[Passage] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # filled once the passages are gathered

    @property
    def strategy(self) -> bool:
        """Whether a document states its framework as a strategy (a list of parts has no pillars to show)."""
        return any(s.strategy for s in self.statements)

    @property
    def has_page(self) -> bool:
        """Whether the pillar has a page: a strategy's member about which something besides its statement is said."""
        return self.strategy and bool(self.passages)

    @property
    def sentence_ids(self) -> set[tuple[str, str]]:
        """(document, sentence id) of every sentence the pillar gathers."""
        return {(p.document, s) for p in self.passages for s in p.sentence_ids}


@dataclass
class FrameworkGroup:
    """A framework and its pillars, as one or more documents state it."""

    name: str
    members: tuple[str, ...]
    statements: list[Framework]
    pillars: list[Pillar]

    @property
    def strategy(self) -> bool:
        return any(s.strategy for s in self.statements)

    @property
    def rank(self) -> tuple:
        """Where the group stands among frameworks: strategies first, those stated up front (title,
        heading, lead) first among them, then those more documents state."""
        placement = min(PLACEMENTS.index(s.placement) for s in self.statements)
        return (not self.strategy, placement, -len({s.document for s in self.statements}))


def pillar_id(group: str, member: str) -> str:
    return readable_id(member, within=group)


def build_pillars(documents: list[Document], frameworks: list[Framework], index: TermIndex) -> list[FrameworkGroup]:
    """Framework groups with their pillars and gathered passages, by rank (`FrameworkGroup.rank`), then in order
    of first statement."""
    groups: dict[tuple[str, tuple[str, ...]], FrameworkGroup] = {}
    # One pillar per framework name and member, whichever members the lists
    # that state it give beside it: documents restate a framework as it grows.
    pillars: dict[str, Pillar] = {}
    for framework in frameworks:
        key = (framework.name, framework.members)
        if key not in groups:
            members = [pillars.setdefault(pillar_id(framework.name, m), Pillar(pillar_id(framework.name, m), m,
                                                                               framework.name, []))
                       for m in framework.members]
            groups[key] = FrameworkGroup(framework.name, framework.members, [], members)
        groups[key].statements.append(framework)
        for pillar in groups[key].pillars:
            pillar.statements.append(framework)
    strategic = [pillar for pillar in pillars.values() if pillar.strategy]
    if strategic:
        features = _ParagraphFeatures(documents, index, [p.name for p in strategic])
        stating = {f.document for f in frameworks}
        # Where each sentence of a stating document stands: its paragraph and its place there.
        places = {(d.id, sentence.id): (paragraph, place) for d in documents if d.id in stating
                  for section in d.sections for paragraph in section.paragraphs
                  for place, sentence in enumerate(paragraph.sentences)}
        for pillar in strategic:
            pillar.passages = _gather(pillar, places, features)
    for pillar in pillars.values():
        pillar.documents = sorted({p.document for p in pillar.passages} | {f.document for f in pillar.statements})
    return sorted(groups.values(), key=lambda group: group.rank)  # a stable sort: first statements first


def unique_pillars(groups: list[FrameworkGroup]) -> list[Pillar]:
    """Every pillar of the groups once, in the groups' order."""
    return list({pillar.id: pillar for group in groups for pillar in group.pillars}.values())


class _ParagraphFeatures:
    """TF-IDF vectors of every paragraph over the names it mentions."""

    def __init__(self, documents: list[Document], index: TermIndex, members: list[str]):
        names = sorted(set(members), key=lambda name: (-len(name), name))

        def names_in(document: Document, paragraphs: list[Paragraph]) -> list[dict[str, int]]:
            """How many times each paragraph names each member and term (members first, then terms by index)."""
            member_pattern = alternation(tuple(names))
            terms_in: dict[str, list[str]] = {}  # sentence id -> term names, repeated
            for term, mention in index.by_term(document.id):
                terms_in.setdefault(mention.sentence_id, []).append(term.name)
            return [dict(Counter([m for s in p.sentences for m in member_pattern.findall(s.text)]
                                 + [name for s in p.sentences for name in terms_in.get(s.id, ())]))
                    for p in paragraphs]

        self.paragraphs: list[tuple[str, tuple[str, ...], Paragraph, dict[str, int]]] = []
        for document in documents:
            paragraphs = [p for section in document.sections for p in section.paragraphs]
            for paragraph, counts in zip(paragraphs, names_in(document, paragraphs)):
                self.paragraphs.append((document.id, tuple(s.id for s in paragraph.sentences), paragraph, counts))
        frequency = Counter(name for *_, counts in self.paragraphs for name in counts)
        total = len(self.paragraphs)
        self.idf = {name: math.log((total + 1) / (df + 1)) + 1 for name, df in frequency.items()}
        self._vectors: dict[int, dict[str, float]] = {}
        self._summed: dict[frozenset[int], Counter] = {}
        self.index: dict[str, list[int]] = {}  # name -> paragraphs that mention it
        self.position: dict[tuple[str, str], int] = {}  # (document, sentence id) -> paragraph
        for position, (document, ids, _, counts) in enumerate(self.paragraphs):
            for name in counts:
                self.index.setdefault(name, []).append(position)
            for sentence_id in ids:
                self.position[(document, sentence_id)] = position

    def vector_at(self, position: int) -> dict[str, float]:
        """The vector of the paragraph at `position`, made when scoring first asks for it."""
        found = self._vectors.get(position)
        if found is None:
            found = self._vectors[position] = self.vector(self.paragraphs[position][3])
        return found

    def counts_in(self, positions: frozenset[int]) -> Counter:
        """How many times the paragraphs at `positions` name each name, together.

        Summed once per set: the pillars of a framework share its statements,
        hundreds of paragraphs in a large corpus.
        """
        found = self._summed.get(positions)
        if found is None:
            found = self._summed[positions] = Counter()
            for position in positions:
                found.update(self.paragraphs[position][3])
        return found

    def vector(self, counts: Counter) -> dict[str, float]:
        """A unit-length TF-IDF vector of name counts."""
        weights = {name: (1 + math.log(n)) * self.idf.get(name, 1.0) for name, n in counts.items() if n}
        # fsum: the norm does not depend on the order the counts were summed in.
        norm = math.sqrt(math.fsum(w * w for w in weights.values())) or 1.0
        return {name: w / norm for name, w in weights.items()}


def _gather(pillar: Pillar, places: dict[tuple[str, str], tuple[Paragraph, int]],
            features: _ParagraphFeatures) -> list[Passage]:
    """The pillar's elaborations, then the paragraphs most like them."""
    data = rules.load("frameworks")
    passages = []
    for statement in pillar.statements:
        elaborations = dict(statement.elaborations).get(pillar.name, ())
        starts = {s for _, ids in statement.elaborations for s in ids}
        for sentence_id in elaborations:
            passages.append(_elaboration(statement.document, *places[(statement.document, sentence_id)], starts))

    def positions(keys) -> frozenset[int]:
        return frozenset(features.position[key] for key in keys if key in features.position)

    # The statement is on the page already; elaborations are passages already.
    stated = positions((f.document, f.sentence_id) for f in pillar.statements)
    excluded = stated | positions((p.document, s) for p in passages for s in p.sentence_ids)
    # The profile: what the paragraphs of the statements and elaborations mention, and the pillar's own name.
    profile = Counter({pillar.name: 1})
    profile.update(features.counts_in(stated))
    profile.update(features.counts_in(excluded - stated))
    vector = features.vector(profile)
    # Score through the postings of the profile's strongest names only: the
    # others add little to a cosine, and a name in a large share of all
    # paragraphs tells nothing and would touch every one of them.
    most = max(50, int(data["profile_max_share"] * len(features.paragraphs)))
    telling = [name for name in vector if len(features.index.get(name, ())) <= most]
    strongest = sorted(telling, key=lambda name: (-vector[name], name))[:data["profile_names"]]
    if pillar.name in telling and pillar.name not in strongest:
        strongest.append(pillar.name)
    scores: dict[int, float] = {}
    shared: dict[int, list[str]] = {}
    for name in strongest:
        for position in features.index.get(name, []):
            scores[position] = scores.get(position, 0.0) + vector[name] * features.vector_at(position)[name]
            shared.setdefault(position, []).append(name)
    scored = []
    for position, score in scores.items():
        if position in excluded:
            continue
        document, ids, paragraph, _ = features.paragraphs[position]
        # Naming the pillar itself is enough; resembling its elaborations needs more than one name.
        if score >= data["similar_min_score"] and (pillar.name in shared[position]
                                                   or len(shared[position]) >= data["similar_min_shared"]):
            scored.append(Passage(document, ids, paragraph.text, round(score, 3), False))
    scored.sort(key=lambda p: (-p.score, p.document, p.sentence_ids))
    return passages + scored[:data["similar_max_passages"]]


def _elaboration(document: str, paragraph: Paragraph, first: int, starts: set[str]) -> Passage:
    """The elaboration opening at the paragraph's sentence `first`: up to the next member's, within the paragraph."""
    taken = []
    for sentence in paragraph.sentences[first:]:
        if taken and sentence.id in starts:
            break
        taken.append(sentence)
    return Passage(document, tuple(s.id for s in taken), "".join(s.text for s in taken), 1.0, True)
