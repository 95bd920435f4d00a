"""A long report read and extracted: seconds and peak memory.

    python -m bench.bench_pdf REPORT.pdf [PAGES]

Makes a report of at least PAGES pages (300 by default) by repeating the
pages of REPORT.pdf (../shared/samples holds real ones), then reads it as a
corpus file and runs every extractor on it, once, as a cold build does.
Prints the page count, the time to read and to extract, and the peak memory
of this process.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from generator.extract import extract_document
from generator.read import read_corpus


def long_report(source: Path, pages: int, folder: Path) -> int:
    """Write `folder`/report.pdf, `source`'s pages repeated to at least `pages`; its page count."""
    original = pdfium.PdfDocument(source)
    report = pdfium.PdfDocument.new()
    while len(report) < pages:
        report.import_pages(original)
    report.save(folder / "report.pdf")
    return len(report)


def main() -> None:
    source, pages = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 300
    with tempfile.TemporaryDirectory() as folder:
        count = long_report(source, pages, Path(folder))
        start = time.perf_counter()
        documents, _ = read_corpus(Path(folder))
        read = time.perf_counter()
        facts = [extract_document(document) for document in documents]
        done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sentences = sum(1 for d in documents for _ in d.sentences())
    metrics = sum(len(f["metrics"]) for f in facts)
    print(f"{count} pages, {sentences} sentences, {metrics} metrics: read {read - start:.1f} s, "
          f"extract {done - read:.1f} s, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
