"""Fuzz generators that go outside our own strategies (#13): the edges a user can type.

``tests/strategies.py`` makes valid models and ``mutators.py`` damages good files at
random; these aim at one field kind at a time, everywhere it occurs:

* dates at and just past the calendar's edges (0001-01-01, 1899-12-31, 3000-01-01,
  9999-12-31, and the accepted range's own ends) in every date field, every year field,
  every deadline (as an ``on_date`` deadline), option values and CSV period cells;
* huge and negative integers (10**30, -1, 2**63) in every integer field;
* deep nesting in every container field (as raw JSON text, past any recursion limit);
* lone surrogates and control characters (NUL, CR, VT, FF, U+2028, BOM, ZWSP) in every
  string field;
* records with mixed key types, CSV and data frames with a repeated column, rows wider
  than their header, and odd files (0 bytes, only a BOM, UTF-16, a folder, a FIFO).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from fuzzing import Deep
from hypothesis import strategies as st

from mutators import _at, _paths

__all__ = [
    "CONTROLS",
    "EDGE_DATES",
    "EDGE_DAY_TEXTS",
    "EDGE_PERIODS",
    "EDGE_YEARS",
    "HUGE_INTS",
    "ODD_FILES",
    "deep_json",
    "edged_csv",
    "edged_plan",
    "edged_strings",
    "fed",
    "make_odd_file",
    "mixed_key_records",
]

EDGE_DATES = (
    date(1, 1, 1),
    date(9999, 12, 31),
    date(1899, 12, 31),
    date(3000, 1, 1),
    date(1900, 1, 1),  # the accepted range's own ends (`_dates.FIRST_DAY`, `LAST_DAY`)
    date(2999, 12, 31),
)
EDGE_YEARS = (0, 1, 1899, 1900, 2999, 3000, 9999, 10000, -1)
EDGE_DAY_TEXTS = (
    *(d.isoformat() for d in EDGE_DATES),
    *(f"{d.day:02d}/{d.month:02d}/{d.year:04d}" for d in EDGE_DATES),
    "0000-01-01",
    "10000-01-01",
    "29/02/1900",
    "2024-02-29",
)
"""Days as a person types them for ``--as-of`` / ``--on``: edges, and days that are not."""
EDGE_PERIODS = (
    "000101",
    "000112",
    "189912",
    "190001",
    "299912",
    "300001",
    "999912",
    "0001",
    "1899",
    "3000",
    "9999",
    "9999Q4",
    "0001Q1",
    "1899S2",
    "3000S1",
    "202413",
    "202400",
)
HUGE_INTS = (10**30, -(10**30), -1, 2**63, 2**63 - 1, -(2**63), 2**64, 0)
CONTROLS = (
    "\x00",
    "\r",
    "\x0b",
    "\x0c",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\x1b",
    "\x7f",
    "\x85",
    "\ud800",
    "\udfff",
)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLACEHOLDER = "\x00EDGE{}\x00"


@st.composite
def edged_strings(draw: st.DrawFn, text: str) -> str:
    """*text* with control characters or lone surrogates at its start, middle or end."""
    pieces = draw(st.lists(st.sampled_from(CONTROLS), min_size=1, max_size=3))
    at = draw(st.sampled_from((0, len(text) // 2, len(text))))
    return text[:at] + "".join(pieces) + text[at:]


def deep_json(depth: int, kind: str) -> str:
    """JSON text nested *depth* deep: lists, objects, or deadline-shaped compounds."""
    if kind == "list":
        return "[" * depth + "]" * depth
    if kind == "object":
        return '{"a":' * depth + "1" + "}" * depth
    return (
        '{"kind":"compound","text":"x","parts":[' * depth
        + '{"kind":"ongoing","text":"y"}'
        + ("]}" * depth)
    )


_DEPTHS = st.sampled_from((2, 40, 200, 1100, 3000))


def _kind_paths(document: bytes) -> dict[str, tuple[tuple[object, ...], ...]]:
    """The document's paths by what they hold: day, year, int, string, container, deadline."""
    data = json.loads(document)
    found: dict[str, list[tuple[object, ...]]] = {
        k: [] for k in ("day", "year", "int", "string", "container", "deadline")
    }
    for path in _paths(document):
        node: Any = data
        for step in path:
            node = node[step]  # type: ignore[index]
        last = path[-1] if path else None
        if isinstance(node, str):
            found["day" if _ISO_DAY.fullmatch(node) else "string"].append(path)
        elif isinstance(node, int) and not isinstance(node, bool):
            found["year" if last == "year" else "int"].append(path)
        elif isinstance(node, list | dict):
            found["container"].append(path)
            if last == "deadline":
                found["deadline"].append(path)
    return {k: tuple(v) for k, v in found.items()}


_KINDS: dict[bytes, dict[str, tuple[tuple[object, ...], ...]]] = {}
EDITS = ("day", "year", "int", "string", "container", "deadline")


_INSIDE_DATES = (date(1900, 1, 1), date(2999, 12, 31), date(2000, 2, 29))
_INSIDE_YEARS = (1900, 2999)
_INSIDE_INTS = (0, 1, 2**31 - 1, 2**63 - 1)
_PROSE = frozenset(("text", "name", "title", "label", "note", "event", "by", "province"))


@st.composite
def edged_plan(draw: st.DrawFn, document: bytes, *, inside: bool = False) -> tuple[str, list[str]]:
    """JSON text made from *document* with 1–4 fields set to an edge of their kind, and
    what was done (``"day decision.date='0001-01-01'"`` …), for the failure report.

    *inside*: only edges a plan may hold (the accepted range's ends, prose with control
    characters, compounds nested within the limit), so that most such plans load.
    """
    kinds = _KINDS.setdefault(document, _kind_paths(document))
    data: Any = {"root": json.loads(document)}
    raws: list[str] = []
    done: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(EDITS))
        paths = kinds[kind]
        if inside and kind == "string":
            paths = tuple(p for p in paths if p[-1] in _PROSE)
        if inside and kind == "container":
            paths = kinds["deadline"]
        if not paths:
            continue
        path = draw(st.sampled_from(paths))
        place = _at(data, ("root", *path))
        if place is None:
            continue
        parent, key = place
        dates = _INSIDE_DATES if inside else EDGE_DATES
        if kind == "day":
            value: Any = draw(st.sampled_from(dates)).isoformat()
        elif kind == "year":
            value = draw(st.sampled_from(_INSIDE_YEARS if inside else EDGE_YEARS))
        elif kind == "int":
            value = draw(st.sampled_from(_INSIDE_INTS if inside else HUGE_INTS))
        elif kind == "string":
            value = draw(edged_strings(parent[key]))
        elif kind == "deadline":
            value = {
                "kind": "on_date",
                "text": draw(st.sampled_from(("trước ngày 01/01/0001", "31/12/9999", "x"))),
                "date": draw(st.sampled_from(dates)).isoformat(),
                "before": draw(st.booleans()),
            }
        else:  # a container nested deep, in place or as one more member
            if inside:
                raws.append(deep_json(draw(st.sampled_from((1, 2, 40, 120))), "dl"))
            else:
                raws.append(
                    deep_json(draw(_DEPTHS), draw(st.sampled_from(("list", "object", "dl"))))
                )
            node = parent[key]
            if isinstance(node, list) and node and draw(st.booleans()):
                node.append(_PLACEHOLDER.format(len(raws) - 1))
                value = node
            else:
                value = _PLACEHOLDER.format(len(raws) - 1)
        parent[key] = value
        shown = value if kind != "container" else f"<nested {len(raws[-1]) // 2}>"
        done.append(f"{kind} {'.'.join(map(str, path))}={shown!r}"[:200])
    text = json.dumps(data["root"], ensure_ascii=draw(st.booleans()))
    for i, raw in enumerate(raws):
        text = text.replace(json.dumps(_PLACEHOLDER.format(i)), raw)
    return text, done


# --- observation input -------------------------------------------------------------------


class _DeepDict(dict[str, object]):
    """A mapping nested *depth* deep, whose repr says so (see `fuzzing.Deep`)."""

    def __init__(self, depth: int) -> None:
        value: object = 1
        for _ in range(depth - 1):
            value = {"a": value}
        super().__init__(a=value)
        self.depth = depth

    def __repr__(self) -> str:
        return f"_DeepDict({self.depth})"


odd_keys = st.one_of(
    st.integers(-2, 2),
    st.sampled_from((None, True, 1.5, ("indicator",), b"unit", date(2024, 1, 1))),
)
edge_values = st.one_of(
    st.sampled_from(HUGE_INTS),
    st.sampled_from(EDGE_PERIODS),
    st.sampled_from(EDGE_DATES),
    st.sampled_from(CONTROLS),
    st.sampled_from((Deep(3000, 1), _DeepDict(3000), Deep(50, 1))),
    st.sampled_from(("0" * 4400 + "7", "-0", "+7", " 7\r", "7\x00")),
)


@st.composite
def mixed_key_records(draw: st.DrawFn, good: Any) -> list[object]:
    """Records from the *good* strategy with keys of other types beside the string ones,
    edge values in any field, and sometimes an item that is not a mapping at all."""
    records: list[object] = []
    for drawn in draw(st.lists(good, max_size=5)):
        record: dict[object, object] = dict(drawn)
        for key in draw(st.lists(st.sampled_from(sorted(drawn)), max_size=2)):
            record[key] = draw(edge_values)
        for key in draw(st.lists(odd_keys, max_size=2)):
            record[key] = draw(st.one_of(st.just("1"), edge_values))
        records.append(record)
    if draw(st.integers(0, 9)) == 0:
        records.insert(0, draw(st.sampled_from((None, "indicator", 7, [("unit", "x")]))))
    return records


@st.composite
def edged_csv(draw: st.DrawFn, header: list[str], good_rows: Any) -> tuple[str, str]:
    """A CSV of *header* and rows from *good_rows* (lists of cells), then one edge: a
    column written twice, a row wider or narrower than the header, an edge period, a
    lone surrogate or control character in a cell. With what was done."""
    rows: list[list[str]] = [list(r) for r in draw(st.lists(good_rows, min_size=1, max_size=5))]
    names = list(header)
    edit = draw(st.sampled_from(("repeat", "wide", "narrow", "period", "control", "number")))
    i = draw(st.integers(0, len(rows) - 1))
    if edit == "repeat":
        j = draw(st.integers(0, len(names) - 1))
        names.append(names[j])
        rows = [[*r, draw(st.sampled_from((r[j], "1", "")))] for r in rows]
    elif edit == "wide":
        # at least one cell with text: blank cells past the header's width are allowed
        extra = draw(st.lists(st.sampled_from(("", "9")), max_size=2))
        rows[i] += [draw(st.sampled_from(("234", "5", "678"))), *extra]
    elif edit == "narrow":
        rows[i] = rows[i][: draw(st.integers(1, len(rows[i]) - 1))]  # 0: a blank line
    elif edit == "period" and "period" in names:
        rows[i][names.index("period")] = draw(st.sampled_from(EDGE_PERIODS))
    elif edit == "control":
        j = draw(st.integers(0, len(names) - 1))
        rows[i][j] = draw(edged_strings(rows[i][j]))
    elif edit == "number" and "numerator" in names:
        rows[i][names.index("numerator")] = str(draw(st.sampled_from(HUGE_INTS)))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(rows)
    return buffer.getvalue(), edit


# --- odd files ---------------------------------------------------------------------------

ODD_FILES = ("empty", "bom", "utf-16", "folder", "fifo", "nul", "lone cr")


def make_odd_file(folder: Path, kind: str, text: str = "indicator,unit\n") -> Path:
    """A file (or not a file) of *kind* in *folder* where an input file is expected."""
    path = folder / f"odd-{kind.replace(' ', '-')}.csv"
    if path.is_dir():
        path.rmdir()
    elif path.exists() or path.is_symlink():
        path.unlink()
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "bom":
        path.write_bytes(b"\xef\xbb\xbf")
    elif kind == "utf-16":
        path.write_bytes(text.encode("utf-16"))
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo" and hasattr(os, "mkfifo"):
        os.mkfifo(path)  # fed by `fed`: a reader that opens it gets *text*, then the end
    elif kind == "nul":
        path.write_bytes(b"\x00" * 16)
    else:
        path.write_bytes(b"indicator\runit\r")
    return path


@contextlib.contextmanager
def fed(path: Path, text: str = "indicator,unit\n") -> Iterator[None]:
    """While inside, a FIFO at *path* gives *text* to whoever opens it (a pipe, as in
    ``--plan <(cat plan.json)``); a no-op for anything else."""
    if not path.is_fifo():
        yield
        return

    def write() -> None:
        with contextlib.suppress(OSError), open(path, "wb") as pipe:  # waits for a reader
            pipe.write(text.encode("utf-8"))

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        yield
    finally:
        if writer.is_alive():  # nobody read it: open it once so that the writer ends
            with contextlib.suppress(OSError):
                os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
        writer.join(timeout=5)
