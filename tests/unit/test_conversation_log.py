"""Events for analytics: customer text masked, ids pseudonymised, bot names kept."""

from guardrails.conversation_log import mask_event, pseudonym


def fake_mask(text: str) -> str:
    return "<MASKED>"


USER_EVENT = {
    "event": "user",
    "sender_id": "web-chat-42",
    "timestamp": 1.5,
    "text": "I'm Alice Example, alice.example@example.com",
    "parse_data": {
        "intent": {"name": "change_address", "confidence": 0.97},
        "entities": [{"entity": "order_number", "value": "10001", "start": 3, "end": 8}],
        "text": "I'm Alice Example, alice.example@example.com",
        "intent_ranking": [{"name": "change_address", "confidence": 0.97}],
    },
    "input_channel": "rest",
    "metadata": {"customer_id": "C001"},
    "some_future_field": "Alice Example",
}


def test_when_user_event_is_logged_then_every_text_field_is_masked():
    masked = mask_event(USER_EVENT, fake_mask)
    assert masked["text"] == "<MASKED>"
    assert masked["parse_data"]["text"] == "<MASKED>"
    assert masked["parse_data"]["entities"][0]["value"] == "<MASKED>"
    assert masked["some_future_field"] == "<MASKED>"  # unknown keys are masked too


def test_when_user_event_is_logged_then_intent_and_names_stay_for_analytics():
    masked = mask_event(USER_EVENT, fake_mask)
    assert masked["parse_data"]["intent"] == {"name": "change_address", "confidence": 0.97}
    assert masked["parse_data"]["entities"][0]["entity"] == "order_number"
    assert (masked["event"], masked["input_channel"], masked["timestamp"]) == ("user", "rest", 1.5)


def test_when_event_has_ids_then_they_become_pseudonyms_and_metadata_is_dropped():
    masked = mask_event(USER_EVENT, fake_mask)
    assert masked["sender_id"] == pseudonym("web-chat-42") != "web-chat-42"
    assert "metadata" not in masked
    assert "C001" not in str(masked) and len(masked["customer"]) == 32


def test_when_slot_is_set_then_its_value_is_masked_and_its_name_kept():
    masked = mask_event({"event": "slot", "name": "new_address", "value": "1 Example Street"}, fake_mask)
    assert masked == {"event": "slot", "name": "new_address", "value": "<MASKED>"}


def test_when_masking_then_the_original_event_is_untouched():
    before = repr(USER_EVENT)
    mask_event(USER_EVENT, fake_mask)
    assert repr(USER_EVENT) == before
