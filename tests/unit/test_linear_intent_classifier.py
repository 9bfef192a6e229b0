"""The logistic-regression intent classifier: the NumPy model alone, then the Rasa component."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse

from bot.components import linear_model
from bot.components.linear_model import LinearIntentModel

LABELS = ["greet", "greet", "order_status", "order_status", "deny", "deny"]
WORDS = scipy.sparse.csr_matrix(np.array([
    # hello hi order where no nope
    [1, 0, 0, 0, 0, 0],
    [0, 1, 0, 0, 0, 0],
    [0, 0, 1, 1, 0, 0],
    [0, 0, 2, 0, 0, 0],
    [0, 0, 0, 0, 1, 0],
    [0, 0, 0, 0, 0, 1],
], dtype=float))
DENSE = np.array([[1, 0], [0.9, 0.1], [0, 1], [0.1, 0.9], [-1, 0], [-0.9, -0.1]])


def test_when_rows_are_scaled_then_each_has_unit_length_and_zero_rows_stay_zero() -> None:
    scaled = linear_model.unit_rows(np.array([[3.0, 4.0], [0.0, 0.0]])).toarray()
    np.testing.assert_allclose(scaled, [[0.6, 0.8], [0.0, 0.0]])


def test_when_weighted_then_a_block_counts_that_much() -> None:
    matrix = linear_model.design_matrix([np.array([[2.0, 0.0]]), np.array([[0.0, 5.0]])], [1.0, 0.5])
    np.testing.assert_allclose(matrix.toarray(), [[1.0, 0.0, 0.0, 0.5]])


def test_when_fitted_then_training_rows_come_back_with_their_labels() -> None:
    model = LinearIntentModel.fit([WORDS, DENSE], LABELS, [1.0, 1.0])
    probabilities = model.predict_proba([WORDS, DENSE])
    assert probabilities.shape == (6, 3)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-6)
    assert [model.labels[i] for i in probabilities.argmax(axis=1)] == LABELS


def test_when_saved_and_loaded_then_predictions_are_the_same(tmp_path) -> None:
    model = LinearIntentModel.fit([WORDS, DENSE], LABELS, [1.0, 0.5])
    model.save(tmp_path)
    loaded = LinearIntentModel.load(tmp_path)
    assert loaded.labels == model.labels and loaded.weights == [1.0, 0.5]
    np.testing.assert_allclose(loaded.predict_proba([WORDS, DENSE]), model.predict_proba([WORDS, DENSE]))


@pytest.mark.parametrize("blocks", [
    [WORDS],  # a block missing
    [WORDS[:, :4], DENSE],  # a featurizer with a different vocabulary
])
def test_when_features_do_not_match_the_training_then_prediction_refuses(blocks) -> None:
    model = LinearIntentModel.fit([WORDS, DENSE], LABELS, [1.0, 1.0])
    with pytest.raises(ValueError):
        model.predict_proba(blocks)


def test_when_only_one_label_then_fitting_refuses() -> None:
    with pytest.raises(ValueError):
        LinearIntentModel.fit([WORDS], ["greet"] * 6, [1.0])


# ------------------------------------------------------------------- the Rasa component


def _message(text: str | None, words: list[float], dense: list[float], intent: str | None = None):
    from rasa.shared.nlu.training_data.features import Features
    from rasa.shared.nlu.training_data.message import Message

    message = Message(data={key: value for key, value in (("text", text), ("intent", intent)) if value})
    if text:
        message.add_features(Features(scipy.sparse.coo_matrix([words]), "sentence", "text", "words"))
        message.add_features(Features(np.array([dense]), "sentence", "text", "minilm"))
    return message


@pytest.fixture()
def storage(tmp_path):
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource

    return LocalModelStorage(tmp_path), Resource("linear_intent_classifier")


def _trained(storage):
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from bot.components.linear_intent_classifier import LinearIntentClassifier

    model_storage, resource = storage
    texts = ["hello", "hi", "where order", "order order", "no", "nope"]
    examples = [_message(text, list(WORDS.toarray()[i]), list(DENSE[i]), LABELS[i])
                for i, text in enumerate(texts)]
    config = {**LinearIntentClassifier.get_default_config(), "ranking_length": 2}
    classifier = LinearIntentClassifier(config, model_storage, resource)
    classifier.train(TrainingData(examples))
    return classifier, config


def test_when_trained_then_a_message_gets_an_intent_and_a_ranking_for_the_fallback(storage) -> None:
    classifier, _ = _trained(storage)
    message = _message("where is my order", [0, 0, 1, 1, 0, 0], [0, 1])
    classifier.process([message])
    intent, ranking = message.get("intent"), message.get("intent_ranking")
    assert intent["name"] == "order_status" and isinstance(intent["confidence"], float)
    assert ranking[0] == intent and len(ranking) == 2
    assert ranking[0]["confidence"] >= ranking[1]["confidence"]


def test_when_loaded_from_model_storage_then_it_predicts_as_trained(storage) -> None:
    from rasa.engine.graph import ExecutionContext

    from bot.components.linear_intent_classifier import LinearIntentClassifier

    classifier, config = _trained(storage)
    model_storage, resource = storage
    loaded = LinearIntentClassifier.load(config, model_storage, resource,
                                         ExecutionContext(graph_schema=None, model_id="m"))
    before, after = (_message("nope", [0, 0, 0, 0, 0, 1], [-1, 0]) for _ in range(2))
    classifier.process([before])
    loaded.process([after])
    assert after.get("intent_ranking") == before.get("intent_ranking")


def test_when_a_message_has_no_text_then_it_is_left_alone(storage) -> None:
    classifier, _ = _trained(storage)
    message = _message(None, [], [], intent="greet")
    classifier.process([message])
    assert message.get("intent") == "greet"


def test_when_nothing_was_trained_then_a_message_gets_no_intent(storage) -> None:
    from bot.components.linear_intent_classifier import LinearIntentClassifier

    model_storage, resource = storage
    classifier = LinearIntentClassifier(LinearIntentClassifier.get_default_config(), model_storage, resource)
    message = _message("hello", [1, 0, 0, 0, 0, 0], [1, 0])
    classifier.process([message])
    assert message.get("intent") == {"name": None, "confidence": 0.0}
    assert message.get("intent_ranking") == []
