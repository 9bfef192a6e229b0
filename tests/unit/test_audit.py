"""The audit trail: every profile read and consent change is a chained row; tampering shows."""

import pytest
from sqlalchemy import text

from guardrails import audit
from guardrails.cli import main as candor
from guardrails.consent import ledger
from guardrails.profile_gateway import FieldNotAllowed, ProfileGateway


def write_rows(session, count: int = 5) -> list[audit.AuditRecord]:
    return [audit.append(session, "bot:order_service", "read", "C001", f"field{i}") for i in range(count)]


def test_when_rows_are_appended_then_the_chain_verifies(session):
    rows = write_rows(session)
    assert rows[0].previous_hash == audit.GENESIS
    assert all(later.previous_hash == earlier.row_hash for earlier, later in zip(rows, rows[1:]))
    assert audit.verify(session) == audit.Verdict(True, 5)


@pytest.mark.parametrize(
    "tamper, broken_index",
    [
        # a row's content is edited: that row's own hash no longer matches
        ("UPDATE audit_trail SET detail = 'address' WHERE id = {ids[2]}", 2),
        # a row is deleted: the next row no longer follows the one before it
        ("DELETE FROM audit_trail WHERE id = {ids[1]}", 2),
        # two rows swap places: the first moved row no longer follows its new predecessor
        ("UPDATE audit_trail SET id = CASE id WHEN {ids[3]} THEN -1 ELSE id END WHERE id = {ids[3]}; "
         "UPDATE audit_trail SET id = {ids[3]} WHERE id = {ids[4]}; "
         "UPDATE audit_trail SET id = {ids[4]} WHERE id = -1", 3),
    ],
)
def test_when_a_row_is_tampered_with_then_verify_names_the_first_broken_row(session, tamper, broken_index):
    ids = [row.id for row in write_rows(session)]
    for statement in tamper.format(ids=ids).split("; "):
        session.execute(text(statement))
    verdict = audit.verify(session)
    assert not verdict.intact
    assert verdict.first_broken_id == ids[broken_index]


def test_when_the_gateway_reads_a_field_then_an_audit_row_names_purpose_and_field(session):
    ProfileGateway(session, "C002", "billing").read("invoices")
    rows = audit.rows_for(session, "C002")
    assert [(row.actor, row.action, row.detail) for row in rows] == [("bot:billing", "read", "invoices")]
    assert "C002" not in rows[0].customer  # pseudonymous


def test_when_a_read_is_refused_then_nothing_is_logged_as_read(session):
    with pytest.raises(FieldNotAllowed):
        ProfileGateway(session, "C002", "billing").read("purchase_history")
    assert audit.rows_for(session, "C002") == []


def test_when_consent_changes_then_the_trail_records_it(session):
    ledger.record_consent(session, "C003", "personalisation", True, "rest", "conv/1")
    ledger.record_consent(session, "C003", "personalisation", False, "rest", "conv/2")
    assert [row.action for row in audit.rows_for(session, "C003")] == ["consent_granted", "consent_withdrawn"]


def test_when_running_the_cli_then_verify_and_show_report(capsys, cli_store):
    from guardrails.store import db

    with db.session_factory(cli_store).begin() as session:
        write_rows(session, 3)
    assert candor(["audit", "verify"]) == 0
    assert "intact: 3 rows" in capsys.readouterr().out
    assert candor(["audit", "show", "--customer", "C001"]) == 0
    assert "3 row(s) for C001" in capsys.readouterr().out
    with db.session_factory(cli_store).begin() as session:
        session.execute(text("UPDATE audit_trail SET actor = 'agent:billing' WHERE id = 2"))
    assert candor(["audit", "verify"]) == 1
    assert "BROKEN at row 2" in capsys.readouterr().out
