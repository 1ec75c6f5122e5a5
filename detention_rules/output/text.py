"""Plain-text reports: problems like a linter, findings as trees from category down to facts."""

from __future__ import annotations

from collections.abc import Callable

from detention_rules import words
from detention_rules.errors import printable
from detention_rules.input.case import CATEGORIES
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning import tree
from detention_rules.reasoning.asking import question, reported, show_value
from detention_rules.reasoning.derivation import Analysis, ConclusionNode, Finding, RuleNode
from detention_rules.reasoning.facts import FactNode
from detention_rules.reasoning.near_misses import ConditionState, NearMiss

#: The report's sentences (locales/<lang>/check.yaml, `text:`); markdown.py shares those that say the same.
W = words.of("check", "text")
#: Why an exception stated in the file does not defeat the rule (an exception_unproven fact).
UNPROVEN = W["unproven"]
STRENGTH = {"established": W["established"], "contested": W["contested"]}


def where(line: int) -> str:
    """Where a fact comes from: its line in the case file, or derived from other facts."""
    return W["line"].format(line=line) if line else W["derived"]


def _fact_line(node: FactNode, quoted: Callable[[str], str]) -> str:
    if node.absent_defeater:
        return W["absent_defeater"].format(path=node.path)
    value = reported(node.value, node.path)
    if node.unproven:
        return W["unproven_fact"].format(path=node.path, value=value, where=where(node.line), why=UNPROVEN)
    marks = []
    if node.contested:
        marks.append(W["contested_mark"])
    if node.ref:
        marks.append(quoted(node.ref))
    extra = f" [{'; '.join(marks)}]" if marks else ""
    return W["fact"].format(path=node.path, value=value, where=where(node.line), marks=extra)


def cited(text: str) -> str:
    """`citation.in_language`: an English report keeps the rules' citations as written but for the name the
    Working Group writes in lower case in running text (`in_running_text`: "see methods of work para 8 (e)",
    never "see Methods of work"), and does not load their reader (its patterns and types: 2.6M instructions of
    a cold check, docs/performance.md)."""
    if words.LANGUAGE == "en":
        if name := W["in_running_text"]:
            text = text.replace(name, name.lower())
        return text
    from detention_rules.law import citation

    return citation.in_language(text)


def _ref(ref: str) -> str:
    """A fact's reference in the report's language, as the draft writes it ("para 11" -> "par. 11"); English
    keeps the case file's."""
    if words.LANGUAGE == "en":
        return ref
    from detention_rules.output import narrative

    return narrative.refs([ref], words.load("draft"), notes=True).strip("()")


def _citations(texts: tuple[str, ...] | list[str]) -> str:
    """A rule's provisions or opinions as the report cites them: in English as the rules write them; in French or
    Spanish as the draft does, each source once with its pinpoints ("Déclaration universelle, art. 3 et 9",
    "par. 70 à 72"), its own spacing before a semicolon; a citation whose note a grouping would drop, as
    written."""
    if words.LANGUAGE == "en":
        return cited(", ".join(texts))
    from detention_rules.law import citation

    w = words.load("draft")["words"]
    said: list[str] = []
    run: list[str] = []  # citations without a note, grouped together
    for text in texts:
        try:
            whole = not citation.parse(text).note
        except citation.CitationError:
            whole = False
        if whole:
            run.append(text)
            continue
        said += [*citation.grouped(run, w), citation.runs_listed(text, w)]  # « párrs. 75 a 80 (párr. 79, …) »
        run = []
    said += citation.grouped(run, w)
    return citation.localised("; ".join(said), w, more=w["contractions"])


#: A rule's explanation as the report prints it (`explained`).
Said = Callable[[str], str]


def referenced(result: CaseResult) -> Said:
    """How a report prints a fact's reference: in the file's own language as `_ref` does; in another, as its
    drafter typed it, labelled with its language (`narrative.as_typed`: « référence du dossier, en anglais :
    « facts note, Arrest (no judicial warrant shown) » »), never re-punctuated as the report's own words."""
    if ((result.case.language if result.case else None) or "en") == words.LANGUAGE:
        return _ref
    from detention_rules.output import narrative

    w = words.load("draft")

    def quoted(ref: str) -> str:
        with narrative.written(result.case, None):
            return narrative.contract(narrative.as_typed(ref, w), w)

    return quoted


def explained(result: CaseResult) -> Said:
    """How a report in French or Spanish prints a rule's explanation: the drafter's words it quotes in another
    language set apart to translate, as the draft and the page set them apart (`narrative.set_apart`); an
    English report prints it as the rule gives it, and loads no draft sentences. The words a rule joins around
    a date as the draft's appendix writes them (`narrative.contract`: « à compter de 2021 », never « du 2021 »)."""
    if words.LANGUAGE == "en" or result.facts is None:
        return str
    from detention_rules.output import narrative

    w = words.load("draft")
    typed = narrative.free_text(result.facts.leaves)

    def said(text: str) -> str:  # words joined as the language writes them ("a partir de mayo de 2019"), as drafted
        with narrative.written(result.case, None):
            return narrative.contract(narrative.set_apart(text, typed, w), w)

    return said


def _tree(
    node: ConclusionNode, prefix: str, shown: set[str], out: list[str], said: Said = str, quoted: Said = _ref
) -> None:
    for step in tree.walk(node, shown, tree.conclusions):
        n, rails, branch = step.node, prefix + step.rails(), "└─" if step.last else "├─"
        if isinstance(n, RuleNode):
            out.append(f"{rails}{branch} {n.rule.id}: {said(n.text)}")
            if n.provisions:
                inner = rails + ("   " if step.last else "│  ")
                law = W["law"].format(
                    provisions=_citations(n.provisions),
                    jurisprudence=cited("; ".join(n.rule.jurisprudence))
                    if words.LANGUAGE == "en"
                    else _citations(n.rule.jurisprudence),
                )
                out.append(inner + law)
        elif isinstance(n, FactNode):
            out.append(f"{rails}{branch} {_fact_line(n, quoted)}")
        else:
            out.append(f"{rails}{branch} {n.conclusion}{W['shown_above'] if step.repeated else ''}")


def finding(f: Finding, shown: set[str], said: Said = str, quoted: Said = _ref) -> list[str]:
    out = [W["category"].format(category=f.category, strength=STRENGTH[f.strength])]
    if f.contested:
        out.append(W["contested_facts"].format(paths=", ".join(x.path for x in f.contested)))
    if f.source_only:
        out.append(W["source_only"].format(paths=", ".join(x.path for x in f.source_only)))
    _tree(f.tree, "  ", shown, out, said, quoted)
    return out


def analysis_lines(a: Analysis, said: Said = str, quoted: Said = _ref) -> list[str]:
    found = a.categories
    missing = [c for c in CATEGORIES if c not in found]
    out = [
        W["established_list"].format(categories=", ".join(found) if found else W["none"]),
        W["not_established_list"].format(categories=", ".join(missing) if missing else W["none"]),
    ]
    if a.possible:
        out.append(W["possible"].format(categories=", ".join(a.possible)))
    if a.rebutted:
        out.append(W["rebutted"].format(facts="; ".join(f"{f.path} ({f.rebutted})" for f in a.rebutted)))
    if a.disputed_categories:
        out.append(W["disputed"].format(facts=disputed_facts(a), categories=", ".join(a.disputed_categories)))
    if a.released is not None:
        out.append(filing_note(a.released))
    if a.government_replied is False:
        out.append(W["no_reply"])
    shown: set[str] = set()
    for f in a.findings:
        out.append("")
        out += finding(f, shown, said, quoted)
    return out


def disputed_facts(a: Analysis) -> str:
    """The exceptions in dispute, each with the Government's evidence: both sides, as the report names them."""
    return "; ".join(
        W["disputed_fact"].format(path=f.path, value=show_value(f.value), evidence=f.evidence) for f in a.disputed
    )


def filing_note(released: FactNode) -> str:
    """The note that the person's release lets the Working Group file the case (methods of work para 17 (a)),
    naming the fact that shows it (its path, value and line): `check`'s report in every format says it."""
    where = W["at_line"].format(line=released.line) if released.line else ""
    fact = f"{released.path} = {show_value(released.value)}{where}"
    text: str = words.of("check", "filing")["possible"]
    return text.format(fact=fact)


MARK = {True: W["met"], False: W["unmet"], None: W["unknown"]}


#: How an exception's test ends in the report's language ("(unless)", "(exception)"): a condition read as one.
_UNLESS_END = words.of("check", "conditions")["unless"].rsplit("{test}", 1)[-1]


def condition_line(c: ConditionState, ask: bool = True) -> str:
    """One condition of a near miss: met, unmet (with the fact that defeats it) or unknown (with a question)."""
    mark = MARK[c.status]
    if c.needs_conclusion:
        said = c.test.removeprefix("drawn").removeprefix(": ")
        return W["needs"].format(mark=mark, path=c.path) + (W["needs_words"].format(words=said) if said else "")
    at = W["at_line"].format(line=c.line) if c.line else ""
    if c.test.endswith(_UNLESS_END):
        if c.actual is None:
            return W["exception_absent"].format(mark=MARK[True], path=c.path)
        return W["exception"].format(mark=mark, path=c.path, value=reported(c.actual, c.path), where=at)
    if c.status is None and not ask:
        return W["unknown_check"].format(mark=mark, path=c.path, test=c.test)
    if c.status is None:
        return W["unknown_ask"].format(mark=mark, path=c.path, test=c.test, question=question(c.path))
    return W["check"].format(mark=mark, path=c.path, test=c.test, value=reported(c.actual, c.path), where=at)


def why_not_lines(why_not: dict[str, list[NearMiss]]) -> list[str]:
    out: list[str] = []
    for category, misses in why_not.items():
        out.append("")
        out.append(W["not_established"].format(category=category))
        specific = [m for m in misses if not m.rule.id.endswith(".established")] or misses
        for miss in specific[:2]:
            state = W["waiting"] if miss.status is None else W["defeated"]
            out.append(W["closest"].format(id=miss.rule.id, title=miss.rule.title, state=state))
            out += [f"    {condition_line(c, ask=miss.status is None)}" for c in miss.conditions]
    return out


def title(res: CaseResult) -> str:
    """The case as a report names it (text and Markdown): the file's title in the file's language; in another,
    its persons and State as the draft's title names them ("Alnur Ilyashev (Kazajstán)"), never the file's English
    words ("Alnur Ilyashev c. Kazakhstan"); "" for a file without a title."""
    case = res.case
    if case is None or not case.title:
        return ""
    if (case.language or "en") == words.LANGUAGE:
        return cited(case.title)
    from detention_rules.output import narrative

    w = words.load("draft")
    names = [
        n
        for one in res.each()
        if one.case and one.case.person and one.case.person.name
        for n in narrative.persons_named(str(one.case.person.name), w)
    ]
    state = str(case.state.name) if case.state and case.state.name else ""
    country = narrative.country(state, w) if state else ""
    if " " in country and country[:1].islower():  # "el Camerún": a State in parentheses has no article
        country = country.split(" ", 1)[1]
    if not names:
        return cited(case.title)
    return narrative.join(list(dict.fromkeys(names)), w) + (f" ({country})" if country else "")


def render(results: list[CaseResult]) -> str:
    lines: list[str] = []
    for res in results:
        for p in res.problems:
            lines.append(str(p))
        named = title(res)  # once for the file: it names every detainee
        said = f": {named}" if named else ""
        for one in res.each():
            if one.analysis is None:
                continue
            person = f" [{one.detainee}]" if one.detainee else ""
            lines.append(f"{one.path}{said}{person}")
            analysed = analysis_lines(one.analysis, explained(one), referenced(one))
            lines += ["  " + line if line else "" for line in analysed]
            lines += ["  " + line if line else "" for line in why_not_lines(one.why_not)]
            lines.append("")
    return "\n".join(map(printable, lines)).rstrip() + "\n"
