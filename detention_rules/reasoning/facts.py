"""Turn a validated case into the fact document the rules read, each fact with its origin.

Unknown facts are left out of the document entirely: durable-rules matches no
condition on an absent field, which keeps unknown distinct from false. A few
facts are derived (a period's length in days, whether the person saw a judge
within 48 hours, the time held untried, the age from the birth date, a defender's
or lawyer's status from their work); each names the facts it was computed from,
so a derivation tree still ends in lines of the case file.
Conclusions the Working Group infers from facts are inferred here too when the file does
not state them (`led_to_detention`, `necessity_shown`, `law_vague`, `law_retroactive`, `independent`,
`impartial`, `presumption_of_innocence`): a drafter knows the facts, not always the conclusion.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import math
from collections.abc import Mapping, MutableMapping
from typing import Any

import msgspec

from detention_rules.input.case import Asserted, Case, ExceptionField, Section, exceptions
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import (
    DAYS_PER,
    FACT_SECTIONS,
    NEEDS_FOREIGN,
    NEEDS_TRIAL,
    NOT_APPLICABLE,
    UNIT_DAYS,
    Bounded,
    foreign,
    readable_fields,
)
from detention_rules.input.source import Document, PathKey
from detention_rules.law.law import Law


class FactNode(msgspec.Struct, frozen=True):
    """One fact: its value and where the case file states it; the leaf of a derivation tree.

    A derived fact names the facts it was computed from; an `unless` exception the file
    does not show (`absent_defeater`, made by derivation.py) has no value and no line.
    """

    path: str
    value: Any
    line: int
    col: int
    by: tuple[str, ...] = ()
    contested: bool = False
    ref: str = ""
    derived_from: tuple[FactNode, ...] = ()
    absent_defeater: bool = False
    #: an exception stated but not shown (the Government's word alone, or a conclusion with no ref):
    #: it contests the finding, it does not defeat the rule
    unproven: bool = False
    #: the evidence with which the Government rebutted the fact, unanswered: the fact grounds nothing
    rebutted: str = ""
    #: the evidence the file gives for the value (`evidence:`), which makes more than an assertion of it
    evidence: str = ""
    #: an exception the Government supports with evidence that the source contests: the dispute stays open
    disputed: bool = False


class Facts(msgspec.Struct):
    """The fact document and the origin of every fact in it."""

    doc: dict[str, Any]
    leaves: dict[str, FactNode] = msgspec.field(default_factory=dict)
    file: str = ""
    #: facts the Government rebutted with evidence the source did not answer: left out of `doc`
    rebutted: list[FactNode] = msgspec.field(default_factory=list)
    #: exceptions the Government supports with evidence that the source contests: kept in `doc`, so they
    #: stop the rule, and weighed against the source's account (`source_side`)
    disputed: list[FactNode] = msgspec.field(default_factory=list)

    def leaf(self, path: str) -> FactNode | None:
        return self.leaves.get(path)


def build(law: Law, case: Case, source: Document | None = None) -> Facts:
    """The facts of `case` under `law` (its parameters); positions come from `source` when read from a file."""
    contests = set(case.government.contests or ()) if case.government else set()
    facts = Facts({}, file=source.path if source else "")
    reader = _Reader(facts, source, contests)
    for section in FACT_SECTIONS:
        value = getattr(case, section)
        if value is not None:
            facts.doc[section] = reader.visit(value, (section,), section, section)
    _derive(facts, law)
    return facts


class _Reader:
    """The walk of `build` over one case's model, putting each fact's origin in `facts.leaves`.

    A class, not a nested function calling itself: such a function is a reference cycle (it holds the
    cell that holds it), which kept every case's document and facts alive until the next collection of
    garbage, some 250 objects a case in a batch (issue 33)."""

    def __init__(self, facts: Facts, source: Document | None, contests: set[str]):
        self.facts = facts
        self.source = source
        self.positions = source.positions if source else {}
        self.contests = contests
        self.exceptions = exceptions()

    def where(self, path: PathKey) -> tuple[int, int]:
        return self.positions.get(path) or (self.source.where(path) if self.source else (0, 0))

    def visit(self, obj: Any, path: PathKey, name: str, generic: str) -> Any:
        """`name` is the path's (`detention[0].kind`) and `generic` its field's (`detention[].kind`), made on the
        way down: making them from `path` at every leaf was a fifth of the stage (issue 33)."""
        facts, contests = self.facts, self.contests
        if isinstance(obj, Asserted):
            if obj.value is None:
                return None
            line, col = self.where((*path, "value"))
            value = _plain(obj.value)
            contested = bool(obj.contested) or (bool(contests) and _listed(name, generic, contests))
            exception = self.exceptions.get(generic)
            bare = exception is not None and _mere_assertion(exception, value, obj)
            disputed = contested and not bare and exception is not None and _government_evidence(exception, value, obj)
            node = FactNode(
                name,
                value,
                line,
                col,
                tuple(obj.by or ()),
                contested or bare,
                obj.ref or "",
                unproven=bare,
                rebutted=obj.rebutted or "",
                evidence=obj.evidence or "",
                disputed=disputed,
            )
            if obj.rebutted and not contested:
                # rebutted with evidence the source did not answer: unknown, not a ground (A/HRC/19/57 para 68)
                facts.rebutted.append(node)
                return None
            facts.leaves[name] = node
            if disputed:
                facts.disputed.append(node)
            # a mere assertion of an exception is kept out of what the rules read: the exception is not shown
            return None if bare else value
        if isinstance(obj, Section):
            out = {}
            for key, child in obj.__dict__.items():  # the fields, in model order; most are None
                if child is not None:
                    value = self.visit(child, (*path, key), f"{name}.{key}", f"{generic}.{key}")
                    if value is not None:
                        out[key] = value
            return out
        if isinstance(obj, list) and obj and isinstance(obj[0], Section):
            return [self.visit(item, (*path, i), f"{name}[{i}]", f"{generic}[]") for i, item in enumerate(obj)]
        # a plain value, most leaves: no call that returns at once for it (a list or a contest, an exception)
        line, col = self.positions.get(path) or self.where(path)
        value = list(obj) if isinstance(obj, (list, tuple)) else obj
        contested = bool(contests) and _listed(name, generic, contests)
        exception = self.exceptions.get(generic)
        bare = exception is not None and _mere_assertion(exception, value, None)
        facts.leaves[name] = FactNode(name, value, line, col, contested=contested or bare, unproven=bare)
        return None if bare else value


def _mere_assertion(exception: ExceptionField, value: Any, fact: Asserted | None) -> bool:
    """An exception's defeating value that is not shown: only the Government asserts it, without
    evidence, or it is a legal conclusion with no `ref` to a finding.

    The burden of an exception is the Government's, and a mere assertion does not discharge it
    (opinion 2/2022 para 66; A/HRC/19/57 para 68): such a value contests the finding, never defeats it.
    """
    if not exception.defeated_by(value):  # `exception`: the field's, by its generic name (`detention[].kind`)
        return False
    if exception.needs_ref and not (fact and fact.ref):
        return True  # a legal conclusion with no finding to point to: not shown, whoever states it
    if fact is None or set(fact.by or ()) != {"government"}:
        return False  # the source, a court or a monitor states it too: shown
    return not fact.evidence


def _government_evidence(exception: ExceptionField, value: Any, fact: Asserted) -> bool:
    """An exception's defeating value the Government alone states with evidence: contested by the source,
    it is disputed. The Government has answered the burden with documents (A/HRC/19/57 para 68), and the
    Working Group does not reassess the sufficiency of evidence (opinion 2/2022 para 74): the source's own
    account neither restores the finding nor lets the evidence settle it."""
    return exception.defeated_by(value) and set(fact.by or ()) == {"government"} and bool(fact.evidence)


def source_side(facts: Facts) -> Facts:
    """The facts as the source tells them: every disputed exception left out, as if not shown.

    What the source's account would give is reported beside the findings, never counted as one."""
    doc = copy.deepcopy(facts.doc)
    for node in facts.disputed:
        *parents, last = FieldPath.parse(node.path)
        holder: Any = doc
        for step in parents:
            holder = holder[step]
        holder.pop(last, None)
    return Facts(doc, facts.leaves, facts.file)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple)) else value


def _listed(name: str, generic: str, contests: set[str]) -> bool:
    """A fact is contested when the Government contests it or the list or section holding it.

    An entry without item numbers (`detention[].incommunicado`) names that field in every item.
    Looked up by the fact's own prefixes, so time does not grow with the number of entries.
    """
    if not contests:
        return False
    for form in {name, generic}:  # `generic`: the name without item numbers
        if form in contests or any(form[:i] in contests for i, ch in enumerate(form) if ch in ".["):
            return True
    return False


def _full_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _date_span(value: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date may be: itself when full, its month or its year when partial.

    Sources often date custody only to the month or the year ("held since March 2015"); the
    span bounds a length from such dates without inventing a day.
    """
    if full := _full_date(value):
        return full, full
    if not isinstance(value, str):
        return None
    try:
        if len(value) == 7:
            first = dt.date.fromisoformat(f"{value}-01")
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        if len(value) == 4 and value.isdigit() and int(value) >= 1:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _derive(facts: Facts, law: Law) -> None:
    doc = facts.doc
    arrest = doc.get("arrest", {})
    seen: list[tuple[bool, tuple[str, ...]]] = []
    rearrests: list[tuple[bool | None, tuple[str, ...]]] = []
    periods = doc.get("detention", [])
    _not_applicable(doc)
    last_open = _last_open(periods)
    for i, period in enumerate(periods):
        base = f"detention[{i}]"
        if "other_state" in period:
            continue  # another State's custody: none of its facts is the State concerned's
        if period.get("kind") == "unknown":
            # held, the regime unknown: a deprivation of liberty, and every test of the kind stays unknown
            del period["kind"]
            _add(facts, period, base, "deprived", True, (f"{base}.kind",))
        _lasted_within_48h(facts, period, base, law.parameter("prompt_hours"))
        until = _until(doc) if i == last_open else None
        length = _length(period, base, until)
        if length is not None:
            _add(facts, period, base, "days", *length)
        if period.get("rearrest") is True:
            rearrests.append(_appearance(facts, {"date": period.get("start")}, period, base, f"{base}.start", law))
        else:
            within, sources = _appearance(facts, arrest, period, base, "arrest.date", law)
            if within is not None:
                seen.append((within, sources))
        _necessity(facts, period, base)
        _consular(facts, period, base)
        _judge_decided(facts, arrest, period, base, law.parameter("prompt_hours"))
    arrested, charged = _full_date(arrest.get("date")), _full_date(arrest.get("charge_date"))
    if arrested and charged and charged >= arrested:
        _add_to_arrest(facts, "days_uncharged", (charged - arrested).days, ("arrest.charge_date", "arrest.date"))
    elif "charged_after_days" in arrest:  # "charged the next day": the interval without its dates
        _add_to_arrest(facts, "days_uncharged", arrest["charged_after_days"], ("arrest.charged_after_days",))
    elif uncharged := _span_between(arrest.get("date"), arrest.get("charge_date"), "arrest", "arrest.charge_date"):
        # a date known only to the month or the year bounds the time held uncharged ("arrested in
        # October 2020, charged in August 2021"), as it bounds a period's length
        _add_to_arrest(facts, "days_uncharged", uncharged[0], ("arrest.date", "arrest.charge_date"))
    _brought(facts, doc)
    _released_promptly(facts, doc, law.parameter("prompt_hours"))
    _age(facts, doc)
    _untried(facts, doc)
    _before_trial(facts, doc)
    _links(facts, doc, law.parameter("conduct_arrest_days"))
    _from_facts(facts, doc)
    _retroactive(facts, doc)
    _status_from_work(facts, doc)
    _group_shares_ground(facts, doc)
    # the first appearance before a judge is one fact of the arrest, whichever period records it
    first: tuple[bool | None, tuple[str, ...]] = (None, ())
    for within in (True, False):
        found = [sources for value, sources in seen if value is within]
        if found:
            first = (within, found[0])
            break
    # each re-arrest is owed its own prompt appearance: late after any arrest is late, and all must be prompt
    late = [sources for value, sources in [first, *rearrests] if value is False]
    if late:
        _add_to_arrest(facts, "judge_within_48h", False, late[0])
    elif first[0] is True and all(value is True for value, _ in rearrests):
        _add_to_arrest(facts, "judge_within_48h", True, first[1])


#: A date to count from when only the number of days between two events is known.
_ANY_DAY = dt.date(2000, 1, 1)


def _appearance(
    facts: Facts, arrest: Mapping[str, Any], period: Mapping[str, Any], base: str, since: str, law: Law
) -> tuple[bool | None, tuple[str, ...]]:
    """Whether the appearance this period records came within 48 hours of the arrest it follows, and from what.

    From the judge's date, or, when the file gives only the days between them (`judge_after_days`:
    "before a judge after three days"), from that count, read as the dates would be.
    """
    prompt = law.parameter("prompt_hours")
    if "judge_date" in period or "judge_after_days" not in period:
        within = _within_48h(arrest, period, prompt)
        sources = [f"{base}.judge_date", since]
    else:
        # counted from any day (the interval is all that matters), and capped: three calendar days or more
        # are more than 48 hours whatever the times, and a huge count must not overflow the calendar
        after = min(period["judge_after_days"], 3 + math.ceil(prompt / 24))
        counted = {
            "judge_date": (_ANY_DAY + dt.timedelta(days=after)).isoformat(),
            "judge_time": period.get("judge_time"),
        }
        within = _within_48h({"date": _ANY_DAY.isoformat(), "time": arrest.get("time")}, counted, prompt)
        sources = [f"{base}.judge_after_days"]
    if within is None:
        return None, ()
    sources += [p for p in (f"{base}.judge_time", "arrest.time") if p in facts.leaves and since == "arrest.date"]
    if since != "arrest.date" and f"{base}.judge_time" in facts.leaves:
        sources.append(f"{base}.judge_time")
    return within, tuple(sources)


def _not_applicable(doc: dict[str, Any]) -> None:
    """Mark what does not apply: the trial questions when there was no trial, the consulate's for a national of
    the State (unless the file states one), every fact of a period of custody held by another State. Their tests
    are false, not unknown: no rule fires on them, none is asked. What the file states there stays in the
    report, as written."""
    trial = doc.get("trial", {})
    if trial.get("held") is False:
        for path in NEEDS_TRIAL:
            holder = trial
            *parents, name = path.split(".")[1:]
            for parent in parents:
                holder = holder.setdefault(parent, {})
            holder[name] = NOT_APPLICABLE
    fields, consular = _period_fields()
    national = foreign(doc) is False
    for period in doc.get("detention", []):
        if national and not any(name in period for name in consular):
            period.update(dict.fromkeys(consular, NOT_APPLICABLE))
        if "other_state" in period:
            period.update(dict.fromkeys(fields, NOT_APPLICABLE))


@functools.cache
def _period_fields() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A period's fields a rule may read (`other_state` left out), and those asked of a foreigner only: the same
    for every case, so found once (over every readable field, they were most of `_not_applicable`)."""
    fields = [f.removeprefix("detention[].") for f in readable_fields() if f.startswith("detention[].")]
    return tuple(f for f in fields if f != "other_state"), tuple(f.removeprefix("detention[].") for f in NEEDS_FOREIGN)


def _consular(facts: Facts, period: dict[str, Any], base: str) -> None:
    """`consular_access_refused` from `consular_access`, unless the file states it: access restricted is
    access given, with limits, not a refusal."""
    if "consular_access_refused" not in period and "consular_access" in period:
        refused = period["consular_access"] == "refused"
        _add(facts, period, base, "consular_access_refused", refused, (f"{base}.consular_access",))


#: Authorities whose extension of custody is no judicial decision on its necessity.
_NOT_JUDGES = ("prosecutor", "police", "executive", "administrative")


def _necessity(facts: Facts, period: dict[str, Any], base: str) -> None:
    """`necessity_shown: false` from the facts that show no individual necessity, unless the file states it.

    Custody that followed automatically, an order with no reasons about the person, an extension
    by a prosecutor or another non-judicial authority, or one made "exceptionally" beyond the
    legal limit: none is an individualized determination that custody is necessary (General
    Comment No. 35 para 38). Only `false` is inferred: that custody was necessary is the
    Government's to show.
    """
    if "necessity_shown" in period:
        return  # the file's own statement (an override, with its ref)
    signs = (
        ("individual_assessment", period.get("individual_assessment") is False),
        ("individual_reasons", period.get("individual_reasons") is False),
        ("extended_by", period.get("extended_by") in _NOT_JUDGES),
        ("extended_exceptionally", period.get("extended_exceptionally") is True),
    )
    sources = tuple(f"{base}.{name}" for name, shown in signs if shown)
    if sources:
        _add(facts, period, base, "necessity_shown", False, sources)


def _judge_decided(facts: Facts, arrest: Mapping[str, Any], period: dict[str, Any], base: str, prompt: float) -> None:
    """Whether a judge decided on this custody within 48 hours of its start (Body of Principles 4, 37).

    Counted from the period's start when its date is known, else from the arrest. False when the
    judge only saw the person (`judge_decided: false`) or decided later.
    """
    decided = period.get("judge_decided")
    if decided is False:
        _add(facts, period, base, "judge_decided_within_48h", False, (f"{base}.judge_decided",))
        return
    if decided is not True:
        return
    start_path = f"{base}.start" if _full_date(period.get("start")) else "arrest.date"
    start = {"date": period.get("start")} if start_path != "arrest.date" else arrest
    within = _within_48h(start, period, prompt)
    if within is not None:
        sources = (f"{base}.judge_decided", f"{base}.judge_date", start_path)
        _add(facts, period, base, "judge_decided_within_48h", within, sources)


def _lasted_within_48h(facts: Facts, period: dict[str, Any], base: str, prompt: float) -> None:
    """`detention[i].within_48h`: whether the period is known to have lasted 48 hours or less.

    Access to a lawyer is owed within 48 hours of the arrest (Basic Principles on the Role of
    Lawyers, principle 7), so an incommunicado period that short cut no defence off from counsel
    (III.incommunicado-before-trial). Read from the period's own record: a count of days it states
    ("two days" may be 50 hours) or its full start and end dates, read alike: days apart, the hours
    unknown, so two days stays unknown. A date or a length only the Government states settles
    nothing (A/HRC/19/57 para 68).
    """
    stated = period.get("days")
    sources: tuple[str, ...]
    if isinstance(stated, int | float) and not isinstance(stated, bool):
        if _government_only(facts.leaf(f"{base}.days")):
            return
        apart, sources = float(stated), (f"{base}.days",)
    else:
        start, end = _full_date(period.get("start")), _full_date(period.get("end"))
        if start is None or end is None or end < start:
            return
        if any(_government_only(facts.leaf(f"{base}.{name}")) for name in ("start", "end")):
            return
        apart, sources = float((end - start).days), (f"{base}.start", f"{base}.end")
    if (apart + 1) * 24 <= prompt:  # at most, from the first minute of the first day to the last of the last
        within = True
    elif (apart - 1) * 24 >= prompt:  # at least, from the last minute of the first day to the first of the last
        within = False
    else:
        return
    _add(facts, period, base, "within_48h", within, sources)


def _age(facts: Facts, doc: dict[str, Any]) -> None:
    """`person.age` at the arrest, from `person.birth_date`, unless the file states the age.

    Whether the person was a child (Convention on the Rights of the Child art 1) is a matter
    of dates a drafter knows; counted to the arrest, else to the first period's start.
    """
    person = doc.get("person", {})
    born = _full_date(person.get("birth_date"))
    if "age" in person or not born:
        return
    starts = sorted(
        (d, f"detention[{i}].start")
        for i, p in enumerate(doc.get("detention", []))
        if (d := _full_date(p.get("start")))
    )
    arrested = _full_date(doc.get("arrest", {}).get("date"))
    when, path = (arrested, "arrest.date") if arrested else starts[0] if starts else (None, "")
    if when and when >= born:
        years = when.year - born.year - ((when.month, when.day) < (born.month, born.day))
        _add(facts, doc.setdefault("person", {}), "person", "age", years, ("person.birth_date", path))


def _untried(facts: Facts, doc: dict[str, Any]) -> None:
    """`arrest.days_untried`: the days held in police custody or pre-trial detention, from the periods.

    An open pre-trial period ends, for this count, when the trial starts. Left unknown when the
    length of any such period is unknown: a part of the time is no measure of the whole. A length
    known only between bounds, or a period whose regime is unknown, makes the total bounded too.
    """
    trial_start = _full_date(doc.get("trial", {}).get("start"))
    total: float = 0
    upper: float | None = 0  # the most it could be: more than total when a part is known only between bounds
    sources: list[str] = []

    def add(length: Any, low: bool = True) -> None:
        """Add a length (exact or a `Bounded`); `low=False` counts none of it for certain (an unknown regime)."""
        nonlocal total, upper
        most = length.upper if isinstance(length, Bounded) else length
        total += (int(length) if isinstance(length, Bounded) else length) if low else 0
        upper = None if upper is None or most is None else upper + most

    for i, period in enumerate(doc.get("detention", [])):
        base = f"detention[{i}]"
        if period.get("deprived") is True:
            # custody of an unknown regime may have been pre-trial: it adds between none and all of its days,
            # and all of them when it held a person charged and ended before any trial (ICCPR 9(3) protects
            # anyone detained on a criminal charge, whatever the custody is called)
            awaiting = _awaiting_trial(doc, period) if "days" in period else None
            add(period.get("days"), low=awaiting is not None)
            sources += [f"{base}.kind", *(awaiting or ())]
            continue
        if period.get("kind") not in ("police_custody", "pretrial"):
            continue
        start = _full_date(period.get("start"))
        stated = "days" in period and not facts.leaves[f"{base}.days"].derived_from
        if start and trial_start and trial_start >= start and "end" not in period and not stated:
            add((trial_start - start).days)
            sources += [f"{base}.start", "trial.start"]
        elif "days" in period:
            add(period["days"])
            sources.append(f"{base}.days")
        else:
            return
    if sources:
        exact = upper == total
        value = total if exact else Bounded(math.floor(total), None if upper is None else math.ceil(upper))
        _add_to_arrest(facts, "days_untried", value, tuple(dict.fromkeys(sources)))


def _awaiting_trial(doc: dict[str, Any], period: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The facts that show a period held a charged person awaiting trial, whatever its regime; none if they do not.

    The person was charged (`arrest.charged: true`) and the period ended by the earliest date known
    of the trial's start, a prison period's start or the sentence; or no such date is known and the
    person was not tried (`trial.held: false`).
    """
    if doc.get("arrest", {}).get("charged") is not True:
        return None
    marks = [("trial.start", doc.get("trial", {}).get("start")), ("sentence.date", doc.get("sentence", {}).get("date"))]
    marks += [
        (f"detention[{i}].start", p.get("start"))
        for i, p in enumerate(doc.get("detention", []))
        if p.get("kind") == "prison"
    ]
    known = sorted((span[0], path) for path, value in marks if (span := _date_span(value)))
    end = _date_span(period.get("end"))
    if known:
        return ("arrest.charged", known[0][1]) if end and end[1] <= known[0][0] else None
    return ("arrest.charged", "trial.held") if doc.get("trial", {}).get("held") is False else None


def _before_trial(facts: Facts, doc: dict[str, Any]) -> None:
    """`detention[i].before_trial`: whether the period started before the trial, so that custody after a trial
    and a sentence (a "counselling" hold after the sentence served) is not read as custody awaiting trial.

    Measured from the earliest full date known of the trial's start, the first prison period's start
    and the sentence's date; `true` for a period that started by the charge's date (a trial follows
    the charge), and for every dated period when the person was not tried (`trial.held: false`) and
    nothing shows a sentence. Unknown otherwise.
    """
    periods = doc.get("detention", [])
    charged = _full_date(doc.get("arrest", {}).get("charge_date"))
    marks = [("trial.start", _full_date(doc.get("trial", {}).get("start")))]
    marks += [
        (f"detention[{i}].start", _full_date(p.get("start")))
        for i, p in enumerate(periods)
        if p.get("kind") == "prison"
    ]
    marks.append(("sentence.date", _full_date(doc.get("sentence", {}).get("date"))))
    known = sorted((day, path) for path, day in marks if day)
    untried = not known and doc.get("trial", {}).get("held") is False
    for i, period in enumerate(periods):
        base = f"detention[{i}]"
        start = _full_date(period.get("start"))
        if "other_state" in period or start is None:
            continue
        if charged and start <= charged:
            _add(facts, period, base, "before_trial", True, (f"{base}.start", "arrest.charge_date"))
        elif known:
            _add(facts, period, base, "before_trial", start < known[0][0], (f"{base}.start", known[0][1]))
        elif untried:
            _add(facts, period, base, "before_trial", True, (f"{base}.start", "trial.held"))


def _links(facts: Facts, doc: dict[str, Any], days: float) -> None:
    """`led_to_detention: true` for a conduct item the facts tie to the arrest, unless the file states it.

    The Working Group infers the link as a drafter can: the charge, the warrant or the
    interrogation names the conduct; or the person was charged, the charge states acts, and
    those acts are the conduct the file lists, no other act of the person named (a charge of
    extremism, subversion or terrorism that only relabels it: Luu Van Vinh 35/2018, the Government
    gave no evidence the conduct was violent; Nguyen Dang Minh Man 40/2016, "not because of any
    threat to national security"; Alushkin 2019, "nothing more than" religious discussion), and the
    conduct, where dated, came before the arrest (a charge naming no act at all links nothing: it is
    I.charges-unsubstantiated's ground); or the person was charged with an offence that by its own
    definition punishes the exercise of the conduct's right (`arrest.offence_penalises`: propaganda,
    false news, insulting officials, lese-majesty, membership of a banned organisation, an unauthorised
    gathering; General Comment No. 34 paras 38, 42, 46-49): such a charge can reach nothing but that kind
    of conduct (Rajab 13/2018, "vague and overly broad" provisions on false news and insult used against
    him for his views; Nguyen Dang Minh Man 40/2016), whether or not it states the acts, and another act
    shown beside it does not untie it (Mammadov 59/2013: II on the treason and incitement charges "based on
    Mr. Mammadov's legitimate exercise of the right to freedom of expression", a drug conviction standing
    beside them, as the source quotes the opinion); or the arrest followed it closely (within `days`, the
    parameter conduct_arrest_days; a date known to the month only when the whole month does) and no other
    ground was shown, or the Government did not reply
    to say one (opinion 2/2022 paras 66, 73); or the source shows the person was arrested or
    harassed before and no other ground was shown, the detention read in the light of the earlier
    persecution (Rajab 13/2018; Zamora 7/2024; this project's reading, docs/case-format.md). Another
    ground the Government alone names, a bare offence label with no act stated, or a ground the
    source disputes (`contested: true`) is an allegation the Government must substantiate
    (A/HRC/19/57 para 68): the link it contests is inferred, marked contested. So is an arrest soon
    after the conduct when the charge names offences, no act of the person is known
    (`charge_facts_stated` not true) and the file says nothing of another act: the facts known are
    those of a label with `other_grounds_stated: true`, and an unknown must not stop a link that
    the weakest `true` allows (2/2022 para 66: the Government must refute, not assert). Only `true`.
    """
    arrest = doc.get("arrest", {})
    arrested = _full_date(arrest.get("date"))
    other = arrest.get("other_grounds_stated")
    acts = arrest.get("charge_facts_stated") is True
    asserted = other is True and not _substantiated(facts.leaf("arrest.other_grounds_stated"), acts)
    shown = other is True and not asserted
    silent = doc.get("government", {}).get("replied") is False
    pattern = doc.get("discrimination", {}).get("pattern", {})
    targeted = [
        f"discrimination.pattern.{k}"
        for k in ("earlier_arrests", "harassment")
        if pattern.get(k) is True and not _government_only(facts.leaf(f"discrimination.pattern.{k}"))
    ]
    against = ("arrest.other_grounds_stated",) if asserted else ()
    # offences named, no act of the person known, and nothing written of another act: the charge is a label, no
    # more than another act alleged, and an arrest soon after links the conduct as one alleged does (contested)
    labelled = other is None and bool(arrest.get("charges")) and not acts
    # charged with acts stated, and no act of the person named but the conduct listed: the charge rests on it
    only_conduct = arrest.get("charged") is True and acts and other is False
    # charged with an offence whose definition is the exercise of these rights: the charge can reach only such conduct
    penalised = set(arrest.get("offence_penalises") or ()) - {"none"} if arrest.get("charged") is True else set()
    for i, item in enumerate(doc.get("conduct", [])):
        base = f"conduct[{i}]"
        if "led_to_detention" in item:
            continue
        if item.get("cited_by_authorities") is True:
            _add(facts, item, base, "led_to_detention", True, (f"{base}.cited_by_authorities",))
            continue
        answered = _answered_by_authorities(facts, base)
        if answered:
            _add(facts, item, base, "led_to_detention", True, answered)
            continue
        done = _full_date(item.get("date"))
        # conduct dated after the arrest is not what the charge on which the person was arrested states
        if only_conduct and "right" in item and not (done and arrested and done > arrested):
            charge = (f"{base}.right", "arrest.charged", "arrest.charge_facts_stated", "arrest.other_grounds_stated")
            _add(facts, item, base, "led_to_detention", True, charge)
            continue
        # an offence that punishes the right itself reaches the conduct whatever other act is shown beside it
        if item.get("right") in penalised and not (done and arrested and done > arrested):
            offence = (f"{base}.right", "arrest.charged", "arrest.offence_penalises")
            _add(facts, item, base, "led_to_detention", True, offence, against)
            continue
        if shown:
            continue
        if _soon_after(item.get("date"), arrest.get("date"), days):
            if other is False:
                when = (f"{base}.date", "arrest.date", "arrest.other_grounds_stated")
                _add(facts, item, base, "led_to_detention", True, when)
                continue
            if silent or asserted:
                why = "government.replied" if silent else "arrest.other_grounds_stated"
                _add(facts, item, base, "led_to_detention", True, (f"{base}.date", "arrest.date", why), against)
                continue
            if labelled:
                _add(facts, item, base, "led_to_detention", True, (f"{base}.date", "arrest.date"), ("arrest.charges",))
                continue
        if targeted and "right" in item:
            _add(facts, item, base, "led_to_detention", True, (f"{base}.right", targeted[0]), against)


#: Who speaks for the authorities when an exception is asserted against a conduct item.
_AUTHORITIES = frozenset({"government", "court"})


def _answered_by_authorities(facts: Facts, base: str) -> tuple[str, ...]:
    """The exceptions (`conduct[].incited_violence`, `peaceful`, `restriction_aim`...) by which the Government or a
    court justified acting against this conduct item: it states a defeating value (`by` names `government` or
    `court`), or disputes the source's value (`contested: true`), whether or not that shows the exception.

    Authorities who defend a detention by saying that this conduct was violent, advocated hatred or was lawfully
    restricted name it as what they acted on: a State invoking a ground to restrict expression must show the
    direct and immediate connection between that expression and the threat (General Comment No. 34 para 35), and
    the Working Group then weighs that justification (opinion 2/2022 paras 79-80). Whether the exception is made
    out stays the rule's own question; the Government's word alone leaves the finding contested.
    """
    found = []
    for generic, exception in exceptions().items():
        if not generic.startswith("conduct[]."):
            continue
        path = f"{base}.{generic.removeprefix('conduct[].')}"
        node = facts.leaf(path)
        if node is None or node.value is None:
            continue
        theirs = bool(set(node.by) & _AUTHORITIES)
        if (exception.defeated_by(node.value) and theirs) or (node.contested and not theirs):
            found.append(path)
    return tuple(found)


def _soon_after(done: Any, arrested: Any, days: float) -> bool:
    """Whether the arrest surely came 0 to `days` days after the conduct, the two dates full or partial.

    A date known only to the month is its whole month (`_date_span`): the arrest counts as soon after only
    when every day the two dates may be puts it no earlier than the conduct and within `days` of it
    ("in late March" and an arrest on 2 April is not enough; the whole of September and an arrest on
    1 October is), so no day is invented.
    """
    conduct, arrest = _date_span(done), _date_span(arrested)
    return bool(conduct and arrest and arrest[0] >= conduct[1] and (arrest[1] - conduct[0]).days <= days)


#: Conclusions drawn from facts a drafter knows: (section, conclusion, the value drawn, the facts that draw it
#: when true). Each fact is the doctrine's own example: an offence the law only names (General Comment No. 35
#: para 22, No. 34 para 25); judges the executive can remove or instruct, or who sit anonymously (General
#: Comment No. 32 paras 19, 23); a judge who investigated, prosecuted or prejudged the case (para 21);
#: officials declaring the accused guilty, or the accused caged, shackled or in prison clothes (para 30).
_DRAWN: tuple[tuple[str, str, bool, tuple[tuple[str, bool], ...]], ...] = (
    ("arrest", "law_vague", True, (("offence_defined", False),)),
    ("trial", "independent", False, (("judges_removable", True), ("judges_anonymous", True))),
    ("trial", "impartial", False, (("judge_acted_before", True),)),
    ("trial", "presumption_of_innocence", False, (("guilt_declared", True), ("shown_as_criminal", True))),
)


def _from_facts(facts: Facts, doc: dict[str, Any]) -> None:
    """`law_vague`, `independent`, `impartial`, `presumption_of_innocence` from the facts that show them,
    unless the file states the conclusion (an override, with its ref: input/validate.py warns without one).

    Only the value that finds a breach is drawn: that the law was precise or the court independent is the
    Government's to show (A/HRC/19/57 para 68).
    """
    for section, name, value, signs in _DRAWN:
        holder = doc.get(section)
        if not isinstance(holder, dict) or name in holder:
            continue
        sources = tuple(f"{section}.{fact}" for fact, shown in signs if holder.get(fact) is shown)
        if sources:
            _add(facts, holder, section, name, value, sources)


def _retroactive(facts: Facts, doc: dict[str, Any]) -> None:
    """`arrest.law_retroactive` from the date the law (or its heavier penalty) came into force and the dates of the
    acts the charge rests on (`arrest.last_act_date`, else every conduct that led to the detention), unless the file
    states it (an override, with its ref).

    Drawn only where the dates settle it whatever day a partial date may be (`_date_span`): every act before the
    first day the law may have come into force (ICCPR 15(1), UDHR 11(2)). Like the other conclusions drawn here,
    only the breach is drawn, never its opposite.
    """
    arrest = doc.get("arrest")
    if not isinstance(arrest, dict) or "law_retroactive" in arrest:
        return
    in_force = _date_span(arrest.get("law_in_force_date"))
    if in_force is None:
        return
    acts: list[tuple[Any, tuple[str, ...]]]
    if "last_act_date" in arrest:
        acts = [(arrest["last_act_date"], ("arrest.last_act_date",))]
    else:
        linked = [(i, item) for i, item in enumerate(doc.get("conduct", [])) if item.get("led_to_detention") is True]
        acts = [(item.get("date"), (f"conduct[{i}].date", f"conduct[{i}].led_to_detention")) for i, item in linked]
    spans = [_date_span(date) for date, _ in acts]
    if acts and all(span is not None and span[1] < in_force[0] for span in spans):
        sources = ("arrest.law_in_force_date", *(path for _, paths in acts for path in paths))
        _add(facts, arrest, "arrest", "law_retroactive", True, sources)


#: The status a person's own work gives them, by the right it exercised (`conduct[].right`).
_WORK_STATUS = {
    "human_rights_defence": "human_rights_defender",
    "cooperation_with_un": "human_rights_defender",
    "legal_profession": "lawyer",
}


def _status_from_work(facts: Facts, doc: dict[str, Any]) -> None:
    """`person.status` from the work: a defender is known by what they do, not by a title (Declaration on Human
    Rights Defenders art 1; OHCHR Fact Sheet No. 29; E/CN.4/2006/95 para 29, which counts those who cooperate with
    the United Nations), and a lawyer by a lawyer's work for clients. A stated status is the whole list (`[]`
    says none): it wins, as a stated conclusion does."""
    person = doc.get("person")
    if isinstance(person, dict) and "status" in person:
        return
    work: dict[str, list[str]] = {}
    for i, item in enumerate(doc.get("conduct", [])):
        status = _WORK_STATUS.get(item.get("right", ""))
        if status:
            work.setdefault(status, []).append(f"conduct[{i}].right")
    if work:
        sources = tuple(path for paths in work.values() for path in paths)
        _add(facts, doc.setdefault("person", {}), "person", "status", sorted(work), sources)


#: The protected ground a status carries (as `V.protected-ground` reads it), and the grounds each group
#: the others targeted may share (`discrimination.pattern.group`), in `discrimination.grounds`' words.
_STATUS_GROUND = {
    "religious_minority": "religion",
    "ethnic_minority": "ethnic_origin",
    "linguistic_minority": "language",
    "lgbti": "sexual_orientation",
    "person_with_disability": "disability",
    "foreign_national": "national_origin",
    "political_opposition": "political_opinion",
    "human_rights_defender": "other_status",
}
_GROUP_GROUNDS = {
    "religion": {"religion"},
    "ethnic_group": {"ethnic_origin"},
    "nationality": {"national_origin"},
    "language": {"language"},
    "political": {"political_opinion"},
    "defenders": {"other_status"},
    "sexual_orientation": {"sexual_orientation"},
    "gender": {"gender"},
    "disability": {"disability"},
    "other": {"birth", "social_origin", "economic_condition", "other_status"},
}


def _group_shares_ground(facts: Facts, doc: dict[str, Any]) -> None:
    """`discrimination.pattern.group_shares_ground`: others targeted count as a factor of discrimination on
    the person's ground only when they share it (A/HRC/36/37 para 48: others with the same distinguishing
    characteristics). The group named decides; with none named, the one kind of ground the person carries is
    the group "of the same group" means, and grounds of several kinds leave it unknown, for `wgad gaps` to
    ask which group."""
    discrimination = doc.get("discrimination")
    pattern = discrimination.get("pattern") if isinstance(discrimination, dict) else None
    if not isinstance(pattern, dict) or "group_targeted" not in pattern:
        return
    base = "discrimination.pattern"
    if pattern["group_targeted"] is not True:
        _add(facts, pattern, base, "group_shares_ground", False, (f"{base}.group_targeted",))
        return
    statuses = doc.get("person", {}).get("status", [])
    alleged = discrimination.get("grounds", []) if isinstance(discrimination, dict) else []
    carried = {_STATUS_GROUND[status] for status in statuses if status in _STATUS_GROUND} | set(alleged)
    sources: tuple[str, ...] = (f"{base}.group_targeted",)
    sources += tuple(path for path, held in (("person.status", statuses), ("discrimination.grounds", alleged)) if held)
    if "group" in pattern:
        shared = set().union(*(_GROUP_GROUNDS[group] for group in pattern["group"]))
        named = (sources[0], f"{base}.group", *sources[1:])
        _add(facts, pattern, base, "group_shares_ground", bool(shared & carried), named)
    elif len(carried) == 1:
        _add(facts, pattern, base, "group_shares_ground", True, sources)


#: Who can show another ground beyond a party's word: a finding, not an allegation.
_FINDERS = frozenset({"court", "trial_monitor", "working_group"})


def _substantiated(node: FactNode | None, acts: bool) -> bool:
    """Another ground for the arrest that is shown, not alleged: with its evidence, found by a court, a trial
    monitor or the Working Group, or a concrete act other than the conduct (the charge states acts:
    `acts`) that the source states, plainly or `by: [source]` alike, and does not dispute. Another offence
    the Government alone names, a bare offence label with no act stated, or a ground written
    `contested: true` is for the Government to substantiate (A/HRC/19/57 para 68; opinion 2/2022 para 66)."""
    if node is None:
        return False
    if node.evidence or set(node.by) & _FINDERS:
        return True
    return acts and not node.contested and set(node.by) != {"government"}


def _government_only(node: FactNode | None) -> bool:
    """A value only the Government states, with no evidence the source leaves unanswered."""
    return node is not None and set(node.by) == {"government"} and not node.evidence


def _add_to_arrest(facts: Facts, name: str, value: Any, sources: tuple[str, ...]) -> None:
    """A derived fact of the arrest, whether or not the file has an `arrest:` section."""
    _add(facts, facts.doc.setdefault("arrest", {}), "arrest", name, value, sources)


def _until(doc: dict[str, Any]) -> tuple[str, Any] | None:
    """Where the last open period ends: the release, or, for a person still held, the communication's date.

    A person still held (`person.released: false`) has been held at least until the
    communication was written, so a period still running is measured up to it: a length
    "so far", which only grows.
    """
    person = doc.get("person", {})
    if "release_date" in person:
        return "person.release_date", person["release_date"]
    if person.get("released") is False and "date" in doc.get("submission", {}):
        return "submission.date", doc["submission"]["date"]
    return None


def _last_open(periods: list[Mapping[str, Any]]) -> int | None:
    """The period with no end that started last, which ran until the release when the file dates it.

    Last by date, not by place in the list, so that the order of the periods never changes a
    finding (a start known to the month or the year counts from its first day); none when two
    open periods share the latest start.
    """
    starts = sorted((d[0], i) for i, p in enumerate(periods) if "end" not in p and (d := _date_span(p.get("start"))))
    if not starts or (len(starts) > 1 and starts[-2][0] == starts[-1][0]):
        return None
    return starts[-1][1]


def _brought(facts: Facts, doc: dict[str, Any]) -> None:
    """Whether the person, held on a criminal charge, was ever brought before a judge.

    True when a period records an appearance (`brought_before_judge: true` or a `judge_date`);
    false when a police custody or pre-trial period says there was none and no period records one.
    """
    seen, denied = None, None
    for i, period in enumerate(doc.get("detention", [])):
        base = f"detention[{i}]"
        if "other_state" in period:
            continue  # an appearance abroad is not before the State concerned's judge
        if period.get("brought_before_judge") is True or "judge_date" in period or "judge_after_days" in period:
            shown = next(f for f in ("judge_date", "judge_after_days", "brought_before_judge") if f in period)
            seen = seen or f"{base}.{shown}"
        elif period.get("brought_before_judge") is False and period.get("kind") in ("police_custody", "pretrial"):
            denied = denied or f"{base}.brought_before_judge"
    origin = seen or denied
    if origin:
        _add_to_arrest(facts, "brought_before_judge", seen is not None, (origin,))


def _released_promptly(facts: Facts, doc: dict[str, Any], prompt: float) -> None:
    """Whether the person was released within 48 hours of the arrest, so that no appearance before a judge was owed.

    ICCPR 9(3) forbids holding a person on a criminal charge beyond 48 hours without bringing them
    before a judge (General Comment No. 35 para 33); release before then leaves no one to bring. The
    release is the latest end of the State's own periods (or `person.release_date` for the one period
    with no end), counted from the arrest as the judge's date is: `true` or `false` only when the dates
    (and the arrest's time) settle it. An end that only the Government states is its assertion, not a
    record: it settles nothing (A/HRC/19/57 para 68).
    """
    arrest = doc.get("arrest", {})
    ends: list[tuple[dt.date, Any, str]] = []
    for i, period in enumerate(doc.get("detention", [])):
        if "other_state" in period:
            continue  # custody abroad: no appearance before this State's judge was owed there
        path = f"detention[{i}].end" if "end" in period else "person.release_date"
        value = period.get("end", doc.get("person", {}).get("release_date"))
        day = _full_date(value)
        if day is None or _government_only(facts.leaf(path)):
            return
        ends.append((day, value, path))
    if not ends or not _full_date(arrest.get("date")):
        return
    _, value, path = max(ends, key=lambda end: end[0])
    within = _within_48h(arrest, {"judge_date": value}, prompt)
    if within is not None:
        sources = (path, "arrest.date", *(["arrest.time"] if "arrest.time" in facts.leaves else []))
        _add_to_arrest(facts, "released_within_48h", within, sources)


def _length(
    period: Mapping[str, Any], base: str, until: tuple[str, Any] | None = None
) -> tuple[int, tuple[str, ...]] | None:
    """A period's length in days, from its dates or from `months` or `years` when `days` is not given.

    Rules read one length, `days`, whichever way the file gives it. `until` is the release
    (its path and date), for a last period whose end the file does not give.
    """
    if "days" in period:
        return None  # stated by the file itself
    end_path, end_value = (f"{base}.end", period.get("end")) if until is None else until
    start, end = _full_date(period.get("start")), _full_date(end_value)
    if start and end and end >= start:
        return (end - start).days, (f"{base}.start", end_path)
    for unit, days in DAYS_PER.items():
        if unit in period and math.isfinite(period[unit] * days):
            return int(period[unit] * days), (f"{base}.{unit}",)
    return _narrowest(_bounds(period, base), _span_between(period.get("start"), end_value, base, end_path))


def _span_between(start_value: Any, end_value: Any, base: str, end_path: str) -> tuple[Bounded, tuple[str, ...]] | None:
    """A length between dates one of which is known only to the month or the year ("from March 2015
    to 2019-05-01": 1492 to 1522 days), as bounds; none when the dates could be in either order."""
    start, end = _date_span(start_value), _date_span(end_value)
    if start is None or end is None or end[1] < start[0]:
        return None
    return Bounded(max(0, (end[0] - start[1]).days), (end[1] - start[0]).days), (f"{base}.start", end_path)


def _narrowest(
    *lengths: tuple[Bounded, tuple[str, ...]] | None,
) -> tuple[Bounded, tuple[str, ...]] | None:
    """The bounds every given length allows (stated bounds and partial dates), with the sources of both."""
    known = [length for length in lengths if length is not None]
    if not known:
        return None
    low = max(int(bounds) for bounds, _ in known)
    uppers = [bounds.upper for bounds, _ in known if bounds.upper is not None]
    high = min(uppers) if uppers else None
    if high is not None and high < low:
        return None  # the stated bounds and the dates disagree: validation's to report, no length to read
    sources = tuple(dict.fromkeys(path for _, paths in known for path in paths))
    return Bounded(low, high), sources


def _bounds(period: Mapping[str, Any], base: str) -> tuple[Bounded, tuple[str, ...]] | None:
    """A length known only between bounds ("more than a year", "3 to 8 years"), in whole days.

    The lower bound is rounded down and the upper up, so that a threshold the bounds decide is decided
    by the days too; a threshold between them stays unknown (`Bounded.compare`).
    """
    unit = UNIT_DAYS.get(period.get("length_unit", ""))
    low, high = period.get("length_at_least"), period.get("length_at_most")
    if unit is None or (low is None and high is None):
        return None
    if not all(math.isfinite(v * unit) for v in (low, high) if v is not None):
        return None
    upper = None if high is None else math.ceil(high * unit)
    sources = tuple(f"{base}.{name}" for name in ("length_at_least", "length_at_most", "length_unit") if name in period)
    return Bounded(int((low or 0) * unit), upper), sources


def _add(
    facts: Facts,
    holder: MutableMapping[str, Any],
    base: str,
    name: str,
    value: Any,
    sources: tuple[str, ...],
    contested_by: tuple[str, ...] = (),
) -> None:
    """Record a derived fact; its position is that of the first fact it comes from.

    It is contested when a fact it comes from is, or when `contested_by` names a fact that
    disputes it (another ground the Government alone asserts).
    """
    holder[name] = value
    first = facts.leaves[sources[0]]
    facts.leaves[f"{base}.{name}"] = FactNode(
        f"{base}.{name}",
        value,
        first.line,
        first.col,
        contested=bool(contested_by) or any(facts.leaves[s].contested for s in sources if s in facts.leaves),
        derived_from=tuple(facts.leaves[s] for s in (*sources, *contested_by) if s in facts.leaves),
    )


def _within_48h(arrest: Mapping[str, Any], period: Mapping[str, Any], prompt: float) -> bool | None:
    """True or False when the dates (and times, where given) settle it; None when they do not."""
    arrested, seen = _full_date(arrest.get("date")), _full_date(period.get("judge_date"))
    if not arrested or not seen:
        return None
    t0, t1 = _clock(arrest.get("time")), _clock(period.get("judge_time"))
    earliest = dt.datetime.combine(arrested, t0 or dt.time(23, 59))
    latest = dt.datetime.combine(arrested, t0 or dt.time(0, 0))
    hours_min = (dt.datetime.combine(seen, t1 or dt.time(0, 0)) - earliest).total_seconds() / 3600
    hours_max = (dt.datetime.combine(seen, t1 or dt.time(23, 59)) - latest).total_seconds() / 3600
    if hours_max <= prompt:
        return True
    if hours_min > prompt:
        return False
    return None


def _clock(value: Any) -> dt.time | None:
    return dt.time.fromisoformat(value) if isinstance(value, str) else None
