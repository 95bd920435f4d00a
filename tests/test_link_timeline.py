"""The timeline: in time order; spans as bars."""

from generator.extract.events import EventExtractor
from generator.link.timeline import build_spans, build_timeline
from tests.conftest import make_document

TEXT = """8月27日，本行发布2021半年报。
上半年，本行成立了乡村振兴办公室。
2021年6月，新平台上线。
本行制定了发展规划(2021-2023年)。
全年，本行推进转型。
2022年，本行启动云迁移。
"""


def test_events_by_year_and_time():
    events = EventExtractor().extract(make_document(TEXT, "2021-08-30"))
    timeline = build_timeline(events)
    assert [e.date for e in timeline] == ["2021-H1", "2021", "2021/2023", "2021-06", "2021-08-27", "2022"]
    [span] = build_spans(events)
    assert (span.first, span.last) == (2021, 2023)
