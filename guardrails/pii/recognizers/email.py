"""E-mail addresses, with the top-level domain checked against the bundled suffix list."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.pii.offline import offline_tld_extractor
from guardrails.pii.recognizers.base import CandorRecognizer


class EmailAddressRecognizer(CandorRecognizer):
    """``name@domain.tld``; the domain must end in a real public suffix (offline check)."""

    ENTITY = "EMAIL_ADDRESS"
    PATTERNS = [
        Pattern(
            "email",
            r"(?<![\w.+'-])[\w.%+'-]*\w@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}(?![\w@])",
            0.5,
        )
    ]

    def validate_result(self, pattern_text: str) -> bool:
        domain = pattern_text.rsplit("@", 1)[1]
        return bool(offline_tld_extractor()(domain).suffix)
