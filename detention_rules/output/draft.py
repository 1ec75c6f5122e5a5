"""A petition's draft submission, from one case's findings, as a document of numbered paragraphs.

The order is a Working Group opinion's: the facts as the source reports them, then for
each category established the standard, its application to the facts and the conclusion,
then the remedies and referrals sought. How the draft was reasoned (rule ids, field paths,
case-file lines, open questions) goes to an appendix that can be left out. Every sentence
comes from the translation file (output/wording.py); the renderers (draft_markdown,
draft_html, draft_docx) only lay the blocks out.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from detention_rules.input.case import CATEGORIES, Case
from detention_rules.law import citation
from detention_rules.law.law import Law
from detention_rules.law.outcomes import Outcomes
from detention_rules.output import narrative as prose
from detention_rules.output import tree, wording
from detention_rules.output.document import Block, Draft
from detention_rules.output.redact import Redactor
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning.derivation import ConclusionNode, RuleNode
from detention_rules.reasoning.facts import FactNode
from detention_rules.reasoning.gaps import Question
from detention_rules.reasoning.questions import show_value


class _Writer:
    """Numbers paragraphs and letters items as blocks are added; redacts every text."""

    def __init__(self, redact: Redactor | None) -> None:
        self.blocks: list[Block] = []
        self.count = 0
        self.letter = 0
        self.redact = redact

    def _t(self, text: str) -> str:
        return self.redact(text) if self.redact else text

    def heading(self, text: str, level: int = 2, anchor: str = "") -> None:
        self.blocks.append(Block("heading", self._t(text), level=level, anchor=anchor))

    def para(self, text: str) -> None:
        self.count += 1
        self.letter = 0
        self.blocks.append(Block("para", self._t(text), number=self.count))

    def item(self, text: str) -> None:
        self.blocks.append(Block("item", self._t(text), label=f"({chr(ord('a') + self.letter)})"))
        self.letter += 1

    def text(self, text: str) -> None:
        self.blocks.append(Block("text", self._t(text)))

    def line(self, text: str, depth: int, rule: str = "") -> None:
        self.blocks.append(Block("line", self._t(text), level=depth, rule=rule))


def build(
    book: Law,
    result: CaseResult,
    asked: list[Question],
    *,
    redact: bool = False,
    appendix: bool = True,
    lang: str = "en",
) -> Draft:
    """The draft of one case analysed under `book` (its titles, remedies); `asked`: the open questions (wgad gaps)."""
    assert result.case is not None and result.analysis is not None and result.facts is not None
    case: Case = result.case
    name = case.person.name if case.person and case.person.name else ""
    w = wording.load(lang)
    redactor = Redactor(prose.names(case, w)) if redact and name else None
    say = w["draft"]
    findings = {f.category: f for f in result.analysis.findings}
    legal = book.outcomes

    body = _Writer(redactor)
    body.heading(say["facts_heading"], anchor="facts")
    narrative = _narrative(result.facts.leaves, w)
    for text in narrative or [say["no_facts"]]:
        body.para(text)
    _non_party(body, case, say, findings)
    referrals: dict[str, dict[str, list[str]]] = {}  # special procedure -> category -> why
    person = name or say["the_person"]
    for category in CATEGORIES:
        finding = findings.get(category)
        if finding is None:
            continue
        body.heading(legal.titles[category], anchor=f"category-{category}")
        rules = _rules_in(finding.tree, category)
        for node in rules:
            _argue(body, node, say, w)
            for special in node.rule.refer:
                whys = referrals.setdefault(special, {}).setdefault(category, [])
                whys.append(_lower_first(node.rule.title))
        if finding.strength == "contested":
            body.para(say["contested_note"])
        conclusion = say["conclusion"].format(person=person, category=category)
        jurisprudence = citation.grouped(j for r in rules for j in r.rule.jurisprudence)
        if jurisprudence:
            conclusion = f"{conclusion.removesuffix('.')} ({'; '.join(jurisprudence)})."
        body.para(conclusion)
    for special, why in legal.referrals_for(case):
        referrals.setdefault(special, {}).setdefault("", []).append(why.removeprefix("conditions of detention: "))
    _refer_sentence(referrals, legal, case, findings)
    remedies = legal.remedies_for(case) if findings else []
    if remedies or referrals:
        body.heading(say["remedies_heading"], anchor="remedies")
    if remedies:
        body.para(say["remedies_lead"])
        _items(body, [say["remedy_item"].format(text=r.text.removesuffix("."), source=r.source) for r in remedies])
    if referrals:
        body.para(say["referrals_lead"])
        items = []
        for special, by_category in sorted(referrals.items()):
            whys = [
                say["referral_category"].format(category=c, title="; ".join(dict.fromkeys(t)))
                if c
                else say["referral_condition"].format(why="; ".join(dict.fromkeys(t)))
                for c, t in by_category.items()
            ]
            items.append(say["referral_item"].format(special=special, why=f" {w['words']['and']} ".join(whys)))
        _items(body, items)
    if not findings:
        body.para(say["none_established"])

    notes = _Writer(redactor)
    if appendix:
        _appendix(notes, result, findings, asked, say, legal.titles)
    return Draft(
        title=body._t(say["title"].format(title=case.title or name or result.path)),
        lead=body._t(say["lead"].format(file=result.path)),
        body=body.blocks,
        appendix=notes.blocks,
        established=[c for c in CATEGORIES if c in findings],
        lang=lang,
    )


def _non_party(body: _Writer, case: Case, say: dict[str, str], findings: Collection[str]) -> None:
    """For a State known not to be a party to the Covenant, say once which law the categories apply instead.

    The standards quoted below cite the Covenant's articles for their content; the rules'
    provisions already leave the Covenant out for such a State (derivation).
    """
    party = case.state.iccpr_party if case.state else None
    if getattr(party, "value", party) is False and findings:
        body.para(say["non_party"])


def _refer_sentence(
    referrals: dict[str, dict[str, list[str]]], legal: Outcomes, case: Case, established: Collection[str]
) -> None:
    """Add the referrals a sentence calls for (a death sentence after category III) under their category."""
    for sentence in legal.sentence_referrals_for(case, established):
        referrals.setdefault(sentence.refer, {}).setdefault(sentence.after, []).append(sentence.why)


def _items(body: _Writer, items: list[str]) -> None:
    """Lettered items of one sentence: each ends with a semicolon, the last with a full stop."""
    for i, text in enumerate(items):
        body.item(text.removesuffix(".") + ("." if i == len(items) - 1 else ";"))


def _rules_in(root: ConclusionNode, category: str) -> list[RuleNode]:
    """The category's rules that fired, each once, a rule after the rules it rests on: the specific
    violations first, what weighs them (gravity) next, the category's own rule last."""
    walked = tree.finished(tree.walk(root, set(), tree.rules, sources=False))
    return [
        s.node for s in walked if isinstance(s.node, RuleNode) and not s.repeated and s.node.rule.category == category
    ]


def _argue(body: _Writer, node: RuleNode, say: dict[str, str], w: dict[str, Any]) -> None:
    """A rule as an opinion argues it: the standard with its provisions, then its application
    (the category's own rule states the standard only: the conclusion follows it); a date the rule's
    sentence takes from the facts is written as the facts write it (w: the translation)."""
    law = " ".join((node.rule.law or "").split()).removesuffix(".")
    if law:
        cited = citation.grouped(p for p in node.provisions if p.lower() not in law.lower())
        if cited and law.endswith(")"):  # "... (ICCPR 9(2))." takes the others in the same parentheses
            law = f"{law.removesuffix(')')}; {'; '.join(cited)})"
        elif cited:
            law = say["standard_cited"].format(text=law, citations="; ".join(cited))
        body.para(law if law.endswith(".") else law + ".")
    if node.rule.kind == "category":
        return
    refs = list(dict.fromkeys(f.ref for f in _facts(node) if f.ref))
    text = say["application"].format(text=_lower_first(_FRAGMENT.sub("", prose.dates_in(node.text, w)).strip()))
    if refs:
        text = f"{text.removesuffix('.')} ({'; '.join(refs)})."
    body.para(text)


#: A rule sentence's labelled value, " (before trial: restricted)": for `wgad check`, where the facts are
#: not stated; the draft states them in its facts, so the prose drops these.
_FRAGMENT = re.compile(r" \((?:[a-z]+ ){0,2}[a-z]+: [^()]*\)")


def _facts(node: RuleNode) -> list[FactNode]:
    out = []
    for f in node.facts:
        if f.absent_defeater or f.unproven:  # an exception not shown is no fact the petition relies on
            continue
        out += list(f.derived_from) if f.derived_from else [f]
    return out


def _lower_first(text: str) -> str:
    """A sentence to follow "In the present case,": "No warrant..." -> "no warrant..."; "ICCPR ..." kept."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _narrative(facts: dict[str, FactNode], w: dict[str, Any]) -> list[str]:
    """The facts as the source reports them, told as prose (output/narrative.py)."""
    return prose.tell(facts, w)


def _appendix(
    notes: _Writer,
    result: CaseResult,
    findings: dict[str, Any],
    asked: list[Question],
    say: dict[str, Any],
    titles: dict[str, str],
) -> None:
    """For the drafter: each category's rules, the facts each read (field, value, line), the questions open."""
    notes.heading(say["appendix_heading"], anchor="appendix")
    notes.text(say["appendix_lead"])
    seen: set[str] = set()  # a rule already shown (another category's premise) is named, not repeated
    for category in CATEGORIES:
        finding = findings.get(category)
        notes.heading(say["appendix_category"].format(title=titles[category]), level=3)
        if finding is None:
            notes.text(say["appendix_not_established"])
        else:
            notes.text(say["appendix_established"].format(strength=say["strength"][finding.strength]))
            _tree(notes, finding.tree, seen, say)
            for node in _rules_in(finding.tree, category):
                if node.rule.note:
                    notes.text(say["appendix_note"].format(text=" ".join(node.rule.note.split())))
        prefix = f"{category}."
        open_questions = [q for q in asked if any(r.startswith(prefix) for r in q.rules)]
        if open_questions:
            notes.text(say["appendix_questions"])
            for q in open_questions:
                notes.line(say["appendix_question"].format(text=q.text, field=q.field), 0)


def _tree(notes: _Writer, node: ConclusionNode, seen: set[str], say: dict[str, Any]) -> None:
    """The derivation, each rule once: a rule met again is named, not repeated."""
    for step in tree.walk(node, seen, tree.rules, sources=False):
        n = step.node
        if isinstance(n, RuleNode):
            text = say["appendix_seen" if step.repeated else "appendix_rule"].format(id=n.rule.id, text=n.text)
            notes.line(text, step.level, n.rule.id)
        elif isinstance(n, FactNode) and not n.absent_defeater:
            notes.line(_fact_line(n, say), step.level)


def fact_line(f: FactNode, lang: str = "en") -> str:
    """A fact as the appendix cites it (path, value, reference, line): the quiz and the casebook cite it so too."""
    return _fact_line(f, wording.load(lang)["draft"])


def _fact_line(f: FactNode, say: dict[str, Any]) -> str:
    value = show_value(f.value)
    if f.derived_from:
        sources = ", ".join(f"{d.path} (line {d.line})" for d in f.derived_from)
        return say["appendix_fact_derived"].format(path=f.path, value=value, sources=sources)
    return say["appendix_fact"].format(
        path=f.path,
        value=value,
        ref=f" ({f.ref})" if f.ref else "",
        contested=say["appendix_contested"] if f.contested else "",
        line=f.line,
    )
