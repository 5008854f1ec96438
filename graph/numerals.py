"""Numbers written as words: Chinese numerals (七十四, 第二十九届) and English ordinals (seventy-fifth)."""

from __future__ import annotations

import re

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_NUMERAL = "[零〇一二两三四五六七八九十百千]+"

_EN_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_EN_ORD_UNITS = "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}
EN_ORDINAL = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth"
    r"|seventieth|eightieth|ninetieth|hundredth)"
)


def zh_int(text: str) -> int:
    """Value of a Chinese numeral below 10 000 (七十四 -> 74, 十三 -> 13, 一百零五 -> 105); digits pass through."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or not re.fullmatch(ZH_NUMERAL, text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, digit = 0, None
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _ZH_UNITS[ch]
            digit = None
    return total + (digit or 0)


def en_ordinal(text: str) -> int:
    """Value of an English ordinal word (seventy-fifth -> 75, fourteenth -> 14)."""
    words = text.lower().strip().split("-")
    total = 0
    for w in words:
        if w in _EN_TENS:
            total += _EN_TENS[w]
        elif w in _EN_ORD_TENS:
            total += _EN_ORD_TENS[w]
        elif w in _EN_ORD_UNITS:
            total += _EN_ORD_UNITS.index(w)
        elif w in _EN_UNITS:
            total += _EN_UNITS.index(w)
        elif w == "hundredth":
            total = total * 100 if total else 100
        else:
            raise ValueError(f"not an English ordinal: {text!r}")
    return total


def roman_int(text: str) -> int:
    """Value of a Roman numeral (XXI -> 21)."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    text = text.upper()
    if not text or any(c not in values for c in text):
        raise ValueError(f"not a Roman numeral: {text!r}")
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values[a]
        total += -v if b != " " and values[b] > v else v
    return total
