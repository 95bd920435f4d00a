"""The `reportsite` MkDocs plugin: the site's theme overrides, wherever the package is installed.

mkdocs.yml lists it (`plugins: [search, reportsite]`), so that any builder of
the configuration (`reportsite build`, `mkdocs build`, ProperDocs) draws the
pages with the same templates: the site folder's own `templates/theme/`
first, then the package's (`generator.templates.THEME`), then Material's.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.meta
from mkdocs.plugins import BasePlugin


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates as Jinja2 compiled them, kept in this process's memory.

    Compiling the theme's templates takes a third of a second, in every build.
    With this cache, a build compiles only the templates no build in this
    process compiled before (`make serve` compiles them once), and a process
    forked from this one finds what it compiled (`warm`). Never on disk:
    compiled templates are code, which a file planted in a cache would run.
    Jinja2 compares each template's source with the one compiled.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def warm(self, env: jinja2.Environment, names: tuple[str, ...] = ("main.html", "404.html")) -> None:
        """Compile the templates `names` and those they extend, include and import, into this cache."""
        env.bytecode_cache = self
        to_compile, seen = list(names), set()
        while to_compile:
            name = to_compile.pop()
            if name in seen:
                continue
            seen.add(name)
            try:
                env.get_template(name)
                source, _, _ = env.loader.get_source(env, name)
                referenced = jinja2.meta.find_referenced_templates(env.parse(source))
            except jinja2.TemplateError:  # left for the build to compile, and report, as it would
                continue
            to_compile.extend(found for found in referenced if found)


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
