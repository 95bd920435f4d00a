"""Turning a file's bytes into text.

Bytes that are valid UTF-8 (and hold no NUL, as UTF-16 does) are UTF-8: text
in another multi-byte encoding almost never is, and most documents are UTF-8.
Anything else is detected by charset-normalizer (GB18030/GBK, UTF-16, Big5, …),
never guessed by hand. What is not text is refused with a reason the build log
can print.
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
    text, encoding = _as_utf8(data) or _detected(data)
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise NotText(f"binary data ({controls} control characters)")
    if not text.strip():
        raise NotText("no text")
    return text, encoding


def _as_utf8(data: bytes) -> tuple[str, str] | None:
    """The text of UTF-8 bytes (a byte-order mark dropped), or None."""
    if b"\0" in data:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.lstrip("\ufeff"), "ascii" if data.isascii() else "utf-8"


def _detected(data: bytes) -> tuple[str, str]:
    """The text of bytes in any other encoding, as charset-normalizer finds it."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise NotText("binary data or an unknown encoding")
    return str(best).lstrip("\ufeff"), codecs.lookup(best.encoding).name  # utf_16 -> utf-16
