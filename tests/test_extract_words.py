"""Word segmentation: jieba's dictionary, read whole from its cache, is jieba's own."""

import subprocess
import sys

# A fresh process: this one's jieba may have loaded already.
SAME_DICTIONARY = """
import jieba
from generator.extract import words
jieba.lcut("预热")  # jieba builds its cache if there is none yet
jieba.dt.initialized = False
jieba.dt.FREQ = {}
jieba.dt.initialize = None  # were it called, segmenting would fail
words.lcut("数字化转型")
own = jieba.Tokenizer()
own.initialize()
assert (jieba.dt.FREQ, jieba.dt.total) == (own.FREQ, own.total)
print(words.lcut("截至6月末，手机银行月活跃用户达1.2亿户。"))
"""


def test_the_dictionary_read_whole_is_jiebas_own():
    done = subprocess.run([sys.executable, "-c", SAME_DICTIONARY], capture_output=True, text=True, check=True)
    assert done.stdout.strip().startswith("['截至', '6', '月末'")
