"""The three working languages (issue 31): which one a command speaks, and that each says everything."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest

from detention_rules import words


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "es_ES.UTF-8"}, "fr"),  # LC_ALL first
        ({"LC_ALL": "", "LC_MESSAGES": "es_MX.UTF-8", "LANG": "fr_CA"}, "es"),  # an empty one is unset
        ({"LANG": "fr_BE@euro"}, "fr"),
        ({"LANG": "es"}, "es"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # not a working language
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "POSIX"}, "en"),
        ({}, "en"),
    ],
)
def test_the_environments_locale_names_the_language(environ: dict[str, str], lang: str) -> None:
    assert words.from_environment(environ) == lang


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (["draft", "--lang", "fr", "case.yaml"], "fr"),
        (["draft", "--lang=es", "case.yaml"], "es"),
        (["draft", "--lang", "de", "case.yaml"], None),  # the parser refuses it, in words
        (["draft", "--lang"], None),
        (["draft", "case.yaml"], None),
    ],
)
def test_the_command_lines_lang_is_read_before_parsing(args: list[str], lang: str | None) -> None:
    assert words.from_arguments(args) == lang


def test_a_section_named_before_the_choice_speaks_the_language_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module names its sections at import (`SAYS = words.of(...)`), before `--lang` is read."""
    for lang, hello in (("en", "hello"), ("fr", "bonjour")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "greet.yaml").write_text(f"greet:\n  hello: {hello}\n", encoding="utf-8")
    monkeypatch.setattr(words, "LOCALES", tmp_path)
    words.reread()
    try:
        said = words.of("greet", "greet")
        assert said["hello"] == "hello"
        words.use("fr")
        assert said["hello"] == "bonjour"
        assert dict(said) == {"hello": "bonjour"}
        assert words.load("greet", "en")["greet"]["hello"] == "hello"  # a language given is that one
    finally:
        words.reread()


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(LookupError, match="'de'"):
        words.use("de")
    assert words.LANGUAGE == "en"


# --- every key in every language -------------------------------------------------------------------------

TRANSLATIONS = tuple(lang for lang in words.LANGUAGES if lang != "en")
PARTS = sorted(p.stem for p in (words.LOCALES / "en").glob("*.yaml"))
#: Sections whose keys are the language's own words (a rule explanation's phrases, a referral's reason),
#: not the English file's: any keys will do.
FREE_KEYS = {("draft", "argue_named"), ("draft", "conditions_why"), ("words", "and_before"), ("dates", "days")}
#: The words that agree with the person: each language's grammar names its own (French {e}, Spanish {o}).
FREE_KEYS |= {("person", "pronouns"), ("person", "verbs")}
#: Lists that name fields, rules or sections, the same in every language; every other list is the
#: language's own words (months, cue words, particles).
SAME_LISTS = {"sections", "argued", "omit_if", "keep_if", "trial.accused_civilian"}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _person_words(lang: str) -> set[str]:
    """The slots that agree with the person, which each language names as its grammar needs ({e}, {son})."""
    person = words.load("draft", lang)["facts"]["person"]
    slots = {slot for forms in person["pronouns"].values() for slot in forms} | set(person["verbs"])
    return slots | {"Name", "name", "whom", "possessive"}


def _differences(en: Any, other: Any, path: tuple[str, ...], person: set[str]) -> list[str]:
    where = ".".join(path)
    if isinstance(en, dict):
        if not isinstance(other, dict):
            return [f"{where}: not a mapping"]
        if path[-2:] in FREE_KEYS:
            return []
        out = [f"{where}.{k}: missing" for k in en if k not in other]
        return out + [d for k in en if k in other for d in _differences(en[k], other[k], (*path, str(k)), person)]
    if isinstance(en, list):
        if not isinstance(other, list):
            return [f"{where}: not a list"]
        return [f"{where}: not the same list" for _ in [1] if path[-1] in SAME_LISTS and en != other]
    if isinstance(en, str) and isinstance(other, str):
        missing = (_placeholders(en) - person) ^ (_placeholders(other) - person)
        return [f"{where}: placeholders differ: {sorted(missing)}"] if missing else []
    return [] if type(en) is type(other) else [f"{where}: {type(other).__name__}, not {type(en).__name__}"]


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("part", PARTS)
def test_every_key_of_every_english_file_is_translated_with_its_placeholders(part: str, lang: str) -> None:
    person = _person_words("en") | _person_words(lang)
    found = _differences(words.load(part, "en"), words.load(part, lang), (part,), person)
    assert found == [], f"locales/{lang}/{part}.yaml: {found[:20]}"


def test_the_key_check_finds_a_missing_key_and_a_lost_placeholder() -> None:
    en = {"a": {"b": "{value} was", "c": "x"}, "sections": ["person"]}
    fr = {"a": {"b": "était"}, "sections": ["personne"]}
    found = _differences(en, fr, ("t",), set())
    assert found == ["t.a.c: missing", "t.a.b: placeholders differ: ['value']", "t.sections: not the same list"]
