"""Encryption at rest and keyed pseudonyms."""

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, select, text

from guardrails import crypto
from guardrails.sqltypes import EncryptedText, PseudonymousId


def test_when_text_is_encrypted_then_it_decrypts_and_never_shows_in_clear():
    sealed = crypto.encrypt_text("my card is 4111 1111 1111 1111")
    assert "4111" not in sealed
    assert crypto.decrypt_text(sealed) == "my card is 4111 1111 1111 1111"


def test_when_same_text_is_encrypted_twice_then_ciphertexts_differ():
    assert crypto.encrypt_text("same") != crypto.encrypt_text("same")  # random nonce


@pytest.mark.parametrize(
    "tamper",
    [
        lambda sealed: sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB"),  # edited bytes
        lambda sealed: sealed[3:],  # prefix removed
        lambda sealed: "v1:not-base64!",  # garbage
        lambda sealed: '{"event": "user"}',  # a plaintext row
    ],
)
def test_when_ciphertext_is_altered_then_decryption_fails_loudly(tamper):
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(tamper(crypto.encrypt_text("hello")))


def test_when_purpose_differs_then_keys_differ():
    sealed = crypto.encrypt_text("hello", purpose="tracker")
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(sealed, purpose="other")
    assert crypto.keyed_hash("C001", "sender") != crypto.keyed_hash("C001", "customer")


def test_when_hashing_the_same_id_then_pseudonym_is_stable_and_not_the_id():
    assert crypto.keyed_hash("sender-1") == crypto.keyed_hash("sender-1")
    assert crypto.keyed_hash("sender-1") != crypto.keyed_hash("sender-2")
    assert "sender" not in crypto.keyed_hash("sender-1")


def test_when_columns_are_typed_then_rows_are_ciphertext_and_lookups_still_work(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}", future=True)
    rows = Table("rows", MetaData(), Column("id", Integer, primary_key=True),
                 Column("who", PseudonymousId), Column("body", EncryptedText))
    rows.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(rows.insert().values(who="alice-chat", body="hi from alice.example@example.com"))
        raw = connection.execute(text("select who, body from rows")).one()
        assert "alice" not in raw.who and "alice" not in raw.body
        found = connection.execute(select(rows.c.body).where(rows.c.who == "alice-chat")).scalar_one()
        assert found == "hi from alice.example@example.com"
