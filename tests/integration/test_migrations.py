"""Alembic migrations create exactly what the models declare, on SQLite and PostgreSQL.

If this fails after a model changed, the change needs a migration:
``.venv/bin/candor db revision -m "what changed"`` (README, "Production configuration").
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from guardrails import config, conversation_store
from guardrails.store import db, migrate, seed
from tests.services import fresh_database

BACKENDS = ["sqlite", "postgresql"]


# Rasa's own two tables, which `create_schema` also makes (for tests) and the Rasa server makes
# at start-up; the migrations leave them to Rasa, so the comparison does too.
RASA_TABLES = set(conversation_store.metadata.tables)


def _ours(name: str, kind: str, _parents: dict) -> bool:
    return kind != "table" or name not in RASA_TABLES


def schema_differences(url: str) -> tuple[set[str], list]:
    engine = db.new_engine(url, future=True)
    try:
        with engine.connect() as connection:
            tables = set(sa.inspect(connection).get_table_names()) - {"alembic_version"} - RASA_TABLES
            context = MigrationContext.configure(connection, opts={"compare_type": True, "include_name": _ours})
            differences = compare_metadata(context, db.model_metadata())
    finally:
        engine.dispose()
    return tables, differences


@pytest.mark.parametrize("kind", BACKENDS)
def test_when_a_fresh_database_is_upgraded_then_it_has_exactly_the_models_tables(kind, tmp_path):
    with fresh_database(kind, tmp_path) as url:
        migrate.upgrade(url)
        tables, differences = schema_differences(url)
        assert migrate.current_revision(url) == migrate.head_revision()
    assert tables == set(db.model_metadata().tables)
    assert differences == []


@pytest.mark.parametrize("kind", BACKENDS)
def test_when_upgrade_runs_again_then_nothing_changes_and_rows_stay(kind, tmp_path):
    with fresh_database(kind, tmp_path) as url:
        migrate.upgrade(url)
        with db.session_factory(url).begin() as session:
            added = seed.load_seed(session, config.settings().seed_file)
        migrate.upgrade(url)
        with db.session_factory(url).begin() as session:
            again = seed.load_seed(session, config.settings().seed_file)
        engine = db.new_engine(url, future=True)
        with engine.connect() as connection:
            customers = connection.execute(sa.text("SELECT count(*) FROM customers")).scalar_one()
        engine.dispose()
        db.engine(url).dispose()
        assert migrate.current_revision(url) == migrate.head_revision()
    assert added == customers == 10 and again == 0


def test_when_a_database_predates_migrations_then_upgrade_adopts_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'legacy.db'}"
    db.create_schema(url)  # what `candor db init` did before migrations existed
    with db.session_factory(url).begin() as session:
        seed.load_seed(session, config.settings().seed_file)
    migrate.upgrade(url)
    tables, differences = schema_differences(url)
    assert migrate.current_revision(url) == migrate.head_revision()
    assert differences == [] and "customers" in tables


def candor(*arguments: str, database_url: str) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "candor"), *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env=os.environ | {"CANDOR_DATABASE_URL": database_url})


def test_when_candor_db_upgrade_runs_then_the_database_is_at_head(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    first = candor("db", "upgrade", database_url=url)
    second = candor("db", "upgrade", database_url=url)
    current = candor("db", "current", database_url=url)
    head = migrate.head_revision()
    assert first.returncode == second.returncode == current.returncode == 0, first.stderr + second.stderr
    assert f"database at revision {head}" in second.stdout
    assert current.stdout.strip() == f"database: {head}; newest: {head}"


def test_when_the_database_is_unreachable_then_upgrade_fails_in_one_line():
    result = candor("db", "upgrade", database_url="postgresql://postgres@127.0.0.1:1/nowhere")
    assert result.returncode == 2
    assert result.stderr.startswith("candor db: could not migrate the database")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
