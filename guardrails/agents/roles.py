"""Agent roles and the profile fields each may see, loaded from ``roles.yml``.

Like the purposes, the YAML is data a reviewer can read on its own. Loading refuses a role
that names a field the gateway does not know (a typo would otherwise hide a field) or a
sensitive field (age and gender help no agent answer anything), so a careless edit fails
the first test instead of quietly widening what agents see.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from guardrails.config import ConfigError
from guardrails.consent.purposes import ALWAYS_SENSITIVE, PROFILE_FIELDS

ROLES_FILE = Path(__file__).with_name("roles.yml")
_ROLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")  # it becomes part of the audit actor "agent:<role>"


@dataclass(frozen=True)
class Role:
    """What one kind of agent is for, and the only profile fields it may read."""

    name: str
    description: str
    fields: tuple[str, ...]


class UnknownRole(LookupError):
    """Code or a token named a role the configuration does not declare."""


def parse(data: Any) -> dict[str, Role]:
    """Validate a loaded YAML document; raise ``ConfigError`` naming the first problem."""
    if not isinstance(data, dict) or not isinstance(data.get("roles"), dict) or not data["roles"]:
        raise ConfigError("roles config needs a non-empty 'roles' mapping")
    return {name: _role(name, spec) for name, spec in data["roles"].items()}


def _role(name: Any, spec: Any) -> Role:
    where = f"role {name!r}"
    if not isinstance(name, str) or not _ROLE_NAME.match(name):
        raise ConfigError(f"{where}: a role name is 1-32 lower-case letters, digits or '_'")
    if not isinstance(spec, dict):
        raise ConfigError(f"{where} must be a mapping")
    description, fields = spec.get("description"), spec.get("fields")
    if not isinstance(description, str) or not description.strip():
        raise ConfigError(f"{where} needs a 'description'")
    if not isinstance(fields, list) or not all(isinstance(field, str) for field in fields):
        raise ConfigError(f"{where} needs 'fields', a list of profile field names")
    unknown = sorted(set(fields) - PROFILE_FIELDS)
    if unknown:
        raise ConfigError(f"{where} names unknown profile fields {unknown}; known: {sorted(PROFILE_FIELDS)}")
    sensitive = sorted(set(fields) & ALWAYS_SENSITIVE)
    if sensitive:
        raise ConfigError(f"{where} may never read sensitive {sensitive}")
    return Role(name, " ".join(description.split()), tuple(dict.fromkeys(fields)))


@functools.lru_cache(maxsize=None)
def load(path: Path = ROLES_FILE) -> dict[str, Role]:
    """The validated roles, read once per process (lazily, never at import)."""
    try:
        data = yaml.safe_load(Path(path).read_text())
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"cannot read roles config {path}: {error}") from None
    return parse(data)


def role(name: str) -> Role:
    try:
        return load()[name]
    except (KeyError, TypeError):
        raise UnknownRole(f"no role {name!r} in the roles config") from None


def names() -> list[str]:
    return list(load())
