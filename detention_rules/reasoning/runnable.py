"""A rulebook the engine can run: read with the law's checks, then held to the engine's size limits.

The law's checks (law/rulebook.py) know nothing of durable-rules; how many durable
rules a rule compiles to is the engine's business, so that check is here, after both.
Loaded once per process and folder; between runs, checked rules are kept by `rules_cache`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from detention_rules.errors import EngineError, InputError, Problem
from detention_rules.law import rulebook
from detention_rules.law.rule import Rule
from detention_rules.law.rulebook import Rulebook
from detention_rules.reasoning import engine, rules_cache
from detention_rules.reasoning.engine import (
    CATCH_ALLS,
    MAX_CASE_ALTERNATIVES,
    MAX_DURABLE_RULES,
    case_alternatives,
    compile_rule,
    size_bound,
)

_cache: dict[Path, Rulebook] = {}


def load(directory: Path | None = None) -> Rulebook:
    """Load and check every rule file in `directory` (default: the shipped rules), once per process."""
    directory = rulebook.folder(directory)
    if directory not in _cache:
        kept = rules_cache.load(directory)
        if kept is None:
            read, problems = rulebook.read(directory)
            problems += _sizes(read, problems)
            if any(p.level == "error" for p in problems):
                raise InputError(sorted(problems))
            rules = tuple(read)
            compiled = _compiled(rules)
            rules_cache.save(directory, rules, compiled)
        else:
            rules, compiled = kept
        if compiled is not None:
            engine.adopt(rules, compiled)
        _cache[directory] = Rulebook(rules)
    return _cache[directory]


def _compiled(rules: tuple[Rule, ...]) -> engine.Compiled | None:
    """The rules compiled for the engine, or None if it refuses them: that is said when a case is run, as before."""
    try:
        return engine.Compiled.of(rules)
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
            f"rule {rule.id} would compile to more than {MAX_DURABLE_RULES} durable rules",
            "rules-too-many",
            rule.id,
        )
        for rule in rules
        if size_bound(rule.when) > MAX_DURABLE_RULES
    ]


def all_problems(directory: Path | None = None) -> list[Problem]:
    """Every problem in a rules folder, without raising: for `wgad rules --check`."""
    directory = rulebook.folder(directory)
    rules, problems = rulebook.read(directory)
    problems += _sizes(rules, problems)
    return sorted(problems)


def _sizes(rules: list[Rule], problems: list[Problem]) -> list[Problem]:
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
            message = (
                f"with rule {rule.id} the rules compile to more than {MAX_DURABLE_RULES} durable rules, "
                "the most one ruleset takes; merge or remove rules"
            )
        elif alternatives > MAX_CASE_ALTERNATIVES:
            message = (
                f"with rule {rule.id} the rules test more than {MAX_CASE_ALTERNATIVES} alternative values "
                "(`in`, `contains_any`, `unless`) of the case's facts, the most one ruleset takes; shorten the lists"
            )
        else:
            continue
        return [Problem(rule.pos.path, rule.pos.line, rule.pos.col, "error", message, "rules-too-many", rule.id)]
    return []
