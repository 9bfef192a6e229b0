"""Agent tokens: name and role, signed and expiring, and never interchangeable with customer tokens."""

import jwt
import pytest

from guardrails import config
from guardrails.tokens import (
    Agent,
    InvalidToken,
    mint_agent_token,
    mint_token,
    verify_agent_token,
    verify_token,
)

FAR_FUTURE = 4_000_000_000


def test_when_an_agent_token_is_fresh_then_it_yields_name_and_role():
    assert verify_agent_token(mint_agent_token("dana", "billing")) == Agent("dana", "billing")


def test_when_an_agent_token_has_expired_then_it_is_refused_as_expired():
    with pytest.raises(InvalidToken, match="expired") as refused:
        verify_agent_token(mint_agent_token("dana", "billing", ttl_seconds=60, now=1_000_000))
    assert refused.value.expired


@pytest.mark.parametrize(
    "token",
    [
        None,  # missing
        "",
        "not-a-token",
        # our key and audience, but no role claim
        jwt.encode(
            {"sub": "dana", "aud": "candor-agent", "exp": FAR_FUTURE}, config.secret_key(), algorithm="HS256"
        ),
        # a role that is not a string
        jwt.encode(
            {"sub": "dana", "role": ["billing", "supervisor"], "aud": "candor-agent", "exp": FAR_FUTURE},
            config.secret_key(),
            algorithm="HS256",
        ),
        # someone else's key
        jwt.encode(
            {"sub": "dana", "role": "supervisor", "aud": "candor-agent", "exp": FAR_FUTURE},
            "k" * 40,
            algorithm="HS256",
        ),
    ],
)
def test_when_an_agent_token_is_not_ours_then_it_is_refused(token):
    with pytest.raises(InvalidToken):
        verify_agent_token(token)


def test_when_a_customer_token_is_shown_to_the_agent_desk_then_it_is_refused():
    with pytest.raises(InvalidToken):
        verify_agent_token(mint_token("C001"))


def test_when_an_agent_token_is_sent_to_the_chat_then_it_names_no_customer():
    with pytest.raises(InvalidToken):
        verify_token(mint_agent_token("C001", "supervisor"))
