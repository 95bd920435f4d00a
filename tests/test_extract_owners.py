"""Owners: whose figure a sentence states, resolved as a reader resolves it."""

from dataclasses import replace

import pytest

from generator.extract.metrics import MetricExtractor
from generator.extract.owners import document_subject, organisations_in
from generator.model import MetaValue
from tests.conftest import make_document


def owners(text: str, **meta) -> list[tuple[str, str | None]]:
    document = make_document(text, "2024-03-28")
    document.meta.update({name: MetaValue(value, "sidecar") for name, value in meta.items()})
    return [(m.text, m.entity) for m in MetricExtractor().extract(document)]


def test_an_organisation_named_in_the_sentence_owns_its_figures():
    assert owners("报告期内，工行营业收入4678亿元，同比增长4.3%；净利润1645亿元。") == [
        ("4678亿元", "中国工商银行"), ("同比增长4.3%", "中国工商银行"), ("1645亿元", "中国工商银行")]


def test_each_clause_keeps_its_own_organisation():
    assert owners("建设银行个人手机银行客户4.98亿户，招商银行App月活跃用户1.1亿户。") == [
        ("4.98亿户", "中国建设银行"), ("1.1亿户", "招商银行")]


def test_a_quotes_move_is_the_name_its_clause_gives_known_or_not():
    # Wind's market digest: the one name with an organisation's ending owned every quote after it.
    assert owners("热门中概股普遍下跌，纳斯达克中国金龙指数跌3.35%，高途集团跌12.08%，极氪跌9.57%。\n"
                  "中概新能源汽车股全线走低，蔚来汽车跌8.33%。", publisher="招商银行") == [
        ("跌3.35%", None), ("跌12.08%", "高途集团"), ("跌9.57%", None), ("跌8.33%", None)]


@pytest.mark.parametrize("text, owner", [
    ("个股方面，升能集团盘中临停，停牌前暴跌98.4%。", "升能集团"),
    ("工商银行发布公告，股价涨2%。", "中国工商银行"),
    ("工行营业收入4678亿元，净利润上涨5%。", "中国工商银行"),
])
def test_a_move_whose_clause_names_nothing_is_the_organisation_before_its(text, owner):
    assert owners(text)[-1][1] == owner


def test_a_back_reference_carries_the_organisation_over():
    assert owners("潍坊银行披露了二季度报告。\n截至6月末，该行资产总额1920亿元，其不良贷款率1.10%。") == [
        ("1920亿元", "潍坊银行"), ("1.10%", "潍坊银行")]


def test_a_back_reference_to_a_bank_carries_over_only_a_bank():
    # Wind's digest item: the company leads its clause, and 该行 is no bank the item named.
    text = "中证协拟将诚信评估结果纳入画像，同时将AAAAA级公司的评估结果记入诚信档案。\n截至6月末，该行手机银行客户达5.2亿户。"
    assert owners(text) == [("5.2亿户", None)]
    assert owners("工行发布半年报。\n截至6月末，该行手机银行客户达5.2亿户。") == [("5.2亿户", "中国工商银行")]


def test_a_branded_product_belongs_to_its_organisation():
    assert owners("“工银e钱包”累计服务个人客户3500万户。") == [("3500万户", "中国工商银行")]


@pytest.mark.parametrize("meta, owner", [
    ({"title": "招商银行2023年报解读"}, "招商银行"),
    ({"publisher": "中国建设银行"}, "中国建设银行"),
    ({"publisher": "移动支付网"}, None),  # a news site speaks about others
])
def test_the_documents_own_subject_owns_what_no_sentence_claims(meta, owner):
    assert owners("手机银行客户突破2亿户。", **meta) == [("突破2亿户", owner)]


def test_an_executives_bank_is_the_documents_subject():
    document = replace(make_document("全年培训超40万人次。"), author_post="中国工商银行金融科技部总经理")
    assert document_subject(document).name == "中国工商银行"


@pytest.mark.parametrize("text", [
    "全国CPI同比上涨0.2%。", "国家统计局数据显示，社会消费品零售总额同比增长3.5%。", "据统计，全行业手机银行用户达10亿户。",
    "但随着通道业务受阻，基金子目前的在管规模跌至1.21万亿。"])
def test_market_national_and_survey_figures_have_no_owner(text):
    assert all(owner is None for _, owner in owners(text, title="工行发布年报"))


@pytest.mark.parametrize("meta, text", [
    ({"title": "国家统计局：7月份社会消费品零售总额增长2.7%"}, "7月份，社会消费品零售总额同比增长2.7%，城镇调查失业率为5.2%。"),
    ({}, "北京市统计局发布，上半年全市居民人均可支配收入同比增长4.6%。"),
])
def test_a_statistics_office_is_the_source_of_the_figures_it_publishes_not_their_owner(meta, text):
    assert all(owner is None for _, owner in owners(text, **meta))


def test_a_partner_after_a_preposition_is_not_the_owner():
    assert owners("工行与全国26个省市开展政务数据合作，向蚂蚁集团等300多家机构输出服务。") == [
        ("26个", "中国工商银行"), ("300多家", "中国工商银行")]


@pytest.mark.parametrize("text, names", [
    ("潍坊银行股份有限公司资产总额1920亿元", ["潍坊银行"]),
    ("银行如华润银行、常熟农商银行", ["华润银行", "常熟农商银行"]),
    ("个人手机银行和开放银行", []),
    ("全力支持第一个人金融银行战略", []),
    ("股票型基金和权益类基金", []),
    ("保持国内银行业第一", []),
    ("六大国有银行均跌超4%", []),
    # A word that leads a clause or acts does not open the name after it (real news, 2024).
    ("而华创证券维持目标价", ["华创证券"]),
    ("法院判决苹果公司赔偿", ["苹果公司"]),
    ("受让天士力集团股份", ["天士力集团"]),
    ("归属公司股东的净利润", []),
    ("近期公司股价上涨", []),
    ("随着基金规模扩大", []),
    ("其中，10家挂牌公司收入增长超1倍", []),  # counted companies, not one
    ("据国家管网集团消息", ["国家管网集团"]),
    ("法国奢侈品巨头路威酩轩集团裁员", ["路威酩轩集团"]),  # what it is, then its name
    ("医药央企华润集团受让股份", ["华润集团"]),
    ("私募证券产品备案数量环比增长16.6%", []),  # kinds of company and fund, not one
    ("主动权益基金和医药行业公司", []),
    ("美联储将联邦基金利率下调50个基点", []),  # a rate
    ("汇丰控股将其南非企业银行部门出售", ["汇丰控股"]),  # a department
    ("万泰生物证券部工作人员表示", []),
    ("潍坊证券部署新系统，潍坊证券部分营业部", ["潍坊证券", "潍坊证券"]),
    ("印度最大影子银行的住房贷款部门", []),
    # Real news, 2024: another country's central bank, a descriptor before a Latin name, a
    # futures contract, a fund's subsidiaries, names made of endings only.
    ("墨西哥央行将隔夜利率下调，巴林央行、央行", ["墨西哥央行", "巴林央行", "中国人民银行"]),
    ("人工智能公司C3.ai第一财季营收8720万美元", []),
    ("COMEX黄金期货收涨1.76%", []),
    ("折射出基金子公司的转型", []),
    ("《金融租赁公司管理办法》", []),
    ("美国证券交易委员会文件显示", []),
    ("上海期货交易所", ["上海期货交易所"]),
    ("日本制铁公司宣布", ["日本制铁公司"]),
    ("重庆嘉寓房屋租赁有限责任公司签约", ["重庆嘉寓房屋租赁有限责任公司"]),
    ("富力地产就若干附属公司的资产委任", []),
])
def test_organisations_are_found_by_their_ending(text, names):
    assert [owner.name for _, _, owner in organisations_in(text)] == names


def test_companies_of_a_kind_own_nothing():
    assert owners("其中，上汽集团36.3%，其他合作公司21.3%。") == [("36.3%", "上汽集团"), ("21.3%", None)]


def test_a_list_of_organisations_owns_no_single_figure():
    assert owners("工行、建行等六大行的理财公司存续规模合计为19.39万亿元。", title="工行发布年报") == [("19.39万亿元", None)]


def test_a_platforms_figures_are_its_owners():
    assert owners("支付宝用户超10亿，云闪付用户超5亿。") == [("超10亿", "蚂蚁集团"), ("超5亿", "中国银联")]


def test_a_figure_in_brackets_is_the_name_before_its():
    assert owners("营收规模前三名为招商银行（2514.20亿元）、兴业银行（1612.34亿元）。") == [
        ("2514.20亿元", "招商银行"), ("1612.34亿元", "兴业银行")]


def test_an_organisation_naming_itself_is_the_documents_subject_whoever_was_named_last():
    found = owners("根据国家金融监督管理总局要求，本行完善公司治理。\n截至2025年末，本行董事会共有12名董事。",
                   publisher="平安银行股份有限公司")
    assert found == [("12名", "平安银行")]


def test_a_quotes_move_may_open_with_a_degree():
    assert owners("京东集团跌近9%遭沃尔玛清仓减持，快手大幅收跌近10%。") == [
        ("跌近9%", "京东集团"), ("大幅收跌近10%", None)]


def test_a_quotes_money_flow_is_the_name_its_clause_gives():
    assert owners("大市成交703.34亿港元，南向资金净买入43.46亿港元，盈富基金获净买入8.83亿港元居首，"
                  "中国联通遭净卖出额3.17亿港元最多。") == [
        ("703.34亿港元", None), ("43.46亿港元", None), ("8.83亿港元", "盈富基金"), ("3.17亿港元", None)]


def test_another_countrys_organisation_is_not_the_known_one_of_its_name():
    assert owners("墨西哥央行将隔夜利率从11.00%下调至10.75%；美国证监会罚款超4900万美元。") == [
        ("11.00%", "墨西哥央行"), ("10.75%", "墨西哥央行"), ("超4900万美元", "美国证监会")]


def test_an_exchange_is_the_source_of_the_markets_figures():
    assert owners("截至8月31日，沪深北证券交易所共5355家上市公司公布半年报。") == [("5355家", None)]


def test_a_company_paid_from_is_not_the_owner():
    assert owners("指控它们引导患者使用胰岛素，以便从制药公司获得数百万美元的回扣。")[-1][1] is None


def test_what_is_bought_or_held_is_not_the_owner():
    assert owners("意大利裕信银行表示，已买入衍生品合约以获得德国商业银行11.5%的股份，此前已持有德商银行9%的股份。") == [
        ("11.5%", "意大利裕信银行"), ("9%", "意大利裕信银行")]


def test_a_digests_numbered_items_are_clauses_of_their_own():
    assert owners("【债券重大事件】①工商银行拟发行二级资本债，规模500亿元②阳光城集团到期未支付债务本金723.56亿"
                  "③*ST傲农新增逾期债务本息合计约9986万元") == [
        ("500亿元", "中国工商银行"), ("723.56亿", "阳光城集团"), ("约9986万元", None)]


def test_news_carries_its_organisation_to_a_sentence_about_someone_else_no_further():
    assert owners("雷军退出了蚂蚁集团旗下公司。\n其中雷军退出前持股比例为0.97%。\n蚂蚁集团营收增长5%。\n"
                  "当季利润增长8%。") == [("0.97%", None), ("增长5%", "蚂蚁集团"), ("增长8%", "蚂蚁集团")]
    # An abbreviation names someone else too (瑞银, UBS).
    assert owners("央行连续增持黄金。\n瑞银财富管理表示，金价未来12个月有望升至2700美元。\n") == [
        ("12个月", None), ("2700美元", None)]
