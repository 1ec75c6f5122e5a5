"""The law of one rules folder as one object: its rules, the parameters they and the derived facts read,
and the consequences findings lead to (outcomes.yaml: category titles, remedies, referrals).

Read together, so that `--rules DIR` governs everything that depends on the law (facts, findings,
drafts, the casebook, the web page) and `wgad rules --check` checks every file in the folder.
Nothing here reads a default folder: whoever needs the law is handed a `Law`.
"""

# No `from __future__ import annotations`: the rules cache reads this module's types (reasoning/rules_cache.py).
import functools
from pathlib import Path

import msgspec

from detention_rules import words
from detention_rules.errors import InputError, Problem, UsageError
from detention_rules.input.fields import derived
from detention_rules.law import consequences, parameters
from detention_rules.law.consequences import Consequences
from detention_rules.law.parameters import Parameter, default_dir
from detention_rules.law.rule import Rule


class Law(msgspec.Struct, frozen=True, dict=True):  # dict: room for the cached lookups
    """The rules in file order, the parameters and the consequences of one folder; the lookups the explainer needs."""

    folder: str
    rules: tuple[Rule, ...]
    parameters: dict[str, Parameter]
    consequences: Consequences

    def drawing(self, conclusion: str) -> list[Rule]:
        """The rules that draw a conclusion, in file order."""
        return self._drawing.get(conclusion, [])

    @functools.cached_property
    def _drawing(self) -> dict[str, list[Rule]]:
        index: dict[str, list[Rule]] = {}
        for rule in self.rules:
            index.setdefault(rule.concludes, []).append(rule)
        return index

    def parameter(self, name: str) -> int | float:
        """A parameter's value, for code that derives facts (the 48 hours of `judge_within_48h`)."""
        return self.parameters[name].value


def folder(directory: Path | None) -> Path:
    """The rules folder to read: `directory`, or the shipped rules; a usage error if it is not a folder."""
    directory = (directory or default_dir()).resolve()
    if not directory.is_dir():
        raise UsageError(words.of("law", "rules")["no_folder"].format(folder=directory))
    return directory


def _read_by_derived() -> dict[str, str]:
    """The parameters derived facts read (reasoning/facts.py), each with the first fact that reads it."""
    out: dict[str, str] = {}
    for path, fact in derived().items():
        if fact.parameter:
            out.setdefault(fact.parameter, path)
    return out


def read(directory: Path) -> tuple[Law, list[Problem]]:
    """The law of a folder and every problem in any of its files. The law is usable only when no problem
    is an error (then `reasoning/rules_cache.py` keeps it between runs)."""
    try:
        params, problems = parameters.read(directory / parameters.FILE_NAME)
        for name, fact in _read_by_derived().items():
            if name not in params:
                message = words.of("law", "parameters")["missing"].format(name=name, fact=fact)
                where = str(directory / parameters.FILE_NAME)
                problems.append(Problem(where, 1, 1, "error", message, "parameter", f"parameters.{name}"))
    except InputError as exc:  # missing, or not YAML
        params, problems = {}, exc.problems
    from detention_rules.law import rulebook  # here: a law kept by the rules cache reads no rule file

    read_rules, more = rulebook.read(directory, params)
    rules, problems = tuple(read_rules), problems + more
    # the remedies' violations are checked against rules that read cleanly: a broken file's are not all known
    drawn = None if any(p.level == "error" for p in problems) else {r.concludes for r in rules}
    try:
        legal, more = consequences.read(directory / consequences.FILE_NAME, drawn)
    except InputError as exc:
        legal, more = None, exc.problems
    return Law(str(directory), rules, params, legal or Consequences({}, ())), problems + more
