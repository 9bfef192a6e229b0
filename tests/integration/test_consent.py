"""Personal suggestions only with consent, withdrawable at any time, always explained."""

from __future__ import annotations

from sqlalchemy import create_engine, text


def bot_messages(bot, sender: str, message: str, customer: str | None) -> list[dict]:
    return bot.say(sender, message, customer=customer)


def texts(messages: list[dict]) -> str:
    return "\n".join(message.get("text", "") for message in messages)


def explanations(messages: list[dict]) -> list[dict]:
    return [message["custom"]["explanation"] for message in messages if "explanation" in message.get("custom", {})]


def ledger_rows(bot, customer_id: str) -> list[tuple]:
    engine = create_engine(bot.database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT purpose, granted, notice_version, channel FROM consent_records "
                 "WHERE customer_id = :customer ORDER BY id"),
            {"customer": customer_id},
        ).fetchall()
    engine.dispose()
    return [tuple(row) for row in rows]


def test_when_customer_without_consent_asks_for_suggestions_then_consent_is_asked_first(bot, sender):
    messages = bot_messages(bot, sender, "can you recommend something for me?", "C008")
    prompt = messages[-1]
    assert [button["payload"] for button in prompt["buttons"]] == ["/give_consent", "/deny"]
    assert "purchase history" in prompt["text"] and "change your mind" in prompt["text"]
    assert explanations(messages) == []  # nothing personal was suggested before the answer


def test_when_customer_declines_then_suggestions_stay_non_personal_all_conversation(bot, sender):
    bot_messages(bot, sender, "any suggestions for me?", "C001")
    declined = bot_messages(bot, sender, "/deny", "C001")
    assert "won't use your data" in texts(declined)
    for payload in explanations(declined):
        assert payload["data_used"] == [] and payload["consent"] is None
    again = bot_messages(bot, sender, "what would you recommend?", "C001")
    assert "buttons" not in again[-1]  # the decline is respected: not asked again
    assert "Because you bought" not in texts(again)
    why = bot.text(sender, "why did you suggest that?", customer="C001")
    assert "didn't use any of your data" in why or "no consent" in why
    assert ledger_rows(bot, "C001") == []  # declining in chat records no consent


def test_when_customer_grants_consent_then_suggestions_are_personal_and_explained(bot, sender):
    bot_messages(bot, sender, "recommend me something", "C002")
    granted = bot_messages(bot, sender, "/give_consent", "C002")
    assert "recorded" in texts(granted)
    payloads = explanations(granted)
    assert payloads, f"no explanation payload in {granted}"
    for payload in payloads:
        assert set(payload) >= {"suggestion", "reasons", "data_used", "consent"}
        assert payload["consent"]["purpose"] == "personalisation" and payload["consent"]["granted_at"]
        assert set(payload["data_used"]) <= {"purchase_history", "preferences"}
    assert "Because you" in texts(granted)
    why = bot.text(sender, "why did you recommend that?", customer="C002")
    assert "personalisation" in why and "consent" in why
    assert ledger_rows(bot, "C002")[-1][:2] == ("personalisation", True)


def test_when_customer_withdraws_mid_conversation_then_next_suggestion_is_not_personal(bot, sender):
    bot_messages(bot, sender, "show me some product ideas", "C005")
    assert explanations(bot_messages(bot, sender, "/give_consent", "C005"))
    withdrawn = bot.text(sender, "stop using my data for recommendations", customer="C005")
    assert "won't use" in withdrawn
    after = bot_messages(bot, sender, "recommend something else", "C005")
    assert "Because you bought" not in texts(after)
    assert all(payload["consent"] is None and payload["data_used"] == [] for payload in explanations(after))
    assert [row[1] for row in ledger_rows(bot, "C005")] == [True, False]  # history kept, append-only


def test_when_anonymous_visitor_asks_for_suggestions_then_best_sellers_without_asking(bot, sender):
    messages = bot_messages(bot, sender, "any gift ideas?", None)
    assert "buttons" not in messages[-1]
    assert "best sellers" in texts(messages)


def test_when_asked_about_privacy_then_purposes_and_current_choices_are_explained(bot, sender):
    reply = bot.text(sender, "how do you use my data?", customer="C003")
    assert "personalisation" in reply.lower()
    assert "not given" in reply or "haven't" in reply


def test_when_customer_withdraws_during_the_address_form_then_it_is_recorded_and_the_form_goes_on(bot, sender):
    bot_messages(bot, sender, "get me some suggestions", "C009")
    bot_messages(bot, sender, "/give_consent", "C009")
    assert "new address" in bot.text(sender, "I need to change my address", customer="C009")
    reply = bot.text(sender, "actually, stop using my data for recommendations", customer="C009")
    assert "won't use" in reply and "new address" in reply
    assert [row[1] for row in ledger_rows(bot, "C009")] == [True, False]
    bot.say(sender, "/deny", customer="C009")


def test_when_the_bot_uses_profile_data_then_the_audit_trail_shows_it_and_verifies(bot, sender):
    from guardrails import audit
    from guardrails.store import db

    bot_messages(bot, sender, "what should I buy?", "C010")
    bot_messages(bot, sender, "/give_consent", "C010")
    bot.text(sender, "where is my order?", customer="C010")
    with db.session_factory(bot.database_url).begin() as session:
        trail = [(row.actor, row.action, row.detail) for row in audit.rows_for(session, "C010")]
        verdict = audit.verify(session)
    assert ("customer:rest", "consent_granted", "personalisation 2025-01") in trail
    assert ("bot:personalisation", "read", "purchase_history") in trail
    assert ("bot:order_service", "read", "orders") in trail
    assert verdict.intact
