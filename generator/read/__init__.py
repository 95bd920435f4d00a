"""Reading the corpus: files in, `Document`s out.

For each file: decode its bytes, let the reader for its format find blocks and
metadata, take the metadata lines from its head, cut the page furniture, undo
what a page layout left in the text, and build sections and sentences. A file
that cannot be read is skipped with a reason; the rest of the corpus is
unaffected.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.model import Document, MetaValue, Skipped
from generator.read import furniture, layout, metadata, structure
from generator.read.encoding import NotText, decode
from generator.read.readers import meta_from_mapping, reader_for, supported
from generator.timeexpr import TimeContext

log = logging.getLogger("reportsite")

SIDECAR_SUFFIX = ".meta.yaml"

# Provenance, most trusted first: a field is taken from the first that has it.
TRUST = ("sidecar", "front_matter", "html_meta", "byline", "person_line", "first_line", "inferred")


class ReadError(ValueError):
    """A corpus file that cannot become a document; the message says why."""


def corpus_files(corpus: Path) -> list[Path]:
    """Every document file below `corpus`, sorted, without sidecars or hidden files."""
    files = []
    for path in sorted(corpus.rglob("*")):
        relative = path.relative_to(corpus)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if path.name.endswith(SIDECAR_SUFFIX):
            continue
        files.append(path)
    return files


def document_id(relative: str) -> str:
    """A stable ASCII id from a corpus-relative path.

    ASCII names keep their readable stem; a name with other characters gets a
    hash of the path so that two Chinese file names never collide.
    """
    stem = relative.rsplit(".", 1)[0] if "." in relative.rsplit("/", 1)[-1] else relative
    slug = re.sub(r"[^a-z0-9_]+", "-", stem.lower()).strip("-")
    if stem.isascii() and slug:
        return slug
    digest = hashlib.sha1(relative.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else f"doc-{digest}"


def sidecar_of(path: Path) -> Path:
    """Where the metadata file of the document at `path` would be: `NAME.meta.yaml` beside it."""
    return path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, MetaValue]:
    """Metadata from `NAME.meta.yaml` beside the document, when there is one."""
    sidecar = sidecar_of(path)
    if not sidecar.is_file():
        return {}
    try:
        mapping = yaml.safe_load(decode(sidecar.read_bytes())[0])
    except (yaml.YAMLError, NotText) as error:
        raise ReadError(f"sidecar {sidecar.name} is unreadable ({str(error).splitlines()[0]})") from error
    if not isinstance(mapping, dict):
        raise ReadError(f"sidecar {sidecar.name} is not a mapping of keys to values")
    return meta_from_mapping(mapping, "sidecar")


#: Full-width digits, Latin letters and ％ (１．２亿户, ＡＰＰ) are typesetting
#: variants of ASCII ones (Unicode's compatibility forms); in ASCII, every rule
#: that reads figures, years and names reads them too.
_HALF_WIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                *range(0xFF41, 0xFF5B), ord("％"))}
#: ．between digits is a decimal point; elsewhere it may end a sentence.
_FULL_WIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")


def half_width(text: str) -> str:
    """`text` with full-width digits, Latin letters, ％ and decimal points as ASCII (the same length)."""
    return _FULL_WIDTH_POINT.sub(".", text.translate(_HALF_WIDTH))


def read_document(path: Path, corpus: Path, doc_id: str) -> Document:
    """Read one corpus file into a `Document`; its `warnings` say what was odd.

    Raises `ReadError` when the file cannot become a document at all.
    """
    relative = path.relative_to(corpus).as_posix()
    try:
        text, encoding = decode(path.read_bytes())
    except NotText as error:
        raise ReadError(str(error)) from error
    text = half_width(text)
    reader = reader_for(path.suffix.lower(), text)
    if reader is None:
        raise ReadError(f"unsupported format {path.suffix or '(no extension)'}")
    source = reader.read(text)
    sidecar = read_sidecar(path)
    head = metadata.read_head(layout.close_figure_spacing(source.blocks), {**source.meta, **sidecar})
    blocks, removed = furniture.clean(head.blocks, [line.text for line in head.consumed])
    # A figure that opened a line, where a heading's number does, stands inside one once the lines are joined.
    sections = structure.build_sections(layout.close_figure_spacing(layout.unwrap(blocks)))
    if not any(section.paragraphs for section in sections):
        raise ReadError("no article text after cleaning")
    # Each field from its most trusted source; the sort is stable.
    candidates = [*sidecar.items(), *source.meta.items(), *head.meta.items()]
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
        id=doc_id, source_file=relative, format=source.format, encoding=encoding, meta=meta,
        sections=sections, removed=head.consumed + source.removed + removed, author_post=head.author_post,
        warnings=source.warnings,
    )
    return document


@dataclass(frozen=True)
class Entry:
    """A corpus file to read, with the id its document will have."""

    path: Path
    relative: str  # path relative to the corpus folder, with forward slashes
    doc_id: str


def corpus_entries(corpus: Path) -> tuple[list[Entry], list[Skipped]]:
    """The readable files of `corpus` with their document ids, and the files of no supported format."""
    entries, skipped = [], []
    taken: set[str] = set()
    for path in corpus_files(corpus):
        relative = path.relative_to(corpus).as_posix()
        if not supported(path.suffix.lower()):
            skipped.append(log_skipped(Skipped(relative, f"unsupported format {path.suffix or '(no extension)'}")))
            continue
        doc_id = document_id(relative)
        if doc_id in taken:  # "a.txt" beside "a.md"
            doc_id = f"{doc_id}-{hashlib.sha1(relative.encode('utf-8')).hexdigest()[:8]}"
        taken.add(doc_id)
        entries.append(Entry(path, relative, doc_id))
    return entries, skipped


def read_entry(entry: Entry, corpus: Path) -> Document | Skipped:
    """The document of one entry, or why it was skipped; either way it is logged."""
    try:
        document = read_document(entry.path, corpus, entry.doc_id)
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


def read_corpus(corpus: Path) -> tuple[list[Document], list[Skipped]]:
    """Every readable document of `corpus`, and the files skipped with their reasons."""
    entries, skipped = corpus_entries(corpus)
    documents = []
    for entry in entries:
        result = read_entry(entry, corpus)
        (skipped if isinstance(result, Skipped) else documents).append(result)
    return documents, skipped
