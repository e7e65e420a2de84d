"""Plan text, line by line: cleaning, layout, markers, labels and paragraphs.

Private to the importer (`de_an06.importer.reader`). A plan copied out of Word or a web page is
a sequence of lines with hard breaks inside sentences, table cells separated by "|"
lines, bullets and numbered markers. This module turns it into `Line`s and `Para`s
(lines joined into one paragraph) and says what each starts with; the section parsers
(the other modules of this package) decide what the paragraphs mean. Every line ends up
somewhere: a field of the draft (a *placement*), recognised layout, or a warning — the
`Sink` records which.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from typing import Final, final

import attrs

from .._text import fold, join_lines, nfc
from .labels import match_label

__all__ = [
    "Kind",
    "Line",
    "Marker",
    "Para",
    "RawWarning",
    "Sink",
    "assemble",
    "is_caps",
    "is_prose",
    "is_wordy",
    "marker_of",
    "recase",
    "split_lines",
]

SEPARATOR: Final = "|"

# Characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"\s+")
# A horizontal rule under a header cell ("-------") or a row of dots/underscores.
_RULE = re.compile(r"^[-_=–—~*.·•]{3,}$")
# Sentence ends ("." ";" "!" "?" "…", the closing "./.") and a colon before a list.
_TERMINAL = re.compile(r"[.;!?…:]$")
_CELL_TAB = re.compile(r"[ ]*\t[ ]*")


@final
@attrs.frozen
class Line:
    """One piece of an input line: its 1-based line number, cleaned text and raw text.

    A line holding "|" cell separators gives several pieces with the same number; the
    separators themselves are pieces whose ``text`` is ``"|"``.
    """

    number: int
    text: str
    raw: str

    @property
    def is_separator(self) -> bool:
        """True for a "|" cell separator."""
        return self.text == SEPARATOR


def clean(text: str) -> str:
    """NFC, invisible characters removed, every run of whitespace one space, stripped."""
    return _SPACES.sub(" ", nfc(text.translate(_INVISIBLE))).strip()


def split_lines(text: str) -> tuple[list[Line], list[Line]]:
    """The text's pieces and its layout-only lines (rules such as "-------").

    Lines end at "\\n", "\\r\\n" or "\\r" (so CRLF files number lines as editors do); "|"
    anywhere in a line separates table cells. Blank lines give nothing.
    """
    pieces: list[Line] = []
    layout: list[Line] = []
    for number, raw_line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        raw = nfc(raw_line)
        # A tab between words separates table cells (a Word table copied as text).
        cells = _CELL_TAB.sub(SEPARATOR, raw.strip(" \t")) if "\t" in raw else raw
        for i, piece in enumerate(cells.split(SEPARATOR)):
            if i:
                pieces.append(Line(number, SEPARATOR, raw))
            cleaned = clean(piece)
            if not cleaned:
                continue
            if _RULE.match(cleaned):
                layout.append(Line(number, cleaned, raw))
            else:
                pieces.append(Line(number, cleaned, raw))
    return pieces, layout


@final
@attrs.frozen
class RawWarning:
    """A warning before the importer turns it into a public `ImportNote`."""

    line: int
    end_line: int
    text: str
    message: str
    code: str


@attrs.define
class Sink:
    """Where every line went: placements (JSON paths of the draft) and warnings.

    A path starting with ``~`` names a field *read from* the line (a date, a number)
    rather than holding its words; ``layout:…`` names recognised layout.
    """

    warnings: list[RawWarning] = attrs.field(factory=list)
    placements: dict[int, list[str]] = attrs.field(factory=dict)

    def place(self, lines: Iterable[Line], path: str) -> None:
        """Record that *lines* went to *path*."""
        for line in lines:
            if line.is_separator:
                continue
            paths = self.placements.setdefault(line.number, [])
            if path not in paths:
                paths.append(path)

    def warn(self, lines: Sequence[Line], message: str, code: str = "skipped") -> None:
        """A warning about *lines* (the first line's text is shown)."""
        real = [line for line in lines if not line.is_separator] or list(lines)
        if not real:
            self.warnings.append(RawWarning(0, 0, "", message, code))
            return
        first = real[0]
        self.warnings.append(
            RawWarning(first.number, real[-1].number, first.raw.strip(), message, code)
        )


# --- markers ------------------------------------------------------------------------


class Kind(enum.Enum):
    """What a paragraph starts with."""

    SECTION = "section"  # "II. MỤC TIÊU"
    NUMBERED = "numbered"  # "3. Nhóm tiện ích …"
    DOTTED = "dotted"  # "1.2. Rà soát …"
    PAREN = "paren"  # "(5) Hoàn thành …"
    RPAREN = "rparen"  # "5) Hoàn thành …"
    LETTER = "letter"  # "a) Rà soát …"
    BULLET = "bullet"  # "- Số hóa …", "+ …"
    LABEL = "label"  # "- Cơ quan chủ trì: …"
    PLAIN = "plain"  # anything else


@final
@attrs.frozen
class Marker:
    """A paragraph's start: its kind, its number as written, and the text after it."""

    kind: Kind
    number: str
    rest: str


_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_MARKERS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (Kind.SECTION, re.compile(rf"^(?P<num>{_ROMAN})(?:\.|\s*[-–)])\s*(?P<rest>\S.*)$")),
    # Numbers of any size a plan gives (a national list has groups past 99), 6 digits at most.
    (Kind.DOTTED, re.compile(r"^(?P<num>\d{1,6}\.\d{1,6})\.?\s+(?P<rest>\S.*)$")),
    (Kind.NUMBERED, re.compile(r"^(?P<num>\d{1,6})\s*\.\s*(?P<rest>\S.*)$")),
    (Kind.PAREN, re.compile(r"^\((?P<num>\d{1,6})\)\s*(?P<rest>.*)$")),
    (Kind.RPAREN, re.compile(r"^(?P<num>\d{1,6})\)\s*(?P<rest>\S.*)$")),
    (Kind.LETTER, re.compile(r"^(?P<num>[a-zđ])\s*[).]\s+(?P<rest>\S.*)$")),
    (Kind.BULLET, re.compile(r"^(?P<num>[-–—•+*▪●◦])\s*(?P<rest>\S.*)$")),
)


def marker_of(text: str) -> Marker | None:
    """The marker *text* starts with, or None (labels are found by `match_label`)."""
    for kind, pattern in _MARKERS:
        match = pattern.match(text)
        if match and match["num"]:
            return Marker(kind, match["num"], match["rest"])
    return None


# The order of Vietnamese item letters: a, b, c, d, đ, e, g, h, i, k, … (no f, j, w, z).
LETTERS: Final = "abcdđeghiklmnopqrstuvxy"


def letter_number(letter: str) -> int:
    """1 for "a", 5 for "đ"; letters outside the Vietnamese list count after them."""
    index = LETTERS.find(letter)
    return index + 1 if index >= 0 else len(LETTERS) + 1


# --- paragraphs ---------------------------------------------------------------------


@final
@attrs.frozen
class Para:
    """Consecutive lines read as one paragraph; ``text`` joins them (hard breaks gone)."""

    lines: tuple[Line, ...]
    kind: Kind = Kind.PLAIN

    @property
    def text(self) -> str:
        """The lines' text joined with single spaces."""
        return join_lines(" ".join(line.text for line in self.lines))

    @property
    def first(self) -> int:
        """Number of the first line."""
        return self.lines[0].number


# Words after which a heading cannot stop ("… Nghị quyết số 175/NQ-CP … của" + "Chính phủ").
_OPEN_ENDINGS: Final = frozenset(
    (
        "cua",
        "va",
        "voi",
        "cac",
        "ve",
        "so",
        "tai",
        "tren",
        "theo",
        "cho",
        "den",
        "trong",
        "tu",
        "bang",
        "de",
        "nhung",
        "la",
        "ngay",
        "thang",
        "nam",
        "hoac",
        "doi",
        "nham",
        "giua",
        "thuoc",
        "ho",
        "nhu",
    )
)
# Hyphenated names that a hard break can split before the dash: "Sở Lao động" +
# "- Thương binh và Xã hội" is one name, not a bullet.
_DASH_COMPOUNDS: Final = (
    ("lao dong", "thuong binh"),
    ("phat thanh", "truyen hinh"),
    ("kinh te", "xa hoi"),
    ("chinh tri", "xa hoi"),
    ("van hoa", "xa hoi"),
    ("an ninh", "trat tu"),
)


def is_caps(text: str) -> bool:
    """True when every cased letter of *text* is upper case (and there is one)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def is_prose(text: str) -> bool:
    """True when most letters of *text* are lower case (not a title in capitals)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) * 3 < len(letters)


def is_wordy(text: str) -> bool:
    """True when at least half the visible characters of *text* are letters (not garbage)."""
    visible = [c for c in text if not c.isspace()]
    return bool(visible) and sum(c.isalpha() for c in visible) * 2 >= len(visible)


def _starts_lower(text: str) -> bool:
    first = next((c for c in text if c.isalnum()), "")
    return bool(first) and (first.islower() or first.isdigit())


def _last_word(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(text))
    return words[-1] if words else ""


def _dash_compound(previous: str, rest: str) -> bool:
    before, after = fold(previous), fold(rest)
    return any(before.endswith(a) and after.startswith(b) for a, b in _DASH_COMPOUNDS)


def continues(para: list[Line], kind: Kind, line: Line, marker: Marker | None) -> bool:
    """Whether *line* continues the paragraph *para* (of *kind*) after a hard break."""
    previous = para[-1].text
    if marker is not None:
        if marker.kind is not Kind.BULLET:
            return False
        if match_label(line.text) is not None:
            return False
        if kind is Kind.LABEL and para[0].text.endswith(":"):
            head = marker_of(para[0].text)
            if head is None or head.number != marker.number:
                return True  # "- Cơ quan phối hợp:" + "+ Sở Y tế;" + "+ Sở Tư pháp."
        # A name split before its dash: "Sở Lao động" + "- Thương binh và Xã hội".
        return _dash_compound(previous, marker.rest) and not _TERMINAL.search(previous)
    if match_label(line.text) is not None:
        return False
    if kind in (Kind.SECTION, Kind.NUMBERED):
        # A heading continues in lower case ("9. Về công" + "tác tuyên truyền"), in
        # capitals under a heading in capitals, or after a word that cannot end it.
        if is_caps(para[0].text) and is_caps(line.text):
            return True
        if _TERMINAL.search(previous):
            return False
        return _starts_lower(line.text) or _last_word(previous) in _OPEN_ENDINGS
    # Elsewhere a sentence end followed by a capital (or by a symbol: garbage, a stray
    # table cell) starts a new paragraph; the section parsers join paragraphs back where
    # they belong.
    if not _TERMINAL.search(previous):
        return True
    first = line.text[:1]
    return _starts_lower(line.text) and (first.isalnum() or first in "(\"'“‘«")


def assemble(lines: Sequence[Line], *, kinds: frozenset[Kind] | None = None) -> list[Para]:
    """Group *lines* into paragraphs; "|" separators end a paragraph.

    *kinds* are the markers read in this part of the text (others are plain text: "a)"
    inside a purposes section is just text); None reads them all.
    """
    allowed = kinds if kinds is not None else frozenset(Kind)
    paras: list[Para] = []
    current: list[Line] = []
    kind = Kind.PLAIN

    def flush() -> None:
        if current:
            paras.append(Para(tuple(current), kind))
            current.clear()

    for line in lines:
        if line.is_separator:
            flush()
            continue
        marker = marker_of(line.text)
        if marker is not None and marker.kind not in allowed:
            marker = None
        if current and continues(current, kind, line, marker):
            current.append(line)
            continue
        flush()
        current.append(line)
        if Kind.LABEL in allowed and match_label(line.text) is not None:
            kind = Kind.LABEL
        else:
            kind = marker.kind if marker is not None else Kind.PLAIN
    flush()
    return paras


def strip_marker(text: str) -> str:
    """*text* without its leading marker."""
    marker = marker_of(text)
    return join_lines(marker.rest) if marker is not None else text


# --- casing -------------------------------------------------------------------------

_WORD = re.compile(r"\S+")


def recase(caps: str, body: str, *, first_upper: bool = True) -> str:
    """A title printed in capitals, in the casing the document's own prose uses.

    The longest tail of *caps* that the prose (*body*) also writes is copied from it
    ("KẾ HOẠCH TRIỂN KHAI … ĐỀ ÁN 06/CP TRÊN ĐỊA BÀN TỈNH NĂM 2024" → "… Đề án 06/CP trên
    địa bàn tỉnh năm 2024"); the words before it are lower case, the first capitalised,
    except words with digits and abbreviations the prose also writes in capitals.

    >>> recase("ỦY BAN NHÂN DÂN TỈNH SƠN LA", "trên địa bàn tỉnh Sơn La.")
    'Ủy ban nhân dân tỉnh Sơn La'
    """
    words = _WORD.findall(caps)
    if not words:
        return ""
    tail: list[str] = []
    for start in range(len(words)):
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words[start:]) + r"(?!\w)"
        found = re.search(pattern, body, re.IGNORECASE)
        if found and any(c.islower() for c in found.group(0)):
            tail = _WORD.findall(found.group(0))
            words = words[:start]
            break
    head = [_word_case(w, body) for w in words]
    out = head + tail
    if first_upper and out and not is_caps(out[0]):
        out[0] = out[0][:1].upper() + out[0][1:]
    text = " ".join(out)
    for lower, proper in _PROPER:
        text = re.sub(rf"(?<!\w){lower}(?!\w)", proper, text)
    return nfc(text)  # case mapping can leave a mark apart: "İ".lower() is "i" + U+0307


# Names written with capitals whatever the prose around them does, for titles whose
# document never writes them in running case.
_PROPER: Final = (
    (r"đề án(?= \d)", "Đề án"),
    ("chính phủ", "Chính phủ"),
    ("việt nam", "Việt Nam"),
    ("trung ương", "Trung ương"),
)


def _word_case(word: str, body: str) -> str:
    if any(c.isdigit() for c in word) or re.fullmatch(r"[A-ZĐ]{1,4}\.", word):
        return word  # "06/CP"; "KT.", "TM." (signature abbreviations)
    if len(word) > 1 and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", body):
        return word  # an abbreviation the prose also writes in capitals ("UBND", "KT.")
    return word.lower()
