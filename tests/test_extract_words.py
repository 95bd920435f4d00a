"""Word segmentation: jieba's dictionary, loaded whole or by the buckets a text needs, cuts as jieba's own."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from generator.extract.words import BUCKETS_NAME

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"

# In a fresh process, with jieba's cache folder given: cut every line of the
# texts with words.lcut and with jieba's own tokenizer; say how the dictionary
# was loaded, and whether every cut agreed.
CUT_BOTH = """
import json, sys
import jieba
from generator.extract import words
lines = [line for line in sys.stdin.read().splitlines() if line.strip()]
mine = [words.lcut(line) for line in lines]
loaded = len(words._DICTIONARY.tokenizer.FREQ)
own = jieba.Tokenizer()
own.initialize()
print(json.dumps({"by_buckets": words._DICTIONARY._buckets is not None, "loaded": loaded,
                  "entries": len(own.FREQ), "same": mine == [own.lcut(line) for line in lines],
                  "first": mine[0]}))
"""

TEXT = "截至6月末，手机银行月活跃用户达1.2亿户。\nHello 数字人民币 app，ＡＢＣ全角与😀表情。\n" + "\n".join(
    path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt")))


@pytest.fixture
def jieba_folder(tmp_path):
    """A cache folder of jieba's own for the processes a test starts, with jieba's cache in it if this machine has one."""
    made = Path(tempfile.gettempdir()) / "jieba.cache"
    if made.is_file():
        shutil.copy2(made, tmp_path / "jieba.cache")  # else jieba builds it, in a few seconds
    return tmp_path


def cut_both(folder: Path, text: str = TEXT) -> dict:
    done = subprocess.run([sys.executable, "-c", CUT_BOTH], input=text, capture_output=True, text=True, check=True,
                          env={**os.environ, "TMPDIR": str(folder)})
    return json.loads(done.stdout)


def test_the_first_process_loads_the_dictionary_whole_and_leaves_its_buckets(jieba_folder):
    first = cut_both(jieba_folder)
    assert first["same"] and not first["by_buckets"] and first["loaded"] == first["entries"]
    assert first["first"][:3] == ["截至", "6", "月末"]
    assert (jieba_folder / BUCKETS_NAME).is_file()


def test_later_processes_load_only_the_buckets_of_their_texts_and_cut_the_same(jieba_folder):
    cut_both(jieba_folder)
    later = cut_both(jieba_folder)
    assert later["same"] and later["by_buckets"]
    assert later["loaded"] < later["entries"] / 2
    short = cut_both(jieba_folder, "数字化转型\n")
    assert short["same"] and short["loaded"] < later["loaded"] / 10


def test_buckets_of_another_jieba_cache_or_damaged_are_made_again(jieba_folder):
    cut_both(jieba_folder)
    buckets = jieba_folder / BUCKETS_NAME
    status = (jieba_folder / "jieba.cache").stat()
    os.utime(jieba_folder / "jieba.cache", ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    stale = cut_both(jieba_folder)
    assert stale["same"] and not stale["by_buckets"]
    assert cut_both(jieba_folder)["by_buckets"]  # made again, for the new cache
    buckets.write_bytes(buckets.read_bytes()[:1000])
    damaged = cut_both(jieba_folder)
    assert damaged["same"] and not damaged["by_buckets"]
    assert cut_both(jieba_folder)["by_buckets"]
