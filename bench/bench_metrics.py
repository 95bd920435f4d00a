"""The metric extractor's speed on a large corpus, beside a plain jieba.lcut.

    python bench/bench_metrics.py [N]

Reads N generated documents (bench/make_corpus.py), then times, over the same
text: one `jieba.lcut` pass, and `MetricExtractor` on every document. Prints
characters per second for both, best of three runs.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import jieba

from bench.make_corpus import make_corpus
from generator.extract.metrics import MetricExtractor
from generator.read import read_corpus


def best_of(runs: int, work) -> float:
    """The shortest wall time of `runs` calls of `work`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(count: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        make_corpus(count, Path(folder))
        documents, _ = read_corpus(Path(folder))
    texts = ["".join(s.text for s in d.sentences()) for d in documents]
    characters = sum(map(len, texts))
    jieba.initialize()
    extractor = MetricExtractor()
    extractor.extract(documents[0])  # load the rules once, as a build does
    lcut = best_of(3, lambda: [jieba.lcut(text) for text in texts])
    found: list = []
    extract = best_of(3, lambda: found.__setitem__(slice(None), [m for d in documents for m in extractor.extract(d)]))
    print(f"{len(documents)} documents, {characters:,} characters, {len(found):,} metrics")
    print(f"jieba.lcut:       {characters / lcut:12,.0f} chars/s  ({lcut:.2f} s)")
    print(f"MetricExtractor:  {characters / extract:12,.0f} chars/s  ({extract:.2f} s, {extract / lcut:.2f}x lcut)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
