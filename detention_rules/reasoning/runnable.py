"""A law the engine can run: read with the law's checks, then held to the engine's size limits.

The law's checks (law/) know nothing of durable-rules; how many durable
rules a rule compiles to is the engine's business, so that check is here, after both.
Loaded once per process and folder (while its files stay as they were); between runs,
the checked law and its compiled rules are kept by `rules_cache`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path

from detention_rules import words
from detention_rules.errors import EngineError, InputError, Problem
from detention_rules.law import law, translation
from detention_rules.law.law import Law
from detention_rules.law.rule import Rule
from detention_rules.reasoning import rules_cache
from detention_rules.reasoning.engine import (
    CATCH_ALLS,
    MAX_CASE_ALTERNATIVES,
    MAX_DURABLE_RULES,
    Compiled,
    Engine,
    case_alternatives,
    compile_rule,
    size_bound,
)


class Runnable(Law, frozen=True, dict=True):
    """A law with its compiled form: the engine is built from it once, the first time a case is run."""

    compiled: Compiled | None = None  # None: compiled when the engine is first needed (and refused then)

    @functools.cached_property
    def engine(self) -> Engine:
        """The law's rules as one durable ruleset, made once per loaded law."""
        return Engine(self.rules, self.compiled)


_cache: dict[tuple[Path, tuple[tuple[str, int, int], ...], str], Runnable] = {}


def load(directory: Path | None = None) -> Runnable:
    """Load and check every file in `directory` (default: the shipped rules), once per process, content and
    language: its sentences in the language in use (`law/translation.py`)."""
    directory = law.folder(directory)
    lang = words.LANGUAGE
    key = (directory, _stamp(directory) + _stamp_files(translation.files(directory, lang)), lang)
    if key not in _cache:
        kept = rules_cache.load(directory)
        if kept is None:
            found, problems = law.read(directory)
            problems += _sizes(found.rules, problems)
            if any(p.level == "error" for p in problems):
                raise InputError(sorted(problems))
            compiled = _compiled(found.rules)
            rules_cache.save(directory, found, compiled)
        else:  # read without an error from files as they are now (the entry's key): not read again
            found, compiled = kept
        found = translation.translated(found, directory, lang)
        _cache[key] = Runnable(found.folder, found.rules, found.parameters, found.consequences, compiled)
    return _cache[key]


def _stamp(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """The folder's files as they are now (name, size, time): an edited folder is loaded afresh."""
    with os.scandir(directory) as entries:
        files = [(e.name, e.stat()) for e in entries if e.is_file()]
    return tuple(sorted((name, info.st_size, info.st_mtime_ns) for name, info in files))


def _stamp_files(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """A language's files as they are now: an edited translation is read afresh."""
    return tuple((str(p), (info := p.stat()).st_size, info.st_mtime_ns) for p in paths)


def _compiled(rules: tuple[Rule, ...]) -> Compiled | None:
    """The rules compiled for the engine, or None if it refuses them: that is said when a case is run, as before."""
    try:
        return Compiled.of(rules)
    except EngineError:
        return None


def too_large(rules: Iterable[Rule]) -> list[Problem]:
    """Rules that would compile to more durable rules than one ruleset takes, found without expanding them."""
    return [
        Problem(
            rule.pos.path,
            rule.pos.line,
            rule.pos.col,
            "error",
            words.of("law", "engine")["rule_too_large"].format(id=rule.id, limit=MAX_DURABLE_RULES),
            "rules-too-many",
            rule.id,
        )
        for rule in rules
        if size_bound(rule.when) > MAX_DURABLE_RULES
    ]


def all_problems(directory: Path | None = None) -> list[Problem]:
    """Every problem in a rules folder (its rules, parameters and outcomes), without raising: `wgad rules --check`."""
    directory = law.folder(directory)
    found, problems = law.read(directory)
    problems += _sizes(found.rules, problems)
    return sorted(problems)


def _sizes(rules: Iterable[Rule], problems: list[Problem]) -> list[Problem]:
    """The engine's size limits: each rule's, then (if the rules are otherwise sound) the whole rulebook's."""
    found = too_large(rules)
    if found or any(p.level == "error" for p in problems):
        return found
    return over_limits(rules)


def over_limits(rules: Iterable[Rule]) -> list[Problem]:
    """The rule at which the rulebook as a whole passes what one durable ruleset takes.

    durable-rules hangs or fails when it is given more (durable rules, `$or` alternatives): refused
    here, at the rule that passes the limit, as any other problem in the rules.
    """
    size, alternatives = len(CATCH_ALLS), 0
    for rule in rules:
        bodies = compile_rule(rule)
        size += len(bodies)
        alternatives += sum(case_alternatives(b) for b in bodies)
        if size > MAX_DURABLE_RULES:
            message = words.of("law", "engine")["too_many_rules"].format(id=rule.id, limit=MAX_DURABLE_RULES)
        elif alternatives > MAX_CASE_ALTERNATIVES:
            message = words.of("law", "engine")["too_many_values"].format(id=rule.id, limit=MAX_CASE_ALTERNATIVES)
        else:
            continue
        return [Problem(rule.pos.path, rule.pos.line, rule.pos.col, "error", message, "rules-too-many", rule.id)]
    return []
