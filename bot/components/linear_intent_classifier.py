"""A Rasa intent classifier: logistic regression on the messages' sentence features.

In config.yml, after the featurizers (it replaces DIETClassifier, which we used for intents
only: order numbers come from RegexEntityExtractor):

    - name: bot.components.linear_intent_classifier.LinearIntentClassifier
      C: 30.0            # inverse regularisation strength
      dense_weight: 1.0  # weight of each dense block (the MiniLM vector) against each sparse one

It reads every featurizer's sentence-level feature (word and character n-gram counts, regex
matches, the MiniLM sentence vector), scales each to unit length, weights it, and fits one
multinomial logistic regression (bot/components/linear_model.py). It trains in seconds where
DIET took minutes, and its softmax probabilities feed FallbackClassifier as DIET's did:
`intent` with a confidence and an `intent_ranking`. The coefficients are stored as arrays
in Rasa's model storage, so `rasa train` packs them into the model and the server loads them.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text, Tuple

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.linear_model import LinearIntentModel

logger = logging.getLogger(__name__)

BlockKey = Tuple[Text, bool]  # (featurizer name, is sparse)


def sentence_blocks(messages: List[Message], keys: List[BlockKey],
                    widths: List[int]) -> List[Any]:
    """One matrix per (featurizer, sparse?) key, one row per message; zeros where missing."""
    blocks = []
    for (origin, sparse), width in zip(keys, widths):
        rows = []
        for message in messages:
            found = [feature.features for feature in message.features
                     if feature.attribute == TEXT and feature.type == FEATURE_TYPE_SENTENCE
                     and feature.origin == origin and feature.is_sparse() == sparse]
            rows.append(scipy.sparse.csr_matrix(found[0]) if found
                        else scipy.sparse.csr_matrix((1, width)))
        blocks.append(scipy.sparse.vstack(rows, format="csr") if rows
                      else scipy.sparse.csr_matrix((0, width)))
    return blocks


def block_keys(messages: List[Message], featurizers: List[Text]) -> Tuple[List[BlockKey], List[int]]:
    """The sentence-feature blocks present in training, in a fixed order, and their widths."""
    widths: Dict[BlockKey, int] = {}
    for message in messages:
        for feature in message.features:
            if feature.attribute != TEXT or feature.type != FEATURE_TYPE_SENTENCE:
                continue
            if featurizers and feature.origin not in featurizers:
                continue
            widths[(feature.origin, feature.is_sparse())] = feature.features.shape[-1]
    keys = sorted(widths)
    return keys, [widths[key] for key in keys]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    """Predicts the intent with a logistic regression over all sentence features."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "C": 30.0,
            "dense_weight": 1.0,
            "max_iter": 2000,
            # Names of the featurizers to read; empty means all of them.
            "featurizers": [],
            "ranking_length": 10,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "scipy"]

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        if float(config["C"]) <= 0 or float(config["dense_weight"]) < 0:
            raise ValueError("LinearIntentClassifier: C must be positive and dense_weight not negative")

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[LinearIntentModel] = None,
                 keys: Optional[List[BlockKey]] = None) -> None:
        self.component_config = config
        self._model_storage = model_storage
        self._resource = resource
        self.model = model
        self.keys = keys or []

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LinearIntentClassifier":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [message for message in training_data.intent_examples if message.get(TEXT)]
        labels = [message.get(INTENT) for message in examples]
        if len(set(labels)) < 2:
            logger.warning("LinearIntentClassifier: fewer than two intents, nothing trained")
            return self._resource
        self.keys, widths = block_keys(examples, self.component_config["featurizers"])
        if not self.keys:
            raise ValueError("LinearIntentClassifier: no sentence features; add featurizers before it")
        weights = [1.0 if sparse else float(self.component_config["dense_weight"])
                   for _, sparse in self.keys]
        self.model = LinearIntentModel.fit(
            sentence_blocks(examples, self.keys, widths), labels, weights,
            C=float(self.component_config["C"]), max_iter=int(self.component_config["max_iter"]))
        self.persist()
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets `intent` and `intent_ranking` on every message (no intent without a model or text)."""
        with_text = [message for message in messages if message.get(TEXT)]
        if not with_text:
            return messages
        if self.model is None:
            for message in with_text:
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
            return messages
        probabilities = self.model.predict_proba(
            sentence_blocks(with_text, self.keys, self.model.widths))
        length = int(self.component_config["ranking_length"]) or len(self.model.labels)
        for message, row in zip(with_text, probabilities):
            order = np.argsort(-row, kind="stable")[:length]
            ranking = [{"name": self.model.labels[i], "confidence": float(row[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def persist(self) -> None:
        import json

        with self._model_storage.write_to(self._resource) as folder:
            self.model.save(folder)
            (folder / "blocks.json").write_text(json.dumps([list(key) for key in self.keys]))

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "LinearIntentClassifier":
        import json

        try:
            with model_storage.read_from(resource) as folder:
                model = LinearIntentModel.load(folder)
                keys = [(origin, bool(sparse))
                        for origin, sparse in json.loads((folder / "blocks.json").read_text())]
        except (ValueError, FileNotFoundError):
            logger.warning("LinearIntentClassifier: no trained model in %s; intents stay empty",
                           resource.name)
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, model, keys)
