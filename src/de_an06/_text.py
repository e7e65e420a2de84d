"""Text helpers: Unicode NFC, diacritic folding, whitespace, and exact numbers as text.

Vietnamese text is data. Storage keeps it verbatim in NFC; only lookup keys are
folded (case, diacritics, dashes, spacing), never the stored text.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

__all__ = ["fold", "fraction_text", "join_lines", "nfc", "pair_surrogates"]

_SPACES = re.compile(r"\s+")
# Dashes people type interchangeably in agency names: "Lao động – Thương binh",
# "Lao động - Thương binh", "Lao động- TB&XH".
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")


def nfc(text: str) -> str:
    """Return *text* in Unicode NFC, unchanged otherwise.

    >>> nfc("Sơn La") == "Sơn La"
    True
    """
    return unicodedata.normalize("NFC", text)


def pair_surrogates(text: str) -> str:
    """*text* with each high + low surrogate pair made the one character it encodes.

    A Python string can hold the two halves of a UTF-16 pair as two characters; JSON
    (``"\\ud83d\\ude00"``) and every UTF-16 reader take them as one, so the text is
    kept that way. A lone surrogate stays as it is.

    >>> pair_surrogates("\\ud83d\\ude00 \\ud800") == "\\U0001f600 \\ud800"
    True
    """
    if not _PAIR.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


_PAIR = re.compile("[\\ud800-\\udbff][\\udc00-\\udfff]")


def join_lines(text: str) -> str:
    """Join hard line breaks and runs of spaces into single spaces, in NFC.

    The seed text wraps lines mid-sentence; the words are kept, the breaks are not.

    >>> join_lines("Sở Thông tin\\nvà Truyền thông ")
    'Sở Thông tin và Truyền thông'
    """
    return _SPACES.sub(" ", nfc(text).replace("\u00a0", " ")).strip()


def fold(text: str) -> str:
    """Return a lookup key: no diacritics, đ→d, casefolded, one space, one dash.

    >>> fold("Sở Lao động – Thương binh  và Xã hội")
    'so lao dong-thuong binh va xa hoi'
    >>> fold("SO LAO DONG - THUONG BINH VA XA HOI")
    'so lao dong-thuong binh va xa hoi'
    """
    decomposed = unicodedata.normalize("NFD", text.replace("\u00a0", " "))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    stripped = _DASHES.sub("-", stripped)
    return _SPACES.sub(" ", stripped.casefold()).strip()


def fraction_text(value: Fraction) -> str:
    """Exact decimal text of *value*, or ``"num/den"`` when it has no finite decimal.

    >>> fraction_text(Fraction(131, 2)), fraction_text(Fraction(1, 3))
    ('65.5', '1/3')
    """
    if value.denominator == 1:
        return str(value.numerator)
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)
    scaled = abs(value.numerator) * 10**places // value.denominator
    sign = "-" if value < 0 else ""
    digits = str(scaled).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"
