"""Hypothesis strategies: valid case data built from the case model's own field list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from detention_rules.input.case import FieldType, field_types

SKIP = ("source.", "expected.", "title", "notes", "translations", "government.contests", "person.name")
FIELDS = {p: t for p, t in field_types().items() if not p.startswith(SKIP)}

BASE_DATE = dt.date(2020, 1, 1)
#: Dates are drawn in the order events happen, so generated cases pass the date-order checks.
DATE_RANK = {
    "date": 0,
    "reasons_given_date": 1,
    "judge_date": 1,
    "start": 1,
    "end": 2,
    "charge_date": 1,
    "reply_date": 3,
    "deadline": 3,
    "release_date": 3,
    "birth_date": -400,
}
RANK_OVERRIDES = {
    "trial.start": 2,
    "trial.end": 3,
    "sentence.date": 4,
    "emergency.start": 0,
    "emergency.end": 1,
    "conduct[].date": -1,
    "submission.date": 3,  # the communication is written after the arrest
}


def dates(path: str, name: str) -> st.SearchStrategy[str]:
    rank = RANK_OVERRIDES.get(path, DATE_RANK.get(name, 0))
    # periods from days to over a year, so that thresholds on their length (180 days) are crossed both ways
    spread = st.integers(0, 400) if path == "detention[].end" else st.integers(0, 25)
    return spread.map(lambda d: (BASE_DATE + dt.timedelta(days=rank * 30 + d)).isoformat())


times = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
#: Text from any script: letters, marks, digits, punctuation, symbols and spaces, well beyond ASCII
#: (Arabic, Cyrillic, CJK, combining accents, emoji); no control or unassigned characters.
words = st.text(
    st.characters(whitelist_categories=("L", "M", "N", "P", "S", "Zs"), blacklist_characters="\ufeff"),
    min_size=1,
    max_size=12,
)
#: Text drawn often, so that every run has it: scripts beyond ASCII, a combining accent, an underscore
#: (which an explanation once turned into a space).
awkward_text = st.sampled_from(
    ["Алексей Навальный", "سجن انفرادي", "拘留所", "Nguyễn Văn Đài", "Ünal Öztürk 🕊", "e\u0301", "user_name"]
)


def _length(floats_to: float) -> st.SearchStrategy[int | float]:
    """A length as a file may give it, whole or not."""
    return st.one_of(st.integers(0, int(floats_to)), st.floats(0, floats_to, allow_nan=False, allow_infinity=False))


#: Ranges that cross the thresholds the rules read (2 and 180 days, 730 days of pre-trial
#: detention, 18 years of age) both ways; other numbers are drawn from 0 to 120.
NUMBERS: dict[str, st.SearchStrategy[Any]] = {
    "detention[].days": st.one_of(st.integers(0, 1000), st.floats(0, 1000, allow_nan=False, allow_infinity=False)),
    "detention[].months": _length(36),
    "detention[].years": _length(6),
    # the least drawn never above the most (a file with them inverted is refused: length-bounds)
    "detention[].length_at_least": _length(10),
    "detention[].length_at_most": st.one_of(st.integers(10, 40), st.floats(10, 40, allow_nan=False)),
    "detention[].solitary_days": st.integers(0, 400),
    # never 0: zero extensions beside a named `extended_by` is refused (extension-conflict)
    "detention[].extensions": st.integers(1, 5),
    "person.age": st.integers(0, 90),
    "sentence.years": _length(30),
}


def _value(path: str, ftype: FieldType) -> st.SearchStrategy[Any]:
    name = path.rsplit(".", 1)[-1]
    if ftype.kind == "bool":
        return st.booleans()
    if ftype.kind == "enum":
        return st.sampled_from(ftype.choices)
    if ftype.kind == "list":
        inner = st.sampled_from(ftype.choices) if ftype.choices else st.one_of(words, awkward_text)
        return st.lists(inner, max_size=3, unique=True)
    if ftype.kind == "number":
        return NUMBERS.get(path, st.integers(0, 120))
    if name in ("time", "judge_time"):
        return times
    if "date" in name or name in ("start", "end", "deadline"):
        return dates(path, name)
    return st.one_of(words, awkward_text)


def _mapping(fields: dict[str, FieldType], prefix: str = "") -> st.SearchStrategy[dict[str, Any]]:
    """A mapping holding any subset of `fields` (dotted paths), nested."""
    entries = {p: st.one_of(st.none(), _value(prefix + p, t)) for p, t in fields.items()}

    def nest(flat: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for path, value in flat.items():
            if value is None:
                continue
            *parents, leaf = path.split(".")
            node = out
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value
        return out

    return st.fixed_dictionaries({}, optional=entries).map(nest)


def _section(prefix: str) -> dict[str, FieldType]:
    return {p[len(prefix) :]: t for p, t in FIELDS.items() if p.startswith(prefix)}


LISTS = ("detention", "conduct")


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case as plain data: any subset of fields, 0-3 items per list."""
    flat = {p: t for p, t in FIELDS.items() if "[]" not in p}
    data = draw(_mapping(flat))
    for name in LISTS:
        items = draw(st.lists(_mapping(_section(f"{name}[]."), f"{name}[]."), max_size=3))
        if items or draw(st.booleans()):
            data[name] = items
    return data
