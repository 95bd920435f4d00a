"""Reading absolute dates written the ways Chinese documents write them.

Returns the contract's date forms: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
"""

from __future__ import annotations

import datetime as dt
import re

_FULL = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:年|[-/.．])\s*(?P<m>\d{1,2})\s*(?:月|[-/.．])\s*(?P<d>\d{1,2})\s*日?"
)
_MONTH = re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:年|[-/.．])\s*(?P<m>\d{1,2})\s*月?")
_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年?")


def parse_date(value: object, strict: bool = False) -> str | None:
    """The ISO form of the first absolute date in `value`, or None.

    Accepts strings such as "2021-8-30 10:27", "2021年8月30日", "2021/08",
    "2023", and the date objects YAML front matter produces. A date no
    calendar has (2021-13-45) reads as the coarser date it starts with (2021),
    or, `strict`, as none: a metadata field that says it is a day must be one.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pattern in (_FULL, _MONTH, _YEAR):
        found = pattern.match(text) or pattern.search(text)
        if not found:
            continue
        parts = found.groupdict()
        year, month, day = int(parts["y"]), int(parts.get("m") or 0), int(parts.get("d") or 0)
        try:
            if day:
                return dt.date(year, month, day).isoformat()
            if month:
                dt.date(year, month, 1)
                return f"{year:04d}-{month:02d}"
        except ValueError:
            if strict:
                return None
            continue  # 2021-13-45 is not a date; try a coarser form
        return f"{year:04d}"
    return None
