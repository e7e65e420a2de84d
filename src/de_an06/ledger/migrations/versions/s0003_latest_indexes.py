"""Schema 3: indexes for "each task's latest event on a day" and for corrections.

Revision ID: 0003
Revises: 0002

``ix_task_events_latest`` covers the two-step latest-event query (the last day per task
and agency, then the last id on that day) so that it reads the index only;
the partial ``supersedes`` indexes make "is this row corrected?" a lookup, not a scan.
Indexes only: no data changes, so a schema-2 ledger upgrades in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_CORRECTED = sa.text("supersedes IS NOT NULL")


def upgrade() -> None:
    """Create the indexes."""
    op.create_index("ix_task_events_latest", "task_events", ["task", "agency", "holds_on", "id"])
    for table in ("task_events", "submissions"):
        op.create_index(
            f"ix_{table}_supersedes",
            table,
            ["supersedes"],
            sqlite_where=_CORRECTED,
            postgresql_where=_CORRECTED,
        )


def downgrade() -> None:
    """Drop them."""
    for table in ("task_events", "submissions"):
        op.drop_index(f"ix_{table}_supersedes", table)
    op.drop_index("ix_task_events_latest", "task_events")
