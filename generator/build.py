"""The build: gather everything, then write, then hand the pages to MkDocs.

`generate` runs read → extract → link → render → write and leaves plain
Markdown in docs/, so any builder of `mkdocs.yml` can make the site from it;
`build_site` then runs MkDocs and indexes the result for search with Pagefind.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from generator import export, pinyin, templates
from generator.cache import (ExtractionCache, build_fingerprint, entry_key, fingerprint, keep, read_kept,
                             usable_folder)
from generator.extract import EXTRACTORS, extract_document
from generator.files import files_under
from generator.link import Corpus, link
from generator.model import Skipped
from generator.plugin import COMPILED
from generator.processes import (forking_is_safe, in_own_process, process_pool, shared_between_forks,
                                 start_in_fork)
from generator.read import (MAX_FILE_BYTES, Entry, corpus_entries, log_skipped, log_warnings, read_contents,
                            read_entry, sidecar_of)
from generator.render import GENERATED, render_pages, templates_fingerprint
from generator.render.pages import site_pages
from generator.publish import remove, replace_site, replaced_site, updating
from generator.search import INDEX, BaseIndex, Pagefind, carry_over, index_search
from generator.write import Stamp, WriteResult, as_written, remove_stale, write_tree

log = logging.getLogger("reportsite")


@dataclass(frozen=True)
class Project:
    """Where a site's parts live: a folder holding mkdocs.yml, docs/ and templates/."""

    root: Path
    corpus: Path
    site: Path
    max_file_bytes: int = MAX_FILE_BYTES  # larger corpus files are passed over, with a warning

    @classmethod
    def at(cls, root: Path, corpus: Path | None = None, site: Path | None = None,
           max_file_bytes: int = MAX_FILE_BYTES) -> "Project":
        root = root.resolve()
        return cls(root, (corpus or root / "corpus").resolve(), (site or root / "site").resolve(), max_file_bytes)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def templates(self) -> Path:
        """The folder's own templates (`pages/`, `theme/`), each file replacing the default of its name."""
        return self.root / "templates"

    @property
    def page_templates(self) -> list[Path]:
        """Where page templates are looked for, the folder's own first."""
        own = self.templates / "pages"
        return [own, templates.PAGES] if own.is_dir() else [templates.PAGES]

    @property
    def theme_folders(self) -> list[Path]:
        """The theme's overrides, the folder's own first (`generator.plugin` hands them to MkDocs)."""
        own = self.templates / "theme"
        return [own, templates.THEME] if own.is_dir() else [templates.THEME]

    @property
    def config_file(self) -> Path:
        """The folder's mkdocs.yml, or the default one when it has none."""
        own = self.root / "mkdocs.yml"
        return own if own.is_file() else templates.CONFIG

    @property
    def site_url(self) -> str:
        """The address the site is published at (mkdocs.yml's `site_url`), "" when not set."""
        from mkdocs.utils.yaml import yaml_load

        with self.config_file.open("rb") as config:
            return (yaml_load(config) or {}).get("site_url") or ""

    @property
    def cache_folder(self) -> Path:
        """Where builds keep what the next build can reuse."""
        return self.root / ".cache" / "reportsite"

    @property
    def cache(self) -> ExtractionCache:
        return ExtractionCache(self.cache_folder / "extraction")

    @property
    def build_record(self) -> Path:
        """What the last build was made from, and how it left each file in docs/."""
        return self.cache_folder / "build.pickle"

    @property
    def pinyin_record(self) -> Path:
        """The names the last build read in pinyin, with their syllables (`generator.pinyin`)."""
        return self.cache_folder / "pinyin.pickle"

    @property
    def site_record(self) -> Path:
        """The look (`site_look`) the site folder was built with: a build with the same look builds only
        what changed."""
        return self.cache_folder / "site.pickle"

    @property
    def search_record(self) -> Path:
        """What the site's whole search index was made from (`generator.search.BaseIndex`): a build
        indexes only the pages changed since."""
        return self.cache_folder / "search.pickle"


@dataclass(frozen=True)
class Survey:
    """The corpus as files: each to read with its key (`entry_key`) and how its file was found
    (`_found_as`), and those passed over without reading (of no supported format, too large, links
    out of the corpus, special files)."""

    entries: list[Entry]
    keys: list[str]
    passed_over: list[Skipped]
    found_as: list[tuple] = field(default_factory=list)
    started: int = 0  # when the survey began, in ns since the epoch

    @property
    def fingerprint(self) -> str:
        """A hash of everything reading and extracting the corpus depends on."""
        return fingerprint("corpus", [(e.relative, e.doc_id, key) for e, key in zip(self.entries, self.keys)],
                           [(s.source_file, s.reason) for s in self.passed_over])

    @property
    def known(self) -> dict[str, tuple[str, tuple, str]]:
        """The keys a later survey may take without reading the files (`survey`): each file's with its
        document id and how it was found, for the files that had settled when this survey began.

        A file written in the same tick of the clock as it was read here could
        be changed again and keep its times: its key is not given out.
        """
        settled = self.started - SETTLED_NS
        return {entry.relative: (entry.doc_id, found, key)
                for entry, found, key in zip(self.entries, self.found_as, self.keys)
                if key and found[0] and max(moment for stat in found if stat for moment in stat[1:3]) < settled}


#: How long before a survey a file must have last changed for its key to be taken again without reading
#: it: longer than any file system's tick (FAT's is two seconds).
SETTLED_NS = 3 * 10**9


def survey(corpus_dir: Path, max_file_bytes: int = MAX_FILE_BYTES,
           known: dict[str, tuple[str, tuple, str]] | None = None) -> Survey:
    """The files of `corpus_dir`, each hashed with what its reading depends on.

    A file an earlier survey (by the same code) gave a key, `known` from it
    (`Survey.known`), found as it was then, with the same document id, takes
    that key again unread: reading and hashing every file was most of a
    survey (0.3 s at 10,000 articles), as it is of `git status`, which takes the
    same shortcut.
    """
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus_dir}")
    started = time.time_ns()
    entries, passed_over = corpus_entries(corpus_dir, max_file_bytes)
    known = known or {}
    keys, found_as = [], []
    for entry in entries:
        found = _found_as(entry)
        last = known.get(entry.relative)
        reusable = isinstance(last, tuple) and len(last) == 3 and last[:2] == (entry.doc_id, found)
        keys.append(last[2] if reusable else _key(entry))
        found_as.append(found)
    return Survey(entries, keys, passed_over, found_as, started)


def _found_as(entry: Entry) -> tuple:
    """How the entry's file and its sidecar are found: for each, its size, modification and change times
    (ns) and inode, or None when it is not there; what tells that it changed."""
    def stat(path: Path) -> tuple[int, int, int, int] | None:
        try:
            found = os.stat(path)
        except OSError:
            return None
        return found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino

    return stat(entry.path), stat(sidecar_of(entry.path))


def gather(corpus_dir: Path, cache: ExtractionCache | None = None, surveyed: Survey | None = None) -> Corpus:
    """Read, extract and link the whole corpus; with the extraction cache, only changed files are read again."""
    surveyed = surveyed or survey(corpus_dir)
    entries, keys, skipped = surveyed.entries, surveyed.keys, list(surveyed.passed_over)
    cached = [bool(cache and key and cache.has(key)) for key in keys]
    to_read = [(entry, key) for entry, key, hit in zip(entries, keys, cached) if not hit]
    pool = _reading_pool(len(to_read), overlapping=len(to_read) < len(entries))
    with pool or nullcontext():
        arguments = ([entry for entry, _ in to_read], repeat(cache))
        fresh = (pool.map(_read_and_extract, *arguments, chunksize=max(1, DOCUMENTS_PER_WORKER // 4)) if pool
                 else map(_read_and_extract, *arguments))
        # The cached documents load while the workers read the others.
        results = [cache.load(key) if hit else None for key, hit in zip(keys, cached)]
        for position, hit in enumerate(cached):
            if not hit:
                results[position] = pickle.loads(next(fresh))
            elif results[position] is None:  # a cache entry that no longer loads
                results[position] = pickle.loads(_read_and_extract(entries[position], cache))
            else:
                log_warnings(results[position][0].source_file, results[position][0].warnings)
    documents = []
    facts: dict[str, dict[str, list]] = {extractor.kind: {} for extractor in EXTRACTORS}
    for document, extracted in results:
        if isinstance(document, Skipped):
            skipped.append(document)
            continue
        documents.append(document)
        for kind, found in extracted.items():
            facts[kind][document.id] = found
    if cache:
        cache.prune(set(keys))
        log.info("extraction cache: %d documents reused, %d read", cache.hits, len(documents) - cache.hits)
    return link(documents, skipped, facts)


def _key(entry: Entry) -> str:
    try:
        return entry_key(entry, read_contents(entry))
    except OSError:
        return ""  # unreadable: reading it says why


#: Fewer documents than this per worker process are read in this one: a
#: worker's start would cost more.
DOCUMENTS_PER_WORKER = 40


def _reading_pool(count: int, overlapping: bool) -> ProcessPoolExecutor | None:
    """Worker processes to read `count` documents, or None to read them in this one.

    Workers pay for their start when there are many documents, or when this
    process has cached documents to load meanwhile: then even one forked
    worker overlaps other work (a spawned one, where this process may not
    fork, starts a new interpreter: it takes two to pay). A few documents
    are read here: a worker would cost more to start.
    """
    workers = min(os.cpu_count() or 1, count // DOCUMENTS_PER_WORKER)
    if workers < (1 if overlapping and forking_is_safe() else 2):
        return None
    return process_pool(workers)


def _read_and_extract(entry: Entry, cache: ExtractionCache | None) -> bytes:
    """One entry's document and facts, or why it was skipped; pickled, as the cache keeps it.

    The file is read once: its document and its key (its fingerprint, and
    where the cache keeps it) come from the same bytes, even when the file
    changes while the build runs. A worker process hands its result back
    pickled anyway: pickled once, it is both kept in the cache and returned.
    """
    try:
        contents = read_contents(entry)
    except OSError:
        contents = None  # unreadable: reading the entry says why
    document = read_entry(entry, contents)
    if isinstance(document, Skipped):
        return pickle.dumps((document, None), protocol=pickle.HIGHEST_PROTOCOL)
    key = document.fingerprint = entry_key(entry, contents)
    found = pickle.dumps((document, extract_document(document)), protocol=pickle.HIGHEST_PROTOCOL)
    if cache and key:
        cache.store(key, found)
    _log_document(document)
    return found


def _log_document(document) -> None:
    cut = Counter(removed.rule for removed in document.removed)
    what = ", ".join(f"{rule} {count}" for rule, count in sorted(cut.items())) or "nothing"
    log.info("read %s: %d sections, %d sentences; removed %s",
             document.source_file, len(document.titled_sections), sum(1 for _ in document.sentences()), what)


@contextmanager
def _collecting_rarely() -> Iterator[None]:
    """Python's cycle collector, run rarely for the while.

    A build makes hundreds of thousands of objects that live until it ends;
    at the default threshold the collector runs every 700 of them, and its
    passes over the ever more old objects took a fifth of a warm build.
    Forked reading workers inherit the setting.
    """
    before = gc.get_threshold()
    gc.set_threshold(COLLECT_EVERY, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


#: Objects made (less those freed) between two runs of the cycle collector during a build.
COLLECT_EVERY = 100_000


@dataclass(frozen=True)
class Generated:
    """What a generation left in docs/: from how many documents, and the files it skipped, with why."""

    documents: int
    skipped: list[Skipped]


def generate(project: Project) -> Generated:
    """Write the generated Markdown pages and data files into docs/.

    When nothing it depends on changed since the last build (the corpus
    files, the code and rules, the templates) and docs/ is as that build left
    it, there is nothing to do: what that build warned about is said again.
    """
    with _collecting_rarely():
        cached = usable_folder(project.cache_folder)
        last = _last_build(project) if cached else None
        code, known = last["surveyed"] if last else ("", {})
        surveyed = survey(project.corpus, project.max_file_bytes, known if code == build_fingerprint() else None)
        inputs = fingerprint("generated", surveyed.fingerprint, templates_fingerprint(project.page_templates),
                             project.site_url)
        if last and last["inputs"] == inputs and as_written(project.docs, last["files"], GENERATED):
            for skipped in last["skipped"]:
                if skipped not in surveyed.passed_over:  # those the survey said again already
                    log_skipped(skipped)
            for source_file, warnings in last["warnings"]:
                log_warnings(source_file, warnings)
            log.info("nothing changed since the last build: %d files in %s as it left them",
                     len(last["files"]), project.docs)
            return Generated(last["documents"], last["skipped"])
        if cached:
            pinyin.remember(_last_readings(project))
        corpus, files = _generate(project, surveyed, last["files"] if last else {}, cached)
        read_as_surveyed = {e.relative: key for e, key in zip(surveyed.entries, surveyed.keys)}
        changed = [d.source_file for d in corpus.documents if d.fingerprint != read_as_surveyed[d.source_file]]
        for source_file in changed:
            log.warning("%s changed while the build read it: the site has the text as read; the next build "
                        "reads it again", source_file)
        if cached:
            warnings = [(d.source_file, d.warnings) for d in corpus.documents if d.warnings]
            # Built from files that changed meanwhile, the site is no build's of the corpus as surveyed.
            keep(project.build_record, {"inputs": "" if changed else inputs, "files": files,
                                        "documents": len(corpus.documents), "skipped": corpus.skipped,
                                        "warnings": warnings,
                                        "surveyed": (build_fingerprint(), {} if changed else surveyed.known)})
            keep(project.pinyin_record, (build_fingerprint(), pinyin.asked()))
        return Generated(len(corpus.documents), corpus.skipped)


def _last_build(project: Project) -> dict | None:
    """What the last build recorded (`generate`), or None when the record is missing or not of its shape."""
    last = read_kept(project.build_record)
    shapes = {"inputs": str, "files": dict, "documents": int, "skipped": list, "warnings": list, "surveyed": tuple}
    if not (isinstance(last, dict) and all(isinstance(last.get(name), kind) for name, kind in shapes.items())):
        return None
    well_formed = (all(isinstance(path, str) and isinstance(stamp, Stamp) for path, stamp in last["files"].items())
                   and all(isinstance(skipped, Skipped) for skipped in last["skipped"])
                   and all(isinstance(source, str) and isinstance(said, list) for source, said in last["warnings"])
                   and [type(part) for part in last["surveyed"]] == [str, dict])
    return last if well_formed else None


def _last_readings(project: Project) -> dict[str, tuple[str, ...]]:
    """The names the last build read in pinyin (`generator.pinyin`), when it ran the same code."""
    kept = read_kept(project.pinyin_record)
    if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == build_fingerprint()
            and isinstance(kept[1], dict)):
        return {}
    return {name: reading for name, reading in kept[1].items() if isinstance(name, str) and isinstance(reading, tuple)
            and all(isinstance(syllable, str) for syllable in reading)}


def _generate(project: Project, surveyed: Survey, written: dict[str, Stamp],
              cached: bool) -> tuple[Corpus, dict[str, Stamp]]:
    """Gather, render and write (with the caches, when `cached`); the corpus, and how each file in docs/
    was left (`written`: by the last build)."""
    start = time.perf_counter()
    corpus = gather(project.corpus, project.cache if cached else None, surveyed)
    gathered = time.perf_counter()
    result = _write_docs(project, corpus, written)
    log.info("generated %d files in %s: %d rendered, %d written, %d unchanged, %d removed "
             "(%.1f s: read, extract and link %.1f s, render and write %.1f s)",
             len(result.written) + result.unchanged, project.docs, result.rendered, len(result.written),
             result.unchanged, len(result.removed), time.perf_counter() - start, gathered - start,
             time.perf_counter() - gathered)
    return corpus, result.record


#: Fewer pages than this per process are all rendered in this one: forking
#: would cost more than it shares.
PAGES_PER_PROCESS = 200


def _write_docs(project: Project, corpus: Corpus, record: dict[str, Stamp]) -> WriteResult:
    """Render what changed and write it into docs/.

    With many pages, and where this process may fork, a forked process
    renders beside it: it sees the linked corpus as it is, without copying
    it. Each takes the next page no one has taken, so neither waits for the other.
    """
    pages = site_pages(corpus)
    forked = None
    if len(pages) >= 2 * PAGES_PER_PROCESS and forking_is_safe():
        pages = shared_between_forks(pages)
        # Objects frozen out of the collector's sight are not touched by
        # collections in the child, so their memory stays shared.
        gc.freeze()
        forked = start_in_fork(_write_pages, project, pages, record)
    try:
        data = export.data_files(corpus, project.site_url)
        # The PDFs themselves, which the sentences link to by page.
        data.update({d.published_file: (project.corpus / d.source_file).read_bytes()
                     for d in corpus.documents if d.published_file})
        result = write_tree(project.docs, data.items())
        result.add(_write_pages(project, pages, record))
    finally:
        if forked:
            gc.unfreeze()
        # Waited for whatever happened here, so that no process is left behind.
        theirs = forked() if forked else WriteResult()
    result.add(theirs)
    result.removed = remove_stale(project.docs, data.keys() | result.record.keys(), GENERATED)
    return result


def _write_pages(project: Project, pages: Iterable, record: dict[str, Stamp]) -> WriteResult:
    renderings = render_pages(project.page_templates, pages)
    return write_tree(project.docs, renderings, record=record)


def site_look(project: Project) -> str:
    """A hash of what the built pages are made with besides their Markdown: mkdocs.yml (and the address
    it is given), the theme's templates, the generator (its Markdown extension renders every page) and
    the builder's version. When it changes, every page is built again."""
    from mkdocs import __version__ as mkdocs_version

    theme = [(folder, path) for folder in project.theme_folders
             for path in sorted(p for p in folder.rglob("*") if p.is_file())]
    return fingerprint("look", mkdocs_version, build_fingerprint(), project.site_url,
                       project.config_file.read_bytes(),
                       *((path.relative_to(folder).as_posix(), path.read_bytes()) for folder, path in theme))


def mkdocs_config(project: Project, site: Path | None = None, strict: bool = False):
    """mkdocs.yml loaded to build docs/ into `site` (by default, the project's site folder), with the
    theme, plugins and Markdown extensions it names imported."""
    from mkdocs.config import load_config

    project.docs.mkdir(parents=True, exist_ok=True)
    return load_config(str(project.config_file), docs_dir=str(project.docs), site_dir=str(site or project.site),
                       strict=strict)


def _prepare_mkdocs(project: Project) -> None:
    """Load mkdocs.yml (importing the theme, plugins and Markdown extensions it names) and compile the
    theme's templates: run in the build's own process while the pages are generated in another, so
    that the process that runs MkDocs, forked from it after, finds them done.

    The plugins' configuration comes first: it gives the theme the folders
    of its overrides, whose templates a build draws its pages with."""
    config = mkdocs_config(project)
    config = config.plugins.on_config(config)
    COMPILED.warm(config.theme.get_env(), ("main.html", *sorted(config.theme.static_templates)))


def run_mkdocs(project: Project, site: Path | None = None, strict: bool = False,
               last: Path | None = None) -> set[str] | None:
    """Build the site from docs/ into `site` (by default, the project's site folder).

    Given the `last` site, built with the same look (`site_look`), only what
    changed is built: each file the last site holds built from a source not
    newer (MkDocs' own test of a modified file) keeps that built file, and
    MkDocs, building dirty, writes into `site` only the rest: the pages the
    generator rewrote, the sitemap, the 404 page. Returns then the files the
    site has, relative to it, wherever they were built; None when `site`
    holds the whole site.

    MkDocs builds one page after another. Where this process may fork,
    `MKDOCS_SHARES` builds share the changed pages, each in a process of its
    own: each page is built by the first to come to it (`keep_unchanged`),
    and the others' pages are moved into `site` once all are done. A changed
    document's page and the indexes it appears in took a one-document
    rebuild's MkDocs a quarter of a second on one core of two.
    """
    config = mkdocs_config(project, site, strict)
    plugin = config.plugins.get("reportsite")
    if plugin is None:
        log.warning("%s does not list the reportsite plugin (plugins: [search, reportsite]): the pages are built "
                    "without the site's theme, so search, charts and tables do not work", project.config_file)
    # The plugin points MkDocs at the unchanged files once it has listed them (`keep_unchanged`).
    # Without it the build is dirty all the same: `site` holds nothing MkDocs built, so it builds
    # every page, and it leaves what `build_site` puts in meanwhile.
    dirty = last is not None
    if not (dirty and plugin):
        _build(config, dirty)
        return None
    site = Path(config.site_dir)
    plugin.unchanged_from = last
    folders = [site.with_name(f"{site.name}.{number}") for number in range(1, MKDOCS_SHARES if forking_is_safe() else 1)]
    if folders:
        plugin.claims = site.with_name(f"{site.name}.claims")
    made = [*folders, plugin.claims] if folders else []
    for folder in made:
        remove(folder)  # what a build that was killed left
    try:
        if plugin.claims:
            plugin.claims.mkdir()
        others = [start_in_fork(_build, config, dirty, folder) for folder in folders]
        try:
            _build(config, dirty)
        finally:
            for built in others:
                built()  # waited for whatever happened here, so that no process is left writing
        for folder in folders:
            _move_new(folder, site)
    finally:
        for folder in made:
            remove(folder)
    if plugin.destinations is None:  # no partial site is taken for a whole one
        raise RuntimeError(f"{project.config_file}: MkDocs built without telling the reportsite plugin its files")
    return plugin.destinations


#: How many MkDocs builds share the changed pages of a dirty build. Each pays
#: MkDocs' own work of a build (listing the files and the theme, the
#: navigation), a tenth of a second at a thousand documents: more than two
#: gain little at a few changed documents.
MKDOCS_SHARES = min(2, os.cpu_count() or 1)


def _build(config, dirty: bool, site: Path | None = None) -> None:
    """Run MkDocs with `config`, into `site` when given: then it is a share of a dirty build, which says
    only its warnings and leaves the theme's static pages (the 404 page, the sitemap) to the first
    share, which says what the build did and builds them first."""
    from mkdocs.commands.build import build

    if site is not None:
        config["site_dir"] = str(site)
        config.theme.static_templates = set()
        for name in ("mkdocs", "reportsite"):
            logger = logging.getLogger(name)
            logger.setLevel(max(logging.WARNING, logger.getEffectiveLevel()))
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        with _without_dirty_build_notes() if dirty else nullcontext():
            build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def _move_new(built: Path, site: Path) -> None:
    """Move each file of the folder `built` that `site` lacks into it: a share's pages (what every
    share builds alike, its assets, `site` has)."""
    for path in sorted(files_under(built)):
        target = site / path
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(built / path, target)


def keep_unchanged(files, last: Path, claims: Path | None = None) -> None:
    """Give each of MkDocs' `files` that the `last` site holds built from a source not newer that
    built file as its destination: a dirty build finds it up to date, and leaves it.

    With `claims`, a folder the builds sharing the changes have in common,
    a changed file is built by the first of them to come to it: it leaves a
    mark there, and the others take the file for unchanged.
    """
    kept = 0
    for file in files:
        built = os.path.join(last, file.dest_uri)
        try:
            modified = os.path.getmtime(file.abs_src_path) > os.path.getmtime(built)
        except FileNotFoundError:
            modified = True  # new
        if not modified:
            file.dest_dir = str(last)
            # Answered once: MkDocs asks again at each step of a build, three file system calls a time.
            file.is_modified = _unmodified
            kept += 1
        elif claims is not None:
            # MkDocs asks each file whether it is modified before it builds it, and builds it only then.
            file.is_modified = _Claim(claims / hashlib.sha1(file.src_uri.encode("utf-8")).hexdigest())
    log.info("%d built files unchanged since the last build, kept", kept)


def _unmodified() -> bool:
    return False


class _Claim:
    """Whether this build makes a changed file: whether it was first to leave the mark at `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker
        self.mine: bool | None = None

    def __call__(self) -> bool:
        if self.mine is None:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
                self.mine = True
            except FileExistsError:
                self.mine = False
        return self.mine


class DirtyBuildNotes(logging.Filter):
    """Leaves out what MkDocs says of a dirty build: that it may leave navigation wrong (a warning, which
    `--strict` counts as a failure), and that the site folder holds stale files.

    Neither holds for the builds here: the navigation is mkdocs.yml's own
    (generated pages are not in it), any change to mkdocs.yml or the theme
    builds everything (`site_look`), and the folder holds only what is
    unchanged (`run_mkdocs`) or what the generator's sweep leaves (`make serve`).
    """

    NOTES = ("'dirty' build", "contains stale files")

    def filter(self, record: logging.LogRecord) -> bool:
        return not any(note in record.getMessage() for note in self.NOTES)


@contextmanager
def _without_dirty_build_notes() -> Iterator[None]:
    logger = logging.getLogger("mkdocs.commands.build")
    notes = DirtyBuildNotes()
    logger.addFilter(notes)
    try:
        yield
    finally:
        logger.removeFilter(notes)


class StrictFailure(RuntimeError):
    """A `--strict` build that met a file it skipped: it fails, and the last site stays."""


def build_site(project: Project, strict: bool = False, pagefind: Pagefind | None = None) -> list[Skipped]:
    """The whole site: generate pages, build with MkDocs, index for search; returns the files skipped.
    `pagefind`: a service started ahead, which loads its dictionary meanwhile (`reportsite build`
    starts it before it imports the build); without it, one is started now.

    A build that fails (an error, a full disk, `--strict`) leaves the last
    good site as it was. The site is built beside the last one: when the last
    was built with the same look (`site_look`), only what changed is built,
    then moved into it and indexed, undone if anything fails (`_update_site`);
    else the whole new site takes the last one's place.
    """
    # Each stage runs in a process of its own, so that the memory it takes
    # (the linked corpus; MkDocs' pages) goes back to the system before the
    # next starts: Pagefind needs the most for a large site. Pagefind starts
    # first (none installed: the build fails now, not after generating).
    with nullcontext(pagefind) if pagefind else Pagefind() as pagefind:
        skipped = in_own_process(_generate_site_pages, project, meanwhile=lambda: _while_generating(project))
        if strict and skipped:
            raise StrictFailure(f"{len(skipped)} file(s) skipped; failing because of --strict, the site left as it was")
        building = project.site.with_name(f".{project.site.name}.building")
        remove(building)  # what a build that was killed left
        look = site_look(project)
        last = project.site if project.site.is_dir() and read_kept(project.site_record) == look else None
        try:
            # MkDocs writes no file in pagefind/: the last whole index is linked in meanwhile.
            site_files = in_own_process(run_mkdocs, project, building, strict, last,
                                        meanwhile=lambda: carry_over(last, building) if last else None)
            if site_files is None:
                base = index_search(building, None, pagefind)
                replace_site(project.site, building)
            else:
                base = read_kept(project.search_record)
                base = _update_site(project, building, site_files, base if isinstance(base, BaseIndex) else None,
                                    pagefind)
            if usable_folder(project.cache_folder):
                keep(project.site_record, look)
                keep(project.search_record, base)
        finally:
            remove(building)
    return skipped


def _update_site(project: Project, built: Path, site_files: set[str], base: BaseIndex | None,
                 pagefind: Pagefind) -> BaseIndex:
    """Move what MkDocs built of the changes (`built`) into the site, take out the files the site no
    longer has (`site_files` lacks them), and index the changed pages; returns the search index's base.

    A build killed while it moves leaves a site of two builds: it is no
    longer recorded as built with its look, so the next build makes it whole.
    """
    project.site_record.unlink(missing_ok=True)
    new = files_under(built, leaving_out=INDEX)
    last = files_under(project.site, leaving_out=INDEX)
    stale = last - site_files - new
    with updating(project.site) as update:
        for path in sorted(new):
            update.put(built / path, path)
        for path in sorted(stale):
            update.remove(path)
        base = index_search(project.site, base, pagefind, index=built / INDEX, files=(last - stale) | new)
        update.put(built / INDEX, INDEX)
    return base


def _while_generating(project: Project) -> None:
    """What the build's own process does while the pages are generated in another: it removes the site
    the last build replaced (`replace_site`) and prepares MkDocs (`_prepare_mkdocs`)."""
    remove(replaced_site(project.site))
    _prepare_mkdocs(project)


def _generate_site_pages(project: Project) -> list[Skipped]:
    return generate(project).skipped
