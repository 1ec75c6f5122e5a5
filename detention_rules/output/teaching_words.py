"""Every sentence the trainer's tools (exercise, quiz, casebook) show, read from the translation file
(`locales/en/draft.yaml`, section `teaching:`) as the draft's are (`words.load("draft")`).

Each is a str.format template; the casebook's templates read these too, so the terminal and the
page say the same thing. The casebook index's fact patterns are here: fact paths, each under the key
of its title in the translation file (`teaching: patterns:`).
"""

from __future__ import annotations

import msgspec

from detention_rules import words


class Words(msgspec.Struct, frozen=True, rename="lower"):
    """The `teaching:` section of a translation file (keys in lower case); a key missing fails its load."""

    NONE: str
    EXERCISE_HEAD: str
    EXERCISE_INTRO: str
    EXERCISE_NONE: str
    EXERCISE_QUESTIONS: str
    EXERCISE_QUESTION: str
    EXERCISE_ANSWERS: str
    EXERCISE_ANSWER: str
    EXERCISE_ESTABLISHES: str
    EXERCISE_REMOVES: str
    EXERCISE_RULE: str
    EXERCISE_RULE_AGAIN: str
    EXERCISE_CHECK: str
    EXERCISE_CHECK_LABEL: str
    EXERCISE_COMMAND: str
    EXERCISE_SAME: str
    EXERCISE_SAME_LABEL: str
    EXERCISE_BY_CATEGORY: str
    EXERCISE_CATEGORY_LINE: str
    UNKNOWN: str
    NOT_DRAWN: str
    QUIZ_INTRO: str
    QUIZ_CASE: str
    QUIZ_WAS: str
    QUIZ_VARIATION: str
    QUIZ_CHANGED: str
    QUIZ_NOW_UNKNOWN: str
    QUIZ_ASKED: str
    QUIZ_FACTS: str
    QUIZ_PROMPT: str
    QUIZ_BAD_ANSWER: str
    VERDICTS: dict[str, str]
    QUIZ_RIGHT: str
    QUIZ_MISSED: str
    QUIZ_OVER: str
    QUIZ_FOUND: str
    QUIZ_NOT_FOUND: str
    QUIZ_RULE: str
    QUIZ_LAW: str
    QUIZ_EXPLAIN: str
    QUIZ_WHY_NOT: str
    QUIZ_NO_RULE: str
    QUIZ_CASE_SCORE: str
    QUIZ_ANSWERED: str
    QUIZ_BY_CATEGORY: str
    QUIZ_CATEGORY_LINE: str
    QUIZ_SCORE: str
    QUIZ_STOPPED: str
    QUIZ_SAVED: str
    QUIZ_EXISTS: str
    QUIZ_NO_CASE: str
    QUIZ_CANNOT_WRITE: str
    BOOK_TITLE: str
    BOOK_TRAINER_TITLE: str
    BOOK_INTRO: str
    BOOK_BY_TOPIC: str
    BOOK_BY_PATTERN: str
    BOOK_REAL: str
    BOOK_REAL_CASE: str
    BOOK_TEACHING: str
    BOOK_CASE_NAME: str
    BOOK_CASE_TITLED: str
    BOOK_WAS: str
    BOOK_PROMPT: str
    BOOK_CHECK: str
    BOOK_REVEAL: str
    BOOK_ANSWER: str
    BOOK_WHY_NOT: str
    BOOK_DEFEATED: str
    BOOK_WAITING: str
    BOOK_NOT_ESTABLISHED: str
    BOOK_TEACHES: str
    BOOK_HANDOUT: str
    BOOK_TRAINER: str
    BOOK_PRINT_NOTE: str
    BOOK_PRINT_NOTE_TRAINER: str
    BOOK_FACT_REFS: str
    BOOK_CITED: str
    BOOK_ANSWERS: str
    BOOK_ANSWER_COLUMNS: dict[str, str]
    BOOK_LESSONS: str
    BOOK_LESSON_COLUMNS: dict[str, str]
    BOOK_NOTES: str
    BOOK_NOTES_HEADING: str
    BOOK_LACKS: str
    BOOK_ANSWERED: str
    BOOK_UNKNOWN_CASE: str
    BOOK_NO_SESSION: str
    BOOK_INDEX: str
    BOOK_OPINION_FINDS: str
    BOOK_WROTE: str
    BOOK_NOT_EMPTY: str
    BOOK_NO_CASE: str
    BOOK_CANNOT_WRITE: str
    IS_VALUE: str
    TOPICS: dict[str, str]
    PATTERNS: dict[str, str]


def load(lang: str | None = None) -> Words:
    """The trainer's tools' sentences in one language."""
    return msgspec.convert(words.load("draft", lang)["teaching"], Words)


#: The sentences the tools show, in the language in use when first imported (`--lang` is set before).
WORDS = load()

#: The teaching cases' topics, in the casebook's order: a teaching case's file name starts with one
#: (`trial-in-absentia.yaml`); its title is `WORDS.TOPICS[key]` ("other" and "real" follow them).
TOPICS = ("arrest", "charge", "custody", "freedom", "trial", "migration", "discrimination")

#: Fact patterns for the casebook's index: a pattern's key (its title: `WORDS.PATTERNS`), and the fact
#: paths (generic) that show it.
PATTERNS: dict[str, tuple[str, ...]] = {
    "no_warrant": ("arrest.warrant_shown", "arrest.legal_basis_invoked"),
    "no_judge": (
        "arrest.judge_within_48h",
        "arrest.brought_before_judge",
        "detention[].ordered_by",
        "detention[].could_challenge",
    ),
    "incommunicado": ("detention[].incommunicado", "detention[].family_notified"),
    "held_beyond": ("detention[].release_due", "arrest.charged", "arrest.days_uncharged"),
    "freedoms": ("conduct[].right",),
    "unfair_trial": ("trial.court", "trial.public", "trial.independent", "trial.counsel.access_trial"),
    "confession": ("trial.confession.coerced", "detention[].ill_treatment"),
    "migrants": ("detention[].kind=immigration", "person.status=asylum_seeker"),
    "discrimination": ("discrimination.grounds", "discrimination.pattern.group_targeted"),
}
