"""The chat widget on the demo shop page, in headless Chromium, against the session's real bot."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser, expect

from tests.browser.shop_page import PHONE, ShopPage

# No integration test touches this customer's consent, so the consent question is still open.
CUSTOMER, NAME = "C006", "Frank Notreal"


def test_when_customer_chats_then_orders_consent_and_why_this_work_end_to_end(shop_page: ShopPage, bot) -> None:
    shop = shop_page
    shop.sign_in(CUSTOMER, NAME)
    shop.open_chat()
    expect(shop.widget.get_by_role("link", name="Privacy notice")).to_have_attribute("href", "/privacy")

    assert "Candor" in shop.say("hello")
    order = shop.say("where is my order?")
    assert "10010" in order and "delivered" in order  # the real order from the demo store

    shop.say("can you recommend something for me?")
    prompt = shop.bot_messages().last
    expect(prompt).to_contain_text("purchase history")
    expect(prompt.get_by_role("button", name="No, thanks")).to_be_visible()
    consent = prompt.get_by_role("button", name="Yes, personalise")
    consent.click()
    expect(shop.user_messages().last.locator(".cw-bubble")).to_have_text("Yes, personalise")  # the title, not /give_consent
    expect(consent).to_be_disabled()  # a question is answered once
    expect(consent).to_have_attribute("aria-pressed", "true")

    why = shop.page.get_by_role("button", name="Why this?").first
    expect(why).to_have_attribute("aria-expanded", "false")
    why.click()
    expect(why).to_have_attribute("aria-expanded", "true")
    panel = shop.page.get_by_role("region", name="Why this suggestion").first
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Because you bought")
    expect(panel.locator(".cw-why-data")).to_contain_text("Your purchase history")
    expect(panel.locator(".cw-why-consent")).to_contain_text("You agreed to personalisation")
    shop.screenshot("desktop-why-this")

    # Reload: the transcript comes back from localStorage and the server kept the session
    # (same session id), so "why?" still knows the suggestion made before the reload.
    shown = shop.bot_messages().count()
    shop.page.reload()
    expect(shop.page.get_by_label("Signed in as")).to_have_value(CUSTOMER)
    shop.expect_online()  # it was open, so it opens again
    expect(shop.bot_messages()).to_have_count(shown)
    expect(shop.page.get_by_role("button", name="Why this?").first).to_be_visible()
    assert "consent for personalisation" in shop.say("why did you suggest that?")

    shop.widget.get_by_role("button", name="Stop personalising").click()
    expect(shop.user_messages().last.locator(".cw-bubble")).to_have_text("Stop personalising")
    expect(shop.bot_messages().last).to_contain_text("won't use")

    assert shop.errors == []
    allowed = {urlsplit(shop.url).netloc, urlsplit(bot.stack.rasa_url).netloc}
    assert {urlsplit(url).netloc for url in shop.requested} <= allowed  # nothing from a CDN


def test_when_visitor_uses_only_the_keyboard_then_chat_opens_sends_and_closes(shop_page: ShopPage) -> None:
    page = shop_page.page
    for _ in range(30):
        if page.evaluate("document.activeElement.classList.contains('cw-launcher')"):
            break
        page.keyboard.press("Tab")
    expect(shop_page.launcher).to_be_focused()
    page.keyboard.press("Enter")
    shop_page.expect_online()
    expect(shop_page.input).to_be_focused()
    page.keyboard.type("hello")
    page.keyboard.press("Enter")
    expect(shop_page.bot_messages().last).to_contain_text("Candor")
    expect(shop_page.input).to_have_value("")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(shop_page.launcher).to_be_focused()
    expect(shop_page.launcher).to_have_attribute("aria-expanded", "false")


def test_when_the_shopper_changes_then_the_widget_starts_their_own_conversation(shop_page: ShopPage) -> None:
    shop_page.open_chat()
    assert "signed in" in shop_page.say("where is my order?")  # anonymous: general help only
    expect(shop_page.widget.get_by_role("button", name="Stop personalising")).to_have_count(0)

    shop_page.sign_in("C002", "Bob Sample")
    shop_page.open_chat()
    expect(shop_page.bot_messages()).to_have_count(0)  # the anonymous chat is not Bob's
    assert "10005" in shop_page.say("where is my order?")
    expect(shop_page.widget.get_by_role("button", name="Stop personalising")).to_be_visible()


def test_when_a_message_contains_markup_then_it_is_shown_as_text(shop_page: ShopPage) -> None:
    shop_page.open_chat()
    markup = '<img src="x" onerror="window.pwned = 1"><b>hello</b>'
    shop_page.say(markup)
    expect(shop_page.user_messages().last.locator(".cw-bubble")).to_have_text(markup)
    expect(shop_page.page.locator(".cw-log img, .cw-log b")).to_have_count(0)
    assert shop_page.page.evaluate("window.pwned") is None


def test_when_opened_on_a_phone_then_the_chat_fills_the_screen_without_sideways_scrolling(browser: Browser, shop: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        phone = ShopPage(context.new_page(), shop).open()
        phone.sign_in("C001", "Alice Example")
        phone.open_chat()
        assert "10003" in phone.say("where is my order?")
        dialog = phone.page.get_by_role("dialog").bounding_box()
        assert dialog is not None and dialog["x"] >= 0 and dialog["x"] + dialog["width"] <= PHONE["width"]
        assert phone.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        expect(phone.input).to_be_in_viewport()
        expect(phone.widget.get_by_role("button", name="Send")).to_be_in_viewport()
        expect(phone.widget.get_by_role("button", name="Close chat")).to_be_in_viewport()
        phone.screenshot("phone")
    finally:
        context.close()
