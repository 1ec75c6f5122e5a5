"""Validate a parsed case file: model errors and consistency checks, each with its line.

Model errors come from pydantic, translated to the file's own words: the field
by its path (`arrest.warrant_shown`), the line it is on, and for an unknown key
the nearest known one. Consistency checks catch what a drafter would otherwise
miss (dates out of order, contested facts with no Government response...).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from detention_rules.errors import Problem
from detention_rules.input import detainees
from detention_rules.input.case import ASSERTED_TAG, FACT_TAGS, Case, describe, field_types
from detention_rules.input.fields import DAYS_PER
from detention_rules.input.source import Document, PathKey, dotted, generic, lookup


def validate(doc: Document) -> tuple[Case | None, list[Problem]]:
    """The case in `doc`, or None, and every problem found, sorted by line."""
    if not isinstance(doc.data, dict):
        return None, [
            _at(doc, (), "error", "the top level of a case file must be a mapping of sections", "not-a-mapping")
        ]
    if doc.data and not any(difflib.get_close_matches(str(k), list(Case.model_fields), 1, 0.8) for k in doc.data):
        # not a case file at all (a linked /etc/passwd), not even one with a section misspelt:
        # one problem, and none of its text echoed
        message = f"not a case file: none of its {len(doc.data)} top-level keys is a section of a case"
        return None, [_at(doc, (), "error", message, "not-a-case")]
    try:
        case = Case.model_validate(doc.data)
    except ValidationError as exc:
        return None, sorted(_model_problems(doc, exc))
    problems = list(consistency(case, doc))
    for index in range(detainees.count(doc)):
        # what only one person's facts show (a period before the shared arrest), at that person's line
        person_doc = detainees.split(doc, index)
        try:
            person = Case.model_validate(person_doc.data)
        except ValidationError:  # not expected: each part was valid on its own; the file's checks stand
            continue
        problems += [p for p in consistency(person, person_doc) if p.level == "error" and p not in problems]
    return case, sorted(problems)


def _at(doc: Document, path: PathKey, level: str, message: str, code: str, *, key: bool = False) -> Problem:
    line, col = doc.where(path, key=key)
    return Problem(doc.path, line, col, level, message, code, dotted(path))  # type: ignore[arg-type]


def _model_problems(doc: Document, exc: ValidationError) -> Iterator[Problem]:
    seen: set[tuple[PathKey, str]] = set()
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        path = tuple(p for p in loc if p not in FACT_TAGS)
        # an error in `{value: ...}` is reported on the value's line but named after the fact
        shown = path[:-1] if ASSERTED_TAG in loc and path[-1:] == ("value",) else path
        kind = error["type"]
        if kind == "extra_forbidden":
            key = str(path[-1])
            hint = difflib.get_close_matches(key, _allowed_keys(path[:-1]), n=1)
            extra = f"; did you mean '{hint[0]}'?" if hint else ""
            where = f" in {dotted(path[:-1])}" if path[:-1] else " at the top level"
            message, code = f"unknown key '{key}'{where}{extra}", "unknown-key"
        elif kind == "string_pattern_mismatch":  # the field's description says the form; the regex would not
            message, code = f"{dotted(shown)}: not in the expected form; {_description(shown)}", "bad-value"
        elif kind in ("literal_error", "enum"):
            message, code = f"{dotted(shown)}: {error['msg'].replace('Input should be', 'must be')}", "bad-value"
        elif kind == "value_error":
            message, code = f"{dotted(shown)}: {error['msg'].removeprefix('Value error, ')}", "bad-value"
        elif kind == "string_too_long":
            message, code = f"{dotted(shown)}: {error['msg'].replace('String should', 'must')}", "too-long"
        else:
            got = type(error.get("input")).__name__
            message = f"{dotted(shown)}: {error['msg'].replace('Input should be', 'must be')} (got {got})"
            code = "wrong-type"
        if (path, code) in seen:
            continue
        seen.add((path, code))
        yield _at(doc, path, "error", message, code, key=kind == "extra_forbidden")


#: Keys of a fact written with its provenance (`{value: ..., ref: ...}`).
_ASSERTED_KEYS = ["value", "by", "contested", "ref", "note"]


def _model_at(path: PathKey) -> Any:
    """The model class of the mapping at `path`, `_ASSERTED_KEYS` for a fact, or None."""
    model: Any = Case
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or part not in model.model_fields:
            return None
        described = describe(model.model_fields[part].annotation)
        if isinstance(described, tuple):
            model = described[1]
        elif isinstance(described, type):
            model = described
        else:
            return _ASSERTED_KEYS
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _allowed_keys(path: PathKey) -> list[str]:
    """Keys allowed in the mapping at `path`, for "did you mean" hints."""
    model = _model_at(path)
    return model if model is _ASSERTED_KEYS else list(model.model_fields) if model else []


def _description(path: PathKey) -> str:
    """The case model's description of the field at `path`."""
    model = _model_at(path[:-1])
    info = model.model_fields.get(str(path[-1])) if model and model is not _ASSERTED_KEYS else None
    return (info.description or "") if info else ""


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


def consistency(case: Case, doc: Document) -> Iterator[Problem]:
    """Checks a drafter would otherwise miss. Dates are compared at their widest reading."""
    arrest = case.arrest
    arrested = _date(arrest.date) if arrest else None

    def before(later: Any, earlier: dt.date | None, path: PathKey, what: str) -> Iterator[Problem]:
        end = _latest(later)
        if end and earlier and end < earlier:
            yield _at(doc, path, "error", f"{dotted(path)} ({_value(later)}) is before {what}", "date-order")

    for i, period in enumerate(case.detention or ()):
        base: PathKey = ("detention", i)
        lengths = [(unit, _value(getattr(period, unit))) for unit in ("days", "months", "years")]
        lengths = [(unit, n) for unit, n in lengths if n is not None]
        if period.start is None and not lengths and period.model_dump(exclude_none=True):
            yield _at(doc, base, "warning", f"detention[{i}] has no start date nor length", "period-no-start")
        start, end = _date(period.start), _date(period.end)
        if lengths and start and end and _full(period.start) and _full(period.end):
            unit, n = lengths[0]
            stated = n * DAYS_PER.get(unit, 1)
            actual = (end - start).days
            if abs(stated - actual) > max(1, actual * 0.1):
                message = f"detention[{i}].{unit} ({n}) does not match its dates ({actual} days): the dates are used"
                yield _at(doc, (*base, unit), "warning", message, "length-mismatch")
        yield from before(period.start, arrested, (*base, "start"), "the arrest")
        yield from before(period.end, _date(period.start), (*base, "end"), "the start of the period")
        yield from before(period.judge_date, arrested, (*base, "judge_date"), "the arrest")
        if _value(period.kind) == "immigration" and not _migration_status(case):
            yield _at(
                doc,
                (*base, "kind"),
                "warning",
                f"{_value(period.kind)} custody but person.status names no migration status "
                "(migrant, asylum_seeker, refugee, stateless): category IV cannot be assessed",
                "custody-no-migration-status",
            )
    if case.trial:
        yield from before(case.trial.start, arrested, ("trial", "start"), "the arrest")
        yield from before(case.trial.end, _date(case.trial.start), ("trial", "end"), "the start of the trial")
    if case.sentence and case.trial:
        yield from before(case.sentence.date, _date(case.trial.start), ("sentence", "date"), "the trial")
    if arrest:
        yield from before(arrest.reasons_given_date, arrested, ("arrest", "reasons_given_date"), "the arrest")
        yield from before(arrest.charge_date, arrested, ("arrest", "charge_date"), "the arrest")
    if case.person:
        yield from before(case.person.release_date, arrested, ("person", "release_date"), "the arrest")
    yield from _contests(case, doc)
    yield from _expected(case, doc)


def _full(fact: Any) -> bool:
    value = _value(fact)
    return isinstance(value, str) and len(value) == 10


def _migration_status(case: Case) -> bool:
    status = _value(case.person.status) if case.person and case.person.status else None
    return bool(status and {"migrant", "asylum_seeker", "refugee", "stateless"} & set(status))


def _contested_paths(doc: Document) -> list[PathKey]:
    """Facts written as `{value: ..., contested: true}`, found from the file's keys (the model is valid)."""
    return sorted(
        path[:-1] for path in doc.key_positions if path[-1] == "contested" and _lookup(doc.data, path) is True
    )


def _lookup(data: Any, path: PathKey) -> Any:
    for step in path:
        data = data[step]
    return data


def _contests(case: Case, doc: Document) -> Iterator[Problem]:
    government = case.government
    replied = _value(government.replied) if government and government.replied is not None else None
    contested = _contested_paths(doc)
    listed = government.contests if government and government.contests else []
    if (contested or listed) and replied is not True:
        where = contested[0] if contested else ("government", "contests")
        yield _at(
            doc,
            where,
            "warning",
            "a fact is marked contested but government.replied is not true: record the Government's response",
            "contested-no-response",
        )
    known = field_types()
    for i, name in enumerate(listed):
        field = generic(name)
        if field not in known and not any(k.startswith(field + ".") or k.startswith(field + "[]") for k in known):
            yield _at(
                doc,
                ("government", "contests", i),
                "error",
                f"government.contests names unknown field '{name}'",
                "unknown-field",
            )
        elif _missing_item(doc.data, name):
            yield _at(
                doc,
                ("government", "contests", i),
                "warning",
                f"government.contests names '{name}', but the file has no such item: it contests nothing",
                "contests-nothing",
            )


def _missing_item(data: Any, name: str) -> bool:
    """Whether a numbered item on the way to `name` (`detention[7]`) is not in the file."""
    return "]" in name and "[]" not in name and lookup(data, name[: name.rindex("]") + 1]) is None


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
            f"expected lists {', '.join(sorted(both))} as both found and not found",
            "expected-conflict",
        )
    if expected.outcome in ("not_arbitrary", "filed") and expected.categories:
        yield _at(
            doc,
            ("expected", "outcome"),
            "error",
            f"outcome '{expected.outcome}' cannot go with categories found",
            "expected-conflict",
        )
