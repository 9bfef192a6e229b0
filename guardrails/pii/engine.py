"""The PII engine: presidio's ``AnalyzerEngine`` with Candor's recognizers, trimmed spaCy
pipeline and word-based context, plus per-entity thresholds and overlap merging.

Everything heavy is built on first use and kept (``functools.lru_cache``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

from guardrails.pii.contact_block import raise_in_contact_blocks
from guardrails.pii.context import WordContextEnhancer
from guardrails.pii.nlp import TrimmedSpacyNlpEngine
from guardrails.pii.offline import make_tldextract_offline
from guardrails.pii.postcode_town import raise_beside_towns
from guardrails.pii.operators import Operator, Replace
from guardrails.pii.recognizers import RECOGNIZERS, CandorRecognizer
from guardrails.pii.settings import PiiConfigError, PiiSettings, settings
from guardrails.pii.spans import MaskResult, Span, apply_replacements, resolve_overlaps


def build_recognizers(config: PiiSettings) -> list[CandorRecognizer]:
    """Instantiate the recognizers config.yml enables, with its context words."""
    recognizers = []
    for entry in config.enabled_recognizers:
        try:
            cls = RECOGNIZERS[entry.name]
        except KeyError:
            known = ", ".join(sorted(RECOGNIZERS))
            raise PiiConfigError(
                f"unknown recognizer {entry.name!r} in {config.source}; known: {known}"
            ) from None
        recognizers.append(
            cls(
                context=entry.context,
                negative_context=entry.negative_context,
                ner_score=config.model.ner_score,
            )
        )
    return recognizers


@functools.cache
def nlp_engine() -> TrimmedSpacyNlpEngine:
    """The loaded spaCy pipeline (also used by the benchmark's presidio baseline)."""
    engine = TrimmedSpacyNlpEngine(settings().model)
    engine.load()
    return engine


@functools.cache
def analyzer() -> AnalyzerEngine:
    """presidio analyzer over Candor's recognizers, created once per process."""
    make_tldextract_offline()
    config = settings()
    registry = RecognizerRegistry(recognizers=build_recognizers(config), supported_languages=["en"])
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine(),
        supported_languages=["en"],
        context_aware_enhancer=WordContextEnhancer(config.context),
    )


# Look-alike spaces and dashes that numbers pasted from web pages or formatted by phones carry
# ("0161\u00a0496\u00a00017"), read by the recognizers as a plain space and hyphen. One
# character for one, so offsets into the original text hold. The em dash stays: it parts words.
PLAIN_SEPARATORS = str.maketrans(
    dict.fromkeys("\u00a0\u2007\u2009\u202f", " ") | dict.fromkeys("\u2010\u2011\u2012\u2013\u2212", "-")
)


@functools.cache
def _allow_list() -> frozenset[str]:
    return frozenset(value.casefold() for value in settings().allow_list)


# A long text (a log record holding a whole tracker) is analysed in overlapping windows, so
# masking time grows with its length, not with its square (presidio compares every candidate
# with every other). A span cut at one window's edge lies whole inside the next window, with
# at least OVERLAP / 2 characters of context on each side; overlapping spans merge.
WINDOW = 2_000
OVERLAP = 400


def windows(text: str) -> list[tuple[int, int]]:
    """(start, end) of the windows covering ``text``; a window ends at a space or new line
    when one lies in its last 50 characters."""
    length = len(text)
    if length <= WINDOW:
        return [(0, length)]
    found, start = [], 0
    while True:
        end = min(length, start + WINDOW)
        if end < length:
            space = max(text.rfind(" ", end - 50, end), text.rfind("\n", end - 50, end))
            end = space if space > start else end
        found.append((start, end))
        if end == length:
            return found
        start = end - OVERLAP


def analyze_text(text: str, entities: Iterable[str] | None = None) -> list[Span]:
    """Personal data in ``text``: disjoint spans sorted by offset, each above its threshold."""
    if not text or text.isspace():
        return []
    config = settings()
    wanted = list(entities) if entities is not None else None  # once: every window asks
    plain = text.translate(PLAIN_SEPARATORS)
    candidates = [
        Span(span.start + start, span.end + start, span.entity_type, span.score)
        for start, end in windows(plain)
        for span in _candidates(text[start:end], plain[start:end], wanted)
    ]
    candidates = raise_in_contact_blocks(plain, candidates, config.contact_block, config.threshold)
    candidates = raise_beside_towns(plain, candidates, config.postcode_town, config.threshold)
    return resolve_overlaps(s for s in candidates if s.score >= config.threshold(s.entity_type))


def _candidates(text: str, plain: str, entities: list[str] | None) -> list[Span]:
    """Every detection in ``text`` (``plain``: the same with plain separators), any score,
    but those inside an allowed value."""
    results = analyzer().analyze(text=plain, language="en", entities=entities, score_threshold=0.0)
    allowed = _allow_list()
    # An allowed value shields the words inside it too ("Sophie Lang" allowed: not "Lang" alone).
    shields = [(r.start, r.end) for r in results if text[r.start : r.end].casefold() in allowed]
    return [
        Span(r.start, r.end, r.entity_type, r.score)
        for r in results
        if not any(start <= r.start and r.end <= end for start, end in shields)
    ]


def mask_text(
    text: str,
    operator: Operator | None = None,
    operators: Mapping[str, Operator] | None = None,
    entities: Iterable[str] | None = None,
) -> MaskResult:
    """Mask personal data in ``text``.

    Each span is replaced by ``operators[entity_type]`` if given, else by ``operator``
    (default: ``Replace``, a typed placeholder such as ``<EMAIL_ADDRESS>``). The returned
    spans carry offsets into the input ``text``.
    """
    spans = analyze_text(text, entities)
    default = operator or Replace()
    chosen = operators or {}
    replacements = [
        chosen.get(span.entity_type, default).operate(text[span.start : span.end], span.entity_type)
        for span in spans
    ]
    return MaskResult(apply_replacements(text, spans, replacements), spans)
