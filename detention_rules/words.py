"""Every sentence a user reads, by language: the translation files in `output/locales/`, each read once.

A language is the folder `locales/<lang>/`, one file per stage that speaks (`draft`: the draft and the
trainer's tools, `load("draft")`; `check`: `wgad check`'s report; `report`:
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
from pathlib import Path
from typing import Any

import yaml

LOCALES = Path(__file__).parent / "output" / "locales"
#: The language every command speaks until one takes a choice (issue 31: French, Spanish).
LANGUAGE = "en"


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


@functools.cache
def load(part: str, lang: str = LANGUAGE) -> dict[str, Any]:
    """A stage's file, `locales/<lang>/<part>.yaml`, read once."""
    return read(LOCALES / lang / f"{part}.yaml", lang, text_only=part not in STRUCTURED)


def of(part: str, section: str, lang: str = LANGUAGE) -> dict[str, str]:
    """One section of a stage's file: its sentences by key, each a `str.format` template or plain text."""
    words: dict[str, str] = load(part, lang)[section]
    return words
