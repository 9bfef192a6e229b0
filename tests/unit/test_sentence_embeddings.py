"""The offline MiniLM sentence encoder and the Rasa featurizer built on it.

Reference token ids and vector values below were produced once by the model's own stack
(transformers' BertTokenizer and sentence-transformers 5 on PyTorch, loading the same
packaged model folder), outside this repository's environment; the encoder here must
reproduce them with NumPy/TensorFlow alone.
"""

from __future__ import annotations

import numpy as np
import pytest

from bot.components import minilm

REFERENCE = [
    # text, token ids, first six numbers of the unit-length sentence vector
    ("where is my order?", [101, 2073, 2003, 2026, 2344, 1029, 102],
     [-0.000922, -0.027556, 0.073213, 0.048385, 0.006169, 0.023694]),
    ("Thnaks, that is GREAT!!", [101, 16215, 2532, 5705, 1010, 2008, 2003, 2307, 999, 999, 102],
     [-0.041308, 0.051965, -0.067114, -0.036944, -0.017595, -0.037507]),
    ("Café crème — naïve façade 10001", [101, 7668, 13675, 21382, 1517, 15743, 8508, 6694, 2487, 102],
     [-0.007347, 0.032379, 0.037194, -0.033968, -0.002981, 0.003371]),
    ("", [101, 102], [-0.118838, 0.048299, -0.002548, -0.011011, 0.051951, 0.010292]),
]


@pytest.fixture(scope="module")
def encoder() -> minilm.MiniLMEncoder:
    return minilm.MiniLMEncoder.load()


def test_the_model_comes_from_the_installed_package() -> None:
    folder = minilm.packaged_model_dir()
    assert (folder / "model.safetensors").is_file()
    assert "site-packages" in str(folder)


@pytest.mark.parametrize(("text", "ids", "_"), REFERENCE)
def test_word_pieces_match_bert_uncased(encoder, text, ids, _) -> None:
    assert encoder.tokenizer.encode(text) == ids


@pytest.mark.parametrize(("text", "_", "head"), REFERENCE)
def test_vectors_match_the_reference_implementation(encoder, text, _, head) -> None:
    vector = encoder.encode([text])[0]
    assert vector.shape == (384,)
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)
    np.testing.assert_allclose(vector[:6], head, atol=2e-5)


def test_batching_and_padding_do_not_change_a_vector(encoder) -> None:
    texts = ["hi", "where is my order?", "i want to return the tent i bought last week, it leaks"]
    one_by_one = np.stack([encoder.encode([text])[0] for text in texts])
    together = encoder.encode(texts, batch_size=2)
    np.testing.assert_allclose(together, one_by_one, atol=1e-5)


def test_long_messages_are_cut_to_the_token_limit(encoder) -> None:
    ids = encoder.tokenizer.encode("refund " * 1000)
    assert len(ids) == minilm.MAX_TOKENS
    assert ids[0] == encoder.tokenizer.cls and ids[-1] == encoder.tokenizer.sep
    assert encoder.encode(["refund " * 1000]).shape == (1, 384)


def test_similar_requests_are_closer_than_unrelated_ones(encoder) -> None:
    order, parcel, erase = encoder.encode(["where is my order", "has my parcel shipped", "delete my account"])
    assert float(order @ parcel) > float(order @ erase) + 0.2


def test_a_missing_model_folder_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        minilm.MiniLMEncoder.load(tmp_path)


def test_the_featurizer_adds_one_sentence_vector_per_text_message() -> None:
    from rasa.shared.nlu.training_data.message import Message

    from bot.components.sentence_embeddings import SentenceEmbeddingFeaturizer

    featurizer = SentenceEmbeddingFeaturizer(
        {**SentenceEmbeddingFeaturizer.get_default_config(), "alias": "minilm"}, "minilm")
    with_text, without_text = Message(data={"text": "where is my refund"}), Message(data={"intent": "greet"})
    button_payload = Message(data={"text": "/give_consent"})  # its intent is in the text: no need to encode
    featurizer.process([with_text, without_text, button_payload])

    sequence, sentence = with_text.get_dense_features("text", ["minilm"])
    assert sequence is None
    assert sentence.features.shape == (1, 384)
    assert without_text.features == []
    assert button_payload.features == []


def test_bfloat16_vectors_point_the_same_way_as_float32_ones(encoder) -> None:
    lower = minilm.MiniLMEncoder.load(precision="bfloat16")
    texts = [text for text, _, _ in REFERENCE] + ["i want to return the tent i bought last week, it leaks"]
    cosines = np.sum(lower.encode(texts) * encoder.encode(texts), axis=1)
    assert lower.precision == "bfloat16"
    assert cosines.min() > 0.999


def test_auto_precision_is_bfloat16_only_where_the_cpu_has_it(monkeypatch) -> None:
    monkeypatch.setattr(minilm, "cpu_has_bfloat16", lambda: True)
    assert minilm.resolve_precision("auto") == "bfloat16"
    monkeypatch.setattr(minilm, "cpu_has_bfloat16", lambda: False)
    assert minilm.resolve_precision("auto") == "float32"
    assert minilm.resolve_precision("bfloat16") == "bfloat16"
    with pytest.raises(ValueError, match="precision must be one of"):
        minilm.resolve_precision("float16")
