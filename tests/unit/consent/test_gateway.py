"""The profile gateway: a purpose reads only its own fields, and personalisation only with consent."""

import dataclasses

import pytest

from guardrails.consent import purposes
from guardrails.profile_gateway import READERS, ConsentRequired, FieldNotAllowed, ProfileGateway
from tests.unit.consent.helpers import PERSONALISATION, grant


@pytest.mark.parametrize(
    "purpose, field, expected",
    [
        ("order_service", "orders", lambda v: [o.number for o in v] == ["10001", "10002", "10003"]),
        ("order_service", "refunds", lambda v: [r.order_number for r in v] == ["10002"]),
        ("billing", "invoices", lambda v: [i.number for i in v] == ["INV-20001", "INV-20002", "INV-20003"]),
        ("address_change", "address", lambda v: v == "1 Example Street, Testville, TE1 1ST"),
        (PERSONALISATION, "preferences", lambda v: v == ["camping"]),
        (PERSONALISATION, "purchase_history",
         lambda v: [p.product_id for p in v] == ["P002", "P010", "P001", "P011", "P003"]),
    ],
)
def test_when_purpose_declares_the_field_then_read_returns_it(session, purpose, field, expected):
    grant(session, "C001")  # only personalisation needs it; harmless for the others
    assert expected(ProfileGateway(session, "C001", purpose).read(field))


def test_when_an_order_was_cancelled_then_it_is_not_in_the_purchase_history(session):
    grant(session, "C004")
    history = ProfileGateway(session, "C004", PERSONALISATION).read("purchase_history")
    assert [(p.product_name, p.category) for p in history] == [
        ("Merino base layer", "clothing"),
        ("Fieldbook notebook", "stationery"),  # the gift card's order was cancelled
    ]


@pytest.mark.parametrize(
    "purpose, field",
    [
        (PERSONALISATION, "address"),  # a recommendation has no business with where you live
        ("billing", "purchase_history"),  # a billing question is not a profile lookup
        (PERSONALISATION, "birth_year"),
        (PERSONALISATION, "gender"),
        ("order_service", "address"),
        ("address_change", "invoices"),
    ],
)
def test_when_field_is_outside_the_purpose_then_read_fails_naming_both(session, purpose, field):
    grant(session, "C001")
    gateway = ProfileGateway(session, "C001", purpose)
    with pytest.raises(FieldNotAllowed, match=f"{purpose}.*{field}"):
        gateway.read(field)
    assert gateway.reads == []


def _never_answered(session):
    pass


def _withdrawn(session):
    grant(session, "C002")
    grant(session, "C002", granted=False)


def _declined(session):
    grant(session, "C002", granted=False)


@pytest.mark.parametrize("history", [_never_answered, _withdrawn, _declined])
def test_when_there_is_no_current_grant_then_personalisation_cannot_read(session, history):
    history(session)
    with pytest.raises(ConsentRequired, match="personalisation"):
        ProfileGateway(session, "C002", PERSONALISATION).read("purchase_history")


def test_when_the_grant_was_for_an_older_notice_then_personalisation_cannot_read(session, new_notice):
    grant(session, "C002")
    new_notice(PERSONALISATION, "2099-01")
    with pytest.raises(ConsentRequired):
        ProfileGateway(session, "C002", PERSONALISATION).read("preferences")


def test_when_consent_is_withdrawn_mid_conversation_then_the_very_next_read_fails(session):
    grant(session, "C002")
    gateway = ProfileGateway(session, "C002", PERSONALISATION)
    assert gateway.read("preferences") == ["running"]
    grant(session, "C002", granted=False)
    with pytest.raises(ConsentRequired):
        gateway.read("preferences")


def test_when_fields_are_read_then_each_read_is_listed_and_reported(session):
    grant(session, "C003")
    reported = []
    gateway = ProfileGateway(session, "C003", PERSONALISATION, on_read=lambda *read: reported.append(read))
    gateway.read("purchase_history")
    gateway.read("preferences")
    with pytest.raises(FieldNotAllowed):
        gateway.read("address")  # refused reads read nothing, so they are not listed
    expected = [(PERSONALISATION, "purchase_history"), (PERSONALISATION, "preferences")]
    assert gateway.reads == expected == reported


def test_when_config_somehow_grants_a_sensitive_field_then_the_gateway_still_refuses(session, monkeypatch):
    config = purposes.load()
    widened = dataclasses.replace(config.purposes[PERSONALISATION], fields=("purchase_history", "gender"))
    patched = dataclasses.replace(config, purposes={PERSONALISATION: widened})
    monkeypatch.setattr(purposes, "load", lambda: patched)
    grant(session, "C001")
    with pytest.raises(FieldNotAllowed, match="gender"):
        ProfileGateway(session, "C001", PERSONALISATION).read("gender")


def test_when_purpose_is_unknown_then_the_gateway_is_not_built(session):
    with pytest.raises(purposes.UnknownPurpose):
        ProfileGateway(session, "C001", "marketing")


def test_when_customer_is_unknown_then_reading_their_profile_fails(session):
    with pytest.raises(LookupError):
        ProfileGateway(session, "C999", "address_change").read("address")


def test_when_config_names_a_field_then_the_gateway_can_read_it():
    assert set(READERS) == purposes.PROFILE_FIELDS
