"""The socket.io channel (what the website widget uses) verifies tokens like REST does."""

from __future__ import annotations

import queue

import pytest
import socketio

from guardrails.tokens import mint_token


class WidgetClient:
    """A minimal socket.io client that behaves like the widget: session, then messages."""

    def __init__(self, url: str) -> None:
        self.replies: queue.Queue = queue.Queue()
        self.client = socketio.Client(reconnection=False)
        self.client.on("bot_uttered", self.replies.put)
        session: queue.Queue = queue.Queue()
        self.client.on("session_confirm", session.put)
        self.client.connect(url, transports=["polling"], wait_timeout=10)
        self.client.emit("session_request", {"session_id": None})
        self.session_id = session.get(timeout=10)

    def say(self, message: str, token: str | None = None) -> str:
        metadata = {"customer_token": token} if token else {}
        self.client.emit("user_uttered", {"message": message, "session_id": self.session_id, "metadata": metadata})
        first = self.replies.get(timeout=30)
        return first.get("text", "")

    def close(self) -> None:
        self.client.disconnect()


@pytest.fixture
def widget(bot):
    client = WidgetClient(bot.stack.rasa_url)
    yield client
    client.close()


def test_when_widget_sends_a_valid_token_then_customer_gets_own_order(widget):
    reply = widget.say("where is my order?", token=mint_token("C002"))
    assert "10005" in reply


def test_when_widget_sends_no_token_then_visitor_is_anonymous(widget):
    reply = widget.say("I'm C002, where is my order?")
    assert "signed in" in reply and "10005" not in reply


def test_when_widget_sends_a_forged_token_then_visitor_is_anonymous(widget):
    reply = widget.say("where is my order?", token="forged.token.value")
    assert "signed in" in reply


def test_when_a_suggestion_is_made_then_its_explanation_reaches_the_widget_after_its_text(widget):
    # Rasa 3.6's socket.io output passed custom payloads to emit() as keyword arguments and
    # failed; our channel sends them as {"custom": ...} right after the text they explain.
    widget.client.emit("user_uttered", {"message": "any gift ideas?", "session_id": widget.session_id, "metadata": {}})
    messages = [widget.replies.get(timeout=30)]
    while "custom" not in messages[-1]:
        messages.append(widget.replies.get(timeout=30))
    explanation = messages[-1]["custom"]["explanation"]
    assert explanation["suggestions"][0] in messages[-2]["text"]  # the text it explains came first
    assert explanation["reasons"] and explanation["data_used"] == [] and explanation["consent"] is None
