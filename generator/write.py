"""Writing generated files: only when their bytes change, and nothing stale left.

Writing unchanged files would wake `mkdocs serve`'s watcher for nothing and
start rebuild loops, so a file is rewritten only when its bytes differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class WriteResult:
    written: list[str]
    unchanged: int
    removed: list[str]


def write_tree(root: Path, files: dict[str, str], owned: tuple[str, ...]) -> WriteResult:
    """Write `files` (relative path → text) under `root`.

    `owned` names the files and folders (ending in "/") the generator owns: a
    file there that is not in `files` is stale and is removed.
    """
    written, unchanged = [], 0
    for relative, text in sorted(files.items()):
        path = root / relative
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(relative)
    removed = []
    for entry in owned:
        if entry.endswith("/"):
            folder = root / entry
            stale = [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
        else:
            stale = [root / entry] if (root / entry).is_file() else []
        for path in stale:
            relative = path.relative_to(root).as_posix()
            if relative not in files:
                path.unlink()
                removed.append(relative)
    return WriteResult(written, unchanged, sorted(removed))
