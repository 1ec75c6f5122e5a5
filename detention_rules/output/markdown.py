"""Markdown reports: the same findings as the text report, as nested lists."""

from __future__ import annotations

from pathlib import Path

from detention_rules.escaping import printable
from detention_rules.input.case import CATEGORIES
from detention_rules.law.law import Law
from detention_rules.output.text import STRENGTH, UNPROVEN, why_not_lines
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning.derivation import Analysis, ConclusionNode
from detention_rules.reasoning.facts import FactNode


def _fact(node: FactNode) -> str:
    if node.absent_defeater:
        return f"exception not shown: `{node.path}` (the burden is on the Government)"
    if node.unproven:
        return f"exception stated but not shown: `{node.path}` = `{node.value}` **contested** ({UNPROVEN})"
    marks = " **contested**" if node.contested else ""
    ref = f" ({node.ref})" if node.ref else ""
    line = f"line {node.line}" if node.line else "derived"
    return f"fact `{node.path}` = `{node.value}`, {line}{ref}{marks}"


def _tree(node: ConclusionNode, depth: int, shown: set[str], out: list[str]) -> None:
    pad = "  " * depth
    for rule in node.support:
        law = ", ".join(rule.provisions)
        out.append(f"{pad}- **{rule.rule.id}**: {rule.text} *({law}; {'; '.join(rule.rule.jurisprudence)})*")
        for f in rule.facts:
            out.append(f"{pad}  - {_fact(f)}")
            out += [f"{pad}    - {_fact(s)}" for s in f.derived_from]
        for premise in rule.premises:
            if premise.conclusion in shown:
                out.append(f"{pad}  - `{premise.conclusion}` (see above)")
            else:
                shown.add(premise.conclusion)
                _tree(premise, depth + 1, shown, out)


def render(results: list[CaseResult]) -> str:
    out: list[str] = []
    for whole in results:
        for i, res in enumerate(whole.each()):
            title = res.case.title if res.case and res.case.title else res.path
            out += [f"# {title}" + (f": {res.detainee}" if res.detainee else ""), "", f"File: `{res.path}`", ""]
            if i == 0 and whole.problems:  # the file's problems, once
                out += ["## Problems", ""]
                out += [f"- `{p}`" for p in whole.problems]
                out.append("")
            if res.analysis is not None:
                _result(res, res.analysis, out)
    # each entry is one line: text from the file cannot start another (escaping.printable)
    return "\n".join(map(printable, out)).rstrip() + "\n"


def _result(res: CaseResult, a: Analysis, out: list[str]) -> None:
    """One person's findings and why-not."""
    found = a.categories
    out.append(
        f"**Categories established:** {', '.join(found) or 'none'}; "
        f"not established: {', '.join(c for c in CATEGORIES if c not in found) or 'none'}\n"
    )
    if a.possible:
        out.append(f"**Possible, as the source alleges, but not established:** {', '.join(a.possible)}\n")
    if a.rebutted:
        out.append(
            "**Rebutted by the Government's evidence, which the source did not answer (read as unknown):** "
            + "; ".join(f"`{f.path}` ({f.rebutted})" for f in a.rebutted)
            + "\n"
        )
    shown: set[str] = set()
    for f in a.findings:
        out.append(f"## Category {f.category}\n")
        out.append(f"{STRENGTH[f.strength].capitalize()}.\n")
        if f.contested:
            out.append("Contested facts: " + ", ".join(f"`{x.path}`" for x in f.contested) + "\n")
        shown.add(f.tree.conclusion)
        _tree(f.tree, 0, shown, out)
        out.append("")
    for line in why_not_lines(res.why_not):
        out.append(f"## {line}\n" if line.startswith("Category") else f"    {line}" if line else "")


def rules_table(book: Law) -> str:
    """Every rule, file by file, as the Markdown tables of docs/rules.md ("All rules")."""
    out: list[str] = []
    for path in dict.fromkeys(r.pos.path for r in book.rules):
        out += [f"`rules/{Path(path).name}`", "", "| id | title | concludes | provisions |", "|---|---|---|---|"]
        out += [
            f"| `{r.id}` | {r.title} | `{r.concludes}` | {', '.join(r.provisions)} |"
            for r in book.rules
            if r.pos.path == path
        ]
        out.append("")
    return "\n".join(map(printable, out))
