"""The docs say which rules read each field; the rules' conditions must say the same.

docs/case-format.md gives every field a row whose "read by" column names the rules that
test it (and the derived-facts table says which rules read each derived fact). A lawyer
reviewing the law reads those sentences, not the YAML, so they must hold both ways:

- every field a rule's condition tests is in that field's row, named with the rule's id;
- every rule id a field's row names exists, and reads that field: in its condition or its
  explanation, or through a conclusion it needs (`V.group-targeted` reads
  `pattern.earlier_arrests` through `V.person-targeted`), or through a derived fact the
  same row names (`arrest.charge_date`'s row: "derived fact `arrest.days_uncharged`, read
  by `I.held-without-charge`").
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from detention_rules.input.case import field_types
from detention_rules.input.fields import derived
from detention_rules.law.rule import AnyItem, FactCond, Rule, needs, placeholders, walk
from detention_rules.reasoning import runnable

ROOT = Path(__file__).resolve().parents[2]
CASE_FORMAT = ROOT / "docs" / "case-format.md"
_RULE_ID = re.compile(r"`((?:adm|I|II|III|IV|V)\.[a-z0-9-]+)`")
_CODE = re.compile(r"`([^`]+)`")
#: The case's list sections (`detention[].kind`): their rows name a field of every item.
_LISTS = {f.split("[]")[0] for f in field_types() if "[]." in f and "." not in f.split("[]")[0]}


#: The sections whose facts the derived-facts table names by their whole path.
_DERIVED_SECTIONS = {"arrest", "detention", "conduct", "person", "trial", "discrimination"}


def _path(prefix: str, name: str) -> str:
    """A row's field as the rules name it: `detention[].kind`, `trial.counsel.access_trial`."""
    name = re.sub(r"\[i\]", "[]", name)
    if "." in name and name.split(".")[0].split("[")[0] in _DERIVED_SECTIONS:
        return name  # the derived-facts table gives whole paths
    return f"{prefix}.{name}" if prefix else name


def documented(text: str) -> dict[str, str]:
    """Field path -> what its rows say about who reads it (the "read by" cell; derived rows whole)."""
    rows: dict[str, str] = {}
    prefix: str | None = None
    reads_column: int | None = None
    derived = False
    for line in text.splitlines():
        if line.startswith("## "):
            derived = line.strip() == "## Derived facts"
            prefix = None
        if line.startswith("### "):
            found = _CODE.search(line)
            section = found.group(1) if found else None
            prefix = f"{section}[]" if section in _LISTS else section
        elif found := re.match(r"^`(trial\.\w+)`", line):
            prefix = found.group(1)
        if not line.startswith("|"):
            reads_column = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if reads_column is None and cells and cells[0] in {"field", "fact"}:
            reads_column = cells.index("read by") if "read by" in cells else (-1 if derived else None)
            continue
        if reads_column is None or not cells[0].startswith("`"):
            continue
        name = _CODE.match(cells[0])
        if name is None or (prefix is None and not derived):
            continue
        said = " ".join(cells[1:]) if derived else cells[reads_column]
        path = _path(prefix or "", name.group(1))
        rows[path] = f"{rows[path]} {said}" if path in rows else said  # a field's row and its derived row
    return rows


def _tested(rule: Rule) -> set[str]:
    """The fields a rule's condition tests, as `detention[].kind`."""
    lists = [c.list_path for c in walk(rule.when) if isinstance(c, AnyItem)]
    known = set(field_types()) | set(derived())
    out: set[str] = set()
    for cond in walk(rule.when):
        if isinstance(cond, FactCond):
            inside = {f"{lst}[].{cond.path}" for lst in lists} & known
            out |= inside or {cond.path}
    return out


def _shown(rule: Rule) -> set[str]:
    """The fields its explanation shows."""
    lists = [c.list_path for c in walk(rule.when) if isinstance(c, AnyItem)]
    out = set()
    for name in placeholders(rule.explain):
        out |= {f"{lst}[].{name.removeprefix('item.')}" for lst in lists} if name.startswith("item.") else {name}
    return out


def _reads(rules: list[Rule]) -> dict[str, set[str]]:
    """Rule id -> every field it reads: its own, and those of the rules drawing what it needs."""
    drawing: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        drawing[rule.concludes].append(rule)
    memo: dict[str, set[str]] = {}

    def reads(rule: Rule) -> set[str]:
        if rule.id not in memo:
            memo[rule.id] = _tested(rule) | _shown(rule)  # the rulebook has no cycles
            for conclusion in needs(rule.when):
                for other in drawing[conclusion]:
                    memo[rule.id] |= reads(other)
        return memo[rule.id]

    return {rule.id: reads(rule) for rule in rules}


def _derived_named(said: str) -> set[str]:
    """The derived facts a row names, by path or by last name (`judge_decided_within_48h`)."""
    names = {p.replace("[i]", "[]") for p in _CODE.findall(said)}
    return {d for d in derived() if d in names or d.rsplit(".", 1)[-1] in names}


def disagreements(text: str, rules: list[Rule]) -> list[str]:
    """Every way the docs' rows and the rules' conditions differ, in words."""
    rows = documented(text)
    reading = _reads(rules)
    problems = []
    for rule in rules:
        for field in sorted(_tested(rule)):
            if field not in rows:
                problems.append(f"{rule.id} tests {field}, which has no row in docs/case-format.md")
            elif rule.id not in _RULE_ID.findall(rows[field]):
                problems.append(f"{rule.id} tests {field}, but that row does not name it")
    for field, said in rows.items():
        derived_named = _derived_named(said)
        for rule_id in dict.fromkeys(_RULE_ID.findall(said)):
            if rule_id not in reading:
                problems.append(f"the row of {field} names {rule_id}, which no rule file defines")
                continue
            reads = reading[rule_id]
            if field not in reads and not derived_named & reads:
                problems.append(f"the row of {field} names {rule_id}, which does not read it")
    return problems


def test_docs_and_rules_agree_on_who_reads_each_field() -> None:
    problems = disagreements(CASE_FORMAT.read_text(encoding="utf-8"), list(runnable.load().rules))
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def shipped() -> tuple[str, list[Rule]]:
    return CASE_FORMAT.read_text(encoding="utf-8"), list(runnable.load().rules)


def test_a_rule_reading_a_field_the_row_omits_is_caught(shipped: tuple[str, list[Rule]]) -> None:
    text, rules = shipped
    row = next(line for line in text.splitlines() if line.startswith("| `warrant_shown` |"))
    assert not disagreements(text, rules)
    problems = disagreements(text.replace(row, row.replace("`I.no-warrant`", "the warrant rule")), rules)
    assert problems == ["I.no-warrant tests arrest.warrant_shown, but that row does not name it"]


def test_a_row_naming_a_rule_that_does_not_read_it_is_caught(shipped: tuple[str, list[Rule]]) -> None:
    text, rules = shipped
    row = next(line for line in text.splitlines() if line.startswith("| `in_flagrante` |"))
    wrong = row.removesuffix("|") + " Also `I.vague-law`. |"
    problems = disagreements(text.replace(row, wrong), rules)
    assert problems == ["the row of arrest.in_flagrante names I.vague-law, which does not read it"]
    gone = row.removesuffix("|") + " Also `I.no-such-rule`. |"
    problems = disagreements(text.replace(row, gone), rules)
    assert problems == ["the row of arrest.in_flagrante names I.no-such-rule, which no rule file defines"]


def test_every_row_is_found() -> None:
    """The parser sees a row for every field a rule tests or the model has (sections and sub-tables)."""
    rows = documented(CASE_FORMAT.read_text(encoding="utf-8"))
    own = {"source", "expected", "title", "language", "translations", "notes"}  # the file's keys, not facts
    model = {f for f in field_types() if f.split(".")[0] not in own}
    missing = defaultdict(list)
    for field in sorted(model - set(rows)):
        missing[field.split(".")[0]].append(field)
    assert not missing, dict(missing)


def test_every_rule_the_docs_name_exists() -> None:
    """A rule id in any page a user reads names a rule of the shipped rulebook (none withdrawn or misspelt)."""
    ids = {r.id for r in runnable.load().rules}
    pages = [ROOT / "README.md", ROOT / "ARCHITECTURE.md", *sorted((ROOT / "docs").glob("*.md"))]
    named = {(page.name, rule_id) for page in pages for rule_id in _RULE_ID.findall(page.read_text(encoding="utf-8"))}
    assert not {(page, rule_id) for page, rule_id in named if rule_id not in ids}
