"""Schema 4: observation rows carry an annex service and its portal connection.

Revision ID: 0004
Revises: 0003

``service`` is the annex row's key (``"1.2"``), NULL for an indicator count;
``connected`` is ``yes``/``no``/``unknown`` for a service row, NULL otherwise. Two
nullable columns added: a schema-3 ledger upgrades in place and its rows stay
indicator counts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add ``service`` and ``connected`` to ``observation_rows``."""
    op.add_column("observation_rows", sa.Column("service", sa.String(32), nullable=True))
    op.add_column("observation_rows", sa.Column("connected", sa.String(8), nullable=True))


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("observation_rows") as batch:
        batch.drop_column("connected")
        batch.drop_column("service")
