"""Retention: whole idle conversations and old log rows go; anything recent stays."""

import json
import threading
from datetime import datetime, timedelta

import pytest

from guardrails import retention
from guardrails.agents import handoffs
from guardrails.cli import main as candor
from tests.unit import rasa_tables

NOW = datetime(2026, 11, 2, 12, 0)
OLD = NOW - timedelta(days=120)
RECENT = NOW - timedelta(days=2)
NINETY_DAYS = timedelta(days=90)


@pytest.fixture
def conversations(session):
    """An idle old conversation, a recent one, and an old one the customer came back to."""
    rasa_tables.create(session)
    for sender, times in {"old": [OLD, OLD], "recent": [RECENT], "revived": [OLD, OLD, RECENT]}.items():
        for at in times:
            rasa_tables.tracker_event(session, sender, at)
            rasa_tables.log_event(session, sender, at)
    handoffs.request_handoff(session, "old", "C001", now=OLD)
    handoffs.request_handoff(session, "recent", "C002", now=RECENT)
    return session


def test_when_purging_then_idle_conversations_go_whole_and_live_ones_stay_whole(conversations):
    session = conversations
    result = retention.purge(session, NINETY_DAYS, now=NOW)
    assert (result.conversations, result.tracker_events) == (1, 2)
    assert rasa_tables.count(session, "tracker_events", "old") == 0
    assert rasa_tables.count(session, "tracker_events", "recent") == 1
    assert rasa_tables.count(session, "tracker_events", "revived") == 3  # never part of a live conversation


def test_when_purging_then_conversation_log_rows_older_than_the_cutoff_go_row_by_row(conversations):
    session = conversations
    result = retention.purge(session, NINETY_DAYS, now=NOW)
    assert result.log_rows == 4
    assert rasa_tables.count(session, "conversation_log", "old") == 0
    assert rasa_tables.count(session, "conversation_log", "revived") == 1
    assert rasa_tables.count(session, "conversation_log", "recent") == 1


def test_when_purging_then_old_handoffs_go_and_the_run_is_recorded(conversations):
    session = conversations
    retention.purge(session, NINETY_DAYS, now=NOW)
    assert [h.customer for h in handoffs.open_handoffs(session)] == ["C002"]
    (run,) = retention.runs(session)
    assert (run.ran_at, run.cutoff, run.trigger) == (NOW, NOW - NINETY_DAYS, "cli")
    assert (run.conversations, run.tracker_events, run.log_rows, run.handoffs) == (1, 2, 4, 1)


def test_when_it_is_a_dry_run_then_it_counts_the_same_and_deletes_nothing(conversations):
    session = conversations
    dry = retention.purge(session, NINETY_DAYS, now=NOW, dry_run=True)
    assert (dry.conversations, dry.tracker_events, dry.log_rows, dry.handoffs) == (1, 2, 4, 1)
    assert (
        rasa_tables.count(session, "tracker_events") == 6
        and rasa_tables.count(session, "conversation_log") == 6
    )
    assert retention.runs(session) == []
    real = retention.purge(session, NINETY_DAYS, now=NOW)
    assert (real.conversations, real.tracker_events, real.log_rows, real.handoffs) == (1, 2, 4, 1)


def test_when_rasa_never_ran_then_purge_finds_nothing_and_fails_nothing(session):
    result = retention.purge(session, NINETY_DAYS, now=NOW)
    assert (result.conversations, result.log_rows, result.handoffs) == (0, 0, 0)


def test_when_the_period_is_not_positive_then_purge_refuses(session):
    with pytest.raises(ValueError, match="positive"):
        retention.purge(session, timedelta(0), now=NOW)


def test_when_the_cli_purges_then_it_prints_and_records_what_went(cli_store, capsys):
    from guardrails.store import db

    with db.session_factory(cli_store).begin() as session:
        rasa_tables.create(session)
        rasa_tables.tracker_event(session, "ancient", datetime.utcnow() - timedelta(days=400))
        rasa_tables.log_event(session, "ancient", datetime.utcnow() - timedelta(days=400))
        rasa_tables.tracker_event(session, "today", datetime.utcnow())
    assert candor(["purge", "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["conversations"] == 1
    assert candor(["purge"]) == 0  # default period: CANDOR_RETENTION_DAYS (90)
    assert capsys.readouterr().out.startswith(
        "purged 1 conversation(s) (1 tracker events), 1 conversation-log row(s)"
    )
    with db.session_factory(cli_store).begin() as session:
        assert rasa_tables.count(session, "tracker_events") == 1
        assert len(retention.runs(session)) == 1


@pytest.mark.parametrize(
    "argument", ["--older-than=0d", "--older-than=90", "--older-than=-3d", "--older-than=soon"]
)
def test_when_the_period_is_malformed_then_the_cli_exits_non_zero(cli_store, argument, capsys):
    with pytest.raises(SystemExit) as exited:
        candor(["purge", argument])
    assert exited.value.code == 2
    assert "is not a period like 90d" in capsys.readouterr().err


def test_when_a_scheduled_purge_fails_then_the_schedule_reports_it_and_keeps_going():
    outcomes = [RuntimeError("database is down"), retention.PurgeResult(NOW, NOW, 1, 2, 3, 0, False)]
    reports, done = [], threading.Event()

    def run_once():
        outcome = outcomes.pop(0)
        if not outcomes:
            done.set()
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    schedule = retention.PurgeSchedule(run_once, interval=0.01, report=reports.append).start()
    assert done.wait(timeout=30)
    schedule.stop()
    schedule._thread.join(timeout=30)
    assert reports[0] == "retention: purge failed (RuntimeError); retrying in 0 s"
    assert reports[1].startswith(
        "retention: purged 1 conversation(s) (2 tracker events), 3 conversation-log row(s)"
    )
