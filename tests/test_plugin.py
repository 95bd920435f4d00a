"""The reportsite MkDocs plugin: generated pages the navigation does not name are left out of it."""

import logging

import pytest

from generator.build import generate, run_mkdocs
from tests.conftest import make_project


@pytest.fixture
def trimmed_nav(tmp_path):
    """A site whose mkdocs.yml names only the overview and the timeline, with a page of its own."""
    project = make_project(tmp_path)
    config = project.config_file.read_text(encoding="utf-8")
    start, end = config.index("nav:\n"), config.index("\n\n", config.index("nav:\n"))
    project.config_file.write_text(config[:start] + "nav:\n  - 文档总览: index.md\n  - 时间线: timeline.md\n"
                                   + config[end:], encoding="utf-8")
    generate(project)
    (project.docs / "notes.md").write_text("# 笔记\n", encoding="utf-8")
    return project


def test_generated_pages_the_nav_leaves_out_build_strictly(trimmed_nav):
    (trimmed_nav.docs / "notes.md").unlink()
    run_mkdocs(trimmed_nav, strict=True)  # an omitted page is a warning, which fails it
    assert (trimmed_nav.site / "metrics" / "index.html").is_file()


def test_a_page_of_ones_own_the_nav_leaves_out_is_still_said(trimmed_nav, caplog):
    caplog.set_level(logging.WARNING)
    run_mkdocs(trimmed_nav)
    omitted = [record.getMessage() for record in caplog.records if "not included in the \"nav\"" in record.getMessage()]
    assert len(omitted) == 1 and "notes.md" in omitted[0] and "metrics/index.md" not in omitted[0]


def test_materials_search_plugin_is_given_its_settings_and_keeps_a_users_own(tmp_path):
    """Its index holds no page (search is Pagefind's): the plugin need not look its settings up in
    Material's language templates, but what a user set stays."""
    from generator.build import mkdocs_config

    project = make_project(tmp_path)
    config = project.config_file.read_text(encoding="utf-8")
    project.config_file.write_text(config.replace("  - search\n", "  - search:\n      lang: zh\n"), encoding="utf-8")
    config = mkdocs_config(project)
    config.plugins.on_config(config)
    search = config.plugins["material/search"].config
    assert search.lang == ["zh"] and search.separator and search.pipeline == []


def test_the_theme_is_listed_without_its_dot_folders_and_gives_mkdocs_the_same_files(tmp_path):
    """Material's .icons (14,500 files) is not walked; MkDocs left its files out all the same."""
    from mkdocs.structure.files import Files

    from generator.build import mkdocs_config

    config = mkdocs_config(make_project(tmp_path))
    config.plugins.on_config(config)
    config.plugins.on_config(config)  # as a second build of the configuration runs it
    listed = config.theme.get_env()
    stock = type(config.theme).get_env(config.theme)  # MkDocs' own, with the same folders
    assert any(name.startswith(".icons/") for name in stock.list_templates())
    assert not any(name.startswith(".") or "/." in name for name in listed.list_templates())
    assert listed.get_template(".icons/material/magnify.svg")  # what templates include by name is found
    found = {}
    for name, env in (("stock", stock), ("listed", listed)):
        files = Files([])
        files.add_files_from_theme(env, config)
        found[name] = sorted(file.src_uri for file in files)
    assert found["listed"] == found["stock"] and "assets/javascripts/search.js" in found["listed"]


def test_no_page_enters_materials_search_index_a_users_own_neither(trimmed_nav):
    """Material's index is not the site's search (Pagefind's is); indexing a page of Chinese would load
    jieba's dictionary, where jieba is installed."""
    import json

    run_mkdocs(trimmed_nav)
    index = json.loads((trimmed_nav.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []
    assert (trimmed_nav.site / "notes" / "index.html").is_file()
