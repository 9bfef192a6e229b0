"""Erase a customer: everything that is about them goes; only the proof of the request stays.

Deleted: the customer row (name, email, phone, address, age, gender, interests), every
consent-ledger row (a deliberate Core ``delete()``: the ORM refuses to delete ledger rows),
both tables' rows of every conversation they had with the assistant (found through the
customer key in the masked log), their export links and their hand-overs to human agents.

Kept, as anonymous accounting facts: orders (number, dates, status, carrier, items and
prices), refunds (amount, status, dates) and invoices (number, amount, status, date), which
bookkeeping must keep for years. Their personal columns (those marked ``personal`` in
guardrails/store/models.py: shipping address, refund reason, payment card) are cleared and
they move to one shared ``ERASED`` account, so nothing links them to a person any more.

Kept as proof: the rights_requests row and the audit rows, which name the customer only by
the audit pseudonym.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from guardrails import conversation_store
from guardrails.agents import handoffs
from guardrails.consent.models import ConsentRecord
from guardrails.rights import links, requests
from guardrails.store.models import Customer, Invoice, Order, Refund

ERASED_ACCOUNT = "ERASED"  # the one account that anonymised accounting rows belong to
# action_erase_data sets this slot right after an erasure; the tracker store (bot/stores.py)
# then saves and streams only the events after it, so the erased conversation never comes back.
MARKER_SLOT = "data_erased"


@dataclass(frozen=True)
class ErasureSummary:
    request_id: int
    profile_deleted: bool
    orders_anonymised: int
    refunds_anonymised: int
    invoices_anonymised: int
    consents_deleted: int
    conversations_deleted: int
    tracker_rows_deleted: int
    log_rows_deleted: int
    export_links_deleted: int
    handoffs_deleted: int


def personal_columns(table: Table) -> dict[str, None]:
    """``{column: None}`` for every column the models mark as personal."""
    return {column.name: None for column in table.columns if column.info.get("personal")}


def erase_customer(session: Session, customer_id: str, channel: str, now: datetime | None = None) -> ErasureSummary:
    """Erase ``customer_id`` in the caller's transaction and record the fulfilled request."""
    now = now or datetime.utcnow()
    request = requests.record_request(session, customer_id, "erasure", channel, now)
    senders = conversation_store.conversations_of(session, customer_id)
    tracker_rows, log_rows = conversation_store.delete_conversations(session, senders)
    export_links = links.delete_links(session, customer_id)
    handoffs_deleted = handoffs.forget_customer(session, customer_id)
    consents = session.execute(delete(ConsentRecord).where(ConsentRecord.customer_id == customer_id)).rowcount
    orders, refunds, invoices = _anonymise_accounting(session, customer_id)
    profile = session.execute(
        delete(Customer).where(Customer.id == customer_id).execution_options(synchronize_session=False)
    ).rowcount
    requests.fulfil(session, request, customer_id, now)
    return ErasureSummary(request.id, bool(profile), orders, refunds, invoices, consents, len(senders),
                          tracker_rows, log_rows, export_links, handoffs_deleted)


def _anonymise_accounting(session: Session, customer_id: str) -> tuple[int, int, int]:
    if customer_id == ERASED_ACCOUNT:
        return 0, 0, 0
    their_orders = select(Order.number).where(Order.customer_id == customer_id).scalar_subquery()
    refunds = session.execute(
        update(Refund).where(Refund.order_number.in_(their_orders)).values(**personal_columns(Refund.__table__))
        .execution_options(synchronize_session=False)
    ).rowcount
    has_accounting = session.scalars(select(Order.number).where(Order.customer_id == customer_id).limit(1)).first()
    if has_accounting is not None and session.get(Customer, ERASED_ACCOUNT) is None:
        session.add(Customer(id=ERASED_ACCOUNT, full_name="(erased customers)", email="", preferences=[]))
        session.flush()
    invoices = session.execute(
        update(Invoice).where(Invoice.customer_id == customer_id)
        .values(customer_id=ERASED_ACCOUNT, **personal_columns(Invoice.__table__))
        .execution_options(synchronize_session=False)
    ).rowcount
    orders = session.execute(
        update(Order).where(Order.customer_id == customer_id)
        .values(customer_id=ERASED_ACCOUNT, **personal_columns(Order.__table__))
        .execution_options(synchronize_session=False)
    ).rowcount
    return orders, refunds, invoices
