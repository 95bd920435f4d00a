"""MkDocs hooks for `reportsite serve` (see `generator.serve`)."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from generator.build import DirtyBuildNotes, Project, generate, site_look
from generator.render import GENERATED
from generator.search import BaseIndex, index_search

log = logging.getLogger("reportsite")


def _project() -> Project:
    return Project.at(Path(os.environ["REPORTSITE_ROOT"]), Path(os.environ["REPORTSITE_CORPUS"]),
                      max_file_bytes=int(os.environ["REPORTSITE_MAX_FILE_BYTES"]))


#: Seconds without a file change before a rebuild starts: copying a batch of
#: documents into the corpus starts one build, not one per file.
DEBOUNCE_SECONDS = 0.5

#: What the built pages were made with besides their Markdown, when the last build started.
_look: str | None = None

#: What the served site's whole search index was made from: a rebuild indexes only the pages changed since.
_search_base: BaseIndex | None = None

#: Where this build writes each page and file, relative to the site folder.
_built: set[str] = set()


def on_serve(server, config, builder, **kwargs):
    """Debounce the live server's rebuilds (MkDocs waits only 0.1 s), keep serving through a failed one,
    leave the generated pages unwatched, and leave out MkDocs' notes on dirty builds (`DirtyBuildNotes`).

    The pages change only in a build, which the corpus or the templates
    started: watched, every edit would build the site twice.
    """
    server.build_delay = DEBOUNCE_SECONDS
    logging.getLogger("mkdocs.commands.build").addFilter(DirtyBuildNotes())
    server.builder = _keeping_the_last_site(server.builder)
    docs = Path(config["docs_dir"])
    server.unwatch(str(docs))
    owned = {entry.rstrip("/") for entry in GENERATED}
    for entry in sorted(docs.iterdir()):
        if entry.name not in owned:
            server.watch(str(entry))
    return server


def _keeping_the_last_site(build):
    """`build`, which says why it failed and returns, rather than raise.

    MkDocs' live server holds every request until a rebuild succeeds: one
    that raised would leave each page loading forever. A rebuild fails
    before it writes (the generator runs before MkDocs reads docs/), so the
    last good site is still there to serve.
    """
    def build_or_say_why() -> None:
        try:
            build()
        except Exception as error:  # whatever broke this build, the server goes on
            log.error("the rebuild failed, the last good site is still served: %s", error)

    return build_or_say_why


def on_pre_build(config, **kwargs) -> None:
    """Regenerate the Markdown pages from the corpus before MkDocs reads docs/.

    The server's builds are dirty: MkDocs builds again only the pages whose
    Markdown is newer than their HTML, and the generator rewrites only the
    pages that changed. A change to the theme or to mkdocs.yml touches every
    page, so it empties the served site and every page is built again.
    """
    global _look
    project = _project()
    generate(project)
    look = site_look(project)
    if _look is not None and look != _look:
        for built in Path(config["site_dir"]).iterdir():
            if built.is_dir():
                shutil.rmtree(built)
            else:
                built.unlink()
    _look = look


def on_files(files, config, **kwargs):
    """Note where each page and file of this build goes."""
    _built.clear()
    _built.update(file.dest_uri for file in files)
    return files


def on_post_build(config, **kwargs) -> None:
    """Remove the generated pages whose Markdown is gone (a dirty build leaves them), then index the site.

    Only the generator's folders are swept: a page of one's own removed while
    serving stays in the served site until the server restarts.
    """
    site = Path(config["site_dir"])
    for entry in GENERATED:
        folder = site / entry
        if entry.endswith("/") and folder.is_dir():
            # Deepest first, so that a page's folder goes once its page has.
            for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
                if path.is_file() and path.relative_to(site).as_posix() not in _built:
                    path.unlink()
                elif path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
    global _search_base
    _search_base = index_search(site, _search_base)
