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

import gzip
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.files import link_or_copy, write_atomically

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

    def is_of(self, site: Path) -> bool:
        """Whether this is the record of the index now in `site` (and a well-formed one)."""
        well_formed = isinstance(self.entry, str) and isinstance(self.pages, dict) and all(
            isinstance(path, str) and isinstance(page, tuple) and [type(part) for part in page] == [int, int, str]
            for path, page in self.pages.items())
        return well_formed and self.entry == _entry_hash(site / INDEX)


def index_search(site: Path, base: BaseIndex | None = None) -> BaseIndex:
    """Index the built `site` for search: only the pages changed since `base`, the whole index the
    site holds, when that is few enough; else the whole site. Returns the base the next build can
    index changes against."""
    if base is not None and base.is_of(site):
        changed, removed = _changes(site, base)
        if len(changed) + len(removed) <= WHOLE_INDEX_SHARE * len(base.pages):
            _index_changes(site, base, changed, removed)
            return base
    return _index_whole(site)


def carry_over(last_site: Path, site: Path) -> None:
    """Hard-link the whole index of `last_site` (not its delta) into `site`, for `index_search` to index
    only the changes against it."""
    last_index = last_site / INDEX
    if not last_index.is_dir():
        return
    for path in last_index.rglob("*"):
        relative = path.relative_to(last_index)
        if relative.parts[0] in (DELTA, MANIFEST) or not path.is_file():
            continue
        target = site / INDEX / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(path, target)


def _index_whole(site: Path) -> BaseIndex:
    shutil.rmtree(site / INDEX, ignore_errors=True)
    _pagefind(site, site / INDEX)
    ids = _page_ids(site / INDEX)
    pages = {}
    for path in _page_files(site):
        stat = (site / path).stat()
        pages[path] = (stat.st_mtime_ns, stat.st_size, ids.get(_page_url(path), ""))
    _write_manifest(site, None, [], [])
    return BaseIndex(_entry_hash(site / INDEX), pages)


def _index_changes(site: Path, base: BaseIndex, changed: list[str], removed: list[str]) -> None:
    """Index the `changed` page files that Pagefind indexes into the delta; the manifest names the
    base's pages that the delta and the `removed` files replace."""
    delta = site / INDEX / DELTA
    shutil.rmtree(delta, ignore_errors=True)
    indexed = [path for path in changed if INDEXED_PAGE in (site / path).read_bytes()]
    delta_ids: set[str] = set()
    if indexed:
        # Pagefind indexes a folder: one of links to the changed pages, at their places in the site.
        with tempfile.TemporaryDirectory(dir=site.parent, prefix=".search-changes-") as pages:
            for path in indexed:
                (Path(pages) / path).parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(site / path, Path(pages) / path)
            _pagefind(Path(pages), delta)
        delta_ids = set(_page_ids(delta).values())
    # A page whose text did not change has the same id in both: the base's entry stands, and
    # search.js needs to check only the pages the base does not hold.
    base_ids = {page[2] for page in base.pages.values()}
    replaced = sorted({base.pages[path][2] for path in [*changed, *removed] if path in base.pages}
                      - delta_ids - {""})
    _write_manifest(site, f"{DELTA}/" if indexed else None, sorted(delta_ids - base_ids), replaced)
    log.info("search index: %d changed pages indexed beside the whole index, %d of its pages replaced",
             len(indexed), len(replaced))


def _changes(site: Path, base: BaseIndex) -> tuple[list[str], list[str]]:
    """The page files of `site` new or modified since `base` was indexed, and those removed."""
    changed = []
    present = set()
    for path in _page_files(site):
        present.add(path)
        stat = (site / path).stat()
        known = base.pages.get(path)
        if known is None or known[:2] != (stat.st_mtime_ns, stat.st_size):
            changed.append(path)
    return changed, sorted(base.pages.keys() - present)


def _page_files(site: Path) -> list[str]:
    """The HTML files of the site, relative to it, without Pagefind's own folder."""
    found = []
    for folder, subfolders, files in os.walk(site):
        if folder == str(site):
            subfolders[:] = [name for name in subfolders if name != INDEX]
        relative = Path(folder).relative_to(site)
        found.extend((relative / name).as_posix() for name in files if name.endswith(".html"))
    return sorted(found)


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


def _write_manifest(site: Path, delta: str | None, pages: list[str], replaced: list[str]) -> None:
    write_atomically(site / INDEX / MANIFEST, json.dumps({"index": delta, "pages": pages, "replaced": replaced},
                                                         separators=(",", ":")).encode())


def _pagefind(pages: Path, output: Path) -> None:
    """Pagefind over the pages in `pages` (its extended build segments Chinese), written to `output`."""
    # Heading permalinks ("¶") are page chrome, not text to find or show.
    command = [str(_pagefind_binary()), "--site", str(pages), "--output-path", str(output),
               "--exclude-selectors", ".headerlink"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"pagefind failed:\n{done.stdout}{done.stderr}")
    summary = [line.strip() for line in done.stdout.splitlines() if line.strip().startswith("Indexed")]
    log.info("search index: %s", "; ".join(summary))


def _pagefind_binary() -> Path:
    """Pagefind's extended build (it segments Chinese), run as it is: `python -m pagefind` would start
    an interpreter first, a seventh of a second of a rebuild's indexing."""
    from pagefind_bin_extended import get_executable

    found = get_executable()
    if found is None:
        raise RuntimeError("pagefind's extended build (pagefind_bin_extended) is not installed")
    return found
