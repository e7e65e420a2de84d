"""References: dates and citations, things counted but never listed, restated objectives."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from .._text import fold, join_lines
from .context import Context
from .findings import Finding, Where, make
from .words import COUNTED_NOUNS

__all__ = ["reference_findings"]

# A document cited with its date: "Nghị định số 45/2020/NĐ-CP ngày 08/4/2020",
# "Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022".
_CITATION = re.compile(
    r"(?P<number>\d+/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ0-9&]*(?:\s*-\s*[A-ZĐ][A-Za-zĐđ0-9&]*)*)"
    r"[,\s]*ngày\s+"
    r"(?P<day>\d{1,2})(?:/|\s+tháng\s+)(?P<month>\d{1,2})(?:/|\s+năm\s+)(?P<year>\d{4})"
)
_DOC_YEAR = re.compile(r"^\d+/(\d{4})/")
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_COUNT = re.compile(
    r"(?<![\w/])(?P<n>\d{1,3})\s+(?P<noun>" + "|".join(map(re.escape, COUNTED_NOUNS)) + r")\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_DENOMINATOR = re.compile(r"\b(?:trên|trong)\s+tổng\s+số\s+(?P<what>[^.;,()]+)", re.IGNORECASE)
_LOCALITY = re.compile(
    r"\briêng\s+(?:địa bàn\s+)?(?P<where>.+?)\s+(?:đạt|trên|duy trì|tối)\b", re.IGNORECASE
)


def reference_findings(ctx: Context) -> Iterator[Finding]:
    """Impossible or contradicting dates, undefined counts, objectives restated otherwise."""
    yield from _citations(ctx)
    yield from _counts(ctx)
    yield from _restated(ctx)


def _citations(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    cited: dict[str, list[tuple[date, Where, str, str]]] = defaultdict(list)
    for where, path, raw in ctx.texts:
        text = join_lines(raw)
        for day, month, year in _DATE.findall(text):
            found = _date_or_none(int(year), int(month), int(day))
            if found is None or not 1945 <= found.year <= plan.year + 10:
                yield make("impossible_date", where, path, f"{day}/{month}/{year}")
        for match in _CITATION.finditer(text):
            found = _date_or_none(int(match["year"]), int(match["month"]), int(match["day"]))
            if found is None:
                continue  # reported above when written with slashes
            number = re.sub(r"\s*-\s*", "-", match["number"])
            cited[number].append((found, where, path, match[0]))
            doc_year = _DOC_YEAR.match(number)
            if doc_year and int(doc_year[1]) != found.year:
                yield make("citation_year", where, path, match[0], number=number)
            if found > plan.decision.date and found.year <= plan.year + 10:
                decided = f"{plan.decision.date:%d/%m/%Y}"
                yield make(
                    "citation_after_decision", where, path, match[0], number=number, decided=decided
                )
    for number, uses in cited.items():
        first_date, first_where = uses[0][0], uses[0][1]
        for found, where, path, quote in uses[1:]:
            if found != first_date:
                yield make(
                    "contradicting_dates",
                    where,
                    path,
                    quote,
                    number=number,
                    here=f"{found:%d/%m/%Y}",
                    there=f"{first_date:%d/%m/%Y}",
                    where_vi=first_where.text("vi"),
                    where_en=first_where.text("en"),
                )


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _counts(ctx: Context) -> Iterator[Finding]:
    """ "02 Dự án" with no list of the two anywhere in the plan."""
    texts = [(where, path, join_lines(raw)) for where, path, raw in ctx.texts]
    known = _known_counts(ctx)
    listed: set[tuple[int, str]] = set()
    pending: list[tuple[int, str, Where, str, str]] = []
    for where, path, text in texts:
        for match in _COUNT.finditer(text):
            key = (int(match["n"]), fold(match["noun"]))
            if key in known or _attributed(text, match) or _share(text, match, key, known):
                continue
            if _listed(text[match.end() :], key[0]):
                listed.add(key)
            else:
                pending.append((*key, where, path, match[0]))
    reported: set[tuple[int, str]] = set()
    for n, noun, where, path, phrase in pending:
        if (n, noun) in listed or (n, noun) in reported:
            continue
        reported.add((n, noun))
        yield make("undefined_count", where, path, phrase, phrase=phrase)


def _known_counts(ctx: Context) -> set[tuple[int, str]]:
    """Counts the plan's structure defines: its pilot models, its annex's services."""
    known: set[tuple[int, str]] = set()
    if ctx.plan.pilot_models is not None:
        known.add((ctx.plan.pilot_models.total, fold("mô hình")))
    if ctx.plan.annex is not None:
        leaves = sum(
            len(s.items) or 1 for section in ctx.plan.annex.sections for s in section.services
        )
        known |= {(leaves, fold("dịch vụ công")), (leaves, fold("dịch vụ"))}
    return known


def _attributed(text: str, match: re.Match[str]) -> bool:
    """Counts of another body's things: "(44 mô hình)" after "của Chính phủ", "… của Bộ"."""
    after = text[match.end() : match.end() + 40]
    before = text[max(0, match.start() - 80) : match.start()]
    return bool(
        re.match(r"\s*(?:[\w\s]{0,25}?)của\s+[A-ZĐ]", after)
        or (before.rstrip().endswith("(") and re.search(r"của\s+[A-ZĐ]", before))
        or re.search(r"\b(?:theo|gợi ý)\b[^.;]*$", before)
    )


def _share(
    text: str, match: re.Match[str], key: tuple[int, str], known: set[tuple[int, str]]
) -> bool:
    """ "(12 mô hình)" after a body's name: its share of a total the plan defines."""
    totals = [total for total, noun in known if noun == key[1]]
    return text[: match.start()].rstrip().endswith("(") and any(key[0] < t for t in totals)


def _listed(after: str, n: int) -> bool:
    """Whether the words after a count list *n* things: "… “đúng, đủ, sạch, sống”"."""
    clause = re.sub(r"\([^()]*\)", "", after[:250])
    clause = re.split(r"\.(?:\s|$)", clause, maxsplit=1)[0]
    listing = re.search(r"[:“\"]\s*(?P<items>[^)”\"]+)", clause)
    if listing is None:
        listing = re.search(r"\bvề\s+(?P<items>[^;)]+)", clause)
    if listing is None:
        return False
    parts = listing["items"]
    separator = r";" if ";" in parts else r",|\bvà\b"
    items = [i for i in re.split(separator, parts) if i.strip()]
    return len(items) == n


def _restated(ctx: Context) -> Iterator[Finding]:
    """A task restating an objective's target over another denominator or place name."""
    for indicator in ctx.plan.indicators:
        goal = join_lines(indicator.text)
        targets = set(_PERCENT.findall(goal))
        if not targets:
            continue
        words = set(fold(goal).split())
        for task in ctx.plan.tasks:
            text = join_lines(task.text)
            if not targets <= set(_PERCENT.findall(text)):
                continue
            if len(words & set(fold(text).split())) < 0.6 * len(words):
                continue
            where, path = Where("task", task.code), f"{ctx.task_path(task)}.text"
            for pattern, code in (
                (_DENOMINATOR, "restated_denominator"),
                (_LOCALITY, "restated_locality"),
            ):
                there, here = pattern.search(goal), pattern.search(text)
                if there and here and fold(there[1]).strip() != fold(here[1]).strip():
                    yield make(
                        code,
                        where,
                        path,
                        here[0].strip(),
                        indicator=indicator.id,
                        here=here[1].strip(),
                        there=there[1].strip(),
                    )
