"""The caches: fingerprints that say when inputs changed, and the memo that keeps results between builds."""

from generator.cache import Memo, fingerprint
from tests.conftest import make_document


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


def test_the_memo_keeps_what_a_build_used_for_the_next(tmp_path):
    path = tmp_path / "memo.pickle"
    memo = Memo(path)
    assert memo.get("a", lambda: 1) == 1 and memo.get("b", lambda: 2) == 2
    memo.save()
    memo = Memo(path)
    assert memo.get("a", lambda: 99) == 1 and (memo.hits, memo.misses) == (1, 0)
    memo.save()
    assert Memo(path).get("b", lambda: 3) == 3  # not asked for by the last build: dropped


def test_a_build_that_adds_a_few_values_appends_them(tmp_path):
    path = tmp_path / "memo.pickle"
    first = Memo(path)
    for key in "abcdefgh":
        first.get(key, lambda key=key: key.upper())
    first.save()
    size = path.stat().st_size
    second = Memo(path)
    for key in "abcdefg":  # one value no longer asked for, one new
        second.get(key, lambda: "?")
    second.get("z", lambda: "Z")
    second.save()
    assert path.stat().st_size > size and path.read_bytes().startswith(path.read_bytes()[:size])
    third = Memo(path)
    assert [third.get(key, lambda: "?") for key in "az"] == ["A", "Z"] and third.misses == 0
    third.save()  # asked for two of nine: written anew with those two
    assert Memo(path).load() == {"a": "A", "z": "Z"}


def test_a_batch_cut_short_is_left_out_and_the_file_written_anew(tmp_path):
    path = tmp_path / "memo.pickle"
    memo = Memo(path)
    memo.get("a", lambda: 1)
    memo.save()
    with open(path, "ab") as file:
        file.write(b"\x80\x05\x95 cut short")
    memo = Memo(path)
    assert memo.get("a", lambda: 99) == 1
    memo.get("b", lambda: 2)
    memo.save()
    assert Memo(path).load() == {"a": 1, "b": 2}


def test_an_unreadable_memo_is_an_empty_one(tmp_path):
    path = tmp_path / "memo.pickle"
    path.write_bytes(b"\x80\x05 broken")
    assert Memo(path).get("a", lambda: 1) == 1
