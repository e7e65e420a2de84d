"""Section II of a plan text (mục tiêu): objectives, their indicators and targets.

Private to the importer. Each numbered objective ("5. Duy trì …") becomes an `Objective`
``II.5``; its indicators follow the plan's numbering (decisions.md):

* items "(1)" … "(9)" give ``II.1.1`` … ``II.1.9``; bullets "-" and letters "a)" give
  ``II.6.a``, ``II.6.b`` …;
* an objective without items whose ";"-clauses state two or more numbers gives one
  indicator per clause (``II.5.a``, ``II.5.b``); otherwise one indicator ``II.2``.

Targets (decisions.md): a bare "50%" is ``>=``, "trên" ``>``, "tối thiểu"/"ít nhất"
``>=``, "duy trì" ``maintain`` (with the baseline when the text says "đã đạt được là
100%"); "12/12 huyện, thành phố" is a count. "Riêng thành phố Sơn La đạt trên 80%"
overrides the default for a locality; "90% … cấp tỉnh; 80% … cấp huyện" are per-level
targets and "… trung tâm thành phố, thị trấn và 50% … vùng sâu vùng xa" per-segment ones,
with no default. What is not understood stays in the text and is warned about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction
from typing import Final

import attrs

from .._text import join_lines
from ..agency import Level
from ..indicator import (
    Comparator,
    Indicator,
    Objective,
    Scope,
    ScopeKind,
    Target,
    TargetOverride,
    Unit,
)
from .draft import Draft
from .lines import Kind, Line, Para, assemble, marker_of
from .mentions import depth_split

__all__ = ["read_objectives"]

# Letters for indicators the plan does not letter itself (bullets, clauses): ASCII, so
# that IDs stay plain ("II.6.e"); items the plan letters ("đ)") keep their letter.
_ABC: Final = "abcdefghijklmnopqrstuvwxyz"
_ITEMS: Final = frozenset({Kind.PAREN, Kind.RPAREN, Kind.LETTER, Kind.BULLET})
# Numbers of at most 18 digits: a count must fit the 64-bit integers of the plan format.
_PERCENT = re.compile(r"(?<!\d)(?P<v>\d{1,18}(?:[.,]\d{1,18})?)\s*%")
_COUNT = re.compile(r"(?<![\d/])(?P<n>\d{1,18})/(?P<d>\d{1,18})(?![\d/])\s+(?P<what>[^\d.;]+)")
_QUALIFIERS: Final = (
    (r"không vượt quá", Comparator.LE),
    (r"không thấp hơn", Comparator.GE),
    (r"không dưới", Comparator.GE),
    (r"tối thiểu", Comparator.GE),
    (r"ít nhất", Comparator.GE),
    (r"không quá", Comparator.LE),
    (r"tối đa", Comparator.LE),
    (r"trên", Comparator.GT),
    (r"hơn", Comparator.GT),
    (r"dưới", Comparator.LT),
)
_QUALIFIER = re.compile(r"(?P<q>" + "|".join(q for q, _ in _QUALIFIERS) + r")\s*$", re.IGNORECASE)
_LEVEL = re.compile(
    r"\bcấp\s+(?P<l>" + "|".join(level.word for level in Level if level.word) + r")\b",
    re.IGNORECASE,
)


def _level_key(word: str) -> str:
    """The scope key of a level word the pattern above found ("huyện" → "district")."""
    level = Level.from_word(word)
    assert level is not None  # the pattern lists only level words
    return level.value


_SEGMENTS: Final = (
    (
        "urban-centre",
        r"trung tâm thành phố,?\s*(?:và\s+)?thị trấn|trung tâm (?:thành phố|"
        r"thị xã|thị trấn|huyện)|khu vực thành thị",
    ),
    ("remote", r"vùng sâu,?\s*vùng xa|vùng đặc biệt khó khăn|vùng khó khăn"),
)
_SEGMENT_PREFIX = r"(?:(?:trên|ở|tại)\s+(?:các\s+)?(?:địa bàn|khu vực)\s+)?"
_RIENG = re.compile(r"\briêng\s+", re.IGNORECASE)


@attrs.define
class _Item:
    kind: Kind
    number: str
    lines: list[Line]

    @property
    def text(self) -> str:
        text = join_lines(" ".join(line.text for line in self.lines))
        marker = marker_of(text) if self.kind is not Kind.PLAIN else None
        return join_lines(marker.rest) if marker is not None else text


def read_objectives(lines: Sequence[Line], section: str, draft: Draft) -> None:
    """Objectives of section *section* ("II"), appended to the draft."""
    objectives: list[tuple[_Item, list[_Item]]] = []
    paras = assemble(lines, kinds=frozenset({Kind.NUMBERED, Kind.DOTTED}) | _ITEMS)
    top = _top_level(paras)
    for para in paras:
        marker = marker_of(para.text) if para.kind is not Kind.PLAIN else None
        item = _Item(para.kind, marker.number if marker is not None else "", list(para.lines))
        if item.kind is not Kind.PLAIN and (item.kind, _bullet(item)) == top:
            if item.kind is Kind.BULLET:
                item.number = str(len(objectives) + 1)
            objectives.append((item, []))
        elif item.kind is Kind.DOTTED and objectives:
            item.number = item.number.rsplit(".", 1)[-1]  # "1.2." under objective 1: II.1.2
            objectives[-1][1].append(item)
        elif not objectives:
            draft.sink.warn(para.lines, "text before the first objective not kept")
        elif item.kind in _ITEMS:
            objectives[-1][1].append(item)
        elif objectives[-1][1]:
            objectives[-1][1][-1].lines += para.lines  # a hard break inside an item
        else:
            objectives[-1][0].lines += para.lines
    seen: set[str] = set()
    for head, items in objectives:
        oid = f"{section}.{head.number}"
        if oid in seen:
            oid = f"{section}.{len(draft.objectives) + 1}"
            draft.sink.warn(head.lines, f"objective number repeated; read as {oid}", "guessed")
        seen.add(oid)
        draft.objectives.append(_objective(oid, head, items, draft))


def _bullet(item: _Item) -> str:
    return item.lines[0].text[:1] if item.kind is Kind.BULLET else ""


def _top_level(paras: Sequence[Para]) -> tuple[Kind, str]:
    """What starts an objective: "1." — else, in a section numbered otherwise, the
    first marker it uses ("1.1.", "a)", "- Năm 2022:"), the others being its items."""
    marked = [p for p in paras if p.kind is not Kind.PLAIN]
    if not marked or any(p.kind is Kind.NUMBERED for p in marked):
        return Kind.NUMBERED, ""
    first = marked[0]
    return first.kind, first.lines[0].text[:1] if first.kind is Kind.BULLET else ""


def _objective(oid: str, head: _Item, items: list[_Item], draft: Draft) -> Objective:
    index = len(draft.objectives)
    path = f"$.objectives[{index}]"
    indicators: list[Indicator] = []
    if items:
        draft.sink.place(head.lines, f"{path}.text")
        bullets = 0
        for item in items:
            if item.kind in (Kind.PAREN, Kind.RPAREN, Kind.LETTER, Kind.DOTTED):
                iid = f"{oid}.{item.number}"
            else:
                iid = f"{oid}.{_ABC[bullets % len(_ABC)]}"
                bullets += 1
            if any(i.id == iid for i in indicators):
                iid = f"{oid}.{len(indicators) + 1}"
                draft.sink.warn(item.lines, f"indicator number repeated; read as {iid}", "guessed")
            draft.sink.place(item.lines, f"{path}.indicators[{len(indicators)}]")
            indicators.append(indicator(iid, item.text, item.lines, draft))
        return Objective(id=oid, text=head.text, indicators=tuple(indicators))
    text = head.text
    draft.sink.place(head.lines, path)
    clauses: list[str] = []
    for clause in (c.strip() for c in depth_split(text, ";")):
        if clauses and _RIENG.match(clause):
            clauses[-1] = f"{clauses[-1]}; {clause}"  # "…; riêng thành phố … 85%" overrides
        else:
            clauses.append(clause)
    numbered = [c for c in clauses if _PERCENT.search(c) or _COUNT.search(c)]
    if len(numbered) >= 2:
        for j, clause in enumerate(c for c in clauses if c):
            indicators.append(indicator(f"{oid}.{_ABC[j % len(_ABC)]}", clause, head.lines, draft))
    else:
        indicators.append(indicator(oid, text, head.lines, draft))
    return Objective(id=oid, text=text, indicators=tuple(indicators))


def indicator(iid: str, text: str, lines: Sequence[Line], draft: Draft) -> Indicator:
    """One indicator from its wording: targets read as the module docstring says."""
    percents = list(_PERCENT.finditer(text))
    if not percents:
        count = _COUNT.search(text)
        if count is None:
            return Indicator(id=iid, text=text, qualitative=True)
        what = count["what"].strip().rstrip(",").strip()
        target = Target(
            comparator=Comparator.GE,
            value=Fraction(int(count["n"])),
            text=f"{count['n']}/{count['d']} {what}",
        )
        return Indicator(id=iid, text=text, unit=Unit.COUNT, target=target)
    targets = []
    previous = 0
    for match in percents:
        targets.append(_target(text, match, previous))
        previous = match.end()
    windows = [
        text[m.end() : percents[k + 1].start() if k + 1 < len(percents) else len(text)]
        for k, m in enumerate(percents)
    ]
    if len(percents) >= 2:
        levels = [_LEVEL.search(w) for w in windows]
        if all(levels):
            overrides = tuple(
                TargetOverride(
                    scope=Scope(kind=ScopeKind.LEVEL, key=_level_key(m["l"]), text=m[0]),
                    target=t,
                )
                for m, (t, _, _) in zip(levels, targets, strict=True)
                if m is not None
            )
            return Indicator(id=iid, text=text, overrides=overrides)
        segments = [_segment(w) for w in windows]
        if all(segments):
            overrides = tuple(
                TargetOverride(scope=Scope(kind=ScopeKind.SEGMENT, key=s[0], text=s[1]), target=t)
                for s, (t, _, _) in zip(segments, targets, strict=True)
                if s is not None
            )
            return Indicator(id=iid, text=text, overrides=overrides)
    default, _, baseline = targets[0]
    rieng = _RIENG.search(text, percents[0].end())
    overrides_list: list[TargetOverride] = []
    for k in range(1, len(percents)):
        target, start, base = targets[k]
        if rieng is None or percents[k].start() < rieng.start():
            draft.sink.warn(
                lines,
                f"indicator {iid}: target {target.text!r} not understood (kept in the text)",
                "skipped",
            )
            continue
        begin = rieng.end() if percents[k - 1].end() <= rieng.start() else percents[k - 1].end()
        scope_text = re.sub(r"^[\s,;.]*(?:và\s+)?", "", text[begin:start])
        scope_text = re.sub(r"\s*(?:đạt|là)?\s*$", "", scope_text)
        key = draft.book.locality(scope_text)
        if key is None:
            draft.sink.warn(
                lines,
                f"indicator {iid}: scope {scope_text!r} is not a locality I "
                "know; its target is kept in the text only",
                "skipped",
            )
            continue
        scope = Scope(kind=ScopeKind.LOCALITY, key=key, text=scope_text)
        overrides_list.append(TargetOverride(scope=scope, target=target, baseline=base))
    return Indicator(
        id=iid, text=text, target=default, overrides=tuple(overrides_list), baseline=baseline
    )


def _target(text: str, match: re.Match[str], since: int) -> tuple[Target, int, Fraction | None]:
    """The target a percentage states, where its wording starts, and a stated baseline."""
    value = Fraction(match["v"].replace(",", "."))
    before = text[since : match.start()]
    qualifier = _QUALIFIER.search(before)
    if qualifier is not None:
        comparator = next(c for q, c in _QUALIFIERS if q == qualifier["q"].lower())
        start = since + qualifier.start()
        return (
            Target(comparator=comparator, value=value, text=text[start : match.end()]),
            start,
            None,
        )
    maintain = re.search(r"duy trì", before, re.IGNORECASE)
    if maintain is not None:
        start = since + maintain.start()
        baseline = value if re.search(r"đã đạt", before, re.IGNORECASE) else None
        target = Target(comparator=Comparator.MAINTAIN, value=value, text=text[start : match.end()])
        return target, start, baseline
    return Target(comparator=Comparator.GE, value=value, text=match[0]), match.start(), None


def _segment(window: str) -> tuple[str, str] | None:
    for key, pattern in _SEGMENTS:
        found = re.search(_SEGMENT_PREFIX + f"(?:{pattern})", window, re.IGNORECASE)
        if found:
            return key, found[0]
    return None
