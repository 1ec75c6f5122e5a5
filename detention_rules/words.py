"""Every sentence a user reads, by language: the translation files in `output/locales/`, each read once.

A language is the folder `locales/<lang>/`, one file per stage that speaks (`draft`: the draft and the
trainer's tools, `load("draft")`; `check`: `wgad check`'s report and dates in words (the draft's too); `report`:
gaps, rules, evaluate, `--set`; `batch`: a batch's summary; `messages`: a file's reading problems and a
case file's errors; `law`: the rule files' problems; `cli`: the help and the interview; `web`: the page
and its script). A translation is those files with the same keys: no
code changes. A file is read by the first command that prints from it, once (libyaml takes 0.2 to
0.7 ms for fifty lines), so `wgad check FILE` reads only `check.yaml` and `wgad validate FILE` only
`batch.yaml`. This module is in the first stage so that `input/` and `law/`, whose messages are
sentences too, can read it; the files are package data beside `output/`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

LOCALES = Path(__file__).parent / "output" / "locales"
#: The table of States beside the translations, not one of them: every language reads the same file.
STATES = LOCALES / "states.yaml"
#: The Working Group's three working languages, each a folder of `locales/` with the same keys.
LANGUAGES = ("en", "fr", "es")
#: The language every command speaks: English until `use` (the command line's `--lang`, or the
#: environment's locale) chooses another.
LANGUAGE = "en"


def use(lang: str) -> None:
    """Speak `lang` from now on: every `of` section and `load` without a language reads its files."""
    global LANGUAGE  # one process, one command: its language is set once, before it speaks
    if lang not in LANGUAGES:
        raise LookupError(f"no translation for language {lang!r}")
    LANGUAGE = lang


def from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The language of the environment's locale, as POSIX ranks it (LC_ALL, LC_MESSAGES, LANG: the first
    set wins): `fr_FR.UTF-8` is French; a locale in no working language (`C`, `de_DE`) is English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            lang = environ[name].split("_")[0].split(".")[0].split("@")[0].casefold()
            return lang if lang in LANGUAGES else "en"
    return "en"


def from_arguments(args: Sequence[str]) -> str | None:
    """The `--lang` a command line gives (`--lang fr`, `--lang=fr`), read before the command line is parsed
    so that its help is in that language too; a bad value is left for the parser to refuse."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in LANGUAGES:
            return args[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    return None


def read(path: Path, lang: str, text_only: bool = False) -> dict[str, Any]:
    """One translation file as data; a language with no such file is the caller's error to report.

    `text_only`: every value is read as text, as a stage's file holds only sentences: a translator's
    `no: non` stays the words it says (YAML 1.1 would read both as false), and the reading is faster.
    """
    if not path.is_file():
        raise LookupError(f"no translation for language {lang!r} (looked for {path.name})")
    if text_only:
        loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    else:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as f:
        data: dict[str, Any] = yaml.load(f, Loader=loader)
    return data


#: The stage files read as YAML's types, not as text: the draft's holds lists and sections keyed by a
#: fact's value (`facts: sentences:` `true:` / `false:`), which its own tests check.
STRUCTURED = frozenset({"draft"})


def load(part: str, lang: str | None = None) -> dict[str, Any]:
    """A stage's file, `locales/<lang>/<part>.yaml` (the language in use unless given), read once."""
    return _load(part, lang or LANGUAGE)


def reread() -> None:
    """Forget the files read, so that the next reading sees them as they are now (a test's edited copy)."""
    _load.cache_clear()


@functools.cache
def _load(part: str, lang: str) -> dict[str, Any]:
    return read(LOCALES / lang / f"{part}.yaml", lang, text_only=part not in STRUCTURED)


@functools.cache
def states() -> dict[str, dict[str, Any]]:
    """The table of States (`locales/states.yaml`, beside the translations: every language reads it) by every way
    a case file writes one, its name or its nationality ("Kazakh"), casefolded: the draft names a State from it,
    and the reading of a case tells the State's national from a foreign one by it."""
    table = read(STATES, "en")
    return {name.casefold(): entry for key, entry in table.items() for name in (key, *entry.get("also", ()))}


class Section(Mapping[str, str]):
    """One section of a stage's file in the language in use when a key is read, not when the section was
    named: modules name their sections once, at import, before `--lang` is read."""

    __slots__ = ("part", "section")

    def __init__(self, part: str, section: str) -> None:
        self.part, self.section = part, section

    def _words(self) -> dict[str, str]:
        words: dict[str, str] = _load(self.part, LANGUAGE)[self.section]
        return words

    def __getitem__(self, key: str) -> str:
        return self._words()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words())

    def __len__(self) -> int:
        return len(self._words())


def of(part: str, section: str, lang: str | None = None) -> Mapping[str, str]:
    """One section of a stage's file: its sentences by key, each a `str.format` template or plain text;
    without a language, in the language in use at each reading (`Section`)."""
    if lang is None:
        return Section(part, section)
    words: dict[str, str] = _load(part, lang)[section]
    return words


def conjunction(following: str, words: Mapping[str, Any]) -> str:
    """The word for "and" before `following`: a form of `and_before` whose starts it has (and none of
    `and_not_before`: Spanish "y hierro", a "hie-" read as a consonant), else `and`. Here, not in the draft's
    prose, for every stage that joins a list in a sentence (`wgad check`'s explanations too)."""
    start = following.casefold()
    if start.startswith(tuple(words["and_not_before"])):
        return str(words["and"])
    for form, starts in words["and_before"].items():
        if start.startswith(tuple(starts)):
            return str(form)
    return str(words["and"])


def join(items: list[str], w: Mapping[str, Any]) -> str:
    """A list in a sentence: "a", "a and b", "a, b and c"; "and" as the last item's first sound needs it
    (`words: and_before:`, Spanish "Ana e Inés", not "y Inés")."""
    words = w["words"]
    if len(items) > 1:
        return words["list_sep"].join(items[:-1]) + f" {conjunction(items[-1], words)} {items[-1]}"
    return items[0] if items else ""


def shared(items: list[str], w: Mapping[str, Any]) -> str:
    """A list of the translation file's own words for choices, a head they all share said once: "political
    and civic activity", French "toute activité politique et civique" (`words: shared_head:` says where a
    language puts the head, `last` or `first`). Never for names or what the drafter typed ("Ana Uno and Ben
    Uno" are two people). A shared part of short words or determiners alone ("a", "un", "leur": `words: no_head:`)
    is no head: French says « leur origine ethnique et leur engagement », never « leur origine ethnique et
    engagement »."""
    split = [item.split() for item in items]
    last = w["words"]["shared_head"] == "last"
    common: list[str] = []
    while len(split) > 1 and all(len(s) > len(common) + 1 for s in split):
        nxt = [s[-1 - len(common)] if last else s[len(common)] for s in split]
        if len(set(nxt)) > 1:
            break
        common.insert(len(common) if not last else 0, nxt[0])
    if not any(len(word) > 3 and word not in w["words"]["no_head"] for word in common):
        return join(items, w)
    rest = [" ".join(s[: len(s) - len(common)] if last else s[len(common) :]) for s in split]
    head = " ".join(common)
    return f"{join(rest, w)} {head}" if last else f"{head} {join(rest, w)}"
