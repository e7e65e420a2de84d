"""The annex table filled in: per service and reporting unit, dossiers received and online.

The plan's annex ("Danh mục dịch vụ công ưu tiên …") lists each service with its reporting
units ("Công an tỉnh/UBND cấp huyện") and leaves the figures blank. `annex_report` fills
them from observations that carry a ``service``: connected to the national portal (as the
units said, per service — not derived), dossiers received (the denominator), of which
online (the numerator), and the ratio — per reporting unit, per section and overall, in
exactly the columns of the plan's table (`Annex.columns`).

A listed reporting unit matches the units whose name resolves to it; "UBND cấp huyện" /
"cấp xã" / "cấp tỉnh" matches every locality of that level. A unit that reported a service
the annex does not list it for gets a row of its own, marked in the note.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from typing import Literal, final

import attrs

from ._columns import names_source, period_labels, period_ranks, unit_counts
from ._hierarchy import Hierarchy, Node, canonical_name
from ._text import fold
from .achievement import check_plan, format_percent
from .agency import Level
from .errors import ModelValueError, ObservationDataError, ObservationProblem
from .observations import Observations
from .plan import Plan
from .services import Service

__all__ = ["AnnexReport", "AnnexRow", "AnnexRowKind", "annex_report"]


class AnnexRowKind(enum.Enum):
    """What a line of the annex table is."""

    SERVICE = "service"
    """A service and one reporting unit."""
    GROUP = "group"
    """A group heading."""
    SECTION = "section"
    """A section's subtotal."""
    TOTAL = "total"
    """The whole table."""


NOT_LISTED = "không có trong danh mục của đơn vị này (not listed for this unit)"


@final
@attrs.frozen(kw_only=True)
class AnnexRow:
    """One line of the filled-in annex table.

    Attributes:
        kind: a service row, a group heading, a section's subtotal or the total.
        number: the row number as printed ("13,1"), or the section number ("I").
        name: the service's name, or the section's title.
        reporting_unit: the reporting unit as the annex writes it ("UBND cấp huyện").
        units: how many reporting units' counts the row adds up.
        connected: units connected to the national portal, of the units that said.
        received: dossiers received; None when nobody reported figures.
        online: of which online; None when nobody reported figures.
        note: remarks (a unit not listed for the service).
    """

    kind: AnnexRowKind
    number: str
    name: str
    reporting_unit: str = ""
    units: int = 0
    connected: tuple[int, int] = (0, 0)
    received: int | None = None
    online: int | None = None
    note: str = ""

    @property
    def ratio(self) -> Fraction | None:
        """online/received exactly; None when nothing was received (no data)."""
        if self.received is None or self.online is None or self.received == 0:
            return None
        return Fraction(self.online, self.received)

    @property
    def connected_text(self) -> str:
        """ "x" when every unit that said is connected, "3/12" when some, "" when none."""
        yes, said = self.connected
        if not said or not yes:
            return ""
        return "x" if yes == said else f"{yes}/{said}"


@final
@attrs.frozen(kw_only=True)
class AnnexReport:
    """The annex table with figures: its title, its columns, its rows.

    >>> report = AnnexReport(title="DANH MỤC", columns=("STT", "Tỉ lệ"), period=None, rows=())
    >>> report.records()
    []
    """

    title: str
    columns: tuple[str, ...]
    period: str | None
    rows: tuple[AnnexRow, ...]

    def records(
        self, *, places: int = 2, locale: Literal["en", "vi"] = "vi"
    ) -> list[dict[str, str]]:
        """Each row as {column: cell text}, in the annex's own columns."""
        return [
            {column: _cell(row, column, places, locale) for column in self.columns}
            for row in self.rows
        ]


def _cell(row: AnnexRow, column: str, places: int, locale: Literal["en", "vi"]) -> str:
    key = fold(column)
    ratio = row.ratio
    if key == "stt":
        return row.number
    if key.startswith("ten"):
        return row.name
    if key.startswith("don vi"):
        return row.reporting_unit
    if key.startswith("ket noi"):
        return row.connected_text
    if key.startswith("tong so"):
        return "" if row.received is None else str(row.received)
    if key.startswith("truc tuyen"):
        return "" if row.online is None else str(row.online)
    if key in ("ti le", "ty le"):
        return "" if ratio is None else format_percent(ratio, places, locale=locale)
    if key.startswith("ghi chu"):
        return row.note
    return ""


@names_source
def annex_report(
    plan: Plan,
    observations: Observations,
    *,
    period: str | None = None,
    as_of: date | None = None,
) -> AnnexReport:
    """The plan's annex table filled in from the observations that name a service.

    Periods combine as in `evaluate` (dossiers are flows: summed). With neither *period*
    nor *as_of*, the observations must cover one period.
    """
    if plan.annex is None:
        raise ModelValueError(f"plan {plan.id!r} has no annex of services")
    check_plan(plan, observations)
    figures, label = _figures(plan, observations, period, as_of)
    tree = observations.hierarchy
    rows: list[AnnexRow] = []
    sections: list[AnnexRow] = []
    for section in plan.annex.sections:
        start = len(rows)
        for service in section.services:
            if service.items:
                rows.append(
                    AnnexRow(kind=AnnexRowKind.GROUP, number=service.number_text, name=service.name)
                )
            for leaf in service.items or (service,):
                key = f"{section.number}.{leaf.number}"
                rows += _service_rows(leaf, figures.pop(key, {}), tree)
        subtotal = _add_up(AnnexRowKind.SECTION, section.number, section.title, rows[start:])
        rows.append(subtotal)
        sections.append(subtotal)
    if figures:  # cannot happen: services are checked on import; kept loud, not silent
        raise ModelValueError(f"services outside the annex: {sorted(figures)}")
    rows.append(_add_up(AnnexRowKind.TOTAL, "", "Tổng cộng", sections))
    return AnnexReport(
        title=plan.annex.title, columns=plan.annex.columns, period=label, rows=tuple(rows)
    )


Figures = dict[str, tuple[int, int, int]]  # unit key → (received, online, connected flag)


def _figures(
    plan: Plan, obs: Observations, period: str | None, as_of: date | None
) -> tuple[dict[str, Figures], str | None]:
    """service number → unit → counts, for the period asked."""
    import numpy as np

    counts = unit_counts(obs, plan.indicators, period=period, as_of=as_of, by_service=True)
    has_service = np.array([bool(s) for s in counts.services])[counts.service]
    rows = np.flatnonzero(has_service)
    problems = []
    indicators = np.unique(counts.indicator[rows]).tolist()
    if len(indicators) > 1:
        names = ", ".join(repr(obs.indicators[i] or "(none)") for i in indicators)
        problems.append(f"service counts are recorded under several indicators: {names}")
    labels = np.unique(counts.label[rows]).tolist()
    if len(labels) > 1:
        names = ", ".join(counts.labels[i] for i in labels)
        problems.append(f"several periods ({names}); choose one with period= or as_of=")
    if problems:
        raise ObservationDataError(
            obs.source,
            [
                ObservationProblem(source=obs.source, line=None, column="", value=None, message=m)
                for m in problems
            ],
        )
    flags = _connected(obs, period, as_of)
    figures: dict[str, Figures] = {}
    for row in rows.tolist():
        unit = obs.units[int(counts.unit[row])]
        service = counts.services[int(counts.service[row])]
        flag = flags.get((unit, service), -1)
        figures.setdefault(service, {})[unit] = (
            int(counts.denominator[row]),
            int(counts.numerator[row]),
            flag,
        )
    label = counts.labels[labels[0]] if labels else (period or None)
    return figures, label


def _connected(
    obs: Observations, period: str | None, as_of: date | None
) -> dict[tuple[str, str], int]:
    """(unit, service) → the connection flag of the latest report that gave one."""
    _, inside = period_labels(obs.periods, period, as_of)
    ranks = period_ranks(obs.periods)
    latest: dict[tuple[str, str], tuple[int, int]] = {}
    rows = zip(
        obs.unit_codes.tolist(),
        obs.service_codes.tolist(),
        obs.period_codes.tolist(),
        obs.connected.tolist(),
        strict=True,
    )
    for unit, service, period_code, flag in rows:
        if flag < 0 or inside[period_code] < 0:
            continue
        key = (obs.units[unit], obs.services[service])
        if key not in latest or latest[key][0] < ranks[period_code]:
            latest[key] = (ranks[period_code], flag)
    return {key: flag for key, (_, flag) in latest.items()}


def _service_rows(service: Service, figures: Figures, tree: Hierarchy) -> Iterator[AnnexRow]:
    """One row per listed reporting unit, then one per unit that reported unlisted."""
    remaining = dict(figures)
    listed = service.reporting_units or ("",)
    for text in listed:
        units = [key for key in list(remaining) if _matches(text, tree.node(key), tree)]
        yield _row(service, text, [remaining.pop(key) for key in units])
    for key, values in remaining.items():
        row = _row(service, tree.node(key).name, [values])
        yield attrs.evolve(row, note=NOT_LISTED)


def _matches(text: str, node: Node, tree: Hierarchy) -> bool:
    name = canonical_name(text)
    level = Level.from_word(name) if name.startswith("cap ") else None  # "UBND cấp huyện"
    if level is not None:
        return node.origin == "locality" and node.level is level
    return node in tree.lookup(text) if text else False


def _row(service: Service, unit: str, values: list[tuple[int, int, int]]) -> AnnexRow:
    said = [flag for _, _, flag in values if flag >= 0]
    return AnnexRow(
        kind=AnnexRowKind.SERVICE,
        number=service.number_text,
        name=service.name,
        reporting_unit=unit,
        units=len(values),
        connected=(sum(said), len(said)),
        received=sum(v[0] for v in values) if values else None,
        online=sum(v[1] for v in values) if values else None,
    )


def _add_up(kind: AnnexRowKind, number: str, name: str, rows: list[AnnexRow]) -> AnnexRow:
    counted = [
        r
        for r in rows
        if r.kind in (AnnexRowKind.SERVICE, AnnexRowKind.SECTION) and r.received is not None
    ]
    return AnnexRow(
        kind=kind,
        number=number,
        name=name,
        units=sum(r.units for r in counted),
        connected=(sum(r.connected[0] for r in counted), sum(r.connected[1] for r in counted)),
        received=sum(r.received or 0 for r in counted) if counted else None,
        online=sum(r.online or 0 for r in counted) if counted else None,
    )
