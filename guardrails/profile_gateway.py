"""The only way code reads a customer's profile: one purpose, only the fields it declares.

Every read is checked against the purpose's field list in ``consent/purposes.yml`` and, for
a purpose that needs permission, against the consent ledger at the moment of reading, so a
withdrawal holds from the next read. A read the purpose may not make raises instead of
returning something harmless, so a wrong wiring shows up in tests, not in production.
Each read is remembered (``reads``) and can be reported (``on_read``) for the audit trail.

Human agents read through the same gateway with a role instead of a purpose
(``ProfileGateway(session, customer_id, role="billing")``): the role's fields come from
``agents/roles.yml``, reads are audited as ``agent:<role>``, and a field outside the role is
refused *and* audited (``refused``), because a person asking for more than their job needs
is an event worth proving; the caller must commit for that row to stay.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from guardrails import audit, conversation_store
from guardrails.agents import roles
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
    """Reads one customer's profile for one purpose (the bot) or one role (a human agent)."""

    def __init__(
        self,
        session: Session,
        customer_id: str,
        purpose: str | None = None,
        on_read: Callable[[str, str], None] | None = None,
        actor: str | None = None,
        *,
        role: str | None = None,
    ) -> None:
        if (purpose is None) == (role is None):
            raise ValueError("a profile gateway reads for exactly one purpose or one agent role")
        self.session = session
        self.customer_id = customer_id
        self.on_read = on_read
        self.reads: list[tuple[str, str]] = []  # (purpose or role, field), in order
        if role is not None:
            self.purpose = None
            self.role = roles.role(role)  # an unknown role fails here
            self.name, self.fields = self.role.name, self.role.fields
            self.actor = f"agent:{self.role.name}"
            self._describe = f"role {self.role.name!r}"
        else:
            self.role = None
            self.purpose = purposes.purpose(purpose)  # an unknown purpose fails here
            self.name, self.fields = self.purpose.name, self.purpose.fields
            self.actor = actor or f"bot:{self.purpose.name}"  # staff exports read as "staff:cli"
            self._describe = f"purpose {self.purpose.name!r}"

    def allows(self, field: str) -> bool:
        return field in self.fields

    def read(self, field: str) -> Any:
        if not self.allows(field):
            self._refuse([field])
        if self.purpose is not None and self.purpose.requires_consent:
            name = self.purpose.name
            if field in purposes.sensitive_fields():  # the config refuses this too; never rely on one check
                raise FieldNotAllowed(f"purpose {name!r} asks for consent and may never read {field!r}")
            if not ledger.consent_state(self.session, self.customer_id, name).current_grant:
                raise ConsentRequired(f"purpose {name!r} needs the customer's current consent for {field!r}")
        value = READERS[field](self.session, self.customer_id)
        audit.append(self.session, self.actor, "read", self.customer_id, field)
        self.reads.append((self.name, field))
        if self.on_read is not None:
            self.on_read(self.name, field)
        return value

    def read_all(self, fields: list[str]) -> dict[str, Any]:
        """Read several fields, or none: any field outside the purpose or role refuses the lot."""
        refused = [field for field in fields if not self.allows(field)]
        if refused:
            self._refuse(refused)
        return {field: self.read(field) for field in fields}

    def _refuse(self, fields: list[str]) -> None:
        if self.role is not None:
            for field in fields:
                audit.append(self.session, self.actor, "refused", self.customer_id, field)
        asked = fields[0] if len(fields) == 1 else fields
        raise FieldNotAllowed(f"{self._describe} may not read {asked!r}; it may read {list(self.fields)}")
