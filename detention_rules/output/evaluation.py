"""`wgad evaluate`'s report: agreement tables per grade, the disagreements, coverage, as text or JSON data."""

from __future__ import annotations

from collections import Counter
from typing import Any

import msgspec

from detention_rules import words
from detention_rules.agreement import (
    GRADES,
    MARKS,
    OUTCOME_LABELS,
    Blind,
    Coverage,
    Disagreement,
    Evaluation,
    Isolation,
    Tally,
)
from detention_rules.escaping import printable
from detention_rules.input.case import CATEGORIES
from detention_rules.law.law import Law

#: The report's sentences and column names (locales/<lang>/report.yaml, `evaluation:`).
W = words.of("report", "evaluation")


def data(ev: Evaluation, cov: Coverage | None, book: Law, iso: Isolation | None = None) -> dict[str, Any]:
    """The evaluation as JSON-ready data (docs/cli.md, `wgad evaluate --format json`)."""
    out: dict[str, Any] = {
        **_table(ev),
        "invalid": ev.invalid,
        "by_grade": {g: _table(t) for g, t in sorted(ev.by_grade.items())},
        "disagreements": [msgspec.structs.asdict(d) for d in ev.disagreements],
        "unexplained": len(ev.unexplained),
        "blind": {
            "twins": ev.blind.twins,
            "hand": _table(ev.blind.hand),
            "blind": _table(ev.blind),
            "disagreements": [msgspec.structs.asdict(d) for d in ev.blind.disagreements],
            "problems": ev.blind.problems,
        },
    }
    if cov is not None:
        out["unexercised_rules"] = cov.unexercised_rules(book)
        out["unexercised_conditions"] = cov.unexercised_conditions()
    if iso is not None:
        out["not_isolated_by_teaching"] = iso.not_by_teaching(book)
        out["not_isolated"] = iso.by_neither(book)
    return out


def _table(t: Tally) -> dict[str, Any]:
    return {
        "cases": t.cases,
        "agreement": t.agreement(),
        "categories": {
            c: {**{k: t.counts[c][k] for k in MARKS}, "precision": t.precision(c), "recall": t.recall(c)}
            for c in CATEGORIES
        },
        "outcomes": {label: dict(t.outcomes[key]) for key, label in OUTCOME_LABELS.items() if key in t.outcomes},
    }


def text(ev: Evaluation, cov: Coverage | None, book: Law, iso: Isolation | None = None) -> str:
    """The evaluation as the text report: tables, disagreements, coverage, and the verdict last."""
    out = [W["head"].format(cases=ev.cases)]
    out += _table_lines(W["all_cases"], ev)
    for name in GRADES:
        if name in ev.by_grade:
            out += _table_lines(words.of("report", "evaluation_grades")[name], ev.by_grade[name])
    out += _blind_lines(ev.blind)
    out += _outcome_lines(ev)
    if ev.disagreements:
        out += ["", W["disagreements"]]
        for d in ev.disagreements:
            gap = W["known_gap"].format(gap=d.known_gap) if d.known_gap else W["not_known_gap"]
            out += [
                W["disagreement"].format(path=d.path, category=d.category, kind=_kind(d), gap=gap),
                f"    {d.cause}",
            ]
    out += [W["invalid"].format(path=path) for path in ev.invalid]
    if cov is not None:
        left = cov.unexercised_rules(book) + cov.unexercised_conditions()
        out += [
            "",
            W["coverage"].format(rules=len(cov.unexercised_rules(book)), conditions=len(cov.unexercised_conditions())),
        ]
        out += [f"- {item}" for item in left]
    if iso is not None:
        alone = iso.not_by_teaching(book)
        out += ["", W["isolation"].format(count=len(alone))]
        out += [
            f"- {r}"
            + (
                W["by_variation"].format(variation=iso.by_variation[r][0])
                if r in iso.by_variation
                else W["nor_variation"]
            )
            for r in alone
        ]
    twins = W["twins_unmeasurable"].format(count=len(ev.blind.problems)) if ev.blind.problems else ""
    verdict = (
        W["agrees"]
        if ev.agrees
        else W["disagrees"].format(unexplained=len(ev.unexplained), invalid=len(ev.invalid)) + twins
    )
    out += ["", W["result"].format(verdict=verdict)]
    # each entry is one line: text from a case file cannot start another (escaping.printable)
    return "\n".join(map(printable, out)) + "\n"


def _kind(d: Disagreement) -> str:
    """A disagreement's kind in words (the JSON's `kind` is its data name: missed, wrongly found)."""
    return words.of("report", "evaluation_kinds")[d.kind.replace(" ", "_")]


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"


def _table_lines(name: str, t: Tally) -> list[str]:
    header = [W[k] for k in ("category", "agreed", "missed", "wrong", "rejected", "unjudged", "precision", "recall")]
    out = ["", W["table"].format(name=name, cases=t.cases, agreement=_pct(t.agreement()))]
    out.append("{:<9} {:>7} {:>7} {:>7} {:>9} {:>9} {:>10} {:>7}".format(*header))
    for c in CATEGORIES:
        agreed, missed, wrong, rejected, unjudged = (t.counts[c][k] for k in MARKS)
        out.append(
            f"{c:<9} {agreed:>7} {missed:>7} {wrong:>7} {rejected:>9} "
            f"{unjudged:>9} {_pct(t.precision(c)):>10} {_pct(t.recall(c)):>7}"
        )
    return out


def _outcome_lines(ev: Evaluation) -> list[str]:
    """The outcomes the opinions state besides their categories, and how often the engine agrees: all cases,
    then the blind twins (scored on their hand file's outcome)."""
    out = ["", W["outcomes"]]
    out.append("{:<44} {:>6} {:>7}   {:>12}".format(W["outcome"], W["cases"], W["agreed"], W["blind_agreed"]))
    for key in OUTCOME_LABELS:
        hand, blind = ev.outcomes.get(key, Counter()), ev.blind.outcomes.get(key, Counter())
        if hand or blind:
            twins = W["of_total"].format(agreed=blind["agreed"], total=blind.total()) if blind else "-"
            label = words.of("report", "evaluation_outcomes")[key]
            out.append(f"{label:<44} {hand.total():>6} {hand['agreed']:>7}   {twins:>12}")
    return out


def _blind_lines(blind: Blind) -> list[str]:
    """Hand and blind encodings side by side over the cases with a blind twin, then where the blind ones part."""
    if not blind.twins and not blind.problems:
        return ["", W["no_twins"]]
    hand = blind.hand
    out = ["", W["twins"].format(twins=blind.twins)]
    if blind.twins:
        out += [
            W["side_by_side"].format(hand=_pct(hand.agreement()), blind=_pct(blind.agreement())),
            f"{'':<9} {' ' + W['hand'] + ' ':-^{_WIDTH}}   {' ' + W['blind'] + ' ':-^{_WIDTH}}",
            "{:<9} {}   {}".format(W["category"], _SIDE.format(*_SIDE_HEADER), _SIDE.format(*_SIDE_HEADER)),
        ]
        out += [f"{c:<9} {_side(hand, c)}   {_side(blind, c)}" for c in CATEGORIES]
    if blind.disagreements:
        out += ["", W["blind_disagreements"]]
        for d in blind.disagreements:
            out += [W["disagreement"].format(path=d.path, category=d.category, kind=_kind(d), gap=""), f"    {d.cause}"]
    out += [f"- {problem}" for problem in blind.problems]
    return out


_SIDE = "{:>6} {:>6} {:>5} {:>8} {:>4} {:>6}"
_SIDE_HEADER = [W[k] for k in ("agreed", "missed", "wrong", "rejected", "prec", "recall")]
_WIDTH = len(_SIDE.format(*_SIDE_HEADER))


def _side(t: Tally, category: str) -> str:
    agreed, missed, wrong, rejected, _ = (t.counts[category][k] for k in MARKS)
    return _SIDE.format(agreed, missed, wrong, rejected, _pct(t.precision(category)), _pct(t.recall(category)))
