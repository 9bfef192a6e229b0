"""Which answer the assistant gives, decided from the store without Rasa."""

import pytest

from actions import service
from guardrails.store.models import today


@pytest.mark.parametrize(
    "customer_id, order_number, response, order_in_reply",
    [
        ("C001", None, "utter_order_shipped", "10003"),  # latest order
        ("C001", "10001", "utter_order_delivered", "10001"),  # an older one, by number
        ("C002", None, "utter_order_placed", "10005"),  # not shipped yet
        ("C004", "10008", "utter_order_cancelled", "10008"),
        ("C001", "10004", "utter_order_not_found", "10004"),  # Bob's order: not revealed
        ("C001", "10999", "utter_order_not_found", "10999"),  # does not exist: same answer
    ],
)
def test_when_asking_order_status_then_only_own_orders_are_described(
    session, customer_id, order_number, response, order_in_reply
):
    reply = service.order_status(session, customer_id, order_number)
    assert reply.response == response
    assert reply.values["order_number"] == order_in_reply
    if response == "utter_order_not_found":
        assert set(reply.values) == {"order_number"}  # nothing about the other order


def test_when_customer_has_no_orders_then_reply_says_so(session):
    assert service.order_status(session, "C007", None).response == "utter_no_orders"


def test_when_order_has_several_items_then_they_read_as_a_list(session):
    reply = service.order_status(session, "C004", "10007")
    assert reply.values["items"] == "2 × Merino base layer and Fieldbook notebook"


@pytest.mark.parametrize(
    "customer_id, order_number, response",
    [
        ("C001", None, "utter_return_eligible"),  # delivered 8 days ago
        ("C003", None, "utter_return_window_closed"),  # delivered 85 days ago
        ("C001", "10003", "utter_return_not_delivered"),  # still shipping
        ("C004", "10008", "utter_return_cancelled"),
        ("C002", "10001", "utter_order_not_found"),  # Alice's order
        ("C007", None, "utter_no_orders"),
    ],
)
def test_when_asking_about_a_return_then_the_rule_for_that_order_applies(
    session, customer_id, order_number, response
):
    assert service.return_options(session, customer_id, order_number, today()).response == response


@pytest.mark.parametrize(
    "customer_id, response, amount",
    [
        ("C001", "utter_refund_approved", "£34.00"),
        ("C002", "utter_refund_paid", "£119.00"),
        ("C006", "utter_refund_rejected", "£39.99"),
    ],
)
def test_when_asking_about_a_refund_then_latest_refund_is_described(session, customer_id, response, amount):
    reply = service.refund_status(session, customer_id, None)
    assert (reply.response, reply.values["amount"]) == (response, amount)


def test_when_there_is_no_refund_then_reply_says_so(session):
    assert service.refund_status(session, "C005", None).response == "utter_no_refund"


def test_when_asking_about_a_bill_then_last_invoice_is_described(session):
    reply = service.last_invoice(session, "C002", None)
    assert reply.response == "utter_invoice_due"
    assert reply.values["invoice_number"] == "INV-20005"
    assert reply.values["amount"] == "£229.00"
    assert reply.values["payment_method"] == "Mastercard ending 4444"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12 Example Road, Testville, TE1 2AB", "12 Example Road, Testville, TE1 2AB"),
        ("12 Example Road\nTestville\nTE1 2AB", "12 Example Road, Testville, TE1 2AB"),  # multi-line
        ("  7 Sample St ,, Mockford ", "7 Sample St, Mockford"),  # stray commas and spaces
        ("where is my order", None),  # no number: not an address
        ("12345678901", None),  # no street name
        ("1 A", None),  # too short
        ("1 Example Road " * 20, None),  # too long
    ],
)
def test_when_cleaning_an_address_then_only_plausible_addresses_pass(text, expected):
    assert service.clean_address(text) == expected


def test_when_address_is_changed_then_reply_confirms(session):
    assert service.change_address(session, "C001", "2 Example Street, Testville").response == "utter_address_changed"
    assert service.change_address(session, "C999", "2 Example Street, Testville").response == "utter_account_not_found"


def test_when_customer_asks_what_is_held_then_categories_are_listed_and_the_reads_audited(session):
    from guardrails import audit

    reply = service.held_data(session, "C001")
    categories = reply.values["categories"]
    assert "3 order(s)" in categories and "1 refund(s)" in categories and "camping" in categories
    assert "year of birth and gender" in categories
    rows = audit.rows_for(session, "C001")
    assert {row.actor for row in rows if row.action == "read"} == {"bot:data_rights"}
    assert [(row.action, row.detail) for row in rows if row.action.startswith("rights_")] == [
        ("rights_requested", "access"), ("rights_fulfilled", "access")]


def test_when_customer_has_no_orders_then_no_order_category_is_claimed(session):
    categories = service.held_data(session, "C007").values["categories"]
    assert "order" not in categories and "invoice" not in categories
