"""`wgad check --set`: what appeared, disappeared or changed against the original, then the changed run."""

from __future__ import annotations

from detention_rules import words
from detention_rules.escaping import json_text, printable
from detention_rules.output.formats import CHECK_FORMATS, CheckFormatName
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning.whatif import Change, compare


def render(originals: list[CaseResult], results: list[CaseResult], changes: list[str], fmt: CheckFormatName) -> str:
    """The comparison for each file, in `fmt` (text, markdown, json or jsonl)."""
    form = CHECK_FORMATS[fmt]
    if form.report is None:
        from detention_rules.output import json as renderer

        rows = [
            {
                "file": a.path,
                "set": changes,
                "original": renderer.result(a),
                "what_if": renderer.result(b),
                "changes": [{"name": c.name, "before": c.before, "after": c.after} for c in compare(a, b)],
            }
            for a, b in zip(originals, results, strict=True)
        ]
        if form.lines:
            return "".join(json_text(row) + "\n" for row in rows)
        return json_text(rows, 2) + "\n"
    w = words.of("report", "whatif")
    lines = []
    for a, b in zip(originals, results, strict=True):
        lines.append(w["head"].format(file=a.path, changes=", ".join(changes)))
        if not b.valid:
            lines.append(w["invalid"])
            lines += [f"  {p}" for p in b.problems]
            lines.append("")
            continue
        diff = compare(a, b)
        lines.append(f"  {'':<58} {w['original']:<22} {w['what_if']}")
        if not diff:
            lines.append(w["no_change"])
        lines += ["  {:<58} {:<22} {}".format(*said(c)) for c in diff]
        lines.append("")
    valid = [r for r in results if r.valid]
    return "\n".join(map(printable, lines)) + "\n" + (form.report(valid) if valid else "")


def said(change: Change) -> tuple[str, str, str]:
    """A change in words: what moved (`category I`, a conclusion, each of a person's named), before, after."""
    w = words.of("report", "whatif")
    name = w["category"].format(category=change.subject) if change.category else change.subject
    if change.detainee is not None:
        name = w["person"].format(person=change.detainee, name=name)
    states = words.of("report", "whatif_states")
    return name, states[change.before.replace(" ", "_")], states[change.after.replace(" ", "_")]
