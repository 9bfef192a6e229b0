"""UK National Insurance numbers (``QQ 12 34 56 C``)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer


class NationalInsuranceNumberRecognizer(CandorRecognizer):
    """Two prefix letters (minus HMRC's excluded ones; QQ is the specimen), six digits, suffix A-D."""

    ENTITY = "UK_NINO"
    PATTERNS = [
        Pattern(
            "nino",
            r"\b(?:(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ) ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b",
            0.6,
        )
    ]
