"""The facts in words, and how they are asked: one order of questions for the interview, `wgad gaps` and the web form.

Each question, a choice's words and a detail's prerequisite are declared with the field in
`tools/case_model.py` (`ask(...)`, or a derived fact's `Derived`) and read here by field path as
the rules name it (`detention[].incommunicado`). The test suite checks that every field a
rule tests has a question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from detention_rules import words as locale
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import NEEDS_FOREIGN, asked_in_words, dated, foreign, questionnaire, readable_fields

#: The keys of a fact written with its provenance (`{value: ..., by: ..., ref: ...}`).
PROVENANCE = frozenset({"value", "by", "contested", "ref", "evidence", "rebutted", "note"})


def said(key: str) -> str:
    """A value's word, or the question asked of a field the model words no question for (check.yaml `values:`)."""
    return locale.of("check", "values")[key]


def in_words(field: str, value: str, lang: str | None = None) -> str:
    """A field's value in words: `detention[].kind` `pretrial` -> "pre-trial detention"; in another language
    (the one in use, or `lang`), the words its `check.yaml` gives the choice (`choices:`), else the model's."""
    translated = locale.load("check", lang).get("choices", {}).get(field, {}).get(value)
    if translated:
        return str(translated)
    asked = questionnaire().get(field)
    return asked.words.get(value) or value.replace("_", " ") if asked else value.replace("_", " ")


def show_value(value: Any, path: str = "", *, words: bool = False, brackets: bool = False) -> str:
    """A fact's value as text: the one formatter of values for every output.

    As the case file writes it: true or false, a list's items joined by commas (inside
    [brackets] when asked). In `words`, for a sentence: yes or no, a date in words ("17 April 2020"), and a
    choice of the field at `path` in words (`pretrial` -> "pre-trial detention"); text the user wrote
    stays as written, underscores and all.
    """
    if isinstance(value, bool):
        return said("yes" if value else "no") if words else ("true" if value else "false")
    field = FieldPath.generic_name(path) if words else ""
    if words and dated(field) and (told := date_words(str(value), locale.load("check")["dates"])):
        return told[0]  # a date in a sentence as the draft writes it: "17 April 2020", "17 avril 2020"
    ftype = readable_fields().get(field) if words else None
    coded = ftype is not None and bool(ftype.choices)
    if isinstance(value, list):
        shown = [in_words(field, v) if coded else str(v) for v in value]
        if coded and len(shown) > 1:  # choices in a sentence, a shared head once: "toda actividad política y cívica"
            return locale.shared(shown, locale.load("draft"))  # the draft's words for a list, read only for one
        items = ", ".join(shown)
        return f"[{items}]" if brackets else items
    return in_words(field, value) if coded else str(value)


def reported(value: Any, path: str, *, brackets: bool = True) -> str:
    """A fact's value as a report's line shows it (`wgad check`'s tree and conditions): as the case file
    writes it; in French or Spanish a choice in that language's words, never the file's English code
    (`police_custody`). English reports keep the code a drafter types."""
    if locale.LANGUAGE == "en" or isinstance(value, bool):
        return show_value(value, path, brackets=brackets)
    ftype = readable_fields().get(FieldPath.generic_name(path)) if path else None
    if ftype is None or not ftype.choices:
        return show_value(value, path, brackets=brackets)
    items = [in_words(FieldPath.generic_name(path), str(v)) for v in (value if isinstance(value, list) else [value])]
    return f"[{', '.join(items)}]" if isinstance(value, list) and brackets else ", ".join(items)


def question(field: str, item: str = "") -> str:
    """The question for a field path, in the language in use (`check.yaml` `questions:`, else the model's);
    indexes (`detention[1].x`) are read as `detention[].x`. `item`: the period (or other list item) asked
    about, in words (`period`), named after the question."""
    text = asked_in_words(FieldPath.generic_name(field)) or said("question").format(field=field)
    return locale.of("report", "periods")["asked"].format(question=text, period=item) if item else text


#: A date as a case file writes it: 2020, 2020-04, 2020-04-17.
_ISO = re.compile(r"\b(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\b")


def calendar(value: str) -> re.Match[str] | None:
    """A value's year, month and day when it is a date as a case file writes it (2020, 2020-04,
    2020-04-17); None for text only shaped like one ("2020-13-45", a name), which is told as written."""
    m = _ISO.fullmatch(value)
    if m is None or (m.group(2) and not 1 <= int(m.group(2)) <= 12) or (m.group(3) and not 1 <= int(m.group(3)) <= 31):
        return None
    return m


def day_words(day: str, spec: Mapping[str, Any]) -> str:
    """A day of the month as the language writes it: "3", and in French the first "1er" (`dates: days:`)."""
    return str(spec["days"].get(str(int(day)), int(day)))


def date_words(value: str, spec: Mapping[str, Any]) -> tuple[str, str] | None:
    """A date as the Working Group writes it ("3 March 2025", "February 2025", "2025"; French "1er mars 2020"),
    and its form (`on_day`, `in_month`, `in_year`: the preposition it takes); None for text that is no date.
    The one writing of a date: the draft's (`narrative.date`) and a period's name in a question.
    `spec`: check.yaml's `dates:` words."""
    m = calendar(str(value))
    if not m:
        return None
    year, month, day = m.groups()
    if day:
        text = spec["day"].format(day=day_words(day, spec), month=spec["months"][int(month) - 1], year=year)
        return text, "on_day"
    if month:
        return spec["month"].format(month=spec["months"][int(month) - 1], year=year), "in_month"
    return spec["year"].format(year=year), "in_year"


def period(data: Any, field: str, said: Mapping[str, Any] | None = None) -> str:
    """The list item a field (or the item itself, `detention[1]`) belongs to, in words: "the pre-trial
    detention from 18 April 2020", "conduct 2 (three Facebook posts)"; "" for a field of no list. The one
    naming of a period, for the questions (`said`: report.yaml `periods:`, the default) and the web page's
    reasoning and period heads (web.yaml `periods:`, whose `name_<list>` names a list's item)."""
    steps = FieldPath.parse(field)
    if len(steps) < 2 or not isinstance(steps[0], str) or not isinstance(steps[1], int):
        return ""
    name, index = steps[0], steps[1]
    w = locale.of("report", "periods") if said is None else said
    base = f"{name}[{index}]"
    if name == "detention":
        kind = value(data, f"{base}.kind")
        kind_words = in_words("detention[].kind", kind) if isinstance(kind, str) else w["custody"]
        start = value(data, f"{base}.start")
        when = date_words(start, locale.load("check")["dates"]) if start is not None else None
        if when:
            return w["from"].format(kind=kind_words, start=when[0])
        return w["numbered"].format(kind=kind_words, n=index + 1)
    item = w.get(f"name_{name}", w.get("name_other", name))
    described = value(data, f"{base}.description")
    if isinstance(described, str) and described:
        return w["described"].format(name=item, n=index + 1, description=described)
    return w["item"].format(name=item, n=index + 1)


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


def applies(data: Any, field: str) -> bool:
    """Whether a question applies to the case: a foreign national's consular access only to a person whose
    nationality is not the State's."""
    return FieldPath.generic_name(field) not in NEEDS_FOREIGN or foreign(data) is True


def next_fields(data: Any, path: str) -> list[str]:
    """The fields to ask now for a fact a rule waits on: the case file's fields it is asked through
    (`fields_asked`), none known or moot; a field whose prerequisite is unknown gives way to that
    prerequisite; a consular question, while the person's nationality is unknown, to the nationality."""
    out: list[str] = []

    def add(field: str) -> None:
        steps = FieldPath.parse(field)
        if len(steps) > 1 and isinstance(steps[1], int) and FieldPath(steps[:2]).get(data) is None:
            field = str(steps[0])  # an item the case does not have yet: the list is asked (a period to add)
        if known(data, field) or closed(data, field) or field in out:
            return
        gate = prerequisite(field)
        if gate and not known(data, gate[0]):
            add(gate[0])
        elif applies(data, field):
            out.append(field)
        elif foreign(data) is None:
            add("person.nationality")

    for field in fields_asked(path):
        add(field)
    return out


def open_fields(data: Any, field: str) -> list[str]:
    """What the interview asks for a question on `data` (`gaps -f json`'s `asks`): its field, which `gaps`
    found through `next_fields` (a prerequisite before its details, a derived fact through its sources), unless
    the file answers it or an answer makes it moot; [] then."""
    return [] if known(data, field) or closed(data, field) else [field]
