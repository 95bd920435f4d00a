import csv
import io
import json

import pytest

from generator.build import gather
from generator.model import readable_id
from generator.export import (METRIC_COLUMNS, document_parts, dumps, facts_csv, report, report_json,
                              spreadsheet_safe)
from tests.conftest import FIXTURES, ROOT

CONTRACT_DOCUMENT_KEYS = {"id", "source_file", "title", "date", "author", "publisher", "sections", "url"}


def test_report_follows_the_contract():
    data = report(gather(ROOT / "corpus"))
    assert data["schema_version"] == 1
    for key in ("documents", "metrics", "events", "pillars", "terms"):
        assert isinstance(data[key], list)
    for document in data["documents"]:
        assert CONTRACT_DOCUMENT_KEYS <= document.keys()
        assert document["id"].isascii() and document["url"] == f"documents/{document['id']}/"
        assert all({"title", "level"} <= s.keys() for s in document["sections"])
    assert [d["source_file"] for d in data["documents"]] == sorted(p.name for p in (ROOT / "corpus").iterdir())


def test_report_text_is_sorted_unescaped_json():
    text = report_json(gather(ROOT / "corpus")).decode("utf-8")
    assert "工行" in text  # ensure_ascii off
    assert text == dumps(json.loads(text))  # assembled from parts, it is what one dump of the whole gives
    assert text == report_json(gather(ROOT / "corpus")).decode("utf-8")


def test_the_report_assembled_from_each_documents_part_is_the_report():
    corpus = gather(ROOT / "corpus")
    parts = document_parts(corpus)
    assert len(parts) == len(corpus.documents)
    assert report_json(corpus, parts) == report_json(corpus)


def test_metrics_name_their_indicator_and_go_to_csv():
    corpus = gather(ROOT / "corpus")
    data = report(corpus)
    # Every figure with a subject has a series; a one-off figure (one document, one owner) has no glossary page.
    assert all(m["series"] for m in data["metrics"] if m["subject"])
    paged = {i.id for i in corpus.glossary}
    assert {m["indicator"] for m in data["metrics"]} - {None} == paged
    one_off = [m for m in data["metrics"] if m["subject"] and m["indicator"] is None]
    assert one_off and all(m["series"].startswith(readable_id(m["subject"])) for m in one_off)
    text = facts_csv(corpus, "metrics").decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs read UTF-8 Chinese only with the BOM
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert tuple(rows[0]) == METRIC_COLUMNS
    assert [r["id"] for r in rows] == [m["id"] for m in data["metrics"]]


@pytest.mark.parametrize("cell, safe", [
    ("=HYPERLINK(\"http://example.com\",\"点击\")", "'=HYPERLINK(\"http://example.com\",\"点击\")"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("-2+3", "'-2+3"),
    ("-1.8", "-1.8"),
    (-1.8, -1.8),
    ("手机银行客户", "手机银行客户"),
])
def test_csv_cells_never_start_a_formula(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_the_csv_gives_a_decrease_its_sign():
    rows = list(csv.DictReader(io.StringIO(facts_csv(gather(ROOT / "corpus"), "metrics").decode("utf-8-sig"))))
    decreases = [row for row in rows if row["direction"] == "down"]
    assert decreases and all(float(row["signed_value"]) == -float(row["value"]) < 0 for row in decreases)
    assert all(float(row["signed_value"]) == float(row["value"]) for row in rows if row["direction"] != "down")


def test_each_indicator_and_each_organisation_has_its_own_csv():
    from generator.export import data_files
    from generator.model import term_id
    files = data_files(gather(FIXTURES / "banks"))
    def rows(path):
        return list(csv.DictReader(io.StringIO(files[path].decode("utf-8-sig"))))
    icbc = rows(f"data/organisations/{term_id('中国工商银行')}.csv")
    assert icbc and {r["entity"] for r in icbc} == {"中国工商银行"}
    customers = rows("data/metrics/mobile-banking-customers.csv")
    assert {r["indicator_name"] for r in customers} == {"个人手机银行客户"}
    assert {r["entity"] for r in customers} == {"中国工商银行", "中国建设银行", "青禾银行", ""}
    assert all(r["document_title"] for r in customers)


def test_csv_links_are_absolute_when_the_site_has_an_address():
    from generator.export import data_files
    corpus = gather(FIXTURES / "banks")
    files = data_files(corpus, site_url="https://analyst.github.io/banks")
    for path in ("data/metrics.csv", "data/events.csv", "data/metrics/mobile-banking-customers.csv"):
        rows = list(csv.DictReader(io.StringIO(files[path].decode("utf-8-sig"))))
        assert rows and all(r["source_url"].startswith("https://analyst.github.io/banks/documents/") for r in rows)
    # The report keeps the contract's site-relative links; without an address the CSV does too.
    assert all(m["source_url"].startswith("documents/") for m in json.loads(files["data/report.json"])["metrics"])
    relative = data_files(corpus)["data/metrics.csv"].decode("utf-8-sig")
    assert "https://" not in relative and ",documents/" in relative
