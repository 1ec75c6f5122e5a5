"""A case as a form, generated from the case model: a new field appears without new page code.

The form's fields are `input.case.field_types()` in the questionnaire's order, each
labelled with its plain question (`reasoning.asking`). What the browser sends back
is a *state*: for each field its raw value (the text of an input, `yes` / `no` / `""`
for a yes/no fact), its reference and whether the Government contests it; for each
list (detention periods, conduct) its items in order, each remembering which item of
the file it came from. `to_data` turns a state back into case data over the file's
own data, so that what the form does not show (who asserts a fact, a note, several
detainees' own sections) is kept, and a field the user did not change is left exactly
as the file wrote it.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Mapping
from typing import Any

import msgspec

from detention_rules import words
from detention_rules.input.case import field_types
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import FACT_SECTIONS, dated
from detention_rules.reasoning.asking import has_question, in_words, prerequisite, question

#: About the file rather than the facts: shown first, folded.
ABOUT = ("title", "language", "source", "expected", "notes")
#: Kept as the file writes it, never shown: the drafter's translations of their own words, a mapping of
#: mappings no field of a form edits (docs/case-format.md, `translations:`).
KEPT = frozenset({"translations"})
#: The sections' titles and a list's entry's, by the section (locales/<lang>/web.yaml).
TITLES = words.of("web", "sections")
ITEM_TITLES = words.of("web", "items")
LABELS = words.of("web", "labels")
#: A detainee's own facts the form shows: those of the person. The rest of a detainee's own sections
#: (arrest, periods...) are kept as the file writes them.
DETAINEES = "detainees"
#: Text fields shown as a box of several lines.
LONG_TEXT = frozenset({"notes", "note", "description", "known_gap", "narrative"})
#: A section's own notes, in the drafter's words, shown last in it, by the page's words that name them: a
#: `narrative:` (the draft tells it first), or the Government's reply's `note:` (kept with the case, never told).
NOTES = {"narrative": "notes", "note": "notes_kept"}


class Field(msgspec.Struct, frozen=True):
    """One field of the form."""

    path: str  # as the model names it: `arrest.warrant_shown`, `detention[].kind`
    name: str  # within its section or item: `warrant_shown`, `counsel.access_trial`
    kind: str  # "bool", "number", "text", "enum", "list"
    choices: tuple[str, ...]
    label: str
    fact: bool  # may carry a reference and "contested" (the file's `{value: ..., ref: ...}` form)
    #: the field whose answer opens this detail, named as the page names fields beside it (`data-field`),
    #: and that answer as its input shows it: the model's prerequisite (reasoning.asking.prerequisite)
    after: str = ""
    opens: str = ""

    @property
    def long(self) -> bool:
        return self.name.rsplit(".", 1)[-1] in LONG_TEXT

    @property
    def notes(self) -> str:
        """A section's own notes (`arrest.narrative`, `government.note`): the key of the page's words that name
        them as such (`notes`, `notes_kept`), last in the section; "" for any other field."""
        return NOTES.get(self.name, "")

    @property
    def date(self) -> bool:
        """A date: a picker beside the text, which still takes a month or a year alone (`2020-03`, `2020`)."""
        return self.kind == "text" and dated(self.name)


class Section(msgspec.Struct, frozen=True):
    """A part of the form: plain fields, or (`listed`) a list whose items each have the fields."""

    name: str
    title: str
    fields: tuple[Field, ...]
    listed: bool = False
    item_title: str = ""


def _label(path: str) -> str:
    """A field's label: its question, else the page's words for it (`labels:`: a name, a place, a date), else
    its name (a field the model adds before the page's words have it)."""
    if has_question(path):
        return question(path)
    if path in LABELS:
        return LABELS[path]
    words = path.replace("[]", "").split(".")[1:] or [path]
    return ": ".join(w.replace("_", " ") for w in words).capitalize()


def choice(path: str, value: str) -> str:
    """A choice as the form shows it: its words in the language in use (`person.status` `lgbti`: French
    "personne LGBTI"), a detainee's field (`detainees[].person.status`) as the shared one's."""
    return in_words(path.removeprefix(f"{DETAINEES}[]."), value)


def label(path: str) -> str:
    """A field as the form names it, by its question, from a path a problem names (`detention[0].start`);
    a list's item by its title and number ("Period 1")."""
    item = re.fullmatch(r"(\w+)\[(\d+)\]", path)
    if item:
        return f"{ITEM_TITLES.get(item.group(1), ITEM_TITLES['other'])} {int(item.group(2)) + 1}"
    return _label(FieldPath.generic_name(path))


def _gate(path: str, item: str) -> tuple[str, str]:
    """A field's prerequisite as the page names it (within the item, for a list's field) and the answer that
    opens the field, as its input shows it; ("", "") when it has none."""
    gate = prerequisite(path)
    if gate is None or not gate[0].startswith(item):
        return "", ""
    opens = gate[1]
    return gate[0].removeprefix(item), {True: "yes", False: "no"}.get(opens, str(opens))  # type: ignore[call-overload]


def hidden(section: Section, entries: Mapping[str, Any]) -> frozenset[str]:
    """The details the form folds away, by `data-field`: those still empty whose prerequisite has not the
    answer that opens them (a trial detail before the trial is known to have been held, or when there was
    none), as the interview and `wgad gaps` ask them only after it.

    `entries`: the state of the section's fields (or of one item's), by the same names.
    """
    listed = section.listed
    by_key = {(f.name if listed else f.path): f for f in section.fields}

    def closed(field: Field) -> bool:
        for _ in by_key:  # a chain of prerequisites, never longer than the fields
            entry = entries.get(field.after) if field.after else None
            if not isinstance(entry, dict):
                return False
            if entry.get("value") != field.opens:  # unanswered, or answered otherwise
                return True
            if field.after not in by_key:
                return False
            field = by_key[field.after]
        return False

    return frozenset(key for key, f in by_key.items() if f.after and _empty(entries.get(key)) and closed(f))


def _empty(entry: Any) -> bool:
    return not isinstance(entry, dict) or (entry.get("value") in ("", [], None) and not entry.get("ref"))


def sections() -> tuple[Section, ...]:
    """The form's sections: the file's own first, then the facts' in the questionnaire's order (each
    detainee's person after the shared one), then any the model adds; labelled in the language in use."""
    return sections_in(words.LANGUAGE)


@functools.cache
def sections_in(language: str) -> tuple[Section, ...]:
    """`sections` in one language, made once (`language` keys the cache: the labels are its words)."""
    grouped: dict[str, list[Field]] = {}
    listed: set[str] = set()
    for path, ftype in field_types().items():
        if path in KEPT:
            continue
        top, item, name = path.partition("[].")  # a list's field: `detention[].kind`
        m = bool(item) and "." not in top
        if not m:
            top, name = path.split(".", 1)[0], path.partition(".")[2] or path
        else:
            listed.add(top)
        group = "about" if top in ABOUT else top
        shown = path if group == "about" else name
        after, opens = _gate(path, f"{top}[]." if m else "")
        grouped.setdefault(group, []).append(
            Field(path, shown, ftype.kind, tuple(ftype.choices), _label(path), ftype.fact, after, opens)
        )
    if "person" in grouped and DETAINEES not in grouped:  # field_types reads detainees at the shared paths
        grouped[DETAINEES] = [
            msgspec.structs.replace(f, path=f"{DETAINEES}[].{f.path}", name=f.path) for f in grouped["person"]
        ]
        listed.add(DETAINEES)
    order = ["about", *(n for s in FACT_SECTIONS for n in ((s, DETAINEES) if s == "person" else (s,)))]
    names = [*order, *(n for n in grouped if n not in order)]
    return tuple(
        Section(
            n,
            TITLES.get(n, n.replace("_", " ").capitalize()),
            tuple(sorted(grouped[n], key=lambda f: bool(f.notes))),  # the section's notes last, else the model's order
            n in listed,
            ITEM_TITLES.get(n, ITEM_TITLES["other"]),
        )
        for n in names
        if n in grouped
    )


# --- between case data and the form --------------------------------------------------


def parts(value: Any) -> tuple[Any, str, bool]:
    """A fact as the file writes it -> (value, reference, contested)."""
    if isinstance(value, dict):
        return value.get("value"), str(value.get("ref") or ""), value.get("contested") is True
    return value, "", False


def shown(field: Field, value: Any) -> Any:
    """A value as its input shows it: `yes` / `no` / `""`, a list of choices, the text of a number."""
    if value is None:
        return [] if field.kind == "list" else ""
    if field.kind == "bool":
        return {True: "yes", False: "no"}.get(value, str(value))
    if field.kind == "list":
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return str(value)


def field_state(field: Field, node: Any) -> dict[str, Any]:
    """What the browser shows, and sends back, for one field of `node` (a section or an item)."""
    value, ref, contested = parts(FieldPath.read(node, field.name))
    out = {"value": shown(field, value), "ref": ref, "contested": contested}
    if field.kind == "list":
        out["none"] = value == []  # "none of these", which no ticked box can say: unknown is not none
    return out


def read(field: Field, raw: Any) -> Any:
    """The value an input's raw content stands for; None is unknown (never false)."""
    if field.kind == "list":
        items = raw if isinstance(raw, list) else str(raw or "").splitlines()
        items = [str(i).strip() for i in items if str(i).strip()]
        return items or None
    text = str(raw if raw is not None else "").strip()
    if text == "":
        return None
    if field.kind == "bool":
        return {"yes": True, "no": False}.get(text, text)  # anything else: the validator names it
    if field.kind == "number":
        for convert in (int, float):
            try:
                return convert(text)
            except ValueError:
                continue
    return text


def _items(values: list[Any]) -> list[str]:
    return sorted(text for text in (str(v).strip() for v in values) if text)


def _same(field: Field, new: Any, old: Any) -> bool:
    if field.kind == "list" and not new and old == []:
        return True  # the file's `[]` shows as no choice, which reads back as unknown
    if field.kind == "list" and isinstance(old, list):
        return _items(new or []) == _items(old)  # the form's order, trimmed, blank items dropped
    if field.kind == "text" and old is not None:
        return (new or "") == str(old).strip()  # the form trims: " " in the file reads back as unknown
    return new == old and type(new) is type(old)


def _apply(field: Field, name: str, node: dict[str, Any], entry: Any) -> dict[str, Any]:
    """`node` with one field (at `name` in it) set from its form entry, touching nothing the user left as it was."""
    if not isinstance(entry, dict):
        return node
    new = read(field, entry.get("value"))
    if new is None and field.kind == "list" and entry.get("none") is True:
        new = []
    ref = str(entry.get("ref") or "").strip()
    contested = entry.get("contested") is True
    path = FieldPath.parse(name)
    current = path.get(node)
    old, old_ref, old_contested = parts(current)
    if _same(field, new, old) and ref == old_ref.strip() and contested == old_contested:
        return node
    if field.fact and (ref or contested or isinstance(current, dict)):
        written: Any = dict(current) if isinstance(current, dict) else {}
        written["value"] = new
        for key, wanted, shown_value in (("ref", ref, ref), ("contested", contested, True)):
            if wanted:
                written[key] = shown_value
            elif key in written and not (key == "contested" and written[key] is False):
                del written[key]
        if set(written) == {"value"}:
            written = new
    else:
        written = new
    if written is None and current is None:
        return node
    try:
        return path.write(node, written)
    except ValueError:  # the file wrote something else on the way (`source: a text`): the validator says so
        return node


def _prune(node: Any, keep: Any) -> Any:
    """Drop sections the form emptied; what the file itself wrote empty stays."""
    if isinstance(node, dict):
        for key in list(node):
            child = node[key]
            _prune(child, keep.get(key) if isinstance(keep, dict) else None)
            if isinstance(child, dict) and not child and not (isinstance(keep, dict) and key in keep):
                del node[key]
    return node


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _item_at(items: list[Any], index: Any) -> dict[str, Any] | None:
    """The file's item a form's item was opened from, when it names one that exists."""
    if isinstance(index, int) and 0 <= index < len(items) and isinstance(items[index], dict):
        return items[index]
    return None


def to_data(state: dict[str, Any], base: dict[str, Any] | None) -> dict[str, Any]:
    """Case data from a form's state, over `base` (the file's data, or {} for a new case)."""
    base = base if isinstance(base, dict) else {}
    data = copy.deepcopy(base)
    fields: dict[str, Any] = _mapping(state.get("fields"))
    lists: dict[str, Any] = _mapping(state.get("lists"))
    for section in sections():
        if section.listed:
            items = lists.get(section.name)
            if not isinstance(items, list):
                continue
            old = base.get(section.name)
            old_items: list[Any] = old if isinstance(old, list) else []
            new_items = []
            for item in items:  # as many as the request's size allows (routes.MAX_BODY)
                if not isinstance(item, dict):
                    continue
                original = _item_at(old_items, item.get("origin"))
                node = copy.deepcopy(original) if original is not None else {}
                entries = _mapping(item.get("fields"))
                for field in section.fields:
                    node = _apply(field, field.name, node, entries.get(field.name))
                new_items.append(_prune(node, original))
            if new_items:
                data[section.name] = new_items
            elif old_items:  # every item removed; a list the file wrote empty stays as written
                del data[section.name]
            continue
        for field in section.fields:
            data = _apply(field, field.path, data, fields.get(field.path))
    return _prune(data, base)


def state_of(data: Any) -> dict[str, Any]:
    """The form's state for case data: what the browser would send back untouched."""
    data = data if isinstance(data, dict) else {}
    fields: dict[str, Any] = {}
    lists: dict[str, Any] = {}
    for section in sections():
        if section.listed:
            items = data.get(section.name)
            items = items if isinstance(items, list) else []
            lists[section.name] = [
                {
                    "origin": i,
                    "fields": {f.name: field_state(f, item if isinstance(item, dict) else {}) for f in section.fields},
                }
                for i, item in enumerate(items)
            ]
            continue
        node = data if section.name == "about" else data.get(section.name)
        for f in section.fields:
            fields[f.path] = field_state(f, node if isinstance(node, dict) else {})
    return {"fields": fields, "lists": lists}
