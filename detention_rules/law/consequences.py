"""What findings lead to (their consequences): category titles and remedies, read from rules/outcomes.yaml."""

# No `from __future__ import annotations`: the rules cache reads this module's types (reasoning/rules_cache.py).
import re
from collections.abc import Collection
from pathlib import Path

import msgspec

from detention_rules import words
from detention_rules.errors import Problem
from detention_rules.input.case import CATEGORIES, Case, field_names, field_types
from detention_rules.law.data_file import DataFile

FILE_NAME = "outcomes.yaml"
WHEN = ("always", "covenant", "no_covenant", "detained", "sentenced", "violation:<name>")
#: `when: violation:<name>`: a remedy a finding calls for (a vague law found under I: amend the law).
_VIOLATION = re.compile(r"^violation:[a-z0-9]+(?:-[a-z0-9]+)*$")


class Remedy(msgspec.Struct, frozen=True):
    when: str
    text: str
    source: str


class Condition(msgspec.Struct, frozen=True):
    """A condition of detention that calls for a referral: a period's fact and its value."""

    fact: str
    value: bool
    refer: str
    why: str


class SentenceReferral(msgspec.Struct, frozen=True):
    """A sentence that calls for a referral once a category is established: a death sentence after an unfair trial."""

    kind: str
    after: str
    refer: str
    why: str


class Consequences(msgspec.Struct, frozen=True):
    titles: dict[str, str]
    remedies: tuple[Remedy, ...]
    conditions: tuple[Condition, ...] = ()
    sentences: tuple[SentenceReferral, ...] = ()

    def sentence_referrals_for(self, case: Case, established: Collection[str]) -> list[SentenceReferral]:
        """The referrals a known sentence calls for, given the categories established; an unknown kind, none."""
        kind = _value(case.sentence.kind) if case.sentence else None
        return [r for r in self.sentences if r.kind == kind and r.after in established]

    def referrals_for(self, case: Case) -> list[tuple[str, str]]:
        """(special procedure, why) for each condition of detention a period is known to show."""
        out = []
        for cond in self.conditions:
            if any(_value(getattr(p, cond.fact)) is cond.value for p in case.detention or ()):
                out.append((cond.refer, f"conditions of detention: {cond.why}"))
        return out

    def remedies_for(self, case: Case, concluded: Collection[str] = ()) -> list[Remedy]:
        """The remedies a case's known facts, and the violations found (`concluded`), call for; unknown
        facts call for none."""
        # still held only when the file says so: a period without an end may be one whose end is unknown
        released = case.person.released if case.person else None
        detained = released is not None and _value(released) is False and not detention_ended(case)
        s = case.sentence
        sentenced = s is not None and any(getattr(s, f) is not None for f in ("kind", "date", "years"))
        party = _value(case.state.iccpr_party) if case.state else None
        holds = {"always": True, "covenant": party is not False, "no_covenant": party is False}
        holds |= {"detained": detained, "sentenced": sentenced}
        return [r for r in self.remedies if holds.get(r.when, r.when in concluded)]


def detention_ended(case: Case) -> bool:
    """Whether every period of detention the file lists has ended (an end date): the person is no longer held,
    whatever `person.released` said when the case was examined (a file's "held at the opinion", then "pardoned on
    17 March 2016" as the last period's end), so no draft asks for release or says "still detained"."""
    return periods_ended([_value(p.end) for p in case.detention or ()])


def periods_ended(ends: Collection[object]) -> bool:
    """Whether periods of detention, given by their ends (None: no end stated), are some and have all ended: the
    one reading of "no longer held" for the remedies (`detention_ended`) and for the facts told (`Teller`)."""
    return bool(ends) and all(end is not None for end in ends)


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value)


def _when(when: object) -> bool:
    return when in WHEN[:-1] or bool(_VIOLATION.match(str(when)))


def _value(fact: object) -> object:
    return getattr(fact, "value", fact)


def read(path: Path, drawn: Collection[str] | None = None) -> tuple[Consequences | None, list[Problem]]:
    """The outcomes file; `drawn`: the conclusions the folder's rules draw, which a remedy's
    `when: violation:<name>` must be one of (else it could never apply)."""
    file = DataFile(path, "outcomes")
    doc, problem, problems = file.doc, file.problem, file.problems
    data = doc.data if isinstance(doc.data, dict) else {}
    titles = data.get("categories")
    if not isinstance(titles, dict) or set(titles) != set(CATEGORIES) or not all(map(_text, titles.values())):
        problem(("categories",), _says("titles", categories=", ".join(CATEGORIES)))
    remedies = []
    for i, item in enumerate(data.get("remedies") or []):
        ok = isinstance(item, dict) and set(item) == {"when", "text", "source"} and _when(item["when"])
        if not ok or not all(isinstance(item[k], str) and item[k] for k in ("text", "source")):
            problem(("remedies", i), _says("remedy", when="|".join(WHEN)))
            continue
        if item["when"].startswith("violation:") and drawn is not None and item["when"] not in drawn:
            message = _says("remedy_unused", when=item["when"])
            file.warning(("remedies", i, "when"), message, "outcomes-remedy-unused")
        remedies.append(Remedy(item["when"], item["text"], item["source"]))
    conditions = []
    periods = field_names("Period")
    for i, item in enumerate(data.get("conditions") or []):
        ok = isinstance(item, dict) and set(item) == {"fact", "is", "refer", "why"}
        if not ok or item["fact"] not in periods or not isinstance(item["is"], bool):
            message = _says("condition")
            problem(("conditions", i), message)
            continue
        conditions.append(Condition(item["fact"], item["is"], " ".join(str(item["refer"]).split()), str(item["why"])))
    sentences = []
    kinds = field_types()["sentence.kind"].choices
    for i, item in enumerate(data.get("sentences") or []):
        keys = {"kind", "after", "refer", "why"}
        ok = isinstance(item, dict) and set(item) == keys and item["kind"] in kinds and item["after"] in CATEGORIES
        if not ok or not all(isinstance(item[k], str) and item[k] for k in ("refer", "why")):
            problem(("sentences", i), _says("sentence"))
            continue
        refer = " ".join(item["refer"].split())
        sentences.append(SentenceReferral(item["kind"], item["after"], refer, item["why"]))
    if any(p.level == "error" for p in problems):
        return None, problems
    assert isinstance(titles, dict)  # else a problem was recorded above
    return Consequences(dict(titles), tuple(remedies), tuple(conditions), tuple(sentences)), problems


def _says(key: str, /, **parts: object) -> str:
    """A problem in the outcomes file, in words (locales/<lang>/law.yaml, `outcomes:`), read only when there is one."""
    return words.of("law", "outcomes")[key].format(**parts)
