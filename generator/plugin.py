"""The `reportsite` MkDocs plugin: the site's theme overrides, wherever the package is installed.

mkdocs.yml lists it (`plugins: [search, reportsite]`), so that any builder of
the configuration (`reportsite build`, `mkdocs build`, ProperDocs) draws the
pages with the same templates: the site folder's own `templates/theme/`
first, then the package's (`generator.templates.THEME`), then Material's.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel

from generator.compiled import CompiledTemplates
from generator.render import is_generated


#: The theme's compiled templates in this process (`CompiledTemplates`).
COMPILED = CompiledTemplates()


class ReportSitePlugin(BasePlugin):
    #: The last site, when `generator.build.run_mkdocs` builds only what changed since it.
    unchanged_from: Path | None = None
    #: Where the builds sharing the changed pages mark which each makes (`generator.build.run_mkdocs`).
    claims: Path | None = None
    #: The files the site has then, relative to it (`on_env`): what the last site holds besides is stale.
    destinations: set[str] | None = None

    @event_priority(50)  # before Material's search plugin: `_quiet_material_search`
    def on_config(self, config):
        from generator.build import Project

        _quiet_material_search(config)
        _list_theme_without_dot_folders(config.theme)

        folders = [str(folder) for folder in Project.at(Path(config.docs_dir).parent).theme_folders]
        dirs = config.theme.dirs
        # After a custom_dir mkdocs.yml names: the user's word is the last.
        position = 1 if config.theme.custom_dir else 0
        dirs[position:position] = [folder for folder in folders if folder not in dirs]
        return config

    def on_env(self, env, config, files):
        env.bytecode_cache = COMPILED
        if self.unchanged_from is not None:  # the files as every plugin left them, each to be built
            self.destinations = {file.dest_uri for file in files if file.inclusion.is_included()}
        return env

    def on_page_markdown(self, markdown, page, config, files):
        """Leave every page out of Material's own search index, a user's own too: the site's search is
        Pagefind's. Material's plugin segments an indexed page's Chinese with jieba, where it is
        installed: loading its dictionary took 0.6 s of any build of such a page."""
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_files(self, files, config):
        """Leave the generated pages the navigation does not name out of it, and keep what the last
        site holds unchanged, once MkDocs has listed the files: a dirty build then writes only the rest.

        Document pages are reached from the overview, not the sidebar: a
        sidebar of a thousand documents would repeat on every page. So are the
        pages by period of a large corpus's documents, timeline and
        diagnostics, and whatever pages a later version generates: left to
        each site's mkdocs.yml (`not_in_nav`), a site made by an earlier
        version warned of every new one, and failed `--strict` builds.
        """
        if config.nav:
            named = set(_pages_named(config.nav))
            for file in files.documentation_pages():
                if is_generated(file.src_uri) and file.src_uri not in named and file.inclusion.is_in_nav():
                    file.inclusion = InclusionLevel.NOT_IN_NAV
        if self.unchanged_from is not None:
            from generator.build import keep_unchanged

            keep_unchanged(files, self.unchanged_from, self.claims)
        return files


#: Settings of Material's search index, for an index no page enters.
UNUSED_SEARCH_SETTINGS = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": []}


def _quiet_material_search(config) -> None:
    """Give Material's search plugin the index settings it would otherwise look up.

    Material shows the header search box only with its search plugin on; the
    box asks Pagefind (templates/theme/assets/javascripts/search.js) and the
    plugin leaves every page out of Material's own index. Settings left unset, the
    plugin reads each from Material's language templates, compiled anew in an
    environment of its own: 0.08 s of every build, a rebuild's twentieth.
    """
    search = config.plugins.get("material/search")
    if search is None:
        return
    for name, value in UNUSED_SEARCH_SETTINGS.items():
        if not search.config.get(name):
            search.config[name] = value


def _list_theme_without_dot_folders(theme) -> None:
    """Have the theme's template environments list its files without going into dot folders.

    MkDocs lists every file of the theme to find its static files, then
    leaves out those in dot folders: Material's .icons holds 14,500 files,
    listed and left out in 0.06 s of every build (0.004 s without). Templates
    in them are still found by name.
    """
    if "get_env" in vars(theme):  # replaced already: this configuration built before
        return
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        loader = env.loader
        env.loader = ListingWithoutDotFolders(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    theme.get_env = get_env


class ListingWithoutDotFolders(jinja2.FileSystemLoader):
    """Jinja2's loader of template folders, listing none of their dot folders' files."""

    def list_templates(self) -> list[str]:
        found = set()
        for folder in self.searchpath:
            for parent, subfolders, names in os.walk(folder, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(parent, folder)
                found.update(Path(relative, name).as_posix() for name in names)
        return sorted(found)


def _pages_named(nav) -> list[str]:
    """The pages mkdocs.yml's `nav` names (a list of pages, titled pages and titled sections)."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _pages_named(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in _pages_named(item)]
    return []
