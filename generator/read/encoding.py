"""Turning a file's bytes into text.

Bytes that are valid UTF-8 (and hold no NUL, as UTF-16 does) are UTF-8: text
in another multi-byte encoding almost never is, and most documents are UTF-8.
So is a UTF-8 document with a few damaged bytes (a bad copy, a cut download):
its many valid multi-byte characters say so, and the damaged bytes become
U+FFFD, counted, rather than the document being lost. Anything else is
detected by charset-normalizer (GB18030/GBK, UTF-16, Big5, …), never guessed
by hand. What is not text is refused with a reason the build log can print.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

import charset_normalizer


class NotText(ValueError):
    """The bytes are not a text document; the message says why."""


class Decoded(NamedTuple):
    """A document's text, the encoding it was read in, and how many undecodable byte runs became U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0


# Share of control characters above which decoded "text" is really binary:
# real documents hold none beyond tabs and line breaks.
_MAX_CONTROL_SHARE = 0.01
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

# UTF-8 with damaged bytes: at least this many valid non-ASCII characters for
# each undecodable run (text in another encoding, read as UTF-8, fails on
# nearly every non-ASCII character).
_MIN_VALID_PER_REPAIRED = 10


def decode(data: bytes) -> Decoded:
    """The text of a document's bytes, its encoding, and how many damaged byte runs were replaced.

    Raises `NotText` for an empty file, binary data, or bytes in no known
    encoding. A byte-order mark is dropped.
    """
    if not data.strip():
        raise NotText("empty file")
    decoded = _as_utf8(data) or _detected(data)
    controls = len(_CONTROLS.findall(decoded.text))
    if controls > _MAX_CONTROL_SHARE * len(decoded.text):
        raise NotText(f"binary data ({controls} control characters)")
    if not decoded.text.strip():
        raise NotText("no text")
    return decoded


def decoding_warnings(replaced: int) -> list[str]:
    """What a document's log says of its damaged bytes."""
    return [f"{replaced} undecodable byte sequence(s) replaced by U+FFFD"] if replaced else []


def _as_utf8(data: bytes) -> Decoded | None:
    """The text of UTF-8 bytes, maybe with a few damaged ones (a byte-order mark dropped), or None."""
    if b"\0" in data:
        return None
    try:
        return Decoded(data.decode("utf-8").lstrip("\ufeff"), "ascii" if data.isascii() else "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    valid = len(text) - len(text.encode("ascii", "ignore")) - replaced
    if valid < _MIN_VALID_PER_REPAIRED * replaced:
        return None
    return Decoded(text.lstrip("\ufeff"), "utf-8", replaced)


#: Korean and Japanese double-byte encodings, whose byte ranges GBK shares: on a
#: short text charset-normalizer may choose one of them for Chinese (a few lines
#: of GBK read as Korean). The corpus is Chinese, so GB18030 wins when it reads
#: the bytes whole.
_READ_AS_CHINESE = frozenset({"cp949", "euc_kr", "johab", "iso2022_kr", "shift_jis", "cp932", "euc_jp",
                              "shift_jis_2004", "shift_jisx0213", "euc_jis_2004", "euc_jisx0213", "iso2022_jp"})


def _detected(data: bytes) -> Decoded:
    """The text of bytes in any other encoding, as charset-normalizer finds it (GB18030 before Korean
    and Japanese)."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise NotText("binary data or an unknown encoding")
    if best.encoding in _READ_AS_CHINESE:
        try:
            return Decoded(data.decode("gb18030").lstrip("\ufeff"), "gb18030")
        except UnicodeDecodeError:
            pass
    return Decoded(str(best).lstrip("\ufeff"), codecs.lookup(best.encoding).name)  # utf_16 -> utf-16
