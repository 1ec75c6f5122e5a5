"""The case model as pydantic classes: the one source of truth, read at build time only.

`python -m detention_rules.input.model` writes `case_model.json` beside this file: the
core schema pydantic-core validates with at run time, the JSON Schema (`wgad schema`,
docs/case.schema.json) and the table of fields (`field_types`, `wgad new`, hints and
messages). Nothing imports this module at run time, so pydantic is not a runtime
dependency; tests check that the shipped file is what this module generates.

Shaped on the Working Group's model questionnaire (identity, arrest, detention,
circumstances, trial) plus what the categories turn on. Two principles:

* Absent or ``null`` means *unknown*, never false. No field has a default value
  other than None, so nothing unknown ever reaches the rule engine as a value.
* Every fact may be written plainly (``warrant_shown: false``) or with its
  provenance (``warrant_shown: {value: false, by: [source], ref: "para 11",
  contested: true}``).
"""

from __future__ import annotations

import functools
import json
import re
import sys
import types
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar, Union, get_args, get_origin

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
    "Period": {"free_to_leave": (True,), "judge_decided": (True,)},
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

PeriodKind = Literal[
    "police_custody",
    "pretrial",
    "administrative",
    "immigration",
    "house_arrest",
    "prison",
    "psychiatric",
    "other",
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
    outcome: Literal["arbitrary", "not_arbitrary", "filed"] | None = None
    known_gap: Text | None = Field(
        None, description="Why the engine cannot reach the opinion's view from facts this format can state."
    )


class Submission(_Model):
    """What the source's communication to the Working Group alleged."""

    categories_alleged: Fact[list[Category]] | None = Field(
        None, description="Categories the source alleged in its communication."
    )
    date: Fact[PartialDate] | None = Field(
        None,
        description="Date of the communication or of its latest update: a person still held (person.released: "
        "false) has been held at least until then.",
    )


class Person(_Model):
    name: Text | None = None
    sex: Fact[Literal["male", "female", "other"]] | None = None
    age: Fact[StrictInt] | None = Field(None, description="Age at the time of detention.")
    birth_date: Fact[PartialDate] | None = None
    nationality: Fact[Text] | None = None
    occupation: Fact[Text] | None = None
    residence: Fact[Text] | None = None
    status: Fact[list[Status]] | None = Field(None, description="Status that matters to the categories.")
    released: Fact[StrictBool] | None = Field(
        None, description="Released by the time of the opinion (the Working Group still gives one, MoW para 17 (a))."
    )
    release_date: Fact[PartialDate] | None = None


class State(_Model):
    name: Text | None = None
    iccpr_party: Fact[StrictBool] | None = Field(
        None, description="Party to the ICCPR: its articles apply only then (II.minority and III.no-appeal need it)."
    )


class Government(_Model):
    """The Government's response to the communication."""

    replied: Fact[StrictBool] | None = None
    reply_date: Fact[PartialDate] | None = None
    deadline: Fact[PartialDate] | None = None
    contests: list[Text] | None = Field(
        None, description="Fields whose facts the Government contests, e.g. arrest.warrant_shown."
    )
    note: Text | None = None


class Arrest(_Model):
    date: Fact[PartialDate] | None = None
    time: Fact[ClockTime] | None = None
    place: Fact[Text] | None = None
    authority: Fact[Text] | None = None
    warrant_shown: Fact[StrictBool] | None = Field(
        None, description="A warrant or other decision of a public authority was shown."
    )
    in_flagrante: Fact[StrictBool] | None = Field(None, description="Caught in the act, where no warrant is needed.")
    legal_basis_invoked: Fact[StrictBool] | None = Field(
        None, description="The authorities invoked any legal basis for the arrest at all."
    )
    reasons_given: Fact[Literal["at_arrest", "later", "never"]] | None = None
    reasons_given_date: Fact[PartialDate] | None = None
    charges: Fact[list[Text]] | None = None
    legal_provisions: Fact[list[Text]] | None = None
    charged: Fact[StrictBool] | None = Field(None, description="Formally charged with an offence at any time.")
    charge_date: Fact[PartialDate] | None = None
    law_vague: Fact[StrictBool] | None = Field(
        None, description="The offence invoked is so vague or overbroad that no one could foresee its reach."
    )
    charge_facts_stated: Fact[StrictBool] | None = Field(
        None,
        description="The charge or warrant stated the acts said to make up the offence (what, when, where); "
        "false when it named an offence with no facts in support.",
    )
    other_grounds_stated: Fact[StrictBool] | None = Field(
        None,
        description="The authorities or the Government stated a ground for the arrest other than the person's "
        "conduct listed under conduct (the facts of another offence).",
    )
    law_retroactive: Fact[StrictBool] | None = Field(
        None,
        description="The offence or the penalty applied was not in force when the act was committed (ICCPR 15(1)).",
    )


Authority = Literal["judge", "prosecutor", "police", "administrative", "executive", "none"]
Length = Annotated[StrictFloat | StrictInt, Field(ge=0)]


class Period(_Model):
    """One period of deprivation of liberty."""

    kind: Fact[PeriodKind] | None = None
    start: Fact[PartialDate] | None = None
    end: Fact[PartialDate] | None = None
    place: Fact[Text] | None = None
    days: Fact[Length] | None = Field(None, description="Length in days, when the dates are not known.")
    months: Fact[Length] | None = Field(None, description="Length in months, when the dates are not known.")
    years: Fact[Length] | None = Field(None, description="Length in years, when the dates are not known.")
    ordered_by: Fact[Authority] | None = None
    extended_by: Fact[Authority] | None = Field(None, description="Who extended the detention, if it was extended.")
    successive_charges: Fact[StrictBool] | None = Field(
        None, description="Re-arrests or new charges were used to keep the person in custody."
    )
    incommunicado: Fact[StrictBool] | None = None
    acknowledged: Fact[StrictBool] | None = Field(
        None, description="False when the authorities refuse to acknowledge the detention or the person's fate."
    )
    with_convicted: Fact[StrictBool] | None = None
    brought_before_judge: Fact[StrictBool] | None = None
    judge_decided: Fact[StrictBool] | None = Field(
        None,
        description="The judge at judge_date decided on the lawfulness and necessity of this custody (ordered or "
        "confirmed it); false when the judge only saw the person.",
    )
    judge_date: Fact[PartialDate] | None = None
    judge_time: Fact[ClockTime] | None = None
    could_challenge: Fact[StrictBool] | None = Field(
        None, description="The detention could be challenged before a court (ICCPR 9(4))."
    )
    periodic_review: Fact[StrictBool] | None = Field(
        None, description="Administrative or judicial review of continued custody took place."
    )
    time_limit: Fact[StrictBool] | None = Field(None, description="The law sets a maximum length for this custody.")
    individual_assessment: Fact[StrictBool] | None = Field(
        None,
        description="A decision weighed this person's circumstances; false when custody followed automatically, "
        "by law or practice (pre-trial, immigration custody).",
    )
    individual_reasons: Fact[StrictBool] | None = Field(
        None,
        description="The custody order gave reasons about this person (a risk of flight, of interference with "
        "evidence, of reoffending); false when it gave none or only repeated the charge or the law.",
    )
    extended_exceptionally: Fact[StrictBool] | None = Field(
        None, description="Extended beyond the ordinary legal limit as an 'exceptional' measure."
    )
    necessity_shown: Fact[StrictBool] | None = Field(
        None,
        description="Override, with a ref: the reasons given showed the custody necessary. Derived false from "
        "individual_assessment, individual_reasons, extended_by and extended_exceptionally when not stated.",
    )
    release_due: Fact[Literal["sentence_served", "amnesty", "release_order", "bail_granted"]] | None = Field(
        None, description="Release was due for this reason but the person was still held."
    )
    prolonged: Fact[StrictBool] | None = Field(
        None, description="The custody was prolonged (when dates cannot show it)."
    )
    review_effective: Fact[StrictBool] | None = Field(
        None, description="A court could examine the necessity of the custody and actually order release."
    )
    alternatives_considered: Fact[StrictBool] | None = Field(
        None, description="Less restrictive alternatives to custody were considered."
    )
    free_to_leave: Fact[StrictBool] | None = Field(
        None,
        description="The person could leave at will and at no cost: true undoes house arrest outside closed "
        "premises (Deliberation No. 1) and immigration custody; false when leaving meant giving up an asylum "
        "claim (a transit zone, say).",
    )
    ill_treatment: Fact[StrictBool] | None = Field(
        None, description="Torture or cruel, inhuman or degrading treatment during this period."
    )
    ill_treatment_investigated: Fact[StrictBool] | None = Field(
        None, description="The allegations of ill-treatment were promptly and impartially investigated."
    )
    solitary_confinement: Fact[StrictBool] | None = None
    solitary_days: Fact[Annotated[StrictInt, Field(ge=0)]] | None = None
    medical_care_denied: Fact[StrictBool] | None = None
    family_notified: Fact[StrictBool] | None = Field(
        None, description="The family was told of the arrest and where the person was held."
    )
    family_visits_refused: Fact[StrictBool] | None = None
    consular_access_refused: Fact[StrictBool] | None = Field(
        None, description="A foreign national was refused consular access (Vienna Convention art 36)."
    )


class Conduct(_Model):
    """Something the person did that the detention responded to."""

    right: Fact[Right] | None = None
    description: Text | None = None
    medium: Fact[Text] | None = None
    date: Fact[PartialDate] | None = None
    political: Fact[StrictBool] | None = Field(None, description="Criticism of the authorities or political activity.")
    peaceful: Fact[StrictBool] | None = None
    incited_violence: Fact[StrictBool] | None = None
    advocated_hatred: Fact[StrictBool] | None = Field(
        None, description="Advocacy of hatred that incites discrimination, hostility or violence (ICCPR 20)."
    )
    restriction_justified: Fact[StrictBool] | None = Field(
        None,
        description="Override: a court or the Working Group found the restriction permissible (ICCPR 19(3), 21, "
        "22(2), 18(3), 12(3)). Counts only with a `ref` to that finding; state the restriction's elements instead.",
    )
    restriction_aim: Fact[Aim] | None = Field(
        None,
        description="The aim the Government invoked for restricting the conduct (other: an aim no article "
        "lists, such as the image of the State or of its leaders; none: no aim invoked).",
    )
    restriction_law_precise: Fact[StrictBool] | None = Field(
        None,
        description="The law applied was precise enough for the person to foresee that the conduct was an "
        "offence (legality).",
    )
    restriction_threat_shown: Fact[StrictBool] | None = Field(
        None,
        description="The Government showed, specifically for this person, a direct link between the conduct "
        "and a threat to that aim (necessity).",
    )
    restriction_least_restrictive: Fact[StrictBool] | None = Field(
        None,
        description="The Government showed that nothing less than detention would have served the aim "
        "(proportionality).",
    )
    unnotified_only: Fact[StrictBool] | None = Field(
        None,
        description="The only ground given for arresting a participant was that the assembly had not been "
        "notified or authorised.",
    )
    cited_by_authorities: Fact[StrictBool] | None = Field(
        None, description="The charge, the warrant, the interrogation or the judgment named this conduct."
    )
    led_to_detention: Fact[StrictBool] | None = Field(
        None,
        description="Override, with a ref: the arrest or detention followed from this conduct. Derived true from "
        "cited_by_authorities, or from the conduct's date shortly before the arrest with no other ground stated.",
    )


class Emergency(_Model):
    declared: Fact[StrictBool] | None = None
    invoked: Fact[StrictBool] | None = Field(None, description="The emergency was invoked to justify the detention.")
    pretext: Fact[StrictBool] | None = Field(
        None, description="Shown to be a pretext, e.g. detention went on after it was lifted."
    )
    start: Fact[PartialDate] | None = None
    end: Fact[PartialDate] | None = None


Access = Literal["full", "restricted", "denied"]


class Counsel(_Model):
    access_pretrial: Fact[Access] | None = None
    access_trial: Fact[Access] | None = None
    confidential: Fact[StrictBool] | None = None
    of_choice: Fact[StrictBool] | None = Field(
        None, description="False when counsel of the person's choosing was refused."
    )


class Confession(_Model):
    coerced: Fact[StrictBool] | None = Field(None, description="Obtained by torture, ill-treatment or duress.")
    used_in_evidence: Fact[StrictBool] | None = Field(None, description="Used in evidence against the accused.")
    televised: Fact[StrictBool] | None = Field(None, description="Broadcast before or during the trial.")


Court = Literal[
    "ordinary", "military", "special", "state_security", "counter_terrorism", "revolutionary", "administrative"
]


class Trial(_Model):
    held: Fact[StrictBool] | None = None
    start: Fact[PartialDate] | None = None
    end: Fact[PartialDate] | None = None
    court: Fact[Court] | None = None
    accused_civilian: Fact[StrictBool] | None = Field(
        None, description="The accused is a civilian (a military court may try only military personnel)."
    )
    in_absentia: Fact[StrictBool] | None = None
    attendance_waived: Fact[StrictBool] | None = Field(
        None,
        description="Informed of the trial in time, the accused chose not to attend (ICCPR 14(3)(d) is then met).",
    )
    independent: Fact[StrictBool] | None = None
    impartial: Fact[StrictBool] | None = None
    public: Fact[StrictBool] | None = None
    remote: Fact[StrictBool] | None = None
    remote_failures: Fact[StrictBool] | None = Field(
        None, description="The accused could not hear or be heard at a remote hearing."
    )
    failures_remedied: Fact[StrictBool] | None = Field(
        None, description="The judge acted on those failures (suspended, fixed them)."
    )
    counsel: Counsel | None = None
    informed_of_charges: Fact[StrictBool] | None = Field(
        None, description="Informed promptly and in detail of the charges (ICCPR 14(3)(a))."
    )
    adequate_time: Fact[StrictBool] | None = Field(
        None, description="Adequate time and facilities to prepare the defence (ICCPR 14(3)(b))."
    )
    evidence_withheld: Fact[StrictBool] | None = Field(
        None, description="Evidence was withheld from the defence (ICCPR 14(3)(b))."
    )
    defence_witnesses_refused: Fact[StrictBool] | None = None
    cross_examination_cut: Fact[StrictBool] | None = None
    confession: Confession | None = None
    presumption_of_innocence: Fact[StrictBool] | None = Field(
        None, description="False when the presumption of innocence was ignored."
    )
    undue_delay: Fact[StrictBool] | None = Field(
        None,
        description="Override, with a ref: not tried without undue delay (ICCPR 14(3)(c)). The engine also reads "
        "the time held untried from the detention periods and trial.start.",
    )
    interpreter_denied: Fact[StrictBool] | None = None
    appeal: Fact[Literal["not_available", "denied", "dismissed", "pending", "granted", "not_sought"]] | None = None


Ban = Literal["political_activity", "civic_activity", "association", "expression", "travel", "profession", "other"]


class Sentence(_Model):
    date: Fact[PartialDate] | None = None
    kind: Fact[Literal["imprisonment", "restricted_liberty", "fine", "death", "suspended", "other"]] | None = None
    years: Fact[StrictFloat | StrictInt] | None = None
    bans: Fact[list[Ban]] | None = None


class Pattern(_Model):
    earlier_arrests: Fact[StrictBool] | None = None
    harassment: Fact[StrictBool] | None = Field(None, description="Earlier harassment, surveillance or summonses.")
    group_targeted: Fact[StrictBool] | None = Field(None, description="Others of the same group were targeted.")


class Discrimination(_Model):
    grounds: Fact[list[Ground]] | None = Field(
        None, description="Protected grounds on which the source alleges discrimination."
    )
    law_discriminatory: Fact[StrictBool] | None = Field(
        None, description="The law applied discriminates on its face on a protected ground."
    )
    pattern: Pattern | None = None
    official_statement: Fact[StrictBool] | None = Field(
        None,
        description="An official publicly singled out the person, their opinion or their group "
        "(a hostile or stigmatising statement).",
    )


class Detainee(_Model):
    """One of several detainees: the sections in which this person's facts differ from the shared ones."""

    person: Person | None = None
    arrest: Arrest | None = None
    detention: list[Period] | None = None
    conduct: list[Conduct] | None = None
    trial: Trial | None = None
    sentence: Sentence | None = None
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
    source: Source | None = None
    expected: Expected | None = None
    submission: Submission | None = None
    person: Person | None = None
    state: State | None = None
    government: Government | None = None
    arrest: Arrest | None = None
    detention: list[Period] | None = None
    conduct: list[Conduct] | None = None
    emergency: Emergency | None = None
    trial: Trial | None = None
    sentence: Sentence | None = None
    discrimination: Discrimination | None = None
    detainees: list[Detainee] | None = Field(
        None,
        # each person is reasoned on alone (seconds a hundred of them): past this, split the file
        max_length=MAX_DETAINEES,
        description="Several detainees whose facts differ: each entry gives that person's own sections; "
        "the rest of the file is shared.",
    )
    notes: Text | None = None


# --- what the runtime reads: generated from the classes above -----------------------------


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a case file, for editors and `wgad schema`."""
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


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


def generate() -> dict[str, Any]:
    """What `case_model.json` holds."""
    core = Case.__pydantic_core_schema__
    return {
        "generated_by": f"pydantic {pydantic.VERSION}: python -m detention_rules.input.model",
        "core_schema": _shared(_portable(core, _refs(core))),
        "fields": field_table(),
    }


#: The sections with their fields' types, for mypy only (input/case.py imports them when type checking).
TYPES_FILE = MODEL_FILE.with_name("case_types.py")

_TYPES_HEADER = """\
\"\"\"The case model's sections with their fields' types, for mypy: `case.arest` is an error.

Generated by `python -m detention_rules.input.model` from input/model.py: do not edit. Imported
only when type checking (input/case.py); at run time the sections are input/case.py's plain
classes, filled by the generated validator. A fact is its value, or `Asserted` when written with
its provenance; None is unknown.
\"\"\"

from __future__ import annotations

from typing import Any, Literal

from detention_rules.input.case import Section
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
    from detention_rules.input import model  # the classes under their module's name, not __main__'s

    for path, text in model.rendered().items():
        path.write_text(text, encoding="utf-8")
        sys.stdout.write(f"wrote {path.name}\n")
