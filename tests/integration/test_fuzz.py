"""Seeded, bounded fuzzing of the REST webhook and the socket.io channel.

Random JSON shapes, types and sizes, odd Unicode (lone surrogates, right-to-left marks,
zero-width characters, emoji, NUL) and broken bytes. The oracle is the channel's own input
check, run here on the same bytes: what it rejects must come back as a 400 with that reason
as JSON (a ``bad_request`` event on socket.io), what it accepts must get a normal answer, and
never a 5xx. A conversation started before the fuzzing must be stored exactly as it was and
still answer afterwards. Same seed, same requests: a failure can be replayed.
"""

from __future__ import annotations

import json
import queue
import random
import time

import pytest
import requests

from bot.channels import BadRequest, check_socket_message, check_webhook_body
from guardrails.tokens import mint_token
from tests.integration.cluster import stored_events
from tests.integration.test_socketio import WidgetClient

SEED = 20261129
REST_REQUESTS = 300
SOCKET_MESSAGES = 40
ADDRESS = "66 Demo Boulevard, Testburg, NY 10000"

ODD = ["\ud800", "\udfff", "\u202e", "\u200f", "\u200b", "\ufeff", "\u0000", "\x07", "😀", "👩‍👩‍👧",
       "مرحبا", "שלום", "e\u0301", "\U0010ffff", "\u2028", "Ω", "𝔘𝔫𝔦", " ", "\t", "\n", '"', "\\",
       "<script>", "' OR 1=1 --", "%s%n", "{{7*7}}", "ß", "İ"]
ASCII = "abcdefghijklmnopqrstuvwxyz ?!.,0123456789"


def odd_text(rng: random.Random, longest: int = 300) -> str:
    length = rng.choice([0, 1, 3, 12, 40, 120, longest])
    return "".join(rng.choice(ODD) if rng.random() < 0.3 else rng.choice(ASCII) for _ in range(length))


def any_value(rng: random.Random, depth: int = 0) -> object:
    kind = rng.choice(["none", "bool", "int", "float", "text", "list", "object"] if depth < 3 else ["int", "text"])
    if kind == "none":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return rng.choice([0, -1, 42, 2**31, 10**30])
    if kind == "float":
        return rng.choice([0.5, -1e308, 1e-300, float("nan")])
    if kind == "text":
        return odd_text(rng, longest=rng.choice([50, 6000]))
    if kind == "list":
        return [any_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {odd_text(rng, 10): any_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def fuzz_body(rng: random.Random, sender: str) -> object:
    shape = rng.choice(["valid", "valid", "fields", "fields", "fields", "anything"])
    if shape == "valid":
        body = {"sender": sender, "message": odd_text(rng) or "hi"}
        if rng.random() < 0.5:
            body["metadata"] = rng.choice([{}, {"customer_token": odd_text(rng, 40)}, {"x": any_value(rng)}])
        return body
    if shape == "fields":
        body = {key: rng.choice([any_value(rng), odd_text(rng)]) for key in ("sender", "message", "metadata")
                if rng.random() < 0.75}
        if rng.random() < 0.5:
            body["sender"] = sender
        return body
    return any_value(rng)


def fuzz_bytes(rng: random.Random, sender: str) -> bytes:
    shape = rng.random()
    if shape < 0.08:
        return rng.randbytes(rng.choice([0, 1, 20, 500]))
    if shape < 0.12:
        return b"{" + b'"message": "' + b"x" * 70_000 + b'"}'  # over the body limit
    text = json.dumps(fuzz_body(rng, sender), ensure_ascii=rng.random() < 0.5)
    raw = text.encode("utf-8", "surrogatepass")  # lone surrogates as raw bytes: not valid UTF-8
    if rng.random() < 0.1:
        raw = raw[: rng.randint(0, len(raw))]  # truncated
    return raw


def expected_error(raw: bytes) -> str | None:
    try:
        check_webhook_body(raw)
    except BadRequest as error:
        return str(error)
    return None


def test_when_the_webhook_is_fuzzed_then_it_never_fails_and_stored_conversations_are_untouched(bot, sender):
    assert "new address" in bot.text(sender, "I need to change my address", customer="C006")
    before = stored_events(bot.database_url, sender)
    rng = random.Random(SEED)
    outcomes = {"rejected": 0, "answered": 0}
    for number in range(REST_REQUESTS):
        target = sender if rng.random() < 0.3 else f"fuzz-{number}"
        raw = fuzz_bytes(rng, target)
        error = expected_error(raw)
        if error is None and target == sender:  # a valid message for it would rightly change it
            raw, error = raw.replace(sender.encode(), f"fuzz-{number}".encode()), None
        reply = requests.post(bot.webhook, data=raw, headers={"Content-Type": "application/json"}, timeout=120)
        case = f"request {number} (seed {SEED}): {raw[:200]!r}"
        assert reply.status_code < 500, case
        if error is not None:
            assert (reply.status_code, reply.json()) == (400, {"error": error}), case
            outcomes["rejected"] += 1
        else:
            assert reply.status_code == 200 and isinstance(reply.json(), list), case
            outcomes["answered"] += 1
    assert min(outcomes.values()) > 30  # both kinds were exercised
    assert bot.stack.processes["rasa"].poll() is None
    assert stored_events(bot.database_url, sender) == before
    assert f"Shall I change your address to: {ADDRESS}" in bot.text(sender, ADDRESS, customer="C006")


@pytest.fixture
def fuzzed_widget(bot):
    client = WidgetClient(bot.stack.rasa_url)
    rejections: queue.Queue = queue.Queue()
    client.client.on("bad_request", rejections.put)
    yield client, rejections
    client.close()


def test_when_socketio_is_fuzzed_then_bad_payloads_get_a_reason_and_the_session_goes_on(bot, fuzzed_widget):
    widget, rejections = fuzzed_widget
    rng = random.Random(SEED + 1)
    rejected = accepted = 0
    for number in range(SOCKET_MESSAGES):
        payload = fuzz_body(rng, widget.session_id)
        if isinstance(payload, dict):
            payload["session_id"] = payload.pop("sender", widget.session_id) if rng.random() < 0.3 else widget.session_id
        try:
            check_socket_message(payload)
        except BadRequest as error:
            widget.client.emit("user_uttered", payload)
            assert rejections.get(timeout=30) == {"error": str(error)}, f"payload {number}: {payload!r}"
            rejected += 1
            continue
        payload["session_id"] = widget.session_id  # replies go to the session's room: ours, to see them
        widget.client.emit("user_uttered", payload)  # some odd texts rightly get no reply at all
        accepted += 1
    assert rejected > 10 and accepted > 5
    # the session still works: its own order comes back (after any late replies to the fuzz)
    widget.client.emit("user_uttered", {"message": "where is my order?", "session_id": widget.session_id,
                                        "metadata": {"customer_token": mint_token("C002")}})
    deadline = time.monotonic() + 180
    texts = []
    while not any("10005" in text for text in texts):
        texts.append(widget.replies.get(timeout=max(1.0, deadline - time.monotonic())).get("text", ""))
    assert bot.stack.processes["rasa"].poll() is None
