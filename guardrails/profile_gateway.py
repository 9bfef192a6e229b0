"""The only way code reads a customer's profile: one purpose, only the fields it declares.

Every read is checked against the purpose's field list in ``consent/purposes.yml`` and, for
a purpose that needs permission, against the consent ledger at the moment of reading, so a
withdrawal holds from the next read. A read the purpose may not make raises instead of
returning something harmless, so a wrong wiring shows up in tests, not in production.
Each read is remembered (``reads``) and can be reported (``on_read``) for the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from guardrails import audit, conversation_store
from guardrails.consent import ledger, purposes
from guardrails.store.models import Customer, Invoice, Order, OrderItem, Refund
from guardrails.store.queries import UnknownCustomer


class FieldNotAllowed(PermissionError):
    """The purpose does not declare the field it tried to read."""


class ConsentRequired(PermissionError):
    """The purpose needs the customer's current permission, and there is none."""


@dataclass(frozen=True)
class Purchase:
    product_id: str
    product_name: str
    category: str
    bought_at: datetime


def _customer(session: Session, customer_id: str) -> Customer:
    found = session.get(Customer, customer_id)
    if found is None:
        raise UnknownCustomer("unknown customer")
    return found


def _purchase_history(session: Session, customer_id: str) -> list[Purchase]:
    statement = (
        select(OrderItem)
        .join(Order)
        .where(Order.customer_id == customer_id, Order.status != "cancelled")
        .order_by(Order.placed_at, OrderItem.id)
    )
    return [
        Purchase(item.product_id, item.product.name, item.product.category, item.order.placed_at)
        for item in session.scalars(statement)
    ]


def _orders(session: Session, customer_id: str) -> list[Order]:
    statement = select(Order).where(Order.customer_id == customer_id).order_by(Order.placed_at)
    return list(session.scalars(statement))


def _refunds(session: Session, customer_id: str) -> list[Refund]:
    statement = (
        select(Refund).join(Order).where(Order.customer_id == customer_id).order_by(Refund.requested_at)
    )
    return list(session.scalars(statement))


def _invoices(session: Session, customer_id: str) -> list[Invoice]:
    statement = select(Invoice).where(Invoice.customer_id == customer_id).order_by(Invoice.issued_at)
    return list(session.scalars(statement))


def _contact(session: Session, customer_id: str) -> dict[str, Any]:
    found = _customer(session, customer_id)
    return {"full_name": found.full_name, "email": found.email, "phone": found.phone,
            "customer_since": found.created_at}


def _conversations(session: Session, customer_id: str) -> list[dict[str, Any]]:
    return conversation_store.history(session, conversation_store.conversations_of(session, customer_id))


READERS: dict[str, Callable[[Session, str], Any]] = {
    "contact": _contact,
    "purchase_history": _purchase_history,
    "preferences": lambda session, cid: list(_customer(session, cid).preferences or []),
    "address": lambda session, cid: _customer(session, cid).address,
    "orders": _orders,
    "refunds": _refunds,
    "invoices": _invoices,
    "birth_year": lambda session, cid: _customer(session, cid).birth_year,
    "gender": lambda session, cid: _customer(session, cid).gender,
    "consents": ledger.consent_history,
    "conversations": _conversations,
}


class ProfileGateway:
    """Reads one customer's profile for one purpose."""

    def __init__(
        self,
        session: Session,
        customer_id: str,
        purpose: str,
        on_read: Callable[[str, str], None] | None = None,
        actor: str | None = None,
    ) -> None:
        self.session = session
        self.customer_id = customer_id
        self.purpose = purposes.purpose(purpose)  # an unknown purpose fails here
        self.on_read = on_read
        self.actor = actor or f"bot:{self.purpose.name}"  # who reads, for the audit trail
        self.reads: list[tuple[str, str]] = []  # (purpose, field), in order

    def read(self, field: str) -> Any:
        name = self.purpose.name
        if field not in self.purpose.fields:
            allowed = list(self.purpose.fields)
            raise FieldNotAllowed(f"purpose {name!r} may not read {field!r}; it may read {allowed}")
        if self.purpose.requires_consent:
            if field in purposes.sensitive_fields():  # the config refuses this too; never rely on one check
                raise FieldNotAllowed(f"purpose {name!r} asks for consent and may never read {field!r}")
            if not ledger.consent_state(self.session, self.customer_id, name).current_grant:
                raise ConsentRequired(f"purpose {name!r} needs the customer's current consent for {field!r}")
        value = READERS[field](self.session, self.customer_id)
        audit.append(self.session, self.actor, "read", self.customer_id, field)
        self.reads.append((name, field))
        if self.on_read is not None:
            self.on_read(name, field)
        return value
