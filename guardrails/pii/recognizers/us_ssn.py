"""US social security numbers, with the SSA's never-issued ranges excluded."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer, digits


class SocialSecurityNumberRecognizer(CandorRecognizer):
    """``123-45-6789``; spaced or unseparated forms need context such as "SSN"."""

    ENTITY = "US_SSN"
    PATTERNS = [
        Pattern("ssn dashed", r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", 0.65),
        Pattern("ssn spaced or dotted", r"(?<![\d.])\d{3}([ .])\d{2}\1\d{4}(?![\d.])", 0.4),
        Pattern("ssn digits", r"(?<!\d)\d{9}(?!\d)", 0.2),
    ]

    def invalidate_result(self, pattern_text: str) -> bool:
        number = digits(pattern_text)
        area, group, serial = number[:3], number[3:5], number[5:]
        return (
            area in {"000", "666"}
            or area[0] == "9"
            or group == "00"
            or serial == "0000"
            or len(set(number)) == 1
        )
