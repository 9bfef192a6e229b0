"""PII lint for Rasa training data: real-looking personal data has no place in data/.

Each line of the YAML files is reduced to the text a trainer wrote (YAML keys, list
dashes, quotes and Rasa's entity annotation ``[10007](order_number)`` are stripped;
``regex:`` examples are skipped) and run through the PII engine. Values that match the
allowlist of fictional examples in config.yml (``alice@example.com``, ``07700 900123``,
``4111 1111 1111 1111``, "Alice Example", "12 Example Street") are fine.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from guardrails.pii.settings import PiiSettings, settings
from guardrails.pii.spans import Span, apply_replacements

YAML_SUFFIXES = (".yml", ".yaml")
_COMPACT_TYPES = {"PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "UK_NINO"}
_ANNOTATION = re.compile(r"\[([^\]\n]+)\](?:\([\w.:-]+\)|\{[^}\n]*\})")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:-[ \t]+)?(?:(?P<key>[\w.-]+):(?:[ \t]+|$))?(?P<value>.*)$")
_BLOCK_START = re.compile(r"[|>][+-]?\d*[ \t]*$")
_FLOW_KEY = re.compile(r"([{\[,][ \t]*)[\w.-]+:[ \t]+")


def without_annotations(example: str) -> str:
    """An NLU example as the customer typed it: "[Leeds](city)" -> "Leeds"."""
    return _ANNOTATION.sub(r"\1", example)


@dataclass(frozen=True)
class Finding:
    """Personal data at ``path:line``: ``text`` is the value, ``snippet`` the line masked."""

    path: Path
    line: int
    entity_type: str
    text: str
    snippet: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.entity_type} {self.snippet!r}"


def yaml_files(paths: Iterable[str | Path]) -> list[Path]:
    """The YAML files named by ``paths`` (folders are searched recursively), sorted."""
    files: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.update(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())
        elif path.is_file():
            files.add(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return sorted(files)


def training_text(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(line number, text a trainer wrote) for each line worth scanning.

    Keys, list markers and comment lines are dropped, block scalars (``examples: |``) are read line by
    line, and everything under a ``- regex:`` item is skipped: those are patterns, not data.
    """
    regex_indent: int | None = None
    block_indent: int | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if regex_indent is not None:
            if indent > regex_indent:
                continue
            regex_indent = None
        if block_indent is not None and indent <= block_indent:
            block_indent = None
        item = _ITEM.match(line)
        key, value = (item.group("key"), item.group("value")) if item else (None, line.strip())
        if block_indent is not None:
            # Inside a block scalar: "- where is my order" is an example, not YAML.
            value = line.strip()[2:] if line.strip().startswith("- ") else line.strip()
        elif key == "regex":
            regex_indent = indent
            continue
        elif _BLOCK_START.search(value) and (key or value.strip() in "|>"):
            block_indent = indent
            continue
        if value.lstrip().startswith(("{", "[")):
            value = _FLOW_KEY.sub(r"\1", value).strip("{}[] \t")  # {id: P001, name: Tent} -> P001, Tent
        text = without_annotations(value).strip().strip("\"'")
        if text:
            yield number, text


class Allowlist:
    """Fictional example values from config.yml, per entity type."""

    def __init__(self, config: PiiSettings):
        self.patterns = {
            entity: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
            for entity, patterns in config.scan.allowlist.items()
            if patterns
        }

    def allows(self, entity_type: str, value: str) -> bool:
        pattern = self.patterns.get(entity_type)
        if pattern is None:
            return False
        if entity_type in _COMPACT_TYPES:
            value = re.sub(r"[\s().-]", "", value)
        return pattern.fullmatch(value.strip()) is not None


@functools.cache
def _default_allowlist() -> Allowlist:
    return Allowlist(settings())


def scan_lines(path: Path, lines: Iterable[str], config: PiiSettings | None = None) -> list[Finding]:
    """Findings in one file's lines (``path`` is only used to label them)."""
    from guardrails.pii.engine import analyze_text

    config = config or settings()
    allowlist = _default_allowlist() if config is settings() else Allowlist(config)
    findings = []
    for number, text in training_text(lines):
        spans = [
            span
            for span in analyze_text(text, config.scan.entities)
            if not allowlist.allows(span.entity_type, text[span.start : span.end])
        ]
        for span in spans:
            findings.append(
                Finding(path, number, span.entity_type, text[span.start : span.end], _masked(text, spans))
            )
    return findings


def scan_paths(paths: Iterable[str | Path], config: PiiSettings | None = None) -> list[Finding]:
    """PII findings in the YAML files under ``paths``, in file and line order."""
    findings = []
    for path in yaml_files(paths):
        with path.open(encoding="utf-8") as handle:
            findings.extend(scan_lines(path, handle, config))
    return findings


def _masked(text: str, spans: list[Span]) -> str:
    return apply_replacements(text, spans, [f"<{span.entity_type}>" for span in spans])
