"""The law's words in another working language: `rules/<lang>/rules.yaml` and `rules/<lang>/outcomes.yaml`.

A rule's conditions, provisions and conclusions are the same in every language; what a reader sees of it
(its `title`, `law`, `explain` and `note`), the category titles, the remedies and the referrals are
sentences, kept beside the rules in one folder per language so that a lawyer reviews the law of a language
in one place (issue 31). `rules.yaml` holds each rule's sentences by rule id; `outcomes.yaml` the outcomes
file's sentences in its order (`categories`, then `remedies`, `conditions` and `sentences`, each a list of
the items' sentences), and `special_procedures`, the names of those a finding is referred to, by their English
names (a rule's `refer`, an outcome's); `citations.yaml` the rules' references to jurisprudence whose note is in
words, by their English form (`jurisprudence:`). A sentence a file leaves out stays in English: the test suite
requires them all for the shipped rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from detention_rules import words
from detention_rules.errors import InputError, Problem
from detention_rules.input import source
from detention_rules.law.consequences import Consequences
from detention_rules.law.law import Law

#: A rule's fields that are sentences, in a rules file's order.
RULE_TEXTS = ("title", "law", "explain", "note")
#: The outcomes file's lists, with the fields of each item that are sentences.
OUTCOME_TEXTS = {"remedies": ("text", "source"), "conditions": ("why",), "sentences": ("why",)}


def files(directory: Path, lang: str) -> list[Path]:
    """A language's files beside the rules of `directory` (none for English, the rules' own)."""
    folder = directory / lang
    names = ("rules.yaml", "outcomes.yaml", "citations.yaml")
    return [folder / name for name in names if lang != "en" and (folder / name).is_file()]


def _read(path: Path) -> dict[str, Any]:
    """A language's file, through the reader every law file goes through (its limits, its `yaml-syntax`)."""
    data = source.load(path).data
    if not isinstance(data, dict):
        message = words.of("law", "outcomes")["language_file"]
        raise InputError([Problem(str(path), 1, 1, "error", message, "translation")])
    return data


def translated(found: Law, directory: Path, lang: str) -> Law:
    """`found` with the sentences of `lang`'s files (those there are) in place of the English ones."""
    rules, consequences = found.rules, found.consequences
    names: dict[str, str] = {}
    for path in files(directory, lang):
        data = _read(path)
        if path.name == "rules.yaml":
            rules = tuple(_rule(rule, data.get(rule.id)) for rule in rules)
        elif path.name == "citations.yaml":
            cited = {str(k): " ".join(str(v).split()) for k, v in (data.get("jurisprudence") or {}).items()}
            rules = tuple(
                msgspec.structs.replace(r, jurisprudence=tuple(cited.get(j, j) for j in r.jurisprudence)) for r in rules
            )
        else:
            consequences = _outcomes(consequences, data)
            names = {str(k): " ".join(str(v).split()) for k, v in (data.get("special_procedures") or {}).items()}
    if names:
        rules = tuple(msgspec.structs.replace(r, refer=tuple(names.get(n, n) for n in r.refer)) for r in rules)
        consequences = msgspec.structs.replace(
            consequences,
            conditions=tuple(_referred(c, names) for c in consequences.conditions),
            sentences=tuple(_referred(c, names) for c in consequences.sentences),
        )
    return msgspec.structs.replace(found, rules=rules, consequences=consequences)


def _referred(outcome: Any, names: dict[str, str]) -> Any:
    """A condition's or a sentence's referral, to the special procedure as the language names it."""
    return msgspec.structs.replace(outcome, refer=names.get(outcome.refer, outcome.refer))


def _rule(rule: Any, texts: Any) -> Any:
    if not isinstance(texts, dict):
        return rule
    said = {k: " ".join(str(texts[k]).split()) for k in RULE_TEXTS if texts.get(k) and getattr(rule, k)}
    return msgspec.structs.replace(rule, **said)


def _outcomes(consequences: Consequences, data: dict[str, Any]) -> Consequences:
    titles = {**consequences.titles, **{k: str(v) for k, v in (data.get("categories") or {}).items()}}
    lists: dict[str, Any] = {}
    for name, fields in OUTCOME_TEXTS.items():
        items, texts = getattr(consequences, name), data.get(name) or []
        lists[name] = tuple(
            msgspec.structs.replace(item, **{f: " ".join(str(t[f]).split()) for f in fields if f in t})
            if isinstance(t, dict)
            else item
            for item, t in zip(items, [*texts, *[None] * (len(items) - len(texts))], strict=False)
        )
    return msgspec.structs.replace(consequences, titles=titles, **lists)
