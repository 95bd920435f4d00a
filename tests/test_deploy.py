"""Publishing: the GitHub Pages workflow, and a build that is the same every time."""

import shutil

import yaml

from generator.build import generate
from generator.render import GENERATED
from tests.conftest import ROOT, make_project


def test_the_workflow_tests_then_builds_strictly_then_publishes_and_never_cancels_a_deploy():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    paths = workflow[True]["push"]["paths"]  # YAML reads the key `on` as True
    for watched in ("corpus/**", "templates/**", "generator/**", "mkdocs.yml"):
        assert watched in paths
    assert workflow["concurrency"]["cancel-in-progress"] is False
    jobs = workflow["jobs"]
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    steps = jobs["build"]["steps"]
    build = next(step for step in steps if step.get("name") == "Build")
    assert build["run"] == "make site SITE_FLAGS=--strict" and "SITE_URL" in build["env"]
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") and step["with"]["path"] == "site"
               for step in steps)
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    for job in jobs.values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/setup-python"):
                assert step["with"]["cache"] == "pip"


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_warm_build_writes_the_bytes_of_a_cold_one(tmp_path):
    project = make_project(tmp_path)
    generate(project)
    cold = _tree(project.docs)
    result = generate(project)  # every document from the cache
    assert _tree(project.docs) == cold
    assert result.documents == 2


def test_a_removed_document_leaves_every_page(tmp_path):
    project = make_project(tmp_path)
    generate(project)
    removed = sorted(project.corpus.iterdir())[0]
    doc_id = removed.stem
    removed.unlink()
    generate(project)
    assert not (project.docs / "documents" / f"{doc_id}.md").exists()
    for page in project.docs.rglob("*.md"):
        assert doc_id not in page.read_text(encoding="utf-8"), page
    assert doc_id not in (project.docs / "data" / "report.json").read_text(encoding="utf-8")
    assert len(list((project.root / ".cache" / "reportsite" / "extraction").glob("*.pickle"))) == 1
    shutil.rmtree(project.root / ".cache")


def test_make_clean_removes_everything_the_generator_owns():
    clean = next(line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
                 if line.startswith("\trm -rf"))
    for owned in GENERATED:
        assert f"docs/{owned.rstrip('/')}" in clean.split(), owned


def test_git_ignores_everything_the_generator_owns():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    for owned in GENERATED:
        assert f"docs/{owned}" in ignored, owned
