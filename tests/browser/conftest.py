"""Headless Chromium (Debian's, driven by Playwright) against the demo shop page and the real bot.

The shop page runs beside the session's bot (tests/conftest.py) on a free port.
"""

from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from bot.launcher import free_port
from tests.browser.shop_page import CHROMIUM, CHROMIUM_FLAGS, DESKTOP, REPLY_TIMEOUT_MS, ShopPage

expect.set_options(timeout=REPLY_TIMEOUT_MS)


@pytest.fixture(scope="session")
def shop(bot) -> Iterator[str]:
    """The demo shop page's URL, talking to the session's bot."""
    bot.stack.start_shop(free_port())
    try:
        yield bot.stack.shop_url
    finally:
        bot.stack.stop("shop")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # Module scope, not session: Playwright's sync API keeps an asyncio loop running in this
    # thread while it is open, and later tests that call asyncio.run() would fail.
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def shop_page(browser: Browser, shop: str) -> Iterator[ShopPage]:
    context = browser.new_context(viewport=DESKTOP)
    try:
        yield ShopPage(context.new_page(), shop).open()
    finally:
        context.close()
