"""Every sentence the trainer's tools (exercise, quiz, casebook) show, in one place.

Templates use str.format fields; the casebook's templates read these too, so the
terminal and the page say the same thing.
"""

from __future__ import annotations

NONE = "none"

# --- wgad exercise -------------------------------------------------------------------
EXERCISE_HEAD = "{file}: categories established: {categories}"
EXERCISE_INTRO = (
    "Change one fact, then predict the categories. Each of the {count} variations below was run "
    "through the engine ({tried} changes tried, {invalid} dropped as invalid)."
)
EXERCISE_NONE = "No single change of a fact the rules read moves a category."
EXERCISE_QUESTION = "{n:>3}. What if {path} were {after} (in the file: {before})?"
EXERCISE_ANSWERS = "Answers"
EXERCISE_ANSWER = "{n:>3}. {setting}: {effect}; the categories become: {after}."
EXERCISE_ESTABLISHES = "establishes {categories}"
EXERCISE_REMOVES = "removes {categories}"
EXERCISE_RULE = "      deciding rule {id}: {title} ({provisions}; {jurisprudence})"
EXERCISE_CHECK = "      check it: wgad check --set {setting} {file}"
EXERCISE_BY_CATEGORY = "By category (variation numbers):"
EXERCISE_CATEGORY_LINE = "  {category:<4} established by: {establish}; removed by: {remove}"
UNKNOWN = "unknown"
NOT_DRAWN = "not drawn"

# --- wgad quiz -----------------------------------------------------------------------
QUIZ_INTRO = (
    'Quiz: {count} case(s). For each, type the categories the facts support (e.g. "I, III") or "none"; end with Ctrl-D.'
)
QUIZ_CASE = "Case {n} of {count}"  # the title waits for the answer: a teaching case's title gives it away
QUIZ_WAS = "  That was: {title} ({file})."
QUIZ_VARIATION = "A variation of the case: {setting} (in the file: {before})."
QUIZ_FACTS = "The facts:"
QUIZ_PROMPT = "Which categories? "
QUIZ_BAD_ANSWER = 'Not understood: {error}. Answer with categories I to V, e.g. "I, III", or "none".'
#: How each verdict reads, in the terminal and in the casebook's page.
VERDICTS = {
    "right": "right",
    "missed": "missed: the facts establish it",
    "over-found": "over-found: the facts do not establish it",
}
QUIZ_RIGHT = "  {category}: right ({what})"
QUIZ_MISSED = "  {category}: " + VERDICTS["missed"]
QUIZ_OVER = "  {category}: " + VERDICTS["over-found"]
QUIZ_FOUND = "found"
QUIZ_NOT_FOUND = "rightly not found"
QUIZ_RULE = "    {id}: {title}. {provisions}. {jurisprudence}."
QUIZ_LAW = "    The law: {law}"
QUIZ_EXPLAIN = "    Here: {text}"
QUIZ_WHY_NOT = "    Closest rule: {id}: {title}; it lacks: {lacking}"
QUIZ_NO_RULE = "    No rule toward this category comes close on these facts."
QUIZ_CASE_SCORE = "  Score for this case: {right} of {total} categories right."
QUIZ_SCORE = "Score: {right} of {total} category answers right ({cases} case(s) answered)."
QUIZ_STOPPED = "Quiz ended early."
QUIZ_SAVED = "Answers saved to {file}."

# --- casebook ------------------------------------------------------------------------
BOOK_TITLE = "Casebook: the five categories of arbitrary detention"
BOOK_INTRO = (
    "Each case states its facts; decide which categories of arbitrary detention (I to V) they support, "
    "then reveal the answer with the reasoning."
)
BOOK_BY_CATEGORY = "Cases by category"
BOOK_BY_PATTERN = "Cases by fact pattern"
BOOK_NO_CATEGORY = "No category established"
BOOK_REAL = "Opinion {opinion}"
BOOK_REAL_CASE = "Real case"
BOOK_TEACHING = "Teaching case (synthetic)"
BOOK_TEACHING_NAME = "Teaching case {n}"
BOOK_WAS = "This case: {title}"
BOOK_PROMPT = "Which categories do these facts support?"
BOOK_CHECK = "Check my answer"
BOOK_REVEAL = "Show the answer and the reasoning"
BOOK_ANSWER = "The engine finds: {categories}"
BOOK_WHY_NOT = "Why not the other categories"
BOOK_DEFEATED = "defeated by known facts"
BOOK_WAITING = "waiting on unknown facts"
BOOK_NOT_ESTABLISHED = "Category {category} is not established."
BOOK_TEACHES = "What this case teaches"
BOOK_SOURCE = "Source"
BOOK_HANDOUT = "Participant handout (facts only)"
BOOK_TRAINER = "Trainer's copy (with answers)"
BOOK_PRINT_NOTE = "Print this page: the handout prints the facts only; the trainer's copy prints the answers too."
BOOK_FACT_REFS = "Each fact gives the line of the case file it comes from, and its reference where the file has one."
BOOK_INDEX = "Index"
BOOK_OPINION_FINDS = "The Working Group's opinion found: {categories}"
BOOK_INVALID = "{file} is not a valid case file and is left out: {problem}"
BOOK_WROTE = "wrote {count} case page(s) and index.html to {folder}"

#: Fact patterns for the casebook's index: a pattern, and the fact paths (generic) that show it.
PATTERNS: dict[str, tuple[str, ...]] = {
    "Arrest without warrant or legal basis": ("arrest.warrant_shown", "arrest.legal_basis_invoked"),
    "No prompt judge, no judicial control": (
        "arrest.judge_within_48h",
        "arrest.brought_before_judge",
        "detention[].ordered_by",
        "detention[].could_challenge",
    ),
    "Incommunicado, family not told": ("detention[].incommunicado", "detention[].family_notified"),
    "Held beyond release or without charge": ("detention[].release_due", "arrest.charged", "arrest.days_uncharged"),
    "Expression, assembly, association, religion": ("conduct[].right",),
    "Unfair trial": ("trial.court", "trial.public", "trial.independent", "trial.counsel.access_trial"),
    "Confession, torture, ill-treatment": ("trial.confession.coerced", "detention[].ill_treatment"),
    "Migrants and asylum seekers": ("detention[].kind=immigration", "person.status=asylum_seeker"),
    "Discrimination and patterns of targeting": ("discrimination.grounds", "discrimination.pattern.group_targeted"),
}
