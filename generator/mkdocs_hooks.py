"""MkDocs hooks for `reportsite serve` (see `generator.serve`)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.build import Project, generate, index_search


def _project() -> Project:
    return Project.at(Path(os.environ["REPORTSITE_ROOT"]), Path(os.environ["REPORTSITE_CORPUS"]))


#: Seconds without a file change before a rebuild starts: copying a batch of
#: documents into the corpus starts one build, not one per file.
DEBOUNCE_SECONDS = 0.5


def on_serve(server, config, builder, **kwargs):
    """Debounce the live server's rebuilds (MkDocs waits only 0.1 s)."""
    server.build_delay = DEBOUNCE_SECONDS
    return server


def on_pre_build(config, **kwargs) -> None:
    """Regenerate the Markdown pages from the corpus before MkDocs reads docs/."""
    generate(_project())


def on_post_build(config, **kwargs) -> None:
    """Index the freshly built site, so search follows the corpus too."""
    index_search(Path(config["site_dir"]))
