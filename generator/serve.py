"""`reportsite serve`: MkDocs' live server, regenerating pages from the corpus.

MkDocs watches the corpus and templates besides docs/; before each build the
hooks in `mkdocs_hooks.py` regenerate the Markdown pages, and after it index the
site for search. The pages the generator writes are not watched (they change
only in a build), so a corpus edit costs one build. What else is in docs/ when
the server starts (assets, pages of one's own) is watched. Builds are dirty:
MkDocs renders again only the pages the generator rewrote.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from generator.build import Project

HOOKS = Path(__file__).with_name("mkdocs_hooks.py")


def serve(project: Project, port: int = 8000, poll: bool = False) -> None:
    """Serve the site on 127.0.0.1:PORT until interrupted; with `poll`, look for changes every half
    second rather than be notified of them (`mkdocs_hooks._watch_natively`)."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    # MkDocs checks that docs/ is there before the hooks write the pages into it:
    # a folder `reportsite new` made has none yet.
    project.docs.mkdir(parents=True, exist_ok=True)
    # The hooks run inside MkDocs; the project reaches them through the environment.
    os.environ["REPORTSITE_ROOT"] = str(project.root)
    os.environ["REPORTSITE_CORPUS"] = str(project.corpus)
    os.environ["REPORTSITE_MAX_FILE_BYTES"] = str(project.max_file_bytes)
    os.environ["REPORTSITE_POLL"] = "1" if poll else ""
    try:
        mkdocs_serve(
            config_file=str(project.config_file),
            docs_dir=str(project.docs),
            livereload=True,
            build_type="dirty",
            watch=[str(folder) for folder in (project.corpus, *project.theme_folders, *project.page_templates)],
            hooks=[str(HOOKS)],
            dev_addr=f"127.0.0.1:{port}",
        )
    except OSError as error:
        if error.errno not in OUT_OF_WATCHES:
            raise
        raise OSError(error.errno, f"{error.strerror}: the system will watch no more files for changes; "
                                   "`reportsite serve --poll` looks for them instead") from error


#: What the system says when it will watch no more files (Linux: inotify's watch and instance limits).
OUT_OF_WATCHES = (errno.ENOSPC, errno.EMFILE)
