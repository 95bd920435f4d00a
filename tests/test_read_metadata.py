import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import MetaValue
from generator.read import fields
from generator.read.metadata import parse_byline, parse_person_line, read_head
from generator.read.readers import Block


def test_a_web_byline_gives_date_publisher_and_author():
    assert parse_byline("2021-8-30 10:27来源:移动支付网    作者:薛小易") == {
        "date": "2021-08-30", "publisher": "移动支付网", "author": "薛小易"}


def test_labelled_bylines_in_other_orders():
    assert parse_byline("来源：新华网  作者：张三  发布时间：2023年5月1日") == {
        "publisher": "新华网", "author": "张三", "date": "2023-05-01"}
    assert parse_byline("作者：李四 责任编辑：王五") == {"author": "李四"}


def test_sentences_are_not_bylines():
    assert parse_byline("8月27日,工行发布2021半年报。") is None
    assert parse_byline("数据来源:国家统计局公布的全年数据显示增长。") is None
    assert parse_byline("2021-8-30 工行发布半年报") is None


def test_a_line_naming_a_person_and_their_post():
    assert parse_person_line("中国工商银行金融科技部总经理杨龙如") == ("杨龙如", "中国工商银行金融科技部总经理")
    assert parse_person_line("杨龙如 中国工商银行金融科技部总经理") == ("杨龙如", "中国工商银行金融科技部总经理")
    assert parse_person_line("工行副行长张文武介绍了工行的做法。") is None
    assert parse_person_line("持续做强服务平台") is None


def test_head_lines_leave_the_body_as_metadata():
    blocks = [Block("工行金融科技战略升级"), Block("2021-8-30 10:27来源:移动支付网    作者:薛小易"),
              Block("8月27日,工行发布2021半年报。")]
    head = read_head(blocks, {})
    assert {k: v.value for k, v in head.meta.items()} == {
        "title": "工行金融科技战略升级", "date": "2021-08-30", "publisher": "移动支付网", "author": "薛小易"}
    assert [b.text for b in head.blocks] == ["8月27日,工行发布2021半年报。"]
    assert [c.rule for c in head.consumed] == ["title", "byline"]


def test_a_known_title_is_not_replaced_but_its_repeat_leaves_the_body():
    blocks = [Block("前言", heading_level=1), Block("正文第一句。")]
    head = read_head(blocks, {"title": MetaValue("前言", "front_matter")})
    assert [b.text for b in head.blocks] == ["正文第一句。"]
    other = read_head([Block("小标题"), Block("正文第一句。")], {"title": MetaValue("真正的标题", "sidecar")})
    assert [b.text for b in other.blocks] == ["小标题", "正文第一句。"]


def test_a_document_without_a_title_line_has_no_title():
    head = read_head([Block("中国工商银行金融科技部总经理杨龙如"), Block("2023年,工商银行深入推进“数字工行”建设。")], {})
    assert "title" not in head.meta
    assert head.meta["author"] == MetaValue("杨龙如", "person_line")
    assert head.author_post == "中国工商银行金融科技部总经理"


def test_datelines_and_reporter_lines():
    from generator.read.metadata import parse_reporter_line

    assert parse_byline("2024年01月15日 09:30 21世纪经济报道") == {"date": "2024-01-15", "publisher": "21世纪经济报道"}
    assert parse_reporter_line("21世纪经济报道记者 李华 深圳报道") == {"author": "李华", "publisher": "21世纪经济报道"}
    assert parse_reporter_line("本报记者 李华") == {"author": "李华"}
    assert parse_reporter_line("记者从本行获悉，新平台已上线。") is None


def test_compound_posts_stay_with_the_post():
    assert parse_person_line("招商银行行长助理周松") == ("周松", "招商银行行长助理")


def test_only_the_first_line_is_the_title():
    head = read_head([Block("3.6 金融科技与数字化转型"), Block("3.6.1 金融科技投入"), Block("正文一句。")], {})
    assert head.meta["title"].value == "3.6 金融科技与数字化转型"
    assert [b.text for b in head.blocks] == ["3.6.1 金融科技投入", "正文一句。"]


def test_a_bylines_author_with_the_post_in_brackets():
    head = read_head([Block("标题"), Block("作者：周九（光大银行金融科技部副总经理）"), Block("正文一句。")], {})
    assert (head.meta["author"].value, head.author_post) == ("周九", "光大银行金融科技部副总经理")


@pytest.mark.parametrize("note, post", [("作者系交通银行副行长", "交通银行副行长"),
                                        ("（作者单位：中国银行研究院）", "中国银行研究院")])
def test_a_note_on_the_author_anywhere_gives_the_post(note, post):
    head = read_head([Block("标题"), Block("正文一句。"), Block("正文二句。"), Block(note)], {})
    assert head.author_post == post
    assert [b.text for b in head.blocks] == ["正文一句。", "正文二句。"]


# The metadata a user writes: YAML read with limits, every field checked.

@pytest.mark.parametrize("text, reason", [
    ("a: &a [1]\nb: *a\n", "aliases"),
    ("title: " + "[" * 50 + "]" * 50, "nested deeper"),
    ("title: x\n" * 20000, "larger than"),
    ("- a\n- b\n", "not a mapping"),
    ("title: [unclosed\n", "flow sequence"),
    ("date: !!timestamp 2022-13-45\n", "unreadable value"),
])
def test_metadata_yaml_beyond_its_limits_is_refused_with_a_reason(text, reason):
    with pytest.raises(fields.MetadataError, match=reason):
        fields.load_yaml_mapping(text)


def test_dates_stay_as_written_for_the_date_check():
    assert fields.load_yaml_mapping("date: 2022-13-45\n") == {"date": "2022-13-45"}


def test_each_bad_field_is_dropped_with_a_warning_and_the_good_ones_kept():
    found, warnings = fields.from_mapping({"title": {"nested": "map"}, "作者": ["张三", "李四"], "date": "2024-1-5"},
                                          "sidecar")
    assert warnings == ["metadata field 'title' dropped: not text"]
    kept, warnings = fields.checked([*found.items(), ("title", MetaValue("标题\n第二行\x00", "first_line")),
                                     ("publisher", MetaValue("很长" * 100, "byline"))])
    assert dict(kept) == {"author": MetaValue("张三、李四", "sidecar"), "date": MetaValue("2024-01-05", "sidecar"),
                          "title": MetaValue("标题 第二行", "first_line")}
    assert warnings == ["metadata field publisher dropped: longer than 100 characters (200)"]


def test_a_date_no_calendar_has_is_dropped():
    kept, warnings = fields.checked([("date", MetaValue("2022-13-45", "front_matter"))])
    assert kept == [] and "not a date" in warnings[0]


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_no_metadata_text_raises_anything_but_its_error(text):
    try:
        mapping = fields.load_yaml_mapping(text)
    except fields.MetadataError:
        return
    found, _ = fields.from_mapping(mapping, "front_matter")
    kept, _ = fields.checked(list(found.items()))
    for _, value in kept:
        assert "\n" not in value.value and value.value == value.value.strip()


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                    lambda children: st.lists(children, max_size=4)
                    | st.dictionaries(st.text(max_size=8), children, max_size=4), max_leaves=20))
def test_no_yaml_value_raises(value):
    mapping = {"title": value, "date": value, "author": value}
    found, _ = fields.from_mapping(mapping, "sidecar")
    fields.checked(list(found.items()))
