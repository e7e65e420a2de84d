"""Schema 2: observation rows that arrive with a submission.

Revision ID: 0002
Revises: 0001

Schema 1 ledgers (events and submissions only) upgrade in place: the counts of the
achievement indicators land next to the submission that brought them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create ``observation_rows``."""
    op.create_table(
        "observation_rows",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("submission", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
        sa.Column("indicator", sa.String(64), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("numerator", sa.BigInteger, nullable=False),
        sa.Column("denominator", sa.BigInteger, nullable=True),
    )
    op.create_index("ix_observation_rows_submission", "observation_rows", ["submission"])


def downgrade() -> None:
    """Drop it."""
    op.drop_table("observation_rows")
