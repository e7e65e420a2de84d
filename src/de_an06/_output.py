"""Rendering rows for people (text tables) and for machines (JSON)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["Column", "render_json", "render_table"]

Column = tuple[str, str]
"""A (row key, header) pair."""


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items() if v)
    return str(value)


def render_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    *,
    width: int | None = None,
    title: str = "",
) -> str:
    """A plain-text table; the widest column is cut with "…" to fit *width*.

    >>> print(render_table([{"a": 1, "b": "x"}], [("a", "A"), ("b", "B")]))
    A  B
    -  -
    1  x
    """
    total = width or _terminal_width()
    cells = [[_cell(row.get(key)) for key, _ in columns] for row in rows]
    headers = [header for _, header in columns]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    gaps = 2 * (len(columns) - 1)
    # Narrow the widest column one character at a time, so that wide columns end up
    # sharing the space instead of one of them being cut to nothing.
    while sum(widths) + gaps > total and max(widths) > 12:
        widths[widths.index(max(widths))] -= 1

    def fit(text: str, size: int) -> str:
        return text if len(text) <= size else text[: size - 1] + "…"

    lines = [title] if title else []
    lines.append("  ".join(fit(h, w).ljust(w) for h, w in zip(headers, widths, strict=True)))
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(fit(c, w).ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(line.rstrip() for line in lines)


def _terminal_width() -> int:
    # $COLUMNS first, as shutil.get_terminal_size does; 120 when output is not a terminal.
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size().columns
    except OSError:
        return 120


def render_json(data: object) -> str:
    """JSON for scripts: UTF-8 text (not escaped), two-space indent."""
    import json  # only JSON output pays for it

    return json.dumps(data, ensure_ascii=False, indent=2)
