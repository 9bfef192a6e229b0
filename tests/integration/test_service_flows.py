"""Each service flow for a verified customer, against the real servers over HTTP."""

import pytest

from guardrails.store import db, queries


def test_when_verified_customer_asks_for_order_status_then_latest_order_is_described(bot, sender):
    reply = bot.text(sender, "where is my order?", customer="C001")
    assert "10003" in reply and "Trail stove" in reply and "on its way" in reply


def test_when_customer_names_own_order_then_that_order_is_described(bot, sender):
    reply = bot.text(sender, "what's the status of order 10001", customer="C001")
    assert "10001" in reply and "delivered" in reply


def test_when_customer_asks_about_a_return_then_window_is_given(bot, sender):
    reply = bot.text(sender, "can I send back the tent I bought?", customer="C001")
    assert "can be returned until" in reply and "10002" in reply


def test_when_return_window_has_closed_then_customer_is_told(bot, sender):
    reply = bot.text(sender, "I want to return my jacket", customer="C003")
    assert "closed" in reply


def test_when_customer_asks_about_a_refund_then_its_status_is_given(bot, sender):
    reply = bot.text(sender, "has my refund been processed yet?", customer="C002")
    assert "£119.00" in reply and "paid" in reply


def test_when_customer_asks_about_billing_then_last_invoice_is_explained(bot, sender):
    reply = bot.text(sender, "I have a question about a charge on my card", customer="C001")
    assert "INV-20003" in reply and "Visa ending 1111" in reply


def test_when_visitor_asks_for_suggestions_then_best_sellers_come_with_a_reason(bot, sender):
    reply = bot.text(sender, "can you recommend something?")
    assert "best sellers" in reply and "didn't use any of your data" in reply
    why = bot.text(sender, "why did you suggest those?")
    assert "Popular with all our customers" in why and "no consent" in why


def _address(bot, customer_id: str) -> str:
    with db.session_factory(bot.database_url).begin() as session:
        return queries.customer(session, customer_id).address


def test_when_customer_changes_address_and_confirms_then_it_is_written(bot, sender):
    ask = bot.say(sender, "I moved house and need to change my address", customer="C008")
    assert "new address" in ask[0]["text"]
    confirm = bot.say(sender, "14 Example Gardens, Testville, TE14 4EG", customer="C008")
    assert "14 Example Gardens" in confirm[0]["text"]
    assert [button["payload"] for button in confirm[0]["buttons"]] == ["/affirm", "/deny"]
    done = bot.text(sender, "/affirm", customer="C008")
    assert "address is updated" in done
    assert _address(bot, "C008") == "14 Example Gardens, Testville, TE14 4EG"


def test_when_customer_declines_the_confirmation_then_nothing_changes(bot, sender):
    before = _address(bot, "C010")
    bot.say(sender, "please update my delivery address", customer="C010")
    bot.say(sender, "99 Example Way, Testville, TE9 9EW", customer="C010")
    reply = bot.text(sender, "/deny", customer="C010")
    assert "haven't changed anything" in reply
    assert _address(bot, "C010") == before


def test_when_address_is_not_plausible_then_it_is_asked_again(bot, sender):
    bot.say(sender, "i need to change my address", customer="C009")
    reply = bot.text(sender, "my cat", customer="C009")
    assert "doesn't look like a postal address" in reply
    confirm = bot.text(sender, "9 Sample Square, Exampleton, EX9 9EX", customer="C009")
    assert "Shall I change your address" in confirm
    bot.say(sender, "/deny", customer="C009")


def test_when_customer_greets_and_thanks_then_small_talk_works(bot, sender):
    assert "Candor" in bot.text(sender, "hello there", customer="C001")
    assert "welcome" in bot.text(sender, "thanks a lot", customer="C001")


def test_when_customer_asks_to_delete_data_then_nothing_is_deleted_before_a_yes(bot, sender):
    reply = bot.text(sender, "please delete all my personal data", customer="C001")
    assert "Shall I delete everything now?" in reply and "can't be undone" in reply
    assert "haven't deleted anything" in bot.text(sender, "/deny", customer="C001")
    assert _address(bot, "C001") is not None


@pytest.mark.parametrize("message", ["please delete all my personal data", "export my data"])
def test_when_anonymous_visitor_asks_for_erasure_or_export_then_they_are_asked_to_sign_in(bot, sender, message):
    reply = bot.text(sender, message)
    assert "signed-in customer" in reply and "Please sign in" in reply
    assert "Shall I" not in reply and "/webhooks/rights" not in reply


def test_when_customer_asks_what_data_is_held_then_categories_and_uses_are_listed(bot, sender):
    reply = bot.text(sender, "what personal data do you keep about me?", customer="C002")
    assert "2 order(s)" in reply and "only with your permission" in reply
    anonymous = bot.text(sender, "what personal data do you keep about me?")
    assert "signed in" in anonymous and "order(s)" not in anonymous
