"""Agency names in a role line's text: split, counted, classified.

Private to the importer (`roles` resolves the names to keys). "- Cơ quan phối hợp: Công an
tỉnh, các sở, ngành liên quan, UBND các huyện, thành phố." names three bodies; commas
inside "các sở, ngành" or "UBND các huyện, thành phố" do not separate names, commas inside
"Sở Văn hóa, Thể thao và Du lịch" neither. The rules, in order:

1. ";" always separates, outside parentheses.
2. "," separates, except inside parentheses, inside a known name that has commas (a
   built-in list plus every name of the directory plan), and before a lower-case word
   that is not "các"/"những" (it continues a collective: "các sở, ngành, đoàn thể").
3. " và " separates before "các"/"những" or before a word that starts a body ("Sở",
   "UBND", "Công an", …), unless the whole is a known name.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from .._text import fold, join_lines
from ..agency import Level
from ..directory import lookup_key

__all__ = [
    "KNOWN_COMMA_NAMES",
    "MentionText",
    "depth_split",
    "guess_level",
    "is_collective",
    "slug",
    "split_mentions",
]

# Names with commas a role line may use; the directory plan's own names are added.
KNOWN_COMMA_NAMES: Final = (
    "Sở Văn hóa, Thể thao và Du lịch",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa, Thông tin, Thể thao và Du lịch",
    "Sở Văn hóa, Thể thao",
    "Sở Lao động, Thương binh và Xã hội",
    "Bộ Lao động, Thương binh và Xã hội",
    "Cục Quản lý chất lượng, Bộ Giáo dục và Đào tạo",
)
# Words that start a body's name: " và " before them separates two names.
_HEADS: Final = (
    "Sở ",
    "UBND",
    "Ủy ban",
    "Uỷ ban",
    "Công an",
    "Văn phòng",
    "Ban ",
    "Bộ ",
    "Cục ",
    "Chi cục",
    "Bảo hiểm",
    "Ngân hàng",
    "Bưu điện",
    "Viễn thông",
    "Điện lực",
    "Đài ",
    "Báo ",
    "Tỉnh Đoàn",
    "Tỉnh đoàn",
    "Hội ",
    "Trung tâm",
    "Liên đoàn",
    "Tòa án",
    "Toà án",
    "Viện ",
    "Mặt trận",
    "Kho bạc",
    "Thanh tra",
    "Cơ quan",
    "Tổ công tác",
    "Hội đồng",
    "Chính phủ",
    "Thủ tướng",
    "VNPT",
    "Viettel",
    "các ",
    "Các ",
    "những ",
    "Những ",
)
# Counts of at most 18 digits: they must fit the 64-bit integers of the plan format.
_EACH_COUNT = re.compile(r"\s*\(\s*mỗi\s+[^()\d]*?(?P<n>\d{1,18})\s+[^()\d]{1,30}?\s*\)\s*$", re.I)
_COUNT = re.compile(r"\s*\(\s*(?P<n>\d{1,18})\s+[^()\d]{1,30}?\s*\)\s*$")
_TRAILING_COUNT = re.compile(r"\s+(?P<n>\d{1,18})\s+(?:mô hình|dịch vụ|nhiệm vụ|đơn vị)\s*$", re.I)


@attrs.frozen
class MentionText:
    """One name as a role line writes it, and the count attached to it, if any."""

    text: str
    count: int | None


def depth_split(text: str, separator: str) -> list[str]:
    """*text* split on *separator* outside parentheses."""
    parts: list[str] = []
    depth = start = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(separator, i):
            parts.append(text[start:i])
            start = i + len(separator)
            i = start
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _tidy(text: str) -> str:
    text = join_lines(text)
    text = re.sub(r"^(?:và|với|cùng)\s+", "", text)
    return re.sub(r"(?:\s*(?:\./\.|\.\.\.|[.,;:…]))+$", "", text).strip()


def _count(text: str, pattern: re.Pattern[str]) -> tuple[str, int | None]:
    match = pattern.search(text)
    if match is None:
        return text, None
    return text[: match.start()], int(match["n"])


def _continues_collective(segment: str) -> bool:
    word = segment.strip().split(" ", 1)[0] if segment.strip() else ""
    return bool(word) and word[0].islower() and word not in ("các", "những")


def _split_commas(chunk: str, known: frozenset[str]) -> list[str]:
    segments = depth_split(chunk, ",")
    merged: list[str] = []
    i = 0
    while i < len(segments):
        taken = 1
        for n in range(len(segments) - i, 1, -1):
            head = lookup_key(re.sub(r"^\s*và\s+", "", ",".join(segments[i : i + n - 1])))
            whole = lookup_key(re.sub(r"^\s*và\s+", "", ",".join(segments[i : i + n])))
            if any(k.startswith(head + " ") and whole.startswith(k) for k in known):
                taken = n
                break
        piece = ",".join(segments[i : i + taken])
        if taken == 1 and merged and _continues_collective(piece):
            merged[-1] += "," + piece
        else:
            merged.append(piece)
        i += taken
    return merged


def _split_and(item: str, known: frozenset[str]) -> list[str]:
    if lookup_key(item) in known:
        return [item]
    parts = depth_split(item, " và ")
    out = [parts[0]]
    for part in parts[1:]:
        if part.startswith(_HEADS) and out[-1].strip():
            out.append(part)
        else:
            out[-1] += " và " + part
    return out


def split_mentions(text: str, known: frozenset[str] = frozenset()) -> list[MentionText]:
    """The names a role line's text gives, with their counts ("(12 mô hình)").

    *known* holds `lookup_key`s of names that contain commas.

    >>> for m in split_mentions("Công an tỉnh, các sở, ngành liên quan, UBND các huyện, "
    ...                         "thành phố và các đơn vị có liên quan."):
    ...     print(m.text)
    Công an tỉnh
    các sở, ngành liên quan
    UBND các huyện, thành phố
    các đơn vị có liên quan
    """
    known = known | _BUILT_IN
    found: list[MentionText] = []
    for raw_chunk in depth_split(join_lines(text), ";"):
        chunk = _tidy(raw_chunk)
        chunk, each = _count(chunk, _EACH_COUNT)
        items = [p for c in _split_commas(chunk, known) for p in _split_and(c, known)]
        for raw_item in items:
            item, count = _count(_tidy(raw_item), _COUNT)
            if count is None:
                item, count = _count(item, _TRAILING_COUNT)
            item = _tidy(item)
            if item:
                found.append(MentionText(item, count if count is not None else each))
    return found


_BUILT_IN: Final = frozenset(lookup_key(name) for name in KNOWN_COMMA_NAMES)


def slug(text: str, limit: int = 48) -> str:
    """An ASCII key from a name: folded, parentheses dropped, words joined by "-"."""
    words = re.findall(r"[a-z0-9]+", fold(re.sub(r"\([^)]*\)?", " ", text)))
    key = ""
    for word in words:
        if key and len(key) + 1 + len(word) > limit:
            break
        key = f"{key}-{word}" if key else word
    return key


# Level guesses for bodies the directory does not know (the importer warns about each).
# Order matters: "Sở Lao động - Thương binh và Xã hội" is a province department although
# it contains "xã"; district and commune levels need a local-government word before it.
_LEVEL_HINTS: Final = (
    (
        Level.ENTERPRISE,
        r"^(?:vien thong|vnpt|viettel|mobifone|buu dien|dien luc|cong ty|tong cong ty|"
        r"ngan hang (?!nha nuoc)|cac doanh nghiep|doanh nghiep)",
    ),
    (
        Level.CENTRAL,
        r"^(?:bo |chinh phu|thu tuong|van phong chinh phu|tong cuc|cuc .*\bbo\b)"
        r"|quoc gia$|trung uong$",
    ),
    (
        Level.ASSOCIATION,
        r"^(?:hoi (?!dong)|tinh doan|doan thanh nien|mat tran|uy ban mat tran|ubmttq|lien doan)",
    ),
    (Level.PROVINCE, r"^(?:so |cong an tinh|ban |bao |dai )"),
    (Level.COMMUNE, r"\b(?:ubnd|uy ban nhan dan|cong an|cap) (?:xa|phuong|thi tran)\b"),
    (Level.DISTRICT, r"\b(?:ubnd|uy ban nhan dan|cong an|cap) (?:huyen|quan|thi xa|thanh pho)\b"),
    (Level.PROVINCE, r"\btinh\b|^van phong"),
)


def guess_level(name: str) -> Level:
    """The administrative level a name suggests; ``OTHER`` when nothing does."""
    folded = fold(name)
    for level, pattern in _LEVEL_HINTS:
        if re.search(pattern, folded):
            return level
    return Level.OTHER


def is_collective(name: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether a name refers to several bodies ("các sở, ngành", "UBND cấp huyện").

    A comma makes a collective, unless the name is one of *known* (`lookup_key`s of
    names with commas, such as "Sở Văn hóa, Thể thao và Du lịch").
    """
    folded = fold(name)
    return bool(
        re.search(r"(?:^|\s)(?:cac|nhung)\s", folded)
        or ("," in folded and lookup_key(name) not in known | _BUILT_IN)
        or re.search(r"\bcap (?:tinh|huyen|xa)\b", folded)
        or folded.endswith("lien quan")
    )
