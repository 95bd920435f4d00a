"""Term candidates: quoted names, products by their cue, people with their posts."""

from generator.extract.terms import TermExtractor
from tests.conftest import make_document


def candidates(text: str):
    return [(c.name, c.kind, c.post) for c in TermExtractor().extract(make_document(text))]


def test_quoted_names_and_their_kind():
    found = candidates("工行打造的“工银e钱包”开放银行品牌，推出“云工行”非接触服务品牌，推进“揭榜挂帅”机制。")
    assert found == [("工银e钱包", "product", None), ("云工行", "product", None), ("揭榜挂帅", "concept", None)]


def test_phrases_lists_and_emphasis_are_not_names():
    assert candidates("培养“懂业务、通技术”的人才，向“新”而行，建设“敏捷”银行，做好“解决技术难题，填补市场空白”的项目。") == []


def test_people_with_their_posts():
    assert candidates("在业绩发布会上，工行副行长张文武介绍了做法。") == [("张文武", "person", "副行长")]
