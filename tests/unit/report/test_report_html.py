"""The report page: the scenario's numbers on a self-contained page that opens with no network request."""

import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import sync_playwright

from guardrails.cli import main as candor
from guardrails.report import figures, html
from tests.unit.report.scenario import seed

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page_html(session) -> str:
    seed(session, datetime.utcnow())
    return html.render(figures.compute(session, timedelta(days=30)))


@pytest.mark.parametrize(
    "pattern",
    [
        r"https?://",  # any URL at all
        r"<script",  # no script, inline or not
        r"<link\b",
        r"@import",
        r"url\(",  # no CSS fetch
        r"<img\b|<iframe\b|<object\b|<embed\b",
    ],
)
def test_when_the_page_is_rendered_then_it_references_nothing_outside_itself(page_html, pattern):
    assert not re.search(pattern, page_html, re.IGNORECASE)


def test_when_the_page_is_rendered_then_it_shows_the_scenarios_numbers(page_html):
    tiles = dict(
        (label, int(number.replace(",", "")))
        for number, label in re.findall(r'<div class="tile"><b>([\d,]+)</b>([^<]+)</div>', page_html)
    )
    assert tiles == {
        "conversations": 3,
        "customer messages": 4,
        "personal-data entities masked": 4,
        "consent grants": 2,
        "consent withdrawals": 1,
        "profile fields read": 4,
        "refused access attempts": 3,
        "rights requests": 4,
        "purge runs": 2,
    }
    assert '<td>EMAIL_ADDRESS</td><td class="n">2</td>' in page_html
    assert (
        '<td>export</td><td class="n">2</td><td class="n">2</td><td class="n">0</td><td>20 min</td>'
        in page_html
    )
    assert "2 purge run(s) in the period" in page_html
    assert page_html.count("<td>schedule</td>") == 1  # only the run that deleted something is listed
    assert '<td>schedule</td><td class="n">1</td><td class="n">2</td><td class="n">2</td>' in page_html
    assert "Intact: all 11 rows" in page_html
    assert page_html.count("<svg") == 5


def test_when_the_report_opens_in_chromium_then_it_makes_no_network_request(cli_store, tmp_path, capsys):
    from guardrails.store import db

    with db.session_factory(cli_store).begin() as session:
        seed(session, datetime.utcnow())
    out = tmp_path / "report.html"
    assert candor(["report", "--since", "30d", "--out", str(out)]) == 0
    assert (
        f"wrote {out}: 3 conversation(s), 3 refused attempt(s), audit chain intact" in capsys.readouterr().out
    )

    requested: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context()
            context.on("request", lambda request: requested.append(request.url))
            # Anything that is not the file itself would be aborted here, and still recorded above.
            context.route(re.compile(r"^(?!file://).*"), lambda route: route.abort())
            page = context.new_page()
            page.goto(out.as_uri(), wait_until="networkidle")
            title = page.title()
            charts = page.locator("svg[role=img]").count()
            first_tile = page.locator(".tile").first.inner_text()
        finally:
            browser.close()
    assert requested == [out.as_uri()]
    assert title == "Candor transparency report"
    assert charts == 5
    assert first_tile.split() == ["3", "conversations"]
