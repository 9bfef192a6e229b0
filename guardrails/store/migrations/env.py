"""Alembic environment: Candor's models are the target, the URL comes from the caller.

Run through ``candor db upgrade`` (guardrails/store/migrate.py), which passes the database
URL in the Alembic config; there is no alembic.ini. Only tables our models declare are
managed here: Rasa creates its own (``tracker_events``, ``conversation_log``), and
autogenerate must not propose dropping them.
"""

from __future__ import annotations

from alembic import context

from guardrails.store import db

target_metadata = db.model_metadata()


def include_name(name, type_, _parent_names) -> bool:
    return type_ != "table" or name in target_metadata.tables


def skip_empty(_context, _revision, directives) -> None:
    # `candor db revision` with nothing changed writes no file.
    if directives and directives[0].upgrade_ops.is_empty():
        directives[:] = []


def run_migrations() -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    engine = db.new_engine(url, future=True)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_name=include_name,
            render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
            compare_type=True,
            process_revision_directives=skip_empty,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
