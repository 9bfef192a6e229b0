"""The consent ledger: answers are appended, the state is read from the latest one."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from guardrails.consent import ledger, purposes
from guardrails.consent.models import AppendOnlyError, ConsentRecord
from guardrails.store import db
from tests.unit.consent.helpers import PERSONALISATION, grant

T0 = datetime(2026, 3, 1, 9, 30)


def test_when_customer_grants_then_state_is_a_current_grant(session):
    record = grant(session, "C001", now=T0)
    state = ledger.consent_state(session, "C001", PERSONALISATION)
    assert state.granted and state.answered and state.current_grant and not state.needs_asking
    assert state.decided_at == T0 == record.recorded_at
    assert state.notice_version == purposes.purpose(PERSONALISATION).version == record.notice_version
    assert (record.channel, record.source_event) == ("cli", "test/1")


def test_when_customer_withdraws_then_state_is_answered_but_not_granted(session):
    grant(session, "C001", now=T0)
    grant(session, "C001", granted=False, now=T0 + timedelta(minutes=5))
    state = ledger.consent_state(session, "C001", PERSONALISATION)
    assert state.answered and not (state.granted or state.needs_asking or state.current_grant)
    assert state.decided_at == T0 + timedelta(minutes=5)


@pytest.mark.parametrize(
    "answers, granted, answered",
    [
        ([], False, False),  # never asked
        ([True], True, True),
        ([False], False, True),  # declined in the ledger
        ([True, False], False, True),  # withdrawn
        ([False, True], True, True),  # changed their mind
        ([True, False, True], True, True),
    ],
)
def test_when_answers_follow_each_other_then_only_the_latest_counts(session, answers, granted, answered):
    for minute, answer in enumerate(answers):
        grant(session, "C002", granted=answer, now=T0 + timedelta(minutes=minute))
    state = ledger.consent_state(session, "C002", PERSONALISATION)
    assert (state.granted, state.answered, state.needs_asking) == (granted, answered, not answered)


def test_when_answers_share_a_timestamp_then_the_later_row_wins(session):
    grant(session, "C002", granted=True, now=T0)
    grant(session, "C002", granted=False, now=T0)
    assert not ledger.consent_state(session, "C002", PERSONALISATION).granted


def test_when_notice_changes_then_customer_is_asked_again(session, new_notice):
    grant(session, "C001", now=T0)
    new_notice(PERSONALISATION, "2099-01")
    state = ledger.consent_state(session, "C001", PERSONALISATION)
    assert state.granted and state.needs_asking and not state.current_grant
    assert state.notice_version != "2099-01"

    renewed = grant(session, "C001", now=T0 + timedelta(days=1))
    assert renewed.notice_version == "2099-01"
    assert ledger.consent_state(session, "C001", PERSONALISATION).current_grant


def test_when_customer_changes_mind_then_every_answer_is_kept_in_order(session):
    for minute, answer in enumerate([True, False, True]):
        ledger.record_consent(session, "C003", PERSONALISATION, answer, "rest", f"conv-1/{minute}",
                              now=T0 + timedelta(minutes=minute))
    history = ledger.consent_history(session, "C003")
    assert [(r.granted, r.source_event) for r in history] == [
        (True, "conv-1/0"), (False, "conv-1/1"), (True, "conv-1/2")
    ]
    assert ledger.consent_history(session, "C004") == []


def test_when_one_customer_answers_then_others_are_unaffected(session):
    grant(session, "C001")
    assert ledger.consent_state(session, "C002", PERSONALISATION).needs_asking


def test_when_listing_choices_then_every_consent_purpose_is_there_answered_or_not(session):
    assert set(ledger.current_choices(session, "C005")) == set(purposes.consent_purposes())
    grant(session, "C005")
    assert ledger.current_choices(session, "C005")[PERSONALISATION].current_grant


def test_when_time_has_a_zone_then_it_is_stored_as_utc(session):
    record = grant(session, "C001", now=datetime(2026, 3, 1, 10, 30, tzinfo=timezone(timedelta(hours=1))))
    assert record.recorded_at == T0


@pytest.mark.parametrize(
    "customer_id, purpose, channel, error",
    [
        ("C001", "order_service", "rest", ValueError),  # the contract needs no consent to record
        ("C001", "marketing", "rest", purposes.UnknownPurpose),
        ("C999", PERSONALISATION, "rest", LookupError),
        ("C001", PERSONALISATION, "", ValueError),  # where it came from is part of the evidence
    ],
)
def test_when_answer_cannot_be_evidence_then_recording_fails(session, customer_id, purpose, channel, error):
    with pytest.raises(error):
        ledger.record_consent(session, customer_id, purpose, True, channel, "test/1")
    assert session.scalar(select(func.count()).select_from(ConsentRecord)) == 0


def _update(session, record):
    record.granted = False


def _delete(session, record):
    session.delete(record)


@pytest.mark.parametrize("change", [_update, _delete])
def test_when_a_record_is_changed_through_the_orm_then_flush_refuses(store_url, change):
    with db.session_factory(store_url)() as session:  # closed without commit: nothing leaks
        record = grant(session, "C001")
        change(session, record)
        with pytest.raises(AppendOnlyError, match="append-only"):
            session.flush()


def test_when_a_record_is_only_read_then_flush_does_not_complain(session):
    record = grant(session, "C001")
    record.granted = record.granted  # no net change
    session.flush()
