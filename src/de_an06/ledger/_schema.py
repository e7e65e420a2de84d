"""The ledger's tables as SQLAlchemy Core sees them at the newest schema (``HEAD``).

Every table is append-only: rows are inserted, never updated or deleted; a correction is
a new row whose ``supersedes`` names the row it corrects. The migrations in
``migrations/versions`` create these tables step by step; a test checks they agree.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["HEAD", "events", "metadata", "observations", "submissions"]

HEAD = "0004"
"""The newest schema revision (the last migration's id)."""

metadata = sa.MetaData()

events = sa.Table(
    "task_events",
    metadata,
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

submissions = sa.Table(
    "submissions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("agency", sa.String(200), nullable=False),
    sa.Column("period", sa.String(16), nullable=False),
    sa.Column("submitted_on", sa.Date, nullable=False),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("recorded_by", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("supersedes", sa.Integer, sa.ForeignKey("submissions.id"), nullable=True),
)

observations = sa.Table(
    "observation_rows",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("submission", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
    sa.Column("indicator", sa.String(64), nullable=False),
    sa.Column("unit", sa.String(200), nullable=False),
    sa.Column("period", sa.String(16), nullable=False),
    sa.Column("numerator", sa.BigInteger, nullable=False),
    sa.Column("denominator", sa.BigInteger, nullable=True),
    sa.Column("service", sa.String(32), nullable=True),
    sa.Column("connected", sa.String(8), nullable=True),
)
