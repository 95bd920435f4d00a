"""Reading the corpus: files in, `Document`s out.

For each file: decode its bytes, let the reader for its format find blocks and
metadata, take the metadata lines from its head, cut the page furniture, undo
what a page layout left in the text, and build sections and sentences. A file
that cannot be read is skipped with a reason; the rest of the corpus is
unaffected.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.model import Document, MetaValue, Skipped
from generator.read import fields, furniture, layout, metadata, structure
from generator.read.encoding import NotText, decode, decoding_warnings
from generator.read.readers import FormatError, reader_for, supported
from generator.timeexpr import TimeContext

log = logging.getLogger("reportsite")


class _PrintableArguments(logging.Filter):
    """Control characters in what a log line quotes (a file name, a title) escaped: no name can forge a line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(printable(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True


log.addFilter(_PrintableArguments())

SIDECAR_SUFFIX = ".meta.yaml"

# Provenance, most trusted first: a field is taken from the first that has it.
# A PDF's cover (its first lines, read by the PDF reader) is trusted as a page's own
# metadata; its own fields (file_meta), like a Word file's, come after the first line:
# they often name a template or a producer.
TRUST = ("sidecar", "front_matter", "html_meta", "cover", "byline", "person_line", "first_line", "file_meta",
         "inferred")


class ReadError(ValueError):
    """A corpus file that cannot become a document; the message says why."""


def corpus_files(corpus: Path) -> tuple[list[tuple[Path, str, int]], list[Skipped]]:
    """Every document file below `corpus` with its path relative to it (forward slashes) and its size
    in bytes, sorted, without sidecars or hidden files; and what was passed over, with why.

    A symbolic link is followed only where it leads to a file or folder inside
    the corpus: a link to /etc/passwd would publish it. Links that lead
    nowhere or in a loop, folders that cannot be listed, and special files
    (FIFOs, sockets, devices: reading one may never end) are passed over, each
    with its reason, so that the build says so and `--strict` fails.
    """
    root = corpus.resolve()
    files: list[tuple[Path, str, int]] = []
    passed_over: list[Skipped] = []
    folders_seen = {root}

    def visit(folder: Path, real: Path, prefix: str) -> None:
        """The files below `folder`, which is `real` with its links resolved and `prefix` in the corpus."""
        try:
            with os.scandir(folder) as listing:
                found = sorted(listing, key=lambda item: item.name)
        except OSError as error:
            passed_over.append(Skipped(prefix or "./", f"folder cannot be read ({error.strerror})"))
            return
        for item in found:
            if item.name.startswith(".") or item.name.endswith(SIDECAR_SUFFIX):
                continue
            path = folder / item.name
            relative = prefix + item.name
            link = item.is_symlink()
            try:
                # Only a link needs resolving: anything else in a folder of the corpus is in it.
                if link:
                    target = path.resolve(strict=True)
                    status = target.stat()
                else:
                    target, status = real / item.name, item.stat(follow_symlinks=False)
            except RuntimeError:  # Python before 3.13 says so for a loop of links
                passed_over.append(Skipped(relative, "link loop"))
                continue
            except OSError as error:
                reason = "link loop" if error.errno == errno.ELOOP else (
                    "link to nothing" if link else f"cannot be read ({error.strerror})")
                passed_over.append(Skipped(relative, reason))
                continue
            if link and target != root and root not in target.parents:
                passed_over.append(Skipped(relative, "a link that leads outside the corpus, not read"))
            elif stat.S_ISDIR(status.st_mode):
                if target in folders_seen:
                    passed_over.append(Skipped(relative, "link loop"))
                    continue
                folders_seen.add(target)
                visit(path, target, relative + "/")
            elif stat.S_ISREG(status.st_mode):
                files.append((path, relative, status.st_size))
            else:
                passed_over.append(Skipped(relative, "not a regular file (a FIFO, socket or device), not read"))

    visit(corpus, root, "")
    # In the order of paths, folder by folder: "a/b" before "a-b".
    return sorted(files, key=lambda file: file[1].split("/")), passed_over


def document_id(relative: str) -> str:
    """A stable ASCII id from a corpus-relative path.

    ASCII names keep their readable stem; a name with other characters gets a
    hash of the path so that two Chinese file names never collide.
    """
    stem = relative.rsplit(".", 1)[0] if "." in relative.rsplit("/", 1)[-1] else relative
    slug = re.sub(r"[^a-z0-9_]+", "-", stem.lower()).strip("-")
    if stem.isascii() and slug and len(slug) <= ID_MAX_CHARS:
        return slug
    # A page's file name is the id: one of a deep or long path keeps its end, within what file systems allow.
    digest = hashlib.sha1(relative.encode("utf-8")).hexdigest()[:8]
    slug = slug[-(ID_MAX_CHARS - len(digest) - 1):].lstrip("-")
    return f"{slug}-{digest}" if slug else f"doc-{digest}"


#: The longest document id: a page's file name under docs/ and site/ (file systems allow 255 bytes).
ID_MAX_CHARS = 80


def sidecar_of(path: Path) -> Path:
    """Where the metadata file of the document at `path` would be: `NAME.meta.yaml` beside it."""
    return path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)


@dataclass(frozen=True)
class Contents:
    """A corpus file's bytes and its sidecar's, read once: what its document and its cache key are made from."""

    data: bytes
    sidecar: bytes | None = None
    sidecar_error: str | None = None  # why the sidecar beside the file could not be read


def read_contents(entry: "Entry") -> Contents:
    """The bytes of an entry's file and of its sidecar; raises OSError when the file cannot be read."""
    data = entry.path.read_bytes()
    sidecar = sidecar_of(entry.path)
    try:
        return Contents(data, sidecar.read_bytes())
    except FileNotFoundError:
        return Contents(data)
    except OSError as error:
        return Contents(data, sidecar_error=f"sidecar {sidecar.name} cannot be read ({error.strerror}), ignored")


def read_sidecar(contents: Contents) -> tuple[dict[str, MetaValue], list[str]]:
    """Metadata from the sidecar, when there is one, and what was wrong with it.

    A sidecar that cannot be read costs its fields, never its document.
    """
    if contents.sidecar_error:
        return {}, [contents.sidecar_error]
    if contents.sidecar is None:
        return {}, []
    try:
        mapping = fields.load_yaml_mapping(decode(contents.sidecar).text)
    except (fields.MetadataError, NotText) as error:
        return {}, [f"sidecar ignored: {error}"]
    return fields.from_mapping(mapping, "sidecar")


def read_document(contents: Contents, relative: str, doc_id: str) -> Document:
    """Read one corpus file (`relative` to the corpus) into a `Document`; its `warnings` say what was odd.

    Raises `ReadError` when the file cannot become a document at all.
    """
    suffix = PurePosixPath(relative).suffix
    reader = reader_for(suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported format {suffix or '(no extension)'}")
    try:
        source = reader.read(contents.data)
    except FormatError as error:
        raise ReadError(str(error)) from error
    sidecar, sidecar_warnings = read_sidecar(contents)
    head = metadata.read_head(layout.close_figure_spacing(layout.split_flattened(source.blocks)),
                              {**source.meta, **sidecar})
    blocks, removed = furniture.clean(head.blocks, [line.text for line in head.consumed])
    # A figure that opened a line, where a heading's number does, stands inside one once the lines are joined.
    sections = structure.build_sections(layout.close_figure_spacing(layout.unwrap(blocks)))
    if not any(section.paragraphs for section in sections):
        raise ReadError("no article text after cleaning")
    # Each field from its most trusted source; the sort is stable.
    candidates, field_warnings = fields.checked([*sidecar.items(), *source.meta.items(), *head.meta.items()])
    meta: dict[str, MetaValue] = {}
    for name, value in sorted(candidates, key=lambda item: TRUST.index(item[1].source)):
        meta.setdefault(name, value)
    if "date" not in meta:
        # An undated document speaks from the report period or year its title and text name.
        title = meta["title"].value if "title" in meta else ""
        text = title + "".join(block.text for block in blocks)
        inferred = TimeContext(text, None).inferred_date
        if inferred:
            meta["date"] = MetaValue(inferred, "inferred")
    document = Document(
        id=doc_id, source_file=relative, format=source.format, encoding=source.encoding, meta=meta,
        sections=sections, removed=head.consumed + source.removed + removed, author_post=head.author_post,
        warnings=[*decoding_warnings(source.replaced), *source.warnings, *sidecar_warnings, *field_warnings],
    )
    return document


@dataclass(frozen=True)
class Entry:
    """A corpus file to read, with the id its document will have."""

    path: Path
    relative: str  # path relative to the corpus folder, with forward slashes
    doc_id: str


#: Files larger than this are passed over unless a build sets its own limit: no
#: document an analyst collects comes near it, and reading one costs memory in proportion.
MAX_FILE_BYTES = 64 * 2**20


def corpus_entries(corpus: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[list[Entry], list[Skipped]]:
    """The readable files of `corpus` with their document ids, and the files passed over, each logged
    with why: of no supported format, larger than `max_bytes`, or not a file of the corpus to read."""
    paths, skipped = corpus_files(corpus)
    for passed_over in skipped:
        log_skipped(passed_over)
    entries = []
    taken: set[str] = set()
    for path, relative, size in paths:
        if not supported(path.suffix.lower()):
            skipped.append(log_skipped(Skipped(relative, f"unsupported format {path.suffix or '(no extension)'}")))
            continue
        if size > max_bytes:
            skipped.append(log_skipped(Skipped(relative, f"larger than the limit of {max_bytes / 2**20:g} MB "
                                                         f"({size / 2**20:.1f} MB); raise it with --max-file-mb")))
            continue
        doc_id = document_id(relative)
        if doc_id in taken:  # "a.txt" beside "a.md"
            doc_id = f"{doc_id}-{hashlib.sha1(relative.encode('utf-8')).hexdigest()[:8]}"
        taken.add(doc_id)
        entries.append(Entry(path, relative, doc_id))
    return entries, skipped


def read_entry(entry: Entry, contents: Contents | None = None) -> Document | Skipped:
    """The document of one entry (from `contents`, when its bytes were read already), or why it was
    skipped; either way it is logged."""
    try:
        document = read_document(contents or read_contents(entry), entry.relative, entry.doc_id)
    except ReadError as error:
        return log_skipped(Skipped(entry.relative, str(error)))
    except OSError as error:
        return log_skipped(Skipped(entry.relative, f"cannot be read ({error.strerror})"))
    log_warnings(document.source_file, document.warnings)
    return document


def log_skipped(skipped: Skipped) -> Skipped:
    """Say which file was skipped and why; returns it."""
    log.warning("skipped %s: %s", skipped.source_file, skipped.reason)
    return skipped


def log_warnings(source_file: str, warnings: list[str]) -> None:
    """One log line for each thing that was odd but readable in a document."""
    for warning in warnings:
        log.warning("%s: %s", source_file, warning)


def printable(name: str) -> str:
    """A file name as a log line shows it: control characters escaped, so no name can forge a line."""
    return fields.LINE_BREAKING.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), name)


def read_corpus(corpus: Path) -> tuple[list[Document], list[Skipped]]:
    """Every readable document of `corpus`, and the files skipped with their reasons."""
    entries, skipped = corpus_entries(corpus)
    documents = []
    for entry in entries:
        result = read_entry(entry)
        (skipped if isinstance(result, Skipped) else documents).append(result)
    return documents, skipped
