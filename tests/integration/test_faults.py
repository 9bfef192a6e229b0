"""Faults a production deployment meets: the action server down, the database cutting every
connection, the Rasa server killed. Persistent stores (PostgreSQL, Redis locks) as in
production; after each fault the same conversation goes on where it was.
"""

from __future__ import annotations

import pytest

from tests.integration.cluster import STARTUP_SECONDS, running_cluster, user_messages
from tests.services import restart_database

ADDRESS = "66 Demo Boulevard, Testburg, NY 10000"
TRY_AGAIN = "Please try again in a minute"


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    with running_cluster(tmp_path_factory.mktemp("faults"), rasa_instances=1) as running:
        yield running


def test_when_the_action_server_is_down_then_the_customer_is_asked_to_try_again(faulty, sender):
    bot, actions = faulty.bots[0], faulty.actions
    assert "10003" in bot.text(sender, "where is my order?", customer="C001")
    actions.stop("actions")
    try:
        down = bot.say(sender, "where is my order?", customer="C001")
    finally:
        actions.start_actions()
        actions.wait_until_up("action server", f"{actions.action_url}/health", STARTUP_SECONDS)
    assert TRY_AGAIN in down[0]["text"] and "10003" not in down[0]["text"]
    assert "10003" in bot.text(sender, "where is my order?", customer="C001")
    assert user_messages(faulty.database_url, sender) == ["where is my order?"] * 3


def test_when_the_action_server_is_down_mid_form_then_the_form_waits_for_it(faulty, sender):
    bot, actions = faulty.bots[0], faulty.actions
    assert "new address" in bot.text(sender, "I need to change my address", customer="C006")
    actions.stop("actions")
    try:
        down = bot.text(sender, ADDRESS, customer="C006")  # its validation runs on the action server
    finally:
        actions.start_actions()
        actions.wait_until_up("action server", f"{actions.action_url}/health", STARTUP_SECONDS)
    assert TRY_AGAIN in down and "Shall I change" not in down
    assert f"Shall I change your address to: {ADDRESS}" in bot.text(sender, ADDRESS, customer="C006")
    assert "haven't changed anything" in bot.text(sender, "/deny", customer="C006")


def test_when_the_database_cuts_every_connection_then_the_next_message_succeeds(faulty, sender):
    bot = faulty.bots[0]
    assert "new address" in bot.text(sender, "I need to change my address", customer="C006")
    assert restart_database(faulty.database_url) > 0  # Rasa's and the action server's pooled connections
    assert f"Shall I change your address to: {ADDRESS}" in bot.text(sender, ADDRESS, customer="C006")
    assert restart_database(faulty.database_url) > 0
    assert "haven't changed anything" in bot.text(sender, "/deny", customer="C006")
    assert user_messages(faulty.database_url, sender) == ["I need to change my address", ADDRESS, "/deny"]


def test_when_the_rasa_server_is_killed_and_restarted_then_the_conversation_goes_on(faulty, sender):
    bot = faulty.bots[0]
    assert "new address" in bot.text(sender, "I need to change my address", customer="C006")
    bot.stack.kill("rasa")
    faulty.start_rasa(0)
    assert f"Shall I change your address to: {ADDRESS}" in bot.text(sender, ADDRESS, customer="C006")
    assert "haven't changed anything" in bot.text(sender, "/deny", customer="C006")
