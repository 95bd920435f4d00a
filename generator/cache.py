"""The extraction cache: each document's reading and extraction, kept between builds.

An entry is keyed by everything its result depends on: the file's bytes (and
its sidecar's), its document id, the project version, the rule data and the
generator's code. A rebuild re-reads and re-extracts only the documents whose
key changed; linking and rendering always see the whole corpus.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from generator import __version__, rules
from generator.read import SIDECAR_SUFFIX, Entry


@cache
def _code_fingerprint() -> str:
    """A hash of the generator's own code: a changed extractor must not read old results."""
    digest = hashlib.sha256()
    package = resources.files("generator")
    for path in sorted(Path(str(package)).rglob("*.py")):
        digest.update(path.relative_to(Path(str(package))).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ExtractionCache:
    """Pickled `(document, facts)` per corpus file, in one folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, entry: Entry) -> str:
        """What the entry's extraction depends on, hashed."""
        digest = hashlib.sha256()
        for part in (__version__, sys.version, rules.fingerprint(), _code_fingerprint(), entry.relative, entry.doc_id):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        digest.update(entry.path.read_bytes())
        sidecar = entry.path.with_name(entry.path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)
        if sidecar.is_file():
            digest.update(b"\0sidecar\0" + sidecar.read_bytes())
        return digest.hexdigest()

    def load(self, key: str) -> Any | None:
        """The cached value for `key`, or None."""
        self.used.add(key)
        path = self.folder / f"{key}.pickle"
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def store(self, key: str, value: Any) -> None:
        """Keep `value` under `key` (written whole or not at all)."""
        self.used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self.folder, delete=False, suffix=".tmp") as handle:
            handle.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(handle.name, self.folder / f"{key}.pickle")

    def prune(self) -> int:
        """Remove the entries this build did not use (removed or changed documents); returns how many."""
        removed = 0
        for path in self.folder.glob("*.pickle") if self.folder.is_dir() else []:
            if path.stem not in self.used:
                path.unlink()
                removed += 1
        return removed
