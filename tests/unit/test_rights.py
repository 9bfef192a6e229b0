"""Export, one-time links and erasure, on a real SQLite store seeded with the demo customers."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from guardrails import audit, conversation_store
from guardrails.agents import handoffs
from guardrails.consent import purposes
from guardrails.consent.models import ConsentRecord
from guardrails.rights import erasure, export, links, requests
from guardrails.rights.requests import RightsRequest
from guardrails.store import queries
from guardrails.store.models import Customer, Invoice, Order, Refund
from tests.canary import everything_stored, found
from tests.unit.rights_helpers import CANARY, CANARY_ID, add_canary_customer, add_conversation

NOW = datetime(2026, 2, 1, 12, 0)


@pytest.fixture
def canary(session):
    add_canary_customer(session, CANARY_ID, "19001", CANARY)
    add_conversation(session, "canary-chat", CANARY_ID)
    add_conversation(session, "someone-else", "C001", text="hello from Alice")
    return session


def test_when_exported_then_every_category_is_in_the_document(canary):
    document = export.build_export(canary, CANARY_ID, now=NOW)
    assert document["format"] == export.FORMAT
    profile = document["profile"]
    assert (profile["full_name"], profile["email"], profile["phone"], profile["address"]) == (
        CANARY["name"], CANARY["email"], CANARY["phone"], CANARY["address"])
    assert [order["items"][0]["product"] for order in document["orders"]] == ["Ridge 2 tent"]
    assert document["orders"][0]["shipping_address"] == CANARY["address"]
    assert document["refunds"][0]["reason"] == CANARY["refund reason"]
    assert document["invoices"][0]["payment_method"] == CANARY["card"]
    assert [(c["purpose"], c["granted"]) for c in document["consents"]] == [("personalisation", True)]
    [conversation] = document["conversations"]  # only their own conversation
    assert conversation["tracker_events"][0]["text"] == CANARY["typed"]  # decrypted, as stored
    assert conversation["conversation_log"][0]["text"] == "<MASKED>"  # masked, as stored
    assert any(row["action"] == "consent_granted" for row in document["audit_trail"])


def test_when_exported_then_each_category_read_is_audited_for_data_rights(canary):
    export.build_export(canary, CANARY_ID, actor="staff:cli")
    reads = {(row.actor, row.detail) for row in audit.rows_for(canary, CANARY_ID) if row.action == "read"}
    # every field of the data_rights purpose but purchase_history, which the orders already hold
    expected = set(purposes.purpose("data_rights").fields) - {"purchase_history"}
    assert reads == {("staff:cli", field) for field in expected}


def test_when_the_export_is_serialised_then_it_is_json_with_iso_dates(canary):
    text = export.to_json(export.build_export(canary, CANARY_ID))
    assert '"placed_at": "2026-01-05T10:00:00"' in text


def test_when_an_unknown_customer_is_exported_then_it_says_so(session):
    with pytest.raises(queries.UnknownCustomer):
        export.build_export(session, "C999")


def test_when_a_link_is_redeemed_by_its_customer_then_it_works_once(canary):
    link = links.create_link(canary, CANARY_ID, now=NOW)
    assert link.path.startswith(links.ROUTE) and len(link.link_id) >= 40
    document = links.redeem(canary, link.link_id, CANARY_ID, now=NOW + timedelta(minutes=1))
    assert document["profile"]["email"] == CANARY["email"]
    with pytest.raises(links.LinkRefused) as second:
        links.redeem(canary, link.link_id, CANARY_ID, now=NOW + timedelta(minutes=2))
    assert second.value.status == 410
    [request] = canary.scalars(select(RightsRequest).where(RightsRequest.kind == "export")).all()
    assert (request.channel, request.requested_at, request.fulfilled_at) == ("chat", NOW, NOW + timedelta(minutes=1))


@pytest.mark.parametrize(
    "who, link_id, minutes_later, status",
    [
        ("C001", None, 1, 404),  # another customer's token: same answer as an unknown link
        (CANARY_ID, "x" * 43, 1, 404),  # a link that was never made
        (CANARY_ID, None, 16, 410),  # past the 15-minute default expiry
    ],
)
def test_when_a_link_is_misused_then_it_is_refused_and_stays_unspent(canary, who, link_id, minutes_later, status):
    link = links.create_link(canary, CANARY_ID, now=NOW)
    with pytest.raises(links.LinkRefused) as refused:
        links.redeem(canary, link_id or link.link_id, who, now=NOW + timedelta(minutes=minutes_later))
    assert refused.value.status == status
    assert canary.scalars(select(links.ExportLink.used_at)).one() is None


def test_when_links_are_stored_then_only_a_hash_and_a_pseudonym_are_kept(canary, store_url):
    link = links.create_link(canary, CANARY_ID, now=NOW)
    canary.commit()
    stored = everything_stored(store_url)["export_links"]
    assert link.link_id.lower() not in stored
    assert re.search(rf"\b{CANARY_ID.lower()}\b", stored) is None


def test_when_a_customer_is_erased_then_nothing_about_them_is_left(canary, store_url):
    links.create_link(canary, CANARY_ID, now=NOW)
    handoffs.request_handoff(canary, "canary-chat", CANARY_ID, now=NOW)
    handoffs.request_handoff(canary, "someone-else", "C001", now=NOW)
    summary = erasure.erase_customer(canary, CANARY_ID, channel="cli", now=NOW)
    assert summary.profile_deleted and summary.consents_deleted == 1 and summary.export_links_deleted == 1
    assert summary.handoffs_deleted == 1
    assert [handoff.customer for handoff in handoffs.open_handoffs(canary)] == ["C001"]
    assert (summary.conversations_deleted, summary.tracker_rows_deleted, summary.log_rows_deleted) == (1, 1, 1)
    assert (summary.orders_anonymised, summary.refunds_anonymised, summary.invoices_anonymised) == (1, 1, 1)
    canary.commit()
    stored = everything_stored(store_url, decrypt_trackers=True)
    assert found(CANARY, stored) == []
    assert re.search(rf"\b{CANARY_ID.lower()}\b", "\n".join(stored.values())) is None  # the id, not inside a hash


def test_when_a_customer_is_erased_then_accounting_facts_stay_anonymous(canary):
    erasure.erase_customer(canary, CANARY_ID, channel="chat", now=NOW)
    order = canary.get(Order, "19001")
    assert (order.customer_id, order.shipping_address, order.status, order.total_cents) == (
        erasure.ERASED_ACCOUNT, None, "delivered", 18900)
    invoice = canary.get(Invoice, "INV-19001")
    assert (invoice.customer_id, invoice.payment_method, invoice.amount_cents) == (erasure.ERASED_ACCOUNT, None, 18900)
    refund = canary.scalars(select(Refund).where(Refund.order_number == "19001")).one()
    assert (refund.reason, refund.amount_cents) == (None, 18900)
    assert canary.get(Customer, erasure.ERASED_ACCOUNT).email == ""


def test_when_a_customer_is_erased_then_the_request_and_audit_rows_prove_it(canary):
    erasure.erase_customer(canary, CANARY_ID, channel="chat", now=NOW)
    request = canary.scalars(select(RightsRequest).where(RightsRequest.kind == "erasure")).one()
    assert (request.customer, request.channel, request.fulfilled_at) == (
        audit.customer_pseudonym(CANARY_ID), "chat", NOW)
    actions = [(row.actor, row.action, row.detail) for row in audit.rows_for(canary, CANARY_ID)]
    assert ("customer:chat", "rights_requested", "erasure") in actions
    assert ("customer:chat", "rights_fulfilled", "erasure") in actions
    assert audit.verify(canary).intact


def test_when_a_customer_is_erased_then_other_customers_are_untouched(canary):
    before = canary.scalar(select(func.count()).select_from(ConsentRecord))
    erasure.erase_customer(canary, CANARY_ID, channel="cli")
    assert canary.get(Customer, "C001").full_name == "Alice Example"
    assert canary.get(Order, "10001").customer_id == "C001"
    assert canary.scalar(select(func.count()).select_from(ConsentRecord)) == before - 1
    assert conversation_store.conversations_of(canary, "C001") != []


def test_when_erasure_runs_twice_then_the_second_finds_nothing_but_is_recorded(canary):
    erasure.erase_customer(canary, CANARY_ID, channel="chat")
    again = erasure.erase_customer(canary, CANARY_ID, channel="chat")
    assert not again.profile_deleted and again.orders_anonymised == 0
    assert len(canary.scalars(select(RightsRequest).where(RightsRequest.kind == "erasure")).all()) == 2


@pytest.mark.parametrize("kind, channel", [("deletion", "chat"), ("export", "email")])
def test_when_a_request_is_not_a_known_kind_or_channel_then_it_is_refused(session, kind, channel):
    with pytest.raises(ValueError):
        requests.record_request(session, "C001", kind, channel)
