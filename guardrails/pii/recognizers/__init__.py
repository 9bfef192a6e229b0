"""Candor's recognizers, by the names config.yml uses to enable and configure them."""

from __future__ import annotations

from guardrails.pii.recognizers.base import CandorRecognizer
from guardrails.pii.recognizers.credit_card import PaymentCardRecognizer
from guardrails.pii.recognizers.date_of_birth import DateOfBirthRecognizer
from guardrails.pii.recognizers.email import EmailAddressRecognizer
from guardrails.pii.recognizers.iban import IbanCodeRecognizer
from guardrails.pii.recognizers.ip_address import IpAddressRecognizer
from guardrails.pii.recognizers.location import LocationRecognizer
from guardrails.pii.recognizers.password import PasswordRecognizer
from guardrails.pii.recognizers.person import PersonRecognizer
from guardrails.pii.recognizers.phone import PhoneNumberRecognizer
from guardrails.pii.recognizers.street_address import StreetAddressRecognizer
from guardrails.pii.recognizers.uk_nino import NationalInsuranceNumberRecognizer
from guardrails.pii.recognizers.us_ssn import SocialSecurityNumberRecognizer
from guardrails.pii.recognizers.zip_code import ZipCodeRecognizer

RECOGNIZERS: dict[str, type[CandorRecognizer]] = {
    "email": EmailAddressRecognizer,
    "phone": PhoneNumberRecognizer,
    "credit_card": PaymentCardRecognizer,
    "iban": IbanCodeRecognizer,
    "street_address": StreetAddressRecognizer,
    "zip_code": ZipCodeRecognizer,
    "person": PersonRecognizer,
    "location": LocationRecognizer,
    "password": PasswordRecognizer,
    "date_of_birth": DateOfBirthRecognizer,
    "us_ssn": SocialSecurityNumberRecognizer,
    "uk_nino": NationalInsuranceNumberRecognizer,
    "ip_address": IpAddressRecognizer,
}

__all__ = [
    "RECOGNIZERS",
    "CandorRecognizer",
    "DateOfBirthRecognizer",
    "EmailAddressRecognizer",
    "IbanCodeRecognizer",
    "IpAddressRecognizer",
    "LocationRecognizer",
    "NationalInsuranceNumberRecognizer",
    "PasswordRecognizer",
    "PaymentCardRecognizer",
    "PersonRecognizer",
    "PhoneNumberRecognizer",
    "SocialSecurityNumberRecognizer",
    "StreetAddressRecognizer",
    "ZipCodeRecognizer",
]
