"""Agent hand-overs, purge runs and one-time export links (issue #5).

Revision ID: 0002
Revises: 0001
Created: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from guardrails.store.migrate import create_table_if_missing

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_table_if_missing(
        "agent_handoffs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("conversation", sa.String(64), nullable=False),
        sa.Column("customer", sa.Text()),  # guardrails.sqltypes.EncryptedText stores text
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("closed_at", sa.DateTime()),
        sa.Column("closed_by", sa.String(64)),
        indexes=("conversation",),
    )
    create_table_if_missing(
        "purge_runs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("ran_at", sa.DateTime(), nullable=False),
        sa.Column("cutoff", sa.DateTime(), nullable=False),
        sa.Column("trigger", sa.String(16), nullable=False),
        sa.Column("conversations", sa.Integer(), nullable=False),
        sa.Column("tracker_events", sa.Integer(), nullable=False),
        sa.Column("log_rows", sa.Integer(), nullable=False),
        sa.Column("handoffs", sa.Integer(), nullable=False),
    )
    create_table_if_missing(
        "export_links",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("link_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("customer", sa.String(32), nullable=False),
        sa.Column("request_id", sa.Integer(), sa.ForeignKey("rights_requests.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime()),
        indexes=("customer",),
    )


def downgrade() -> None:
    for name in ("export_links", "purge_runs", "agent_handoffs"):
        op.drop_table(name)
