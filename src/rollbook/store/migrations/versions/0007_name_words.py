"""an index of the words of records' name keys, for name search at a million persons

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 50_000


def upgrade() -> None:
    words = op.create_table(
        "name_words",
        sa.Column("word", sa.Text(), nullable=False),
        sa.Column("record_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("word", "record_id"),
    )
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            sa.text("SELECT id, name_key FROM records WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            break
        found = [{"word": w, "record_id": i} for i, key in rows for w in set(key.split())]
        if found:
            connection.execute(sa.insert(words), found)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_table("name_words")
