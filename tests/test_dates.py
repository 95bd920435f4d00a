import datetime as dt

import pytest

from generator.dates import parse_date


@pytest.mark.parametrize("value, expected", [
    ("2021-8-30 10:27", "2021-08-30"),
    ("2021年8月27日", "2021-08-27"),
    ("2021/08/30", "2021-08-30"),
    ("2021.8.30", "2021-08-30"),
    ("2021年6月", "2021-06"),
    ("2023", "2023"),
    ("2023年", "2023"),
    (2023, "2023"),
    (dt.date(2021, 8, 30), "2021-08-30"),
    (dt.datetime(2021, 8, 30, 10, 27), "2021-08-30"),
    ("2021-13-45", "2021"),
    ("报告期内", None),
    ("", None),
    (None, None),
])
def test_absolute_dates_in_their_written_forms(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2021-13-45", "2022-02-30", "2021年13月"])
def test_strictly_a_date_no_calendar_has_is_none(value):
    assert parse_date(value, strict=True) is None
    assert parse_date("2024-02-29", strict=True) == "2024-02-29"
