"""Where counts came from: the file and line of every row read from files (provenance).

`Origins` is kept on an `Observations` store read from files: per row, its file and line
(rows that duplicates were added into keep every line). `sources_of` turns a set of rows
into the compact `Source` list a result carries: per file, its lines as ranges.

>>> s = Source(file="mai-son.csv", lines=((2, 4), (7, 7)))
>>> s.lines_text, s.record()
('2-4, 7', {'file': 'mai-son.csv', 'lines': [[2, 4], [7, 7]]})
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, final

import attrs

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["Origins", "RowIndex", "Source", "sources_of"]


@final
@attrs.frozen(kw_only=True)
class Source:
    """One file a result's counts came from, and the lines in it (inclusive ranges).

    Attributes:
        file: the file's name as it was given.
        lines: ``(first, last)`` line ranges, ascending.
    """

    file: str
    lines: tuple[tuple[int, int], ...] = ()

    @property
    def lines_text(self) -> str:
        """The lines as people read them: "2-4, 7"."""
        return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in self.lines)

    def record(self) -> dict[str, Any]:
        """JSON-ready: ``{"file": …, "lines": [[first, last], …]}``."""
        return {"file": self.file, "lines": [[a, b] for a, b in self.lines]}


@final
@attrs.frozen(kw_only=True, eq=False)
class Origins:
    """Per row of a store: the file (a code into ``files``) and the line it was read on.

    ``more`` holds, for a row that duplicates were added into, the other rows' (file
    code, line) pairs.
    """

    files: tuple[str, ...]
    file_codes: NDArray[Any] = attrs.field(repr=False)
    lines: NDArray[np.uint32] = attrs.field(repr=False)
    more: Mapping[int, tuple[tuple[int, int], ...]] = attrs.field(factory=dict, repr=False)


def sources_of(origins: Origins | None, rows: NDArray[Any]) -> tuple[Source, ...]:
    """The files and lines of *rows* (store row indices); () without origins."""
    import numpy as np

    if origins is None or not rows.size:
        return ()
    files = origins.file_codes[rows].astype(np.int64)
    lines = origins.lines[rows].astype(np.int64)
    if origins.more:
        extra = [pair for row in rows.tolist() for pair in origins.more.get(row, ())]
        if extra:
            files = np.r_[files, [f for f, _ in extra]]
            lines = np.r_[lines, [n for _, n in extra]]
    out = []
    for code in np.unique(files).tolist():
        picked = np.unique(lines[files == code])
        breaks = np.flatnonzero(np.diff(picked) != 1)
        starts = np.r_[picked[:1], picked[breaks + 1]].tolist()
        ends = np.r_[picked[breaks], picked[-1:]].tolist()
        out.append(Source(file=origins.files[code], lines=tuple(zip(starts, ends, strict=True))))
    return tuple(out)


class RowIndex:
    """Finds the rows a result holds: its indicator, its units, its period, its service.

    *inside* gives, per period code, the index of the result period it falls in (-1:
    left out); *ranks* each period's order by cut-off; *stock* per indicator code
    whether only each unit's latest period counts.
    """

    def __init__(  # noqa: PLR0917  # the store's columns, as `unit_counts` uses them
        self,
        origins: Origins | None,
        indicator: NDArray[Any],
        unit: NDArray[Any],
        service: NDArray[Any],
        period: NDArray[Any],
        units: int,
        inside: Sequence[int],
        ranks: Sequence[int],
        stock: Sequence[bool],
    ) -> None:
        import numpy as np

        self.origins = origins
        self.units = max(units, 1)
        self.key = indicator.astype(np.int64) * self.units + unit
        self.order = np.argsort(self.key, kind="stable")
        self.sorted = self.key[self.order]
        self.unit, self.service = unit, service
        self.label = np.asarray(inside, dtype=np.int64)[period]
        self.rank = np.asarray(ranks, dtype=np.int64)[period]
        self.stock = tuple(stock)

    def sources(
        self, indicator: int, units: Iterable[int], *, label: int, service: int | None = None
    ) -> tuple[Source, ...]:
        """The files and lines holding *indicator*'s counts for *units* in result *label*."""
        import numpy as np

        if self.origins is None:
            return ()
        parts = []
        for unit in units:
            key = indicator * self.units + unit
            lo, hi = np.searchsorted(self.sorted, [key, key + 1])
            parts.append(self.order[lo:hi])
        rows = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        rows = rows[self.label[rows] == label]
        if service is not None:
            rows = rows[self.service[rows] == service]
        if rows.size and self.stock[indicator]:  # each unit's (and service's) latest only
            group = self.unit[rows].astype(np.int64) * (int(self.service.max()) + 1)
            group += self.service[rows]
            order = np.lexsort((self.rank[rows], group))
            last = np.r_[group[order][1:] != group[order][:-1], True]
            rows = rows[order[last]]
        return sources_of(self.origins, rows)
