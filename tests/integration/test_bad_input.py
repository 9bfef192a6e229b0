"""Malformed requests get a 400 with a JSON error; the server and the conversation carry on."""

import pytest

BAD_REQUESTS = [
    pytest.param(b"this is not json", id="non-JSON body"),
    pytest.param(b'{"sender": "x", "message": ', id="truncated JSON"),
    pytest.param(b'["a", "list"]', id="JSON but not an object"),
    pytest.param(b'{"sender": "SENDER"}', id="missing message"),
    pytest.param(b'{"sender": "SENDER", "message": 42}', id="number as message"),
    pytest.param(b'{"sender": "SENDER", "message": ["hi"]}', id="list as message"),
    pytest.param(b'{"sender": "SENDER", "message": ""}', id="empty message"),
    pytest.param(b'{"sender": "SENDER", "message": "' + b"a" * 5001 + b'"}', id="message over 5000 chars"),
    pytest.param(b'{"sender": "SENDER", "message": "hi", "metadata": "tok"}', id="metadata not an object"),
]


@pytest.mark.parametrize("raw", BAD_REQUESTS)
def test_when_request_is_malformed_then_400_with_json_error(bot, sender, raw):
    response = bot.post(raw=raw.replace(b"SENDER", sender.encode()))
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error and "Traceback" not in error


def test_when_bad_requests_arrive_mid_conversation_then_it_is_intact(bot, sender):
    ask = bot.text(sender, "I need to change my address", customer="C006")
    assert "new address" in ask
    for raw in BAD_REQUESTS:
        assert bot.post(raw=raw.values[0].replace(b"SENDER", sender.encode())).status_code == 400
    # the form is still waiting for the address, exactly where we left it
    confirm = bot.text(sender, "66 Demo Boulevard, Testburg, NY 10000", customer="C006")
    assert "Shall I change your address to: 66 Demo Boulevard" in confirm
    assert "haven't changed anything" in bot.text(sender, "/deny", customer="C006")


@pytest.mark.parametrize(
    "message",
    [
        "where is my order 📦📦📦",  # emoji
        "أين طلبي",  # right-to-left script
        "wh\u0301ere is my orde\u0301r",  # combining accents
        "where\u200b is\u200b my order",  # zero-width spaces
        "a" * 5000,  # exactly at the limit
    ],
)
def test_when_message_has_odd_unicode_then_bot_still_answers(bot, sender, message):
    reply = bot.say(sender, message, customer="C001")
    assert reply and all("text" in part for part in reply)
