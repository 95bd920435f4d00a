"""Pillars: the framework's own elaborations first, then resembling paragraphs of any document."""

from generator.extract import extract_all
from generator.link import link
from tests.conftest import make_document

STATING = make_document("""具体来看，本行将打造“敏捷、智慧、生态”三位一体的“科技强行”。
敏捷银行的关键之一在于推进“揭榜挂帅”机制，引入科技人才，建设数据中台。
智慧银行则包括量子计算和隐私计算的应用。
生态银行方面，本行建成开放平台，接入互联网场景。
截至6月末，科技人才达3000人。
""", "2021-08-30", doc_id="a")
OTHER = make_document("""本行持续优化“揭榜挂帅”机制，依托数据中台培养科技人才。
本行发布年报。
""", "2024-03-28", doc_id="b")


def corpus():
    documents = [STATING, OTHER]
    return link(documents, [], extract_all(documents))


def test_elaborations_come_first_with_score_one():
    agile = next(p for p in corpus().pillars if p.name == "敏捷")
    first = agile.passages[0]
    assert (first.document, first.score, first.elaboration) == ("a", 1.0, True)
    assert first.text.startswith("敏捷银行的关键之一")


def test_resembling_paragraphs_of_other_documents_join():
    agile = next(p for p in corpus().pillars if p.name == "敏捷")
    similar = [p for p in agile.passages if not p.elaboration]
    assert [p.document for p in similar] == ["b"]
    assert 0.3 <= similar[0].score < 1
    assert agile.documents == ["a", "b"]


def test_one_shared_name_is_not_resemblance():
    pillars = corpus().pillars
    assert all("本行发布年报。" not in p.text for pillar in pillars for p in pillar.passages)


def test_the_report_lists_pillars_by_group():
    from generator.export import report

    data = report(corpus())
    assert {p["group"] for p in data["pillars"]} == {"科技强行"}
    assert [p["name"] for p in data["pillars"]] == ["敏捷", "智慧", "生态"]


def test_a_framework_restated_with_more_members_keeps_one_page_per_pillar():
    from generator.export import report

    grown = make_document("本行将打造“敏捷、智慧、生态、数字”四位一体的“科技强行”。\n", "2023-03-28", doc_id="c")
    documents = [STATING, OTHER, grown]
    data = report(link(documents, [], extract_all(documents)))
    assert [p["name"] for p in data["pillars"]] == ["敏捷", "智慧", "生态", "数字"]
    agile = next(p for p in data["pillars"] if p["name"] == "敏捷")
    assert agile["documents"] == ["a", "b", "c"]  # stated by both lists
    assert [len(f["members"]) for f in data["frameworks"]] == [3, 4]
    assert data["frameworks"][0]["pillars"] == data["frameworks"][1]["pillars"][:3]


PARTS = make_document("""前言。
手机银行9.0围绕大财富、全融资、促消费、强智能、优体验五个领域，打磨重点功能。
大财富方面，推出家庭财富服务。
""", "2024-03-28", doc_id="d")


def test_a_list_of_parts_gathers_nothing_and_has_no_page_but_stays_in_the_report():
    from generator.export import report

    documents = [STATING, OTHER, PARTS]
    linked = link(documents, [], extract_all(documents))
    parts = [p for p in linked.all_pillars if p.group == "五个领域"]
    assert len(parts) == 5 and not any(p.strategy or p.passages or p.has_page for p in parts)
    assert all(p.group == "科技强行" for p in linked.pillars)  # the site shows the strategy's pillars only
    data = report(linked)
    wealth = next(p for p in data["pillars"] if p["name"] == "大财富")
    assert (wealth["strategy"], wealth["url"]) == (False, "pillars/")  # the index lists it
    assert [f["strategy"] for f in data["frameworks"]] == [True, False]


def test_strategies_rank_first_those_stated_up_front_first():
    body = make_document("前言。\n本行将打造“敏捷、智慧、生态”三位一体的“科技强行”。", "2023-01-02", doc_id="c")
    lead = make_document("本行围绕“服务客户、赋能员工”两个方向推进转型。\n正文。", "2024-01-02", doc_id="e")
    documents = [body, PARTS, lead]
    groups = link(documents, [], extract_all(documents)).frameworks
    assert [g.name for g in groups] == ["两个方向", "科技强行", "五个领域"]


def test_a_strategy_member_nothing_else_speaks_of_has_no_page():
    lone = make_document("前言。\n本行实施三大战略：甲业务、乙业务和丙业务。", "2024-01-02", doc_id="f")
    linked = link([lone], [], extract_all([lone]))
    assert [p.strategy for p in linked.all_pillars] == [True] * 3
    assert linked.pillars == []
