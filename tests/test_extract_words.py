"""Word segmentation: jieba's dictionary and model, through rjieba."""

from pathlib import Path

import jieba

from generator.extract.words import lcut

ROOT = Path(__file__).resolve().parent.parent


def _boundaries(words: list[str]) -> set[int]:
    ends, position = set(), 0
    for word in words:
        position += len(word)
        ends.add(position)
    return ends


def test_words_are_cut_where_jieba_cuts_them():
    lines = [line for path in sorted((ROOT / "corpus").iterdir()) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    ours = [_boundaries(lcut(line)) for line in lines]
    theirs = [_boundaries(jieba.lcut(line)) for line in lines]
    agreed = sum(len(a & b) for a, b in zip(ours, theirs))
    assert agreed / sum(len(a | b) for a, b in zip(ours, theirs)) > 0.99


def test_a_cut_keeps_every_character():
    text = "截至2023年末，“工银e钱包”累计服务个人客户3500万户（同比+12%）。"
    assert "".join(lcut(text)) == text
