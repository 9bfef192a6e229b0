"""Settings every test shares (a throwaway state folder and key, no telemetry), a seeded
store per test, and the session's one real bot that integration and browser tests talk to.

Set before any test imports guardrails, whose config is read lazily and cached.
"""

import os
import tempfile
from pathlib import Path

import pytest

TEST_STATE_DIR = Path(tempfile.mkdtemp(prefix="candor-test-"))
os.environ["CANDOR_STATE_DIR"] = str(TEST_STATE_DIR)
os.environ["CANDOR_SECRET_KEY"] = "test-only-key-" + "x" * 40
os.environ["CANDOR_STAFF_TOKEN"] = "test-only-staff-token-" + "s" * 32
# The integration stack uses SQLite in the state folder unless CANDOR_TEST_DATABASE_URL
# names another database (e.g. an empty PostgreSQL one) to run the same tests against.
os.environ.pop("CANDOR_DATABASE_URL", None)
if os.environ.get("CANDOR_TEST_DATABASE_URL"):
    os.environ["CANDOR_DATABASE_URL"] = os.environ["CANDOR_TEST_DATABASE_URL"]
os.environ["RASA_TELEMETRY_ENABLED"] = "false"

# tests/demo runs in the Gradio demo's own environment (make test does that); not here.
collect_ignore = ["demo"]

from guardrails import config  # noqa: E402
from guardrails.store import db, seed  # noqa: E402
from tests.stack import Bot, start_stack  # noqa: E402


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """A fresh SQLite store seeded with the demo customers."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    db.create_schema(url)
    with db.session_factory(url).begin() as session:
        seed.load_seed(session, config.settings().seed_file)
    return url


@pytest.fixture
def session(store_url: str):
    with db.session_factory(store_url).begin() as session:
        yield session


@pytest.fixture(scope="session")
def bot() -> Bot:
    """One real bot for the whole test session (integration and browser tests share it)."""
    stack = start_stack(debug=True)
    try:
        yield Bot(stack, config.settings().database_url)
    finally:
        stack.stop()
