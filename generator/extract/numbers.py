"""Reading numbers as Chinese documents write them.

Arabic with decimals and thousands separators (4,678.5), Chinese numerals
(两千, 三百五十六, 一百零八), and mixed forms (1.1万, 4.43亿, 3千万, 百亿).
The digits and units are data (`generator/data/numbers.yaml`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from generator import rules


@cache
def _tables():
    data = rules.load("numbers")
    return data["digits"], data["small_units"], data["large_units"]


@cache
def number_pattern() -> str:
    """A regex (no groups) matching one written number."""
    digits, small, large = _tables()
    chinese = "".join(digits) + "".join(small) + "".join(large)
    magnitudes = "".join(small) + "".join(large)
    return (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?[{magnitudes}]*"
            rf"|[{chinese}]+")


_ARABIC = re.compile(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)")


def parse_number(text: str) -> float | None:
    """The value of one written number, or None when `text` is not one."""
    text = text.strip()
    if not text:
        return None
    digits, small, large = _tables()
    arabic = _ARABIC.fullmatch(text)
    if arabic:
        # Decimal, so that 4.6亿 is 460000000 and not 459999999.99999994
        value = Decimal(arabic.group(1).replace(",", ""))
        for unit in arabic.group(2):
            if unit in small:
                value *= small[unit]
            elif unit in large:
                value *= large[unit]
            else:
                return None
        return float(value)
    return _parse_chinese(text, digits, small, large)


def _parse_chinese(text: str, digits, small, large) -> float | None:
    # Sections: what stands before 亿 is multiplied by 亿, before 万 by 万;
    # within a section 千/百/十 multiply the digit before them (or 1: 十二).
    total = 0  # finished 亿 part
    myriads = 0  # finished 万 part
    section = 0
    digit = None
    for char in text:
        if char in digits:
            if digit is not None and digits[char] != 0 and digit != 0:
                return None  # "二三" is not a number
            digit = digits[char]
        elif char in small:
            section += (digit if digit else 1) * small[char]
            digit = None
        elif char == "万" and char in large:
            myriads = (section + (digit or 0) or (0 if myriads else 1)) * large[char]
            section, digit = 0, None
        elif char in large:
            total = (total + myriads + section + (digit or 0) or 1) * large[char]
            myriads, section, digit = 0, 0, None
        else:
            return None
    value = total + myriads + section + (digit or 0)
    return float(value) if value or "零" in text or "〇" in text else None
