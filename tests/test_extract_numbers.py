"""The number parser reads back numbers in every written form (property tests)."""

import math

from hypothesis import given
from hypothesis import strategies as st

from generator.extract.numbers import parse_number

DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """`n` in Chinese numerals, as a person writes it (一亿零五百万, 三百五十六)."""
    if n == 0:
        return "零"

    def section(x: int) -> str:
        out, gap = "", False
        for unit, place in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            digit = x // place % 10
            if digit:
                out += ("零" if gap and out else "") + DIGITS[digit] + unit
                gap = False
            else:
                gap = True
        return out

    out, gap = "", False
    for unit, place in (("亿", 10**8), ("万", 10**4), ("", 1)):
        part = n // place % 10**4 if unit != "亿" else n // place
        if part:
            out += ("零" if (gap or part < 1000) and out else "") + section(part) + unit
            gap = False
        else:
            gap = True
    return out


@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_plain_and_with_thousands_separators(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_decimals(whole, cents):
    assert math.isclose(parse_number(f"{whole}.{cents:02d}"), whole + cents / 100)


@given(st.integers(min_value=1, max_value=99999), st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]))
def test_mixed_forms_with_magnitudes(hundredths, magnitude):
    word, scale = magnitude
    written = f"{hundredths / 100:.2f}".rstrip("0").rstrip(".") + word
    assert math.isclose(parse_number(written), hundredths / 100 * scale, rel_tol=1e-9)


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_numerals(n):
    assert parse_number(chinese(n)) == n


def test_written_forms_seen_in_documents():
    assert parse_number("两千") == 2000
    assert parse_number("百亿") == 10**10
    assert parse_number("千亿") == 10**11
    assert parse_number("3千万") == 3 * 10**7
    assert parse_number("4.43亿") == 443_000_000
    assert parse_number("二三") is None
    assert parse_number("亿元") is None


@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    value = parse_number(text)
    assert value is None or value >= 0
