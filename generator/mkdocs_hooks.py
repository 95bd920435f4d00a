"""MkDocs hooks for `reportsite serve` (see `generator.serve`)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.build import Project, generate, index_search
from generator.render import GENERATED


def _project() -> Project:
    return Project.at(Path(os.environ["REPORTSITE_ROOT"]), Path(os.environ["REPORTSITE_CORPUS"]))


#: Seconds without a file change before a rebuild starts: copying a batch of
#: documents into the corpus starts one build, not one per file.
DEBOUNCE_SECONDS = 0.5


def on_serve(server, config, builder, **kwargs):
    """Debounce the live server's rebuilds (MkDocs waits only 0.1 s), and leave the generated pages unwatched.

    The pages change only in a build, which the corpus or the templates
    started: watched, every edit would build the site twice.
    """
    server.build_delay = DEBOUNCE_SECONDS
    docs = Path(config["docs_dir"])
    server.unwatch(str(docs))
    owned = {entry.rstrip("/") for entry in GENERATED}
    for entry in sorted(docs.iterdir()):
        if entry.name not in owned:
            server.watch(str(entry))
    return server


def on_pre_build(config, **kwargs) -> None:
    """Regenerate the Markdown pages from the corpus before MkDocs reads docs/."""
    generate(_project())


def on_post_build(config, **kwargs) -> None:
    """Index the freshly built site, so search follows the corpus too."""
    index_search(Path(config["site_dir"]))
