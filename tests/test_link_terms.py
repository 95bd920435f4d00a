"""Terms across documents: aliases, mentions, pinyin order, related documents."""

from generator.extract.terms import TermExtractor
from generator.link.terms import build_terms, related_documents
from tests.conftest import make_document

DOCUMENTS = [
    make_document("工行推进“揭榜挂帅”机制。\n中国工商银行建成数据中台。\n", doc_id="a"),
    make_document("工商银行持续优化揭榜挂帅机制，手机银行客户增长。\n中国银行业整体向好。\n", doc_id="b"),
    make_document("招行手机银行上线新版本。\n", doc_id="c"),
]


def index(exclude=frozenset()):
    candidates = [c for d in DOCUMENTS for c in TermExtractor().extract(d)]
    return build_terms(DOCUMENTS, candidates, set(exclude))


def terms(exclude=frozenset()):
    return {t.name: t for t in index(exclude).terms}


def test_aliases_are_one_organisation():
    icbc = terms()["中国工商银行"]
    assert icbc.kind == "organization" and {"工行", "工商银行"} <= set(icbc.aliases)
    assert icbc.documents == ["a", "b"]
    assert [m.sentence[m.start:m.end] for m in icbc.mentions] == ["工行", "中国工商银行", "工商银行"]


def test_a_bank_is_not_its_industry():
    assert "中国银行" not in terms()


def test_a_name_quoted_in_one_document_joins_those_that_use_it():
    assert terms()["揭榜挂帅"].documents == ["a", "b"]
    assert terms()["手机银行"].documents == ["b", "c"]


def test_excluded_names_have_no_term():
    assert "数据中台" not in terms(exclude={"数据中台"})


def test_index_order_is_pinyin():
    names = list(terms())
    assert names == sorted(names, key=lambda n: terms()[n].sort_key)
    assert terms()["揭榜挂帅"].initial == "J" and terms()["招商银行"].initial == "Z"


def test_mentions_by_document_read_in_order_or_term_by_term():
    built = index()
    found = [(term.name, mention.sentence[mention.start:mention.end]) for term, mention in built.in_document["b"]]
    assert found == [("中国工商银行", "工商银行"), ("揭榜挂帅", "揭榜挂帅"), ("手机银行", "手机银行")]
    ranked = [term.name for term, _ in built.by_term("b")]
    assert ranked == sorted(ranked, key=lambda name: terms()[name].sort_key)
    assert built.in_document["c"] and built.dictionary == index().dictionary != index({"手机银行"}).dictionary


def test_related_documents_share_rare_terms():
    related = related_documents(DOCUMENTS, list(terms().values()), [])
    assert [other for other, _ in related["a"]] == ["b"]
    assert related["b"][0][0] == "a" and "揭榜挂帅" in related["b"][0][1]
    assert [other for other, _ in related["c"]] == ["b"]


def test_a_name_that_shortens_another_the_document_introduces_is_its_alias():
    documents = [make_document("推广“客户经理云工作室”，客户经理在手机银行开通“云工作室”。\n"
                               "推出“生成式人工智能”应用，人工智能持续赋能。\n", doc_id="a")]
    candidates = [c for d in documents for c in TermExtractor().extract(d)]
    found = {t.name: t for t in build_terms(documents, candidates, set()).terms}
    assert "云工作室" not in found and found["客户经理云工作室"].aliases == ["云工作室"]
    assert "人工智能" in found  # a known concept never shortens another


def test_a_list_named_platform_known_as_a_concept_keeps_its_kind():
    documents = [make_document("工行依托聚富通、API、工行云等开放平台。\n", doc_id="a")]
    candidates = [c for d in documents for c in TermExtractor().extract(d)]
    found = {t.name: t for t in build_terms(documents, candidates, set()).terms}
    assert found["API"].kind == "concept" and found["聚富通"].kind == "product"


def test_a_meeting_is_no_organisation():
    documents = [make_document("中央金融工作会议提出做好五篇大文章。\n", doc_id="a")]
    found = {t.name: t for t in build_terms(documents, [], set()).terms}
    assert found["中央金融工作会议"].kind == "concept"
