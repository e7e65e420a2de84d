"""Schema 1: task events and submissions.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create ``task_events`` and ``submissions``."""
    op.create_table(
        "task_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("task", sa.String(32), nullable=False),
        sa.Column("agency", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("holds_on", sa.Date, nullable=False),
        sa.Column("percent", sa.SmallInteger, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("supersedes", sa.Integer, sa.ForeignKey("task_events.id"), nullable=True),
    )
    op.create_index("ix_task_events_task", "task_events", ["task", "holds_on"])
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("agency", sa.String(200), nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("submitted_on", sa.Date, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("supersedes", sa.Integer, sa.ForeignKey("submissions.id"), nullable=True),
    )
    op.create_index("ix_submissions_period", "submissions", ["period", "agency"])


def downgrade() -> None:
    """Drop them (for tests of the migration path only)."""
    op.drop_table("submissions")
    op.drop_table("task_events")
