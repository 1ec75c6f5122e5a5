"""A first draft of the "analysis of violations" of a petition, from one case's findings.

The draft follows the Working Group's order (categories I to V), states the
facts with where they come from, the provisions, the jurisprudence each rule
mirrors, the open questions, and the remedies and referrals the findings call
for. It is a structure of plain data; the renderers turn it into Markdown or
a self-contained HTML page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from detention_rules.input.case import CATEGORIES, Case
from detention_rules.law import citation, outcomes
from detention_rules.output.redact import Redactor
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning.derivation import ConclusionNode, RuleNode, leaves
from detention_rules.reasoning.facts import FactNode
from detention_rules.reasoning.gaps import Question
from detention_rules.reasoning.questions import show_value


@dataclass
class Section:
    category: str
    title: str
    established: bool
    strength: str = ""
    tree: ConclusionNode | None = None
    facts: list[FactNode] = field(default_factory=list)
    provisions: list[str] = field(default_factory=list)
    jurisprudence: list[str] = field(default_factory=list)
    reasoning: list[str] = field(default_factory=list)
    law: list[str] = field(default_factory=list)  # the legal standards the rules quote
    notes: list[str] = field(default_factory=list)  # how the rules read the law: for the drafter, not the petition
    open_questions: list[Question] = field(default_factory=list)


@dataclass
class Draft:
    title: str
    file: str
    sections: list[Section]
    remedies: list[str]
    referrals: list[tuple[str, str]]  # (special procedure, the finding that calls for it)
    redact: Redactor | None = None

    def text(self, value: str) -> str:
        """Apply redaction to any text of the draft."""
        return self.redact(value) if self.redact else value


def _rules(node: ConclusionNode) -> list[RuleNode]:
    out = []
    for rule in node.support:
        out.append(rule)
        for premise in rule.premises:
            out += _rules(premise)
    return out


def build(result: CaseResult, asked: list[Question], *, redact: bool = False) -> Draft:
    """The draft for one analysed case; `asked` are the open questions (wgad gaps)."""
    assert result.case is not None and result.analysis is not None
    case: Case = result.case
    findings = {f.category: f for f in result.analysis.findings}
    legal = outcomes.load()
    sections = []
    referrals: dict[str, str] = {}
    for category in CATEGORIES:
        finding = findings.get(category)
        section = Section(category, legal.titles[category], finding is not None)
        if finding is not None:
            section.strength = finding.strength
            section.tree = finding.tree
            section.facts = [f for f in leaves(finding.tree) if not f.absent_defeater]
            unique = {r.rule.id: r for r in _rules(finding.tree)}
            # the specific violations first, the category rule's own sentence last
            rules = sorted(
                (r for r in unique.values() if r.rule.category == category), key=lambda r: r.rule.kind == "category"
            )
            for node in rules:
                section.provisions += [p for p in node.provisions if p not in section.provisions]
                section.jurisprudence += [j for j in node.rule.jurisprudence if j not in section.jurisprudence]
                section.reasoning.append(node.text)
                for text, into in ((node.rule.law, section.law), (node.rule.note, section.notes)):
                    if text and text.strip() not in into:
                        into.append(text.strip())
                for special in node.rule.refer:
                    referrals.setdefault(special, f"category {category}: {node.rule.title}")
        # each source cited once, its pinpoints merged ("Opinion 2/2022 paras 70-71, 72")
        section.provisions = citation.grouped(section.provisions)
        section.jurisprudence = citation.grouped(section.jurisprudence)
        prefix = f"{category}."
        section.open_questions = [q for q in asked if any(r.startswith(prefix) for r in q.rules)]
        sections.append(section)
    remedies = [f"{r.text.removesuffix('.')} (as in {r.source})." for r in legal.remedies_for(case)] if findings else []
    for special, why in legal.referrals_for(case):
        referrals.setdefault(special, why)
    name = case.person.name if case.person and case.person.name else ""
    return Draft(
        title=case.title or result.path,
        file=result.path,
        sections=sections,
        remedies=remedies,
        referrals=sorted(referrals.items()),
        redact=Redactor(name) if redact and name else None,
    )


def fact_sentence(f: FactNode) -> str:
    """A fact as a drafter would cite it."""
    value = show_value(f.value)  # as the case file writes it (true, not Python's True)
    source = f" ({f.ref})" if f.ref else ""
    contested = " [contested by the Government]" if f.contested else ""
    line = f"line {f.line}" if f.line else "derived"
    return f"{f.path}: {value}{source}{contested}, case file {line}"
