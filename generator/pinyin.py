"""Names read in pinyin: the ids a person can read in a URL, and the index's order.

pypinyin takes 0.14 s to load its dictionaries, and 0.04 ms to read a name,
and a build reads thousands of names (every indicator's, every term's). A
rebuild names nearly all the same things again, so it is handed what the last
build read (`remember`) and pypinyin is loaded only for a name it has not
read. `syllables` stays a plain function of its name: what it is handed
is what it would have worked out. The build keeps what it was asked (`asked`).
"""

from __future__ import annotations

_remembered: dict[str, tuple[str, ...]] = {}
_asked: dict[str, tuple[str, ...]] = {}


def syllables(name: str) -> tuple[str, ...]:
    """The name's pinyin, a syllable per Chinese character, without tones; other runs of characters
    (Latin letters, digits, punctuation) as they are: 工银e生活 → gong, yin, e, sheng, huo."""
    found = _asked.get(name)
    if found is None:
        found = _remembered.get(name)
        if found is None:
            from pypinyin import lazy_pinyin

            found = tuple(lazy_pinyin(name))
        _asked[name] = found
    return found


def remember(readings: dict[str, tuple[str, ...]]) -> None:
    """Take `readings` (name → `syllables`, as an earlier process asked them) as read."""
    _remembered.update(readings)


def asked() -> dict[str, tuple[str, ...]]:
    """Every name this process read, with its syllables: what the next build will ask again."""
    return dict(_asked)
