"""Time and peak memory of `reportsite build` on the inputs that once killed it.

    python -m bench.bench_hostile [--megabytes 30] [--figures 10000]

Two corpora, each of one file, each built cold by `reportsite build` in a
process of its own:

- a long text: `--megabytes` of the shipped corpus's sentences recombined
  (bench/make_corpus.py), under numbered headings, as one report;
- one line of `--figures` figures, as a table flattened into a line prints them.

For each: seconds, peak memory of the build's whole process tree, figures
extracted, and the sizes of report.json and of the site.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from generator.scaffold import new_site
from bench.bench_build import folder_size, run_measured
from bench.make_corpus import seed_material, vary
from tests.hostile import figures_line


def long_text(megabytes: float) -> str:
    """A report of about `megabytes` MB: the seed corpus's sentences, varied, a numbered heading every 40 lines."""
    rng = random.Random(1)
    sentences, titles = seed_material()
    lines, size = ["某银行2023年年度报告"], 0
    while size < megabytes * 1e6:
        if len(lines) % 40 == 1:
            line = f"{len(lines) // 40 % 9 + 1}、{rng.choice(titles)}"
        else:
            line = "".join(vary(rng.choice(sentences), rng, 2023) for _ in range(rng.randint(1, 4)))
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(lines) + "\n"


def measure(name: str, text: str) -> dict:
    """Build a project whose corpus is the one file `name` holding `text`."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        new_site(project)
        (project / "corpus" / name).write_text(text, encoding="utf-8")
        start = time.perf_counter()
        _, peak = run_measured([sys.executable, "-m", "generator", "-q", "build", "--project", str(project)])
        seconds = time.perf_counter() - start
        report = project / "site" / "data" / "report.json"
        metrics = len(json.loads(report.read_text(encoding="utf-8"))["metrics"])
        return {"input_mb": round(len(text.encode("utf-8")) / 1e6, 2), "seconds": round(seconds, 1),
                "peak_mb": round(peak), "metrics": metrics, "report_json_mb": round(report.stat().st_size / 1e6, 2),
                "site_mb": round(folder_size(project / "site") / 1e6, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=30)
    parser.add_argument("--figures", type=int, default=10_000)
    args = parser.parse_args()
    results = {
        f"one line of {args.figures} figures": measure("figures.txt", figures_line(args.figures)),
        f"a {args.megabytes:g} MB text": measure("report.txt", long_text(args.megabytes)),
    }
    for name, result in results.items():
        print(f"{name}: " + ", ".join(f"{key} {value}" for key, value in result.items()))


if __name__ == "__main__":
    main()
