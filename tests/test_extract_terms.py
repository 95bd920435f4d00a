"""Term candidates: quoted names (not figures of speech), products by their cue, in lists and by brand, people."""

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


def test_figures_of_speech_in_quotes_are_not_names():
    text = "建立金融科技人才“蓄水池”机制，推动业务科技“煲汤式”融合，推进“揭榜挂帅”机制。"
    assert candidates(text) == [("揭榜挂帅", "concept", None)]  # a reservoir and a manner say what it is like


def test_products_a_list_names_without_quotes():
    found = candidates("工行依托聚富通、API、工行云等开放平台，推动周转贷、构建贷、物业贷等传统线下产品线上化。")
    # API reads as no name (the link stage knows it as a concept); two of three items do: the list names
    assert [name for name, kind, _ in found if kind == "product"] == ["聚富通", "工行云", "周转贷", "构建贷", "物业贷"]


def test_lists_of_kinds_of_product_name_none():
    assert candidates("推出存款、基金、理财等产品。") == []
    assert candidates("覆盖钢铁、水泥、玻璃、乙烯、甲醇、锂电池、新能源汽车等重点产品。") == []


def test_a_name_opened_by_a_brand_is_a_product():
    assert candidates("构建工银e生活6.0平台型生活服务新生态。") == [("工银e生活", "product", None)]
