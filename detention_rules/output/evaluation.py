"""`wgad evaluate`'s report: agreement tables per grade, the disagreements, coverage, as text or JSON data."""

from __future__ import annotations

from collections import Counter
from typing import Any

import msgspec

from detention_rules.agreement import GRADES, MARKS, OUTCOME_LABELS, Blind, Coverage, Evaluation, Isolation, Tally
from detention_rules.escaping import printable
from detention_rules.input.case import CATEGORIES
from detention_rules.law.law import Law


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
        "outcomes": {label: dict(t.outcomes[label]) for label in OUTCOME_LABELS if label in t.outcomes},
    }


def text(ev: Evaluation, cov: Coverage | None, book: Law, iso: Isolation | None = None) -> str:
    """The evaluation as the text report: tables, disagreements, coverage, and the verdict last."""
    out = [f"{ev.cases} case(s) with expected findings"]
    out += _table_lines("All cases", ev)
    for name, label in GRADES.items():
        if name in ev.by_grade:
            out += _table_lines(label, ev.by_grade[name])
    out += _blind_lines(ev.blind)
    out += _outcome_lines(ev)
    if ev.disagreements:
        out += ["", "Disagreements:"]
        for d in ev.disagreements:
            gap = f"  [known gap: {d.known_gap}]" if d.known_gap else "  [NOT a declared known gap]"
            out += [f"- {d.path}: category {d.category} {d.kind}{gap}", f"    {d.cause}"]
    out += [f"- {path}: invalid, not evaluated (run wgad validate)" for path in ev.invalid]
    if cov is not None:
        left = cov.unexercised_rules(book) + cov.unexercised_conditions()
        out += [
            "",
            f"Coverage: {len(cov.unexercised_rules(book))} rule(s) and "
            f"{len(cov.unexercised_conditions())} condition(s) unexercised",
        ]
        out += [f"- {item}" for item in left]
    if iso is not None:
        alone = iso.not_by_teaching(book)
        out += ["", f"Isolation: {len(alone)} rule(s) no teaching case isolates (one fact turns it and a category off)"]
        out += [
            f"- {r}"
            + (f"  (a variation does: {iso.by_variation[r][0]})" if r in iso.by_variation else "  (nor a variation)")
            for r in alone
        ]
    twins = f", {len(ev.blind.problems)} blind twin(s) not measurable" if ev.blind.problems else ""
    verdict = (
        "every disagreement is a declared known gap"
        if ev.agrees
        else f"{len(ev.unexplained)} disagreement(s) not declared as known gaps, {len(ev.invalid)} invalid file(s)"
        + twins
    )
    out += ["", f"Result: {verdict}."]
    # each entry is one line: text from a case file cannot start another (escaping.printable)
    return "\n".join(map(printable, out)) + "\n"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"


def _table_lines(name: str, t: Tally) -> list[str]:
    header = ("category", "agreed", "missed", "wrong", "rejected", "unjudged", "precision", "recall")
    out = ["", f"{name}: {t.cases} case(s), agreement {_pct(t.agreement())}"]
    out.append("{:<9} {:>7} {:>7} {:>7} {:>9} {:>9} {:>10} {:>7}".format(*header))
    for c in CATEGORIES:
        n = t.counts[c]
        out.append(
            f"{c:<9} {n['agreed']:>7} {n['missed']:>7} {n['wrongly found']:>7} {n['rightly rejected']:>9} "
            f"{n['unjudged']:>9} {_pct(t.precision(c)):>10} {_pct(t.recall(c)):>7}"
        )
    return out


def _outcome_lines(ev: Evaluation) -> list[str]:
    """The outcomes the opinions state besides their categories, and how often the engine agrees: all cases,
    then the blind twins (scored on their hand file's outcome)."""
    out = ["", "Outcomes (what the opinion decided besides its categories):"]
    out.append("{:<44} {:>6} {:>7}   {:>12}".format("outcome", "cases", "agreed", "blind agreed"))
    for label in OUTCOME_LABELS:
        hand, blind = ev.outcomes.get(label, Counter()), ev.blind.outcomes.get(label, Counter())
        if hand or blind:
            twins = f"{blind['agreed']} of {blind.total()}" if blind else "-"
            out.append(f"{label:<44} {hand.total():>6} {hand['agreed']:>7}   {twins:>12}")
    return out


def _blind_lines(blind: Blind) -> list[str]:
    """Hand and blind encodings side by side over the cases with a blind twin, then where the blind ones part."""
    if not blind.twins and not blind.problems:
        return ["", "Blind twins: none (a blind twin of cases/x.yaml is cases/blind/x.yaml)"]
    hand = blind.hand
    out = ["", f"Blind twins: {blind.twins} case(s) with a blind twin, scored on the hand file's expected findings"]
    if blind.twins:
        out += [
            f"Hand and blind on those cases: hand agreement {_pct(hand.agreement())}, "
            f"blind agreement {_pct(blind.agreement())}",
            f"{'':<9} {' hand ':-^{_WIDTH}}   {' blind ':-^{_WIDTH}}",
            "{:<9} {}   {}".format("category", _SIDE.format(*_SIDE_HEADER), _SIDE.format(*_SIDE_HEADER)),
        ]
        out += [f"{c:<9} {_side(hand, c)}   {_side(blind, c)}" for c in CATEGORIES]
    if blind.disagreements:
        out += ["", "Blind disagreements (reported, not counted in the result):"]
        for d in blind.disagreements:
            out += [f"- {d.path}: category {d.category} {d.kind}", f"    {d.cause}"]
    out += [f"- {problem}" for problem in blind.problems]
    return out


_SIDE = "{:>6} {:>6} {:>5} {:>8} {:>4} {:>6}"
_SIDE_HEADER = ("agreed", "missed", "wrong", "rejected", "prec", "recall")
_WIDTH = len(_SIDE.format(*_SIDE_HEADER))


def _side(t: Tally, category: str) -> str:
    n = t.counts[category]
    return _SIDE.format(
        n["agreed"],
        n["missed"],
        n["wrongly found"],
        n["rightly rejected"],
        _pct(t.precision(category)),
        _pct(t.recall(category)),
    )
