"""Baseline: every table the models declared when migrations were introduced.

Databases made before then by ``candor db init`` (``create_all``) already hold some or all of
these tables: existing ones are kept as they are, missing ones are created, and the database
is then at this revision like any other.

Revision ID: 0001
Revises:
Created: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from guardrails.store.migrate import create_table_if_missing as _create

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create(
        "customers",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("phone", sa.String(40)),
        sa.Column("address", sa.Text()),
        sa.Column("birth_year", sa.Integer()),
        sa.Column("gender", sa.String(32)),
        sa.Column("preferences", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    _create(
        "products",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("returnable", sa.Boolean(), nullable=False),
    )
    _create(
        "orders",
        sa.Column("number", sa.String(16), primary_key=True),
        sa.Column("customer_id", sa.String(16), sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("placed_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("carrier", sa.String(64)),
        sa.Column("expected_delivery", sa.Date()),
        sa.Column("delivered_at", sa.DateTime()),
        sa.Column("shipping_address", sa.Text()),
        indexes=("customer_id",),
    )
    _create(
        "order_items",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("order_number", sa.String(16), sa.ForeignKey("orders.number"), nullable=False),
        sa.Column("product_id", sa.String(16), sa.ForeignKey("products.id"), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_cents", sa.Integer(), nullable=False),
        indexes=("order_number",),
    )
    _create(
        "refunds",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("order_number", sa.String(16), sa.ForeignKey("orders.number"), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(200)),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime()),
        indexes=("order_number",),
    )
    _create(
        "invoices",
        sa.Column("number", sa.String(16), primary_key=True),
        sa.Column("order_number", sa.String(16), sa.ForeignKey("orders.number"), nullable=False, unique=True),
        sa.Column("customer_id", sa.String(16), sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("payment_method", sa.String(64)),
        indexes=("customer_id",),
    )
    _create(
        "consent_records",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("customer_id", sa.String(16), sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("purpose", sa.String(64), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("notice_version", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("source_event", sa.String(200), nullable=False),
        indexes=("customer_id",),
    )
    _create(
        "audit_trail",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("customer", sa.String(32), nullable=False),
        sa.Column("detail", sa.String(200), nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("row_hash", sa.String(64), nullable=False),
        indexes=("customer",),
    )
    _create(
        "rights_requests",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("customer", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("fulfilled_at", sa.DateTime()),
        indexes=("customer",),
    )


def downgrade() -> None:
    for name in ("rights_requests", "audit_trail", "consent_records", "invoices", "refunds", "order_items",
                 "orders", "products", "customers"):
        op.drop_table(name)
