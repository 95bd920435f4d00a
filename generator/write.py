"""Writing generated files: only when their bytes change, and nothing stale left.

Writing unchanged files would wake `mkdocs serve`'s watcher for nothing and
start rebuild loops, so a file is rewritten only when its bytes differ.

A page may come as a `Rendering`: a key (a hash of everything its text is
made from) and the function that renders it. The record of the last build
says which key each file was written from; a file whose key is the same, and
which nobody touched since (its size and modification time are as written),
is neither rendered nor read again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from generator.files import file_stamp


class Rendering(NamedTuple):
    """A file's text, not yet rendered: `render()` makes it; `key` hashes what it is made from."""

    key: str
    render: Callable[[], str]


class Stamp(NamedTuple):
    """How a file was left: the key it was rendered from ("" for a text given whole), and its size and
    modification time then."""

    key: str
    size: int
    mtime_ns: int


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    rendered: int = 0  # Renderings whose text was made this time
    record: dict[str, Stamp] = field(default_factory=dict)  # every file as left, for the next build
    removed: list[str] = field(default_factory=list)  # stale files, by `remove_stale`

    def add(self, other: WriteResult) -> None:
        """Count in what another writer (of other files) did."""
        self.written = sorted(self.written + other.written)
        self.unchanged += other.unchanged
        self.rendered += other.rendered
        self.record.update(other.record)


def write_tree(root: Path, files: Iterable[tuple[str, str | bytes | Rendering]],
               record: dict[str, Stamp] | None = None) -> WriteResult:
    """Write `files` (pairs of relative path and text, UTF-8 bytes or `Rendering`, as they come) under `root`.

    `record` is the last build's `WriteResult.record`. What is stale is left
    for `remove_stale`.
    """
    record = record or {}
    result = WriteResult()
    for relative, text in files:
        path = root / relative
        if isinstance(text, Rendering):
            stamp = record.get(relative)
            if stamp and stamp.key == text.key and file_stamp(path) == stamp[1:]:
                result.unchanged += 1
                result.record[relative] = stamp
                continue
            result.rendered += 1
            data = text.render().encode("utf-8")
        else:
            data = text if isinstance(text, bytes) else text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            result.unchanged += 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            result.written.append(relative)
        result.record[relative] = Stamp(text.key if isinstance(text, Rendering) else "", *file_stamp(path))
    result.written.sort()
    return result


def remove_stale(root: Path, kept: Collection[str], owned: tuple[str, ...]) -> list[str]:
    """Remove the files under `root` that `owned` names and `kept` does not; returns them, sorted."""
    stale = [relative for relative in _owned_files(root, owned) if relative not in kept]
    for relative in stale:
        (root / relative).unlink()
    return sorted(stale)


def as_written(root: Path, record: dict[str, Stamp], owned: tuple[str, ...]) -> bool:
    """Whether the files under `root` that `owned` names are the record's, each as it was left."""
    return (all(file_stamp(root / relative) == tuple(stamp[1:]) for relative, stamp in record.items())
            and set(_owned_files(root, owned)) == record.keys())


def _owned_files(root: Path, owned: tuple[str, ...]) -> list[str]:
    """The files under `root` that `owned` names, relative to it (a walk of plain strings: at 10,000
    documents, docs/ holds 18,000 files)."""
    found = []
    for entry in owned:
        if not entry.endswith("/"):
            found += [entry] if (root / entry).is_file() else []
            continue
        for folder, _, files in os.walk(root / entry):
            relative = Path(folder).relative_to(root).as_posix()
            found += [f"{relative}/{name}" for name in files if os.path.isfile(os.path.join(folder, name))]
    return found
