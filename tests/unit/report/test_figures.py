"""The report's numbers come from the tables: a seeded month gives exactly its numbers."""

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from guardrails.cli import main as candor
from guardrails.report import figures
from tests.unit.report.scenario import EXPECTED, seed

THIRTY_DAYS = timedelta(days=30)


@pytest.fixture
def month(session):
    seeded_at = datetime.utcnow()
    seed(session, seeded_at)
    return session, datetime.utcnow()  # after the reads the gateway recorded just now


def test_when_the_month_is_counted_then_every_figure_matches_the_scenario(month):
    session, now = month
    found = figures.compute(session, THIRTY_DAYS, now=now)
    assert found.conversations == EXPECTED["conversations"]
    assert found.customer_messages == EXPECTED["customer_messages"]
    assert found.masked_entities == EXPECTED["masked_entities"]
    assert found.consent == EXPECTED["consent"]
    assert found.reads_by_actor == EXPECTED["reads_by_actor"]
    assert found.refused == EXPECTED["refused"] and found.refused_total == 3
    assert {
        row.kind: (row.requested, row.fulfilled, row.not_fulfilled, row.median_seconds, row.slowest_seconds)
        for row in found.rights_requests
    } == EXPECTED["rights"]
    assert [(run.conversations, run.tracker_events, run.log_rows) for run in found.purges] == EXPECTED[
        "purges"
    ]
    assert found.purge_runs == EXPECTED["purge_runs"]
    assert found.audit_chain == {"intact": True, "rows": 11, "first_broken_id": None, "reason": ""}


def test_when_the_month_is_counted_then_daily_series_put_each_event_on_its_day(month):
    session, now = month
    found = figures.compute(session, THIRTY_DAYS, now=now)
    day = lambda n: (now - timedelta(days=n)).date().isoformat()  # noqa: E731
    assert found.days[0] == day(30) and found.days[-1] == day(0) and len(found.days) == 31
    assert found.conversations_by_day == {day(3): 1, day(2): 2, day(1): 1}
    assert found.consent_by_day == {
        day(5): {"granted": 1, "withdrawn": 0},
        day(4): {"granted": 1, "withdrawn": 0},
        day(1): {"granted": 0, "withdrawn": 1},
    }


def test_when_the_period_is_longer_then_older_rows_are_counted_too(month):
    session, now = month
    found = figures.compute(session, timedelta(days=60), now=now)
    assert found.conversations == 4 and found.masked_entities["PERSON"] == 1
    assert found.consent == {"granted": 3, "withdrawn": 1}
    assert {row.kind: row.requested for row in found.rights_requests}["export"] == 3


def test_when_an_audit_row_was_edited_then_the_report_says_where_the_chain_breaks(month):
    session, now = month
    first_read = session.scalar(text("SELECT MIN(id) FROM audit_trail WHERE action = 'read'"))
    session.execute(text(f"UPDATE audit_trail SET detail = 'address' WHERE id = {first_read}"))
    chain = figures.compute(session, THIRTY_DAYS, now=now).audit_chain
    assert chain["intact"] is False and chain["first_broken_id"] == first_read


def test_when_the_report_is_asked_for_as_json_then_the_cli_prints_the_same_figures(cli_store, capsys):
    from guardrails.store import db

    with db.session_factory(cli_store).begin() as session:
        seed(session, datetime.utcnow())
    assert candor(["report", "--since", "30d", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["masked_entities"] == EXPECTED["masked_entities"]
    assert printed["refused"] == EXPECTED["refused"]
    assert [r["median_seconds"] for r in printed["rights_requests"]] == [None, 1200.0, 7200.0]


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["report", "--since", "a month"], "is not a period like"),
        (["report", "--since", "0d"], "is not a period like"),
    ],
)
def test_when_the_period_is_malformed_then_the_report_cli_exits_non_zero(
    cli_store, capsys, arguments, message
):
    with pytest.raises(SystemExit) as exited:
        candor(arguments)
    assert exited.value.code == 2 and message in capsys.readouterr().err


def test_when_the_output_folder_does_not_exist_then_the_cli_says_so(cli_store, tmp_path, capsys):
    assert candor(["report", "--out", str(tmp_path / "missing" / "report.html")]) == 2
    assert "does not exist" in capsys.readouterr().err
