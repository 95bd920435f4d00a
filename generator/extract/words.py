"""Word segmentation with jieba, loading only the part of its dictionary a text needs.

jieba's prefix dictionary (half a million words and their prefixes) is kept,
marshalled, in its cache file; loading it whole takes 0.3 s, paid by every
process that segments. A build after one document changed segments a few
hundred characters of it, and spent most of its time on that load.

A cut looks up only fragments of its text, and each starts at one of the
text's characters; the dictionary's other entries are never read. So this
module keeps jieba's dictionary a second time, split by first character (the
buckets file, beside jieba's cache, made from it once), and before each cut
loads into its tokenizer the buckets of the characters it has not seen yet.
The words are jieba's own: the entries a cut can look up are all there.
Loading every bucket so takes a third longer than loading the dictionary
whole (0.4 s, 0.3 s), which only a process that cuts most of a large corpus
comes near.

The tokenizer is this module's own, not `jieba.dt`: a dictionary loaded in part
must never serve a cut that did not load its text's buckets.
"""

from __future__ import annotations

import logging
import marshal
import mmap
import os
import struct
import tempfile

import jieba

from generator.files import file_stamp, write_atomically

jieba.setLogLevel(logging.WARNING)

#: The buckets file's name, in jieba's own cache folder.
BUCKETS_NAME = "reportsite-jieba.buckets"

# The buckets file: the length of its header, the header (marshalled: jieba's
# cache file's size and modification time, the dictionary's total, and each
# first character's bucket as (offset, length) after the header), then the
# buckets, each a marshalled dict.
_LENGTH = struct.Struct("<Q")


def lcut(text: str) -> list[str]:
    """`text` cut into words, as `jieba.lcut` cuts it."""
    _DICTIONARY.cover(text)
    return _DICTIONARY.tokenizer.lcut(text)


class _Buckets:
    """jieba's prefix dictionary split by first character, read from the buckets file as asked for."""

    def __init__(self, data: mmap.mmap, start: int, total: int, index: dict[str, tuple[int, int]]):
        self._data, self._start, self.total, self._index = data, start, total, index

    @classmethod
    def open(cls, path: str, stamp: tuple[int, int]) -> "_Buckets | None":
        """The buckets at `path` if they were made from jieba's cache as `stamp` finds it, else None."""
        try:
            with open(path, "rb") as file:
                data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            (length,) = _LENGTH.unpack_from(data)
            made_from, total, index = marshal.loads(data[_LENGTH.size:_LENGTH.size + length])
        except (OSError, ValueError, EOFError, TypeError, struct.error):
            return None
        # A file of another shape is no buckets file of this module's: the dictionary then loads whole.
        if not (isinstance(made_from, tuple) and isinstance(total, int) and isinstance(index, dict)) \
                or made_from != stamp:
            data.close()
            return None
        return cls(data, _LENGTH.size + length, total, index)

    def bucket(self, character: str) -> dict[str, int]:
        """The entries whose first character is `character`."""
        found = self._index.get(character)
        if found is None:
            return {}
        offset, length = found
        return marshal.loads(self._data[self._start + offset:self._start + offset + length])

    @staticmethod
    def write(path: str, stamp: tuple[int, int], frequencies: dict[str, int], total: int) -> None:
        """Split `frequencies` by first character into a buckets file at `path`, whole or not at all."""
        split: dict[str, dict[str, int]] = {}
        for word, frequency in frequencies.items():
            split.setdefault(word[0], {})[word] = frequency
        index, parts, offset = {}, [], 0
        for character, bucket in split.items():
            part = marshal.dumps(bucket)
            index[character] = (offset, len(part))
            parts.append(part)
            offset += len(part)
        header = marshal.dumps((stamp, total, index))
        write_atomically(path, b"".join([_LENGTH.pack(len(header)), header, *parts]))


class _Dictionary:
    """A tokenizer of jieba's default dictionary, and which of its buckets are loaded."""

    def __init__(self) -> None:
        self.tokenizer = jieba.Tokenizer()
        # Where `Tokenizer.initialize` keeps the default dictionary's cache; the buckets go beside it.
        self._cache_file = os.path.join(tempfile.gettempdir(), "jieba.cache")
        self._buckets_file = os.path.join(tempfile.gettempdir(), BUCKETS_NAME)
        self._buckets: _Buckets | None = None  # while the dictionary is loaded in part
        self._seen: set[str] = set()  # characters whose buckets are loaded

    def cover(self, text: str) -> None:
        """Load every entry a cut of `text` can look up."""
        tokenizer = self.tokenizer
        if tokenizer.initialized and self._buckets is None:
            return  # loaded whole
        with tokenizer.lock:
            if not tokenizer.initialized:
                self._begin()
            if self._buckets is None:
                return
            for character in set(text) - self._seen:
                tokenizer.FREQ.update(self._buckets.bucket(character))
                self._seen.add(character)

    def _begin(self) -> None:
        """Start loading by buckets if the buckets file is there and current, else load whole."""
        tokenizer = self.tokenizer
        stamp = file_stamp(self._cache_file)
        buckets = _Buckets.open(self._buckets_file, stamp) if stamp else None
        if buckets:
            self._buckets = buckets
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = {}, buckets.total, True
        else:
            self._load_whole()
            self._write_buckets()

    def _load_whole(self) -> None:
        """The whole dictionary from jieba's cache, read at once, or as jieba loads it.

        jieba reads its cache with `marshal.load` on the open file, which
        reads a few bytes at a time: 0.65 s here, where reading the file
        whole and unmarshalling the bytes takes half that (fxsjy/jieba#366).
        """
        tokenizer = self.tokenizer
        try:
            with open(self._cache_file, "rb") as cached:
                frequencies, total = marshal.loads(cached.read())
        except (OSError, EOFError, ValueError, TypeError):
            tokenizer.initialized = False
            tokenizer.initialize()  # no cache yet, or a damaged one: jieba builds it again
        else:
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = frequencies, total, True

    def _write_buckets(self) -> None:
        """Make the buckets file from the dictionary loaded whole, for the processes after this one."""
        stamp = file_stamp(self._cache_file)
        if stamp is None:
            return  # jieba could not keep its cache: nothing to stamp the buckets with
        try:
            _Buckets.write(self._buckets_file, stamp, self.tokenizer.FREQ, self.tokenizer.total)
        except OSError:
            pass  # a read-only folder: every process loads the dictionary whole


_DICTIONARY = _Dictionary()
