"""Keys derived from ``CANDOR_SECRET_KEY``: authenticated encryption and keyed pseudonyms.

Each use gets its own key, derived with HKDF from the one secret and a purpose label, so
a pseudonym can never be used to attack the tracker encryption, and rotating one purpose
never touches another.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from guardrails import config

_CIPHERTEXT_PREFIX = "v1:"


class DecryptionError(ValueError):
    """Ciphertext was altered, or was written with another key."""


@functools.lru_cache(maxsize=None)
def derived_key(purpose: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"candor", info=purpose.encode())
    return hkdf.derive(config.secret_key())


def hmac_hex(key: bytes, message: str, length: int) -> str:
    """HMAC-SHA256 of ``message`` as ``length`` hex digits: the one pseudonym function.

    Every pseudonym in Candor (sender and customer ids, audit rows, the masking
    ``pseudonym`` operator) goes through here, so there is one scheme to review.
    """
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()[:length]


def keyed_hash(value: str, purpose: str = "pseudonym", length: int = 16) -> str:
    """A stable pseudonym: the same value and key give the same hex string, nobody can reverse it."""
    return hmac_hex(derived_key(purpose), value, length)


def encrypt_text(plaintext: str, purpose: str = "tracker") -> str:
    """AES-256-GCM with a random nonce; returns printable text safe for any TEXT column."""
    nonce = os.urandom(12)
    sealed = AESGCM(derived_key(purpose)).encrypt(nonce, plaintext.encode(), purpose.encode())
    return _CIPHERTEXT_PREFIX + base64.b64encode(nonce + sealed).decode()


def decrypt_text(ciphertext: str, purpose: str = "tracker") -> str:
    if not ciphertext.startswith(_CIPHERTEXT_PREFIX):
        raise DecryptionError("not Candor ciphertext (is this a plaintext row?)")
    try:
        raw = base64.b64decode(ciphertext[len(_CIPHERTEXT_PREFIX):], validate=True)
        return AESGCM(derived_key(purpose)).decrypt(raw[:12], raw[12:], purpose.encode()).decode()
    except (InvalidTag, ValueError) as error:
        raise DecryptionError("ciphertext does not decrypt with this key") from error
