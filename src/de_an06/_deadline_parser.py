"""Private parsing layer: Vietnamese deadline wording → `Deadline` variants.

The public entry is `parse_deadline` (re-exported as ``de_an06.parse_deadline``). How it
reads a text:

1. The text is put in NFC; that is what every variant keeps as ``text``.
2. A working copy is lower-cased and each whitespace character becomes one space,
   character for character, so a span found in the copy is a span of the text (and hard
   line breaks, stray spaces and upper case cost nothing).
3. A few commented ``re.VERBOSE`` patterns find deadline expressions anywhere in the
   copy: "Quý I/2024", "trước ngày 30/6/2024", "trước dịp Tết Nguyên đán Giáp thìn 2024",
   "thường xuyên", "Theo chỉ đạo của …". Where two overlap, the one starting first (then
   the longer) wins. Words around them ("Tập trung đẩy mạnh", "hoàn thành") are prose.
4. Each match goes to a small pure handler that returns the variant(s) it means, a
   *start* ("từ tháng 6/2024": when work begins, not a deadline), nothing (a document's
   date, "Quyết định số 90/QĐ-TTg ngày 18/01/2022"), or a `_Bad` with the span at fault.
5. One part → that variant, holding the whole text; several → `Compound`, the text cut
   into one piece per part at the first clause break between them (". ", ";", " và ",
   ","), so the parts' texts together are the whole ("Tập trung đẩy mạnh trước dịp Tết
   …" | "duy trì thực hiện thường xuyên."). Nothing recognised → `Unparsed`; in strict
   mode a `_Bad` or nothing recognised raises `DeadlineSyntaxError` with a caret under
   the span.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date

import attrs

from ._calendar import CAN, CHI, TET_YEARS, can_chi, lunar_new_year
from ._dates import FIRST_DAY, LAST_DAY, period_bounds
from ._deadline_patterns import (
    AS_DIRECTED,
    BREAKS,
    DATE,
    DATE_WORDS,
    DOCUMENT_BEFORE,
    EVENT,
    HALF,
    KNOWN_EVENTS,
    MONTH,
    ONGOING,
    QUARTER,
    TET,
    TRAILING_VERB,
    YEAR,
)
from ._text import fold, join_lines, nfc
from .deadline import (
    AsDirected,
    Compound,
    Deadline,
    OnDate,
    Ongoing,
    PeriodUnit,
    Relation,
    RelativeToEvent,
    Unparsed,
    WithinPeriod,
)
from .errors import DeadlineSyntaxError, ModelValueError

__all__ = ["parse_deadline"]

YEARS = range(FIRST_DAY.year, LAST_DAY.year + 1)
"""Years a deadline may name: the years de_an06 computes with (`_dates.FIRST_DAY`..)."""

MAX_WORDING = 10_000
"""The longest deadline wording parsed, in characters (Sơn La's longest is under 300).
Longer wording is kept verbatim as `Unparsed` (an error with ``strict=True``)."""


@attrs.frozen
class _Bad:
    """Wording that looks like a deadline but is wrong: why, and where."""

    message: str
    span: tuple[int, int]


Span = tuple[int, int]


@attrs.frozen
class _Hit:
    """What one match means: deadline parts (each with its span), a start, nothing, a `_Bad`.

    The parts' ``text`` is filled in when the whole text is cut into pieces.
    """

    span: Span
    parts: tuple[tuple[Deadline, Span], ...] = ()
    bad: _Bad | None = None
    start_only: bool = False


@attrs.frozen
class _Ctx:
    text: str  # NFC, as the variants keep it
    low: str  # lower case, whitespace → " ", same length as text
    year: int | None
    inclusive: bool

    def name(self, start: int, end: int) -> str:
        """A name inside the text (an event, who directs): line breaks joined, no stop."""
        return join_lines(self.text[start:end]).strip(" .,;:")


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_CAN = {name.lower(): i for i, name in enumerate(CAN)} | {"kỉ": 5}
_CHI = {name.lower(): i for i, name in enumerate(CHI)} | {"tí": 0, "mẹo": 3, "tị": 5}
_BEFORE = "trước"
_STARTS = {"từ", "kể từ", "bắt đầu từ", "sau"}


def _rel(match: re.Match[str]) -> str:
    word = match["rel"]
    return "" if word is None else " ".join(word.split())


def _year(ctx: _Ctx, match: re.Match[str], group: str = "year") -> int | _Bad:
    """The year a match names, else the ``year=`` context, else a `_Bad`."""
    if match[group] is not None:
        value = int(match[group])
        if value not in YEARS:
            return _Bad(f"year {value} is out of range", match.span(group))
        return value
    if ctx.year is not None:
        return ctx.year
    what = ctx.text[match.start() : match.end()].strip()
    return _Bad(f'no year in "{what}": write it ("…/2024") or pass year=', match.span())


# --- handlers: one per pattern; each says which wording it accepts ------------------------


def _as_directed(ctx: _Ctx, m: re.Match[str]) -> _Hit:
    """``Theo chỉ đạo|lộ trình|hướng dẫn|tiến độ … [của] <by>``, at a clause start."""
    by = TRAILING_VERB.sub("", ctx.name(*m.span("by")))
    return _Hit(m.span(), ((AsDirected(text="", by=by), m.span()),))


def _event(ctx: _Ctx, m: re.Match[str]) -> _Hit:
    """``trước|sau|đến khi|dịp|thời điểm <event>``: tied to an event, dated if known."""
    relation = {"trước": Relation.BEFORE, "sau": Relation.AFTER}.get(_rel(m), Relation.BY)
    event = ctx.name(*m.span("event"))
    key = fold(event)
    when = next((day for pattern, day in KNOWN_EVENTS if pattern.search(key)), None)
    part = RelativeToEvent(text="", event=event, relation=relation, event_date=when)
    return _Hit(m.span(), ((part, m.span()),))


def _tet(ctx: _Ctx, m: re.Match[str]) -> _Hit:
    """``[trước|sau|đến] [dịp] Tết [Nguyên đán] [<can> <chi>] [[năm] <year>]``.

    The year is the one written, else the one the can-chi names nearest to ``year=``,
    else ``year=``; a can-chi that does not name the written year is a `_Bad`.
    """
    relation = {"trước": Relation.BEFORE, "sau": Relation.AFTER}.get(_rel(m), Relation.BY)
    year: int | None = None if m["year"] is None else int(m["year"])
    if m["can"] is not None:
        stem, branch = _CAN[m["can"]], _CHI[m["chi"]]
        span = (m.start("can"), m.end("chi"))
        written = ctx.text[span[0] : span[1]]
        if stem % 2 != branch % 2:
            return _Hit(m.span(), bad=_Bad(f'"{written}" is not a year name', span))
        cycle = next(
            y for y in range(1984, 2044) if (y - 4) % 10 == stem and (y - 4) % 12 == branch
        )
        if year is not None and (year - cycle) % 60:
            message = f"{year} is {can_chi(year)}, not {written}"
            return _Hit(m.span(), bad=_Bad(message, (span[0], m.end("year"))))
        if year is None and ctx.year is not None:
            year = ctx.year + (cycle - ctx.year + 30) % 60 - 30  # nearest such year
    elif year is None:
        year = ctx.year
    event, event_date = ctx.name(*m.span("name")), None
    if year is not None:
        if year not in TET_YEARS:
            message = f"Tết is computed for {TET_YEARS.start}–{TET_YEARS.stop - 1}"
            return _Hit(m.span(), bad=_Bad(message, m.span()))
        event, event_date = f"Tết Nguyên đán {can_chi(year)} {year}", lunar_new_year(year)
    part = RelativeToEvent(text="", event=event, relation=relation, event_date=event_date)
    return _Hit(m.span(), ((part, m.span()),))


def _half(ctx: _Ctx, m: re.Match[str]) -> _Hit:
    """``[rel] 6 tháng|nửa đầu|cuối năm [<year>]``: the first or second half of a year."""
    number = 1 if m["which"] == "đầu" else 2
    return _periods(ctx, m, PeriodUnit.HALF, [(number, m.span())], _year(ctx, m))


def _quarter(ctx: _Ctx, m: re.Match[str]) -> _Hit:
    """``[rel] [đầu|cuối] Quý <I–IV|1–4>[, Quý <…>][/<year>| năm <year>]``."""
    items: list[tuple[int, tuple[int, int]]] = []
    for number in re.finditer(r"\b(?:[ivxlcdm]+|[0-9]+)\b", m["nums"]):
        span = (m.start("nums") + number.start(), m.start("nums") + number.end())
        digits = number[0].isdigit() and len(number[0]) < 10  # "Quý 0000…" is no quarter
        value = _ROMAN.get(number[0]) or (int(number[0]) if digits else 0)
        if not 1 <= value <= 4:
            return _Hit(m.span(), bad=_Bad('expected a quarter number (I–IV) after "Quý"', span))
        items.append((value, span))
    return _periods(ctx, m, PeriodUnit.QUARTER, items, _year(ctx, m))


def _month(ctx: _Ctx, m: re.Match[str]) -> _Hit:
    """``[rel] [đầu|giữa|cuối] tháng <1–12>[, tháng <…>][/<year>| năm <year>]``."""
    items: list[tuple[int, tuple[int, int]]] = []
    for number in re.finditer(r"[0-9]+", m["nums"]):
        span = (m.start("nums") + number.start(), m.start("nums") + number.end())
        if not 1 <= int(number[0]) <= 12:
            return _Hit(m.span(), bad=_Bad('expected a month (1–12) after "tháng"', span))
        items.append((int(number[0]), span))
    return _periods(ctx, m, PeriodUnit.MONTH, items, _year(ctx, m))


def _year_period(ctx: _Ctx, m: re.Match[str]) -> _Hit:
    """``[rel] năm <year>`` or ``[rel] đầu|giữa|cuối năm [<year>]``."""
    year = _year(ctx, m, "pyear" if m["pos"] is not None else "year")
    return _periods(ctx, m, PeriodUnit.YEAR, [(1, m.span())], year)


def _periods(
    ctx: _Ctx,
    m: re.Match[str],
    unit: PeriodUnit,
    items: list[tuple[int, tuple[int, int]]],
    year: int | _Bad,
) -> _Hit:
    """The parts of a list of periods of one *unit* sharing a relation, position and year.

    Civil Code 2015 art. 146(2)–(3): "đầu tháng" is the 1st, "giữa tháng" the 15th,
    "cuối tháng" the last day; "đầu năm" is 1/1, "giữa năm" 30/6, "cuối năm" 31/12. "đầu"
    and "cuối" of a quarter are read the same way (first and last day).
    """
    rel = _rel(m)
    if rel in _STARTS:
        return _Hit(m.span(), start_only=True)
    if isinstance(year, _Bad):
        return _Hit(m.span(), bad=year)
    pos = m.groupdict().get("pos")
    parts: list[tuple[Deadline, Span]] = []
    for index, (number, (item_start, item_end)) in enumerate(items):
        # The first item starts with the match (its relation word), the last one ends
        # with it (the shared year).
        span = (
            m.start() if index == 0 else item_start,
            m.end() if index == len(items) - 1 else item_end,
        )
        first, last = period_bounds(year, unit.value, number)
        part: Deadline
        if pos is None and rel != _BEFORE:
            part = WithinPeriod(text="", year=year, unit=unit, number=number)
        elif pos is None:  # "trước quý III/2025": before the period starts
            part = OnDate(text="", date=first, before=True)
        else:
            if pos == "giữa":
                day = date(year, 6, 30) if unit is PeriodUnit.YEAR else date(year, number, 15)
            else:
                day = first if pos == "đầu" else last
            before = rel == _BEFORE
            part = OnDate(text="", date=day, before=before, inclusive=before and ctx.inclusive)
        parts.append((part, span))
    return _Hit(m.span(), tuple(parts))


def _date(ctx: _Ctx, m: re.Match[str]) -> _Hit:
    """``[trước|đến|chậm nhất|từ …] [ngày] <d>/<m>[/<year>]`` or ``ngày <d> tháng <m> [năm <y>]``.

    A date without a relation word is a deadline unless it follows a document number
    (then it is that document's date); without a year it needs "ngày" or a relation.
    """
    rel = _rel(m)
    if rel in _STARTS:
        return _Hit(m.span(), start_only=True)
    if not rel and (
        DOCUMENT_BEFORE.search(ctx.low, 0, m.start()) or (m["year"] is None and m["ngay"] is None)
    ):
        return _Hit(m.span())
    year = _year(ctx, m)
    if isinstance(year, _Bad):
        return _Hit(m.span(), bad=year)
    day_span = (m.start("d"), m.end())
    try:
        day = date(year, int(m["m"]), int(m["d"]))
    except ValueError:
        return _Hit(m.span(), bad=_Bad("not a calendar date", day_span))
    before = rel == _BEFORE
    part = OnDate(text="", date=day, before=before, inclusive=before and ctx.inclusive)
    return _Hit(m.span(), ((part, m.span()),))


def _ongoing(ctx: _Ctx, m: re.Match[str]) -> _Hit:
    """``[duy trì] [thực hiện] thường xuyên|liên tục``: regular, continuing work."""
    return _Hit(m.span(), ((Ongoing(text=""), m.span()),))


_Handler = Callable[[_Ctx, re.Match[str]], _Hit]

# In order of precedence for matches that start at the same place and are as long.
_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (AS_DIRECTED, _as_directed),
    (TET, _tet),
    (EVENT, _event),
    (HALF, _half),
    (DATE_WORDS, _date),
    (DATE, _date),
    (QUARTER, _quarter),
    (MONTH, _month),
    (YEAR, _year_period),
    (ONGOING, _ongoing),
)


def _scan(ctx: _Ctx) -> list[_Hit]:
    """Every recognised expression, left to right, overlaps resolved (first, then longest)."""
    found: list[tuple[int, int, int, re.Match[str], _Handler]] = []
    for rank, (pattern, handler) in enumerate(_RULES):
        found.extend(
            (m.start(), -m.end(), rank, m, handler)
            for m in pattern.finditer(ctx.low)
            if m.end() > m.start()
        )
    found.sort(key=lambda item: item[:3])
    hits: list[_Hit] = []
    reached = 0
    for start, negative_end, _, match, handler in found:
        if start >= reached:
            hits.append(handler(ctx, match))
            reached = -negative_end
    return hits


def parse_deadline(
    text: str, *, year: int | None = None, inclusive: bool = False, strict: bool = False
) -> Deadline:
    """The `Deadline` a plan's wording means; the wording is kept (NFC) as ``.text``.

    Args:
        text: the wording, e.g. "Trong Quý I/2024", "Quý I, Quý II/2024", "Thường xuyên",
            "trước ngày 30/6/2024", "trước dịp Tết Nguyên đán Giáp thìn 2024 và duy trì
            thực hiện thường xuyên", "Theo chỉ đạo của Trung ương", "Sau khi …".
        year: the plan's year, for wording without one ("Quý I", "6 tháng đầu năm",
            "trước Tết"). Without it such wording is `Unparsed`.
        inclusive: read "trước ngày X" (a date, or a Civil Code day such as "cuối năm") as
            "by X"; the default reading is strict, the last day being X−1. "trước <period>"
            is always the day before the period starts.
        strict: raise `DeadlineSyntaxError`, with a caret under the span at fault, instead
            of returning `Unparsed` (or an `Unparsed` part): for wording with no deadline
            expression at all, a wrong number ("Quý V"), an impossible date, a missing
            year, or a can-chi that does not name the year written. Prose around the
            expressions ("Tập trung đẩy mạnh …") is not an error.

    >>> parse_deadline("Quý I, Quý II/2024").due_date()
    datetime.date(2024, 6, 30)
    >>> parse_deadline("trước dịp Tết Nguyên đán Giáp thìn 2024").due_date()
    datetime.date(2024, 2, 9)
    >>> parse_deadline("Quý I")
    Unparsed(text='Quý I')
    >>> parse_deadline("Quý I", year=2025).due_date()
    datetime.date(2025, 3, 31)
    """
    if year is not None and year not in YEARS:
        msg = f"year must be within {YEARS.start}–{YEARS.stop - 1}, got {year}"
        raise ModelValueError(msg)
    whole = nfc(text)
    if len(whole) > MAX_WORDING:
        if strict:
            msg = f"deadline wording longer than {MAX_WORDING:,} characters ({len(whole):,})"
            raise DeadlineSyntaxError(msg, whole, (MAX_WORDING, len(whole)))
        return Unparsed(text=whole)
    flat = "".join(" " if c.isspace() else c for c in whole)
    low = "".join(lower if len(lower := c.lower()) == 1 else c for c in flat)
    ctx = _Ctx(text=whole, low=low, year=year, inclusive=inclusive)
    hits = _scan(ctx)
    parts: list[tuple[Deadline, Span]] = []
    for hit in hits:
        if hit.bad is None:
            parts.extend(hit.parts)
        elif strict:
            raise DeadlineSyntaxError(hit.bad.message, whole, hit.bad.span)
        else:
            parts.append((Unparsed(text=""), hit.span))
    if not parts:
        if strict:
            starts = [hit.span for hit in hits if hit.start_only]
            if starts:
                raise DeadlineSyntaxError("a start ('từ …') is not a deadline", whole, starts[0])
            if not flat.strip():
                raise DeadlineSyntaxError("empty deadline wording", whole, (0, len(flat)))
            body = len(flat) - len(flat.lstrip()), len(flat.rstrip())
            raise DeadlineSyntaxError("no deadline wording recognised", whole, body)
        return Unparsed(text=whole)
    if len(parts) == 1:
        return attrs.evolve(parts[0][0], text=whole)
    pieces = _pieces(ctx, [span for _, span in parts])
    return Compound(
        text=whole,
        parts=tuple(
            attrs.evolve(part, text=piece) for (part, _), piece in zip(parts, pieces, strict=True)
        ),
    )


def _pieces(ctx: _Ctx, spans: list[Span]) -> list[str]:
    """The text cut into one piece per span, at the first clause break between spans.

    Between two parts the strongest break present wins: a full stop (kept with the
    piece before) or semicolon, then "và", then a comma; with none, the cut is where
    the next part starts.
    """
    pieces: list[str] = []
    start = 0
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        cut, resume = next_start, next_start
        for pattern in BREAKS:
            found = pattern.search(ctx.low, end, next_start)
            if found is not None:
                cut = found.end("keep") if found.groupdict().get("keep") else found.start()
                resume = found.end()
                break
        pieces.append(ctx.text[start:cut].strip())
        start = resume
    pieces.append(ctx.text[start:].strip())
    return pieces
