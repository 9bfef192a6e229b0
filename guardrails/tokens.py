"""Signed customer tokens: the only source of customer identity.

The website (or ``candor token``) mints a token for a signed-in customer; the Rasa input
channels verify it and pass on only the customer id. A token is an HS256 JWT carrying the
customer id and an expiry, signed with the key from :func:`guardrails.config.secret_key`.
"""

from __future__ import annotations

import time

import jwt

from guardrails import config

_ALGORITHM = "HS256"
_AUDIENCE = "candor-chat"


class InvalidToken(ValueError):
    """The token is malformed, forged or expired. The message never contains the token."""

    def __init__(self, message: str, expired: bool = False) -> None:
        super().__init__(message)
        self.expired = expired


def mint_token(customer_id: str, ttl_seconds: int | None = None, now: float | None = None) -> str:
    issued_at = int(now if now is not None else time.time())
    ttl = ttl_seconds if ttl_seconds is not None else config.settings().token_ttl_seconds
    claims = {"sub": customer_id, "aud": _AUDIENCE, "iat": issued_at, "exp": issued_at + ttl}
    return jwt.encode(claims, config.secret_key(), algorithm=_ALGORITHM)


def verify_token(token: object) -> str:
    """Return the customer id a valid token was minted for, or raise :class:`InvalidToken`."""
    if not isinstance(token, str) or not token or len(token) > 2048:
        raise InvalidToken("no usable token")
    try:
        claims = jwt.decode(
            token,
            config.secret_key(),
            algorithms=[_ALGORITHM],
            audience=_AUDIENCE,
            options={"require": ["sub", "exp", "aud"]},
        )
    except jwt.ExpiredSignatureError as error:
        raise InvalidToken("token expired", expired=True) from error
    except jwt.PyJWTError as error:
        raise InvalidToken("token invalid") from error
    customer_id = claims["sub"]
    if not isinstance(customer_id, str) or not customer_id:
        raise InvalidToken("token invalid")
    return customer_id
