"""Schema migrations with Alembic, driven from Python: no alembic.ini, the URL comes from config.

``candor db upgrade`` (and ``candor db init``, ``make run``, ``make db``) bring a database to
the newest revision in ``guardrails/store/migrations/versions/``; running it again does
nothing. ``candor db revision -m "what changed"`` writes a new revision by comparing the
models with a scratch database upgraded to the current head, so a model change becomes a
reviewed migration file (see the README, "Production configuration").
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import sqlalchemy as sa
from alembic import command, op
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from guardrails import config
from guardrails.store import db

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    settings = Config()
    settings.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser interpolates %, which URL-encoded passwords contain.
    settings.set_main_option("sqlalchemy.url", (url or config.settings().database_url).replace("%", "%%"))
    return settings


def upgrade(url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(url: str | None = None) -> str | None:
    engine = db.new_engine(url or config.settings().database_url, future=True)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def new_revision(message: str) -> Path | None:
    """Autogenerate a revision for what the models declare beyond the current head (None: no change)."""
    with tempfile.TemporaryDirectory(prefix="candor-migrate-") as scratch:
        url = f"sqlite:///{Path(scratch) / 'head.db'}"
        upgrade(url)
        settings = alembic_config(url)
        # Numbered in order (0002, 0003, ...) so the versions folder reads as a history.
        number = len(list(ScriptDirectory.from_config(settings).walk_revisions())) + 1
        script = command.revision(settings, message=message, autogenerate=True, rev_id=f"{number:04d}")
    return Path(script.path) if script else None


def create_table_if_missing(name: str, *columns: sa.schema.SchemaItem, indexes: tuple[str, ...] = ()) -> None:
    """For revisions: create a table unless ``candor db init`` (``create_all``) made it earlier."""
    if sa.inspect(op.get_bind()).has_table(name):
        return
    op.create_table(name, *columns)
    for column in indexes:
        op.create_index(f"ix_{name}_{column}", name, [column])
