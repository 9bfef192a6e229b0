"""What the assistant answers, as plain functions of the store (no Rasa import).

Each function takes an open session and the verified customer id and returns a
:class:`Reply`: the name of a domain response and the values that fill its template.
Profile data is read only through :class:`ProfileGateway`, for the purpose at hand
(order_service, billing), which allows exactly the fields that purpose declares.
The customer-facing wording lives in the domain, so these functions only decide *which*
answer applies and gather its facts. A customer id always comes from a verified token,
never from what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from guardrails.profile_gateway import ProfileGateway
from guardrails.rights import erasure, links, requests
from guardrails.store import queries, rules
from guardrails.store.models import Order


# One response per state, named in full so `make validate` can see that each is used.
ORDER_RESPONSES = {
    "placed": "utter_order_placed",
    "shipped": "utter_order_shipped",
    "delivered": "utter_order_delivered",
    "cancelled": "utter_order_cancelled",
}
RETURN_RESPONSES = {
    "eligible": "utter_return_eligible",
    "not_delivered": "utter_return_not_delivered",
    "window_closed": "utter_return_window_closed",
    "not_returnable": "utter_return_not_returnable",
    "cancelled": "utter_return_cancelled",
}
REFUND_RESPONSES = {
    "requested": "utter_refund_requested",
    "approved": "utter_refund_approved",
    "paid": "utter_refund_paid",
    "rejected": "utter_refund_rejected",
}
INVOICE_RESPONSES = {
    "paid": "utter_invoice_paid",
    "due": "utter_invoice_due",
    "refunded": "utter_invoice_refunded",
}


@dataclass(frozen=True)
class Reply:
    response: str
    values: dict[str, str] = field(default_factory=dict)
    custom: dict | None = None  # machine-readable payload, e.g. {"explanation": {...}}


def money(cents: int) -> str:
    return f"£{cents / 100:,.2f}"


def day(value: date | datetime | None) -> str:
    if value is None:
        return "an unknown date"
    return f"{value:%A} {value.day} {value:%B}"


def item_list(order: Order) -> str:
    names = [
        f"{item.quantity} × {item.product.name}" if item.quantity > 1 else item.product.name
        for item in order.items
    ]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _orders(session: Session, customer_id: str) -> list[Order]:
    """The customer's orders, oldest first, read through the gateway for order service."""
    return ProfileGateway(session, customer_id, "order_service").read("orders")


def _named_or_latest(orders: list[Order], order_number: str | None) -> tuple[Order | None, Reply | None]:
    """The named order if it is among the customer's, else their latest; or a reply saying why not.

    Someone else's order and a number that does not exist get the same answer, so the
    assistant cannot be used to probe which order numbers exist.
    """
    if order_number:
        named = next((order for order in orders if order.number == order_number), None)
        if named is None:
            return None, Reply("utter_order_not_found", {"order_number": order_number})
        return named, None
    if not orders:
        return None, Reply("utter_no_orders")
    return orders[-1], None


def order_status(session: Session, customer_id: str, order_number: str | None) -> Reply:
    order, problem = _named_or_latest(_orders(session, customer_id), order_number)
    if problem:
        return problem
    values = {
        "order_number": order.number,
        "items": item_list(order),
        "carrier": order.carrier or "our courier",
        "placed_on": day(order.placed_at),
        "expected_delivery": day(order.expected_delivery),
        "delivered_on": day(order.delivered_at),
    }
    return Reply(ORDER_RESPONSES[order.status], values)


def return_options(session: Session, customer_id: str, order_number: str | None, today: date) -> Reply:
    orders = _orders(session, customer_id)
    delivered = sorted((o for o in orders if o.status == "delivered"), key=lambda o: o.delivered_at)
    if order_number or not delivered:
        order, problem = _named_or_latest(orders, order_number)
    else:  # without a number, the latest delivered order is the one they mean
        order, problem = delivered[-1], None
    if problem:
        return problem
    verdict = rules.return_eligibility(order, today)
    values = {
        "order_number": order.number,
        "items": ", ".join(verdict.items) or item_list(order),
        "last_day": day(verdict.last_day),
        "return_window_days": str(rules.RETURN_WINDOW_DAYS),
    }
    return Reply(RETURN_RESPONSES[verdict.reason], values)


def refund_status(session: Session, customer_id: str, order_number: str | None) -> Reply:
    gateway = ProfileGateway(session, customer_id, "order_service")
    if order_number and order_number not in {order.number for order in gateway.read("orders")}:
        return Reply("utter_order_not_found", {"order_number": order_number})
    refunds = [r for r in gateway.read("refunds") if order_number in (None, r.order_number)]
    if not refunds:
        return Reply("utter_no_refund")
    refund = refunds[-1]
    values = {
        "order_number": refund.order_number,
        "amount": money(refund.amount_cents),
        "requested_on": day(refund.requested_at),
        "completed_on": day(refund.completed_at),
        "reason": refund.reason or "no reason given",
    }
    return Reply(REFUND_RESPONSES[refund.status], values)


def last_invoice(session: Session, customer_id: str, order_number: str | None) -> Reply:
    """Billing may read invoices only: a named order is found through its invoice."""
    invoices = ProfileGateway(session, customer_id, "billing").read("invoices")
    if order_number:
        invoices = [invoice for invoice in invoices if invoice.order_number == order_number]
        if not invoices:
            return Reply("utter_order_not_found", {"order_number": order_number})
    if not invoices:
        return Reply("utter_no_invoice")
    invoice = invoices[-1]
    values = {
        "invoice_number": invoice.number,
        "order_number": invoice.order_number,
        "amount": money(invoice.amount_cents),
        "issued_on": day(invoice.issued_at),
        "payment_method": invoice.payment_method or "your saved payment method",
    }
    return Reply(INVOICE_RESPONSES[invoice.status], values)


MIN_ADDRESS_LENGTH = 10
MAX_ADDRESS_LENGTH = 200


def clean_address(text: str) -> str | None:
    """A tidy one-line address, or None when the text cannot be a postal address."""
    one_line = ", ".join(part.strip() for part in text.replace("\n", ",").split(",") if part.strip())
    has_digit = any(char.isdigit() for char in one_line)
    has_letters = sum(char.isalpha() for char in one_line) >= 4
    if not (MIN_ADDRESS_LENGTH <= len(one_line) <= MAX_ADDRESS_LENGTH) or not has_digit or not has_letters:
        return None
    return one_line


def change_address(session: Session, customer_id: str, new_address: str) -> Reply:
    if not queries.change_address(session, customer_id, new_address):
        return Reply("utter_account_not_found")
    return Reply("utter_address_changed")


def held_data(session: Session, customer_id: str) -> Reply:
    """A data-access answer: which categories we hold about this customer, and for what.

    Read through the gateway for the ``data_rights`` purpose, so the request itself is
    audited like every other use of the profile, and registered as an access request.
    """
    requests.record_fulfilled(session, customer_id, "access", "chat")
    if queries.customer(session, customer_id) is None:
        return Reply("utter_no_account_data")
    gateway = ProfileGateway(session, customer_id, "data_rights")
    orders, refunds, invoices = gateway.read("orders"), gateway.read("refunds"), gateway.read("invoices")
    interests = gateway.read("preferences")
    held = [
        "your name, email address and phone number (your account)",
        "your postal address" if gateway.read("address") else None,
        f"{len(orders)} order(s) with their items and delivery address" if orders else None,
        f"{len(refunds)} refund(s)" if refunds else None,
        f"{len(invoices)} invoice(s), with only the card brand and last four digits" if invoices else None,
        f"the interests you told us ({', '.join(interests)})" if interests else None,
        "your year of birth and gender (never used for suggestions)"
        if gateway.read("birth_year") or gateway.read("gender") else None,
    ]
    return Reply("utter_data_held", {"categories": "; ".join(item for item in held if item)})


def export_link(session: Session, customer_id: str, public_url: str) -> Reply:
    """A one-time download link for the customer's export (the export itself is made on download)."""
    if queries.customer(session, customer_id) is None:
        requests.record_fulfilled(session, customer_id, "export", "chat")  # answered: nothing to export
        return Reply("utter_no_account_data")
    link = links.create_link(session, customer_id)
    url = public_url + link.path
    minutes = str(max(1, link.ttl_seconds // 60))
    payload = {"export_link": {"url": url, "path": link.path, "expires_at": link.expires_at.isoformat() + "Z",
                               "single_use": True}}
    return Reply("utter_export_link", {"link": url, "minutes": minutes}, payload)


def erase(session: Session, customer_id: str) -> Reply:
    """Erase everything about the customer that the law lets us erase (see guardrails/rights/erasure.py)."""
    erasure.erase_customer(session, customer_id, channel="chat")
    return Reply("utter_data_erased")
