"""The `reportsite` MkDocs plugin: the site's theme overrides, wherever the package is installed.

mkdocs.yml lists it (`plugins: [search, reportsite]`), so that any builder of
the configuration (`reportsite build`, `mkdocs build`, ProperDocs) draws the
pages with the same templates: the site folder's own `templates/theme/`
first, then the package's (`generator.templates.THEME`), then Material's.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin

from generator.compiled import CompiledTemplates


#: The theme's compiled templates in this process (`CompiledTemplates`).
COMPILED = CompiledTemplates()


class ReportSitePlugin(BasePlugin):
    #: The last site, when `generator.build.run_mkdocs` builds only what changed since it.
    unchanged_from: Path | None = None

    def on_config(self, config):
        from generator.build import Project

        folders = [str(folder) for folder in Project.at(Path(config.docs_dir).parent).theme_folders]
        dirs = config.theme.dirs
        # After a custom_dir mkdocs.yml names: the user's word is the last.
        position = 1 if config.theme.custom_dir else 0
        dirs[position:position] = [folder for folder in folders if folder not in dirs]
        return config

    def on_env(self, env, config, files):
        env.bytecode_cache = COMPILED
        return env

    def on_files(self, files, config):
        """Link in what the last site holds unchanged, once MkDocs has listed the files: a dirty
        build then writes only the rest."""
        if self.unchanged_from is not None:
            from generator.build import link_unchanged

            link_unchanged(files, Path(config.site_dir), self.unchanged_from)
        return files
