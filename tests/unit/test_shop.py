"""The demo shop server: its sign-in, its pages and its refusals, over real HTTP."""

from __future__ import annotations

import json
import threading
from typing import Iterator

import pytest
import requests

from bot import shop
from bot.launcher import free_port
from guardrails.tokens import verify_token


@pytest.fixture
def shop_url(store_url: str) -> Iterator[str]:
    server = shop.ShopServer(("127.0.0.1", free_port()), rasa_port=5999, database_url=store_url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_when_a_demo_customer_signs_in_then_the_token_names_them_and_a_cookie_remembers(shop_url):
    reply = requests.post(f"{shop_url}/api/sign-in", json={"customer_id": "C001"}, timeout=10)
    assert reply.status_code == 200
    body = reply.json()
    assert body["name"] == "Alice Example" and verify_token(body["token"]) == "C001"
    assert reply.cookies.get(shop.COOKIE) == "C001"


def test_when_signed_in_then_the_page_embeds_the_widget_with_their_token(shop_url):
    page = requests.get(f"{shop_url}/", cookies={shop.COOKIE: "C002"}, timeout=10)
    assert page.status_code == 200
    token = page.text.split('data-token="', 1)[1].split('"', 1)[0]
    assert verify_token(token) == "C002"
    assert 'data-server="http://127.0.0.1:5999"' in page.text and 'data-user="C002"' in page.text
    assert "connect-src 'self' http://127.0.0.1:5999 ws://127.0.0.1:5999" in page.headers["Content-Security-Policy"]


def test_when_the_cookie_names_nobody_then_the_page_is_anonymous(shop_url):
    page = requests.get(f"{shop_url}/", cookies={shop.COOKIE: "C999"}, timeout=10)
    assert 'data-token=""' in page.text and 'data-user=""' in page.text


def test_when_signing_out_then_there_is_no_token_and_the_cookie_is_cleared(shop_url):
    reply = requests.post(f"{shop_url}/api/sign-in", json={"customer_id": None}, timeout=10)
    assert reply.json() == {"customer_id": None, "name": None, "token": None}
    assert "Max-Age=0" in reply.headers["Set-Cookie"]


@pytest.mark.parametrize(
    "body, status, reason",
    [
        (b"not json", 400, "must be JSON"),
        (b"[]", 400, "'customer_id'"),  # not an object
        (b"{}", 400, "'customer_id'"),  # missing
        (json.dumps({"customer_id": 7}).encode(), 400, "demo customer id or null"),
        (json.dumps({"customer_id": "C999"}).encode(), 404, "no demo customer 'C999'"),
        (b"x" * (shop.MAX_BODY_BYTES + 1), 400, "at most"),
    ],
)
def test_when_sign_in_is_malformed_then_a_json_error_says_why(shop_url, body, status, reason):
    reply = requests.post(f"{shop_url}/api/sign-in", data=body, headers={"Content-Type": "application/json"}, timeout=10)
    assert reply.status_code == status
    assert reason in reply.json()["error"]


def test_when_customers_are_listed_then_ids_and_names_only(shop_url):
    customers = requests.get(f"{shop_url}/api/customers", timeout=10).json()["customers"]
    assert customers[0] == {"id": "C001", "name": "Alice Example"}
    assert all(set(customer) == {"id", "name"} for customer in customers)


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("/widget/candor-widget.js", "text/javascript"),
        ("/widget/candor-widget.css", "text/css"),
        ("/widget/socket.io.min.js", "text/javascript"),  # from npm ci, served locally
        ("/privacy", "text/html"),
    ],
)
def test_when_widget_files_are_asked_for_then_they_are_served_locally(shop_url, path, content_type):
    reply = requests.get(shop_url + path, timeout=10)
    assert reply.status_code == 200 and reply.headers["Content-Type"].startswith(content_type)


@pytest.mark.parametrize("path", ["/widget/../shop.py", "/widget/node_modules/socket.io-client/package.json", "/nope"])
def test_when_anything_else_is_asked_for_then_404(shop_url, path):
    assert requests.get(shop_url + path, timeout=10).status_code == 404


def test_when_the_privacy_notice_is_shown_then_it_is_the_purposes_file(shop_url):
    page = requests.get(f"{shop_url}/privacy", timeout=10).text
    assert "I never use your age or gender for this" in page  # personalisation's notice
    assert "Only with your permission." in page and "notice version 2025-01" in page


@pytest.mark.parametrize(
    "host, hostname",
    [
        ("localhost:8080", "localhost"),
        ("shop.example.com", "shop.example.com"),
        ("[::1]:8080", "[::1]"),
        (None, "127.0.0.1"),
        ('evil"><script>:80', "127.0.0.1"),  # anything odd falls back rather than reaching the page
    ],
)
def test_page_hostname(host, hostname):
    assert shop.page_hostname(host) == hostname


def test_when_the_socket_io_client_is_missing_then_the_shop_refuses_to_start_in_one_line(monkeypatch, capsys):
    monkeypatch.setattr(shop, "SOCKET_IO_CLIENT", shop.WIDGET_DIR / "missing.js")
    assert shop.main(["--port", str(free_port())]) == 1
    assert "run `make install`" in capsys.readouterr().err
