"""What a model error says to a petition drafter: the field, what is wrong, what to write instead.

Every sentence a case file's model errors show lives here, in plain words: never the
validator's own ("Input should be a valid boolean"), which speaks of Python types.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from detention_rules.problem_codes import ProblemCode


UNKNOWN = "or leave the field out when it is not known"
DATE_FORM = "is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY (2020-04-17, 2020-04 or 2020)"
TIME_FORM = "is not a time: write it as HH:MM on the 24-hour clock (09:30, 17:05)"


def not_a_real_date(reason: str) -> str:
    """The date has the right form but no such day exists (2020-02-30)."""
    return f"is not a real date ({reason}): write a day that exists, as YYYY-MM-DD"


def unknown_key(
    key: str, where: str, hint: str, provenance: bool = False, misplaced: bool = False
) -> tuple[str, ProblemCode]:
    """A key the model does not have, with the nearest one it does.

    `provenance`: the key is in a fact written as a mapping; `misplaced`: the key is one such a
    mapping takes (`contested`), written on a section or list entry instead of on one fact.
    """
    place = f" in {where}" if where else " at the top level"
    extra = f"; did you mean '{hint}'?" if hint else "; docs/case-format.md lists the fields"
    if provenance and not hint:  # a mapping where a plain value was meant, most often
        extra = "; a fact written as a mapping takes only value, by, contested, ref, evidence, rebutted and note"
    if misplaced:
        extra = f"; '{key}' goes on one fact written as a mapping (warrant_shown: {{value: false, {key}: ...}})"
    return f"unknown key '{key}'{place}{extra}", "unknown-key"


def shown(value: Any) -> str:
    """A value as the file wrote it, briefly: what the drafter will recognise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"'{value[:40]}...'" if len(value) > 40 else f"'{value}'"
    return str(value)


def _choices(entry: dict[str, Any]) -> str:
    return ", ".join(f"'{c}'" for c in entry.get("choices", ()))


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """The choice `word` was most likely meant to be, or "" (the did-you-mean of every message)."""
    import difflib  # here: only a word that is not one of the choices needs it, and few files have one

    hint = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return hint[0] if hint else ""


def _nearest(value: Any, entry: dict[str, Any]) -> str:
    if not isinstance(value, str):
        return ""
    hint = closest(value.lower(), [str(c) for c in entry.get("choices", ())])
    return f" (did you mean '{hint}'?)" if hint else ""


#: What to write instead, by the kind of field (the field table's `kind`).
_WRITE = {
    "bool": "write true or false, " + UNKNOWN,
    "number": "write a number such as 3 or 2.5, " + UNKNOWN,
    "text": "write the text after the colon (in quotes if it could be read as a number, a date or true/false)",
    "model": "write this section's fields indented below it (docs/case-format.md lists them)",
    "items": "write each entry on its own line, starting with '- '",
}

#: What the value is not, by the kind of field.
_IS_NOT = {
    "bool": "is not true or false",
    "number": "is not a number",
    "text": "is not text",
    "model": "is not a section of fields",
    "items": "is not a list of entries",
}


#: What the reader leaves as text although YAML 1.1 reads it as a number (source._decimal_only): `1:20`
#: (base 60), `0x10`, `017`, `0b11`.
_NOTATION = re.compile(r"[-+]?[0-9][0-9a-fA-FxXob_:.]*")
_PLAIN_NUMBER = "write it in plain digits, without ':', 0x or a leading zero (such as 80 or 2.5)"


def _type_error(name: str, entry: dict[str, Any], error: Mapping[str, Any]) -> str:
    """The value is of the wrong kind altogether (text for a true/false field, a list for a section)."""
    value, kind = error.get("input"), entry.get("kind", "")
    got = shown(value)
    if kind == "enum":
        return f"{name}: {got} is not one of the choices; write one of {_choices(entry)}, {UNKNOWN}"
    if kind == "list":
        example = f"[{entry['choices'][0]}]" if entry.get("choices") else "[first, second]"
        which = f" of any of {_choices(entry)}" if entry.get("choices") else ""
        return f"{name}: {got} is not a list; write a list{which}, such as {example}, {UNKNOWN}"
    if kind == "number" and isinstance(value, str) and _NOTATION.fullmatch(value):
        return f"{name}: {got} is not a plain number; {_PLAIN_NUMBER}, {UNKNOWN}"
    if error["type"] == "int_type" and isinstance(value, float):
        return f"{name}: {got} is not a whole number; write a whole number such as 34, {UNKNOWN}"
    if kind in _WRITE:
        return f"{name}: {got} {_IS_NOT[kind]}; {_WRITE[kind]}"
    return f"{name}: {got} is not what this field takes; see docs/case-format.md"


def model_error(name: str, entry: dict[str, Any], error: Mapping[str, Any]) -> tuple[str, ProblemCode]:
    """The message and code of one error of the case model, for the field `entry` of the field table."""
    kind, value = error["type"], error.get("input")
    got = shown(value)
    if kind == "literal_error":
        unknown = f", {UNKNOWN}" if entry.get("fact") and not _nearest(value, entry) else ""
        message = f"{name}: {got} is not one of the choices; write one of {_choices(entry)}{unknown}"
        return message + _nearest(value, entry), "bad-value"
    if kind == "value_error":  # the date and time checks say what is wrong (case.partial_date, case.clock_time)
        return f"{name}: {got} {error['ctx']['error']!s}", "bad-value"
    if kind == "string_pattern_mismatch":  # the field's description says the form; the regex would not
        return f"{name}: {got} is not in the expected form; {entry.get('description', '')}", "bad-value"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length", "")
        return f"{name}: longer than {limit} characters; shorten it to {limit} at most", "too-long"
    if kind == "too_long":  # a list past its limit (detainees)
        limit = error.get("ctx", {}).get("max_length", "")
        return f"{name}: more than {limit} entries; split the file, {limit} at most in each", "too-long"
    if kind == "greater_than_equal":
        return f"{name}: {got} is below {error['ctx']['ge']}; write {error['ctx']['ge']} or more", "bad-value"
    if kind == "finite_number":
        return f"{name}: {got} is not a finite number; write a number such as 3 or 2.5", "bad-value"
    return _type_error(name, entry, error), "wrong-type"
