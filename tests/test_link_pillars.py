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
