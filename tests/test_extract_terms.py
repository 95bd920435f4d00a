"""Term candidates: quoted names, products by their cue, people with their posts."""

from generator.extract.terms import TermExtractor
from tests.conftest import make_document


def candidates(text: str, kinds=("product", "concept", "person")):
    return [(c.name, c.kind, c.post) for c in TermExtractor().extract(make_document(text)) if c.kind in kinds]


def test_quoted_names_and_their_kind():
    found = candidates("工行打造的“工银e钱包”开放银行品牌，推出“云工行”非接触服务品牌，推进“揭榜挂帅”机制。")
    assert found == [("工银e钱包", "product", None), ("云工行", "product", None), ("揭榜挂帅", "concept", None)]


def test_phrases_lists_and_emphasis_are_not_names():
    assert candidates("培养“懂业务、通技术”的人才，向“新”而行，建设“敏捷”银行，做好“解决技术难题，填补市场空白”的项目。") == []


def test_people_with_their_posts():
    assert candidates("在业绩发布会上，工行副行长张文武介绍了做法。") == [("张文武", "person", "副行长")]
    assert candidates("数字货币研究所所长穆长春在会上发言。") == [("穆长春", "person", "所长")]
    assert candidates("董事长欧阳明华指出，要坚持创新。") == [("欧阳明华", "person", "董事长")]


def test_the_words_after_a_bare_post_name_no_one():
    for text in ("该行副行长在会上表示，将加快转型。", "行长也表示，将继续推进。", "董事长和行长指出，要坚持创新。",
                 "行长曾表示，要创新。", "行长向记者介绍，平台已上线。"):
        assert candidates(text) == [], text


def test_organisations_the_catalogue_does_not_know_are_candidates_too():
    found = candidates("潍坊银行昨日披露，截至6月末，潍坊银行股份有限公司资产总额1920亿元；蚂蚁集团与工行合作。",
                       kinds=("organization",))
    assert found == [("潍坊银行", "organization", None), ("潍坊银行", "organization", None),
                     ("蚂蚁集团", "organization", None), ("中国工商银行", "organization", None)]


def test_a_measure_word_or_a_kind_is_no_organisation():
    assert candidates("全力支持第一个人金融银行战略，股票型基金规模上升。", kinds=("organization",)) == []
