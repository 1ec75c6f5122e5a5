"""The facts in words, and how they are asked: one order of questions for the interview, `wgad gaps` and the web form.

Each question, a choice's words and a detail's prerequisite are declared with the field in
`tools/case_model.py` (`ask(...)`, or a derived fact's `Derived`) and read here by field path as
the rules name it (`detention[].incommunicado`). The test suite checks that every field a
rule tests has a question.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from detention_rules import words as locale
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import questionnaire, readable_fields

#: The keys of a fact written with its provenance (`{value: ..., by: ..., ref: ...}`).
PROVENANCE = frozenset({"value", "by", "contested", "ref", "evidence", "rebutted", "note"})


def said(key: str) -> str:
    """A value's word, or the question asked of a field the model words no question for (check.yaml `values:`)."""
    return locale.of("check", "values")[key]


def in_words(field: str, value: str) -> str:
    """A field's value in words: `detention[].kind` `pretrial` -> "pre-trial detention"; in another language,
    the words its `check.yaml` gives the choice (`choices:`), else the model's."""
    translated = locale.load("check").get("choices", {}).get(field, {}).get(value)
    if translated:
        return str(translated)
    asked = questionnaire().get(field)
    return asked.words.get(value) or value.replace("_", " ") if asked else value.replace("_", " ")


def show_value(value: Any, path: str = "", *, words: bool = False, brackets: bool = False) -> str:
    """A fact's value as text: the one formatter of values for every output.

    As the case file writes it: true or false, a list's items joined by commas (inside
    [brackets] when asked). In `words`, for a sentence: yes or no, and a choice of the
    field at `path` in words (`pretrial` -> "pre-trial detention"); text the user wrote
    stays as written, underscores and all.
    """
    if isinstance(value, bool):
        return said("yes" if value else "no") if words else ("true" if value else "false")
    field = FieldPath.generic_name(path) if words else ""
    ftype = readable_fields().get(field) if words else None
    coded = ftype is not None and bool(ftype.choices)
    if isinstance(value, list):
        items = ", ".join(in_words(field, v) if coded else str(v) for v in value)
        return f"[{items}]" if brackets else items
    return in_words(field, value) if coded else str(value)


def question(field: str) -> str:
    """The question for a field path; indexes (`detention[1].x`) are read as `detention[].x`."""
    asked = questionnaire().get(FieldPath.generic_name(field))
    return asked.question if asked and asked.question else said("question").format(field=field)


def has_question(field: str) -> bool:
    """Whether the model declares a question for a field (generic path), rather than the stand-in."""
    asked = questionnaire().get(field)
    return bool(asked and asked.question)


def _beside(path: str, name: str) -> str:
    """A name as the questionnaire writes it, read beside `path` (`ill_treatment`) or as a full path."""
    return name if "." in name else f"{path.rpartition('.')[0]}.{name}"


def fields_asked(field: str) -> list[str]:
    """The fields asked for a question: a derived fact is asked through the facts it is computed from."""
    asked = questionnaire().get(FieldPath.generic_name(field))
    if asked and asked.instead:
        return [_beside(field, name) for name in asked.instead]
    return [field]


def prerequisite(path: str) -> tuple[str, object] | None:
    """The question to ask before `path`, and the answer that opens it (None: no prerequisite)."""
    asked = questionnaire().get(FieldPath.generic_name(path))
    if asked is None or asked.after is None:
        return None
    name, opens = asked.after
    return _beside(path, name), opens


def value(data: Any, path: str) -> Any:
    """The value the case data gives a field (`{value: ...}` read through), or None."""
    found = FieldPath.read(data, path)
    return found.get("value") if isinstance(found, dict) and set(found) <= PROVENANCE else found


def known(data: Any, path: str) -> bool:
    """Whether the case data answers a field (an empty list or mapping does not)."""
    found = value(data, path)
    return found is not None and found != [] and found != {}


def closed(data: Any, path: str) -> bool:
    """Whether an answer already given to a prerequisite makes this detail moot."""
    gate = prerequisite(path)
    while gate:
        answer = value(data, gate[0])
        if answer is not None and answer != gate[1]:
            return True
        gate = prerequisite(gate[0])
    return False


def in_order(fields: Iterable[str]) -> list[str]:
    """The fields with each one's prerequisites before it (outermost first), each once."""
    out: list[str] = []

    def add(path: str) -> None:
        if path in out:
            return
        gate = prerequisite(path)
        if gate:
            add(gate[0])
        out.append(path)

    for field in fields:
        add(field)
    return out


def open_fields(data: Any, field: str) -> list[str]:
    """What the interview asks for a question on `data`: its fields, prerequisites first, none known or moot."""
    return [f for f in in_order(fields_asked(field)) if not known(data, f) and not closed(data, f)]
