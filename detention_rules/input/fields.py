"""The fields a rule may read, the model's and the facts derived from them, and how each is asked.

Here, beside the case model, so that reading the rules (law/), checking a case (validate),
how each fact is asked (reasoning/asking.py), the exercises and the interfaces all read one
declaration: `tools/case_model.py`'s, generated into `case_model.json`. A field's question, choice
words, prerequisite and the fields asked in its place come with the field (`ask(...)`); a
derived fact's type, sources, question and variation come with its `Derived` entry.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import msgspec

from detention_rules import words
from detention_rules.input.case import FieldType, field_types, fields, generated

#: The sections of a case that hold facts, in the questionnaire's order: the order the web form shows them
#: in and the fact document holds them in. The case's other sections describe the file (title, source,
#: expected, notes), hold each detainee's own facts (detainees: read at these paths once split) or only the
#: draft's (domestic_remedies).
FACT_SECTIONS = (
    "person",
    "state",
    "arrest",
    "detention",
    "conduct",
    "emergency",
    "trial",
    "sentence",
    "discrimination",
    "government",
    "submission",
)

#: Days in a month and a year, to read a length given as `months: 6` or `years: 2` in days.
DAYS_PER = {"months": 365.25 / 12, "years": 365.25}

#: Days in each unit a length's bounds may be given in (`length_unit`).
UNIT_DAYS = {"days": 1.0, "weeks": 7.0, **DAYS_PER}


class Bounded(int):
    """A number of days known only between bounds: "more than a year", "3 to 8 years".

    It is its lower bound as an int (what the engine, which only ever fires on a threshold
    reached, is given), and `upper` is its upper bound (None: no upper bound). A comparison
    is decided only when the bounds settle it (`compare`); otherwise it is unknown, never false.
    """

    upper: int | None

    def __new__(cls, lower: int, upper: int | None = None) -> Bounded:
        self = super().__new__(cls, lower)
        self.upper = upper
        return self

    def compare(self, op: str, limit: float) -> bool | None:
        """Three-valued comparison with `limit`: True or False only when every value between the bounds agrees."""
        low, high = int(self), self.upper
        holds = {
            "at_least": (low >= limit, high is not None and high < limit),
            "more_than": (low > limit, high is not None and high <= limit),
            "at_most": (high is not None and high <= limit, low > limit),
            "less_than": (high is not None and high < limit, low >= limit),
            "is": (low == high == limit, limit < low or (high is not None and limit > high)),
        }
        true, false = holds.get(op, (False, False))
        return True if true else False if false else None

    def __str__(self) -> str:
        said = words.of("check", "values")
        low = _grouped(int(self), said)
        if self.upper is None:
            return said["at_least"].format(low=low)
        if self.upper == int(self):
            return str(int(self))
        return said["between"].format(low=low, high=_grouped(self.upper, said))

    __repr__ = __str__


def _grouped(number: int, said: Mapping[str, str]) -> str:
    """A count as the language writes it in a sentence: French groups its digits (« 1 372 », `thousands`)."""
    return f"{number:,}".replace(",", said["thousands"]) if said.get("thousands") else str(number)


class NotApplicable(str):
    """The value of a question that does not apply: a trial question when there was no trial, a fact of
    custody held by another State. Every test of it is false (never unknown), so no rule fires on it and
    `wgad gaps` does not ask it."""

    def __str__(self) -> str:
        return words.of("check", "values")["not_applicable"]


#: The one value of a question that does not apply.
NOT_APPLICABLE = NotApplicable("does_not_apply")

#: Questions about a trial itself: they do not apply when `trial.held` is false (no trial took place).
#: Pre-trial guarantees (counsel before trial, informed of charges, a coerced or televised confession,
#: the presumption of innocence, undue delay, an interpreter) apply without a trial and are not here.
NEEDS_TRIAL = (
    "trial.start",
    "trial.end",
    "trial.court",
    "trial.court_name",
    "trial.judges_removable",
    "trial.judges_anonymous",
    "trial.judge_acted_before",
    "trial.accused_civilian",
    "trial.in_absentia",
    "trial.attendance_waived",
    "trial.independent",
    "trial.impartial",
    "trial.public",
    "trial.remote",
    "trial.remote_failures",
    "trial.failures_remedied",
    "trial.counsel.access_trial",
    "trial.adequate_time",
    "trial.evidence_withheld",
    "trial.defence_witnesses_refused",
    "trial.cross_examination_cut",
    "trial.confession.used_in_evidence",
    "trial.appeal",
    "trial.tried_again_same_acts",
    "trial.others_coerced_statements_used",
)

#: The last step of a date's name (`detention[].start`, `government.deadline`); any name ending `_date` is one too.
DATE_NAMES = ("date", "start", "end", "deadline")


def dated(path: str) -> bool:
    """Whether a field holds a date, by its name (`arrest.date`, `detention[].judge_date`): the one test the
    draft (a date told as the Working Group writes it), the skeleton's hint and the form's date picker share."""
    last = path.rsplit(".", 1)[-1]
    return last in DATE_NAMES or last.endswith("_date")


#: Questions only a foreign national is asked (the consulate's access): they do not apply to a national of
#: the State (`person.nationality` the State's name), and a person whose nationality is unknown is asked it first.
NEEDS_FOREIGN = ("detention[].consular_access", "detention[].consular_access_refused")


def foreign(doc: Any) -> bool | None:
    """Whether the person may be a foreign national of the State concerned: None when the case gives no
    nationality; False for its national and for a stateless person (no consulate to ask for). A national is
    written as the State's name or a part of it ("Iran" of "Islamic Republic of Iran") or as its adjective
    ("Cuban", "Vietnamese", "Kazakh", "cubano", "vietnamien"): encoders write both, and a national asked about
    consular access is asked a question that cannot apply."""
    person, state = doc.get("person") or {}, doc.get("state") or {}
    status, nationality = _plain(person.get("status")), _plain(person.get("nationality"))
    name = _plain(state.get("name"))
    if isinstance(status, list) and "foreign_national" in status:
        return True
    if (isinstance(status, list) and "stateless" in status) or (
        isinstance(nationality, str) and nationality.strip().casefold() in _STATELESS
    ):
        return False  # no State's consulate to ask for
    if not isinstance(nationality, str) or not nationality.strip():
        return None
    return not isinstance(name, str) or not _same_nation(nationality, name)


#: "Stateless" as the three working languages write it in `person.nationality`.
_STATELESS = frozenset({"stateless", "apatride", "apátrida", "apatrida"})


def _letters(text: str) -> str:
    """Text folded to unaccented lower-case letters and spaces ("Türkiye" -> "turkiye")."""
    import unicodedata  # only for a nationality not written as the State's name: a cold check rarely needs it

    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c if c.isalpha() else " " for c in plain if not unicodedata.combining(c))


def _stems(name: str) -> set[str]:
    """The stems a nationality's adjective shares with a State's name: each word of four letters or more (and
    the words run together: "vietnam" of "Viet Nam") less its last two letters, at least four kept ("cuba",
    "pakist", "maldiv"), and less a "-stan" or "-land" ending ("kazakh", "thai")."""
    words = [w for w in _letters(name).split() if len(w) >= 4]
    words += ["".join(_letters(name).split())]
    stems = {w[: max(4, len(w) - 2)] for w in words}
    stems |= {w.removesuffix(end) for w in words for end in ("istan", "stan", "land") if w.endswith(end)}
    return {s for s in stems if len(s) >= 4}


def _same_nation(nationality: str, state: str) -> bool:
    """Whether a nationality as written names the State: the same entry of the States table (`words.states`:
    "British" and "United Kingdom"), else, for a State the table does not list, its name, a part of it, or an
    adjective on its stem."""
    if nationality.strip().casefold() == state.strip().casefold():
        return True  # most files: the State's name twice, decided without reading the table
    table = words.states()
    said, name = table.get(nationality.strip().casefold()), table.get(state.strip().casefold())
    if said is not None and name is not None:
        return said is name
    folded, named = " ".join(_letters(nationality).split()), " ".join(_letters(state).split())
    if folded and folded in named:
        return True
    return any(folded.replace(" ", "").startswith(stem) for stem in _stems(state))


def _plain(entry: Any) -> Any:
    """A value as the case file or the fact document holds it, its provenance (`{value: ...}`) read through."""
    return entry.get("value") if isinstance(entry, dict) else entry


#: The trial section's prerequisite: a trial was held.
_TRIAL_HELD = ("trial.held", True)


class Asked(msgspec.Struct, frozen=True):
    """How a fact is asked: its question, its choices in words, what opens it, what is asked in its place.

    `after` and `instead` name fields beside this one (`ill_treatment`) or full paths (`trial.held`).
    """

    question: str = ""
    words: dict[str, str] = msgspec.field(default_factory=dict)
    after: tuple[str, Any] | None = None
    instead: tuple[str, ...] = ()


class DerivedFact(msgspec.Struct, frozen=True):
    """A fact reasoning/facts.py computes from others, as `tools/case_model.py` declares it (`DERIVED`)."""

    path: str
    kind: str  # "" when the case model declares the field too (an override the file may state)
    question: str
    sources: tuple[str, ...]
    instead: tuple[str, ...] = ()
    vary: str = ""
    vary_days: tuple[int, ...] = ()
    parameter: str = ""


@functools.cache
def derived() -> dict[str, DerivedFact]:
    """Every derived fact by its path (`arrest.judge_within_48h`), in declaration order. Do not mutate."""
    return {d["path"]: msgspec.convert(d, DerivedFact) for d in generated()["derived"]}


@functools.cache
def derived_types() -> dict[str, FieldType]:
    """The derived facts the case model does not declare, with the type rules may test them against."""
    return {path: FieldType(d.kind) for path, d in derived().items() if d.kind}


@functools.cache
def readable_fields() -> dict[str, FieldType]:
    """Every field a rule may read: the case model's and the derived ones. Do not mutate."""
    return {**field_types(), **derived_types()}


def asked_in_words(path: str) -> str:
    """The model's question for a field (generic path) in the language in use: another language words it in its
    `check.yaml` (`questions:`), as it words a choice; "" for a field the model asks no question of."""
    asked = questionnaire().get(path)
    if asked is None or not asked.question:
        return ""
    translated: str = words.load("check").get("questions", {}).get(path, asked.question)
    return translated


@functools.cache
def questionnaire() -> dict[str, Asked]:
    """How each fact is asked, by generic path: the model's fields (sections and lists too) and the derived facts.

    A section's `contents_after` (a sibling inside it, or a full path) becomes the `after` of every field
    inside it that has none of its own, but for the trial's: only the questions about the trial itself
    (`NEEDS_TRIAL`) wait for `trial.held`; the sentence's all do.
    """
    out: dict[str, Asked] = {}

    def visit(model: str, prefix: str, inherited: tuple[str, Any] | None) -> None:
        for entry in fields(model):
            name = entry["name"]
            if model == "Case" and name == "detainees":
                continue  # a detainee's facts are asked at the shared paths
            path = f"{prefix}{name}"
            after = tuple(entry["after"]) if "after" in entry else inherited
            pretrial = path.startswith("trial.") and path not in NEEDS_TRIAL
            if after == _TRIAL_HELD and pretrial and "after" not in entry and entry["kind"] not in ("items", "model"):
                after = None  # a pre-trial guarantee is owed without a trial
            if after and "." in after[0] and after[0] == path:
                after = None  # the section's own prerequisite is not asked after itself
            out[path] = Asked(entry.get("question", ""), entry.get("words", {}), after, tuple(entry.get("instead", ())))
            if entry["kind"] in ("items", "model"):
                inside = entry.get("contents_after")
                opens = (inside[0] if "." in inside[0] else f"{path}.{inside[0]}", inside[1]) if inside else inherited
                visit(entry["model"], f"{path}{'[]' if entry['kind'] == 'items' else ''}.", opens)

    visit("Case", "", None)
    for path, fact in derived().items():
        known = out.get(path, Asked())
        out[path] = msgspec.structs.replace(known, question=fact.question, instead=fact.instead)
    return out
