"""Which messages spaCy's NER can skip: those made only of plain dictionary words.

NER is most of the engine's cost (about 3 ms a message on 2 cores, whatever its length),
and most chat messages hold nothing it could find: "where is my order?", "thanks, bye".
A message skips NER when every word in it is

- a lower-case entry of a dictionary word list (Debian's ``wamerican``, read from disk)
  or a chat word (``lexicon.CHAT_WORDS``), and
- written in lower case, except "I" ("I'm", "I've") and a capitalised first word of a
  sentence, and that word must not be one of ``data/common_words.txt``: dictionary words
  that are also names or places ("Mark", "Grace", "Reading"; function words such as "My"
  or "Can" excepted).

A name or place the NER could tag is then either not a dictionary word ("Zargan",
"Akureyri"), capitalised mid-sentence ("ask Mark"), or a lower-case dictionary word
("mark", "reading"), which the small model does not tag as a name in lower-case text:
on the benchmark's tuning half and retail lines, in their own case and lower-cased, the
masked spans are the same with and without this shortcut, but for one false alarm gone
("nova" as a place; ``tests/unit/pii/test_pii_plain_words.py`` keeps checking). Cue
phrases and gazetteers ("my name is hope", "i live in nice") never depended on NER.
Everything else (digits, emails, cards) is found by the patterns either way.

Without the word list the shortcut is off and every message with a letter goes to NER.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import regex as re

from guardrails.pii.recognizers.gazetteer import COMMON_WORDS_FILE, common_words
from guardrails.pii.recognizers.lexicon import CHAT_WORDS, STOPWORDS

log = logging.getLogger(__name__)

_WORD = re.compile(r"\p{L}+(?:['’]\p{L}+)*")
# Where a sentence starts: the text's start, or after . ! ? or a new line, then quotes or brackets.
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)[\s\"'“‘(\[>*-]*")
_FIRST_PERSON = frozenset("I I'm I've I'd I'll".split())


class PlainWordGate:
    """Decides per message whether NER can find anything there (see the module text)."""

    def __init__(self, plain: frozenset[str], name_like: frozenset[str]):
        self.plain = plain
        self.name_like = name_like

    def needs_ner(self, text: str) -> bool:
        sentence_starts = {match.end() for match in _SENTENCE_START.finditer(text)}
        for match in _WORD.finditer(text):
            word = match.group().replace("’", "'")
            if word in _FIRST_PERSON:
                continue
            lower = word.lower()
            if lower not in self.plain:
                return True
            if word != lower and (lower in self.name_like or match.start() not in sentence_starts):
                return True
        return False


def read_plain_words(word_list: Path) -> frozenset[str]:
    """Lower-case entries of a one-word-a-line list, plus chat words."""
    entries = word_list.read_text(encoding="utf-8").split()
    return frozenset(word for word in entries if word.islower()) | CHAT_WORDS


@functools.cache
def load_gate(word_list: Path | None) -> PlainWordGate | None:
    """The gate over ``word_list``, or None (NER for every message) if it is not set or missing."""
    if word_list is None:
        return None
    if not word_list.is_file():
        log.warning("word list %s not found: every message goes through NER (apt-get install wamerican)", word_list)
        return None
    name_like = frozenset(COMMON_WORDS_FILE.read_text(encoding="utf-8").split()) - STOPWORDS
    return PlainWordGate(read_plain_words(word_list), name_like)


def dictionary_words() -> frozenset[str]:
    """The configured word list's lower-case entries and the chat words; empty without the
    list (then rules that need to know a word is no English word stay off)."""
    from guardrails.pii.settings import settings

    gate = load_gate(settings().model.plain_words)
    return gate.plain if gate is not None else frozenset()


# British spellings of words the American list holds: "personalised", "colour", "analyse".
_BRITISH_TO_AMERICAN = (("is", "iz"), ("isation", "ization"), ("our", "or"), ("yse", "yze"), ("ys", "yz"), ("tre", "ter"))


def is_unknown_word(word: str) -> bool:
    """A lower-case word that is neither in the word list (in American or British spelling)
    nor a common word that is also a name or place: "vellmarby", "fanucci", not "trouble",
    "mark" or "personalised". False without the list."""
    known = dictionary_words()
    if not known or word in known or word in common_words():
        return False
    return not any(
        word.replace(british, american) in known for british, american in _BRITISH_TO_AMERICAN if british in word
    )
