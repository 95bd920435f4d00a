"""The cache: fingerprints that say when inputs changed, and the extraction cache kept between builds."""

import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cache import ExtractionCache, fingerprint, read_kept, usable_folder
from generator.model import Skipped
from tests.conftest import make_document


def pickle_dumps(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def test_equal_values_have_equal_fingerprints_however_they_were_built():
    shared = ["数字工行"]
    assert fingerprint([shared, shared]) == fingerprint([["数字工行"], ["数字工行"]])
    assert fingerprint({"a": 1, "b": [1.5, None]}) == fingerprint({"a": 1, "b": [1.5, None]})
    assert fingerprint({"a": 1}) != fingerprint({"a": 2})


def test_a_document_counts_by_its_fingerprint_when_it_has_one():
    first, second = make_document("第一段。"), make_document("第二段。")
    assert fingerprint(first) != fingerprint(second)  # no fingerprint: hashed whole
    first.fingerprint = second.fingerprint = "same source"
    assert fingerprint(first) == fingerprint(second)


class _RunsCode:
    """What a crafted cache file holds: unpickled, it would call os.system."""

    def __reduce__(self):
        import os

        return os.system, ("touch /tmp/reportsite-cache-ran-code",)


def test_a_crafted_cache_file_runs_no_code(tmp_path):
    marker = Path("/tmp/reportsite-cache-ran-code")
    marker.unlink(missing_ok=True)
    path = tmp_path / "entry.pickle"
    path.write_bytes(pickle_dumps((_RunsCode(), {})))
    assert read_kept(path) is None
    path.write_bytes(pickle_dumps({"build": _RunsCode()}))
    assert read_kept(path) is None
    assert not marker.exists()


def test_the_generators_own_data_loads_from_a_cache(tmp_path):
    document = make_document("截至6月末，手机银行客户达到4.43亿户。")
    document.fingerprint = "key"
    cache = ExtractionCache(tmp_path)
    cache.store("key", pickle_dumps((document, {"metrics": []})))
    loaded, facts = cache.load("key")
    assert loaded.sections == document.sections and facts == {"metrics": []}


@pytest.mark.parametrize("value", [
    "a string", (1, 2), (None, None), ({"not": "a document"}, {}),
    (make_document("正文。"), {"metrics": []}),  # another key's document (its fingerprint is not this key)
    (Skipped("a.txt", "why"), {"metrics": []}),
])
def test_a_cache_entry_of_the_wrong_shape_is_discarded(tmp_path, value):
    cache = ExtractionCache(tmp_path)
    cache.store("key", pickle_dumps(value))
    assert cache.load("key") is None and cache.misses == 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_no_bytes_in_a_cache_file_raise(tmp_path, data):
    path = tmp_path / "key.pickle"
    path.write_bytes(data)
    assert ExtractionCache(tmp_path).load("key") is None
    read_kept(path)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0), flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)),
                                                   max_size=8))
def test_a_damaged_cache_entry_never_raises(tmp_path, cut, flips):
    document = make_document("截至6月末，手机银行客户达到4.43亿户，同比增长12%。")
    document.fingerprint = "key"
    data = bytearray(pickle_dumps((document, {"metrics": [], "events": []})))
    del data[cut % (len(data) + 1):]
    for position, byte in flips:
        if data:
            data[position % len(data)] = byte
    (tmp_path / "key.pickle").write_bytes(bytes(data))
    loaded = ExtractionCache(tmp_path).load("key")
    assert loaded is None or isinstance(loaded, tuple)


def test_a_file_where_the_cache_folder_should_be_is_removed(tmp_path, caplog):
    folder = tmp_path / ".cache" / "reportsite"
    folder.parent.mkdir()
    folder.write_bytes(b"\x00garbage")
    assert usable_folder(folder) and folder.is_dir()
    assert "not a folder" in caplog.text


def test_a_cache_folder_that_cannot_be_made_leaves_the_build_without_one(tmp_path, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("a file, not a folder")
    assert not usable_folder(blocked / "below" / "reportsite")
    assert "building without a cache" in caplog.text
