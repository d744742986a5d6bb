"""an index of each person's status now, in person order, for pages of persons at any depth

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: The open end of a span (model.status.OPEN), as the migration was written.
OPEN = 3652060


def upgrade() -> None:
    now = sa.text(f"valid_to = {OPEN} AND known_to = {OPEN}")
    op.create_index("status_spans_now", "status_spans", ["person_id", "status"],
                    sqlite_where=now, postgresql_where=now)  # fmt: skip


def downgrade() -> None:
    op.drop_index("status_spans_now", "status_spans")
