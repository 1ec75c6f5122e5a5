"""The case model as pydantic classes: the one source of truth, read at build time only.

`python -m tools.case_model` (from a checkout) writes `detention_rules/input/case_model.json`:
the core schema pydantic-core validates with at run time, the JSON Schema (`wgad schema`,
docs/case.schema.json) and the table of fields (`field_types`, `wgad new`, hints and
messages); and `input/case_types.py`, the typed sections mypy reads. It lives outside the
package and is not installed: nothing imports it at run time (tests/test_layers.py), so
pydantic is not a runtime dependency; tests check that the shipped files are what it generates.

Shaped on the Working Group's model questionnaire (identity, arrest, detention,
circumstances, trial) plus what the categories turn on. Two principles:

* Absent or ``null`` means *unknown*, never false. No field has a default value
  other than None, so nothing unknown ever reaches the rule engine as a value.
* Every fact may be written plainly (``warrant_shown: false``) or with its
  provenance (``warrant_shown: {value: false, by: [source], ref: "para 11",
  contested: true}``).

Each field also carries how it is asked (`ask(...)`: its question, its choices in words, the
field whose answer opens it), and `DERIVED` declares each fact `reasoning/facts.py` derives:
both go into the field table, read at run time by `input/fields.py`, never into the JSON Schema.
"""

from __future__ import annotations

import functools
import json
import re
import sys
import types
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar, Union, get_args, get_origin

import msgspec
import pydantic
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    Tag,
    WithJsonSchema,
)
from pydantic._internal._validators import greater_than_or_equal_validator
from pydantic.fields import FieldInfo

from detention_rules.input.case import (
    ASSERTED_TAG,
    DATE_PATTERN,
    FUNCTIONS,
    MODEL_FILE,
    PLAIN_TAG,
    SCHEMA_FILE,
    TIME_PATTERN,
    clock_time,
    partial_date,
    plain_or_asserted,
)
from detention_rules.input.fields import DerivedFact

T = TypeVar("T")

Category = Literal["I", "II", "III", "IV", "V"]

Asserter = Literal["source", "government", "trial_monitor", "court", "working_group", "drafter", "other"]

PartialDate = Annotated[
    str, BeforeValidator(partial_date), WithJsonSchema({"type": "string", "pattern": DATE_PATTERN.pattern})
]
ClockTime = Annotated[
    str, BeforeValidator(clock_time), WithJsonSchema({"type": "string", "pattern": TIME_PATTERN.pattern})
]
Text = Annotated[str, Field(max_length=20_000)]
#: The most detainees one file names: the largest opinions concern some hundreds of people, and each
#: person's case is reasoned on alone (docs/performance.md gives the time at this limit).
MAX_DETAINEES = 1000


class _Model(BaseModel):
    # no infinity or NaN: no fact is one, and the rule engine refuses them
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, allow_inf_nan=False)


class Asserted(_Model, Generic[T]):
    """A fact written with who asserts it, whether it is contested, and where it is stated."""

    value: T | None = None
    by: list[Asserter] | None = None
    contested: StrictBool | None = Field(
        None, description="The other party disputes the value, and the dispute is still open."
    )
    ref: Text | None = Field(None, description="Paragraph of the petition or opinion, e.g. 'para 11'.")
    evidence: Text | None = Field(
        None,
        description="What shows the value beyond a party's word (a document produced, a court record). "
        "An exception the Government alone asserts is met only with evidence the source does not dispute.",
    )
    rebutted: Text | None = Field(
        None,
        description="The evidence with which the Government's reply rebutted the value. Unless the source "
        "answered it (contested: true), the fact grounds nothing: it is treated as unknown.",
    )
    note: Text | None = None


#: Exceptions whose burden is on the Government (opinion 2/2022 para 66; A/HRC/19/57 para 68), by
#: model and field, with the values that defeat a rule. Every `unless` of the rules names one of them
#: with one of those values (law/rulebook.py checks it). A value only the Government asserts, without
#: evidence the source does not dispute, is a mere assertion: it contests a finding, never defeats it.
EXCEPTIONS: dict[str, dict[str, tuple[Any, ...]]] = {
    "Arrest": {"in_flagrante": (True,)},
    # a judge's decision on the custody excuses a non-judicial order (I.no-judicial-control): the Government's to show
    # a maximum set by law for migration custody (IV.indefinite-custody): the State's to show (Revised Deliberation 5)
    "Period": {"free_to_leave": (True,), "judge_decided": (True,), "time_limit": (True,)},
    # an informed waiver of attendance excuses a trial in absentia (General Comment No. 32 para 36)
    "Trial": {"attendance_waived": (True,)},
    "Conduct": {
        "incited_violence": (True,),
        "advocated_hatred": (True,),
        "restriction_justified": (True,),
        "peaceful": (False,),
        # the restriction test: every element is the Government's to show (Human Rights Committee
        # General Comment No. 34 paras 27, 35; No. 37 para 36), and each article lists its own aims
        "restriction_aim": (
            "national_security",
            "public_safety",
            "public_order",
            "public_health",
            "public_morals",
            "rights_of_others",
        ),
        "restriction_law_precise": (True,),
        "restriction_threat_shown": (True,),
        "restriction_least_restrictive": (True,),
    },
}

#: Exceptions that are a legal conclusion, not a fact: they count only with a `ref` to the finding
#: (a court's, the Working Group's) that states them; without one they are not shown.
CONCLUSIONS = {"Conduct": {"restriction_justified"}}


class _FactFactory:
    """`Fact[bool]` is `bool | Asserted[bool]`, told apart by shape so errors name one branch."""

    def __getitem__(self, inner: Any) -> Any:
        return Annotated[
            Annotated[inner, Tag(PLAIN_TAG)] | Annotated[Asserted[inner], Tag(ASSERTED_TAG)],
            Discriminator(plain_or_asserted),
        ]


Fact = _FactFactory()


#: The key under which a field's questionnaire entry (`ask`) travels: into the field table, never the JSON Schema.
ASK_KEY = "x-ask"


def ask(
    question: str = "",
    *,
    words: dict[str, str] | None = None,
    after: tuple[str, Any] | None = None,
    instead: tuple[str, ...] = (),
    contents_after: tuple[str, Any] | None = None,
) -> dict[str, Any]:
    """A field's entry in the questionnaire, declared with the field (`json_schema_extra=ask(...)`).

    `question`: how the interview, `wgad gaps` and the web form ask for the fact. `words`: how a
    sentence says a choice where the bare word does not read as English. `after`: a sibling field
    and its answer that open this one (asked first; another answer makes this one moot).
    `instead`: the fields asked in its place (beside it, or full paths). `contents_after`: on a
    section, the `after` of every field inside it but that sibling itself (a full path: another section's
    field, `trial.held` for the sentence).
    """
    entry: dict[str, Any] = {"question": question} if question else {}
    if words:
        entry["words"] = words
    if after:
        entry["after"] = list(after)
    if instead:
        entry["instead"] = list(instead)
    if contents_after:
        entry["contents_after"] = list(contents_after)
    return {ASK_KEY: entry}


def fact(question: str = "", *, description: str | None = None, **asking: Any) -> Any:
    """An optional field with its description and its questionnaire entry (`ask`): the shape of most
    fields, declared in one call."""
    return Field(None, description=description, json_schema_extra=ask(question, **asking))


def _narrative(what: str, question: str) -> Any:
    """A section's free text in the drafter's own words: the draft tells it first, then only the structured
    facts it does not already tell (output/narrative.py; docs/case-format.md, "Narratives")."""
    return Field(
        None,
        description=f"The drafter's own account of {what}: told first in the draft's facts, which add only "
        "what it does not say.",
        json_schema_extra=ask(question),
    )


Status = Literal[
    "human_rights_defender",
    "journalist",
    "lawyer",
    "political_opposition",
    "political_activist",
    "trade_unionist",
    "religious_minority",
    "ethnic_minority",
    "linguistic_minority",
    "lgbti",
    "person_with_disability",
    "migrant",
    "asylum_seeker",
    "refugee",
    "stateless",
    "minor",
    "foreign_national",
]

Ground = Literal[
    "birth",
    "national_origin",
    "ethnic_origin",
    "social_origin",
    "language",
    "religion",
    "economic_condition",
    "political_opinion",
    "gender",
    "sexual_orientation",
    "disability",
    "other_status",
]

#: Who the others targeted were, by what they share with the person: the characteristic a protected ground
#: defines (A/HRC/36/37 para 48: others sharing the person's distinguishing characteristic).
TargetedGroup = Literal[
    "religion",
    "ethnic_group",
    "nationality",
    "language",
    "political",
    "defenders",
    "sexual_orientation",
    "gender",
    "disability",
    "other",
]

Right = Literal[
    "opinion",
    "expression",
    "assembly",
    "association",
    "religion",
    "movement",
    "asylum",
    "political_participation",
    "equality",
    "minority_culture",
    "human_rights_defence",
    "legal_profession",
    "cooperation_with_un",
]

#: The aims for which the Covenant lets a right be restricted, each article from its own closed list
#: (ICCPR 12(3), 18(3), 19(3), 21, 22(2)); `other` and `none` are in no list.
Aim = Literal[
    "national_security",
    "public_safety",
    "public_order",
    "public_health",
    "public_morals",
    "rights_of_others",
    "other",
    "none",
]

#: The rights an offence can penalise the exercise of by its own definition (General Comment No. 34 paras 38,
#: 42, 46-49; No. 37 para 71; No. 22 para 8); `none`: an offence of other acts (violence, theft, fraud, drugs).
Penalised = Literal["expression", "association", "assembly", "religion", "none"]

PeriodKind = Literal[
    "police_custody",
    "pretrial",
    "administrative",
    "immigration",
    "house_arrest",
    "prison",
    "psychiatric",
    "other",
    "unknown",
]


class Source(_Model):
    """Where the case comes from: the opinion it encodes, or a note that it is synthetic."""

    opinion: Annotated[str, Field(pattern=r"^\d{1,3}/\d{4}$")] | None = Field(
        None, description="Opinion number as 'N/YYYY', e.g. '2/2022'."
    )
    year: StrictInt | None = None
    session: Text | None = None
    document: Text | None = Field(None, description="UN symbol, e.g. A/HRC/WGAD/2022/2.")
    paragraphs: Text | None = None
    url: Text | None = None
    synthetic: StrictBool | None = Field(None, description="True for teaching cases made up to show one rule.")
    grade: Literal["A", "B"] | None = Field(
        None,
        description="A: a page read states the categories; B: the outcome is confirmed and the categories "
        "follow from the articles cited.",
    )
    pages: list[Text] | None = Field(None, description="The pages read for this case (addresses).")
    note: Text | None = None


class Expected(_Model):
    """What the source opinion decided: the suite checks the engine against it."""

    categories: list[Category] = Field(default_factory=list, description="Categories the opinion found.")
    not_found: list[Category] = Field(
        default_factory=list, description="Categories the opinion considered and did not find."
    )
    outcome: Literal["arbitrary", "not_arbitrary", "filed"] | None = Field(
        None,
        description="The outcome: arbitrary (with no categories: arbitrary, no category named), not_arbitrary, "
        "or filed.",
    )
    filed_reason: Literal["released", "insufficient_information"] | None = Field(
        None,
        description="Why the case was filed (outcome: filed): released, the person was released (methods of work "
        "para 17 (a)); insufficient_information, the Working Group could not obtain enough (para 17 (d)).",
    )
    known_gap: Text | None = Field(
        None, description="Why the engine cannot reach the opinion's view from facts this format can state."
    )


class Submission(_Model):
    """What the source's communication to the Working Group alleged."""

    categories_alleged: Fact[list[Category]] | None = fact(
        "Which categories did the source allege in its communication (I to V)?",
        description="Categories the source alleged in its communication.",
    )
    date: Fact[PartialDate] | None = fact(
        "On what date was the communication sent (or last updated)?",
        description="Date of the communication or of its latest update: a person still held (person.released: "
        "false) has been held at least until then.",
    )
    source: Text | None = fact(
        "Who submits the communication (name, organisation, contact)?",
        description="Who submits the communication (a person or organisation, with contact details): the model "
        "questionnaire's last part.",
    )
    consent: Fact[Literal["person", "family", "not_obtained"]] | None = fact(
        "Does the source act with the consent of the person, or of the family?",
        words={"person": "the person concerned", "family": "the family", "not_obtained": "no one"},
        description="With whose consent the source acts: the person's, the family's, or neither (then say why in "
        "a ref or the notes).",
    )


class Person(_Model):
    narrative: Text | None = _narrative("the person", "In your own words, who is the person?")
    name: Text | None = None
    called: Text | None = fact(
        "After the first mention, how should the submission name the person (e.g. Mr. Liu)?",
        description="How the submission names the person after the first mention, title included "
        "('Mr. Liu', 'Ms. K.'); left out: the title and the last part of the name.",
    )
    sex: Fact[Literal["male", "female", "other"]] | None = None
    age: Fact[StrictInt] | None = Field(None, description="Age at the time of detention.")
    birth_date: Fact[PartialDate] | None = None
    nationality: Fact[Text] | None = fact(
        "Of which State is the person a national (its name, e.g. France; 'stateless' if none)?",
        description="The State of which the person is a national, by its name or adjective ('France', 'French'); "
        "it decides whether the consular questions apply.",
    )
    occupation: Fact[Text] | None = None
    residence: Fact[Text] | None = None
    status: Fact[list[Status]] | None = fact(  # asked as DERIVED declares it (from the work, when not stated)
        words={"lgbti": "LGBTI person", "minor": "child"},
        description="Status that matters to the categories; when not stated, human_rights_defender and lawyer "
        "are derived from the person's work (conduct right human_rights_defence, cooperation_with_un, "
        "legal_profession).",
    )
    released: Fact[StrictBool] | None = fact(
        "Has the person been released?",
        description="Released by the time of the opinion (the Working Group still gives one, MoW para 17 (a)).",
    )
    release_date: Fact[PartialDate] | None = fact(after=("released", True))
    held_at: Fact[Text] | None = fact(
        "Where is the person held now (facility and town)?",
        after=("released", False),
        description="Where the person is held now (the facility and town), for one still held.",
    )


class State(_Model):
    name: Text | None = None
    iccpr_party: Fact[StrictBool] | None = fact(
        "Is the State a party to the International Covenant on Civil and Political Rights?",
        description="Party to the ICCPR: its articles apply only then (II.minority and III.no-appeal need it).",
    )


class Government(_Model):
    """The Government's response to the communication."""

    replied: Fact[StrictBool] | None = fact("Did the Government reply to the Working Group's communication?")
    reply_date: Fact[PartialDate] | None = fact("On what date did the Government reply?")
    deadline: Fact[PartialDate] | None = fact(
        "By what date was the Government to reply?", description="The deadline for the reply."
    )
    contests: list[Text] | None = Field(
        None, description="Fields whose facts the Government contests, e.g. arrest.warrant_shown."
    )
    note: Text | None = Field(
        None,
        description="The drafter's notes on the reply (what the Government answered), kept with the case: "
        "no rule reads them and the draft does not tell them.",
    )


class Arrest(_Model):
    narrative: Text | None = _narrative("the arrest", "In your own words, how was the person arrested?")
    date: Fact[PartialDate] | None = fact(
        "On what date was the person arrested, or first held in this case (when only the day custody began is "
        "known, a remand in custody after a summons included: that day)?",
        description="The day the person was first deprived of liberty in this case.",
    )
    time: Fact[ClockTime] | None = fact("At what time of day was the person arrested (HH:MM)?")
    place: Fact[Text] | None = None
    authority: Fact[Text] | None = None
    warrant_shown: Fact[StrictBool] | None = fact(
        "Was an arrest warrant (or other decision of a public authority) shown at the arrest?",
        description="A warrant or other decision of a public authority was shown.",
    )
    in_flagrante: Fact[StrictBool] | None = fact(
        "Was the person caught in the act (in flagrante delicto)?",
        description="Caught in the act, where no warrant is needed.",
    )
    legal_basis_invoked: Fact[StrictBool] | None = fact(
        "Did the authorities invoke any law, order or procedure for the arrest, "
        "whatever the source says of its lawfulness?",
        description="The authorities invoked any legal basis for the arrest at all.",
    )
    reasons_given: Fact[Literal["at_arrest", "later", "never"]] | None = fact(
        "Were the reasons for the arrest given at the time of arrest, later, or never?",
        description="When the reasons for the arrest (an act or an offence) were first given: no charge at first, "
        "the family told only 'national security', the charges given weeks later, is 'later'.",
        words={"at_arrest": "given at the arrest", "later": "given only later", "never": "never given"},
    )
    reasons_given_date: Fact[PartialDate] | None = None
    charges: Fact[list[Text]] | None = None
    legal_provisions: Fact[list[Text]] | None = None
    charged: Fact[StrictBool] | None = fact(
        "Was the person ever formally charged with an offence?",
        description="Formally charged with an offence at any time.",
    )
    charge_date: Fact[PartialDate] | None = fact(
        "On what date was the person charged (a month or a year will do if the day is not known)?",
        after=("charged", True),
    )
    offence_defined: Fact[StrictBool] | None = fact(
        "Does the law the charge cites say what conduct the offence covers, or does it only name it "
        "('propaganda against the State', 'spreading false information', 'inciting social discord', 'extremism')?",
        description="The law invoked defines the conduct the offence covers. False when it only names the offence "
        "in general terms ('propaganda against the State', 'false information', 'inciting discord', 'extremism') "
        "and defines none of them: law_vague is then derived true (General Comment No. 35 para 22).",
    )
    offence_penalises: Fact[list[Penalised]] | None = fact(
        "Does the offence charged, by its own definition, punish speaking or publishing, forming or joining an "
        "organisation, taking part in a gathering, or practising a religion ('propaganda against the State', "
        "'spreading false news', 'insulting' an official, lese-majesty, membership of a banned organisation, "
        "an unauthorised gathering), or other acts (violence, theft, fraud, drugs: none)?",
        after=("charged", True),
        words={
            "expression": "speaking or publishing",
            "association": "forming or joining an organisation",
            "assembly": "taking part in a gathering",
            "religion": "practising a religion or belief",
            "none": "none of these",
        },
        description="What the offence charged punishes by its own definition, read in the law: expression "
        "(propaganda, false news, insulting officials or the State, lese-majesty, 'extremist' statements), "
        "association (forming, joining or acting in an organisation: unregistered, banned, 'extremist'), assembly "
        "(an unauthorised gathering), religion (worship or teaching, the activity of a banned religious "
        "community); none for an offence of other acts. Derives conduct[].led_to_detention for conduct of that "
        "right, no other act shown.",
    )
    law_vague: Fact[StrictBool] | None = fact(  # asked as DERIVED declares it
        description="Override, with a ref: the offence invoked is so vague or overbroad that no one could foresee "
        "its reach. Derived true from offence_defined: false when not stated.",
    )
    charge_facts_stated: Fact[StrictBool] | None = fact(
        "Did the charge or warrant state any act of the person said to make up the offence (what, when, "
        "where), even vaguely?",
        description="The charge or warrant stated some act of the person said to make up the offence (what, when, "
        "where); false only when it named an offence and no act at all. Acts stated, but vaguely or without "
        "detail, are true here and trial.informed_of_charges: false.",
    )
    acts_outside_offence: Fact[StrictBool] | None = fact(
        "Are the acts the charge states, taken as it states them, outside the offence invoked: does the "
        "provision's own text require an element they lack (who may commit it, what act, what object)?",
        description="The acts the charge or warrant states, taken as stated, do not make up the offence under the "
        "provision invoked: its text requires an element (the offender's quality, the act, its object) that "
        "they lack. A reading of the provision's text against the charge, not of the evidence or of whether the "
        "person did the acts: a charge that alleges the element the source denies (violence, say) is false. Who "
        "says so goes in by (source, a court, the authorities' own services).",
    )
    other_grounds_stated: Fact[StrictBool] | None = fact(
        "Did the charge, the authorities or the Government name any act of the person other than the conduct "
        "listed (the facts of another offence), not just another name for that conduct?",
        description="The charge, the authorities or the Government named an act of the person other than the "
        "conduct listed under conduct (the facts of another offence). False when the acts the charge states are "
        "that conduct, under another name (extremism, subversion, terrorism, propaganda) or its own. Who named it "
        "goes in by; a concrete act the source states, plainly or by: [source], is shown unless written "
        "contested: true; the Government's word alone, or an offence named with no act, is an allegation.",
    )
    law_in_force_date: Fact[PartialDate] | None = fact(
        "On what date did the provision applied, or the heavier penalty imposed, come into force?",
        description="The date the provision applied, or the heavier penalty imposed, came into force (a year or a "
        "month will do). With the dates of the acts the charge rests on (last_act_date, or the dates of the conduct "
        "that led to the detention), it derives law_retroactive (ICCPR 15(1)).",
    )
    last_act_date: Fact[PartialDate] | None = fact(
        "On what date was the last act the charge rests on committed?",
        description="The date of the latest act the charge or conviction rests on, when the acts are not listed "
        "under conduct (an ordinary offence: fraud, violence): read for the derived law_retroactive.",
    )
    law_retroactive: Fact[StrictBool] | None = fact(  # asked as DERIVED declares it
        description="Override, with a ref: the offence or the penalty applied was not in force when the act was "
        "committed (ICCPR 15(1)). Derived from law_in_force_date and the dates of the acts when not stated.",
    )
    charged_after_days: Fact[Annotated[StrictInt, Field(ge=0)]] | None = fact(
        "If no date is known, how many days after the arrest was the person charged?",
        description="Days from the arrest to the charge, when the dates are not known: 1 for 'charged the next "
        "day'. Read for the derived arrest.days_uncharged.",
    )
    rendition: Fact[StrictBool] | None = fact(
        "Was the person brought from abroad into the State's custody outside any extradition (a rendition)?",
        description="The person was brought into the State's custody from abroad outside any extradition "
        "procedure (a rendition, by force or deception).",
    )


Authority = Literal["judge", "prosecutor", "police", "administrative", "executive", "none"]
Length = Annotated[StrictFloat | StrictInt, Field(ge=0)]


class Period(_Model):
    """One period of deprivation of liberty."""

    narrative: Text | None = _narrative(
        "this period of detention", "In your own words, what happened during this period of detention?"
    )
    kind: Fact[PeriodKind] | None = fact(
        "What kind of deprivation of liberty was this period (police custody, pre-trial, administrative, "
        "immigration, house arrest, prison...)?",
        words={
            "police_custody": "police custody",
            "pretrial": "pre-trial detention",
            "administrative": "administrative detention",
            "immigration": "immigration detention",
            "house_arrest": "house arrest",
            "prison": "prison",
            "psychiatric": "psychiatric detention",
            "other": "detention",
            "unknown": "custody of an unknown regime",
        },
    )
    start: Fact[PartialDate] | None = fact("On what date did this period of custody start?")
    end: Fact[PartialDate] | None = fact(
        "On what date did this period of custody end (empty if the person is still held)?"
    )
    place: Fact[Text] | None = None
    days: Fact[Length] | None = Field(None, description="Length in days, when the dates are not known.")
    months: Fact[Length] | None = Field(None, description="Length in months, when the dates are not known.")
    years: Fact[Length] | None = Field(None, description="Length in years, when the dates are not known.")
    length_at_least: Fact[Length] | None = fact(
        "If the exact length of this period is not known, what is the least it lasted (and in what unit)?",
        description="The least the period lasted, in length_unit, when only a bound is known: 'more than a year' "
        "is 1 (years); 'still held, eleven years by 2020' is 11.",
    )
    length_at_most: Fact[Length] | None = fact(
        "If the exact length of this period is not known, what is the most it lasted (and in what unit)?",
        description="The most the period lasted, in length_unit: '3 to 8 years' is at least 3, at most 8.",
    )
    length_unit: Fact[Literal["days", "weeks", "months", "years"]] | None = Field(
        None, description="The unit of length_at_least and length_at_most."
    )
    rearrest: Fact[StrictBool] | None = fact(
        "Did this period begin with a new arrest (a re-arrest)?",
        description="This period began with a new arrest (a re-arrest), not as the continuation of the custody "
        "before it; its appearance before a judge counts from its own start.",
    )
    other_state: Fact[Text] | None = fact(
        "Was the person held in this period by another State (abroad, before an extradition or a rendition)?",
        description="The State that held the person in this period, when it is not the State concerned (custody "
        "abroad before an extradition or a rendition): its facts are not read as that State's.",
    )
    ordered_by: Fact[Authority] | None = fact(
        "Who ordered this detention (a judge, a prosecutor, the police, an administrative or executive authority)?"
    )
    extended_by: Fact[Authority] | None = fact(
        "Who extended this detention, if it was extended (a judge, a prosecutor...)?",
        description="Who extended the detention, if it was extended.",
    )
    extensions: Fact[Annotated[StrictInt, Field(ge=0)]] | None = fact(
        "How many times was this detention extended?",
        description="How many times the detention was extended (by extended_by): 2 for 'a prosecutor ordered it "
        "and extended it twice'; 0 when it never was.",
    )
    successive_charges: Fact[StrictBool] | None = fact(
        "While the person was held, was the person charged anew or re-arrested, and kept in custody on the new case?",
        description="Re-arrests or new charges were used to keep the person in custody.",
    )
    incommunicado: Fact[StrictBool] | None = fact(
        "Was the person held incommunicado: cut off from family and lawyer (an undisclosed place, calls barred, "
        "the family with no news for days or weeks)?",
        description="Cut off from the outside world: no contact with family and no lawyer seen (an undisclosed "
        "place, calls barred, the family with no news for days or weeks).",
    )
    acknowledged: Fact[StrictBool] | None = fact(
        "Did the authorities acknowledge the detention and the person's whereabouts?",
        description="False when the authorities refuse to acknowledge the detention or the person's fate.",
    )
    with_convicted: Fact[StrictBool] | None = None
    brought_before_judge: Fact[StrictBool] | None = fact("Was the person brought before a judge during this period?")
    judge_decided: Fact[StrictBool] | None = fact(
        "Did the judge decide on this custody (order or confirm it), or only see the person?",
        description="The judge at judge_date decided on the lawfulness and necessity of this custody (ordered or "
        "confirmed it); false when the judge only saw the person.",
    )
    judge_date: Fact[PartialDate] | None = fact(
        "On what date was the person first brought before the judge in this period?",
        after=("brought_before_judge", True),
    )
    judge_time: Fact[ClockTime] | None = fact(
        "At what time of day was the person brought before the judge (HH:MM)?", after=("brought_before_judge", True)
    )
    judge_after_days: Fact[Annotated[StrictInt, Field(ge=0)]] | None = fact(
        "If no date is known, after how many days (counted from the arrest) was the person brought before a judge?",
        description="Calendar days from the arrest (for a re-arrest, this period's start) to the first appearance "
        "before a judge, when no date is known: 1 for 'the next day', 3 for 'after three days'.",
    )
    could_challenge: Fact[StrictBool] | None = fact(
        "Could the person or a lawyer bring this detention before a court (habeas corpus, a bail application, an "
        "appeal against the custody order), or was none open or none heard?",
        description="The detention could be challenged before a court (ICCPR 9(4)).",
    )
    periodic_review: Fact[StrictBool] | None = fact(
        "Was continued custody reviewed by an administrative or judicial authority?",
        description="Administrative or judicial review of continued custody took place.",
    )
    time_limit: Fact[StrictBool] | None = fact(
        "Does the law set a maximum length for this custody?",
        description="The law sets a maximum length for this custody.",
    )
    individual_assessment: Fact[StrictBool] | None = fact(
        "Could the judge or official who ordered this custody have released this person, or did custody follow from "
        "the charge or the person's status alone (a law making it mandatory for the offence charged or for everyone in "
        "the person's situation, a non-bailable offence, custody ordered as a matter of course)?",
        description="A decision weighed this person's circumstances; false when custody followed automatically, "
        "by law or practice (pre-trial, immigration custody): a non-bailable offence or mandatory pre-trial "
        "detention for the offence charged is false even where a court heard a bail application it could "
        "refuse on the charge alone.",
    )
    individual_reasons: Fact[StrictBool] | None = fact(
        "Did the custody order give reasons about this person (a risk of flight, of interference with evidence), "
        "or only repeat the charge or the law?",
        description="The custody order gave reasons about this person (a risk of flight, of interference with "
        "evidence, of reoffending); false when it gave none or only repeated the charge or the law.",
    )
    extended_exceptionally: Fact[StrictBool] | None = fact(
        "Was custody extended past the time limit the law ordinarily sets, by an order calling the extension "
        "'exceptional'?",
        description="Extended beyond the ordinary legal limit as an 'exceptional' measure.",
    )
    necessity_shown: Fact[StrictBool] | None = Field(
        None,
        description="Override, with a ref: the reasons given showed the custody necessary. Derived false from "
        "individual_assessment, individual_reasons, extended_by and extended_exceptionally when not stated.",
    )
    release_due: (
        Fact[
            Literal[
                "sentence_served",
                "amnesty",
                "release_order",
                "bail_granted",
                "pretrial_maximum_reached",
                "order_expired",
            ]
        ]
        | None
    ) = fact(
        "Was release due (sentence served, amnesty, release order, bail, the legal maximum of pre-trial detention"
        " reached, the detention order expired and not renewed) while the person was still held, on the same case"
        " or on a new one opened then?",
        words={
            "sentence_served": "the sentence had been served",
            "amnesty": "an amnesty applied",
            "release_order": "a release order had been issued",
            "bail_granted": "bail had been granted",
            "pretrial_maximum_reached": "the legal maximum of pre-trial detention had been reached",
            "order_expired": "the detention order had expired and had not been renewed",
        },
        description="Release was due for this reason but the person was still held, whether on the same case or"
        " on a new case opened when release came due (re-arrest at the prison gate, 'rotation').",
    )
    prolonged: Fact[StrictBool] | None = fact(
        "Was this custody prolonged?", description="The custody was prolonged (when dates cannot show it)."
    )
    review_effective: Fact[StrictBool] | None = fact(
        "When a court looked at this custody, did it weigh whether custody was needed for this person, and was it free "
        "to order release (not only confirming the charge)?",
        description="A court could examine the necessity of the custody and actually order release.",
    )
    alternatives_considered: Fact[StrictBool] | None = fact(
        "Did the custody order or hearing discuss a measure short of custody (bail, house arrest, reporting to the "
        "police, a travel ban)?",
        description="Less restrictive alternatives to custody were considered.",
    )
    free_to_leave: Fact[StrictBool] | None = fact(
        "Could the person leave at will and at no cost (house arrest outside closed premises; a transit zone "
        "without giving up an asylum claim)?",
        description="The person could leave at will and at no cost: true undoes house arrest outside closed "
        "premises (Deliberation No. 1) and immigration custody; false when leaving meant giving up an asylum "
        "claim (a transit zone, say).",
    )
    ill_treatment: Fact[StrictBool] | None = fact(
        "Was the person tortured or ill-treated during this period?",
        description="Torture or cruel, inhuman or degrading treatment during this period.",
    )
    ill_treatment_investigated: Fact[StrictBool] | None = fact(
        "Were the allegations of torture or ill-treatment promptly and impartially investigated?",
        after=("ill_treatment", True),
        description="The allegations of ill-treatment were promptly and impartially investigated.",
    )
    solitary_confinement: Fact[StrictBool] | None = fact("Was the person held in solitary confinement?")
    solitary_days: Fact[Annotated[StrictInt, Field(ge=0)]] | None = fact(
        "For how many days was the person held in solitary confinement?", after=("solitary_confinement", True)
    )
    medical_care_denied: Fact[StrictBool] | None = fact("Was the person denied medical care?")
    family_notified: Fact[StrictBool] | None = fact(
        "Was the family told of the arrest and of where the person was held?",
        description="The family was told of the arrest and where the person was held.",
    )
    family_visits_refused: Fact[StrictBool] | None = fact("Were family visits refused?")
    consular_access_refused: Fact[StrictBool] | None = fact(  # asked as DERIVED declares it
        description="A foreign national was refused consular access (Vienna Convention art 36).",
    )
    impairment_basis: Fact[StrictBool] | None = fact(
        "Was this custody ordered or kept up because of an actual or perceived impairment (a mental-health law, "
        "a finding of disability)?",
        description="The custody was ordered or kept up on the ground of an actual or perceived impairment "
        "(a psychosocial, intellectual or other disability), as under a mental-health law (CRPD art 14(1)(b)).",
    )
    for_debt: Fact[StrictBool] | None = fact(
        "Was the person held only because they did not pay a debt or fulfil a contract (a creditor's claim), not"
        " for an offence?",
        description="Held, or kept in prison, merely because a contractual obligation (a loan, a debt, a contract)"
        " was not met, at a creditor's request or by law (ICCPR 11); not custody for an offence such as fraud, nor"
        " to recover a fine or a sum a criminal court ordered.",
    )
    security_law: Fact[StrictBool] | None = fact(
        "Was this custody imposed under a security, emergency, counter-terrorism or public-order law that "
        "allows holding a person without charge or trial?",
        description="The custody was imposed under a security, emergency, counter-terrorism or public-order "
        "law that allows holding a person without charge or trial (administrative or preventive detention).",
    )
    consular_access: Fact[Literal["granted", "restricted", "refused"]] | None = fact(
        "Was a foreign national's access to the consulate granted, restricted (late, rare, supervised) or refused?",
        words={"restricted": "restricted (allowed only with limits)"},
        description="A foreign national's consular access: granted; restricted (allowed, but late, rare, "
        "supervised or cut short); refused. Derives consular_access_refused when that is not stated.",
    )


class Conduct(_Model):
    """Something the person did that the detention responded to."""

    narrative: Text | None = _narrative(
        "this conduct", "In your own words, what did the person do that the detention responded to?"
    )
    right: Fact[Right] | None = fact(
        "Which right was the person exercising (expression, assembly, association, religion, defending human "
        "rights, a lawyer's work, cooperation with the UN...)?",
        words={
            "human_rights_defence": "the person's work defending human rights",
            "legal_profession": "the person's work as a lawyer",
            "cooperation_with_un": "the person's cooperation with the United Nations",
        },
    )
    description: Text | None = None
    medium: Fact[Text] | None = None
    date: Fact[PartialDate] | None = fact("On what date did this conduct take place?")
    political: Fact[StrictBool] | None = fact(
        "Did this conduct criticise officials, the government or its policies, or take part in party, electoral or "
        "other political activity?",
        description="Criticism of the authorities or political activity.",
    )
    peaceful: Fact[StrictBool] | None = fact(
        "Was the person's own conduct peaceful (violence by others does not count)?"
    )
    incited_violence: Fact[StrictBool] | None = fact("Did this conduct incite violence?")
    others_violence_only: Fact[StrictBool] | None = fact(
        "Was the violence held against the person committed by others at the assembly, the finding naming no act "
        "or words of the person's own that committed, prepared or called for it (only the role of organiser or "
        "leader)?",
        description="The violence the incitement finding or allegation rests on was committed by others at the "
        "assembly, and it names no act or words of the person's own that committed, prepared or called for "
        "violence: only the person's role in organising, leading or attending the assembly (General Comment "
        "No. 37 paras 17, 65).",
    )
    advocated_hatred: Fact[StrictBool] | None = fact(
        "Did this conduct advocate hatred that incites discrimination, hostility or violence?",
        description="Advocacy of hatred that incites discrimination, hostility or violence (ICCPR 20).",
    )
    restriction_justified: Fact[StrictBool] | None = fact(
        "Did a court or the Working Group find the restriction permissible (give the reference)?",
        description="Override: a court or the Working Group found the restriction permissible (ICCPR 19(3), 21, "
        "22(2), 18(3), 12(3)). Counts only with a `ref` to that finding; state the restriction's elements instead.",
    )
    restriction_aim: Fact[Aim] | None = fact(
        "Which aim did the Government invoke for the restriction (national security, public order, public "
        "safety, public health or morals, rights of others, another, none)?",
        description="The aim the Government invoked for restricting the conduct (other: an aim no article "
        "lists, such as the image of the State or of its leaders; none: no aim invoked).",
    )
    restriction_law_precise: Fact[StrictBool] | None = fact(
        "Was the law applied precise enough for the person to foresee that the conduct was an offence?",
        description="The law applied was precise enough for the person to foresee that the conduct was an "
        "offence (legality).",
    )
    restriction_threat_shown: Fact[StrictBool] | None = fact(
        "Did the Government show, for this person, a direct link between the conduct and a threat to that aim?",
        description="The Government showed, specifically for this person, a direct link between the conduct "
        "and a threat to that aim (necessity).",
    )
    restriction_least_restrictive: Fact[StrictBool] | None = fact(
        "Did the Government show that nothing less than detention would have served that aim?",
        description="The Government showed that nothing less than detention would have served the aim "
        "(proportionality).",
    )
    unnotified_only: Fact[StrictBool] | None = fact(
        "Was the only ground for the arrest that the assembly had not been notified or authorised?",
        description="The only ground given for arresting a participant was that the assembly had not been "
        "notified or authorised.",
    )
    cited_by_authorities: Fact[StrictBool] | None = fact(
        "Did the charge, the warrant, the interrogation, the judgment, the prosecutor or the Government's reply "
        "name this conduct, even under another name (the referendum called a rebellion, the party's work a "
        "conspiracy, questions about the posts)?",
        description="The charge, the warrant, the interrogation, the judgment, the prosecutor's account or the "
        "Government's reply named this conduct, even under another name.",
    )
    led_to_detention: Fact[StrictBool] | None = Field(
        None,
        description="Override, with a ref: the arrest or detention followed from this conduct. Derived true from "
        "cited_by_authorities, from a charge whose stated acts are the conduct listed (the conduct not after the "
        "arrest), from a charge of an offence that punishes conduct of this right as such (arrest.offence_penalises), "
        "or from the conduct's date shortly before the arrest with no other ground shown.",
    )


class Emergency(_Model):
    narrative: Text | None = _narrative(
        "the state of emergency", "In your own words, what was the state of emergency and how was it used?"
    )
    declared: Fact[StrictBool] | None = fact("Had a state of emergency been declared?")
    invoked: Fact[StrictBool] | None = fact(
        "Was a state of emergency invoked to justify the detention?",
        after=("declared", True),
        description="The emergency was invoked to justify the detention.",
    )
    pretext: Fact[StrictBool] | None = fact(
        "Was the emergency a pretext (for example, the detention went on after it was lifted)?",
        after=("invoked", True),
        description="Shown to be a pretext, e.g. detention went on after it was lifted.",
    )
    start: Fact[PartialDate] | None = None
    end: Fact[PartialDate] | None = None


Access = Literal["full", "restricted", "denied"]
#: What was done to defence counsel over the defence (Basic Principles on the Role of Lawyers 16, 18):
#: `threatened` (warned or intimidated), `summoned` (called in or questioned over the case), `disbarred`
#: (licence withdrawn, suspended or not renewed), `prosecuted` (investigated, charged or detained),
#: `made_to_withdraw` (dropped the case under pressure). docs/case-format.md, `trial.counsel`.
CounselPressure = Literal["threatened", "summoned", "disbarred", "prosecuted", "made_to_withdraw"]
#: Who acted against counsel: `executive` is a ministry or other organ of government; `private` persons
#: the State did not direct.
PressureBy = Literal["police", "security_service", "prosecutor", "court", "executive", "bar_association", "private"]


class Counsel(_Model):
    access_pretrial: Fact[Access] | None = fact(
        "Before trial, was access to counsel full, restricted or denied (no lawyer during the investigation, one "
        "allowed only just before the trial: denied)?",
        description="Access to counsel before trial, interrogation included: denied when no lawyer was allowed "
        "during the custody and the investigation, even if one was let in just before the trial.",
    )
    access_trial: Fact[Access] | None = fact("At trial, was access to counsel full, restricted or denied?")
    confidential: Fact[StrictBool] | None = fact("Could the accused consult counsel in confidence?")
    of_choice: Fact[StrictBool] | None = fact(
        "Could the accused have counsel of their own choosing?",
        description="False when counsel of the person's choosing was refused, a lawyer the family or the person "
        "chose among them, or a lawyer the State appointed was imposed instead.",
    )
    pressured: Fact[list[CounselPressure]] | None = fact(
        "Was the accused's lawyer threatened, summoned, disbarred, prosecuted or made to withdraw over the "
        "defence (none: an empty list)?",
        words={"made_to_withdraw": "made to withdraw"},
        description="What was done to defence counsel over the defence of this case (Basic Principles on the Role "
        "of Lawyers 16).",
    )
    pressured_by: Fact[list[PressureBy]] | None = fact(
        "Who acted against the accused's lawyer (police, security service, prosecutor, court, ministry, bar "
        "association, private persons)?",
        words={"security_service": "security service", "bar_association": "bar association"},
        description="Who did what `pressured` states.",
    )


class Confession(_Model):
    coerced: Fact[StrictBool] | None = fact(
        "Was a confession obtained by torture, ill-treatment or duress (at an interrogation or later, whether or "
        "not it was used at trial)?",
        description="Obtained by torture, ill-treatment or duress.",
    )
    used_in_evidence: Fact[StrictBool] | None = fact(
        "Was the confession used in evidence against the accused?",
        after=("coerced", True),
        description="Used in evidence against the accused.",
    )
    televised: Fact[StrictBool] | None = fact(
        "Was a confession broadcast before or during the trial?", description="Broadcast before or during the trial."
    )


Court = Literal[
    "ordinary", "military", "special", "state_security", "counter_terrorism", "revolutionary", "administrative"
]


class Trial(_Model):
    narrative: Text | None = _narrative("the trial", "In your own words, how did the trial go?")
    held: Fact[StrictBool] | None = fact("Has the person been tried (has a trial taken place)?")
    start: Fact[PartialDate] | None = fact("On what date did the trial start?")
    end: Fact[PartialDate] | None = fact("On what date did the trial end?")
    court: Fact[Court] | None = fact(
        "Which court tried the case (ordinary, military, special, state security, counter-terrorism, revolutionary)?"
    )
    court_name: Fact[Text] | None = fact(
        "What is the name of the court that tried the case (and its town)?",
        description='The court by its name, as it follows "heard by" ("the Medeu District Court No. 2 of Almaty").',
    )
    accused_civilian: Fact[StrictBool] | None = fact(
        "Is the accused a civilian (not a member of the armed forces)?",
        description="The accused is a civilian (a military court may try only military personnel).",
    )
    in_absentia: Fact[StrictBool] | None = fact("Was the person tried in their absence?")
    attendance_waived: Fact[StrictBool] | None = fact(
        "Was the accused informed of the trial in time, and did they choose not to attend?",
        description="Informed of the trial in time, the accused chose not to attend (ICCPR 14(3)(d) is then met).",
    )
    judges_removable: Fact[StrictBool] | None = fact(
        "Could the executive remove the judges who tried the case, or instruct them how to decide?",
        description="The executive could remove the judges or direct their decisions (General Comment No. 32 "
        "para 19): trial.independent is then derived false.",
    )
    judges_anonymous: Fact[StrictBool] | None = fact(
        "Did the judges sit anonymously ('faceless' judges)?",
        description="The judges' identity was withheld from the accused (General Comment No. 32 para 23): "
        "trial.independent is then derived false.",
    )
    independent: Fact[StrictBool] | None = fact(  # asked as DERIVED declares it
        description="Override, with a ref: the court was independent. Derived false from judges_removable or "
        "judges_anonymous when not stated; a military court trying a civilian, a state security or a "
        "revolutionary court is read from trial.court.",
    )
    judge_acted_before: Fact[StrictBool] | None = fact(
        "Had a judge who tried the case investigated it, prosecuted it, or already ruled on the accused's guilt?",
        description="A judge of the trial had investigated or prosecuted the case, or had already ruled on the "
        "accused's guilt (General Comment No. 32 para 21): trial.impartial is then derived false.",
    )
    impartial: Fact[StrictBool] | None = fact(  # asked as DERIVED declares it
        description="Override, with a ref: the court was impartial. Derived false from judge_acted_before when "
        "not stated.",
    )
    public: Fact[StrictBool] | None = fact("Was the trial held in public?")
    remote: Fact[StrictBool] | None = fact("Was the trial held remotely (video link)?")
    remote_failures: Fact[StrictBool] | None = fact(
        "At the remote hearing, could the accused not hear or not be heard?",
        after=("remote", True),
        description="The accused could not hear or be heard at a remote hearing.",
    )
    failures_remedied: Fact[StrictBool] | None = fact(
        "Did the judge act on those failures (suspend, fix them)?",
        after=("remote_failures", True),
        description="The judge acted on those failures (suspended, fixed them).",
    )
    counsel: Counsel | None = None
    informed_of_charges: Fact[StrictBool] | None = fact(
        "Was the person told of the charges, with the acts they rest on (what, when, where), at the arrest or within "
        "days of it?",
        description="Informed promptly and in detail of the charges (ICCPR 14(3)(a)).",
    )
    adequate_time: Fact[StrictBool] | None = fact(
        "Did the defence get the case file, and time to meet the accused in private, well before the hearing (not days "
        "or hours before it)?",
        description="Adequate time and facilities to prepare the defence (ICCPR 14(3)(b)).",
    )
    evidence_withheld: Fact[StrictBool] | None = fact(
        "Was evidence withheld from the defence?",
        description="Evidence was withheld from the defence (ICCPR 14(3)(b)).",
    )
    defence_witnesses_refused: Fact[StrictBool] | None = fact("Were defence witnesses refused?")
    cross_examination_cut: Fact[StrictBool] | None = fact(
        "Was cross-examination of prosecution witnesses cut short or refused?"
    )
    confession: Confession | None = None
    guilt_declared: Fact[StrictBool] | None = fact(
        "Before the judgment, did officials publicly state that the accused was guilty?",
        description="Officials (ministers, the police, the prosecutor, State media) publicly affirmed the "
        "accused's guilt before judgment (General Comment No. 32 para 30): trial.presumption_of_innocence is "
        "then derived false.",
    )
    shown_as_criminal: Fact[StrictBool] | None = fact(
        "At the hearings, was the accused kept in a cage or in shackles, or made to wear prison clothes?",
        description="Presented at trial in a cage, in shackles or in prison clothes (General Comment No. 32 "
        "para 30): trial.presumption_of_innocence is then derived false.",
    )
    presumption_of_innocence: Fact[StrictBool] | None = fact(  # asked as DERIVED declares it
        description="Override, with a ref: false when the presumption of innocence was ignored. Derived false "
        "from guilt_declared or shown_as_criminal when not stated; a televised confession is read from "
        "trial.confession.",
    )
    undue_delay: Fact[StrictBool] | None = fact(
        "When did custody start, and when did the trial start (or is the person still untried)?",
        instead=("detention[0].start", "detention[0].end", "trial.start"),
        description="Override, with a ref: not tried without undue delay (ICCPR 14(3)(c)). The engine also reads "
        "the time held untried from the detention periods and trial.start.",
    )
    interpreter_denied: Fact[StrictBool] | None = fact("Was an interpreter denied to an accused who needed one?")
    appeal: Fact[Literal["not_available", "denied", "dismissed", "pending", "granted", "not_sought"]] | None = fact(
        "Was an appeal available, and what became of it?"
    )
    tried_again_same_acts: Fact[StrictBool] | None = fact(
        "Had a court of this State already convicted or acquitted the person, by a final judgment, of an offence"
        " resting on the same acts as this trial's?",
        after=("held", True),
        description="Tried or punished again for an offence resting on acts of which a court of the same State had"
        " already finally convicted or acquitted the person (ICCPR 14(7); General Comment No. 32 para 54). Not a"
        " retrial a higher court ordered when it quashed the first judgment, nor a trial in another State.",
    )
    others_coerced_statements_used: Fact[StrictBool] | None = fact(
        "Were statements of a co-accused or a witness, obtained by torture, ill-treatment or duress, used in evidence"
        " against the person?",
        after=("held", True),
        description="Statements of a co-accused or a witness obtained by torture, ill-treatment or duress were used in"
        " evidence against the accused (Convention against Torture art 15: any statement; ICCPR 14(1)). The"
        " accused's own confession is trial.confession.",
    )


Ban = Literal["political_activity", "civic_activity", "association", "expression", "travel", "profession", "other"]


class Sentence(_Model):
    narrative: Text | None = _narrative("the sentence", "In your own words, what was the sentence?")
    date: Fact[PartialDate] | None = None
    kind: Fact[Literal["imprisonment", "restricted_liberty", "fine", "death", "suspended", "other"]] | None = None
    years: Fact[StrictFloat | StrictInt] | None = None
    bans: Fact[list[Ban]] | None = fact(
        "Does the sentence ban activities (political, civic, association, expression, travel...)?"
    )


class Pattern(_Model):
    earlier_arrests: Fact[StrictBool] | None = fact("Was the person arrested before for similar reasons?")
    harassment: Fact[StrictBool] | None = fact(
        "Before this detention, was the person threatened, watched, summoned, searched or otherwise harassed by "
        "the authorities (a parliamentary inquiry into the person, other proceedings, threats that made the "
        "person leave the country)?",
        description="Earlier harassment: threats, surveillance, summonses, searches, a parliamentary inquiry, "
        "other proceedings against the person.",
    )
    group_targeted: Fact[StrictBool] | None = fact(
        "Were others of the same group targeted too?", description="Others of the same group were targeted."
    )
    group: Fact[list[TargetedGroup]] | None = fact(
        "What did the others targeted share with the person: the same religion, ethnic group, nationality, "
        "language, party or political movement; or were they other defenders, journalists or lawyers?",
        words={
            "religion": "the same religion or belief",
            "ethnic_group": "the same ethnic group",
            "nationality": "the same nationality",
            "language": "the same language",
            "political": "the same party or political movement",
            "defenders": "the work of a defender, journalist or lawyer",
            "sexual_orientation": "the same sexual orientation or gender identity",
            "gender": "the same gender",
            "disability": "a disability",
            "other": "another distinguishing characteristic",
        },
        after=("group_targeted", True),
        description="What the others targeted shared with the person (group_targeted): the targeting ties a "
        "protected ground to the detention only where the group shares it (discrimination.pattern."
        "group_shares_ground).",
    )


class Discrimination(_Model):
    narrative: Text | None = _narrative("the discrimination", "In your own words, how was the person singled out?")
    grounds: Fact[list[Ground]] | None = fact(
        "On which protected grounds does the source allege discrimination (political opinion, religion, ethnic "
        "origin...)?",
        words={"other_status": "other status"},
        description="Protected grounds on which the source alleges discrimination.",
    )
    law_discriminatory: Fact[StrictBool] | None = fact(
        "Does the text of the law applied name or single out a religion, ethnic origin, sex, sexual orientation or "
        "another protected group?",
        description="The law applied discriminates on its face on a protected ground.",
    )
    pattern: Pattern | None = None
    official_statement: Fact[StrictBool] | None = fact(
        "Did an official publicly single out the person, their opinion or their group?",
        description="An official publicly singled out the person, their opinion or their group "
        "(a hostile or stigmatising statement).",
    )


class DomesticRemedy(_Model):
    """A step taken at home against the detention (questionnaire: domestic remedies), which the
    Working Group asks about though it requires none to be exhausted."""

    kind: Fact[Literal["appeal", "habeas_corpus", "complaint", "petition", "other"]] | None = fact(
        "What step was taken (an appeal, habeas corpus, a complaint, a petition)?",
        words={"habeas_corpus": "an application for habeas corpus", "appeal": "an appeal"},
    )
    date: Fact[PartialDate] | None = fact("On what date was it taken?")
    body: Fact[Text] | None = fact("Before which court or authority (its name and town)?")
    result: Fact[Text] | None = fact("What came of it (dismissed on what date, no answer, pending)?")


class Detainee(_Model):
    """One of several detainees: the sections in which this person's facts differ from the shared ones."""

    person: Person | None = None
    arrest: Arrest | None = None
    detention: list[Period] | None = None
    conduct: list[Conduct] | None = None
    trial: Trial | None = None
    # a sentence follows a trial: none of its questions is asked before a trial is known to have taken place
    sentence: Sentence | None = fact(contents_after=("trial.held", True))
    discrimination: Discrimination | None = None


class Case(_Model):
    """One detention case, as a petition drafter or an opinion states it."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
        allow_inf_nan=False,
        json_schema_extra={"title": "WGAD detention case"},
    )

    title: Text | None = None
    language: Literal["en", "fr", "es"] | None = Field(
        None,
        description="The language the file's free text is written in (occupation, places, charges, conduct, "
        "court names, narratives): en, fr or es; left out, English. A draft in another language sets that "
        "text apart for the drafter to translate, never passes it off as its own.",
    )
    translations: dict[str, dict[str, str]] | None = Field(
        None,
        description="The file's free text in another language, by language (en, fr or es) and the text as the "
        "file writes it: a draft in that language tells the translation instead of setting the text apart.",
    )
    source: Source | None = None
    expected: Expected | None = None
    submission: Submission | None = None
    person: Person | None = None
    state: State | None = None
    government: Government | None = None
    arrest: Arrest | None = None
    detention: list[Period] | None = fact(
        "Was the person deprived of liberty? List each period (police custody, pre-trial, prison...)."
    )
    conduct: list[Conduct] | None = fact(
        "What did the person do that the detention responded to (expression, assembly, religion...)?"
    )
    emergency: Emergency | None = None
    trial: Trial | None = fact(contents_after=("held", True))
    # a sentence follows a trial: none of its questions is asked before a trial is known to have taken place
    sentence: Sentence | None = fact(contents_after=("trial.held", True))
    discrimination: Discrimination | None = None
    domestic_remedies: list[DomesticRemedy] | None = fact(
        "What steps were taken at home against the detention (appeals, habeas corpus, complaints)? List each.",
        description="The steps taken at home against the detention: appeals, habeas corpus, complaints.",
    )
    detainees: list[Detainee] | None = Field(
        None,
        # each person is reasoned on alone (seconds a hundred of them): past this, split the file
        max_length=MAX_DETAINEES,
        description="Several detainees whose facts differ: each entry gives that person's own sections; "
        "the rest of the file is shared.",
    )
    notes: Text | None = None


#: A derived fact's declaration: its runtime form (`fields.DerivedFact`), so the two cannot drift.
#: `kind`: its type for the rules ("" when the model declares the field, an override the file may
#: state). `sources`: the facts it is computed from; `instead`: those the interview and `wgad gaps`
#: ask in its place. `vary`: the field `wgad exercise` changes to vary it, with `vary_days`, days
#: after the arrest tried for a date. `parameter`: the rules folder's parameter its computation reads.
Derived = DerivedFact


#: Every fact reasoning/facts.py derives (tests check both ways); the rules read them in this order.
DERIVED: tuple[Derived, ...] = (
    Derived(
        "detention[].days",
        "number",
        "How long did this period last (its start and end dates, or its length in days, months or years)?",
        (
            "detention[].start",
            "detention[].end",
            "detention[].months",
            "detention[].years",
            "detention[].length_at_least",
            "detention[].length_at_most",
            "detention[].length_unit",
            "person.release_date",
        ),
        instead=("start", "end"),
        vary="detention[].days",  # a length the file states overrides the dates
    ),
    Derived(
        "arrest.judge_within_48h",
        "bool",
        "On what date (and time) was the person first brought before a judge, and when exactly was the arrest?",
        (
            "arrest.date",
            "arrest.time",
            "detention[].judge_date",
            "detention[].judge_time",
            "detention[].judge_after_days",
        ),
        instead=("arrest.date", "arrest.time", "detention[0].judge_date", "detention[0].judge_time"),
        vary="detention[].judge_date",
        vary_days=(0, 4),  # the same day, and well past 48 hours
        parameter="prompt_hours",
    ),
    Derived(
        "detention[].necessity_shown",
        "",
        "Did custody follow automatically, did the order give no reasons about this person, or was it extended "
        "by a prosecutor or 'exceptionally'?",
        (
            "detention[].individual_assessment",
            "detention[].individual_reasons",
            "detention[].extended_by",
            "detention[].extended_exceptionally",
        ),
        instead=("individual_assessment", "individual_reasons", "extended_by", "extended_exceptionally"),
        vary="detention[].necessity_shown",
    ),
    Derived(
        "arrest.days_uncharged",
        "number",
        "On what date was the person charged, and on what date arrested"
        " (a month or a year will do if the day is not known)?",
        ("arrest.charge_date", "arrest.date", "arrest.charged_after_days"),
        instead=("arrest.date", "arrest.charge_date"),
        vary="arrest.charge_date",
    ),
    Derived(
        "arrest.brought_before_judge",
        "bool",
        "Was the person ever brought before a judge after the arrest (and in which period)?",
        ("detention[].brought_before_judge", "detention[].judge_date"),
        instead=("detention[0].brought_before_judge",),
        vary="detention[].brought_before_judge",
    ),
    Derived(
        "arrest.released_within_48h",
        "bool",
        "On what date (and time) was the person arrested, and on what date was the person released?",
        ("arrest.date", "arrest.time", "detention[].end", "person.release_date"),
        instead=("arrest.date", "arrest.time", "detention[0].end"),
        parameter="prompt_hours",
    ),
    Derived(
        "person.age",
        "",
        "How old was the person when detained?",
        ("person.birth_date", "arrest.date", "detention[].start"),
        vary="person.age",
    ),
    Derived(
        "arrest.days_untried",
        "number",
        "When did each period of police custody and pre-trial detention start and end, and when did the trial "
        "start (if it has)?",
        ("detention[].kind", "detention[].start", "detention[].days", "trial.start"),
        instead=("detention[0].start", "detention[0].end", "trial.start"),
    ),
    Derived(
        "detention[].judge_decided_within_48h",
        "bool",
        "Did a judge decide on this custody (order or confirm it), and on what date, counted from the start of "
        "the custody?",
        ("detention[].judge_decided", "detention[].judge_date", "detention[].start", "arrest.date"),
        instead=("judge_decided", "judge_date", "start"),
        parameter="prompt_hours",
    ),
    Derived(
        "detention[].before_trial",
        "bool",
        "When did this custody start, and when was the person charged? When did the trial start (or, if not "
        "known, the first prison term or the sentence)? Has the person been tried?",
        ("detention[].start", "arrest.charge_date", "trial.start", "detention[].kind", "sentence.date", "trial.held"),
        instead=("start", "trial.start"),
    ),
    Derived(
        "detention[].within_48h",
        "bool",
        "On what dates did this period start and end (did it last 48 hours or less)?",
        ("detention[].days", "detention[].start", "detention[].end"),
        instead=("start", "end"),
        parameter="prompt_hours",
    ),
    Derived(
        "conduct[].led_to_detention",
        "",
        "Did the charge, the warrant, the interrogation, the prosecutor or the Government's reply name this conduct, "
        "even under another name? If not: was the person charged, did the charge state any act, does the offence "
        "itself punish this kind of conduct, on what date did the conduct take place, and did the authorities name "
        "any act of the person other than the conduct listed?",
        (
            "conduct[].cited_by_authorities",
            "conduct[].incited_violence",
            "conduct[].peaceful",
            "arrest.charged",
            "arrest.charge_facts_stated",
            "arrest.offence_penalises",
            "conduct[].date",
            "arrest.date",
            "arrest.other_grounds_stated",
            "government.replied",
            "discrimination.pattern.earlier_arrests",
            "discrimination.pattern.harassment",
        ),
        instead=(
            "cited_by_authorities",
            "arrest.charged",
            "arrest.charge_facts_stated",
            "arrest.offence_penalises",
            "date",
            "arrest.date",
            "arrest.other_grounds_stated",
        ),
        vary="conduct[].led_to_detention",
        parameter="conduct_arrest_days",
    ),
    Derived(
        "arrest.law_vague",
        "",
        "Does the law the charge cites say what conduct the offence covers, or does it only name it?",
        ("arrest.offence_defined",),
        instead=("offence_defined",),
        vary="arrest.law_vague",
    ),
    Derived(
        "arrest.law_retroactive",
        "",
        "On what date did the provision applied, or the heavier penalty imposed, come into force, and on what date "
        "was each act the charge rests on committed?",
        ("arrest.law_in_force_date", "arrest.last_act_date", "conduct[].date", "conduct[].led_to_detention"),
        instead=("law_in_force_date", "last_act_date"),
        vary="arrest.law_retroactive",
    ),
    Derived(
        "trial.independent",
        "",
        "Could the executive remove the judges or instruct them, or did they sit anonymously?",
        ("trial.judges_removable", "trial.judges_anonymous"),
        instead=("judges_removable", "judges_anonymous"),
        vary="trial.independent",
    ),
    Derived(
        "trial.impartial",
        "",
        "Had a judge who tried the case investigated it, prosecuted it, or already ruled on the accused's guilt?",
        ("trial.judge_acted_before",),
        instead=("judge_acted_before",),
        vary="trial.impartial",
    ),
    Derived(
        "trial.presumption_of_innocence",
        "",
        "Did officials state the accused's guilt before judgment, or was the accused caged, shackled or in "
        "prison clothes at trial?",
        ("trial.guilt_declared", "trial.shown_as_criminal"),
        instead=("guilt_declared", "shown_as_criminal"),
        vary="trial.presumption_of_innocence",
    ),
    Derived(
        "detention[].deprived",
        "bool",
        "Was the person held in this period, whatever the regime?",
        ("detention[].kind",),
        instead=("kind",),  # asked as the period's kind: `kind: unknown` is how a file says it
    ),
    Derived(
        "person.status",
        "",
        "Which status does the person have (defender, journalist, opposition, minority, migrant, asylum seeker, "
        "refugee...)?",
        ("conduct[].right",),
        vary="person.status",  # asked itself: the work gives only a defender's or lawyer's status
    ),
    Derived(
        "discrimination.pattern.group_shares_ground",
        "bool",
        "What did the others targeted share with the person (the same religion, ethnic group, nationality, "
        "party or political movement; other defenders, journalists or lawyers)?",
        (
            "discrimination.pattern.group_targeted",
            "discrimination.pattern.group",
            "person.status",
            "discrimination.grounds",
        ),
        instead=("discrimination.pattern.group_targeted", "discrimination.pattern.group"),
    ),
    Derived(
        "detention[].consular_access_refused",
        "",
        "Was a foreign national's access to the consulate granted, restricted (late, rare, supervised) or refused?",
        ("detention[].consular_access",),
        instead=("consular_access",),
        vary="detention[].consular_access_refused",
    ),
)


# --- what the runtime reads: generated from the classes above -----------------------------


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a case file, for editors and `wgad schema`."""
    schema = _without_ask(Case.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _without_ask(node: Any) -> Any:
    """The JSON Schema as editors read it: the questionnaire (`ask`) stays in the field table."""
    if isinstance(node, dict):
        return {key: _without_ask(value) for key, value in node.items() if key != ASK_KEY}
    if isinstance(node, list):
        return [_without_ask(item) for item in node]
    return node


def _unwrap(annotation: Any) -> Any:
    """Strip Optional, Annotated and the Fact wrapper down to the inner type."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0]  # a Fact's plain branch comes first
        else:
            return annotation


def _is_fact(annotation: Any) -> bool:
    """Whether the field takes the provenance form (`{value: ..., by: ...}`) too."""
    return "Asserted[" in repr(annotation)


def _field(name: str, info: Any, models: dict[str, type[BaseModel]], model: str = "") -> dict[str, Any]:
    """One field of the table: its kind, its choices or model, whether it is a fact, its description."""
    inner = _unwrap(info.annotation)
    entry: dict[str, Any] = {"name": name}
    if get_origin(inner) is list:
        item = _unwrap(get_args(inner)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            entry.update(kind="items", model=item.__name__)
            models[item.__name__] = item
        else:
            entry.update(kind="list", choices=list(get_args(item)) if get_origin(item) is Literal else [])
    elif get_origin(inner) is Literal:
        entry.update(kind="enum", choices=list(get_args(inner)))
    elif isinstance(inner, type) and issubclass(inner, BaseModel):
        entry.update(kind="model", model=inner.__name__)
        models[inner.__name__] = inner
    else:
        entry["kind"] = "bool" if inner is bool else "number" if inner in (int, float) else "text"
    entry["fact"] = _is_fact(info.annotation)
    form = _form(info.annotation)
    if form:
        entry["form"] = form
    entry["description"] = info.description or ""
    if name in EXCEPTIONS.get(model, {}):
        entry["exception"] = list(EXCEPTIONS[model][name])
    if name in CONCLUSIONS.get(model, set()):
        entry["needs_ref"] = True
    extra = info.json_schema_extra
    if isinstance(extra, dict) and ASK_KEY in extra:
        entry.update(extra[ASK_KEY])
    return entry


def _form(annotation: Any) -> str:
    """ "date" or "time" for text read as one (PartialDate, ClockTime), else ""."""
    for arg in get_args(annotation):
        if isinstance(arg, BeforeValidator):
            return {partial_date: "date", clock_time: "time"}.get(arg.func, "")  # type: ignore[call-overload]
        found = _form(arg)
        if found:
            return found
    return ""


def field_table(models: dict[str, type[BaseModel]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every model's fields, in the file's order, by model name (`Asserted` for the provenance form);
    `models`, if given, receives the class of each model the table names."""
    table: dict[str, list[dict[str, Any]]] = {}
    models = {} if models is None else models

    def visit(model: type[BaseModel], name: str) -> None:
        if name in table:
            return
        table[name] = [_field(field, info, models, name) for field, info in model.model_fields.items()]
        for entry in table[name]:
            if "model" in entry:
                visit(models[entry["model"]], entry["model"])

    visit(Case, "Case")
    visit(Asserted[Any], "Asserted")
    return table


def _refs(schema: dict[str, Any]) -> dict[str, str]:
    """Each definition's name without the module and memory addresses pydantic puts in it.

    Two refs that differ only by an address (PartialDate and ClockTime are both an annotated
    str) are numbered in the order pydantic lists them.
    """
    names: dict[str, str] = {}

    def visit(node: Any) -> None:
        if isinstance(node, list | tuple):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            ref = node.get("ref")
            if isinstance(ref, str) and ref not in names:
                base = re.sub(r"^[\w.]*\.", "", re.sub(r":[0-9]+", "", ref))
                taken = sum(1 for name in names.values() if name.split("#")[0] == base)
                names[ref] = f"{base}#{taken}" if taken else base
            for value in node.values():
                visit(value)

    visit(schema)
    return names


#: The functions the core schema calls, by the name the runtime knows them by.
_FUNCTION_NAMES = {function: name for name, function in FUNCTIONS.items()}


def _portable(node: Any, refs: dict[str, str]) -> Any:
    """The core schema as JSON: classes and functions by name, pydantic's own metadata left out."""
    if isinstance(node, list | tuple):
        return [_portable(item, refs) for item in node]
    if isinstance(node, functools.partial) and node.func is greater_than_or_equal_validator:
        return {"$function": "greater_than_or_equal", **node.keywords}
    if (callable(node) and not isinstance(node, type | dict)) or node is list:
        if node not in _FUNCTION_NAMES:
            raise SystemExit(f"the case model calls {node!r}, which the runtime does not know (case.FUNCTIONS)")
        return {"$function": _FUNCTION_NAMES[node]}
    if isinstance(node, type):
        return {"$class": "Asserted" if issubclass(node, Asserted) else node.__name__}
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ("metadata", "serialization", "generic_origin"):
            continue
        out[key] = refs[value] if key in ("ref", "schema_ref") and isinstance(value, str) else _portable(value, refs)
    return out


#: How long a repeated model must be (as JSON) to be written once.
_SHARED_OVER = 1000


def _shared(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with each large model that it holds more than once written once, as a definition.

    The sections of a case (person, arrest, detention...) are repeated whole in a
    detainee's part of the file: written once, the file read at every start is a quarter
    shorter and the validator quicker to build. Only models are shared, under the name
    pydantic gave them: each carries its own config, where an inner schema takes its
    settings (extra keys forbidden, text stripped) from the model around it. Small repeats
    stay inline, where a reference would cost each validated case a lookup.
    """
    found: dict[str, list[str]] = {}  # each model's ref -> its text (as JSON) wherever it occurs

    def count(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                count(item)
        elif isinstance(node, dict):
            if node.get("type") == "model" and isinstance(node.get("ref"), str):
                found.setdefault(node["ref"], []).append(json.dumps(node, sort_keys=True))
            for value in node.values():
                count(value)

    lifted: dict[str, Any] = {}

    def rewrite(node: Any) -> Any:
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("ref") if node.get("type") == "model" else None
        if ref in shared:
            if ref not in lifted:
                lifted[ref] = None  # claimed first: the definitions keep the order they are met in
                lifted[ref] = {key: rewrite(value) for key, value in node.items()}
            return {"type": "definition-ref", "schema_ref": ref}
        return {key: rewrite(value) for key, value in node.items()}

    count(schema)
    # written more than once, the same each time, and long
    shared = {
        ref for ref, texts in found.items() if len(texts) > 1 and len(set(texts)) == 1 and len(texts[0]) > _SHARED_OVER
    }
    if schema.get("type") != "definitions":
        schema = {"type": "definitions", "schema": schema, "definitions": []}
    body = rewrite(schema["schema"])
    definitions = [rewrite(d) for d in schema["definitions"]]
    return {"type": "definitions", "schema": body, "definitions": definitions + list(lifted.values())}


def _links(node: Any, path: tuple[str | int, ...] = ()) -> list[list[str | int]]:
    """The place of every class and function the core schema names (`$class`, `$function`), as steps from
    its top: the runtime puts them back there alone, instead of looking at each of its 3,000 mappings."""
    if isinstance(node, dict):
        if "$class" in node or "$function" in node:
            return [list(path)]
        return [link for key, value in node.items() for link in _links(value, (*path, key))]
    if isinstance(node, list):
        return [link for i, value in enumerate(node) for link in _links(value, (*path, i))]
    return []


def generate() -> dict[str, Any]:
    """What `case_model.json` holds."""
    core = Case.__pydantic_core_schema__
    schema = _shared(_portable(core, _refs(core)))
    return {
        "generated_by": f"pydantic {pydantic.VERSION}: python -m tools.case_model",
        "core_schema": schema,
        "links": _links(schema),
        "fields": field_table(),
        "derived": [msgspec.to_builtins(d) for d in DERIVED],
    }


#: The sections with their fields' types, for mypy only (input/case.py imports them when type checking).
TYPES_FILE = MODEL_FILE.with_name("case_types.py")

_TYPES_HEADER = """\
\"\"\"The case model's sections with their fields' types, for mypy: `case.arest` is an error.

Generated by `python -m tools.case_model` from tools/case_model.py: do not edit. Imported
only when type checking (input/case.py); at run time the sections are input/case.py's plain
classes, filled by the generated validator. A fact is its value, or `Asserted` when written with
its provenance; None is unknown.
\"\"\"

from __future__ import annotations

from typing import Any, Literal

from detention_rules.input.section import Section
"""


def _python_type(entry: dict[str, Any], info: FieldInfo) -> str:
    """A field's type as Python writes it: `bool | Asserted | None` for a fact that may be unknown."""
    choices = ", ".join(repr(c) for c in entry.get("choices", ()))
    kind = entry["kind"]
    if kind in ("model", "items"):
        base = entry["model"] if kind == "model" else f"list[{entry['model']}]"
    elif kind in ("enum", "list") and choices:
        base = f"Literal[{choices}]" if kind == "enum" else f"list[Literal[{choices}]]"
    else:
        base = {"bool": "bool", "number": "int | float", "text": "str", "list": "list[str]"}[kind]
    unknown = "" if info.default_factory is not None else " | None"  # a list that defaults to empty is never None
    return f"{base}{' | Asserted' if entry['fact'] else ''}{unknown}"


def typed_sections() -> str:
    """The text of `case_types.py`: each section of the field table as a class with typed attributes."""
    models: dict[str, type[BaseModel]] = {"Case": Case, "Asserted": Asserted[Any]}
    out = [_TYPES_HEADER]
    for name, entries in field_table(models).items():
        out.append(f"\nclass {name}(Section):")
        for entry in entries:
            info = models[name].model_fields[entry["name"]]
            typed = "Any" if name == "Asserted" and entry["name"] == "value" else _python_type(entry, info)
            out.append(f"    {entry['name']}: {typed}")
        out.append("")
    return "\n".join(out)


def rendered() -> dict[Path, str]:
    """The generated files and their text. Compact JSON: the validator's is read at every start."""
    return {
        MODEL_FILE: json.dumps(generate(), separators=(",", ":"), ensure_ascii=False) + "\n",
        SCHEMA_FILE: json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n",
        TYPES_FILE: typed_sections(),
    }


if __name__ == "__main__":
    from tools import case_model  # the classes under their module's name, not __main__'s

    for path, text in case_model.rendered().items():
        path.write_text(text, encoding="utf-8")
        sys.stdout.write(f"wrote {path.name}\n")
