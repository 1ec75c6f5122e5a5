"""Turn a validated case into the fact document the rules read, each fact with its origin.

Unknown facts are left out of the document entirely: durable-rules matches no
condition on an absent field, which keeps unknown distinct from false. A few
facts are derived (a period's length in days, whether the person saw a judge
within 48 hours, the time held untried, the age from the birth date); each names the
facts it was computed from, so a derivation tree still ends in lines of the case file.
Two conclusions the Working Group infers from facts are inferred here too when the file
does not state them (`led_to_detention`, `necessity_shown`): a drafter knows the facts,
not always the conclusion.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, MutableMapping
from typing import Any

import msgspec

from detention_rules.input.case import Asserted, Case, Section, exceptions
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import DAYS_PER
from detention_rules.input.source import Document, PathKey
from detention_rules.law.law import Law

#: Sections of a case file that hold facts (the others describe the file itself).
FACT_SECTIONS = (
    "submission",
    "person",
    "state",
    "government",
    "arrest",
    "detention",
    "conduct",
    "emergency",
    "trial",
    "sentence",
    "discrimination",
)


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


class Facts(msgspec.Struct):
    """The fact document and the origin of every fact in it."""

    doc: dict[str, Any]
    leaves: dict[str, FactNode] = msgspec.field(default_factory=dict)
    file: str = ""
    #: facts the Government rebutted with evidence the source did not answer: left out of `doc`
    rebutted: list[FactNode] = msgspec.field(default_factory=list)

    def leaf(self, path: str) -> FactNode | None:
        return self.leaves.get(path)


def build(law: Law, case: Case, source: Document | None = None) -> Facts:
    """The facts of `case` under `law` (its parameters); positions come from `source` when read from a file."""
    positions = source.positions if source else {}
    contests = set(case.government.contests or ()) if case.government else set()
    facts = Facts({}, file=source.path if source else "")

    def where(path: PathKey) -> tuple[int, int]:
        return positions.get(path) or (source.where(path) if source else (0, 0))

    def visit(obj: Any, path: PathKey) -> Any:
        if isinstance(obj, Asserted):
            if obj.value is None:
                return None
            name = str(FieldPath(path))
            line, col = where((*path, "value"))
            value = _plain(obj.value)
            contested = bool(obj.contested) or _listed(name, contests)
            bare = _mere_assertion(name, value, obj, contested)
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
            )
            if obj.rebutted and not contested:
                # rebutted with evidence the source did not answer: unknown, not a ground (A/HRC/19/57 para 68)
                facts.rebutted.append(node)
                return None
            facts.leaves[name] = node
            # a mere assertion of an exception is kept out of what the rules read: the exception is not shown
            return None if bare else value
        if isinstance(obj, Section):
            out = {}
            for key, child in obj.__dict__.items():  # the fields, in model order; most are None
                if child is not None:
                    value = visit(child, (*path, key))
                    if value is not None:
                        out[key] = value
            return out
        if isinstance(obj, list) and obj and isinstance(obj[0], Section):
            return [visit(item, (*path, i)) for i, item in enumerate(obj)]
        name = str(FieldPath(path))
        line, col = where(path)
        contested = _listed(name, contests)
        bare = _mere_assertion(name, _plain(obj), None, contested)
        facts.leaves[name] = FactNode(name, _plain(obj), line, col, contested=contested or bare, unproven=bare)
        return None if bare else _plain(obj)

    for section in FACT_SECTIONS:
        value = getattr(case, section)
        if value is not None:
            facts.doc[section] = visit(value, (section,))
    _derive(facts, law)
    return facts


def _mere_assertion(name: str, value: Any, fact: Asserted | None, contested: bool) -> bool:
    """An exception's defeating value that is not shown: only the Government asserts it, without
    evidence the source does not dispute, or it is a legal conclusion with no `ref` to a finding.

    The burden of an exception is the Government's, and a mere assertion does not discharge it
    (opinion 2/2022 para 66; A/HRC/19/57 para 68): such a value contests the finding, never defeats it.
    """
    exception = exceptions().get(FieldPath.generic_name(name))
    if exception is None or not exception.defeated_by(value):
        return False
    if exception.needs_ref and not (fact and fact.ref):
        return True  # a legal conclusion with no finding to point to: not shown, whoever states it
    if fact is None or set(fact.by or ()) != {"government"}:
        return False  # the source, a court or a monitor states it too: shown
    return not fact.evidence or contested


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple)) else value


def _listed(name: str, contests: set[str]) -> bool:
    """A fact is contested when the Government contests it or the list or section holding it.

    An entry without item numbers (`detention[].incommunicado`) names that field in every item.
    Looked up by the fact's own prefixes, so time does not grow with the number of entries.
    """
    if not contests:
        return False
    for form in {name, FieldPath.generic_name(name)}:
        if form in contests or any(form[:i] in contests for i, ch in enumerate(form) if ch in ".["):
            return True
    return False


def _full_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _derive(facts: Facts, law: Law) -> None:
    doc = facts.doc
    arrest = doc.get("arrest", {})
    seen: list[tuple[bool, tuple[str, ...]]] = []
    periods = doc.get("detention", [])
    last_open = _last_open(periods)
    for i, period in enumerate(periods):
        base = f"detention[{i}]"
        until = _until(doc) if i == last_open else None
        length = _length(period, base, until)
        if length is not None:
            _add(facts, period, base, "days", *length)
        within = _within_48h(arrest, period, law.parameter("prompt_hours"))
        if within is not None:
            sources = [f"{base}.judge_date", "arrest.date"]
            sources += [p for p in (f"{base}.judge_time", "arrest.time") if p in facts.leaves]
            seen.append((within, tuple(sources)))
        _necessity(facts, period, base)
        _judge_decided(facts, arrest, period, base, law.parameter("prompt_hours"))
    arrested, charged = _full_date(arrest.get("date")), _full_date(arrest.get("charge_date"))
    if arrested and charged and charged >= arrested:
        _add_to_arrest(facts, "days_uncharged", (charged - arrested).days, ("arrest.charge_date", "arrest.date"))
    _brought(facts, doc)
    _age(facts, doc)
    _untried(facts, doc)
    _links(facts, doc, law.parameter("conduct_arrest_days"))
    # the first appearance before a judge is one fact of the arrest, whichever period records it
    for within in (True, False):
        found = [sources for value, sources in seen if value is within]
        if found:
            _add_to_arrest(facts, "judge_within_48h", within, found[0])
            break


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
    length of any such period is unknown: a part of the time is no measure of the whole.
    """
    trial_start = _full_date(doc.get("trial", {}).get("start"))
    total, sources = 0, []
    for i, period in enumerate(doc.get("detention", [])):
        base = f"detention[{i}]"
        if period.get("kind") not in ("police_custody", "pretrial"):
            continue
        start = _full_date(period.get("start"))
        stated = "days" in period and not facts.leaves[f"{base}.days"].derived_from
        if start and trial_start and trial_start >= start and "end" not in period and not stated:
            total += (trial_start - start).days
            sources += [f"{base}.start", "trial.start"]
        elif "days" in period:
            total += period["days"]
            sources.append(f"{base}.days")
        else:
            return
    if sources:
        _add_to_arrest(facts, "days_untried", total, tuple(dict.fromkeys(sources)))


def _links(facts: Facts, doc: dict[str, Any], days: float) -> None:
    """`led_to_detention: true` for a conduct item the facts tie to the arrest, unless the file states it.

    The Working Group infers the link as a drafter can: the charge, the warrant or the
    interrogation names the conduct; or the arrest followed it closely (within `days`, the
    parameter conduct_arrest_days) and no other ground was stated, or the Government did not reply
    to say one (opinion 2/2022 paras 66, 73). Only `true` is inferred.
    """
    arrest = doc.get("arrest", {})
    arrested = _full_date(arrest.get("date"))
    other = arrest.get("other_grounds_stated")
    silent = doc.get("government", {}).get("replied") is False
    for i, item in enumerate(doc.get("conduct", [])):
        base = f"conduct[{i}]"
        if "led_to_detention" in item:
            continue
        if item.get("cited_by_authorities") is True:
            _add(facts, item, base, "led_to_detention", True, (f"{base}.cited_by_authorities",))
            continue
        done = _full_date(item.get("date"))
        if not (done and arrested and 0 <= (arrested - done).days <= days):
            continue
        if other is False:
            _add(
                facts,
                item,
                base,
                "led_to_detention",
                True,
                (f"{base}.date", "arrest.date", "arrest.other_grounds_stated"),
            )
        elif other is None and silent:
            _add(facts, item, base, "led_to_detention", True, (f"{base}.date", "arrest.date", "government.replied"))


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
    finding; none when two open periods share the latest start.
    """
    starts = sorted((d, i) for i, p in enumerate(periods) if "end" not in p and (d := _full_date(p.get("start"))))
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
        if period.get("brought_before_judge") is True or "judge_date" in period:
            seen = seen or (f"{base}.judge_date" if "judge_date" in period else f"{base}.brought_before_judge")
        elif period.get("brought_before_judge") is False and period.get("kind") in ("police_custody", "pretrial"):
            denied = denied or f"{base}.brought_before_judge"
    origin = seen or denied
    if origin:
        _add_to_arrest(facts, "brought_before_judge", seen is not None, (origin,))


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
    return None


def _add(
    facts: Facts, holder: MutableMapping[str, Any], base: str, name: str, value: Any, sources: tuple[str, ...]
) -> None:
    """Record a derived fact; its position is that of the first fact it comes from."""
    holder[name] = value
    first = facts.leaves[sources[0]]
    facts.leaves[f"{base}.{name}"] = FactNode(
        f"{base}.{name}",
        value,
        first.line,
        first.col,
        contested=any(facts.leaves[s].contested for s in sources if s in facts.leaves),
        derived_from=tuple(facts.leaves[s] for s in sources if s in facts.leaves),
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
