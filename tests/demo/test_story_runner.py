"""The story runner and the panel wording, without a bot (bot/demo/stories.py, bot/demo/app.py)."""

from __future__ import annotations

import pytest

from bot.demo import app
from bot.demo.stories import ExpectedTurn, compare, expected_turns, plain_text, runs_signed_in

FORM_STORY = [
    {"user": "we moved\n", "intent": "change_address"},
    {"action": "action_check_signed_in"},
    {"slot_was_set": [{"signed_in": True}]},
    {"action": "address_change_form"},
    {"active_loop": "address_change_form"},
    {"slot_was_set": [{"requested_slot": "new_address"}]},
    {"intent": "out_of_scope"},  # the address text
    {"action": "address_change_form"},
    {"slot_was_set": [{"new_address": "12 Example Road, Testville, TE1 2AB"}]},
    {"user": "yes", "intent": "affirm"},
    {"action": "action_change_address"},
]


@pytest.mark.parametrize(
    "annotated, plain",
    [
        ("any news on order [10002](order_number)?", "any news on order 10002?"),
        ('ship to [Leeds]{"entity": "city"} please', "ship to Leeds please"),
        ("  hey\n", "hey"),  # YAML block scalars end with a newline
        ("no [brackets] here", "no [brackets] here"),  # not an annotation
    ],
)
def test_when_story_text_is_annotated_then_the_customer_words_are_sent(annotated, plain):
    assert plain_text(annotated) == plain


def test_when_a_form_step_has_no_text_then_the_slot_value_is_sent_and_its_intent_not_compared():
    turns = expected_turns(FORM_STORY)
    assert turns == [
        ExpectedTurn("we moved", "change_address", ["action_check_signed_in", "address_change_form"]),
        ExpectedTurn("12 Example Road, Testville, TE1 2AB", None, ["address_change_form"]),
        ExpectedTurn("yes", "affirm", ["action_change_address"]),
    ]


def test_when_an_intent_step_has_no_slot_after_it_then_the_intent_payload_is_sent():
    assert expected_turns([{"intent": "greet"}, {"action": "utter_greet"}]) == [
        ExpectedTurn("/greet", None, ["utter_greet"])]


@pytest.mark.parametrize(
    "steps, signed_in",
    [
        (FORM_STORY, True),
        ([{"user": "hi", "intent": "greet"}], True),  # nothing said: signed in
        ([{"slot_was_set": [{"signed_in": False}]}], False),
    ],
)
def test_when_story_sets_signed_in_false_then_it_runs_anonymously(steps, signed_in):
    assert runs_signed_in(steps) is signed_in


def turn(intent, *actions):
    return {"intent": intent, "actions": list(actions)}


WANT = [ExpectedTurn("hi", "greet", ["utter_greet"]), ExpectedTurn("12 Road", None, ["address_change_form"])]


@pytest.mark.parametrize(
    "actual, difference",
    [
        ([turn("greet", "utter_greet"), turn("out_of_scope", "address_change_form")], None),  # intent not compared
        ([turn("goodbye", "utter_greet"), turn("x", "address_change_form")], "intent goodbye (story: greet)"),
        ([turn("greet", "utter_goodbye"), turn("x", "address_change_form")], "actions ['utter_goodbye']"),
        ([turn("greet", "utter_greet")], "the bot saw 1 user turns, the story has 2"),
        ([turn("greet", "utter_greet"), turn("x", "address_change_form"), turn("y")], "saw 3 user turns"),
    ],
)
def test_when_bot_and_story_are_compared_then_the_first_difference_is_named(actual, difference):
    found = compare(WANT, actual)
    assert (found is None) if difference is None else (difference in found)


@pytest.mark.parametrize(
    "customer, state, shown",
    [
        ("anonymous", None, "nothing to consent to"),
        ("C001", {"purposes": {}}, "not asked yet"),
        ("C001", {"purposes": {"personalisation": {"answered": True, "granted": True, "needs_asking": False,
                                                   "decided_at": "2026-11-29T06:43:09Z", "notice_version": "v1"}}},
         "granted on 2026-11-29 06:43 UTC (notice v1)"),
        ("C001", {"purposes": {"personalisation": {"answered": True, "granted": False, "needs_asking": False,
                                                   "decided_at": "2026-11-29T06:43:09Z", "notice_version": "v1"}}},
         "withdrawn or declined"),
        ("C001", {"purposes": {"personalisation": {"answered": True, "granted": True, "needs_asking": True,
                                                   "decided_at": "2026-11-29T06:43:09Z", "notice_version": "v0"}}},
         "to be asked again"),
    ],
)
def test_when_consent_state_is_shown_then_it_is_in_plain_words(customer, state, shown):
    assert shown in app.consent_text(customer, state)


def test_when_message_is_empty_then_the_demo_asks_for_one_without_calling_the_bot():
    with pytest.raises(app.gr.Error, match="Type a message first"):
        app.send_message("   ", [], "s1", "anonymous")
