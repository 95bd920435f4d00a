"""Putting a built site where it is served: a whole new one in place of the last, or the few files a
rebuild made into the last one. Either way a build that fails leaves the last site as it was.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def replace_site(site: Path, built: Path) -> None:
    """Put the folder `built` where `site` is; the old site is kept beside (`replaced_site`) until the
    next build removes it while its pages are generated: removing 18,000 pages takes 3 s."""
    old = replaced_site(site)
    remove(old)
    if site.exists():
        site.rename(old)
    built.rename(site)


def replaced_site(site: Path) -> Path:
    """Where the site a build replaced waits to be removed."""
    return site.with_name(f".{site.name}.old")


def remove(path: Path) -> None:
    """Remove the file or folder at `path`, if there is one."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


class SiteUpdate:
    """Files moved into a site, each file or folder they replace (or that is removed) moved aside
    first: until the update is done, the site can be put back as it was.

    Moving within one file system is a rename: an update costs a few
    operations a file it moves, however large the site.
    """

    def __init__(self, site: Path) -> None:
        self.site = site
        self.aside = site.with_name(f".{site.name}.aside")
        self._moved: list[tuple[str, bool]] = []  # (path in the site, whether what was there is aside)

    def put(self, source: Path, relative: str) -> None:
        """Move the file or folder `source` to `relative` in the site."""
        self._set_aside(relative)
        target = self.site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(source, target)

    def remove(self, relative: str) -> None:
        """Take the file at `relative` out of the site, and the folders it leaves empty."""
        self._set_aside(relative)
        self._prune(relative)

    def undo(self) -> None:
        """Put the site back as it was before the first move."""
        for relative, kept in reversed(self._moved):
            remove(self.site / relative)
            if kept:
                (self.site / relative).parent.mkdir(parents=True, exist_ok=True)
                os.rename(self.aside / relative, self.site / relative)
            else:
                self._prune(relative)

    def _set_aside(self, relative: str) -> None:
        target = self.site / relative
        kept = target.exists() or target.is_symlink()
        if kept:
            (self.aside / relative).parent.mkdir(parents=True, exist_ok=True)
            os.rename(target, self.aside / relative)
        self._moved.append((relative, kept))

    def _prune(self, relative: str) -> None:
        """Remove the folders above `relative` that are left empty."""
        folder = (self.site / relative).parent
        while folder != self.site:
            if folder.is_dir():  # not made, when a move failed before it was
                if any(folder.iterdir()):
                    return
                folder.rmdir()
            folder = folder.parent


@contextmanager
def updating(site: Path) -> Iterator[SiteUpdate]:
    """A `SiteUpdate` of `site`, undone when the block raises; what it moved aside goes at the end."""
    update = SiteUpdate(site)
    remove(update.aside)  # what an update that was killed left
    try:
        yield update
    except BaseException:
        update.undo()
        remove(update.aside)  # kept when the undoing failed: what it holds is the last site's
        raise
    remove(update.aside)
