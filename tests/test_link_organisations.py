"""Organisation pages' joins, on the three banks' fixture corpus (tests/fixtures/banks)."""

import pytest

from generator.build import gather
from generator.model import term_id
from generator.timeexpr import period_end
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def banks():
    corpus = gather(FIXTURES / "banks")
    return {o.name: o for o in corpus.organisations}


def test_every_owner_of_facts_has_an_organisation_those_of_most_documents_first(banks):
    assert list(banks) == ["中国工商银行", "中国建设银行", "青禾银行"]
    assert banks["青禾银行"].id == term_id("青禾银行")


def test_the_latest_actual_of_each_series_and_the_targets_apart(banks):
    icbc = banks["中国工商银行"]
    latest = {(i.id, s.scope, s.change): (s.latest.value, s.latest.period) for i, s in icbc.series if s.latest}
    assert latest[("mobile-banking-customers", None, False)] == (5.5e8, "2023-12-31")
    assert latest[("retail-customers", "工银e钱包", False)] == (3.5e7, "2023-12-31")
    assert [m.text for m in icbc.targets] == ["突破6亿户"]
    ends = [period_end(e.date) for e in icbc.events]
    assert ends == sorted(ends)  # by when they end


def test_peers_are_compared_on_the_same_indicator_unit_and_period(banks):
    [customers] = [c for c in banks["中国工商银行"].comparisons
                   if c.indicator.id == "mobile-banking-customers" and not c.own.change]
    assert [(m.entity, m.value, m.period) for m in customers.peers] == [
        ("中国建设银行", 4.98e8, "2023-12-31"), ("青禾银行", 3.2e6, "2023-12-31")]
    # a product's figures are not the bank's, and are compared with no bank's
    assert not any(c.indicator.id == "retail-customers" for c in banks["中国工商银行"].comparisons)
