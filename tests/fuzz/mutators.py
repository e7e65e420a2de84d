"""Fuzz mutators: odd pieces of text and numbers, raw JSON fragments, good files mutated,
texts in other encodings, CSV tables of counts with damaged cells (#9).

The model strategies they start from live in ``tests/strategies.py``.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from datetime import date
from fractions import Fraction
from functools import cache
from typing import Any

import attrs
from fuzzing import Deep
from hypothesis import strategies as st

# --- fuzzing: odd inputs, and good files mutated (#9) -----------------------------------

# Pieces of text that break naive code: controls and NUL, a BOM, zero-width and bidi
# marks, line and paragraph separators, a combining mark alone and decomposed Vietnamese,
# lone surrogates, spreadsheet formula starts, paths, fullwidth and Arabic-Indic digits,
# numbers past every limit.
WEIRD_PIECES = (
    "",
    " ",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\ufeff",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2028",
    "\u2029",
    "\u00a0",
    "\u0301",
    "\u0303",
    unicodedata.normalize("NFD", "Thành phố Sơn La"),
    unicodedata.normalize("NFD", "Quý IV/2024"),
    "Tết Giáp Thìn",
    "İ",
    "ß",
    "ﬁ",
    "Ⅳ",
    "\U0001f600",
    "\ud800",
    "\udfff",
    "=1+1",
    "@SUM(A1)",
    "+1",
    "-1",
    '"',
    "'",
    "\\",
    "|",
    ",",
    ";",
    "/",
    "../../etc/passwd",
    "C:\\Windows\\win.ini",
    "２０２４",
    "٢٠٢٤",
    "9" * 25,
    "9" * 4400,
    "-0",
    "1e400",
    "NaN",
)
weird_texts = st.lists(
    st.one_of(st.sampled_from(WEIRD_PIECES), st.text(max_size=4)), max_size=5
).map("".join)
edge_ints = st.one_of(
    st.integers(),
    st.sampled_from(
        (0, -1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, -(2**63) - 1, 2**64, 10**30, -(10**30))
    ),
)
json_scalars = st.one_of(st.none(), st.booleans(), edge_ints, st.floats(), weird_texts)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(weird_texts, inner, max_size=4),
    max_leaves=12,
)


# Python values no JSON parser makes, for the functions that take parsed data: integers
# past what int() and repr() convert (4,300 digits), lists nested past repr's reach.
python_oddities = st.sampled_from(
    (
        (),
        ("a",),
        b"bytes",
        {"set"},
        date(2024, 1, 1),
        Fraction(1, 3),
        1.5,
        float("nan"),
        object(),
        10**5000,
        -(10**4400),
        Deep(3000),  # its repr says so: a plain repr would fail (fuzzing.Deep)
        "9" * 4000 + "." + "9" * 4000,
    )
)

# Fragments that only exist as JSON text: nesting past every depth limit, numbers past 64
# bits and past Python's 4,300 digits, non-standard constants, escaped lone surrogates.
RAW_JSON = (
    "[" * 100 + "]" * 100,
    "[" * 1023 + "]" * 1023,
    "[" * 1025 + "]" * 1025,
    "[" * 5000 + "]" * 5000,
    '{"a":' * 1100 + "1" + "}" * 1100,
    *(
        '{"kind":"compound","text":"x","parts":[' * n + '{"kind":"ongoing","text":"y"}' + "]}" * n
        for n in (50, 126, 400)
    ),
    "9" * 5000,
    "-" + "9" * 30,
    "18446744073709551616",
    "1e400",
    "-0",
    "1E2",
    "1.0",
    "NaN",
    "-Infinity",
    '"\\ud800"',
    '"a\\udc00b"',
    '"\\ud83d\\ude00"',
    '"\\u0000"',
    '"\\u0301"',
    '"x\\u0303\\n\\u0303"',
)
_RAW = "\x00RAW{}\x00"
_DUPLICATE = "\x00DUP{}\x00"
MUTATIONS = (
    "delete",
    "retype",
    "raw",
    "unknown key",
    "duplicate key",
    "duplicate item",
    "text",
    "number",
    "empty",
    "swap",
)


@cache
def _paths(document: bytes) -> tuple[tuple[object, ...], ...]:
    """Every path (keys and indexes) in the JSON *document*, the root first."""
    found: list[tuple[object, ...]] = []
    stack: list[tuple[tuple[object, ...], object]] = [((), json.loads(document))]
    while stack:
        path, node = stack.pop()
        found.append(path)
        if isinstance(node, dict):
            stack.extend(((*path, k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node))
    return tuple(found)


def _at(root: object, path: tuple[object, ...]) -> tuple[Any, Any] | None:
    """(parent, key) of *path* in *root*, or None if an earlier change removed it."""
    parent: Any = None
    node: Any = root
    key: Any = None
    for step in path:
        found = (isinstance(node, dict) and step in node) or (
            isinstance(node, list) and isinstance(step, int) and step < len(node)
        )
        if not found:
            return None
        parent, key, node = node, step, node[step]
    return parent, key


@st.composite
def mutated_json(draw: st.DrawFn, document: bytes) -> tuple[str, Any, bool, bool]:
    """JSON text made from *document* by 0–3 mutations; with the data, whether the text
    repeats a key, and whether raw fragments went in.

    The data is the mutated value before raw fragments (deep nesting, huge numbers, NaN,
    escaped surrogates) replace their placeholders in the text: without them, it is the
    text's value.
    """
    data: Any = {"root": json.loads(document)}
    raws: list[str] = []
    duplicates: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        path = ("root", *draw(st.sampled_from(_paths(document))))
        place = _at(data, path)
        if place is None:
            continue
        parent, key = place
        node = parent[key]
        kind = draw(st.sampled_from(MUTATIONS))
        if kind == "delete" and key != "root":
            del parent[key]
        elif kind == "retype":
            parent[key] = draw(json_values)
        elif kind == "raw":
            raws.append(draw(st.sampled_from(RAW_JSON)))
            parent[key] = _RAW.format(len(raws) - 1)
        elif kind == "unknown key" and isinstance(node, dict):
            node[draw(weird_texts)] = draw(json_values)
        elif kind == "duplicate key" and isinstance(node, dict) and node:
            duplicates.append(draw(st.sampled_from(sorted(node))))
            node[_DUPLICATE.format(len(duplicates) - 1)] = draw(json_values)
        elif kind == "duplicate item" and isinstance(node, list) and node:
            node.append(json.loads(json.dumps(draw(st.sampled_from(node)))))
        elif kind == "text" and isinstance(node, str):
            parent[key] = draw(
                st.sampled_from(
                    (
                        unicodedata.normalize("NFD", node),
                        node + draw(weird_texts),
                        draw(weird_texts) + node,
                        node[: draw(st.integers(0, len(node)))],
                    )
                )
            )
        elif kind == "number" and isinstance(node, int) and not isinstance(node, bool):
            parent[key] = draw(st.one_of(edge_ints, st.just(str(node)), st.just(float(node))))
        elif kind == "empty" and isinstance(node, list | dict):
            node.clear()
        elif kind == "swap" and isinstance(node, list) and len(node) > 1:
            i, j = draw(st.permutations(range(len(node))))[:2]
            node[i], node[j] = node[j], node[i]
    text = json.dumps(
        data["root"], ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from((None, 2)))
    )
    for i, raw in enumerate(raws):
        text = text.replace(json.dumps(_RAW.format(i)), raw)
    repeats = False  # a later mutation may have removed the object with the repeated key
    for i, key in enumerate(duplicates):
        placeholder = json.dumps(_DUPLICATE.format(i))
        repeats |= placeholder in text
        text = text.replace(placeholder, json.dumps(key))
    return text, data["root"], repeats, bool(raws)


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "latin-1")
"""How a text may reach us as bytes; the first three are the ones de_an06 reads."""
READABLE = ENCODINGS[:3]


@st.composite
def encoded(draw: st.DrawFn, text: str) -> tuple[bytes, str] | None:
    """*text* as bytes in some encoding, with the encoding; None if it cannot be encoded."""
    encoding = draw(st.sampled_from(ENCODINGS))
    try:
        return text.encode(encoding), encoding
    except UnicodeEncodeError:
        return None


# CSV files of counts and annex tables: headers from every spelling de_an06 reads, cells
# from good values of the observation plan's kind mixed with odd ones.
_CSV_HEADERS = {
    "indicator": ("indicator", "Chỉ tiêu", "MÃ CHỈ TIÊU"),
    "unit": ("unit", "Đơn vị báo cáo", unicodedata.normalize("NFD", "Đơn vị")),
    "period": ("period", "Kỳ báo cáo"),
    "numerator": ("numerator", "Trực tuyến", "Tử số"),
    "denominator": ("denominator", "Tổng số hồ sơ tiếp nhận", "Mẫu số"),
    "service": ("service", "STT"),
    "service_name": ("Tên thủ tục hành chính",),
    "connected": ("connected", "Kết nối với cổng dịch vụ công quốc gia (tích x)"),
    "ignored": ("Tỉ lệ", "GHI CHÚ"),
}
_COUNTS = st.one_of(
    st.integers(0, 10**6).map(str),
    edge_ints.map(str),
    st.sampled_from(("", " 7 ", "1.5", "-3", "1,000", "1.000", "12abc", "١٢", "０", "x")),
    st.sampled_from(("0" * 30 + "7", "9" * 20, "9" * 4400)),
)


def csv_cells(
    indicators: list[str], units: list[str], services: list[str]
) -> dict[str, tuple[Any, Any]]:
    """(good, any) cell strategies per column, from a plan's indicator IDs, unit names
    and services (each good value alone must be read)."""
    periods = st.sampled_from(("202401", "202406", "2024Q2", "2024S1", "2024"))
    good = {
        "indicator": st.sampled_from(indicators),
        "unit": st.sampled_from(units),
        "period": periods,
        "numerator": st.integers(0, 10**6).map(str),
        "denominator": st.integers(0, 10**6).map(str),
        "service": st.sampled_from(services),
        "service_name": st.just(""),
        "connected": st.sampled_from(("x", "", "có", "không", "yes", "0")),
        "ignored": weird_texts,
    }
    odd = {
        "numerator": _COUNTS,
        "denominator": _COUNTS,
        "period": st.one_of(periods, st.just("")),
    }
    return {c: (g, st.one_of(g, odd.get(c, weird_texts))) for c, g in good.items()}


@attrs.frozen
class CsvCase:
    """A generated CSV file: its text, header, rows by column and whether it was damaged."""

    text: str
    header: dict[str, str]  # column → the header written for it
    rows: list[dict[str, str]]
    damaged: bool  # cut, or given a stray quote, NUL, CR or an over-long field after writing


@st.composite
def csv_tables(
    draw: st.DrawFn,
    cells: dict[str, tuple[Any, Any]],
    columns: tuple[str, ...],
    required: tuple[str, ...],
) -> CsvCase:
    """CSV text with a header naming *columns*, rows of *cells*: half the time a clean
    file (the *required* columns, good cells, numerators within their denominators),
    else any columns (and odd ones), any cells, sometimes damaged after writing."""
    clean = draw(st.booleans())
    if clean:
        chosen = [*required, *draw(st.sets(st.sampled_from(columns)))]
        chosen = [*dict.fromkeys(chosen)]
        row = st.fixed_dictionaries({c: cells[c][0] for c in chosen}).map(within_share)
    else:
        chosen = draw(
            st.lists(st.sampled_from(columns), min_size=1, max_size=len(columns) + 1).map(
                lambda c: [*dict.fromkeys(c)]
            )
        )
        row = st.fixed_dictionaries({c: cells[c][1] for c in chosen})
    header = {c: draw(st.sampled_from(_CSV_HEADERS[c])) for c in chosen}
    names = list(header.values())
    if not clean and draw(st.integers(0, 9)) == 0:
        names.append(draw(weird_texts))  # an unknown column
    rows = draw(st.lists(row, max_size=12))
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        quoting=draw(st.sampled_from((csv.QUOTE_MINIMAL, csv.QUOTE_ALL))),
        lineterminator=draw(st.sampled_from(("\r\n", "\n", "\r"))),
    )
    writer.writerow(names)
    for values in rows:
        writer.writerow([values[c] for c in chosen])
    text = buffer.getvalue()
    damaged = not clean and draw(st.integers(0, 9)) == 0
    if damaged:
        cut = draw(st.integers(0, len(text)))
        junk = draw(st.sampled_from(('"', "\x00", "\r", "x" * 140_000, "")))
        text = text[:cut] + junk + text[cut:]
    return CsvCase(text=text, header=header, rows=rows, damaged=damaged)


def within_share(row: dict[str, str]) -> dict[str, str]:
    """*row* with its numerator at most its denominator (a share cannot pass 100%)."""
    if "numerator" in row and "denominator" in row:
        low, high = sorted((int(row["numerator"]), int(row["denominator"])))
        return {**row, "numerator": str(low), "denominator": str(high)}
    return row


__all__ = [
    "ENCODINGS",
    "MUTATIONS",
    "RAW_JSON",
    "READABLE",
    "WEIRD_PIECES",
    "CsvCase",
    "csv_cells",
    "csv_tables",
    "edge_ints",
    "encoded",
    "json_values",
    "mutated_json",
    "python_oddities",
    "weird_texts",
    "within_share",
]
