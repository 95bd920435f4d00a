"""File operations the stages share: how a file was left, writing one whole or not at all, linking one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def file_stamp(path: str | os.PathLike) -> tuple[int, int] | None:
    """A file's size and modification time (ns), or None when it is not there: what tells that it changed."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (the folder must exist)."""
    path = Path(path)
    # A name of this process's own: two processes writing at once never share a half-written file.
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    os.replace(partial, path)


def link_or_copy(source: Path, target: Path) -> None:
    """Hard-link `source` at `target` (the folder must exist); on a file system without hard links, a
    copy with the source's times does as well."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def files_under(folder: Path, leaving_out: str = "") -> set[str]:
    """The files under `folder`, as paths relative to it, but those under its subfolder `leaving_out`."""
    found = set()
    for parent, subfolders, files in os.walk(folder):
        relative = os.path.relpath(parent, folder).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        if not prefix:
            subfolders[:] = [name for name in subfolders if name != leaving_out]
        found.update(prefix + name for name in files)
    return found
