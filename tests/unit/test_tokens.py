"""Customer tokens: only a fresh token signed with our key yields a customer id."""

import jwt
import pytest

from guardrails import config
from guardrails.tokens import InvalidToken, mint_token, verify_token


def test_when_token_is_fresh_then_it_yields_its_customer():
    assert verify_token(mint_token("C001")) == "C001"


def test_when_token_has_expired_then_it_is_refused_as_expired():
    token = mint_token("C001", ttl_seconds=60, now=1_000_000)
    with pytest.raises(InvalidToken, match="expired"):
        verify_token(token)


@pytest.mark.parametrize(
    "token",
    [
        "",  # empty
        "not-a-token",  # garbage
        None,  # missing
        12345,  # wrong type
        "a" * 5000,  # absurdly long
        # signed with someone else's key
        jwt.encode({"sub": "C002", "aud": "candor-chat", "exp": 4_000_000_000}, "k" * 40, algorithm="HS256"),
        # our key but the "none" algorithm
        jwt.encode({"sub": "C002", "aud": "candor-chat", "exp": 4_000_000_000}, None, algorithm="none"),
    ],
)
def test_when_token_is_not_ours_then_it_is_refused(token):
    with pytest.raises(InvalidToken):
        verify_token(token)


def test_when_payload_is_edited_then_signature_check_fails():
    header, _payload, signature = mint_token("C001").split(".")
    forged_payload = jwt.utils.base64url_encode(
        b'{"sub":"C002","aud":"candor-chat","exp":4000000000}'
    ).decode()
    with pytest.raises(InvalidToken):
        verify_token(f"{header}.{forged_payload}.{signature}")


def test_when_token_lacks_audience_then_it_is_refused():
    token = jwt.encode({"sub": "C001", "exp": 4_000_000_000}, config.secret_key(), algorithm="HS256")
    with pytest.raises(InvalidToken):
        verify_token(token)


def test_when_refused_then_error_never_quotes_the_token():
    token = mint_token("C001", ttl_seconds=1, now=1)
    with pytest.raises(InvalidToken) as caught:
        verify_token(token)
    assert token not in str(caught.value)
