"""Plain-text reports: problems like a linter, findings as trees from category down to facts."""

from __future__ import annotations

from detention_rules.errors import printable
from detention_rules.input.case import CATEGORIES
from detention_rules.output import wording
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning import tree
from detention_rules.reasoning.asking import question, show_value
from detention_rules.reasoning.derivation import Analysis, ConclusionNode, Finding, RuleNode
from detention_rules.reasoning.facts import FactNode
from detention_rules.reasoning.near_misses import ConditionState, NearMiss

#: Why an exception stated in the file does not defeat the rule (an exception_unproven fact).
UNPROVEN = (
    "the Government's word alone, without evidence, or a legal conclusion with no ref to a finding; "
    "the burden is on the Government"
)

STRENGTH = {
    "established": "established on uncontested facts",
    "contested": "established, but resting on facts the Government contests",
}


def _fact_line(node: FactNode) -> str:
    if node.absent_defeater:
        return f"exception not shown: {node.path} (the burden is on the Government)"
    if node.unproven:
        where = f"line {node.line}" if node.line else "derived"
        return (
            f"exception stated but not shown: {node.path} = {show_value(node.value, brackets=True)} ({where}) "
            f"[CONTESTED: {UNPROVEN}]"
        )
    where = f"line {node.line}" if node.line else "derived"
    marks = []
    if node.contested:
        marks.append("CONTESTED")
    if node.ref:
        marks.append(node.ref)
    extra = f" [{'; '.join(marks)}]" if marks else ""
    return f"fact {node.path} = {show_value(node.value, brackets=True)} ({where}){extra}"


def _tree(node: ConclusionNode, prefix: str, shown: set[str], out: list[str]) -> None:
    for step in tree.walk(node, shown, tree.conclusions):
        n, rails, branch = step.node, prefix + step.rails(), "└─" if step.last else "├─"
        if isinstance(n, RuleNode):
            out.append(f"{rails}{branch} {n.rule.id}: {n.text}")
            if n.provisions:
                inner = rails + ("   " if step.last else "│  ")
                out.append(f"{inner}   law: {', '.join(n.provisions)}; see {'; '.join(n.rule.jurisprudence)}")
        elif isinstance(n, FactNode):
            out.append(f"{rails}{branch} {_fact_line(n)}")
        else:
            out.append(f"{rails}{branch} {n.conclusion}{' (shown above)' if step.repeated else ''}")


def finding(f: Finding, shown: set[str]) -> list[str]:
    out = [f"Category {f.category}: {STRENGTH[f.strength]}"]
    if f.contested:
        out.append("  contested facts: " + ", ".join(x.path for x in f.contested))
    if f.source_only:
        out.append(
            "  stated by the source alone, not rebutted by the Government's reply (so they stand): "
            + ", ".join(x.path for x in f.source_only)
        )
    _tree(f.tree, "  ", shown, out)
    return out


def analysis_lines(a: Analysis) -> list[str]:
    found = a.categories
    missing = [c for c in CATEGORIES if c not in found]
    out = [
        "Categories established: " + (", ".join(found) if found else "none"),
        "Not established: " + (", ".join(missing) if missing else "none"),
    ]
    if a.possible:
        out.append(
            "Possible, as the source alleges, but not established on these facts: "
            + ", ".join(a.possible)
            + " (see what is missing below, or run wgad gaps)"
        )
    if a.rebutted:
        out.append(
            "Rebutted by the Government's evidence, which the source did not answer (read as unknown, "
            "grounding nothing; A/HRC/19/57 para 68): " + "; ".join(f"{f.path} ({f.rebutted})" for f in a.rebutted)
        )
    if a.released is not None:
        out.append(wording.filing_note(a.released))
    if a.government_replied is False:
        out.append(
            "The Government did not reply: the source's prima facie credible allegations stand "
            "(rule adm.allegations-stand; opinion 2/2022 paras 65-66)."
        )
    shown: set[str] = set()
    for f in a.findings:
        out.append("")
        out += finding(f, shown)
    return out


MARK = {True: "met", False: "unmet", None: "unknown"}


def condition_line(c: ConditionState, ask: bool = True) -> str:
    """One condition of a near miss: met, unmet (with the fact that defeats it) or unknown (with a question)."""
    if c.needs_conclusion:
        words = c.test.removeprefix("drawn").removeprefix(": ")
        return f"[{MARK[c.status]}] needs {c.path}" + (f" ({words})" if words else "")
    if c.test.endswith("(unless)"):
        if c.actual is None:
            return f"[met] exception not shown: {c.path} (the burden is on the Government)"
        where = f", line {c.line}" if c.line else ""
        return f"[{MARK[c.status]}] exception {c.path} is {show_value(c.actual, brackets=True)}{where}"
    if c.status is None and not ask:
        return f"[unknown] {c.path} (needs: {c.test})"
    if c.status is None:
        return f"[unknown] {c.path} (needs: {c.test}): {question(c.path)} -> {c.path}"
    where = f", line {c.line}" if c.line else ""
    return f"[{MARK[c.status]}] {c.path} {c.test} (is {show_value(c.actual, brackets=True)}{where})"


def why_not_lines(why_not: dict[str, list[NearMiss]]) -> list[str]:
    out: list[str] = []
    for category, misses in why_not.items():
        out.append("")
        out.append(f"Category {category}: not established")
        specific = [m for m in misses if not m.rule.id.endswith(".established")] or misses
        for miss in specific[:2]:
            state = "waiting on unknown facts" if miss.status is None else "defeated by known facts"
            out.append(f"  closest: {miss.rule.id} ({miss.rule.title}), {state}")
            out += [f"    {condition_line(c, ask=miss.status is None)}" for c in miss.conditions]
    return out


def render(results: list[CaseResult]) -> str:
    lines: list[str] = []
    for res in results:
        for p in res.problems:
            lines.append(str(p))
        for one in res.each():
            if one.analysis is None:
                continue
            title = f": {one.case.title}" if one.case and one.case.title else ""
            person = f" [{one.detainee}]" if one.detainee else ""
            lines.append(f"{one.path}{title}{person}")
            lines += ["  " + line if line else "" for line in analysis_lines(one.analysis)]
            lines += ["  " + line if line else "" for line in why_not_lines(one.why_not)]
            lines.append("")
    return "\n".join(map(printable, lines)).rstrip() + "\n"
