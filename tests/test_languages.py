"""The three working languages (issue 31): which one a command speaks, and that each says everything."""

from __future__ import annotations

from pathlib import Path

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
