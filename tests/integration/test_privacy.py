"""Personal data typed in chat never lands in clear in a log file or a table.

A verified customer types fake but realistic personal data of every kind the guardrail
detects, while the dialogue goes on working; then every log file the servers wrote (at
DEBUG level) and every column of every table in the database is searched for each value
and its digits-only form.
"""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import create_engine, text

from guardrails.config import PROJECT_ROOT
from tests.canary import everything_stored, found

CANARIES = {
    "email": "canary.person@example.com",
    "uk phone": "07700 900461",
    "international phone": "+44 7700 900462",
    "pasted phone": "07700\u00a0900463",  # no-break space, as phones and web pages format numbers
    "card": "4111 1111 1111 1111",
    "iban": "GB82 WEST 1234 5698 7654 32",
    "street address": "27 Canary Lane, Testville, TE27 7CL",
    "name": "mary o'neil-canary",
    "password": "hunter2-Canary!",
    "date of birth": "14/03/1987",
    "ssn": "078-05-1120",
    "ni number": "QQ 12 34 56 C",
    "ip address": "203.0.113.77",
}


@pytest.fixture(scope="module")
def canary_conversation(bot):
    """Run the scripted conversation once; return the sender id and the replies."""
    sender = "canary-conversation"
    say = lambda message: bot.text(sender, message, customer="C005")  # noqa: E731
    replies = {
        "greeting": say(f"hi, my name is {CANARIES['name']}"),
        "order": say(f"my email is {CANARIES['email']} and my phone is {CANARIES['uk phone']}, where is my order?"),
        "address form": say("I need to change my address"),
        "address": say(CANARIES["street address"]),
        "declined": say("/deny"),
        "billing": say(f"my card {CANARIES['card']} was charged twice, what's going on with my bill"),
        "refund": say(f"please pay my refund to {CANARIES['iban']}, has it been processed?"),
        "password": say(f"my password is {CANARIES['password']} and I can't log in, can I talk to a human"),
        "identity": say(f"I was born on {CANARIES['date of birth']}, my ssn is {CANARIES['ssn']} "
                        f"and my NI number is {CANARIES['ni number']}. Where is my order?"),
        "phone": say(f"call me on {CANARIES['international phone']} or {CANARIES['pasted phone']}, "
                     f"I'm on {CANARIES['ip address']}. thanks!"),
    }
    return sender, replies


def test_when_customer_types_personal_data_then_the_dialogue_still_works(canary_conversation):
    _, replies = canary_conversation
    assert "10009" in replies["order"]
    assert "Shall I change your address" in replies["address"]
    assert "haven't changed anything" in replies["declined"]
    assert "INV-20009" in replies["billing"]
    assert "refund" in replies["refund"]
    assert "member of our team" in replies["password"]
    assert "10009" in replies["identity"]


def test_when_conversation_is_over_then_no_log_file_holds_a_canary(bot, canary_conversation):
    logs = bot.log_text()
    assert len(logs) > 10_000, "DEBUG logs expected; are the servers logging?"
    assert found(CANARIES, {"logs": logs}) == []


def test_when_conversation_is_over_then_no_table_holds_a_canary(bot, canary_conversation):
    stored = everything_stored(bot.database_url)
    assert stored["tracker_events"] and stored["conversation_log"], "our stores are not the ones in use"
    assert found(CANARIES, stored) == []


def test_when_conversation_is_logged_then_analytics_rows_are_masked_and_pseudonymous(bot, canary_conversation):
    sender, _ = canary_conversation
    log = everything_stored(bot.database_url)["conversation_log"]
    assert "<email_address>" in log and "<credit_card>" in log
    assert sender not in log


def test_when_tracker_rows_are_read_raw_then_they_are_ciphertext(bot, canary_conversation):
    engine = create_engine(bot.database_url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT sender_id, data FROM tracker_events")).fetchall()
    engine.dispose()
    assert rows
    assert all(data.startswith("v1:") and "{" not in data for _, data in rows)
    assert all(sender_id != canary_conversation[0] for sender_id, _ in rows)


def test_when_tracker_is_read_with_the_key_then_it_is_a_working_tracker(bot, canary_conversation):
    from rasa.shared.core.domain import Domain

    from bot.stores import EncryptedSQLTrackerStore

    sender, _ = canary_conversation
    store = EncryptedSQLTrackerStore(Domain.load(str(PROJECT_ROOT / "bot" / "domain")))
    tracker = asyncio.run(store.retrieve(sender))
    user_texts = [event.text for event in tracker.events if event.type_name == "user"]
    assert user_texts[0] == f"hi, my name is {CANARIES['name']}"
    assert user_texts[-1].startswith("call me on")
    assert tracker.latest_message.metadata["customer_id"] == "C005"
    assert "customer_token" not in tracker.latest_message.metadata  # the token is never stored
    # the address slot was cleared when the address flow ended
    assert tracker.get_slot("new_address") is None
    assert tracker.active_loop_name is None


def test_when_no_usable_key_is_set_then_rasa_refuses_to_start(tmp_path):
    import os
    import subprocess
    import sys

    env = os.environ | {
        "CANDOR_STATE_DIR": str(tmp_path),
        "CANDOR_SECRET_KEY": "too-short",
        "ACTION_SERVER_URL": "http://127.0.0.1:9/webhook",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot.serve", "rasa", "run", "--model", str(PROJECT_ROOT / "models" / "candor.tar.gz"),
         "--endpoints", str(PROJECT_ROOT / "bot" / "endpoints.yml"), "--port", "9"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode != 0
    assert "CANDOR_SECRET_KEY must be at least 32 characters" in result.stdout + result.stderr
    assert not (tmp_path / "candor.db").exists() or "tracker_events" not in everything_stored(
        f"sqlite:///{tmp_path / 'candor.db'}"
    )
