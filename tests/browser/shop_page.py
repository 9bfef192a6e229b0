"""The demo shop page and its chat widget as a customer uses them, for the browser tests.

Screenshots go to tests/browser/artifacts/ (ignored by git); the README's come from there.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page, expect

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 375, "height": 740}
REPLY_TIMEOUT_MS = 60_000  # a busy shared machine; the widget itself gives up after 30 s


class ShopPage:
    """The shop page and its widget, as a customer uses them."""

    def __init__(self, page: Page, url: str) -> None:
        self.page = page
        self.url = url
        self.requested: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requested.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self) -> ShopPage:
        self.page.goto(self.url + "/")
        return self

    def sign_in(self, customer_id: str | None, name: str | None = None) -> None:
        self.page.get_by_label("Signed in as").select_option(customer_id or "")
        expected = f"Chat signed in as {name}" if customer_id else "Chat is anonymous"
        expect(self.page.locator("#sign-in-status")).to_have_text(expected)

    @property
    def widget(self) -> Locator:
        return self.page.locator(".cw-root")

    @property
    def launcher(self) -> Locator:
        return self.page.get_by_role("button", name="Chat with us")

    @property
    def input(self) -> Locator:
        return self.page.get_by_label("Your message")

    def open_chat(self) -> None:
        self.launcher.click()
        self.expect_online()

    def expect_online(self) -> None:
        expect(self.widget).to_have_attribute("data-state", "online")

    def bot_messages(self) -> Locator:
        return self.page.locator(".cw-from-bot")

    def user_messages(self) -> Locator:
        return self.page.locator(".cw-from-user")

    def say(self, text: str) -> str:
        """Type a message, send it with Enter, and return the text of the bot's first answer."""
        before = self.bot_messages().count()
        self.input.fill(text)
        self.input.press("Enter")
        expect(self.user_messages().last).to_contain_text(text)
        expect(self.bot_messages()).not_to_have_count(before)
        return self.bot_messages().nth(before).inner_text()

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path
