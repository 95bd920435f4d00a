"""File operations the stages share: how a file was left, and writing one whole or not at all."""

from __future__ import annotations

import os
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
