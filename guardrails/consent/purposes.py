"""The purposes profile data may be used for, loaded from ``purposes.yml``.

The YAML is data a reviewer can read on its own; this module refuses, at load time, any
configuration that would let a consent purpose read a sensitive field, so a careless edit
fails the first test instead of quietly widening what personalisation may see.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from guardrails.config import ConfigError

PURPOSES_FILE = Path(__file__).with_name("purposes.yml")

# Every field the profile gateway knows how to read; a purpose naming anything else is a typo.
PROFILE_FIELDS = frozenset(
    {"purchase_history", "preferences", "address", "orders", "refunds", "invoices", "birth_year", "gender",
     "contact", "consents", "conversations"}
)
# Sensitive whatever the YAML says: the file can add to this list, never take away from it.
ALWAYS_SENSITIVE = frozenset({"birth_year", "gender"})


@dataclass(frozen=True)
class Purpose:
    """One reason to use profile data, with the notice a customer is shown for it."""

    name: str
    version: str
    notice: str
    requires_consent: bool
    fields: tuple[str, ...]


@dataclass(frozen=True)
class PurposeConfig:
    purposes: dict[str, Purpose]
    sensitive_fields: frozenset[str]


class UnknownPurpose(LookupError):
    """Code asked for a purpose the configuration does not declare."""


def parse(data: Any) -> PurposeConfig:
    """Validate a loaded YAML document; raise ``ConfigError`` naming the first problem."""
    if not isinstance(data, dict) or not isinstance(data.get("purposes"), dict) or not data["purposes"]:
        raise ConfigError("purposes config needs a non-empty 'purposes' mapping")
    sensitive_list = data.get("sensitive_fields", [])
    if not isinstance(sensitive_list, list) or not all(isinstance(f, str) for f in sensitive_list):
        raise ConfigError("purposes config: 'sensitive_fields' must be a list of field names")
    sensitive = ALWAYS_SENSITIVE | frozenset(sensitive_list)
    purposes = {name: _purpose(name, spec, sensitive) for name, spec in data["purposes"].items()}
    return PurposeConfig(purposes=purposes, sensitive_fields=sensitive)


def _purpose(name: str, spec: Any, sensitive: frozenset[str]) -> Purpose:
    where = f"purpose {name!r}"
    if not isinstance(spec, dict):
        raise ConfigError(f"{where} must be a mapping")
    for key, kind in (("version", str), ("notice", str), ("requires_consent", bool), ("fields", list)):
        if not isinstance(spec.get(key), kind):
            raise ConfigError(f"{where} needs '{key}' ({kind.__name__})")
    if not spec["version"].strip() or not spec["notice"].strip():
        raise ConfigError(f"{where}: 'version' and 'notice' must not be empty")
    fields = tuple(spec["fields"])
    unknown = sorted(set(fields) - PROFILE_FIELDS)
    if unknown:
        raise ConfigError(f"{where} names unknown profile fields {unknown}; known: {sorted(PROFILE_FIELDS)}")
    granted_sensitive = sorted(set(fields) & sensitive)
    if spec["requires_consent"] and granted_sensitive:
        raise ConfigError(f"{where} asks for consent, so it may never read sensitive {granted_sensitive}")
    notice = " ".join(spec["notice"].split())
    return Purpose(name, spec["version"].strip(), notice, spec["requires_consent"], fields)


@functools.lru_cache(maxsize=None)
def load(path: Path = PURPOSES_FILE) -> PurposeConfig:
    """The validated purposes, read once per process (lazily, never at import)."""
    try:
        data = yaml.safe_load(Path(path).read_text())
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"cannot read purposes config {path}: {error}") from None
    return parse(data)


def purpose(name: str) -> Purpose:
    try:
        return load().purposes[name]
    except KeyError:
        raise UnknownPurpose(f"no purpose {name!r} in the purposes config") from None


def consent_purposes() -> list[str]:
    """Names of the purposes that need the customer's permission, in config order."""
    return [name for name, found in load().purposes.items() if found.requires_consent]


def sensitive_fields() -> frozenset[str]:
    return load().sensitive_fields
