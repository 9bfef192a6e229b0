"""Two Rasa servers, one action server, one PostgreSQL database, Redis conversation locks.

One customer's conversation moves between the servers message by message, as behind a load
balancer without sticky sessions: the form, the consent and the audit trail must come out as
if one server had served it. Then messages for one conversation hit both servers at once:
the shared lock makes them take turns, so every message is stored exactly once.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from guardrails.tokens import mint_token
from tests.integration.cluster import audit_verdict, running_cluster, scalar, user_messages

NEW_ADDRESS = "14 Example Gardens, Testville, TE14 4EG"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with running_cluster(tmp_path_factory.mktemp("multi-instance")) as running:
        yield running


def texts(messages: list[dict]) -> str:
    return "\n".join(message.get("text", "") for message in messages)


def explanations(messages: list[dict]) -> list[dict]:
    return [message["custom"]["explanation"] for message in messages if "explanation" in message.get("custom", {})]


def test_when_servers_start_with_a_lock_store_url_then_both_lock_in_redis(cluster):
    for bot in cluster.bots:
        assert "Conversation lock store: AtomicRedisLockStore" in (bot.stack.log_dir / "rasa.log").read_text()


def test_when_a_conversation_alternates_between_servers_then_form_consent_and_audit_stay_right(cluster, sender):
    a, b = cluster.bots
    said = []

    def say(bot, message):
        said.append(message)
        return bot.say(sender, message, customer="C008")

    assert "new address" in texts(say(a, "I need to change my address"))
    confirm = say(b, NEW_ADDRESS)  # the form's state was saved by the other server
    assert f"Shall I change your address to: {NEW_ADDRESS}" in texts(confirm)
    assert "address is updated" in texts(say(a, "/affirm"))
    assert scalar(cluster.database_url, "SELECT address FROM customers WHERE id = 'C008'") == NEW_ADDRESS

    ask = say(b, "any gift ideas?")
    assert [button["payload"] for button in ask[-1]["buttons"]] == ["/give_consent", "/deny"]
    granted = say(a, "/give_consent")
    assert "recorded" in texts(granted) and explanations(granted)
    again = say(b, "any other suggestions for me?")  # the grant recorded on A counts on B
    assert "buttons" not in again[-1]
    assert all(payload["consent"]["purpose"] == "personalisation" for payload in explanations(again))
    why = texts(say(a, "why did you suggest that?"))
    assert "personalisation" in why and "consent" in why

    grants = scalar(cluster.database_url,
                    "SELECT count(*) FROM consent_records WHERE customer_id = 'C008' AND granted")
    assert grants == 1
    verdict = audit_verdict(cluster.database_url)
    assert verdict.intact and verdict.rows >= 3  # address read and write, history reads
    assert user_messages(cluster.database_url, sender) == said


def test_when_one_sender_messages_both_servers_at_once_then_each_message_is_stored_once(cluster, sender):
    messages = [f"hello, this is message {number}" for number in range(8)]
    token = mint_token("C003")

    def post(numbered: tuple[int, str]) -> int:
        number, message = numbered
        bot = cluster.bots[number % 2]
        body = {"sender": sender, "message": message, "metadata": {"customer_token": token}}
        return requests.post(bot.webhook, json=body, timeout=180).status_code

    with ThreadPoolExecutor(len(messages)) as pool:
        statuses = list(pool.map(post, enumerate(messages)))
    assert statuses == [200] * len(messages)
    stored = user_messages(cluster.database_url, sender)
    assert sorted(stored) == sorted(messages)  # none lost, none twice
