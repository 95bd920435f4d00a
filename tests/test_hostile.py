"""The hostile corpus (`tests/hostile.py`) builds: one warning per bad file, every readable document,
nothing from outside the corpus, no markup run, no log line or spreadsheet formula forged."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from generator.scaffold import new_site
from tests.hostile import INJECTED, SECRET, make_hostile_corpus


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """The hostile corpus built by `reportsite build` in a process of its own: (warned, documents, project,
    the build's stderr)."""
    root = tmp_path_factory.mktemp("hostile")
    warned, documents = make_hostile_corpus(root)
    project = root / "project"
    project.mkdir()
    new_site(project)
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--project", str(project),
                           "--corpus", str(root / "corpus")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return warned, documents, project, done.stderr


def test_each_bad_file_gets_one_warning_naming_it_and_the_reason(hostile_build):
    warned, _, _, stderr = hostile_build
    warnings = [line for line in stderr.splitlines() if line.startswith("WARNING")]
    for name, reason in warned.items():
        about = [line for line in warnings if f" {name}:" in line]
        assert len(about) == 1 and reason in about[0], (name, about)
    # and nothing else is warned about: no readable document, no page MkDocs found broken
    assert len(warnings) == len(warned), warnings


def test_every_readable_document_is_built(hostile_build):
    _, documents, project, _ = hostile_build
    report = json.loads((project / "site" / "data" / "report.json").read_text(encoding="utf-8"))
    assert {d["source_file"] for d in report["documents"]} == documents
    for document in report["documents"]:
        assert (project / "site" / document["url"] / "index.html").is_file()
    figures = [m for m in report["metrics"] if m["document"] == "one-line-of-figures"]
    assert len(figures) >= 1900  # the flattened table's figures, each with a sentence of bounded length
    assert max(len(m["sentence"]) for m in figures) <= 500


def test_nothing_outside_the_corpus_is_published(hostile_build):
    _, _, project, _ = hostile_build
    for path in (project / "site").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert SECRET.encode() not in data and b"root:x:0:0" not in data, path


def test_no_markup_from_a_document_runs_and_no_template_syntax_is_evaluated(hostile_build):
    _, _, project, _ = hostile_build
    for page in (project / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(" not in html and 'href="javascript:' not in html
    page = (project / "site" / "documents" / "injected" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7 * 7 }}" in page  # shown as written, never evaluated
    assert all(markup not in page for markup in INJECTED if markup.startswith("<"))


def test_a_title_with_line_breaks_stays_in_its_table_row(hostile_build):
    _, documents, project, _ = hostile_build
    report = json.loads((project / "site" / "data" / "report.json").read_text(encoding="utf-8"))
    [title] = [d["title"] for d in report["documents"] if d["source_file"] == "newline-title.md"]
    assert "\n" not in title and title.startswith("第一行")
    rows = [line for line in (project / "docs" / "index.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("|")]
    assert sum("第一行" in row for row in rows) == 1
    assert len({row.count("|") - row.count("\\|") for row in rows}) == 1  # every row has the header's columns


def test_a_file_name_cannot_forge_a_log_line(hostile_build):
    _, _, _, stderr = hostile_build
    assert not any(line.startswith("WARNING  skipped plain.txt") for line in stderr.splitlines())
    assert "forged\\nWARNING" in stderr


def test_no_csv_cell_starts_a_formula(hostile_build):
    _, _, project, _ = hostile_build
    for name in ("metrics.csv", "events.csv"):
        text = (project / "site" / "data" / name).read_text(encoding="utf-8-sig")
        cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
        assert any(cell.startswith("'=HYPERLINK(") for cell in cells) or name == "events.csv"
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "@")]
