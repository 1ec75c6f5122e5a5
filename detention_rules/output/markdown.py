"""Markdown reports: the same findings as the text report, as nested lists."""

from __future__ import annotations

from pathlib import Path

from detention_rules.escaping import markdown, markdown_code, printable
from detention_rules.input.case import CATEGORIES
from detention_rules.law.law import Law
from detention_rules.output import wording
from detention_rules.output.text import STRENGTH, UNPROVEN, why_not_lines
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning import tree
from detention_rules.reasoning.derivation import Analysis, ConclusionNode, RuleNode
from detention_rules.reasoning.facts import FactNode


def _fact(node: FactNode) -> str:
    if node.absent_defeater:
        return f"exception not shown: {markdown_code(node.path)} (the burden is on the Government)"
    if node.unproven:
        return (
            f"exception stated but not shown: {markdown_code(node.path)} = {markdown_code(str(node.value))} "
            f"**contested** ({markdown(UNPROVEN)})"
        )
    marks = " **contested**" if node.contested else ""
    ref = f" ({markdown(str(node.ref))})" if node.ref else ""
    line = f"line {node.line}" if node.line else "derived"
    return f"fact {markdown_code(node.path)} = {markdown_code(str(node.value))}, {line}{ref}{marks}"


def _tree(node: ConclusionNode, shown: set[str], out: list[str]) -> None:
    for step in tree.walk(node, shown, tree.conclusions):
        n, pad = step.node, "  " * step.level
        if isinstance(n, RuleNode):
            law = markdown(", ".join(n.provisions))
            cases = markdown("; ".join(n.rule.jurisprudence))
            out.append(f"{pad}- **{markdown(n.rule.id)}**: {markdown(n.text)} *({law}; {cases})*")
        elif isinstance(n, FactNode):
            out.append(f"{pad}- {_fact(n)}")
        elif step.repeated:  # a conclusion drawn above; one not yet drawn shows as the rules under it
            out.append(f"{pad}- {markdown_code(n.conclusion)} (see above)")


def render(results: list[CaseResult]) -> str:
    out: list[str] = []
    for whole in results:
        for i, res in enumerate(whole.each()):
            title = res.case.title if res.case and res.case.title else res.path
            person = f": {markdown(res.detainee)}" if res.detainee else ""
            out += [f"# {markdown(title)}{person}", "", f"File: {markdown_code(res.path)}", ""]
            if i == 0 and whole.problems:  # the file's problems, once
                out += ["## Problems", ""]
                out += [f"- {markdown_code(str(p))}" for p in whole.problems]
                out.append("")
            if res.analysis is not None:
                _result(res, res.analysis, out)
    # each entry is one line: text from the file cannot start another (escaping.printable), nor be read
    # as Markdown (escaping.markdown; the why-not lines are an indented code block)
    return "\n".join(map(printable, out)).rstrip() + "\n"


def _result(res: CaseResult, a: Analysis, out: list[str]) -> None:
    """One person's findings and why-not."""
    found = a.categories
    out += [
        f"**Categories established:** {', '.join(found) or 'none'}; "
        f"not established: {', '.join(c for c in CATEGORIES if c not in found) or 'none'}",
        "",
    ]
    if a.possible:
        out += [f"**Possible, as the source alleges, but not established:** {', '.join(a.possible)}", ""]
    if a.released is not None:
        out += [markdown(wording.filing_note(a.released)), ""]
    if a.rebutted:
        out += [
            "**Rebutted by the Government's evidence, which the source did not answer (read as unknown):** "
            + "; ".join(f"{markdown_code(f.path)} ({markdown(f.rebutted)})" for f in a.rebutted),
            "",
        ]
    shown: set[str] = set()
    for f in a.findings:
        out += [f"## Category {f.category}", "", f"{STRENGTH[f.strength].capitalize()}.", ""]
        if f.contested:
            out += ["Contested facts: " + ", ".join(markdown_code(x.path) for x in f.contested), ""]
        _tree(f.tree, shown, out)
        out.append("")
    for line in why_not_lines(res.why_not):
        out += [f"## {line}", ""] if line.startswith("Category") else [f"    {line}" if line else ""]


def rules_table(book: Law) -> str:
    """Every rule, file by file, as the Markdown tables of docs/rules.md ("All rules")."""
    out: list[str] = []
    for path in dict.fromkeys(r.pos.path for r in book.rules):
        out += [f"`rules/{Path(path).name}`", "", "| id | title | concludes | provisions |", "|---|---|---|---|"]
        out += [
            f"| {markdown_code(r.id)} | {markdown(r.title)} | {markdown_code(r.concludes)} | "
            f"{markdown(', '.join(r.provisions))} |"
            for r in book.rules
            if r.pos.path == path
        ]
        out.append("")
    return "\n".join(map(printable, out))
