"""Signed customer tokens: the only source of customer identity.

The website (or ``candor token``) mints a token for a signed-in customer; the Rasa input
channels verify it and pass on only the customer id. A token is an HS256 JWT carrying the
customer id and an expiry, signed with the key from :func:`guardrails.config.secret_key`.

Human agents get tokens of the same kind for another audience (``candor-agent``), carrying
the agent's name and role: a customer token never opens the agent desk, nor the reverse.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import jwt

from guardrails import config

_ALGORITHM = "HS256"
_AUDIENCE = "candor-chat"
_AGENT_AUDIENCE = "candor-agent"


class InvalidToken(ValueError):
    """The token is malformed, forged or expired. The message never contains the token."""

    def __init__(self, message: str, expired: bool = False) -> None:
        super().__init__(message)
        self.expired = expired


def mint_token(customer_id: str, ttl_seconds: int | None = None, now: float | None = None) -> str:
    return _mint({"sub": customer_id}, _AUDIENCE, ttl_seconds, now)


def verify_token(token: object) -> str:
    """Return the customer id a valid token was minted for, or raise :class:`InvalidToken`."""
    return _subject(_decode(token, _AUDIENCE))


@dataclass(frozen=True)
class Agent:
    """A human agent as their token names them: who, and in which role."""

    name: str
    role: str


def mint_agent_token(name: str, role: str, ttl_seconds: int | None = None, now: float | None = None) -> str:
    return _mint({"sub": name, "role": role}, _AGENT_AUDIENCE, ttl_seconds, now)


def verify_agent_token(token: object) -> Agent:
    """Return the agent a valid agent token was minted for, or raise :class:`InvalidToken`."""
    claims = _decode(token, _AGENT_AUDIENCE, also_require=("role",))
    role = claims["role"]
    if not isinstance(role, str) or not role:
        raise InvalidToken("token invalid")
    return Agent(_subject(claims), role)


def _mint(claims: dict[str, Any], audience: str, ttl_seconds: int | None, now: float | None) -> str:
    issued_at = int(now if now is not None else time.time())
    ttl = ttl_seconds if ttl_seconds is not None else config.settings().token_ttl_seconds
    claims = {**claims, "aud": audience, "iat": issued_at, "exp": issued_at + ttl}
    return jwt.encode(claims, config.secret_key(), algorithm=_ALGORITHM)


def _decode(token: object, audience: str, also_require: tuple[str, ...] = ()) -> dict[str, Any]:
    if not isinstance(token, str) or not token or len(token) > 2048:
        raise InvalidToken("no usable token")
    try:
        return jwt.decode(
            token,
            config.secret_key(),
            algorithms=[_ALGORITHM],
            audience=audience,
            options={"require": ["sub", "exp", "aud", *also_require]},
        )
    except jwt.ExpiredSignatureError as error:
        raise InvalidToken("token expired", expired=True) from error
    except jwt.PyJWTError as error:
        raise InvalidToken("token invalid") from error


def _subject(claims: dict[str, Any]) -> str:
    subject = claims["sub"]
    if not isinstance(subject, str) or not subject:
        raise InvalidToken("token invalid")
    return subject
