"""What a model error says to a petition drafter: the field, what is wrong, what to write instead.

Every sentence a case file's model errors show is in plain words, in the translation file
(locales/<lang>/messages.yaml): never the validator's own ("Input should be a valid boolean"),
which speaks of Python types.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from detention_rules import words

if TYPE_CHECKING:
    from detention_rules.problem_codes import ProblemCode


def _w() -> Mapping[str, str]:
    """The messages' sentences (locales/<lang>/messages.yaml), read when a file first has an error."""
    return words.of("messages", "messages")


def date_form() -> str:
    """What a value that is not a date lacks, and how to write one."""
    return _w()["date_form"]


def time_form() -> str:
    """What a value that is not a time lacks, and how to write one."""
    return _w()["time_form"]


def not_a_real_date(reason: str) -> str:
    """The date has the right form but no such day exists (2020-02-30)."""
    return _w()["not_a_real_date"].format(reason=reason)


def unknown_key(
    key: str, where: str, hint: str, provenance: bool = False, misplaced: bool = False
) -> tuple[str, ProblemCode]:
    """A key the model does not have, with the nearest one it does.

    `provenance`: the key is in a fact written as a mapping; `misplaced`: the key is one such a
    mapping takes (`contested`), written on a section or list entry instead of on one fact.
    """
    w = _w()
    place = w["in_place"].format(where=where) if where else w["top_level"]
    extra = w["did_you_mean"].format(hint=hint) if hint else w["see_docs"]
    if provenance and not hint:  # a mapping where a plain value was meant, most often
        extra = w["provenance_keys"]
    if misplaced:
        extra = w["misplaced"].format(key=key)
    return w["unknown_key"].format(key=key, place=place, extra=extra), "unknown-key"


def shown(value: Any) -> str:
    """A value as the file wrote it, briefly: what the drafter will recognise."""
    w = _w()
    if isinstance(value, bool):
        return w["true"] if value else w["false"]
    if value is None:
        return w["empty"]
    if isinstance(value, dict):
        return w["mapping"]
    if isinstance(value, list):
        return w["list"]
    if isinstance(value, str):
        return w["quoted_long"].format(text=value[:40]) if len(value) > 40 else w["quoted"].format(text=value)
    return str(value)


def _choices(entry: dict[str, Any]) -> str:
    return ", ".join(_w()["quoted"].format(text=c) for c in entry.get("choices", ()))


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """The choice `word` was most likely meant to be, or "" (the did-you-mean of every message)."""
    import difflib  # here: only a word that is not one of the choices needs it, and few files have one

    hint = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return hint[0] if hint else ""


def _nearest(value: Any, entry: dict[str, Any]) -> str:
    if not isinstance(value, str):
        return ""
    hint = closest(value.lower(), [str(c) for c in entry.get("choices", ())])
    return _w()["nearest"].format(hint=hint) if hint else ""


#: The kinds of field (the field table's `kind`) whose wrong value says what it is not and what to write
#: instead (`is_not_<kind>`, `write_<kind>`).
_KINDS = ("bool", "number", "text", "model", "items")

#: What the reader leaves as text although YAML 1.1 reads it as a number (source._decimal_only): `1:20`
#: (base 60), `0x10`, `017`, `0b11`.
_NOTATION = re.compile(r"[-+]?[0-9][0-9a-fA-FxXob_:.]*")


def _type_error(name: str, entry: dict[str, Any], error: Mapping[str, Any]) -> str:
    """The value is of the wrong kind altogether (text for a true/false field, a list for a section)."""
    w = _w()
    value, kind = error.get("input"), entry.get("kind", "")
    got, unknown = shown(value), w["unknown"]
    if kind == "enum":
        return w["one_of"].format(name=name, got=got, choices=_choices(entry), unknown=", " + unknown)
    if kind == "list":
        example = f"[{entry['choices'][0]}]" if entry.get("choices") else w["list_example"]
        which = w["list_of_any"].format(choices=_choices(entry)) if entry.get("choices") else ""
        return w["not_a_list"].format(name=name, got=got, which=which, example=example, unknown=unknown)
    if kind == "number" and isinstance(value, str) and _NOTATION.fullmatch(value):
        return w["not_plain_number"].format(name=name, got=got, unknown=unknown)
    if error["type"] == "int_type" and isinstance(value, float):
        return w["not_whole"].format(name=name, got=got, unknown=unknown)
    if kind in _KINDS:
        write = w[f"write_{kind}"].format(unknown=unknown)
        return w["wrong_kind"].format(name=name, got=got, is_not=w[f"is_not_{kind}"], write=write)
    return w["not_this_field"].format(name=name, got=got)


def model_error(name: str, entry: dict[str, Any], error: Mapping[str, Any]) -> tuple[str, ProblemCode]:
    """The message and code of one error of the case model, for the field `entry` of the field table."""
    w = _w()
    kind, value = error["type"], error.get("input")
    got = shown(value)
    if kind == "literal_error":
        unknown = ", " + w["unknown"] if entry.get("fact") and not _nearest(value, entry) else ""
        message = w["one_of"].format(name=name, got=got, choices=_choices(entry), unknown=unknown)
        return message + _nearest(value, entry), "bad-value"
    if kind == "value_error":  # the date and time checks say what is wrong (case.partial_date, case.clock_time)
        return w["value_error"].format(name=name, got=got, error=error["ctx"]["error"]), "bad-value"
    if kind == "string_pattern_mismatch":  # the field's description says the form; the regex would not
        return w["not_in_form"].format(name=name, got=got, description=entry.get("description", "")), "bad-value"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length", "")
        return w["too_long_text"].format(name=name, limit=limit), "too-long"
    if kind == "too_long":  # a list past its limit (detainees)
        limit = error.get("ctx", {}).get("max_length", "")
        return w["too_long_list"].format(name=name, limit=limit), "too-long"
    if kind == "greater_than_equal":
        return w["below"].format(name=name, got=got, ge=error["ctx"]["ge"]), "bad-value"
    if kind == "finite_number":
        return w["not_finite"].format(name=name, got=got), "bad-value"
    return _type_error(name, entry, error), "wrong-type"
