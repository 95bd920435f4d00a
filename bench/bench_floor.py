"""What a warm rebuild after one changed document cannot skip, step by step.

    python -m bench.bench_floor 100 1000

For each N: a project with N documents (bench/make_corpus.py) is built cold
(three times, for the median), the document `bench_build` edits is edited the
same way and the project built again. A fresh process then times, after its
imports (as `bench_build` times the generator), only the steps a build whose
linking sees the whole corpus must take:

- survey the corpus (hash every file, to know what changed);
- load the other documents' cached extractions;
- read and extract the changed document;
- load the memo, and link the whole corpus with it;
- render the pages whose text the change alters: the document's own, the
  home page (its counts) and the timeline (its new event);
- encode report.json (it holds every document).

Nothing else: no page keys, no writing, and the memo already holds the
changed document's values. The sum (the median of three runs) is a floor for
such a build; it is reported beside the cold time and as a share of it.
`without_linking` sums the steps a build that loaded nothing but the changed
document would still take.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from functools import partial
from pathlib import Path

from bench.bench_build import CHANGE, GENERATE, changed_document, from_scratch, median_run, project, run_json

STEPS = """
import gc, json, sys, time
from pathlib import Path
from generator import export, rules
from generator.build import COLLECT_EVERY, Project, survey
from generator.extract import extract_document
from generator.link import link
from generator.link.glossary import categories
from generator.read import read_entry
from generator.render import environment
from generator.render.pages import document_page, home_page, timeline_page

gc.set_threshold(COLLECT_EVERY)  # as the build does
project, changed = Project.at(Path(sys.argv[1])), sys.argv[2]
steps, mark = {}, time.perf_counter()

def step(name):
    global mark
    now = time.perf_counter()
    steps[name] = now - mark
    mark = now

surveyed = survey(project.corpus)
step("survey")
cache = project.cache
loaded = [cache.load(key) for entry, key in zip(surveyed.entries, surveyed.keys) if entry.relative != changed]
step("load_others")
position = next(i for i, entry in enumerate(surveyed.entries) if entry.relative == changed)
document = read_entry(surveyed.entries[position])
document.fingerprint = surveyed.keys[position]
loaded.append((document, extract_document(document)))
step("extract_changed")
memo = project.memo()
memo.load()
step("load_memo")
facts = {}
for each, found in loaded:
    for kind, values in found.items():
        facts.setdefault(kind, {})[each.id] = values
corpus = link([each for each, _ in loaded], [], facts, memo)
step("link")
env = environment(project.templates)
env.globals.update(categories_by_id={c.id: c for c in categories()}, term_limits=rules.load("terms"))
for page in (document_page(corpus, document), home_page(corpus), timeline_page(corpus)):
    env.get_template(page.template).render(page.context)
step("render_changed_pages")
export.report_json(corpus, export.document_parts(corpus, memo))
step("report_json")
steps["seconds"] = sum(steps.values())
print(json.dumps(steps))
"""

#: The steps a build that read nothing but the changed document would still take.
WITHOUT_LINKING = ("survey", "extract_changed", "render_changed_pages", "report_json")


def floor(count: int, runs: int) -> dict:
    """The cold time and the floor's steps for a project of `count` documents, each the median of `runs`."""
    with tempfile.TemporaryDirectory() as folder:
        root = project(Path(folder), count)
        cold = median_run(GENERATE, str(root), before=partial(from_scratch, root), runs=runs)
        changed = changed_document(root, count)
        changed.write_text(changed.read_text(encoding="utf-8") + CHANGE, encoding="utf-8")
        run_json(GENERATE, str(root))  # the memo as a build of the changed corpus leaves it
        steps = median_run(STEPS, str(root), changed.relative_to(root / "corpus").as_posix(), runs=runs)
    steps.pop("peak_mb")
    without = sum(steps[name] for name in WITHOUT_LINKING)
    return {"documents": count, "cold_s": cold["seconds"], "target_s": cold["seconds"] / 10, **steps,
            "floor_vs_cold": steps["seconds"] / cold["seconds"], "without_linking_s": without,
            "without_linking_vs_cold": without / cold["seconds"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3, help="runs of each timing; the median is reported")
    args = parser.parse_args()
    for count in args.counts:
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in floor(count, args.runs).items()}),
              flush=True)


if __name__ == "__main__":
    main()
