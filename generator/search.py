"""The site's search index: Pagefind over the built pages, all of them or only those that changed.

Pagefind has no incremental mode: it indexes every page it is given, and at a
thousand documents that is most of what a one-document rebuild costs. So a
rebuild indexes only the pages that changed since the whole site was last
indexed (its base, `pagefind/`) into a second, small index, `pagefind/delta/`,
and `pagefind/delta.json` names that index, its new pages, and the base's pages it
replaces (changed or removed pages). The site's search (search.js) merges the
two (Pagefind's `mergeIndex`, which shares the base's engine) and leaves the
replaced pages out.

Pagefind splits a query by the words its index knows, so the small index,
which knows few, would match its pages by parts of a query they do not hold:
search.js keeps a page of it only when it holds every word of the query as
typed. So the merged indexes find what an index of the whole site finds, but
for a word the changes brought into the corpus or took out of it, which the
base splits otherwise (measured on 1,000 real articles after three edits: 126
of 128 queries found the same pages). Scores in the small index are weighed by
its own page counts, so a changed page may rank a little differently. Both
last until the next whole index, which comes once the changes reach a tenth of
the pages (`WHOLE_INDEX_SHARE`); a site built from nothing, as CI publishes
it, always has one.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Collection
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from generator.files import files_under, link_or_copy, write_atomically

log = logging.getLogger("reportsite")

#: Pagefind's output, and the index of the pages changed since the whole site was indexed, inside it.
INDEX = "pagefind"
DELTA = "delta"
#: What the site's search reads to merge the delta (search.js):
#: {"index": "delta/" or null, "pages": [ids of the delta's pages the base does not hold],
#:  "replaced": [ids of the base's pages it replaces]}.
MANIFEST = "delta.json"

#: Past this share of the base's pages changed, the whole site is indexed again: a larger delta
#: costs nearly as much to build, and every search pays for it.
WHOLE_INDEX_SHARE = 0.1

#: What marks a page Pagefind indexes (templates/theme/main.html): pages without it are left out.
INDEXED_PAGE = b"data-pagefind-body"


@dataclass(frozen=True)
class BaseIndex:
    """What the whole index of a site was made from: each page file (relative to the site) as
    Pagefind found it (modification time in ns, size) with the id Pagefind gave it ("" for a page it
    leaves out), and a hash of the index's entry file, which tells this index from any other."""

    entry: str
    pages: dict[str, tuple[int, int, str]]

    def is_of(self, index: Path) -> bool:
        """Whether this is the record of the whole index in the folder `index` (and a well-formed one)."""
        well_formed = isinstance(self.entry, str) and isinstance(self.pages, dict) and all(
            isinstance(path, str) and isinstance(page, tuple) and [type(part) for part in page] == [int, int, str]
            for path, page in self.pages.items())
        return well_formed and self.entry == _entry_hash(index)


def index_search(site: Path, base: BaseIndex | None = None, pagefind: Pagefind | None = None,
                 index: Path | None = None, files: Collection[str] | None = None) -> BaseIndex:
    """Index the built `site` for search into `index` (by default the site's own `pagefind/`): only
    the pages changed since `base`, the whole index `index` holds, when that is few enough; else the
    whole site. Returns the base the next build can index changes against. `pagefind`: a service
    started ahead, which has loaded its dictionary meanwhile; without it, one is started now.
    `files`: the site's files (relative to it, but Pagefind's), when the caller has listed them."""
    index = index or site / INDEX
    pages = sorted(path for path in (files_under(site, leaving_out=INDEX) if files is None else files)
                   if path.endswith(".html"))
    with nullcontext(pagefind) if pagefind else Pagefind() as pagefind:
        if base is not None and base.is_of(index):
            changed, removed = _changes(site, pages, base)
            if len(changed) + len(removed) <= WHOLE_INDEX_SHARE * len(base.pages):
                _index_changes(site, index, base, changed, removed, pagefind)
                return base
        return _index_whole(site, pages, index, pagefind)


def carry_over(last_site: Path, site: Path) -> None:
    """Hard-link the whole index of `last_site` (not its delta) into `site`, for `index_search` to index
    only the changes against it."""
    last_index = os.path.join(last_site, INDEX)
    # os.walk and plain paths: a thousand documents' index is 1,500 files, linked while MkDocs
    # builds, and pathlib's objects took that build a tenth of a second.
    for folder, subfolders, files in os.walk(last_index):
        relative = os.path.relpath(folder, last_index)
        if relative == ".":
            subfolders[:] = [name for name in subfolders if name != DELTA]
            files = [name for name in files if name != MANIFEST]
        target = os.path.join(site, INDEX, relative)
        os.makedirs(target, exist_ok=True)
        for name in files:
            link_or_copy(Path(folder, name), Path(target, name))


def _index_whole(site: Path, pages: list[str], index: Path, pagefind: Pagefind) -> BaseIndex:
    shutil.rmtree(index, ignore_errors=True)
    count = pagefind.index_folder(site, index)
    log.info("search index: %d pages indexed", count)
    ids = _page_ids(index)
    indexed = {}
    for path in pages:
        stat = os.stat(os.path.join(site, path))
        indexed[path] = (stat.st_mtime_ns, stat.st_size, ids.get(_page_url(path), ""))
    _write_manifest(index, None, [], [])
    return BaseIndex(_entry_hash(index), indexed)


def _index_changes(site: Path, index: Path, base: BaseIndex, changed: list[str], removed: list[str],
                   pagefind: Pagefind) -> None:
    """Index the `changed` page files that Pagefind indexes into the delta; the manifest names the
    base's pages that the delta and the `removed` files replace."""
    delta = index / DELTA
    shutil.rmtree(delta, ignore_errors=True)
    pages = {path: (site / path).read_bytes() for path in changed}
    indexed = {path: page for path, page in pages.items() if INDEXED_PAGE in page}
    delta_ids: set[str] = set()
    if indexed:
        pagefind.index_pages(indexed, delta)
        delta_ids = set(_page_ids(delta).values())
    # A page whose text did not change has the same id in both: the base's entry stands, and
    # search.js needs to check only the pages the base does not hold.
    base_ids = {page[2] for page in base.pages.values()}
    replaced = sorted({base.pages[path][2] for path in [*changed, *removed] if path in base.pages}
                      - delta_ids - {""})
    _write_manifest(index, f"{DELTA}/" if indexed else None, sorted(delta_ids - base_ids), replaced)
    log.info("search index: %d changed pages indexed beside the whole index, %d of its pages replaced",
             len(indexed), len(replaced))


def _changes(site: Path, pages: list[str], base: BaseIndex) -> tuple[list[str], list[str]]:
    """The `pages` (the HTML files of `site`) new or modified since `base` was indexed, and the pages
    removed."""
    changed = []
    for path in pages:
        stat = os.stat(os.path.join(site, path))
        known = base.pages.get(path)
        if known is None or known[:2] != (stat.st_mtime_ns, stat.st_size):
            changed.append(path)
    return changed, sorted(base.pages.keys() - set(pages))


def _page_url(path: str) -> str:
    """The URL Pagefind gives the page file at `path` (it drops index.html)."""
    return "/" + path.removesuffix("index.html")


def _page_ids(index: Path) -> dict[str, str]:
    """Each page of a Pagefind index, by its URL, with the id search results carry (its fragment's name)."""
    ids = {}
    for fragment in (index / "fragment").glob("*.pf_fragment"):
        # Gzipped JSON behind a 12-byte signature.
        ids[json.loads(gzip.decompress(fragment.read_bytes())[12:])["url"]] = fragment.name.removesuffix(
            ".pf_fragment")
    return ids


def _entry_hash(index: Path) -> str:
    try:
        return hashlib.sha256((index / "pagefind-entry.json").read_bytes()).hexdigest()
    except OSError:
        return ""


def _write_manifest(index: Path, delta: str | None, pages: list[str], replaced: list[str]) -> None:
    write_atomically(index / MANIFEST, json.dumps({"index": delta, "pages": pages, "replaced": replaced},
                                                         separators=(",", ":")).encode())


def pagefind_binary() -> Path:
    """Pagefind's extended build (it segments Chinese), run as it is: `python -m pagefind` would start
    an interpreter first."""
    from pagefind_bin_extended import get_executable

    found = get_executable()
    if found is None:
        raise RuntimeError("pagefind's extended build (pagefind_bin_extended) is not installed")
    return found


class Pagefind:
    """Pagefind's extended build as a service (`pagefind --service`): it indexes the pages it is sent.

    Pagefind loads its Chinese dictionary when an index is first given a
    Chinese page, a fifth of a second, which was most of what indexing a
    rebuild's few changed pages cost. Started ahead of the indexing, the
    service is given a page to load it with at once, while the build does
    other work. It writes the same files as Pagefind's command line.

    The service reads requests from its standard input and answers on its
    standard output, each base64-encoded JSON followed by a comma (the
    protocol of Pagefind's Node and Python interfaces; Python's polls for
    each answer a tenth of a second apart, so it is not used here).
    """

    #: A page in Chinese, for the service to load its dictionary with.
    WARMING_PAGE = '<html lang="zh"><body><p>中文</p></body></html>'

    #: Heading permalinks ("¶") are page chrome, not text to find or show.
    CONFIG = {"exclude_selectors": [".headerlink"]}

    def __init__(self) -> None:
        self._errors = tempfile.TemporaryFile()
        self._process = subprocess.Popen([str(pagefind_binary()), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._errors)
        self._sent = 0
        self._unread = b""
        self._answers: dict[int, dict] = {}
        warming = self._answer(self._send({"type": "NewIndex", "config": None}))["index_id"]
        self._send({"type": "AddFile", "index_id": warming, "file_path": "warming.html", "url": None,
                    "file_contents": self.WARMING_PAGE})
        self._send({"type": "DeleteIndex", "index_id": warming})  # answered while the build goes on

    def index_folder(self, folder: Path, output: Path) -> int:
        """Index the pages under `folder` into `output`; returns how many pages Pagefind read."""
        index = self._new_index()
        count = self._answer(self._send({"type": "AddDir", "index_id": index, "path": str(folder)}))["page_count"]
        self._write(index, output)
        return count

    def index_pages(self, pages: dict[str, bytes], output: Path) -> None:
        """Index `pages` (each HTML file's path in the site, with its bytes) into `output`."""
        index = self._new_index()
        for path, html in pages.items():
            # One at a time: sent all at once, their answers would fill the pipe back while the
            # service waited to write them and this process to send the rest.
            self._answer(self._send({"type": "AddFile", "index_id": index, "file_path": path, "url": None,
                                     "file_contents": html.decode("utf-8")}))
        self._write(index, output)

    def close(self) -> None:
        """End the service (its standard input closed, it ends)."""
        try:
            self._process.stdin.close()
            self._process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        finally:
            self._errors.close()

    def __enter__(self) -> Pagefind:
        return self

    def __exit__(self, *exception) -> None:
        self.close()

    def _new_index(self) -> int:
        return self._answer(self._send({"type": "NewIndex", "config": self.CONFIG}))["index_id"]

    def _write(self, index: int, output: Path) -> None:
        self._answer(self._send({"type": "WriteFiles", "index_id": index, "output_path": str(output)}))
        self._answer(self._send({"type": "DeleteIndex", "index_id": index}))

    def _send(self, payload: dict) -> int:
        self._sent += 1
        request = json.dumps({"message_id": self._sent, "payload": payload}).encode("utf-8")
        try:
            self._process.stdin.write(base64.b64encode(request) + b",")
            self._process.stdin.flush()
        except BrokenPipeError:
            pass  # the service ended: reading the answer says how
        return self._sent

    def _answer(self, message: int) -> dict:
        """The answer to the request numbered `message` (those to other requests are kept as they come)."""
        while message not in self._answers:
            while b"," not in self._unread:
                read = self._process.stdout.read1(1 << 20)
                if not read:
                    self._failed("ended")
                self._unread += read
            encoded, _, self._unread = self._unread.partition(b",")
            answer = json.loads(base64.b64decode(encoded))
            payload = answer["payload"]
            if payload["type"] == "Error":
                self._failed(f"failed: {payload['message']}")
            self._answers[answer["message_id"]] = payload
        return self._answers.pop(message)

    def _failed(self, how: str) -> NoReturn:
        self._process.kill()
        self._process.wait()
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", "replace").strip()
        raise RuntimeError(f"pagefind {how} (exit code {self._process.returncode})" + (f":\n{said}" if said else ""))
