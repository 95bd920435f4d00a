"""Names read in pinyin, and readings handed in from an earlier process."""

import subprocess
import sys

from generator import pinyin


def test_a_name_reads_a_syllable_a_character_by_its_words_reading():
    assert pinyin.syllables("中国工商银行") == ("zhong", "guo", "gong", "shang", "yin", "hang")  # 行 of 银行, not of 行动
    assert pinyin.syllables("工银e生活") == ("gong", "yin", "e", "sheng", "huo")


def test_names_read_are_asked_again_by_the_next_build():
    pinyin.syllables("数字金融")
    assert pinyin.asked()["数字金融"] == ("shu", "zi", "jin", "rong")


def test_a_remembered_reading_is_given_without_loading_pypinyin():
    script = ("import sys; from generator import pinyin; pinyin.remember({'数字金融': ('shu', 'zi', 'jin', 'rong')}); "
              "print(pinyin.syllables('数字金融'), 'pypinyin' in sys.modules, pinyin.asked())")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "('shu', 'zi', 'jin', 'rong') False {'数字金融': ('shu', 'zi', 'jin', 'rong')}"
