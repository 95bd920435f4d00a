"""Turning a file's bytes into text.

The encoding is detected by charset-normalizer (UTF-8 with or without BOM,
GB18030/GBK, UTF-16, Big5, …), never guessed by hand. What is not text is
refused with a reason the build log can print.
"""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer


class NotText(ValueError):
    """The bytes are not a text document; the message says why."""


# Share of control characters above which decoded "text" is really binary:
# real documents hold none beyond tabs and line breaks.
_MAX_CONTROL_SHARE = 0.01


def decode(data: bytes) -> tuple[str, str]:
    """Return `(text, encoding)` for a document's bytes.

    Raises `NotText` for an empty file, binary data, or bytes in no known
    encoding. A byte-order mark is dropped.
    """
    if not data.strip():
        raise NotText("empty file")
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise NotText("binary data or an unknown encoding")
    text = str(best).lstrip("\ufeff")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise NotText(f"binary data ({controls} control characters)")
    if not text.strip():
        raise NotText("no text")
    return text, codecs.lookup(best.encoding).name  # utf_8 -> utf-8
