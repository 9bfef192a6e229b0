"""IPv4 and IPv6 addresses, validated with the standard library."""

from __future__ import annotations

import ipaddress

from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer


class IpAddressRecognizer(CandorRecognizer):
    """IP addresses; "version 1.2.3.4" is not one."""

    ENTITY = "IP_ADDRESS"
    PATTERNS = [
        Pattern("ipv4", r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)", 0.8),
        Pattern("ipv6", r"(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:%\w+)?(?![\w:])", 0.8),
    ]

    def score_match(self, value: str, score: float, text: str, start: int, end: int) -> float | None:
        if not any(ch.isdigit() or ch in "abcdefABCDEF" for ch in value):
            return None
        try:
            ipaddress.ip_address(value.split("%", 1)[0])
        except ValueError:
            return None
        return score
