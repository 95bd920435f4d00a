"""The time a user waits, against the naive alternative, on a folder of real articles.

    python -m bench.bench_scale ARTICLES_DIR [--count 1000] [--runs 3] [--browser] [--no-naive]

The first COUNT Markdown or text files of ARTICLES_DIR (sorted by name; front
matter allowed) are built two ways, side by side:

- naive: each article dumped as a page (its title line and text) into stock
  Material for MkDocs with its jieba search (`mkdocs build`);
- this project: `reportsite build` from nothing (no cache, no docs/, no site/).

Each is the median of RUNS cold builds. (The naive site grows as the square of
its pages, each listing all in its navigation: at 10,000 it takes more than ten
minutes; --no-naive leaves it out.) Then, from a built site, one article
is changed (a dated figure added), one added and one removed, RUNS times over,
and each `reportsite build` after it is timed (the median of each kind): the
whole site, search index included, up to date. Reported: seconds, the ratio of each to its reference (the naive
build for cold, the cold build for a change), peak memory of the process tree
(workers included), the site's pages and pages per article. Then `reportsite
serve` runs on the built site and the same article is changed RUNS more times:
the median seconds from each change to the server's reload of the browsers
(its rebuild, search index included), and of MkDocs' "built in" (the rebuild
alone, without noticing the change and waiting for the edits to stop). With
--browser, the time to the first search result and the bytes it took
(bench_build's Chromium probe). The articles are not in the repository: bring
your own.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from generator.scaffold import new_site
from bench.bench_build import folder_size, run_measured, search_in_browser

ROOT = Path(__file__).resolve().parent.parent

NAIVE_CONFIG = """site_name: naive
theme:
  name: material
  language: zh
plugins:
  - search:
      lang: zh
"""

#: What a changed article gains: a dated figure, as an edit to a real article would add.
CHANGE = "\n\n截至2024年6月末，该行个人手机银行客户达5.2亿户，较上年末增长3.1%。\n"


def articles(folder: Path, count: int) -> list[Path]:
    found = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt") and p.is_file())
    if len(found) < count + 1:
        sys.exit(f"{folder}: {len(found)} articles, {count + 1} needed (one more is added)")
    return found[:count + 1]


def body(path: Path) -> str:
    """An article's text without its front matter."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    return text.strip()


def naive_site(folder: Path, sources: list[Path]) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(NAIVE_CONFIG, encoding="utf-8")
    (folder / "docs" / "index.md").write_text("# 文档\n", encoding="utf-8")
    for source in sources:
        (folder / "docs" / f"{source.stem}.md").write_text(f"# {source.stem}\n\n{body(source)}\n", encoding="utf-8")
    return folder


def project(folder: Path, sources: list[Path]) -> Path:
    new_site(folder)
    for source in sources:
        shutil.copy(source, folder / "corpus" / source.name)
    return folder


def timed(command: list[str]) -> dict:
    start = time.perf_counter()
    _, peak = run_measured(command)
    return {"seconds": round(time.perf_counter() - start, 2), "peak_mb": round(peak)}


def naive_build(folder: Path) -> dict:
    shutil.rmtree(folder / "site", ignore_errors=True)
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")])


def reportsite_build(folder: Path) -> dict:
    return timed([sys.executable, "-m", "generator", "-q", "build", "--project", str(folder)])


def cold(folder: Path) -> dict:
    """A build from nothing: no cache, no generated pages, no site."""
    for generated in (".cache", "site", "docs"):
        shutil.rmtree(folder / generated, ignore_errors=True)
    return reportsite_build(folder)


def served_changes(folder: Path, change, runs: int) -> dict:
    """`reportsite serve` on the built `folder`; `change()` made `runs` times, each timed from the change
    to the server's reload of the browsers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--project", str(folder), "--port",
                               str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[tuple[float, str]] = []
    threading.Thread(target=lambda: lines.extend((time.perf_counter(), line) for line in server.stderr),
                     daemon=True).start()

    def after(start: float, text: str, seconds: float = 120) -> tuple[float, str]:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            found = [(at, line) for at, line in list(lines) if at > start and text in line]
            if found:
                return found[0]
            time.sleep(0.02)
        raise RuntimeError(f"no {text!r} from reportsite serve: {''.join(line for _, line in lines)}")

    try:
        after(0, "Serving on", seconds=600)
        reloads, builds = [], []
        for _ in range(runs):
            time.sleep(1)
            start = time.perf_counter()
            change()
            reloaded, _ = after(start, "Reloading browsers")
            _, built = after(start, "Documentation built in")
            reloads.append(round(reloaded - start, 2))
            builds.append(float(re.search(r"built in ([\d.]+)", built).group(1)))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"seconds": statistics.median(reloads), "runs": reloads, "built_in": statistics.median(builds)}


def median(runs: list[dict]) -> dict:
    return {"seconds": statistics.median(r["seconds"] for r in runs), "peak_mb": max(r["peak_mb"] for r in runs),
            "runs": [r["seconds"] for r in runs]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--no-naive", action="store_true")
    options = parser.parse_args()
    sources = articles(options.folder, options.count)
    built, extra = sources[:-1], sources[-1]
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        naive = naive_site(work / "naive", built)
        (work / "project").mkdir()
        ours = project(work / "project", built)
        result: dict = {"articles": len(built)}
        result["cold"] = median([cold(ours) for _ in range(options.runs)])
        if not options.no_naive:
            result["naive"] = median([naive_build(naive) for _ in range(options.runs)])
            result["cold"]["ratio_to_naive"] = round(result["cold"]["seconds"] / result["naive"]["seconds"], 2)
        changed = ours / "corpus" / built[len(built) // 2].name
        steps = {
            "changed": lambda: changed.write_text(changed.read_text(encoding="utf-8") + CHANGE, encoding="utf-8"),
            "added": lambda: shutil.copy(extra, ours / "corpus" / extra.name),
            "removed": lambda: (ours / "corpus" / extra.name).unlink(),
        }
        rebuilds: dict[str, list[dict]] = {name: [] for name in steps}
        for _ in range(options.runs):
            for name, step in steps.items():
                step()
                rebuilds[name].append(reportsite_build(ours))
        for name, runs in rebuilds.items():
            result[name] = median(runs)
            result[name]["ratio_to_cold"] = round(result[name]["seconds"] / result["cold"]["seconds"], 3)
        result["serve_changed"] = served_changes(ours, steps["changed"], options.runs)
        result["serve_changed"]["ratio_to_cold"] = round(
            result["serve_changed"]["seconds"] / result["cold"]["seconds"], 3)
        pages = sum(1 for _ in (ours / "site").rglob("index.html"))
        result["site"] = {"pages": pages, "pages_per_article": round(pages / len(built), 2),
                          "megabytes": round(folder_size(ours / "site") / 1e6, 1),
                          "search_index_megabytes": round(folder_size(ours / "site" / "pagefind") / 1e6, 1)}
        if options.browser:
            result["search"] = search_in_browser(ours / "site", "银行")
        print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
