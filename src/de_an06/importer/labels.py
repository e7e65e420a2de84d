"""Role and deadline labels of a plan text: "- Cơ quan chủ trì:", "Thời gian hoàn thành:".

Private to the importer. A label is matched on folded text, so "Cơ quan chủ tri" and
"Thời gian hòan thành" (typos in diacritics) are exact matches; other typos within a small
edit distance ("Co quan phoi hp") match inexactly, and the importer warns about the reading.
"""

from __future__ import annotations

import enum
import re
from typing import Final, final

import attrs

from .._text import fold

__all__ = ["Column", "Label", "LabelMatch", "header_label", "match_label"]


class Label(enum.Enum):
    """What a label line gives: one or more roles, or the deadline."""

    LEAD = ("lead",)
    COORDINATE = ("coordinate",)
    IMPLEMENT = ("implement",)
    ADVISE = ("advise",)
    MONITOR = ("monitor",)
    ADVISE_IMPLEMENT = ("advise", "implement")
    DEADLINE = ()


# Folded, punctuation-free labels plans write (decisions.md: "Cơ quan thực hiện" is
# implement; "Cơ quan tham mưu, thực hiện" is advise and implement).
_LABELS: Final[dict[str, Label]] = {
    "co quan chu tri": Label.LEAD,
    "don vi chu tri": Label.LEAD,
    "co quan don vi chu tri": Label.LEAD,
    "chu tri": Label.LEAD,
    "co quan chu tri thuc hien": Label.LEAD,
    "co quan phoi hop": Label.COORDINATE,
    "don vi phoi hop": Label.COORDINATE,
    "co quan don vi phoi hop": Label.COORDINATE,
    "phoi hop": Label.COORDINATE,
    "co quan phoi hop thuc hien": Label.COORDINATE,
    "co quan thuc hien": Label.IMPLEMENT,
    "don vi thuc hien": Label.IMPLEMENT,
    "co quan don vi thuc hien": Label.IMPLEMENT,
    "co quan tham muu": Label.ADVISE,
    "don vi tham muu": Label.ADVISE,
    "co quan tham muu thuc hien": Label.ADVISE_IMPLEMENT,
    "co quan theo doi don doc": Label.MONITOR,
    "don vi theo doi don doc": Label.MONITOR,
    "co quan don vi theo doi don doc": Label.MONITOR,
    "theo doi don doc": Label.MONITOR,
    "co quan don vi phoi hop thuc hien": Label.COORDINATE,
    "co quan don vi chu tri thuc hien": Label.LEAD,
    "don vi chu tri thuc hien": Label.LEAD,
    "don vi phoi hop thuc hien": Label.COORDINATE,
    "co quan theo doi": Label.MONITOR,
    "co quan don doc": Label.MONITOR,
    "thoi gian hoan thanh": Label.DEADLINE,
    "thoi gian thuc hien": Label.DEADLINE,
    "thoi han hoan thanh": Label.DEADLINE,
    "thoi han thuc hien": Label.DEADLINE,
    "thoi han": Label.DEADLINE,
    "thoi gian": Label.DEADLINE,
    "tien do thuc hien": Label.DEADLINE,
    "tien do hoan thanh": Label.DEADLINE,
}
_LABEL_LINE = re.compile(r"^(?:[-–—•+*▪●◦]\s*)?(?P<label>[^:：]{2,48}?)\s*[:：]\s*(?P<rest>.*)$")


@final
@attrs.frozen
class LabelMatch:
    """A label line: the label as written, what it gives, the text after the colon."""

    label: str
    kind: Label
    rest: str
    exact: bool
    canonical: str


def _label_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of *a* and *b*, or ``limit + 1`` once it exceeds *limit*."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def match_label(text: str) -> LabelMatch | None:
    """The role or deadline label *text* starts with, matched on folded text.

    Folding makes "Cơ quan chủ tri" and "Thời gian hòan thành" exact matches; other
    typos within a small edit distance ("Co quan phoi hp") match inexactly, and the
    importer warns about the reading.
    """
    match = _LABEL_LINE.match(text)
    if match is None:
        return None
    key = _label_key(match["label"])
    if not key or len(key.split()) > 7:
        return None
    if key in _LABELS:
        return LabelMatch(match["label"].strip(), _LABELS[key], match["rest"], True, key)
    limit = 1 if len(key) < 12 else 2
    best = min(_LABELS, key=lambda known: _distance(key, known, limit))
    if _distance(key, best, limit) <= limit and len(best) >= 9:
        return LabelMatch(match["label"].strip(), _LABELS[best], match["rest"], False, best)
    return None


class Column(enum.Enum):
    """What a task table's column holds, from its header cell."""

    NUMBER = "number"  # "STT", "TT"
    TASK = "task"  # "Nhiệm vụ", "Nội dung nhiệm vụ", "Tên nhiệm vụ"
    ROLE = "role"  # a role or deadline label: "Cơ quan chủ trì", "Thời gian hoàn thành"
    PRODUCT = "product"  # "Sản phẩm", "Kết quả/sản phẩm"
    NOTE = "note"  # "Ghi chú"


_COLUMNS: Final[dict[str, Column]] = {
    "stt": Column.NUMBER,
    "tt": Column.NUMBER,
    "so tt": Column.NUMBER,
    "so thu tu": Column.NUMBER,
    "nhiem vu": Column.TASK,
    "noi dung": Column.TASK,
    "noi dung nhiem vu": Column.TASK,
    "ten nhiem vu": Column.TASK,
    "nhiem vu giai phap": Column.TASK,
    "nhiem vu cu the": Column.TASK,
    "noi dung cong viec": Column.TASK,
    "san pham": Column.PRODUCT,
    "ket qua san pham": Column.PRODUCT,
    "san pham dau ra": Column.PRODUCT,
    "hinh thuc san pham": Column.PRODUCT,
    "ket qua dau ra": Column.PRODUCT,
    "ghi chu": Column.NOTE,
}


def header_label(text: str) -> tuple[Column, Label | None] | None:
    """What a table's header cell names: a column, and the role or deadline it gives.

    >>> header_label("Cơ quan, đơn vị chủ trì")
    (<Column.ROLE: 'role'>, <Label.LEAD: ('lead',)>)
    >>> header_label("Nội dung nhiệm vụ")
    (<Column.TASK: 'task'>, None)
    """
    key = _label_key(text)
    if key in _COLUMNS:
        return _COLUMNS[key], None
    if key in _LABELS:
        return Column.ROLE, _LABELS[key]
    return None
