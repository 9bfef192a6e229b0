"""Phone numbers in national and international forms, scored by how phone-like they look.

A run of digit groups is a candidate; its shape decides the score: ``+44 20 7946 0958``
or ``(555) 010-0199`` are phone numbers on their own, ``7946 0958`` only next to words
like "call" or "mobile", and ``order 1234567`` never. Dates, IPv4 addresses, SSNs and
ZIP+4 codes that share the digit-group shape are left to their own recognizers.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer, digits

_GROUPS = re.compile(r"\d+")
_DATE_SHAPES = {(4, 2, 2), (2, 2, 4), (1, 2, 4), (2, 1, 4), (1, 1, 4), (4, 1, 1), (4, 1, 2), (4, 2, 1)}


class PhoneNumberRecognizer(CandorRecognizer):
    """National and international phone numbers (7 to 15 digits)."""

    ENTITY = "PHONE_NUMBER"
    PATTERNS = [
        Pattern(
            "phone",
            r"(?<![\w+/.,-]|\d:)(?:(?:\+|00)\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,12}(?:(?:[ .-]|/ ?)\d{1,8}){0,5}"
            r"(?:[ \t]*(?i:x|ext\.?|extension)[ \t]*\d{1,6})?(?![\w/@-]|[.,:]\d)",
            0.3,
        )
    ]
    CONTEXT = [
        "phone",
        "call",
        "calls",
        "calling",
        "mobile",
        "cell",
        "tel",
        "telephone",
        "landline",
        "text",
        "sms",
        "whatsapp",
        "reach",
        "contact",
        "ring",
        "fax",
        "number",
        "registered",
        "dial",
    ]
    NEGATIVE_CONTEXT = [
        "order",
        "orders",
        "tracking",
        "invoice",
        "reference",
        "ref",
        "sku",
        "item",
        "parcel",
        "package",
        "model",
        "serial",
        "ticket",
        "iban",
        "price",
        "total",
    ]

    def score_match(self, value: str, score: float, text: str, start: int, end: int) -> float | None:
        international = value.startswith(("+", "00"))
        value = re.split(r"(?i)[ \t]*(?:x|ext)", value)[0]  # the extension does not count
        groups = [len(g) for g in _GROUPS.findall(value)]
        count = sum(groups)
        if not 7 <= count <= 15 or len(set(digits(value))) == 1:
            return None
        # After the country code (or a leading "1" / trunk digit) groups have 2+ digits:
        # "+33 1 23 45 67 89" and "1-800-555-0199" are numbers, "1 2 3 4 5 6 7" a list.
        local_groups = groups[2:] if international else groups[1:]
        if local_groups and min(local_groups) < 2:
            return None
        separators = set(re.sub(r"[\d()+]", "", value))
        shape = tuple(groups)
        if shape in _DATE_SHAPES and len(separators) <= 1:
            return None
        if "." in separators and len(groups) == 4 and max(groups) <= 3:
            return None  # IPv4 address
        if shape == (3, 2, 4) and len(separators) == 1 or shape == (5, 4) and separators == {"-"}:
            return None  # SSN, ZIP+4
        if international and count >= 8:
            return 0.75
        if "(" in value and count >= 7:
            return 0.65
        if len(groups) > 1:
            # "358 0594", "60-56-85-91": a local number; order numbers have negative context.
            return 0.6 if count >= 9 else 0.5
        # One run of 10-12 digits ("07700900123", "2019481927") is a number typed without spaces.
        return 0.5 if 10 <= count <= 12 else 0.3
