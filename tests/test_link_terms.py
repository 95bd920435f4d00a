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
