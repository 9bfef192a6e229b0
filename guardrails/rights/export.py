"""A customer's complete data export: one JSON document, made at the moment it is asked for.

Everything is read through the profile gateway for the ``data_rights`` purpose, so each
category read is an audit row like any other use of the profile. The document holds the
profile, orders with their items, refunds, invoices, every consent answer (the ledger
rows), the conversations as stored (tracker events decrypted; analytics rows as masked),
and the audit rows about the customer. Nothing of it is stored anywhere.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from guardrails import audit
from guardrails.profile_gateway import ProfileGateway
from guardrails.store import queries
from guardrails.store.models import Invoice, Order, Refund

FORMAT = "candor-export/1"
PURPOSE = "data_rights"


def build_export(session: Session, customer_id: str, actor: str | None = None,
                 now: datetime | None = None) -> dict[str, Any]:
    """The export document for ``customer_id``; ``actor`` (default: the bot) names the reader in the audit trail."""
    if queries.customer(session, customer_id) is None:
        raise queries.UnknownCustomer(f"no customer {customer_id!r}")
    gateway = ProfileGateway(session, customer_id, PURPOSE, actor=actor)
    read = gateway.read
    profile = read("contact") | {
        "customer_id": customer_id,
        "address": read("address"),
        "birth_year": read("birth_year"),
        "gender": read("gender"),
        "interests": read("preferences"),
    }
    return {
        "format": FORMAT,
        "generated_at": _iso(now or datetime.utcnow()),
        "profile": profile,
        "orders": [_order(order) for order in read("orders")],
        "refunds": [_refund(refund) for refund in read("refunds")],
        "invoices": [_invoice(invoice) for invoice in read("invoices")],
        "consents": [
            {"purpose": row.purpose, "granted": row.granted, "notice_version": row.notice_version,
             "channel": row.channel, "recorded_at": _iso(row.recorded_at), "source_event": row.source_event}
            for row in read("consents")
        ],
        "conversations": read("conversations"),
        "audit_trail": [
            {"recorded_at": _iso(row.recorded_at), "actor": row.actor, "action": row.action, "detail": row.detail}
            for row in audit.rows_for(session, customer_id)
        ],
    }


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, default=_iso)


def _order(order: Order) -> dict[str, Any]:
    return {
        "number": order.number,
        "placed_at": _iso(order.placed_at),
        "status": order.status,
        "carrier": order.carrier,
        "expected_delivery": _iso(order.expected_delivery),
        "delivered_at": _iso(order.delivered_at),
        "shipping_address": order.shipping_address,
        "total_cents": order.total_cents,
        "items": [
            {"product_id": item.product_id, "product": item.product.name, "category": item.product.category,
             "quantity": item.quantity, "unit_price_cents": item.unit_price_cents}
            for item in order.items
        ],
    }


def _refund(refund: Refund) -> dict[str, Any]:
    return {
        "order_number": refund.order_number, "amount_cents": refund.amount_cents, "status": refund.status,
        "reason": refund.reason, "requested_at": _iso(refund.requested_at), "completed_at": _iso(refund.completed_at),
    }


def _invoice(invoice: Invoice) -> dict[str, Any]:
    return {
        "number": invoice.number, "order_number": invoice.order_number, "issued_at": _iso(invoice.issued_at),
        "amount_cents": invoice.amount_cents, "status": invoice.status, "payment_method": invoice.payment_method,
    }


def _iso(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if value is None:
        return None
    raise TypeError(f"cannot put {type(value).__name__} into an export")
