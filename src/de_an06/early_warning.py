"""Early warning (issue #20): the pace each target needs, a plain forecast, and a digest
per agency.

    >>> from datetime import date
    >>> from de_an06.loading import load_plan
    >>> from de_an06.observations import Observations
    >>> plan = load_plan("son-la-2024")
    >>> counts = Observations.from_records([
    ...     {"indicator": "II.5.b", "unit": "Mai Sơn", "period": f"20240{m}",
    ...      "numerator": 60000 + 1500 * m, "denominator": 120000} for m in range(1, 7)], plan)
    >>> [t] = trajectories(plan, counts, as_of=date(2024, 6, 30))
    >>> t.status.value, t.pace.still_needed, t.pace.needed_pace, t.pace.recent
    ('at_risk', 9001, Fraction(9001, 6), Fraction(1500, 1))

The rules for each status are in `de_an06._warning.pace` and ``docs/howto-early-warning.md``;
a `Trajectory` carries the numbers that decided it and states its projection's assumption.
`agency_digest` gathers, for one agency and day, the tasks it leads or coordinates that
fall due within N working days or are overdue and not done, the reports it owes, and its
indicators at risk; `digest_text`, `digest_markdown`, `digest_record` and `digest_ics`
write it.
"""

from __future__ import annotations

from ._warning.digest import (
    DEFAULT_WORKING_DAYS,
    Digest,
    DigestReport,
    DigestTask,
    agency_digest,
    units_of,
)
from ._warning.pace import (
    AT_RISK_SHARE,
    RECENT_PERIODS,
    MonthFigure,
    Pace,
    TrajectoryStatus,
    pace_of,
)
from ._warning.render import (
    digest_ics,
    digest_markdown,
    digest_record,
    digest_text,
    trajectory_line,
)
from ._warning.trajectory import (
    Trajectory,
    deadline_of,
    number_text,
    trajectories,
    trajectory_record,
)

__all__ = [
    "AT_RISK_SHARE",
    "DEFAULT_WORKING_DAYS",
    "RECENT_PERIODS",
    "Digest",
    "DigestReport",
    "DigestTask",
    "MonthFigure",
    "Pace",
    "Trajectory",
    "TrajectoryStatus",
    "agency_digest",
    "deadline_of",
    "digest_ics",
    "digest_markdown",
    "digest_record",
    "digest_text",
    "number_text",
    "pace_of",
    "trajectories",
    "trajectory_line",
    "trajectory_record",
    "units_of",
]
