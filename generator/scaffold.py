"""`reportsite new`: a site folder of one's own, from the package's defaults (`generator.templates.NEW`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import templates

#: What a new site folder holds besides corpus/: each default file and the name it takes there.
NEW_FILES = {"mkdocs.yml": "mkdocs.yml", "README.md": "README.md", "gitignore": ".gitignore"}


class FolderInUse(RuntimeError):
    """The folder already holds a site (or a file a new site would take the place of)."""


def new_site(folder: Path) -> Path:
    """Make `folder` a site folder: corpus/ to put documents in, mkdocs.yml, a README on how to use it
    and a .gitignore. Nothing there is overwritten."""
    taken = [name for name in (*NEW_FILES.values(), "corpus") if (folder / name).exists()]
    if taken:
        raise FolderInUse(f"{folder}: already has {', '.join(taken)}; nothing written")
    (folder / "corpus").mkdir(parents=True)
    for default, name in NEW_FILES.items():
        shutil.copyfile(templates.NEW / default, folder / name)
    return folder
