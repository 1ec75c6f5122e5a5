"""Every field of the case model is read by something: a rule, or named code, or a person.

A field a drafter fills in that nothing reads is a promise the tool does not keep: the
fact looks as if it counted. Each field of `case.field_types()` must be read by a rule
(a condition, an exception or an explanation template) or be on exactly one of the lists
below, each saying why. The lists are exact: a field that a rule comes to read must
leave them, so they only shrink as rules are added.
"""

from __future__ import annotations

from pathlib import Path

from detention_rules.input.case import field_types
from detention_rules.input.fields import derived
from detention_rules.law.rule import AnyItem, FactCond, placeholders, walk
from detention_rules.reasoning import runnable

ROOT = Path(__file__).resolve().parents[2]

NARRATIVE, TOLD_FIRST = "detention_rules/output/narrative.py", "the drafter's words, told first in the draft's facts"

#: Read by code or data other than a rule: the file that reads each (checked below) and what for.
READ_BY_CODE: dict[str, tuple[str, str]] = {
    "title": ("detention_rules/output/text.py", "the heading of each result, in every format"),
    "language": (NARRATIVE, "the language of the drafter's free text: set apart to translate in another's draft"),
    "translations": (NARRATIVE, "the drafter's own translations of that text, told in their language's draft"),
    "person.name": ("detention_rules/output/draft.py", "the initials a redacted draft uses"),
    "person.held_at": ("detention_rules/output/draft.py", "the draft's detention: where the person is held now"),
    "trial.court_name": ("detention_rules/output/locales/en/draft.yaml", "the draft's trial: the court by its name"),
    "submission.source": ("detention_rules/output/draft.py", "the draft's source of the communication"),
    "submission.consent": ("detention_rules/output/draft.py", "the draft's consent of the person or family"),
    "domestic_remedies[].kind": ("detention_rules/output/draft.py", "the draft's steps taken domestically"),
    "domestic_remedies[].date": ("detention_rules/output/draft.py", "likewise"),
    "domestic_remedies[].body": ("detention_rules/output/draft.py", "likewise"),
    "domestic_remedies[].result": ("detention_rules/output/draft.py", "likewise"),
    "arrest.time": ("detention_rules/reasoning/facts.py", "derives arrest.judge_within_48h"),
    "discrimination.pattern.group": (
        "detention_rules/reasoning/facts.py",
        "derives discrimination.pattern.group_shares_ground",
    ),
    "detention[].judge_date": ("detention_rules/reasoning/facts.py", "derives arrest.judge_within_48h; date order"),
    "detention[].judge_time": ("detention_rules/reasoning/facts.py", "derives arrest.judge_within_48h"),
    "detention[].brought_before_judge": ("detention_rules/reasoning/facts.py", "derives arrest.brought_before_judge"),
    "detention[].end": (
        "detention_rules/reasoning/facts.py",
        "derives detention[].days; an open period: release asked",
    ),
    "detention[].months": ("detention_rules/reasoning/facts.py", "derives detention[].days"),
    "detention[].years": ("detention_rules/reasoning/facts.py", "derives detention[].days"),
    "arrest.charge_date": (
        "detention_rules/reasoning/facts.py",
        "derives arrest.days_uncharged; validate checks its order",
    ),
    "person.birth_date": ("detention_rules/reasoning/facts.py", "derives person.age at the arrest"),
    "submission.date": ("detention_rules/reasoning/facts.py", "ends a period still running for one still held"),
    "person.release_date": ("detention_rules/reasoning/facts.py", "ends the last open period (days); date order"),
    "person.released": ("detention_rules/law/consequences.py", "a released person is not asked to be released"),
    "trial.start": ("detention_rules/reasoning/facts.py", "ends an open pre-trial period (days_untried); date order"),
    "conduct[].date": ("detention_rules/reasoning/facts.py", "derives conduct[].led_to_detention (arrest soon after)"),
    "conduct[].cited_by_authorities": ("detention_rules/reasoning/facts.py", "derives conduct[].led_to_detention"),
    "arrest.other_grounds_stated": ("detention_rules/reasoning/facts.py", "derives conduct[].led_to_detention"),
    "arrest.offence_penalises": ("detention_rules/reasoning/facts.py", "derives conduct[].led_to_detention"),
    "detention[].individual_reasons": ("detention_rules/reasoning/facts.py", "derives detention[].necessity_shown"),
    "detention[].extended_exceptionally": ("detention_rules/reasoning/facts.py", "derives detention[].necessity_shown"),
    "detention[].judge_decided": ("detention_rules/reasoning/facts.py", "derives judge_decided_within_48h"),
    "arrest.offence_defined": ("detention_rules/reasoning/facts.py", "derives arrest.law_vague"),
    "arrest.law_in_force_date": ("detention_rules/reasoning/facts.py", "derives arrest.law_retroactive"),
    "arrest.last_act_date": ("detention_rules/reasoning/facts.py", "derives arrest.law_retroactive"),
    "trial.judges_removable": ("detention_rules/reasoning/facts.py", "derives trial.independent"),
    "trial.judges_anonymous": ("detention_rules/reasoning/facts.py", "derives trial.independent"),
    "trial.judge_acted_before": ("detention_rules/reasoning/facts.py", "derives trial.impartial"),
    "trial.guilt_declared": ("detention_rules/reasoning/facts.py", "derives trial.presumption_of_innocence"),
    "trial.shown_as_criminal": ("detention_rules/reasoning/facts.py", "derives trial.presumption_of_innocence"),
    "trial.end": ("detention_rules/input/validate.py", "date order: not before the trial's start"),
    "sentence.date": ("detention_rules/input/validate.py", "date order: not before the trial; a sentence's remedies"),
    "government.contests": ("detention_rules/reasoning/facts.py", "marks the facts the Government contests"),
    "submission.categories_alleged": (
        "detention_rules/reasoning/derivation.py",
        "a category alleged and not established is reported as possible; no rule reads it (2/2022 para 66)",
    ),
    "source.synthetic": ("detention_rules/agreement.py", "teaching cases are tallied apart"),
    "source.grade": ("detention_rules/agreement.py", "agreement is reported per grade"),
    "expected.categories": (
        "detention_rules/agreement.py",
        "what the opinion found: evaluate and tests/acceptance/test_cases.py",
    ),
    "expected.not_found": ("detention_rules/agreement.py", "what the opinion did not find"),
    "expected.outcome": ("detention_rules/agreement.py", "arbitrary, not arbitrary or filed"),
    "expected.known_gap": ("detention_rules/agreement.py", "a declared disagreement"),
    "detention[].ill_treatment_investigated": ("rules/outcomes.yaml", "a referral to the rapporteur on torture"),
    "detention[].solitary_confinement": ("rules/outcomes.yaml", "a referral on conditions of detention"),
    "detention[].medical_care_denied": ("rules/outcomes.yaml", "a referral on conditions of detention"),
    "detention[].family_visits_refused": ("rules/outcomes.yaml", "a referral on conditions of detention"),
    "sentence.kind": (
        "detention_rules/law/consequences.py",
        "a sentence calls for the remedies of one (quash, expunge); death after III, a referral",
    ),
    "sentence.years": ("detention_rules/law/consequences.py", "likewise"),
    "expected.filed_reason": (
        "detention_rules/agreement.py",
        "a case filed on release (para 17 (a)) or for want of facts",
    ),
    "arrest.charged_after_days": ("detention_rules/reasoning/facts.py", "derives arrest.days_uncharged without dates"),
    "detention[].judge_after_days": (
        "detention_rules/reasoning/facts.py",
        "derives arrest.judge_within_48h without dates",
    ),
    "detention[].length_at_least": ("detention_rules/reasoning/facts.py", "derives detention[].days as a bound"),
    "detention[].length_at_most": ("detention_rules/reasoning/facts.py", "derives detention[].days as a bound"),
    "detention[].length_unit": ("detention_rules/reasoning/facts.py", "the unit of the bounds"),
    "detention[].rearrest": ("detention_rules/reasoning/facts.py", "a re-arrest's own appearance: judge_within_48h"),
    "detention[].other_state": ("detention_rules/reasoning/facts.py", "another State's custody does not apply"),
    "detention[].consular_access": ("detention_rules/reasoning/facts.py", "derives consular_access_refused"),
    "detention[].extensions": (NARRATIVE, "the draft's facts: a detention extended twice; its argument may name it"),
    "person.narrative": (NARRATIVE, TOLD_FIRST),
    "person.called": (NARRATIVE, "how the draft's facts name the person after the first mention"),
    "arrest.narrative": (NARRATIVE, TOLD_FIRST),
    "detention[].narrative": (NARRATIVE, TOLD_FIRST),
    "conduct[].narrative": (NARRATIVE, TOLD_FIRST),
    "emergency.narrative": (NARRATIVE, TOLD_FIRST),
    "trial.narrative": (NARRATIVE, TOLD_FIRST),
    "sentence.narrative": (NARRATIVE, TOLD_FIRST),
    "discrimination.narrative": (NARRATIVE, TOLD_FIRST),
}

#: Written for the people who read the file (identity, places, provenance, free text);
#: by design no code reads them.
RECORD_ONLY = {
    "person.sex",
    "person.nationality",
    "person.occupation",
    "person.residence",
    "state.name",
    "arrest.place",
    "arrest.authority",
    "detention[].place",
    "government.note",
    "notes",
    "source.opinion",
    "source.year",
    "source.session",
    "source.document",
    "source.paragraphs",
    "source.url",
    "source.pages",
    "source.note",
}

#: Facts a category or a derivation could turn on that NOTHING reads yet: each is a gap to
#: close (a rule, a derivation or a renderer should read it) or a field to drop.
NOTHING_READS_YET = {
    "government.reply_date",  # could tell a late reply (methods of work para 16) from one in time
    "government.deadline",
    "emergency.declared",
    "emergency.start",
    "emergency.end",  # detention going on after the emergency ended: the pretext of 2/2022 para 81
    "detention[].with_convicted",
    # prolonged solitary confinement (Nelson Mandela Rules 43-44): referred through solitary_confinement;
    # no longer read as a fair-trial breach (jurisprudence review 2, 3.2)
    "detention[].solitary_days",
    # a rendition (custody brought about abroad outside extradition): recorded; a rule needs its doctrine sourced
    "arrest.rendition",
}


def _read_by_rules() -> set[str]:
    """Fields named by a rule's conditions (exceptions included) or explanation, as `list[].field`."""
    known = set(field_types()) | set(derived())
    read: set[str] = set()
    for rule in runnable.load().rules:
        lists = [c.list_path for c in walk(rule.when) if isinstance(c, AnyItem)]
        read |= set(lists)
        names = [c.path for c in walk(rule.when) if isinstance(c, FactCond)]
        names += [p.removeprefix("item.") if p.startswith("item.") else p for p in placeholders(rule.explain)]
        for name in names:
            inside = {f"{lst}[].{name}" for lst in lists} & known
            read |= inside or {name}
    return read


def test_every_field_is_read_or_listed_with_a_reason() -> None:
    fields = set(field_types())
    unaccounted = fields - _read_by_rules() - set(READ_BY_CODE) - RECORD_ONLY - NOTHING_READS_YET
    assert not unaccounted, f"fields nothing reads: {sorted(unaccounted)}"


def test_the_lists_are_exact() -> None:
    """A field on a list is a real field, on one list only, and read by no rule (else it leaves the list)."""
    lists = [set(READ_BY_CODE), RECORD_ONLY, NOTHING_READS_YET]
    listed = set().union(*lists)
    assert listed <= set(field_types()), sorted(listed - set(field_types()))
    assert sum(len(x) for x in lists) == len(listed), "a field is on two lists"
    assert not listed & _read_by_rules(), f"read by a rule now: {sorted(listed & _read_by_rules())}"


def test_code_said_to_read_a_field_mentions_it() -> None:
    for path, (module, _why) in READ_BY_CODE.items():
        name = path.rsplit(".", 1)[-1]
        assert name in (ROOT / module).read_text(encoding="utf-8"), f"{module} no longer reads {path}"
