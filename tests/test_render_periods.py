"""Lists paged by period: the whole by year, a year by month, a month by day, each page at most a limit."""

from generator.render.periods import UNDATED, by_period, finest_period, period_title


def test_a_list_within_the_limit_is_one_page():
    whole = by_period(["2024-08-06", "2023", None], lambda d: d, limit=3)
    assert (whole.key, whole.entries, whole.parts, whole.total) == ("", ["2024-08-06", "2023", None], [], 3)


def test_a_long_list_is_split_by_year_then_month_then_day_and_coarse_dates_get_a_page_first():
    dates = ["2023-05-01", "2024", "2024-H1", "2024-08", "2024-08-06", "2024-08-06", "2024-08-07", None]
    whole = by_period(dates, lambda d: d, limit=2)
    assert [page.key for page in whole.pages()] == ["", "2023", "2024", "2024-whole", "2024-08", "2024-08-whole",
                                                    "2024-08-06", "2024-08-07", UNDATED]
    year = whole.parts[1]
    assert year.entries == [] and year.total == 6  # the year's page: only its parts, with their counts
    assert year.parts[0].entries == ["2024", "2024-H1"]  # no month named: the year's own
    month = year.parts[1]
    assert month.entries == [] and month.parts[0].entries == ["2024-08"]
    assert [part.entries for part in month.parts[1:]] == [["2024-08-06", "2024-08-06"], ["2024-08-07"]]
    assert whole.entries == []


def test_an_entry_added_to_a_day_changes_no_list_of_coarse_dates():
    dates = ["2024", "2024-H1", "2024-Q3", "2024-08-06", "2024-09-01"]
    before, after = (by_period(found, lambda d: d, limit=3) for found in (dates, dates + ["2024-08-07"]))
    assert [page.entries for page in before.pages()][:3] == [page.entries for page in after.pages()][:3] == [
        [], [], ["2024", "2024-H1", "2024-Q3"]]  # the whole's, the year's (its counts aside), the year's own


def test_a_day_and_the_undated_are_never_split():
    whole = by_period(["2024-08-06"] * 5 + [None] * 5, lambda d: d, limit=2)
    assert [(page.key, len(page.entries)) for page in whole.pages()][-3:] == [
        ("2024-08", 0), ("2024-08-06", 5), (UNDATED, 5)]


def test_newest_first_orders_the_parts_newest_first_and_the_undated_last():
    whole = by_period(["2024-01-01", None, "2022-01-01", "2023-01-01"], lambda d: d, limit=1, newest_first=True)
    assert [part.key for part in whole.parts] == ["2024", "2023", "2022", UNDATED]
    year = by_period(["2024", "2024-01-01", "2024-02-01"], lambda d: d, limit=1, newest_first=True, key="2024")
    assert [part.key for part in year.parts] == ["2024-02", "2024-01", "2024-whole"]


def test_periods_are_named_as_a_reader_writes_them():
    assert [period_title(key) for key in ("2024", "2024-08", "2024-08-06", UNDATED, "2024-whole", "2024-08-whole")] == [
        "2024年", "2024年8月", "2024年8月6日", "日期未知", "2024年（未具体到月）", "2024年8月（未具体到日）"]


def test_a_date_pages_under_its_day_or_month_or_else_its_year():
    assert [finest_period(date) for date in ("2024-08-06", "2024-08", "2024-H1", "2024-Q3", "2024", "2021/2023",
                                             "2024-08/2024-10", None)] == [
        "2024-08-06", "2024-08", "2024", "2024", "2024", "2021", "2024", None]
