"""The cache kept between builds, so that a rebuild reads again only what changed.

One cache: each corpus file's document and facts, keyed by the file's bytes
(and its sidecar's), its id, the project version, the rule data and the
generator's code (`entry_key`). Reading and extraction are the work that grows
with a corpus's text; linking and rendering are plain functions of the
documents and facts, run whole on every build that has anything to do. (The
build also records which key each page in docs/ was written from, and with
what look the site was built, to write and build only what changed: see
`generator.write` and `generator.build`.) `fingerprint` hashes any inputs
into such a key.

A cache is never trusted: anyone who can write a file into it could make a
pickle that runs code as it loads. So caches load through an unpickler that
makes nothing but the generator's own data classes and Python's plain
values, anything that fails to load or is not of the shape asked for is
discarded (and made again), and a cache folder that cannot be used leaves the
build to run without one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
import pickle
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from generator import __version__, rules
from generator.files import write_atomically
from generator.model import Document, Skipped
from generator.read import Contents, Entry

log = logging.getLogger("reportsite")


@cache
def _code_fingerprint() -> str:
    """A hash of the generator's own code: a changed extractor must not read old results."""
    digest = hashlib.sha256()
    package = resources.files("generator")
    for path in sorted(Path(str(package)).rglob("*.py")):
        digest.update(path.relative_to(Path(str(package))).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def build_fingerprint() -> str:
    """What every cached value depends on: the project version, Python, the rule data and the code."""
    return hashlib.sha256("\0".join((__version__, sys.version, rules.fingerprint(),
                                     _code_fingerprint())).encode("utf-8")).hexdigest()


def entry_key(entry: Entry, contents: Contents) -> str:
    """What reading and extracting the entry depends on, hashed: the entry and the bytes read of it.
    It becomes the document's fingerprint."""
    digest = hashlib.sha256()
    for part in (build_fingerprint(), entry.relative, entry.doc_id):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    digest.update(contents.data)
    if contents.sidecar is not None:
        digest.update(b"\0sidecar\0" + contents.sidecar)
    if contents.sidecar_error:
        digest.update(b"\0sidecar error\0" + contents.sidecar_error.encode("utf-8"))
    return digest.hexdigest()


class _DataOnly(pickle.Unpickler):
    """An unpickler that makes only plain values and the generator's own data classes.

    Plain values (str, bytes, numbers, lists, tuples, dicts, sets) need no
    class to load; any other class a pickle names must be a dataclass or a
    named tuple defined in the generator, named without dots. Making one runs
    no code of the pickle's choosing.
    """

    def find_class(self, module: str, name: str) -> Any:
        if module.partition(".")[0] == "generator" and "." not in name:
            found = super().find_class(module, name)
            if (isinstance(found, type) and found.__module__ == module
                    and (dataclasses.is_dataclass(found) or issubclass(found, tuple))):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a value a cache may hold")


def read_kept(path: Path) -> Any | None:
    """The value pickled at `path`, or None when there is none or it does not load as data."""
    try:
        return _DataOnly(io.BytesIO(path.read_bytes())).load()
    except Exception:  # whatever damaged or foreign bytes raise: the value is not kept
        return None


def usable_folder(folder: Path) -> bool:
    """Whether `folder` is, or now is, a folder to keep caches in.

    A file where the folder should be is a damaged cache: it is removed. What
    cannot be made a folder leaves the build without caches, said once.
    """
    if (folder.is_symlink() or folder.exists()) and not folder.is_dir():
        log.warning("cache: %s is not a folder; removed, the cache starts anew", folder)
        try:
            folder.unlink()
        except OSError:
            pass
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        log.warning("cache: %s cannot be made (%s); building without a cache", folder, error.strerror)
        return False
    return True


def keep(path: Path, value: Any) -> None:
    """Pickle `value` to `path`, whole or not at all; a cache that cannot be written is only said."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as error:
        log.warning("cache: %s not kept (%s)", path, error.strerror)


class ExtractionCache:
    """Pickled `(document, facts)` per corpus file, in one folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._usable: bool | None = None  # whether the folder can be written: known at the first store
        self.hits = 0
        self.misses = 0

    def has(self, key: str) -> bool:
        """Whether an entry is kept under `key` (it may still fail to load)."""
        return (self.folder / f"{key}.pickle").is_file()

    def load(self, key: str) -> tuple[Document | Skipped, dict | None] | None:
        """The `(document, facts)` cached for `key`, or None when none loads whole and of that shape."""
        value = read_kept(self.folder / f"{key}.pickle")
        if not _is_extraction(value, key):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def store(self, key: str, data: bytes) -> None:
        """Keep a value, pickled, under `key` (a cache that cannot be written is only said)."""
        if self._usable is None:
            self._usable = usable_folder(self.folder)
        if not self._usable:
            return
        try:
            write_atomically(self.folder / f"{key}.pickle", data)
        except OSError as error:
            log.warning("cache: %s not kept (%s)", key, error.strerror)

    def prune(self, keys: set[str]) -> int:
        """Remove the entries not under `keys` (removed or changed documents); returns how many."""
        removed = 0
        for path in self.folder.glob("*.pickle") if self.folder.is_dir() else []:
            if path.stem not in keys:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _is_extraction(value: Any, key: str) -> bool:
    """Whether `value` is what reading the file of `key` gave: its document and facts, or why it was skipped."""
    if not (isinstance(value, tuple) and len(value) == 2):
        return False
    document, facts = value
    if isinstance(document, Skipped):
        return facts is None
    return (isinstance(document, Document) and document.fingerprint == key and isinstance(facts, dict)
            and all(isinstance(kind, str) and isinstance(found, list) for kind, found in facts.items()))


def _document_by_fingerprint(document: Document) -> tuple:
    """How a document pickles for hashing: as its fingerprint, which hashes everything it was made from."""
    if document.fingerprint:
        return str, (document.fingerprint,)
    return document.__reduce_ex__(pickle.HIGHEST_PROTOCOL)


def fingerprint(*values: Any) -> str:
    """A hash of `values` (any picklable data), equal for equal values across processes.

    A document among them counts by its fingerprint, so a page's inputs hash
    in time proportional to what linking added to the document, not to its text.
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {Document: _document_by_fingerprint}
    # Without the pickler's memo, an object shared twice pickles the same as two equal
    # copies: equal values give equal bytes however they were built.
    pickler.fast = True
    pickler.dump((build_fingerprint(), values))
    return hashlib.sha256(buffer.getbuffer()).hexdigest()
