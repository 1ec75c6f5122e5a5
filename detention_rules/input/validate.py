"""Validate a parsed case file: model errors and consistency checks, each with its line, in one pass.

Model errors come from pydantic-core (the case model, `case.py`), translated to the
file's own words: the field by its path (`arrest.warrant_shown`), the line it is on,
what to write instead and, for an unknown key or choice, the nearest known one. The
fields in error are then left out and the rest is checked for consistency, so that a
typo never hides the dates out of order below it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import msgspec
from pydantic_core import ValidationError

from detention_rules import words
from detention_rules.errors import Problem
from detention_rules.input import case as model
from detention_rules.input import detainees, messages
from detention_rules.input.case import ASSERTED_TAG, Case, field_types
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import DAYS_PER, NEEDS_TRIAL
from detention_rules.input.source import Document, PathKey

if TYPE_CHECKING:
    from detention_rules.problem_codes import Level, ProblemCode

#: Conclusions the engine infers from facts, kept as overrides: stated, each needs the ref it rests on.
#: Section -> its conclusion fields. (The facts to state instead are messages.yaml's `consistency:`
#: `instead_<field>`.)
CONCLUSIONS = {
    "arrest": ("law_vague", "law_retroactive"),
    "conduct": ("led_to_detention",),
    "detention": ("necessity_shown",),
    "trial": ("undue_delay", "independent", "impartial", "presumption_of_innocence"),
}

#: Rounds of leaving fields in error out before the rest is checked (one is enough: fewer fields, fewer errors).
_ROUNDS = 3


def validate(doc: Document) -> tuple[Case | None, list[Problem]]:
    """The case in `doc`, or None when it has errors, and every problem found, sorted by line."""
    if not isinstance(doc.data, dict):
        return None, [_at(doc, (), "error", _says("not_a_mapping"), "not-a-mapping")]
    sections = model.field_names("Case")
    if doc.data and not any(k in sections or messages.closest(str(k), sections, 0.8) for k in doc.data):
        # not a case file at all (a linked /etc/passwd), not even one with a section misspelt:
        # one problem, and none of its text echoed
        message = _says("not_a_case", count=len(doc.data))
        return None, [_at(doc, (), "error", message, "not-a-case")]
    problems: list[Problem] = []
    kept = doc
    for _ in range(_ROUNDS):
        try:
            case = model.parse(kept.data)
        except ValidationError as exc:
            found = list(_model_problems(doc, exc))
            problems += [f.problem for f in found if f.problem not in problems]
            kept = msgspec.structs.replace(kept, data=_without(kept.data, [f.field_path for f in found]))
            continue
        problems += [p for p in _consistent(case, kept) if p not in problems]
        return (case if kept is doc else None), sorted(problems)
    return None, sorted(problems)


def _consistent(case: Case, doc: Document) -> list[Problem]:
    """Consistency problems of a case the model accepts, and of each detainee's overlaid facts."""
    problems = list(consistency(case, doc))
    shared, total = detainees.repeated(doc)
    if total > detainees.MAX_REPEATED:  # before any person's case is made: their work is what it bounds
        message = _says(
            "too_much_shared", count=detainees.count(doc), shared=shared, total=total, limit=detainees.MAX_REPEATED
        )
        return [*problems, _at(doc, ("detainees",), "error", message, "too-long", key=True)]
    for person_doc in detainees.each(doc):
        # what only one person's facts show (a period before the shared arrest), at that person's line
        try:
            person = model.parse(person_doc.data)
        except ValidationError:  # not expected: each part was valid on its own; the file's checks stand
            continue
        problems += [p for p in consistency(person, person_doc) if p.level == "error" and p not in problems]
    return problems


class _Found(msgspec.Struct, frozen=True):
    """A model error before it becomes a Problem: where, and the field to leave out for the other checks."""

    problem: Problem
    field_path: PathKey


def _without(data: Any, paths: list[PathKey]) -> Any:
    """A copy of `data` without the keys at `paths` (the original is never changed)."""
    import copy  # here: only a file with errors is copied

    out = copy.deepcopy(data)
    for path in paths:
        holder = out
        try:
            for step in path[:-1]:
                holder = holder[step]
            holder.pop(path[-1], None)
        except (KeyError, IndexError, TypeError, AttributeError):
            continue  # a parent already left out
    return out


def _at(
    doc: Document,
    path: PathKey,
    level: Level,
    message: str,
    code: ProblemCode,
    *,
    key: bool = False,
    field: PathKey | None = None,
) -> Problem:
    """A problem at `path` in the file (its line and column), about `field` (default: `path`): a fact named as
    `--set` and every message name it, `arrest.date` whether the file writes it bare or as `{value: ...}`."""
    line, col = doc.where(path, key=key)
    return Problem(doc.path, line, col, level, message, code, str(FieldPath(path if field is None else field)))


def _model_problems(doc: Document, exc: ValidationError) -> Iterator[_Found]:
    seen: set[PathKey] = set()
    for error in exc.errors(include_url=False):
        where = _locate(error["loc"])
        if where.path in seen:
            continue  # a number's two branches (whole, decimal) fail alike: one problem
        seen.add(where.path)
        if error["type"] == "extra_forbidden":
            key, allowed = str(where.path[-1]), model.field_names(where.owner) if where.owner else []
            provenance = where.owner == "Asserted"
            provenance_key = not provenance and key in model.field_names("Asserted")  # `contested` on a section
            hint = messages.closest(key, allowed, 0.8 if provenance_key else 0.6)  # `note`: `notes` is meant
            misplaced = provenance_key and not hint
            message, code = messages.unknown_key(key, str(FieldPath(where.path[:-1])), hint, provenance, misplaced)
            problem = _at(doc, where.path, "error", message, code, key=True)
        else:
            message, code = messages.model_error(str(FieldPath(where.shown)), where.entry, error)
            problem = _at(doc, where.path, "error", message, code, field=where.shown)
        yield _Found(problem, where.field_path)


class _Where(msgspec.Struct, frozen=True):
    """Where an error is: its path in the file, the path messages name, the field to leave out, the field."""

    path: PathKey
    shown: PathKey
    field_path: PathKey
    entry: dict[str, Any]
    owner: str | None = None  # for an unknown key: the model whose keys are allowed there


def _locate(loc: tuple[str | int, ...]) -> _Where:
    """Read pydantic-core's error location with the field table: branch names (plain, asserted,
    int, float) are the validator's, not the file's, and are left out."""
    path: list[str | int] = []
    field_path: PathKey = ()
    entry: dict[str, Any] = {}
    owner: str | None = "Case"  # the model whose keys come next; None inside a field's value
    allowed_in: str | None = None
    for part in loc:
        if isinstance(part, int):
            path.append(part)
            continue
        if part == ASSERTED_TAG and entry.get("fact") and owner is None:
            owner = "Asserted"
            continue
        if owner is None:
            continue  # a branch of the field's own type
        path.append(part)
        found = next((e for e in model.fields(owner) if e["name"] == part), None)
        if found is None:  # an unknown key: left out alone
            field_path, allowed_in = tuple(path), owner
            break
        if owner != "Asserted":
            entry, field_path = found, tuple(path)
            owner = found.get("model") if found["kind"] in ("model", "items") else None
        else:
            owner = None
            if part != "value":
                entry = found  # `by`, `ref`...: the provenance's own fields
    shown = tuple(path[:-1]) if path[-1:] == ["value"] else tuple(path)
    return _Where(tuple(path), shown, field_path or tuple(path), entry, allowed_in)


# --- consistency --------------------------------------------------------------------


def _value(fact: Any) -> Any:
    return getattr(fact, "value", fact)


def _date(fact: Any) -> dt.date | None:
    """The earliest day a partial date can mean, for ordering checks."""
    value = _value(fact)
    if not isinstance(value, str):
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _latest(fact: Any) -> dt.date | None:
    """The last day a partial date can mean."""
    value = _value(fact)
    if not isinstance(value, str):
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2 and parts[1] < 12:  # the day before the next month's first
        return dt.date(parts[0], parts[1] + 1, 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)  # a year, or its December (no year 10000 to step into)


def _bounds(period: Any, doc: Document, base: PathKey) -> Iterator[Problem]:
    """A length's bounds need their unit, and the least cannot exceed the most."""
    low, high = _value(period.length_at_least), _value(period.length_at_most)
    if (low is not None or high is not None) and _value(period.length_unit) is None:
        name = "length_at_least" if low is not None else "length_at_most"
        message = _says("no_length_unit", name=FieldPath((*base, name)))
        yield _at(doc, (*base, name), "warning", message, "length-bounds")
    if low is not None and high is not None and low > high:
        message = _says("bounds_order", name=FieldPath((*base, "length_at_least")), low=low, high=high)
        yield _at(doc, (*base, "length_at_least"), "error", message, "length-bounds")


def _no_trial(trial: Any, doc: Document) -> Iterator[Problem]:
    """A question about the trial itself, answered for a person who was never tried: it does not apply."""
    if _value(trial.held) is not False:
        return
    for path in NEEDS_TRIAL:
        holder: Any = trial
        for name in path.split(".")[1:]:
            holder = getattr(holder, name, None) if holder is not None else None
        if _value(holder) is not None:
            message = _says("no_trial", name=path)
            yield _at(doc, tuple(path.split(".")), "warning", message, "no-trial")


def consistency(case: Case, doc: Document) -> Iterator[Problem]:
    """Checks a drafter would otherwise miss. Dates are compared at their widest reading."""
    arrest = case.arrest
    arrested = _date(arrest.date) if arrest else None

    def before(later: Any, earlier: dt.date | None, path: PathKey, what: str) -> Iterator[Problem]:
        """`what`: the earlier date's key in messages.yaml's `consistency:` (`the_arrest`...)."""
        end = _latest(later)
        if end and earlier and end < earlier:
            message = _says("before", name=FieldPath(path), value=_value(later), earlier=_says(what))
            yield _at(doc, path, "error", message, "date-order")

    for i, period in enumerate(case.detention or ()):
        base: PathKey = ("detention", i)
        lengths = [(unit, _value(getattr(period, unit))) for unit in ("days", "months", "years")]
        lengths = [(unit, n) for unit, n in lengths if n is not None]
        bounded = _value(period.length_at_least) is not None or _value(period.length_at_most) is not None
        if period.start is None and not lengths and not bounded and any(v is not None for v in vars(period).values()):
            yield _at(doc, base, "warning", _says("no_start", name=FieldPath(base)), "period-no-start")
        start, end = _date(period.start), _date(period.end)
        if lengths and start and end and _full(period.start) and _full(period.end):
            unit, n = lengths[0]
            stated = n * DAYS_PER.get(unit, 1)
            actual = (end - start).days
            if abs(stated - actual) > max(1, actual * 0.1):
                message = _says("length_mismatch", name=FieldPath((*base, unit)), length=n, days=actual)
                yield _at(doc, (*base, unit), "warning", message, "length-mismatch")
        # custody abroad (another State's) may precede the State concerned's arrest: a handover follows it
        since = None if _value(period.other_state) is not None else arrested
        yield from before(period.start, since, (*base, "start"), "the_arrest")
        yield from before(period.end, _date(period.start), (*base, "end"), "the_period_start")
        yield from before(period.judge_date, since, (*base, "judge_date"), "the_arrest")
        yield from _bounds(period, doc, base)
        if _value(period.extensions) == 0 and _value(period.extended_by) is not None:
            by = FieldPath((*base, "extended_by"))
            message = _says(
                "extension_conflict", name=FieldPath((*base, "extensions")), by=by, value=_value(period.extended_by)
            )
            yield _at(doc, (*base, "extensions"), "error", message, "extension-conflict")
        if _value(period.kind) == "immigration" and not _migration_status(case):
            yield _at(
                doc,
                (*base, "kind"),
                "warning",
                _says("no_migration_status", kind=_value(period.kind)),
                "custody-no-migration-status",
            )
    if case.trial:
        yield from _no_trial(case.trial, doc)
        yield from before(case.trial.start, arrested, ("trial", "start"), "the_arrest")
        yield from before(case.trial.end, _date(case.trial.start), ("trial", "end"), "the_trial_start")
    if case.sentence and case.trial:
        yield from before(case.sentence.date, _date(case.trial.start), ("sentence", "date"), "the_trial")
    if arrest:
        yield from before(arrest.reasons_given_date, arrested, ("arrest", "reasons_given_date"), "the_arrest")
        # no check on charge_date: a person may be charged (indicted, in absentia) before the arrest
    if case.person:
        yield from before(case.person.release_date, arrested, ("person", "release_date"), "the_arrest")
        yield from _held_but_ended(case, doc)
    if case.submission:
        yield from before(case.submission.date, arrested, ("submission", "date"), "the_arrest")
    yield from _contests(case, doc)
    yield from _expected(case, doc)
    yield from _conclusions(case, doc)
    yield from _languages(case, doc)


def _held_but_ended(case: Case, doc: Document) -> Iterator[Problem]:
    """Still held, yet the last period ended: often a release after the opinion written as an end (Cardet's parole
    in May 2019, after the opinion of 2018), which a draft would tell beside "is still detained"."""
    periods = case.detention or []
    person = case.person
    if person is None or _value(person.released) is not False or not periods:
        return
    last = len(periods) - 1  # the last written, as a draft tells them (partial starts cannot order them)
    if _value(periods[last].end) is not None:
        message = _says("held_but_ended", name=FieldPath(("detention", last, "end")), value=_value(periods[last].end))
        yield _at(doc, ("person", "released"), "warning", message, "held-but-ended")


def _conclusions(case: Case, doc: Document) -> Iterator[Problem]:
    """A legal conclusion stated with no ref: the engine would only echo it (jurisprudence review 2, X4)."""
    for section, names in CONCLUSIONS.items():
        holder = getattr(case, section)
        items: list[tuple[int | None, Any]] = (
            list(enumerate(holder)) if isinstance(holder, list) else [(None, holder)] if holder else []
        )
        for i, item in items:
            for name in names:
                fact = getattr(item, name, None)
                if _value(fact) is None or getattr(fact, "ref", None):
                    continue
                path: PathKey = (section, name) if i is None else (section, i, name)
                message = _says("conclusion", name=FieldPath(path), facts=_says(f"instead_{name}"))
                yield _at(doc, path, "warning", message, "conclusion-without-ref")


def _languages(case: Case, doc: Document) -> Iterator[Problem]:
    """A `translations:` language no draft is written in ("de", a typo "fr_"): its translations would never be
    read, and the draft in the language meant would set the drafter's words apart to translate all the same."""
    given: Any = case.translations  # typed `str` by the generated types: a mapping, as the model validates it
    for key in given or {}:
        if key not in words.LANGUAGES:
            lower = str(key).lower()  # "fr_", "FR", "fr-CA": French is meant; "de", "it": no language is
            hint = next((lang for lang in words.LANGUAGES if lower.startswith(lang)), "") or messages.closest(
                lower, words.LANGUAGES, 0.6
            )
            meant = words.of("messages", "messages")["did_you_mean"].format(hint=hint) if hint else ""
            path: PathKey = ("translations", key)
            message = _says("unknown_language", name=FieldPath(path), key=key, meant=meant)
            yield _at(doc, path, "warning", message, "translation-language", key=True)


def _says(key: str, /, **parts: object) -> str:
    """A consistency check's message (locales/<lang>/messages.yaml, `consistency:`), read when a check fails."""
    return words.of("messages", "consistency")[key].format(**parts)


def _full(fact: Any) -> bool:
    value = _value(fact)
    return isinstance(value, str) and len(value) == 10


def _migration_status(case: Case) -> bool:
    status = _value(case.person.status) if case.person and case.person.status else None
    return bool(status and {"migrant", "asylum_seeker", "refugee", "stateless"} & set(status))


def _contested_paths(data: Any) -> list[PathKey]:
    """Facts written as `{value: ..., contested: true}`, found in the data checked.

    Walked in the data, not looked up from the file's keys: a key the model refused
    (`arrest: {contested: true}`) has been left out of the data by then. Only mappings and
    lists are visited, from a stack: a call and a path for every scalar was a fifth of validation.
    """
    found: list[PathKey] = []
    stack: list[tuple[Any, PathKey]] = [(data, ())] if isinstance(data, (dict, list)) else []
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            if node.get("contested") is True:
                found.append(path)
            children: Iterable[tuple[str | int, Any]] = node.items()
        else:
            children = enumerate(node)
        for key, value in children:
            if isinstance(value, (dict, list)):
                stack.append((value, (*path, key)))
    return sorted(found)


def _contests(case: Case, doc: Document) -> Iterator[Problem]:
    government = case.government
    replied = _value(government.replied) if government and government.replied is not None else None
    contested = _contested_paths(doc.data)
    listed = government.contests if government and government.contests else []
    if (contested or listed) and replied is not True:
        where = contested[0] if contested else ("government", "contests")
        yield _at(
            doc,
            where,
            "warning",
            _says("contested_no_reply"),
            "contested-no-response",
        )
    rebutted = sorted(path[:-1] for path in doc.key_positions if path[-1] == "rebutted")
    if rebutted and replied is not True:
        yield _at(
            doc,
            (*rebutted[0], "rebutted"),
            "warning",
            _says("rebutted_no_reply"),
            "contested-no-response",
        )
    known = field_types()
    for i, name in enumerate(listed):
        field = FieldPath.generic_name(name)
        if field not in known and not any(k.startswith(field + ".") or k.startswith(field + "[]") for k in known):
            yield _at(
                doc,
                ("government", "contests", i),
                "error",
                _says("contests_unknown", name=name),
                "unknown-field",
            )
        elif _missing_item(doc.data, name):
            yield _at(
                doc,
                ("government", "contests", i),
                "warning",
                _says("contests_nothing", name=name),
                "contests-nothing",
            )


def _missing_item(data: Any, name: str) -> bool:
    """Whether a numbered item on the way to `name` (`detention[7]`) is not in the file."""
    return "]" in name and "[]" not in name and FieldPath.read(data, name[: name.rindex("]") + 1]) is None


def _expected(case: Case, doc: Document) -> Iterator[Problem]:
    expected = case.expected
    if not expected:
        return
    both = set(expected.categories) & set(expected.not_found)
    if both:
        yield _at(
            doc,
            ("expected",),
            "error",
            _says("expected_both", categories=", ".join(sorted(both))),
            "expected-conflict",
        )
    if expected.filed_reason is not None and expected.outcome != "filed":
        yield _at(
            doc,
            ("expected", "filed_reason"),
            "error",
            _says("filed_reason"),
            "expected-conflict",
        )
    if expected.outcome in ("not_arbitrary", "filed") and expected.categories:
        yield _at(
            doc,
            ("expected", "outcome"),
            "error",
            _says("outcome_categories", outcome=expected.outcome),
            "expected-conflict",
        )
