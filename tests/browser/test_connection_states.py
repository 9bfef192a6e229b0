"""What the widget shows when the connection or the bot goes away."""

from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser, expect

from bot.launcher import Stack, free_port
from guardrails import config
from tests.browser.shop_page import DESKTOP, ShopPage
from tests.stack import start_stack

# Collects every data-state the widget passes through, so short-lived ones are not missed.
RECORD_STATES = """() => {
  window.widgetStates = [];
  const root = document.querySelector('.cw-root');
  new MutationObserver(() => window.widgetStates.push(root.getAttribute('data-state')))
    .observe(root, {attributes: true, attributeFilter: ['data-state']});
}"""


@pytest.fixture
def own_stack() -> Iterator[Stack]:
    """A bot of this test's own, with its shop page, so stopping it leaves the shared one alone."""
    stack = start_stack(log_dir=config.settings().state_dir / "logs-stopped-bot", shop_port=free_port())
    try:
        yield stack
    finally:
        stack.stop()


def test_when_the_bot_stops_then_the_widget_shows_the_error_and_sends_nothing(browser: Browser, own_stack: Stack) -> None:
    context = browser.new_context(viewport=DESKTOP)
    try:
        shop = ShopPage(context.new_page(), own_stack.shop_url).open()
        shop.open_chat()
        assert "Candor" in shop.say("hello")
        shop.page.evaluate(RECORD_STATES)

        own_stack.stop("rasa")
        expect(shop.widget).to_have_attribute("data-state", "error", timeout=120_000)
        assert "reconnecting" in shop.page.evaluate("window.widgetStates")  # it tried before giving up
        status = shop.widget.get_by_role("status").first
        expect(status).to_contain_text("can't be reached")
        expect(shop.widget.get_by_role("button", name="Try again")).to_be_visible()
        expect(shop.widget.get_by_role("button", name="Send")).to_have_attribute("aria-disabled", "true")

        sent = shop.user_messages().count()
        shop.input.fill("are you there?")
        shop.input.press("Enter")
        expect(status).to_contain_text("not sent")
        expect(shop.user_messages()).to_have_count(sent)
        expect(shop.input).to_have_value("are you there?")  # kept, to send once it is back
        shop.screenshot("bot-stopped")
    finally:
        context.close()


def test_when_the_browser_goes_offline_then_the_widget_says_so_and_reconnects(shop_page: ShopPage) -> None:
    shop_page.open_chat()
    shop_page.page.context.set_offline(True)
    expect(shop_page.widget).to_have_attribute("data-state", "offline")
    expect(shop_page.widget.get_by_role("status").first).to_contain_text("You're offline")
    shop_page.page.context.set_offline(False)
    shop_page.expect_online()
    assert "Candor" in shop_page.say("hello")


# The widget again, with a short wait for an answer (30 s in the shipped widget).
IMPATIENT_WIDGET = """() => {
  const tag = document.querySelector('script[data-server]');
  CandorWidget.init({server: tag.getAttribute('data-server'), replyTimeoutMs: 3000});
}"""


def test_when_the_bot_answers_nothing_then_the_widget_says_so_and_takes_the_late_answer(
        browser: Browser, own_stack: Stack) -> None:
    import os
    import signal

    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    rasa = own_stack.processes["rasa"].pid
    try:
        shop = ShopPage(context.new_page(), own_stack.shop_url).open()
        shop.page.evaluate(IMPATIENT_WIDGET)
        shop.open_chat()
        assert "Candor" in shop.say("hello")
        answered = shop.bot_messages().count()

        os.kill(rasa, signal.SIGSTOP)  # connected, but silent
        try:
            shop.input.fill("where is my order?")
            shop.input.press("Enter")
            expect(shop.widget).to_have_attribute("data-state", "error", timeout=20_000)
            expect(shop.widget.get_by_role("status").first).to_contain_text("No answer from the assistant")
            expect(shop.user_messages().last).to_contain_text("where is my order?")  # kept in the log
        finally:
            os.kill(rasa, signal.SIGCONT)
        expect(shop.bot_messages()).not_to_have_count(answered)  # the late answer still shows
        shop.expect_online()
    finally:
        context.close()
