"""A multinomial logistic regression over blocks of sentence features, with no Rasa in it.

Each block (one featurizer's sentence vector: word counts, character n-gram counts, the
MiniLM sentence embedding, ...) is scaled to unit length and weighted before the blocks are
put side by side, so that a long message's large counts do not drown the 384 small numbers
of the embedding, and one weight says how much the embedding counts against the n-grams.

scikit-learn fits the model; predicting needs only NumPy, and the fitted model is kept as
plain arrays (`save`/`load`, an .npz without pickles plus a JSON file), so loading a trained
model runs no code from the file.

    model = LinearIntentModel.fit(blocks, labels, weights=[1.0, 1.0, 1.0], C=10.0)
    probabilities = model.predict_proba(blocks)   # one row per message, columns = model.labels
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence, Union

import numpy as np
import scipy.sparse

Block = Union[np.ndarray, scipy.sparse.spmatrix]  # (messages, block width)

_ARRAYS = "linear_intent_model.npz"
_META = "linear_intent_model.json"


def unit_rows(block: Block) -> scipy.sparse.csr_matrix:
    """The rows of a block scaled to length 1 (rows of zeros stay zeros), as a CSR matrix."""
    matrix = scipy.sparse.csr_matrix(block, dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return scipy.sparse.diags(1.0 / norms) @ matrix


def design_matrix(blocks: Sequence[Block], weights: Sequence[float]) -> scipy.sparse.csr_matrix:
    """Unit-length, weighted blocks side by side: one row per message."""
    if len(blocks) != len(weights):
        raise ValueError(f"{len(blocks)} feature blocks but {len(weights)} weights")
    return scipy.sparse.hstack([unit_rows(block) * weight for block, weight in zip(blocks, weights)],
                               format="csr")


class LinearIntentModel:
    """Labels, block widths and weights, and the fitted coefficients."""

    def __init__(self, labels: Sequence[str], widths: Sequence[int], weights: Sequence[float],
                 coef: np.ndarray, intercept: np.ndarray) -> None:
        if coef.shape != (len(labels), sum(widths)) or intercept.shape != (len(labels),):
            raise ValueError("coefficients do not match the labels and block widths")
        self.labels = list(labels)
        self.widths = [int(width) for width in widths]
        self.weights = [float(weight) for weight in weights]
        self.coef = coef
        self.intercept = intercept

    @classmethod
    def fit(cls, blocks: Sequence[Block], labels: Sequence[str], weights: Sequence[float],
            C: float = 10.0, max_iter: int = 2000) -> "LinearIntentModel":
        """Fits an L2-regularised multinomial logistic regression (C: inverse strength)."""
        from sklearn.linear_model import LogisticRegression

        if len(set(labels)) < 2:
            raise ValueError("need at least two different labels to train on")
        classifier = LogisticRegression(C=C, max_iter=max_iter)
        classifier.fit(design_matrix(blocks, weights), list(labels))
        return cls(list(classifier.classes_), [block.shape[1] for block in blocks], weights,
                   classifier.coef_.astype(np.float32), classifier.intercept_.astype(np.float32))

    def predict_proba(self, blocks: Sequence[Block]) -> np.ndarray:
        """Softmax probabilities, one row per message and one column per label."""
        widths = [block.shape[1] for block in blocks]
        if widths != self.widths:
            raise ValueError(f"feature block widths {widths} differ from the trained {self.widths}")
        scores = np.asarray(design_matrix(blocks, self.weights) @ self.coef.T) + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, folder: Path) -> None:
        np.savez(folder / _ARRAYS, coef=self.coef, intercept=self.intercept)
        (folder / _META).write_text(json.dumps(
            {"labels": self.labels, "widths": self.widths, "weights": self.weights}))

    @classmethod
    def load(cls, folder: Path) -> "LinearIntentModel":
        meta = json.loads((folder / _META).read_text())
        with np.load(folder / _ARRAYS, allow_pickle=False) as arrays:
            return cls(meta["labels"], meta["widths"], meta["weights"],
                       arrays["coef"], arrays["intercept"])
