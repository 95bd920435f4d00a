"""How much of a web page's main text the HTML reader keeps, and how much of what it keeps is main text.

    python -m bench.bench_maintext FOLDER

FOLDER holds pairs NAME.source.html (a page as served) and NAME.expected.html
(its main text as a person marked it: the layout of Mozilla Readability's test
pages, whose Chinese portal pages gmw, qq, youth and pixnet are the measure here;
bring them, they are not in the repository). The reader's text is what
the document's page shows after the whole read: its metadata (title, date,
author, publisher: a dateline read as such counts) and its sentences; the expected text is every text node of the expected page. Both are
compared as multisets of characters (Han, kana, letters and digits; not
punctuation or space), so that neither segmentation nor layout counts:

    precision = shared / kept,  recall = shared / expected.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import lxml.html

from generator.read import Contents, read_document

COUNTED = re.compile(r"[\w]", re.UNICODE)


def characters(text: str) -> Counter:
    return Counter(char for char in text if COUNTED.match(char) and char != "_")


def expected_text(html: bytes) -> str:
    root = lxml.html.document_fromstring(html.decode("utf-8"))
    for element in root.iter("script", "style"):
        element.drop_tree()
    return root.text_content()


def kept_text(html: bytes, name: str) -> str:
    document = read_document(Contents(html), f"{name}.html", name)
    shown = [value.value for value in document.meta.values()]  # its page shows them over the text
    return "\n".join([*shown, *(sentence.text for sentence in document.sentences())])


def measure(folder: Path) -> dict:
    pages = {}
    for source in sorted(folder.glob("*.source.html")):
        name = source.name.removesuffix(".source.html")
        kept = characters(kept_text(source.read_bytes(), name))
        expected = characters(expected_text((folder / f"{name}.expected.html").read_bytes()))
        shared = sum((kept & expected).values())
        pages[name] = {"precision": round(shared / max(sum(kept.values()), 1), 3),
                       "recall": round(shared / max(sum(expected.values()), 1), 3),
                       "kept": sum(kept.values()), "expected": sum(expected.values())}
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    pages = measure(parser.parse_args().folder)
    if not pages:
        sys.exit("no NAME.source.html pages in the folder")
    print(json.dumps(pages, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
