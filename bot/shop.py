"""The demo shop page: a fake retailer's website with the chat widget embedded.

``make run`` starts it beside Rasa (``CANDOR_WIDGET_PORT``, default 8080). It serves the page,
the widget files and the socket.io client installed by ``npm ci`` (nothing from a CDN), the
privacy notice built from ``purposes.yml``, and two demo-only endpoints: the list of demo
customers and a "sign in" that mints a customer token for one of them, the way a real shop
would mint it for whoever logged in. Because anyone who can reach it can sign in as any demo
customer, it listens on 127.0.0.1 unless told otherwise.

    python -m bot.shop --port 8080 --rasa-port 5005
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import re
import sys
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from guardrails import config
from guardrails.consent import purposes
from guardrails.store import catalogue, db, queries
from guardrails.tokens import mint_token

logger = logging.getLogger(__name__)

WIDGET_DIR = config.PROJECT_ROOT / "bot" / "widget"
SOCKET_IO_CLIENT = WIDGET_DIR / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
COOKIE = "candor_demo_customer"
MAX_BODY_BYTES = 4096

# URL path -> (file, content type). Only these files are served: no directory walking.
STATIC_FILES = {
    "/widget/candor-widget.js": (WIDGET_DIR / "candor-widget.js", "text/javascript; charset=utf-8"),
    "/widget/candor-widget.css": (WIDGET_DIR / "candor-widget.css", "text/css; charset=utf-8"),
    "/widget/socket.io.min.js": (SOCKET_IO_CLIENT, "text/javascript; charset=utf-8"),
    "/shop.js": (WIDGET_DIR / "shop.js", "text/javascript; charset=utf-8"),
    "/shop.css": (WIDGET_DIR / "shop.css", "text/css; charset=utf-8"),
}


class ApiError(ValueError):
    """A request the shop refuses, with the status and a reason fit for the client."""

    def __init__(self, message: str, status: HTTPStatus = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.status = status


def demo_customers(database_url: str) -> list[dict[str, str]]:
    with db.session_factory(database_url).begin() as session:
        return [{"id": found.id, "name": found.full_name} for found in queries.all_customers(session)]


def demo_products(database_url: str) -> list[dict[str, Any]]:
    with db.session_factory(database_url).begin() as session:
        return [
            {"name": item.name, "category": item.category, "price": f"£{item.price_cents / 100:.2f}"}
            for item in catalogue.catalogue(session)
        ]


def sign_in(database_url: str, body: bytes) -> dict[str, str | None]:
    """Mint a token for the demo customer named in ``{"customer_id": ...}`` (null: sign out)."""
    try:
        request = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        raise ApiError("request body must be JSON") from None
    if not isinstance(request, dict) or "customer_id" not in request:
        raise ApiError("request body must be a JSON object with 'customer_id' (a demo customer id, or null)")
    customer_id = request["customer_id"]
    if customer_id is None:
        return {"customer_id": None, "name": None, "token": None}
    if not isinstance(customer_id, str) or not customer_id:
        raise ApiError("'customer_id' must be a demo customer id or null")
    with db.session_factory(database_url).begin() as session:
        found = queries.customer(session, customer_id)
        if found is None:
            raise ApiError(f"there is no demo customer {customer_id!r}", HTTPStatus.NOT_FOUND)
        return {"customer_id": found.id, "name": found.full_name, "token": mint_token(found.id)}


def page_hostname(host_header: str | None) -> str:
    """The host name from a Host header, or 127.0.0.1 when it is missing or odd."""
    try:
        hostname = urlsplit("//" + (host_header or "").strip()).hostname or ""
    except ValueError:
        return "127.0.0.1"
    if re.fullmatch(r"[A-Za-z0-9.-]+", hostname):
        return hostname
    if re.fullmatch(r"[0-9A-Fa-f:]+", hostname):
        return f"[{hostname}]"
    return "127.0.0.1"


def privacy_notice() -> str:
    """The privacy notice page, from the same purposes file the profile gateway enforces."""
    sections = []
    for found in purposes.load().purposes.values():
        basis = "Only with your permission." if found.requires_consent else "Part of the service; no extra permission needed."
        sections.append(
            f"<section><h2>{html.escape(found.name.replace('_', ' ').capitalize())}</h2>"
            f"<p>{html.escape(found.notice)}</p>"
            f"<p><strong>Data:</strong> {html.escape(', '.join(f.replace('_', ' ') for f in found.fields))}. "
            f"<strong>Basis:</strong> {basis} <small>(notice version {html.escape(found.version)})</small></p></section>"
        )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Privacy notice: Candor Outdoor (demo)</title><link rel='stylesheet' href='/shop.css'></head>"
        "<body><main class='privacy'><h1>How the assistant uses your data</h1>"
        + "".join(sections)
        + "<p>Change your mind at any time: say \"stop personalising\" in the chat, or use "
        "\"Stop personalising\" under the chat. <a href='/'>Back to the shop</a></p></main></body></html>"
    )


class ShopServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], rasa_port: int, database_url: str) -> None:
        super().__init__(address, ShopHandler)
        self.rasa_port = rasa_port
        self.database_url = database_url


class ShopHandler(BaseHTTPRequestHandler):
    server: ShopServer
    server_version = "CandorShop"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        path = self.path.split("?", 1)[0]
        try:
            if path in ("/", "/index.html"):
                self.send_page()
            elif path == "/privacy":
                self.send_body(HTTPStatus.OK, privacy_notice().encode(), "text/html; charset=utf-8")
            elif path == "/health":
                self.send_json(HTTPStatus.OK, {"status": "ok"})
            elif path == "/api/customers":
                self.send_json(HTTPStatus.OK, {"customers": demo_customers(self.server.database_url)})
            elif path == "/api/products":
                self.send_json(HTTPStatus.OK, {"products": demo_products(self.server.database_url)})
            elif path in STATIC_FILES:
                self.send_static(*STATIC_FILES[path])
            else:
                self.send_json(HTTPStatus.NOT_FOUND, {"error": f"nothing at {path}"})
        except Exception:  # noqa: BLE001 - the visitor gets a clear error, the log the details
            logger.exception("shop page failed on GET %s", path)
            self.send_json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "the demo shop had a problem; see its log"})

    def do_POST(self) -> None:  # noqa: N802
        path = self.path.split("?", 1)[0]
        if path != "/api/sign-in":
            self.send_json(HTTPStatus.NOT_FOUND, {"error": f"nothing to POST at {path}"})
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY_BYTES:
            self.send_json(HTTPStatus.BAD_REQUEST, {"error": f"request body must be at most {MAX_BODY_BYTES} bytes"})
            return
        try:
            signed_in = sign_in(self.server.database_url, self.rfile.read(length))
        except ApiError as error:
            self.send_json(error.status, {"error": str(error)})
            return
        except Exception:  # noqa: BLE001
            logger.exception("shop page failed on POST %s", path)
            self.send_json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "the demo shop had a problem; see its log"})
            return
        cookie = f"{COOKIE}={signed_in['customer_id'] or ''}; Path=/; SameSite=Strict; HttpOnly"
        if signed_in["customer_id"] is None:
            cookie += "; Max-Age=0"
        self.send_json(HTTPStatus.OK, signed_in, extra_headers={"Set-Cookie": cookie})

    # ---- responses -----------------------------------------------------------------------

    def rasa_url(self) -> str:
        """Rasa on the host name the visitor used for this page, so it works beyond localhost."""
        return f"http://{page_hostname(self.headers.get('Host'))}:{self.server.rasa_port}"

    def signed_in_customer(self) -> str | None:
        try:
            morsel = SimpleCookie(self.headers.get("Cookie") or "").get(COOKIE)
        except CookieError:
            return None
        return morsel.value if morsel is not None and morsel.value else None

    def send_page(self) -> None:
        """index.html with the widget's script tag filled in for whoever is signed in."""
        customer_id = self.signed_in_customer()
        token = ""
        if customer_id is not None:
            try:
                token = sign_in(self.server.database_url, json.dumps({"customer_id": customer_id}).encode())["token"] or ""
            except ApiError:  # the cookie names a customer who is gone: show the page signed out
                customer_id = None
        rasa_url = self.rasa_url()
        page = (WIDGET_DIR / "index.html").read_text()
        for placeholder, value in (
            ("__CANDOR_SERVER__", rasa_url),
            ("__CANDOR_TOKEN__", token),
            ("__CANDOR_USER__", customer_id or ""),
        ):
            page = page.replace(placeholder, html.escape(value, quote=True))
        websocket_url = "ws" + rasa_url[len("http"):]
        policy = (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {rasa_url} {websocket_url}; frame-ancestors 'none'; base-uri 'none'"
        )
        self.send_body(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8", {"Content-Security-Policy": policy})

    def send_static(self, file: Path, content_type: str) -> None:
        if not file.is_file():
            self.send_json(HTTPStatus.NOT_FOUND, {"error": f"{file.name} is missing; run `make install` (npm ci in bot/widget)"})
            return
        self.send_body(HTTPStatus.OK, file.read_bytes(), content_type)

    def send_json(self, status: HTTPStatus, body: object, extra_headers: dict[str, str] | None = None) -> None:
        self.send_body(status, json.dumps(body).encode(), "application/json", extra_headers)

    def send_body(self, status: HTTPStatus, body: bytes, content_type: str, extra_headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        logger.info("%s %s", self.address_string(), format % args)


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port


def main(argv: list[str] | None = None) -> int:
    settings = config.settings()
    parser = argparse.ArgumentParser(prog="python -m bot.shop", description="Serve the demo shop page with the chat widget.")
    parser.add_argument("--port", type=port_number, default=settings.widget_port, help="port for the shop page (default %(default)s)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default %(default)s; the page mints tokens, keep it private)")
    parser.add_argument("--rasa-port", type=port_number, default=settings.rasa_port, help="port of the Rasa server the widget talks to (default %(default)s)")
    arguments = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not SOCKET_IO_CLIENT.is_file():
        print(f"Could not start the shop page: {SOCKET_IO_CLIENT} is missing; run `make install`", file=sys.stderr)
        return 1
    try:
        server = ShopServer((arguments.host, arguments.port), arguments.rasa_port, settings.database_url)
    except OSError as error:
        print(f"Could not start the shop page on {arguments.host}:{arguments.port}: {error.strerror}", file=sys.stderr)
        return 1
    logger.info("demo shop page on http://%s:%s/", arguments.host, arguments.port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
