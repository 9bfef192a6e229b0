"""Personal names: spaCy's PERSON entities, names announced by cue phrases, known given names
and surnames (``gazetteer.py``).

The small statistical model misses lower-case names ("my name is mary o'neil-smith"),
often labels "Sophie Lang" an ORG and sometimes tags only part of a name ("H. Snider").
So: cue phrases catch announced names; entities of another label that start with a known
given name become PERSON; PERSON entities grow over adjacent capitalised words and
initials; hyphenated and apostrophe names are widened to the whole word. Shapes that
say "name" without a gazetteer hit: an unknown word in a list of mostly known given names
("Efimiya, Mary and Ariana"), a word before a relation ("Asya's kid"), a dialogue speaker
('Vsevolod: "Who are you?"'), two capitalised words around a middle initial ("Ravil G
Yefimov"), and a capitalised word before a known surname ("Eustachy Gorski"). In text
written all in lower case, a name takes the unknown words and title next to it ("dr.
cettina fanucci"), and unknown words by a verb of a person are names ("says bergqvist").
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.pii.recognizers.base import CandorRecognizer, written_in_lower_case
from guardrails.pii.recognizers.first_names import is_first_name
from guardrails.pii.recognizers.gazetteer import (
    common_words,
    is_frequent_name_pair,
    is_given_name,
    is_given_name_or_word,
    is_place,
    is_surname,
)
from guardrails.pii.recognizers.lexicon import BRANDS, MONTHS, NOT_A_NAME, STOPWORDS, WEEKDAYS

# A name word in any case: letters, inner apostrophes and hyphens ("o'neil-smith"), or an initial.
_ANY = r"(?:\p{L}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*|\p{L}\.)"
# A capitalised name word ("Mary", "O'Neil-Smith", "DE", "J.").
_CAP = r"(?-i:\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*\.?)"
_STRONG_CUES = (
    r"my name is|my name's|name is|name's|names are|name\s*:|first name is|last name is|surname is|"
    r"full name is|maiden name is|i go by|goes by|under the name(?: of)?|in the name of|signed|"
    r"account holder is|cardholder is|card holder is|cardholder name is|recipient is|addressed to|"
    r"name on (?:the )?(?:account|card)(?: is)?|"
    r"name\?(?:[ \t]+\p{L}+:)?"
)
# Verbs whose subject or agent is a person: "X lives in", "says X", "directed by X", "add X as".
_SUBJECT_VERBS = (
    r"lives|lived|says|said|told|asked|replied|wrote|works|worked|spent|had given|gave|is from|was born|"
    r"listed|explained|recommended"
)
_AGENT_CUES = (
    r"says|said|asked|told|replied|wrote|directed by|written by|sung by|performed by|produced by|"
    r"composed by|painted by|narrated by|authored by|signed by|starring|featuring|tribute to|add|added|"
    r"assistant to|married to|daughter of|son of|wife of|husband of"
)
_TITLES = r"mr|mrs|ms|miss|mx|dr|prof|sir|madam|dame|lord|lady"
_GIVEN = r"(?-i:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)"
_NEVER_NAMES = (
    STOPWORDS
    | NOT_A_NAME
    | WEEKDAYS
    | MONTHS
    | BRANDS
    | frozenset(
        "there team all everyone everybody support sir madam customer service agent bot human guys folks zip code "
        "postcode number order email phone address account card password user bot "
        "telefon telefono teléfono téléphone telefone".split()
    )
    # chat interjections spaCy sometimes reads as a name at the start of a line: "nah i'm good"
    | frozenset("nah nope yeah yep yup yes no hmm hm uh um oh ah aw ugh meh wow hey hi hello hiya thanks thx cheers pls lol".split())
    # verbs and adverbs spaCy takes into a name next to them: "text laura", "tell jim", "jacob
    # lives on ...", "pick up stan later"
    | frozenset(
        "text texted tell told show ask asked remind call called email emailed message ping "
        "lives lived spent says said soon later tonight tomorrow today again".split()
    )
)
_COLOURS = frozenset("green brown black white gray grey gold silver rose pink red blue".split())
# ("will", "may" and "can" are function words, never among the frequent given names)
_VERB_NAMES = frozenset("mark bill rob sue pat jack chase wade drew grant".split())  # "mark price as paid"
# "the Dyson", "my Kindle", "a Lego set": after these a capitalised word is a brand or product.
_DETERMINERS = frozenset("the a an my your our this that these those their its".split())
_PREVIOUS_WORD = re.compile(r"([\p{L}']+)[ \t]+$")
_NOT_NAME_ENDINGS = ("ing", "ed", "ly", "ful", "ous", "ive", "able", "ible", "less")
_WORD_CHARS = "'’-"
_TRAILING_PUNCTUATION = ",:;!?\"')]"
_LEADING_PUNCTUATION = "\"'(["
_WORDS = re.compile(r"\S+")
_NAME_WORD = re.compile(r"\p{Lu}(?:[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|\.?)")
_NEIGHBOUR = re.compile(r"(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)")
# Entity labels that are never names; others starting with a given name become PERSON.
_NOT_PROMOTED = {"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT", "PERSON"}
# An ORG of two or three capitalised words is often a person the small model misread
# ("Homero Portillo"), unless a word says it is a company, a product or a place.
_ORG_WORDS = frozenset(
    """
    inc inc. ltd ltd. llc plc gmbh ag sa co co. corp corp. company group holdings partners associates bank
    insurance capital markets global international systems solutions technologies technology tech labs
    media news weekly times post journal magazine records studios entertainment foundation institute
    university college school hospital clinic health care services service network networks energy data
    software airlines airways motors pharma store stores shop shops market club team league council
    agency department ministry office centre center public explorer transit digital online mobile pro
    max plus mini ultra air watch phone pad book card drive cloud prime tv home kitchen
    """.split()
)


# "Asya's kid", "roberto's daughter": a word before a family or social relation is a name.
_RELATIONS = (
    r"daughter|daughters|son|sons|kid|kids|child|children|baby|wife|husband|partner|mother|mom|mum|father|dad|"
    r"brother|sister|sibling|aunt|uncle|niece|nephew|cousin|grandmother|grandfather|grandma|grandpa|grandson|"
    r"granddaughter|friend|boyfriend|girlfriend|fiance|fiancé|fiancee|fiancée|boss|colleague|coworker|"
    r"co-worker|neighbour|neighbor|family|parents|birthday|funeral|wedding"
)
# Words before a single capital letter that make "X Y Z" a product or a label, not a name.
_SPEC_WORDS = frozenset(
    """
    vitamin model type size plan series class grade section part gate terminal room block level floor unit row
    seat zone category option version phase step group team area platform wing building exit bay lane aisle
    tier rank channel track disc disk
    """.split()
)
# Dialogue labels that are not people ("Answer: ...", "Bot: ...").
_NOT_SPEAKERS = frozenset(
    "answer question note quote bot user agent customer q a re subject title reply response update warning error "
    "ps fyi tip hint example summary result status comment edit source info".split()
)
_LIST_ITEM = r"(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|\p{Ll}[\p{Ll}'’-]+)"
_LIST = re.compile(
    # (up to 20 items: a longer run of commas is no list of names, and scanning it from every
    # word would take seconds on a long message)
    rf"(?<![\p{{L}}'’-]){_LIST_ITEM}(?:[ \t]*,[ \t]*{_LIST_ITEM}){{1,20}}[ \t]*,?[ \t]+(?:and|or|&)[ \t]+{_LIST_ITEM}(?![\p{{L}}'’-])"
)
_LIST_WORD = re.compile(_LIST_ITEM)


def _bare(word: str) -> str:
    return word.strip(".,:;!?\"'’()").lower()


def _looks_like_a_name(value: str) -> bool:
    words = value.split()
    return (
        2 <= len(words) <= 3
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not any(_bare(w) in _ORG_WORDS or _bare(w) in _NEVER_NAMES for w in words)
    )


def _after_determiner(text: str, start: int) -> bool:
    before = _PREVIOUS_WORD.search(text[max(0, start - 20) : start])
    return bool(before) and before.group(1).lower() in _DETERMINERS


class PersonRecognizer(CandorRecognizer):
    """PERSON: spaCy entities, names after cue phrases and titles, known given names."""

    ENTITY = "PERSON"
    NER_LABELS = ("PERSON",)
    PATTERNS = [
        Pattern(
            "name after a naming cue",
            rf"\b(?:{_STRONG_CUES})[ \t]*[:,-]?[ \t]*(?P<value>{_ANY}(?:[ \t]+{_ANY}){{0,3}})",
            0.8,
        ),
        Pattern(
            "capitalised name after 'called'",
            rf"\b(?:called|named|call me|dear)[ \t]+(?P<value>{_CAP}(?:[ \t]+{_CAP}){{0,3}})",
            0.75,
        ),
        Pattern(
            "capitalised name after 'I'm'",
            rf"\b(?:i'm|i’m|i am|im|this is|it's|it is)[ \t]+(?P<value>{_CAP}(?:[ \t]+{_CAP}){{0,3}})",
            0.7,
        ),
        Pattern(
            "lower-case name after 'I'm' ending the phrase",
            rf"\b(?:i'm|i’m|i am|this is)[ \t]+(?P<value>{_ANY}(?:[ \t]+{_ANY})?)(?=[ \t]*(?:[,.!?;]|$|\bfrom\b|\bhere\b|\band\b))",
            0.6,
        ),
        Pattern(
            "name after a title", rf"\b(?:{_TITLES})\.?[ \t]+(?P<value>{_CAP}(?:[ \t]+{_CAP}){{0,2}})", 0.75
        ),
        Pattern(
            "capitalised name before a verb of a person",
            rf"(?<![\p{{L}}'’-])(?P<value>{_GIVEN}(?:[ \t]+{_CAP}){{0,2}})(?=[ \t]+(?:{_SUBJECT_VERBS})\b)",
            0.5,
        ),
        Pattern(
            "capitalised name after a verb of a person",
            rf"\b(?:{_AGENT_CUES})[ \t]+(?P<value>{_CAP}(?:[ \t]+{_CAP}){{0,3}})",
            0.5,
        ),
        Pattern(
            "lower-case given name and surname in a lower-case text",
            r"(?<![\p{L}'’-])(?=(?P<value>\p{Ll}+[ \t]+(?:\p{Ll}\.?[ \t]+)?\p{Ll}[\p{Ll}'’-]+))",
            0.5,
        ),
        Pattern(
            "lower-case given name in a lower-case text",
            r"(?<![\p{L}'’@.-])(?P<value>\p{Ll}[\p{Ll}'’-]+)(?![\p{L}'’@-]|\.\p{L})",
            0.5,
        ),
        Pattern(
            "name with a middle initial",
            rf"(?<![\p{{L}}'’-])(?P<value>{_GIVEN}[ \t]+(?-i:\p{{Lu}})\.?[ \t]+{_GIVEN})(?![\p{{L}}'’-])",
            0.6,
        ),
        Pattern(
            "name before a relation",
            rf"(?<![\p{{L}}'’-])(?P<value>{_ANY})['’]s[ \t]+(?:{_RELATIONS})\b",
            0.6,
        ),
        Pattern(
            "dialogue speaker",
            r"(?:^|\n)[ \t]*(?P<value>(?-i:\p{Lu}[\p{Ll}'’-]+|\p{Ll}[\p{Ll}'’-]+))[ \t]*:[ \t]*[\"“]",
            0.6,
        ),
        Pattern(
            "known surname",
            rf"(?<![\p{{L}}'’@.-])(?P<value>{_GIVEN})(?![\p{{L}}'’@-]|\.\p{{L}})",
            0.5,
        ),
        Pattern(
            "known given name",
            rf"(?<![\p{{L}}'’-])(?=(?P<value>{_GIVEN}(?:[ \t]+(?-i:\p{{Lu}})(?:\.|(?=[ \t])))?(?:[ \t]+{_CAP})?))",
            0.55,
        ),
    ]

    def adjust_span(self, text: str, start: int, end: int, pattern: Pattern) -> tuple[int, int] | None:
        if pattern.name == "known given name":
            return self._given_name_span(text, start, end)
        if pattern.name == "lower-case given name and surname in a lower-case text":
            return self._given_name_span(text, start, end, lower_case=True)
        if pattern.name == "lower-case given name in a lower-case text":
            return self._lone_name(text, start, end, is_given_name, lower_case=True)
        if pattern.name == "known surname":
            span = self._lone_name(text, start, end, is_surname)
            return span and self._with_given_word_before(text, *span)
        if pattern.name == "name with a middle initial":
            return self._initial_name(text, start, end)
        if pattern.name in ("name before a relation", "dialogue speaker"):
            return self._labelled_name(text, start, end, pattern.name)
        # Cue patterns grab up to four words; keep them up to the first that cannot be a name.
        cut = None
        for match in _WORDS.finditer(text, start, end):
            bare = _bare(match.group())
            weak = pattern.score < 0.7 and bare.endswith(_NOT_NAME_ENDINGS)
            if bare in _NEVER_NAMES or weak:
                break
            cut = match.end()
        return None if cut is None else (start, cut)

    @staticmethod
    def _lone_name(text: str, start: int, end: int, known, lower_case: bool = False) -> tuple[int, int] | None:
        """A single known name word; a capitalised one must not start a sentence."""
        if lower_case and (not written_in_lower_case(text) or end - start < 4):
            return None  # short lower-case words ("pii", "ups") are rarely names
        if not known(text[start:end]):
            return None
        if not lower_case and re.search(r"(?:^|[.!?:\n\"“>]|^\W*)[ \t]*$", text[:start]):
            return None  # first word of a sentence or line: capitalised anyway
        if _after_determiner(text, start) or text[start:end].isupper():
            return None
        return start, end

    @staticmethod
    def _given_name_span(text: str, start: int, end: int, lower_case: bool = False) -> tuple[int, int] | None:
        if lower_case and not written_in_lower_case(text):
            return None  # only for people who type everything in lower case
        words = list(_WORDS.finditer(text, start, end))
        if not words:
            return None
        if lower_case and _lower_case_initial_name(*(w.group() for w in words)):
            return start, end
        if not is_given_name(words[0].group()):
            # "frank becker", "Maria Velasco": a given name that is also a word, before a surname;
            # "john smith": both among the most frequent names, though both are words (not colours:
            # "olive green", "hazel brown").
            pair = len(words) > 1 and (
                is_given_name_or_word(words[0].group())
                and is_surname(words[1].group())
                or is_frequent_name_pair(words[0].group(), words[1].group())
                and _bare(words[0].group()) not in _VERB_NAMES
                and _bare(words[1].group()) not in _COLOURS
            )
            if not pair or _bare(words[0].group()) in _NEVER_NAMES:
                return None
        surname_follows = not lower_case and len(words) > 1 and is_surname(words[-1].group())
        if _after_determiner(text, start) and not surname_follows:
            return None  # "the Dyson", but "a Homero Portillo concert" (capitalised: "the mona lisa" stays)
        cut = words[0].end()
        for index, match in enumerate(words[1:], 1):
            word = _bare(match.group())
            initial = len(word) == 1 and index < len(words) - 1  # "benjamin a seiler"
            if word in _NEVER_NAMES and not initial:
                break
            cut = match.end()
        if lower_case and cut == words[0].end() and cut - start < 4:
            return None  # a short lower-case word alone ("pii here") is rarely a name
        return start, cut

    @staticmethod
    def _with_given_word_before(text: str, start: int, end: int) -> tuple[int, int]:
        """A known surname takes the capitalised word before it on the same line ("Eustachy
        Gorski") unless that word is an ordinary word or a never-name."""
        before = re.search(r"(?<![\p{L}'’-])(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)[ \t]+$", text[max(0, start - 40) : start])
        if before:
            word = _bare(before.group(1))
            ordinary = word in _NEVER_NAMES or word in common_words() or word in _DETERMINERS
            if not ordinary or (is_first_name(word) and word not in STOPWORDS):  # "Jan Jílek"
                return start - len(before.group(0)), end
        return start, end

    @staticmethod
    def _initial_name(text: str, start: int, end: int) -> tuple[int, int] | None:
        """"Landerico B Hidalgo": one side known, or neither side an ordinary word."""
        first, *_, last = text[start:end].split()
        if _bare(first) in _SPEC_WORDS or _bare(first) in _NEVER_NAMES or _bare(last) in _NEVER_NAMES:
            return None
        if is_given_name(first) or is_surname(last):
            return start, end
        ordinary = common_words()
        return None if _bare(first) in ordinary or _bare(last) in ordinary else (start, end)

    @staticmethod
    def _labelled_name(text: str, start: int, end: int, how: str) -> tuple[int, int] | None:
        word = _bare(text[start:end])
        lower_text = written_in_lower_case(text)
        if word in _NEVER_NAMES or word in _NOT_SPEAKERS or len(word) < 3:
            return None
        if text[start].islower() and not lower_text:
            return None  # in mixed-case text a name is capitalised
        if how == "name before a relation":
            if word in common_words() and not is_given_name(word):
                return None  # "the company's boss"
            before = _PREVIOUS_WORD.search(text[max(0, start - 20) : start])
            after_possessive = bool(before) and before.group(1).lower() in _DETERMINERS | {"his", "her"}
            if after_possessive or re.fullmatch(_RELATIONS, word):
                return None  # "my mum's birthday", "her friend's son"
        return start, end

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        if written_in_lower_case(text):
            for result in results:
                result.start, result.end = grown_over_unknown_words(text, result.start, result.end)
        return results

    def extra_results(self, text: str) -> list[RecognizerResult]:
        return (
            [self.result(s, e, 0.6, "name in a list of names") for s, e in names_in_lists(text)]
            + [self.result(s, e, 0.5, "unknown words by a verb of a person") for s, e in lower_case_names_by_verbs(text)]
            + [self.result(s, e, 0.5, "a line of two unknown words") for s, e in lower_case_name_lines(text)]
        )

    def ner_results(self, text: str, nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        results = super().ner_results(text, nlp_artifacts)
        for ent in nlp_artifacts.entities:
            if ent.label_ in _NOT_PROMOTED:
                continue
            if ent[0].text.isupper() or _after_determiner(text, ent.start_char):
                continue
            if is_given_name(ent[0].text):
                score = 0.7
            elif ent.label_ == "ORG" and _looks_like_a_name(ent.text):
                score = 0.55
            else:
                continue
            span = self.accept_entity(text, ent.start_char, ent.end_char)
            if span is not None:
                results.append(self.result(span[0], span[1], score, f"spaCy {ent.label_} read as a name"))
        return results

    def accept_entity(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        # Whole words only ("O'Neil-Smith", not "Neil-Smith").
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] in _WORD_CHARS):
            start -= 1
        while end < len(text) and (text[end].isalpha() or text[end] in _WORD_CHARS):
            end += 1
        words = list(_WORDS.finditer(text, start, end))
        if any(_bare(w.group()) in BRANDS for w in words):
            return None  # a product: "Kindle Paperwhite", "Garmin Fenix"
        if words and all(_plain_word_no_name(w.group()) for w in words):
            return None  # "Discipline", "Awarded Salesperson": capitalised words, no names
        # Drop leading and trailing words that are never names ("Hi Jane" -> "Jane").
        while words and _bare(words[0].group()) in _NEVER_NAMES:
            words.pop(0)
        while words and _bare(words[-1].group()) in _NEVER_NAMES:
            words.pop()
        if not words or any(ch.isdigit() for w in words for ch in w.group()):
            return None
        start, end = words[0].start(), words[-1].end()
        # Punctuation spaCy kept inside the entity is not part of the name: "Eli Iversen-Nielsen:".
        while end > start and text[end - 1] in _TRAILING_PUNCTUATION:
            end -= 1
        while start < end and text[start] in _LEADING_PUNCTUATION:
            start += 1
        # Grow over capitalised words and initials on the same line ("Ella" + "H. Snider").
        while True:
            before = re.search(r"(\S+)[ \t]+$", text[max(0, start - 40) : start])
            if (
                not before
                or not _NEIGHBOUR.fullmatch(before.group(1))
                or _bare(before.group(1)) in _NEVER_NAMES
            ):
                break
            start -= len(before.group(0))
        while True:
            after = re.match(r"[ \t]+(\S+)", text[end : end + 40])
            word = after.group(1).rstrip(".,:;!?\"')") if after else ""
            if not word or not _NEIGHBOUR.fullmatch(word) or _bare(word) in _NEVER_NAMES:
                break
            end += after.start(1) + len(word)
        return start, end


_WORD_BEFORE = re.compile(r"([\p{L}'’-]+\.?)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([\p{L}'’-]+)")
_TITLE = re.compile(rf"(?:{_TITLES})\.?")


def _lower_case_initial_name(*words: str) -> bool:
    """"landerico b hidalgo", "ravil g yefimov": a middle initial between a given name or an
    unknown word and a surname or an unknown word ("size m brown", "plan b first" are none)."""
    if len(words) != 3 or len(_bare(words[1])) != 1 or _bare(words[1]) in ("a", "i"):
        return False
    first, last = words[0], words[2]
    return (is_given_name(first) or _unknown_name_word(first)) and (is_surname(last) or _unknown_name_word(last))


def _plain_word_no_name(word: str) -> bool:
    """A dictionary word that is no name ("discipline"; not "grace", "baker" or "jane");
    False without the word list."""
    from guardrails.pii.plain_words import dictionary_words  # plain_words imports this package

    bare = re.sub(r"['’]s$", "", _bare(word))  # "John's" is "John"
    plain = bare in dictionary_words() and bare not in common_words()
    return plain and not (is_given_name(bare) or is_first_name(bare) or is_surname(bare))


def _unknown_name_word(word: str) -> bool:
    """A lower-case word of 3+ letters that no word list knows as an English word, a never-name
    or a place ("fanucci", not "gift" or "ljubljana"); False without the word list."""
    from guardrails.pii.plain_words import is_unknown_word  # plain_words imports this package

    plain = len(word) >= 3 and "." not in word and _bare(word) not in _NEVER_NAMES
    return plain and is_unknown_word(word) and not is_place(word)


def grown_over_unknown_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A name found in lower-case text takes the unknown words next to it and a title before
    it: "correct it to dr. cettina fanucci" (only "cettina" found), "user: mohsin wilmsen"
    (only "wilmsen"). Up to two words a side."""
    for _ in range(2):
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is None:
            break
        if _TITLE.fullmatch(before.group(1)):
            start = before.start(1)
            break
        word = before.group(1)
        if not (_unknown_name_word(word) or is_first_name(word) and _bare(word) not in STOPWORDS):
            break  # "jan jílek": a given name, though "jan" is a month too
        start = before.start(1)
    for _ in range(2):
        after = _WORD_AFTER.match(text, end)
        if after is None or not _unknown_name_word(after.group(1)):
            break
        end = after.end(1)
    return start, end


# (at most 80 characters of words: three names are enough, and a long message stays fast)
_LOWER_AFTER_AGENT_CUE = re.compile(rf"\b(?:{_AGENT_CUES}):?[ \t]+(?=(?P<words>\p{{Ll}}[\p{{Ll}}'’ \t-]{{0,80}}))")
# Weaker cues, after which two unknown words make a name ("follow up with satsita umkhayev",
# "a parcel for jan kowalski") but one may be a brand ("pay with paypal", "sent by dpd").
# After "work for" come employers ("i work for wolters kluwer").
_PAIR_CUES = r"by|with|(?<!\bwork(?:s|ed|ing)?[ \t]+)for|to|called|named"
_LOWER_AFTER_PAIR_CUE = re.compile(rf"\b(?:{_PAIR_CUES})[ \t]+(?=(?P<words>\p{{Ll}}[\p{{Ll}}'’ \t-]{{0,80}}))")
_LOWER_BEFORE_SUBJECT_VERB = re.compile(
    rf"(?:^|(?<=[\n.!?,;:\"“]))[ \t]*(?P<words>\p{{Ll}}[\p{{Ll}}'’ \t-]{{0,80}}?)[ \t]+(?:{_SUBJECT_VERBS})\b"
)


def lower_case_names_by_verbs(text: str) -> list[tuple[int, int]]:
    """In a text written all in lower case, one to three words no word list knows, right after
    a verb of a person ("says bergqvist", "directed by jindřich holinka", "add mstislav
    dolgorukova as guardian") or starting a clause before one ("dzhambek is from ..."); two
    or three after a weaker cue ("follow up with satsita umkhayev")."""
    if not written_in_lower_case(text):
        return []
    found = []
    for cue, needed in ((_LOWER_AFTER_AGENT_CUE, 1), (_LOWER_AFTER_PAIR_CUE, 2)):
        for match in cue.finditer(text):
            words = list(_WORDS.finditer(text, *match.span("words")))[:3]
            known = [w for w in words if not _unknown_name_word(w.group()) or _model_number_follows(text, w.end())]
            stop = words.index(known[0]) if known else len(words)
            if stop >= needed:
                found.append((words[0].start(), words[stop - 1].end()))
    for match in _LOWER_BEFORE_SUBJECT_VERB.finditer(text):
        words = list(_WORDS.finditer(text, *match.span("words")))
        if 1 <= len(words) <= 3 and all(_unknown_name_word(w.group()) for w in words):
            found.append((words[0].start(), words[-1].end()))
    return found


# A line holding just two words, in a pasted block of details ("esat jeknić\n3378 sample lane").
_TWO_WORD_LINE = re.compile(r"^[ \t>*-]*(?P<value>\p{Ll}[\p{Ll}'’-]+[ \t]+\p{Ll}[\p{Ll}'’-]+)[ \t]*,?$", re.MULTILINE)


def lower_case_name_lines(text: str) -> list[tuple[int, int]]:
    """In a text written all in lower case, a line of several holding just two words that no
    word list knows (nor a brand or a place): "esat jeknić" above an address."""
    if "\n" not in text or not written_in_lower_case(text):
        return []
    return [
        match.span("value")
        for match in _TWO_WORD_LINE.finditer(text)
        if all(_unknown_name_word(word) for word in match.group("value").split())
    ]


def _model_number_follows(text: str, end: int) -> bool:
    """The word is cut off before digits: "wh-" of "sony wh-1000xm5"."""
    return text[end - 1 : end] == "-" or text[end : end + 1].isdigit()


def names_in_lists(text: str) -> list[tuple[int, int]]:
    """Every item of a list ("Efimiya, Mary, Ariana and Jodi") in which most items are known
    given names; lower-case items only in a text written all in lower case."""
    lower_text = written_in_lower_case(text)
    found = []
    for match in _LIST.finditer(text):
        items = [m for m in _LIST_WORD.finditer(text, match.start(), match.end()) if m.group() not in ("and", "or")]
        if any(m.group()[0].islower() for m in items) and not lower_text:
            continue
        known = sum(is_given_name(m.group()) for m in items)
        if known * 2 < len(items) or known < 2:
            continue
        found += [m.span() for m in items if _bare(m.group()) not in _NEVER_NAMES]
    return found
