"""Fixtures the unit tests of CLI commands share."""

import pytest


@pytest.fixture
def cli_store(monkeypatch, store_url):
    """Point the CLI's configured database at this test's store (config and engines are cached)."""
    from guardrails import config
    from guardrails.store import db

    def forget_cached() -> None:
        config.settings.cache_clear()
        db.engine.cache_clear()
        db.session_factory.cache_clear()

    monkeypatch.setenv("CANDOR_DATABASE_URL", store_url)
    forget_cached()
    yield store_url
    monkeypatch.delenv("CANDOR_DATABASE_URL")
    forget_cached()
