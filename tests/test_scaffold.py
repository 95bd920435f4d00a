"""`reportsite new`, the package's defaults, a folder's own templates, and the installed wheel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv

import pytest

from generator import templates
from generator.build import Project, build_site, generate, run_mkdocs
from generator.render import GENERATED
from generator.scaffold import FolderInUse, new_site
from tests.conftest import ROOT


def test_a_new_folder_has_a_corpus_a_configuration_and_a_readme(tmp_path):
    new_site(tmp_path / "site")
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [".gitignore", "README.md", "corpus",
                                                                      "mkdocs.yml"]
    assert "reportsite build" in (tmp_path / "site" / "README.md").read_text(encoding="utf-8")


def test_new_never_overwrites(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    with pytest.raises(FolderInUse, match="mkdocs.yml"):
        new_site(tmp_path)
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"
    assert not (tmp_path / "corpus").exists()


def test_a_new_folder_ignores_what_the_build_makes():
    ignored = (templates.NEW / "gitignore").read_text(encoding="utf-8").splitlines()
    for owned in ("site/", ".cache/", *(f"docs/{entry}" for entry in GENERATED)):
        assert owned in ignored


def test_a_folder_without_mkdocs_yml_builds_with_the_default(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    project = Project.at(tmp_path)
    assert project.config_file == templates.CONFIG
    build_site(project)
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "assets" / "javascripts" / "search.js").is_file()
    assert not (tmp_path / "docs" / "assets").exists()  # the assets come with the theme, not into docs/


def test_a_folders_own_page_template_replaces_the_default(tmp_path):
    project = Project.at(new_site(tmp_path))
    shutil.copytree(ROOT / "corpus", project.corpus, dirs_exist_ok=True)
    own = project.templates / "pages"
    own.mkdir(parents=True)
    (own / "timeline.md.j2").write_text("# 我的时间线\n", encoding="utf-8")
    generate(project)
    assert (project.docs / "timeline.md").read_text(encoding="utf-8") == "# 我的时间线\n"
    assert "# 我的时间线" not in (project.docs / "index.md").read_text(encoding="utf-8")  # the rest are defaults


def test_a_folders_own_theme_file_replaces_the_default(tmp_path):
    project = Project.at(new_site(tmp_path))
    shutil.copytree(ROOT / "corpus", project.corpus, dirs_exist_ok=True)
    stylesheets = project.templates / "theme" / "assets" / "stylesheets"
    stylesheets.mkdir(parents=True)
    (stylesheets / "report.css").write_text("/* mine */\n", encoding="utf-8")
    build_site(project)
    assert (project.site / "assets" / "stylesheets" / "report.css").read_text(encoding="utf-8") == "/* mine */\n"
    assert (project.site / "assets" / "javascripts" / "search.js").is_file()  # the other defaults stay


def test_the_wheel_installed_in_a_new_environment_builds_a_site_in_a_new_folder(tmp_path):
    """As a user would: the built wheel in a virtual environment of its own, run outside the repository."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, timeout=600)
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *map(str, wheels.glob("*.whl"))],
                   check=True, timeout=1200)
    folder = tmp_path / "mysite"
    env = {**os.environ, "PATH": f"{environment / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    run = {"cwd": tmp_path, "env": env, "check": True, "timeout": 600, "capture_output": True, "text": True}
    subprocess.run(["reportsite", "new", str(folder)], **run)
    for document in (ROOT / "corpus").iterdir():
        shutil.copy(document, folder / "corpus")
    subprocess.run(["reportsite", "build"], **{**run, "cwd": folder})
    site = folder / "site"
    report = json.loads((site / "data" / "report.json").read_text(encoding="utf-8"))
    assert len(report["documents"]) == len(list((ROOT / "corpus").iterdir()))
    for built in ("index.html", "timeline/index.html", "metrics/index.html", "pagefind/pagefind.js",
                  "assets/javascripts/search.js", "assets/stylesheets/report.css"):
        assert (site / built).is_file(), built
    for document in report["documents"]:
        assert (site / document["url"] / "index.html").is_file()
    assert "reportsite-search" in (site / "index.html").read_text(encoding="utf-8")  # the package's theme


def test_a_configuration_without_the_plugin_is_said_to_lack_the_theme(tmp_path, caplog):
    project = Project.at(new_site(tmp_path))
    shutil.copytree(ROOT / "corpus", project.corpus, dirs_exist_ok=True)
    config = project.config_file.read_text(encoding="utf-8")
    project.config_file.write_text(config.replace("  - reportsite\n", ""), encoding="utf-8")
    generate(project)
    caplog.set_level("WARNING", logger="reportsite")
    run_mkdocs(project)  # in this process, where the log is read
    assert "does not list the reportsite plugin" in caplog.text
