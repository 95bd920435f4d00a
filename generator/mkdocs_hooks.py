"""MkDocs hooks for `reportsite serve` (see `generator.serve`)."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import watchdog.events
import watchdog.observers

from generator.build import DirtyBuildNotes, Project, generate, site_look
from generator.render import GENERATED
from generator.search import BaseIndex, Pagefind, index_search

log = logging.getLogger("reportsite")


#: The file events that change what a build reads. Watched natively (inotify), reading a file is an
#: event too, and the build reads every corpus file.
CHANGES = [watchdog.events.FileCreatedEvent, watchdog.events.FileModifiedEvent, watchdog.events.FileAttribEvent,
           watchdog.events.FileClosedEvent, watchdog.events.FileDeletedEvent, watchdog.events.FileMovedEvent]


class ChangeObserver(watchdog.observers.Observer):
    """The platform's own file notifications (inotify, FSEvents, ReadDirectoryChangesW), reporting changes only."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES,
                                follow_symlink=follow_symlink)


def _project() -> Project:
    return Project.at(Path(os.environ["REPORTSITE_ROOT"]), Path(os.environ["REPORTSITE_CORPUS"]),
                      max_file_bytes=int(os.environ["REPORTSITE_MAX_FILE_BYTES"]))


#: What the built pages were made with besides their Markdown, when the last build started.
_look: str | None = None

#: What the served site's whole search index was made from: a rebuild indexes only the pages changed since.
_search_base: BaseIndex | None = None

#: Where this build writes each page and file, relative to the site folder.
_built: set[str] = set()

#: The search indexer of this build, started as it starts: it loads its dictionary meanwhile.
_pagefind: Pagefind | None = None


def on_serve(server, config, builder, **kwargs):
    """Keep serving through a failed rebuild, leave the generated pages unwatched, and leave out MkDocs'
    notes on dirty builds (`DirtyBuildNotes`).

    The pages change only in a build, which the corpus or the templates
    started: watched, every edit would build the site twice. (A rebuild
    starts once the files have not changed for MkDocs' tenth of a second:
    with the system's notifications, copying a batch of documents into the
    corpus starts one build; measured with 30 articles.)
    """
    logging.getLogger("mkdocs.commands.build").addFilter(DirtyBuildNotes())
    server.builder = _keeping_the_last_site(server.builder)
    docs = Path(config["docs_dir"])
    server.unwatch(str(docs))
    if not os.environ.get("REPORTSITE_POLL"):
        _watch_natively(server, config)
    owned = {entry.rstrip("/") for entry in GENERATED}
    for entry in sorted(docs.iterdir()):
        if entry.name not in owned:
            server.watch(str(entry))
    return server


def _watch_natively(server, config) -> None:
    """Have the server learn of changes from the system rather than look for them.

    MkDocs' server polls what it watches every half second: it stats every
    corpus file, in a thread that takes Python's lock from the build. At a
    thousand documents that made a one-document rebuild half as slow again
    (measured: 1.7–2.8 s polled, 1.4–1.7 s notified). The files watched
    so far (mkdocs.yml) move to the new observer; what MkDocs and this hook
    watch next goes to it. `reportsite serve --poll` keeps MkDocs' polling,
    for file systems that send no notifications (some network and container
    mounts).
    """
    watched = [config.config_file_path] if config.config_file_path else []
    for path in watched:
        server.unwatch(path)
    server.observer = ChangeObserver()
    for path in watched:
        server.watch(path)


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
    global _look, _pagefind
    project = _project()
    _end_pagefind()  # a build that failed left it
    _pagefind = Pagefind()
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
    site = config["site_dir"]
    for entry in (entry for entry in GENERATED if entry.endswith("/")):
        # Deepest first, so that a page's folder goes once its page has.
        for folder, _, files in os.walk(os.path.join(site, entry), topdown=False):
            relative = os.path.relpath(folder, site).replace(os.sep, "/")
            for name in files:
                if f"{relative}/{name}" not in _built:
                    os.unlink(os.path.join(folder, name))
            if not os.listdir(folder):
                os.rmdir(folder)
    global _search_base
    try:
        _search_base = index_search(Path(site), _search_base, _pagefind)
    finally:
        _end_pagefind()


def on_shutdown(**kwargs) -> None:
    _end_pagefind()


def _end_pagefind() -> None:
    global _pagefind
    if _pagefind is not None:
        _pagefind.close()
        _pagefind = None
