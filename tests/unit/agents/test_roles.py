"""Agent roles: the YAML says what each role may see, and the gateway holds every role to it."""

import pytest

from guardrails import audit
from guardrails.agents import roles
from guardrails.config import ConfigError
from guardrails.consent.purposes import PROFILE_FIELDS
from guardrails.profile_gateway import FieldNotAllowed, ProfileGateway

# What the README promises each role sees; the YAML must say exactly this.
EXPECTED = {
    "billing": {"invoices", "refunds"},
    "delivery": {"orders", "address"},
    "supervisor": {"orders", "refunds", "invoices", "address", "purchase_history", "preferences"},
}
EVERY_PAIR = [(role, field) for role in EXPECTED for field in sorted(PROFILE_FIELDS)]


def test_when_roles_load_then_each_has_exactly_the_promised_fields():
    assert {name: set(role.fields) for name, role in roles.load().items()} == EXPECTED


@pytest.mark.parametrize("role, field", EVERY_PAIR)
def test_when_an_agent_reads_a_field_then_only_role_fields_are_returned_and_each_try_is_audited(
    session, role, field
):
    gateway = ProfileGateway(session, "C001", role=role)
    if field in EXPECTED[role]:
        assert gateway.read(field) is not None
        expected_row = (f"agent:{role}", "read", field)
    else:
        with pytest.raises(FieldNotAllowed, match=f"role '{role}' may not read '{field}'"):
            gateway.read(field)
        expected_row = (f"agent:{role}", "refused", field)
    assert [(r.actor, r.action, r.detail) for r in audit.rows_for(session, "C001")] == [expected_row]


def test_when_read_all_includes_a_field_outside_the_role_then_nothing_is_read(session):
    gateway = ProfileGateway(session, "C001", role="billing")
    with pytest.raises(FieldNotAllowed, match="address"):
        gateway.read_all(["invoices", "address", "purchase_history"])
    assert gateway.reads == []
    rows = [(r.action, r.detail) for r in audit.rows_for(session, "C001")]
    assert rows == [("refused", "address"), ("refused", "purchase_history")]


def test_when_read_all_stays_inside_the_role_then_every_field_is_read_once(session):
    values = ProfileGateway(session, "C001", role="delivery").read_all(["orders", "address"])
    assert values["address"] == "1 Example Street, Testville, TE1 1ST"
    assert [o.number for o in values["orders"]] == ["10001", "10002", "10003"]
    assert [r.detail for r in audit.rows_for(session, "C001")] == ["orders", "address"]


def test_when_a_bot_purpose_is_refused_then_no_refusal_row_is_written(session):
    # a bot purpose reading outside its fields is a wiring bug that fails tests, not a person asking
    with pytest.raises(FieldNotAllowed):
        ProfileGateway(session, "C001", "billing").read("address")
    assert audit.rows_for(session, "C001") == []


@pytest.mark.parametrize(
    "arguments, error",
    [
        ({"purpose": "billing", "role": "billing"}, ValueError),  # one or the other, never both
        ({}, ValueError),
        ({"role": "marketing"}, roles.UnknownRole),
    ],
)
def test_when_the_gateway_is_built_wrongly_then_it_fails_at_once(session, arguments, error):
    with pytest.raises(error):
        ProfileGateway(session, "C001", **arguments)


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "non-empty 'roles'"),
        ({"roles": {"billing": {"description": "x", "fields": ["invoice"]}}}, "unknown profile fields"),
        ({"roles": {"nosy": {"description": "x", "fields": ["orders", "birth_year"]}}}, "sensitive"),
        ({"roles": {"nosy": {"description": "x", "fields": ["gender"]}}}, "sensitive"),
        ({"roles": {"Bad Name": {"description": "x", "fields": []}}}, "role name"),
        ({"roles": {"billing": {"fields": ["invoices"]}}}, "description"),
        ({"roles": {"billing": {"description": "x", "fields": "invoices"}}}, "'fields'"),
    ],
)
def test_when_the_roles_config_is_wrong_then_loading_names_the_problem(data, message):
    with pytest.raises(ConfigError, match=message):
        roles.parse(data)
