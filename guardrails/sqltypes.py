"""Column types that keep personal data out of tables in clear.

Because SQLAlchemy applies a column's type to query parameters too, a filter such as
``Event.sender_id == "abc"`` is pseudonymised before it reaches the database, so code
written for plain columns (Rasa's SQL tracker store) works unchanged on these.
"""

from __future__ import annotations

from sqlalchemy.types import String, Text, TypeDecorator

from guardrails.crypto import decrypt_text, encrypt_text, keyed_hash


class EncryptedText(TypeDecorator):
    """Text stored as AES-GCM ciphertext; reads decrypt, or fail loudly on a wrong key."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else encrypt_text(value, purpose="tracker")

    def process_result_value(self, value, dialect):
        return None if value is None else decrypt_text(value, purpose="tracker")


class PseudonymousId(TypeDecorator):
    """An identifier stored (and looked up) as its keyed hash; reads return the pseudonym."""

    impl = String(64)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else keyed_hash(str(value), purpose="sender", length=32)
