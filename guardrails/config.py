"""The one place that reads Candor's environment variables.

Every setting has a default that works on a fresh clone (embedded SQLite under
``.candor/``); production overrides them through the environment.
"""

from __future__ import annotations

import functools
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class ConfigError(RuntimeError):
    """A setting is missing or unusable; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    state_dir: Path
    database_url: str
    seed_file: Path
    token_ttl_seconds: int
    secret_key_env: str | None
    rasa_port: int
    action_port: int
    widget_port: int  # the demo shop page with the chat widget
    demo_port: int  # the Gradio demo for CX teams
    retention_days: int  # conversations older than this are purged
    export_link_ttl_seconds: int  # how long a one-time export download link works
    lock_store_url: str | None  # redis://... so several Rasa instances share locks; None = in memory
    public_url: str  # where customers reach the Rasa server (export download links start with it)
    staff_token_env: str | None = None  # bearer token for the staff-only CX API (bot/cx_api.py)

    @property
    def secret_key_file(self) -> Path:
        return self.state_dir / "secret.key"

    @property
    def staff_token_file(self) -> Path:
        return self.state_dir / "staff.token"


@functools.lru_cache(maxsize=None)
def settings() -> Settings:
    state_dir = Path(os.environ.get("CANDOR_STATE_DIR", PROJECT_ROOT / ".candor"))
    database_url = os.environ.get("CANDOR_DATABASE_URL") or f"sqlite:///{state_dir / 'candor.db'}"
    rasa_port = _int_setting("CANDOR_RASA_PORT", 5005)
    seed_file = Path(os.environ.get("CANDOR_SEED_FILE", PROJECT_ROOT / "data" / "seed" / "demo_store.yml"))
    return Settings(
        state_dir=state_dir,
        database_url=database_url,
        seed_file=seed_file,
        token_ttl_seconds=_int_setting("CANDOR_TOKEN_TTL_SECONDS", 12 * 3600),
        secret_key_env=os.environ.get("CANDOR_SECRET_KEY") or None,
        rasa_port=rasa_port,
        action_port=_int_setting("CANDOR_ACTION_PORT", 5055),
        widget_port=_int_setting("CANDOR_WIDGET_PORT", 8080),
        demo_port=_int_setting("CANDOR_DEMO_PORT", 7860),
        retention_days=_int_setting("CANDOR_RETENTION_DAYS", 90),
        export_link_ttl_seconds=_int_setting("CANDOR_EXPORT_LINK_TTL_SECONDS", 15 * 60),
        lock_store_url=os.environ.get("CANDOR_LOCK_STORE_URL") or None,
        public_url=(os.environ.get("CANDOR_PUBLIC_URL") or f"http://localhost:{rasa_port}").rstrip("/"),
        staff_token_env=os.environ.get("CANDOR_STAFF_TOKEN") or None,
    )


def _int_setting(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, str(default)))
    except ValueError:
        raise ConfigError(f"{name} must be a whole number") from None


@functools.lru_cache(maxsize=None)
def secret_key() -> bytes:
    """The key that signs customer tokens (and, later, encrypts and pseudonymises).

    ``CANDOR_SECRET_KEY`` wins; otherwise a random key is generated once into an ignored
    local file, so the embedded default works without setup and nothing secret is committed.
    """
    config = settings()
    if config.secret_key_env is not None:
        if len(config.secret_key_env) < 32:
            raise ConfigError("CANDOR_SECRET_KEY must be at least 32 characters long")
        return config.secret_key_env.encode()
    return _local_secret(config.secret_key_file).encode()


@functools.lru_cache(maxsize=None)
def staff_token() -> str:
    """The bearer token CX staff tools (the Gradio demo) send to the staff-only CX API.

    ``CANDOR_STAFF_TOKEN`` wins; otherwise generated once into an ignored local file beside
    the secret key, so ``make run`` works without setup and nothing secret is committed.
    """
    config = settings()
    if config.staff_token_env is not None:
        if len(config.staff_token_env) < 32:
            raise ConfigError("CANDOR_STAFF_TOKEN must be at least 32 characters long")
        return config.staff_token_env
    return _local_secret(config.staff_token_file)


def _local_secret(key_file: Path) -> str:
    """Read a generated secret from ``key_file``, creating it (mode 0600) on first use."""
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it a moment ago
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(48))
    key = key_file.read_text().strip()
    if len(key) < 32:
        raise ConfigError(f"{key_file} holds no usable key; delete it to generate a new one")
    return key
