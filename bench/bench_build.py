"""Build speed, memory and search cost for generated corpora of N documents.

    python -m bench.bench_build 100 1000 [--no-browser]

For each N: a project with N documents (bench/make_corpus.py) is built, and the
benchmark reports the generator's cold time (no cache), its warm time with
nothing changed and with one document changed (a dated figure added to a text
document), each the median of three runs, the full `reportsite build`
time (generator, MkDocs, Pagefind), peak memory of each (the resident memory
of its whole process tree, summed, so worker processes count), the search index size,
and the cold time as a ratio to one plain `jieba.lcut` pass over the same text.
With a browser, it also loads the built site in Chromium, types a query into
the header search box, and reports the time to the first result and the bytes
transferred for it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from generator.scaffold import new_site

ROOT = Path(__file__).resolve().parent.parent

GENERATE = """
import json, sys, time
from pathlib import Path

from generator.scaffold import new_site
from generator.build import Project, generate
start = time.perf_counter()
generate(Project.at(Path(sys.argv[1])))
print(json.dumps({"seconds": time.perf_counter() - start}))
"""

# A plain lcut pass from a fresh process, as a user's script runs it: its first
# call loads jieba's dictionary, as the generator's does. The pass alone is
# reported too.
LCUT = """
import json, sys, time
from pathlib import Path

from generator.scaffold import new_site
import jieba
from generator.read import read_corpus
documents, _ = read_corpus(Path(sys.argv[1]))
texts = ["".join(s.text for s in d.sentences()) for d in documents]
start = time.perf_counter()
jieba.initialize()
loaded = time.perf_counter()
for text in texts:
    jieba.lcut(text)
end = time.perf_counter()
print(json.dumps({"seconds": end - start, "pass_seconds": end - loaded, "characters": sum(map(len, texts))}))
"""


def tree_rss_mb(pid: int) -> float:
    """The resident memory of a process and all its descendants, summed (Linux /proc)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration):
            continue  # the process ended meanwhile
    return total / 1024


def run_measured(command: list[str]) -> tuple[str, float]:
    """Run `command`; its standard output, and the peak memory of its process tree (workers included)."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT) as process:
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, tree_rss_mb(process.pid))
            time.sleep(0.05)
        output = process.stdout.read()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return output, peak


def run_json(code: str, *args: str) -> dict:
    """Run Python `code` in a fresh process: the JSON it printed last, and `peak_mb` of its process tree."""
    output, peak = run_measured([sys.executable, "-c", code, *args])
    return {**json.loads(output.strip().splitlines()[-1]), "peak_mb": peak}


def project(folder: Path, count: int) -> Path:
    """A project folder with the site skeleton and `count` generated documents."""
    from bench.make_corpus import make_corpus

    new_site(folder)
    make_corpus(count, folder / "corpus")
    return folder


def full_build(folder: Path) -> dict:
    """`reportsite build` from a cold cache: seconds and peak memory of its process tree."""
    shutil.rmtree(folder / ".cache", ignore_errors=True)
    start = time.perf_counter()
    _, peak = run_measured([sys.executable, "-m", "generator", "-q", "build", "--project", str(folder)])
    return {"seconds": time.perf_counter() - start, "peak_mb": peak}


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def search_in_browser(site: Path, query: str) -> dict:
    """Load the site in Chromium, type `query`, time the first result and count the bytes it took.

    The time is the page's own clock, from just before typing to the first
    frame that shows a result: polling from here would add its own delay.
    """
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM_ARGS, chromium_path, serving

    with serving(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url, wait_until="load")
        transferred = []
        page.on("requestfinished", lambda request: transferred.append(request.sizes()["responseBodySize"]))
        page.evaluate(FIRST_RESULT_WATCH)
        box = page.locator("header input[name=query]")
        box.click()
        start = page.evaluate("performance.now()")
        box.fill(query)
        page.wait_for_function("window.firstResultShown !== null")
        seconds = (page.evaluate("window.firstResultShown") - start) / 1000
        page.wait_for_timeout(300)  # requests still finishing for the first result
        browser.close()
    return {"first_result_seconds": seconds, "bytes": sum(transferred), "requests": len(transferred)}


# Records when a search result is first on screen: the frame after it enters the page.
FIRST_RESULT_WATCH = """() => {
  window.firstResultShown = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector("li.md-search-result__item > a")) {
      observer.disconnect();
      requestAnimationFrame(() => { window.firstResultShown = performance.now(); });
    }
  }).observe(document.body, {childList: true, subtree: true});
}"""


def median_run(code: str, *args: str, before=None, runs: int = 3) -> dict:
    """`run_json` `runs` times (calling `before()` ahead of each); the run of median seconds.

    This machine's timings move by a third from run to run; the median of three
    is steadier than any one.
    """
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(run_json(code, *args))
    return sorted(results, key=lambda result: result["seconds"])[len(results) // 2]


def from_scratch(root: Path) -> None:
    """Leave the project as before its first build: no caches, no generated pages."""
    from generator.render import GENERATED
    from generator.write import remove_stale

    shutil.rmtree(root / ".cache", ignore_errors=True)
    remove_stale(root / "docs", set(), GENERATED)


#: What the warm one-change runs add to a document: one more dated figure.
CHANGE = "\n截至6月末，本行新增客户120万户。\n"


def changed_document(root: Path, count: int) -> Path:
    """The document the warm one-change runs edit: a text document from the middle of the corpus."""
    return next(path for path in sorted((root / "corpus").iterdir())[count // 2:] if path.suffix in (".txt", ".md"))


def bench(count: int, browser: bool, runs: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        root = project(Path(folder), count)
        changed = changed_document(root, count)
        original = changed.read_text(encoding="utf-8")

        def built_before_the_change() -> None:
            changed.write_text(original, encoding="utf-8")
            run_json(GENERATE, str(root))
            changed.write_text(original + CHANGE, encoding="utf-8")

        lcut = median_run(LCUT, str(root / "corpus"), runs=runs)
        cold = median_run(GENERATE, str(root), before=partial(from_scratch, root), runs=runs)
        warm = median_run(GENERATE, str(root), runs=runs)
        warm_one = median_run(GENERATE, str(root), before=built_before_the_change, runs=runs)
        build = full_build(root)
        index = folder_size(root / "site" / "pagefind")
        result = {
            "documents": count, "characters": lcut["characters"], "runs": runs,
            "lcut_s": lcut["seconds"], "lcut_pass_only_s": lcut["pass_seconds"], "cold_s": cold["seconds"], "warm_unchanged_s": warm["seconds"],
            "warm_one_changed_s": warm_one["seconds"], "full_build_s": build["seconds"],
            "cold_peak_mb": cold["peak_mb"], "full_build_peak_mb": build["peak_mb"],
            "search_index_mb": index / 1e6, "cold_vs_lcut": cold["seconds"] / lcut["seconds"],
            "cold_vs_lcut_pass_only": cold["seconds"] / lcut["pass_seconds"],
            "warm_one_vs_cold": warm_one["seconds"] / cold["seconds"],
        }
        if browser:
            result.update(search_in_browser(root / "site", "数字人民币"))
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="runs of each generator timing; the median is reported")
    args = parser.parse_args()
    for count in args.counts:
        result = bench(count, browser=not args.no_browser, runs=args.runs)
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()},
                         ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
