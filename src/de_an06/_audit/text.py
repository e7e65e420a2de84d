"""Text slips: doubled words, names cut short or written two ways, symbols, misspellings."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache

from .._text import join_lines
from .context import Context, Text
from .findings import Finding, Where, make
from .words import (
    ALLOWED_REPEATS,
    KNOWN_NAMES,
    MISSPELLINGS,
    SPELLING_VARIANTS,
    SYMBOL,
    SYMBOL_PARTS,
)

__all__ = ["text_findings"]

_WORD = re.compile(r"\w+")
_DASH = r"\s*[-–—]\s*"
# A stretch of words with no punctuation between them: doubled words never cross a comma.
_RUN = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")


def text_findings(ctx: Context) -> Iterator[Finding]:
    """Every text slip of the plan's free texts."""
    texts = [(where, path, join_lines(raw)) for where, path, raw in ctx.texts]
    for where, path, text in texts:
        doubled = list(_doubled(text, where, path))
        misspelt = list(_misspellings(text, where, path))
        # One slip, one finding: "Hệ thông thông tin" is misspelt, not doubled; "kế nối
        # kết nối" is a phrase typed twice, not only misspelt.
        yield from (d for d in doubled if not any(d.value in _written(m) for m in misspelt))
        yield from (m for m in misspelt if not any(_written(m) in d.value for d in doubled))
        yield from _cut_names(text, where, path)
        yield from _symbols(text, where, path)
    yield from _two_ways(texts, _names(ctx))


def _written(finding: Finding) -> str:
    return finding.message.split("“", 1)[1].split("”", 1)[0]


def _doubled(text: str, where: Where, path: str) -> Iterator[Finding]:
    for run in _RUN.finditer(text):
        words = run[0].split()
        i = 0
        while i < len(words):
            found = _double_at(words, i)
            if found:
                quote = " ".join(words[i : i + 2 * found])
                yield make("doubled_word", where, path, quote, words=quote)
                i += 2 * found
            else:
                i += 1


def _double_at(words: list[str], i: int) -> int:
    """The length (1 to 3) of a phrase repeated at *i*, or 0; a near-double counts.

    "kế nối kết nối": two words whose second word repeats and whose first differs by
    one letter is a phrase typed twice.
    """
    for size in (3, 2, 1):
        first, second = words[i : i + size], words[i + size : i + 2 * size]
        if len(second) < size:
            continue
        a, b = [w.casefold() for w in first], [w.casefold() for w in second]
        if a == b and not (size == 1 and a[0] in ALLOWED_REPEATS):
            return size
        if size == 2 and a[1] == b[1] and a[0] != b[0] and _one_letter(a[0], b[0]):
            return size
    return 0


def _one_letter(a: str, b: str) -> bool:
    if min(len(a), len(b)) < 2 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


@cache
def _name_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    body = _DASH.join(r"\s+".join(map(re.escape, w.split())) for w in " ".join(words).split(" - "))
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _cut_names(text: str, where: Where, path: str) -> Iterator[Finding]:
    cuts: dict[tuple[int, int], tuple[re.Match[str], list[str]]] = {}
    for name in KNOWN_NAMES:
        words = tuple(name.split())
        for keep in range(len(words) - 1, max(2, len(words) - 3), -1):
            prefix = words[:keep]
            for match in _name_pattern(prefix).finditer(text):
                after = text[match.end() :]
                following = _WORD.match(after.lstrip(" -–"))
                nxt = following[0].casefold() if following else ""
                if not _continues(prefix, nxt):
                    cuts.setdefault(match.span(), (match, []))[1].append(name)
    for _, (match, names) in sorted(cuts.items()):
        shown = "” / “".join(names)
        yield make("cut_name", where, path, _quote(text, match), written=match[0], name=shown)


def _continues(prefix: tuple[str, ...], nxt: str) -> bool:
    """Whether a known name goes on from *prefix* with the word *nxt*."""
    size = len(prefix)
    folded = tuple(w.casefold() for w in prefix)
    for name in KNOWN_NAMES:
        words = [w.casefold() for w in name.split()]
        if len(words) > size and tuple(words[:size]) == folded and words[size] == nxt:
            return True
        if tuple(words) == folded:
            return True
    return False


def _quote(text: str, match: re.Match[str], around: int = 25) -> str:
    start, end = max(0, match.start() - around), min(len(text), match.end() + around)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _symbols(text: str, where: Where, path: str) -> Iterator[Finding]:
    caps = sum(c.isupper() for c in text) > 0.6 * sum(c.isalpha() for c in text)
    for match in SYMBOL.finditer(text):
        parts = re.split(_DASH, match["rest"])
        right_parts = [SYMBOL_PARTS.get(p.casefold(), p) for p in parts]
        head = f"{match['number']}/" + (f"{match['year']}/" if match["year"] else "")
        right = head + "-".join(right_parts)
        if match[0] == right:
            continue
        spaced = head + "-".join(parts) != match[0]
        code = "symbol_form_caps" if caps and not spaced else "symbol_form"
        yield make(code, where, path, match[0], written=match[0], right=right)


@cache
def _misspelling_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    patterns = []
    for written, right in MISSPELLINGS.items():
        first = written[0]
        body = "".join(re.escape(c) if c != " " else r"\s+" for c in written[1:])
        pattern = rf"(?<!\w)[{re.escape(first)}{re.escape(first.upper())}]{body}(?!\w)"
        patterns.append((re.compile(pattern), right))
    return tuple(patterns)


def _misspellings(text: str, where: Where, path: str) -> Iterator[Finding]:
    for pattern, right in _misspelling_patterns():
        for match in pattern.finditer(text):
            yield make(
                "misspelling", where, path, _quote(text, match), written=match[0], right=right
            )


def _names(ctx: Context) -> tuple[tuple[str, ...], ...]:
    """Names to compare, longest first (a short name inside a long one is reported once)."""
    names = {n for item in ctx.items.values() for n in item.names if len(n.split()) >= 2}
    groups = [(n,) for n in sorted(names | set(KNOWN_NAMES), key=lambda n: (-len(n), n))]
    return (*groups, *SPELLING_VARIANTS)


def _two_ways(texts: Iterable[Text], groups: Iterable[tuple[str, ...]]) -> Iterator[Finding]:
    texts = list(texts)
    # Only texts holding each word of a name (any case) can match it: texts are looked up
    # by word, not every text scanned per name (groups × texts regex scans, #18).
    holders: dict[str, list[int]] = defaultdict(list)
    for index, (_, _, text) in enumerate(texts):
        for word in {w.casefold() for w in _WORD.findall(text)}:
            holders[word].append(index)
    everything = range(len(texts))
    reported: list[str] = []
    for group in groups:
        forms: dict[str, list[tuple[Where, str]]] = defaultdict(list)
        candidates: set[int] = set()
        for name in group:
            words = [w.casefold() for w in _WORD.findall(name)]
            rarest = min((holders[w] for w in words), key=len) if words else None
            candidates.update(everything if rarest is None else rarest)
        for index in sorted(candidates):
            where, path, text = texts[index]
            for name in group:
                for match in _name_pattern(tuple(name.split())).finditer(text):
                    written = " ".join(match[0].split())
                    forms[_form(written)].append((where, path))
        if len(forms) < 2 or all(any(f in r for r in reported) for f in forms):
            continue
        reported += forms
        shown = "; ".join(f"“{form}” ({len(uses)}×)" for form, uses in forms.items())
        where, path = min(forms.items(), key=lambda kv: len(kv[1]))[1][0]
        yield make("name_two_ways", where, path, shown, forms=shown)


def _form(written: str) -> str:
    """*written* with its first letter's case set aside (a sentence may capitalise it)."""
    return written[:1].upper() + written[1:]
