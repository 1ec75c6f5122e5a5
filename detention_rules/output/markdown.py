"""Markdown reports: the same findings as the text report, as nested lists."""

from __future__ import annotations

from pathlib import Path

from detention_rules import words
from detention_rules.escaping import markdown, markdown_code, printable
from detention_rules.input.case import CATEGORIES
from detention_rules.law.law import Law
from detention_rules.output import text
from detention_rules.output.text import STRENGTH, UNPROVEN, where, why_not_lines
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning import tree
from detention_rules.reasoning.asking import show_value
from detention_rules.reasoning.derivation import Analysis, ConclusionNode, RuleNode
from detention_rules.reasoning.facts import FactNode

#: The Markdown report's own sentences (locales/<lang>/check.yaml, `markdown:`); the rest are text.py's.
W = words.of("check", "markdown")


def _fact(node: FactNode, quoted: text.Said) -> str:
    path, value = markdown_code(node.path), markdown_code(str(node.value))
    if node.absent_defeater:
        return text.W["absent_defeater"].format(path=path)
    if node.unproven:
        return W["unproven_fact"].format(path=path, value=value, why=markdown(UNPROVEN))
    marks = W["contested_mark"] if node.contested else ""
    ref = f" ({markdown(quoted(str(node.ref)))})" if node.ref else ""
    return W["fact"].format(path=path, value=value, where=where(node.line), ref=ref, marks=marks)


def _tree(node: ConclusionNode, shown: set[str], out: list[str], said: text.Said, quoted: text.Said) -> None:
    for step in tree.walk(node, shown, tree.conclusions):
        n, pad = step.node, "  " * step.level
        if isinstance(n, RuleNode):
            law = markdown(text.cited(", ".join(n.provisions)))
            cases = markdown(text.cited("; ".join(n.rule.jurisprudence)))
            out.append(f"{pad}- **{markdown(n.rule.id)}**: {markdown(said(n.text))} *({law}; {cases})*")
        elif isinstance(n, FactNode):
            out.append(f"{pad}- {_fact(n, quoted)}")
        elif step.repeated:  # a conclusion drawn above; one not yet drawn shows as the rules under it
            out.append(f"{pad}- {W['see_above'].format(conclusion=markdown_code(n.conclusion))}")


def render(results: list[CaseResult]) -> str:
    out: list[str] = []
    for whole in results:
        for i, res in enumerate(whole.each()):
            title = text.title(whole) or res.path
            person = f": {markdown(res.detainee)}" if res.detainee else ""
            out += [f"# {markdown(title)}{person}", "", W["file"].format(path=markdown_code(res.path)), ""]
            if i == 0 and whole.problems:  # the file's problems, once
                out += [W["problems"], ""]
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
    none = text.W["none"]
    missing = ", ".join(c for c in CATEGORIES if c not in found) or none
    out += [W["categories"].format(found=", ".join(found) or none, missing=missing), ""]
    if a.possible:
        out += [W["possible"].format(categories=", ".join(a.possible)), ""]
    if a.released is not None:
        out += [markdown(text.filing_note(a.released)), ""]
    if a.rebutted:
        rebutted = "; ".join(f"{markdown_code(f.path)} ({markdown(f.rebutted)})" for f in a.rebutted)
        out += [W["rebutted"].format(facts=rebutted), ""]
    if a.disputed_categories:
        disputed = "; ".join(
            f"{markdown_code(f.path)} = {markdown_code(show_value(f.value))} ({markdown(f.evidence)})"
            for f in a.disputed
        )
        out += [W["disputed"].format(facts=disputed, categories=", ".join(a.disputed_categories)), ""]
    shown: set[str] = set()
    for f in a.findings:
        out += [W["category"].format(category=f.category), "", f"{STRENGTH[f.strength].capitalize()}.", ""]
        if f.contested:
            out += [W["contested_facts"].format(paths=", ".join(markdown_code(x.path) for x in f.contested)), ""]
        _tree(f.tree, shown, out, text.explained(res), text.referenced(res))
        out.append("")
    for line in why_not_lines(res.why_not):  # a category's line is a heading; its closest rules are indented
        out += [f"## {line}", ""] if line[:1].strip() else [f"    {line}" if line else ""]


def rules_table(book: Law) -> str:
    """Every rule, file by file, as the Markdown tables of docs/rules.md ("All rules")."""
    out: list[str] = []
    for path in dict.fromkeys(r.pos.path for r in book.rules):
        out += [f"`rules/{Path(path).name}`", "", W["rules_header"], "|---|---|---|---|"]
        out += [
            f"| {markdown_code(r.id)} | {markdown(r.title)} | {markdown_code(r.concludes)} | "
            f"{markdown(', '.join(r.provisions))} |"
            for r in book.rules
            if r.pos.path == path
        ]
        out.append("")
    return "\n".join(map(printable, out))
