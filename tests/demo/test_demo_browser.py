"""The demo in real headless Chromium (Debian's, driven by Playwright): a CX person picks a
customer, chats, answers the consent prompt with its button and sees the trace and the
"Why this suggestion?" box. The screenshot is the README's (docs/screenshots/gradio-demo.png)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from guardrails.config import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOT = PROJECT_ROOT / "docs" / "screenshots" / "gradio-demo.png"


@pytest.fixture
def page(running_demo):
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: apt-get install -y chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.set_default_timeout(90_000)  # a busy machine: Rasa answers in seconds, not milliseconds
        yield page
        browser.close()


def test_when_cx_person_chats_in_the_browser_then_trace_consent_and_why_box_are_shown(page, running_demo):
    page.goto(running_demo.url)
    page.get_by_label("Chat as").click()
    page.get_by_role("option", name="C010 · Jack Fictional").click()
    expect(page.get_by_text("for C010: not asked yet")).to_be_visible()

    message = page.get_by_label("Message")
    message.fill("any gift ideas for a runner?")
    message.press("Enter")
    page.get_by_role("button", name="Yes, personalise").click()  # the consent prompt's button, under the bot's question

    expect(page.get_by_text("Why this suggestion?")).to_be_visible()
    expect(page.get_by_text("for C010: granted on")).to_be_visible()
    expect(page.get_by_text("action_record_consent").first).to_be_visible()  # in the panel and the table
    expect(page.get_by_text("What was masked").first).to_be_visible()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
