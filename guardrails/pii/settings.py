"""Reads ``guardrails/pii/config.yml``: the one place that says what is detected and how.

Only PyYAML is needed here, so reading the configuration stays cheap; the engine turns
these settings into presidio objects when it is first used.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = Path(__file__).with_name("config.yml")


class PiiConfigError(ValueError):
    """The PII configuration is unusable; the message says which setting and why."""


@dataclass(frozen=True)
class RecognizerSettings:
    name: str
    enabled: bool
    context: tuple[str, ...] | None = None
    negative_context: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ContextSettings:
    boost: float = 0.35
    penalty: float = 0.4
    min_score_with_context: float = 0.4
    prefix_words: int = 6
    suffix_words: int = 4


@dataclass(frozen=True)
class NeighbourSettings:
    """A low-scoring candidate of ``entities`` next to a confident ``next_to`` detection is
    raised to ``score``: alone in its field for a phone (contact_block.py), right beside a
    town for a postcode (postcode_town.py). An empty ``entities`` turns the step off."""

    entities: tuple[str, ...] = ()
    next_to: tuple[str, ...] = ()
    min_score: float = 0.3
    score: float = 0.5


@dataclass(frozen=True)
class ModelSettings:
    package: str
    directory: str
    keep_pipes: tuple[str, ...]
    ner_labels: Mapping[str, str]
    ner_score: float
    plain_words: Path | None = None  # word list for skipping NER (plain_words.py); None: never skip


@dataclass(frozen=True)
class ScanSettings:
    entities: tuple[str, ...]
    allowlist: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class PiiSettings:
    model: ModelSettings
    context: ContextSettings
    contact_block: NeighbourSettings
    postcode_town: NeighbourSettings
    default_threshold: float
    thresholds: Mapping[str, float]
    recognizers: tuple[RecognizerSettings, ...]
    allow_list: tuple[str, ...]
    scan: ScanSettings
    source: Path = field(default=CONFIG_FILE, compare=False)

    def threshold(self, entity_type: str) -> float:
        return self.thresholds.get(entity_type, self.default_threshold)

    @property
    def enabled_recognizers(self) -> tuple[RecognizerSettings, ...]:
        return tuple(r for r in self.recognizers if r.enabled)


def load_settings(path: Path = CONFIG_FILE) -> PiiSettings:
    """Parse and check a PII configuration file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise PiiConfigError(f"cannot read PII config {path}: {error}") from error
    try:
        return _parse(raw, path)
    except (KeyError, TypeError, ValueError) as error:
        raise PiiConfigError(f"bad PII config {path}: {error!r}") from error


@functools.cache
def settings() -> PiiSettings:
    """The packaged configuration, read once per process."""
    return load_settings()


def _words(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(str(word).lower() for word in value)


def _neighbour_step(raw: Mapping[str, Any]) -> NeighbourSettings:
    options = dict(raw)
    for key in ("entities", "next_to"):
        options[key] = tuple(options.get(key) or ())
    return NeighbourSettings(**options)


def _parse(raw: Mapping[str, Any], path: Path) -> PiiSettings:
    model = raw["model"]
    recognizers = tuple(
        RecognizerSettings(
            name=name,
            enabled=bool(options.get("enabled", True)),
            context=_words(options.get("context")),
            negative_context=_words(options.get("negative_context")),
        )
        for name, options in (raw.get("recognizers") or {}).items()
    )
    scan = raw.get("scan") or {}
    return PiiSettings(
        model=ModelSettings(
            package=str(model["package"]),
            directory=str(model["directory"]),
            keep_pipes=tuple(model.get("keep_pipes") or ("ner",)),
            ner_labels=dict(model.get("ner_labels") or {}),
            ner_score=float(model.get("ner_score", 0.85)),
            plain_words=Path(model["plain_words"]) if model.get("plain_words") else None,
        ),
        context=ContextSettings(**(raw.get("context") or {})),
        contact_block=_neighbour_step(raw.get("contact_block") or {}),
        postcode_town=_neighbour_step(raw.get("postcode_town") or {}),
        default_threshold=float(raw.get("default_threshold", 0.5)),
        thresholds={str(k): float(v) for k, v in (raw.get("thresholds") or {}).items()},
        recognizers=recognizers,
        allow_list=tuple(str(v) for v in raw.get("allow_list") or ()),
        scan=ScanSettings(
            entities=tuple(scan.get("entities") or ()),
            allowlist={str(k): tuple(str(p) for p in v) for k, v in (scan.get("allowlist") or {}).items()},
        ),
        source=path,
    )
