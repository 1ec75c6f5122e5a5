"""What if a fact were different: apply `--set path=value` to a case in memory and compare.

The file is never touched: the change is made to the parsed data, validated
like any case, and run. Setting a fact written with its provenance replaces
its value and keeps the provenance.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

import msgspec

from detention_rules import words
from detention_rules.errors import InputError, UsageError
from detention_rules.input import source
from detention_rules.input.case import CATEGORIES, field_types
from detention_rules.input.field_path import FieldPath

if TYPE_CHECKING:
    from detention_rules.reasoning.derivation import Analysis


def parse_set(text: str) -> tuple[FieldPath, Any]:
    """`detention[0].incommunicado=true` -> (("detention", 0, "incommunicado"), True)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a byte that is not UTF-8 on the command line arrives as a lone surrogate
        raise UsageError(_says("not_utf8", text=repr(text))) from None
    if "=" not in text:
        raise UsageError(_says("no_equals", text=repr(text)))
    if "\n" in text or "\r" in text:
        raise UsageError(_says("one_line", text=repr(text)))
    path_text, value_text = text.split("=", 1)
    steps = user_path(path_text, _says("what", text=repr(text)))
    try:
        value = read_value(value_text)
    except InputError as exc:  # not YAML, or a value no case file may hold (`!!bool maybe`, `.inf`)
        raise UsageError(_says("unreadable", text=repr(text), reason=exc.problems[0].message)) from None
    if isinstance(value, dict):
        raise UsageError(_says("one_fact", text=repr(text)))
    return steps, value


def user_path(path_text: str, what: str) -> FieldPath:
    """A path a user wrote (`--set`, the page's what-if), refused with a usage error naming `what` when it is
    not one, or longer than any field's: the change would build data nested that deep."""
    try:
        steps = FieldPath.parse(path_text)
    except ValueError as exc:
        raise UsageError(_says("bad_path", what=what, reason=exc)) from None
    if len(steps) > max_steps():
        raise UsageError(_says("too_long", what=what, steps=len(steps), most=max_steps()))
    return steps


@functools.cache
def max_steps() -> int:
    """The steps of the longest path to a fact: a field's (`trial.counsel.of_choice`), inside a detainee's
    entry (`detainees[0].`), to the fact's provenance (`.contested`)."""
    longest = max(path.count(".") + 1 + path.count("[]") for path in field_types())
    return longest + 2 + 1


def read_value(text: str) -> Any:
    """A value read as a case file would read it (20:20 stays a time, 2020-04-17 a date); empty is None."""
    return source.parse(f"v: {text}", "--set").data["v"] if text.strip() else None


#: A `--set` as written, with its path and value parsed (`parse_set`).
Setting = tuple[str, FieldPath, Any]


def parse_sets(texts: Iterable[str]) -> list[Setting]:
    """Parse each `--set` once: a malformed one is a usage error before any file is read."""
    return [(text, *parse_set(text)) for text in texts]


def apply(doc: source.Document, settings: list[Setting]) -> source.Document:
    """A copy of `doc` with each change made; positions stay those of the file."""
    data = copy.deepcopy(doc.data)  # what runs on the changed case never reaches the original's data
    for change, steps, value in settings:
        try:
            data = steps.set(data, value)
        except ValueError as exc:
            raise UsageError(_says("cannot_set", text=repr(change), reason=exc)) from None
    return source.Document(doc.path, data, doc.positions, doc.key_positions)


#: Where a category or conclusion stands in a run: a finding's strength, or the conclusion drawn or not. The
#: JSON's `before` and `after` are these values (data, like a problem's code); a report says them in words
#: (locales/<lang>/report.yaml `whatif:`, the page's web.yaml).
State = Literal["established", "contested", "not established", "drawn", "not drawn"]


class Change(msgspec.Struct):
    """How one category or conclusion moved between the original and the what-if run."""

    subject: str  # a category (I..V) or a conclusion (`violation:x`)
    before: State
    after: State
    category: bool  # `subject` is a category
    detainee: str | None = None  # in a case of several detainees, whose change it is

    @property
    def name(self) -> str:
        """The JSON's `name`: `category I`, `violation:x`, each prefixed `person: ` in a case of several."""
        name = f"category {self.subject}" if self.category else self.subject  # data, as the JSON has always named it
        return name if self.detainee is None else f"{self.detainee}: {name}"


class HasAnalysis(Protocol):
    """What `compare` reads of a case's result (so whatif does not import the pipeline)."""

    @property
    def analysis(self) -> Analysis | None: ...

    @property
    def detainee(self) -> str: ...

    @property
    def persons(self) -> Sequence[HasAnalysis]: ...


def compare(before: HasAnalysis, after: HasAnalysis) -> list[Change]:
    """Categories and violations that appear, disappear or change strength."""
    out: list[Change] = []
    if before.persons and after.persons:  # several detainees: each person's changes, named
        for a, b in zip(before.persons, after.persons, strict=False):
            out += [msgspec.structs.replace(c, detainee=a.detainee) for c in compare(a, b)]
        return out
    if before.analysis is None or after.analysis is None:
        return out
    strength_a: dict[str, State] = {f.category: f.strength for f in before.analysis.findings}
    strength_b: dict[str, State] = {f.category: f.strength for f in after.analysis.findings}
    for category in CATEGORIES:
        was, now = strength_a.get(category, "not established"), strength_b.get(category, "not established")
        if was != now:
            out.append(Change(category, was, now, category=True))
    concl_a, concl_b = set(before.analysis.concluded), set(after.analysis.concluded)
    for name in sorted((concl_a ^ concl_b) - {f"category:{c}" for c in CATEGORIES}):
        out.append(Change(name, _drawn(name in concl_a), _drawn(name in concl_b), category=False))
    return out


def _says(key: str, /, **parts: object) -> str:
    """Why a `--set` (or the page's what-if path) is refused (locales/<lang>/report.yaml, `whatif_set:`)."""
    return words.of("report", "whatif_set")[key].format(**parts)


def _drawn(drawn: bool) -> State:
    return "drawn" if drawn else "not drawn"
