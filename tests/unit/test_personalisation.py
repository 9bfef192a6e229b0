"""Suggestions and consent decisions, from the store and ledger, without Rasa."""

from actions import personalisation


def test_when_no_consent_is_on_record_then_consent_is_asked_before_any_suggestion(session):
    outcome = personalisation.suggest(session, "C001", declined_in_chat=False)
    assert outcome.asked_for_consent
    assert [reply.response for reply in outcome.replies] == ["utter_ask_personalisation_consent"]
    assert outcome.explanation is None


def test_when_visitor_is_anonymous_or_declined_then_best_sellers_use_no_data(session):
    for customer_id, declined in ((None, False), ("C001", True)):
        outcome = personalisation.suggest(session, customer_id, declined_in_chat=declined)
        assert not outcome.asked_for_consent
        assert outcome.explanation["data_used"] == [] and outcome.explanation["consent"] is None


def test_when_consent_is_granted_then_suggestions_are_personal_with_explanations(session):
    personalisation.grant(session, "C001", "rest", "test/1")
    outcome = personalisation.suggest(session, "C001", declined_in_chat=False)
    assert outcome.replies and all(reply.response == "utter_personal_suggestion" for reply in outcome.replies)
    for reply in outcome.replies:
        payload = reply.custom["explanation"]
        assert payload["consent"]["purpose"] == "personalisation"
        assert set(payload["data_used"]) <= {"purchase_history", "preferences"}
        assert reply.values["reason"].startswith("Because you")


def test_when_consent_is_withdrawn_then_next_suggestion_is_not_personal(session):
    personalisation.grant(session, "C002", "rest", "test/1")
    assert personalisation.withdraw(session, "C002", "rest", "test/2").response == "utter_consent_withdrawn"
    outcome = personalisation.suggest(session, "C002", declined_in_chat=False)
    assert not outcome.asked_for_consent
    assert outcome.explanation["consent"] is None


def test_when_nothing_was_granted_then_withdrawing_records_nothing(session):
    assert personalisation.withdraw(session, "C003", "rest", "t/1").response == "utter_consent_nothing_to_withdraw"


def test_when_explaining_then_reasons_data_and_consent_are_spelled_out():
    payload = {
        "suggestion": "Trail stove",
        "reasons": ["Because you bought the Ridge 2 tent in November"],
        "data_used": ["purchase_history"],
        "consent": {"purpose": "personalisation", "granted_at": "2026-11-29T10:00:00"},
    }
    reply = personalisation.explain(payload)
    assert reply.values["data_used"] == "your purchase history"
    assert "2026-11-29" in reply.values["consent"]
    assert personalisation.explain(None).response == "utter_no_suggestion_yet"
    assert "no consent" in personalisation.explain(payload | {"consent": None, "data_used": []}).values["consent"]
