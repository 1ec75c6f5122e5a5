"""The draft analysis as Markdown a drafter can edit."""

from __future__ import annotations

from detention_rules.escaping import printable
from detention_rules.output.draft import Draft, fact_sentence
from detention_rules.output.text import STRENGTH


def render(draft: Draft) -> str:
    t = draft.text
    out = [f"# Analysis of violations: {t(draft.title)}", ""]
    out.append(
        f"*Draft generated from `{t(draft.file)}` by detention-rules. Check every fact and citation before filing.*"
    )
    out.append("")
    for s in draft.sections:
        out.append(f"## {s.title}")
        out.append("")
        if not s.established:
            out.append("The facts stated do not establish this category.")
        else:
            out.append(f"The facts establish this category ({STRENGTH[s.strength]}).")
            out.append("")
            out.append("**Reasoning.** " + " ".join(t(r) for r in s.reasoning))
            out.append("")
            out.append("**Facts.**")
            out += [f"- {t(fact_sentence(f))}" for f in s.facts]
            out.append("")
            if s.law:
                out.append("**The standard.** " + " ".join(s.law))
                out.append("")
            if s.notes:
                note = "> **Drafting note** (how detention-rules reads the law; remove before filing). "
                out.append(note + " ".join(s.notes))
                out.append("")
            out.append("**Provisions.** " + "; ".join(s.provisions) + ".")
            out.append("")
            out.append("**Jurisprudence.** " + "; ".join(s.jurisprudence) + ".")
        if s.open_questions:
            out.append("")
            out.append("**Open questions.**")
            out += [f"- {q.text} (`{q.field}`)" for q in s.open_questions]
        out.append("")
    if draft.remedies:
        out.append("## Remedies sought")
        out.append("")
        out += [f"- {r}" for r in draft.remedies]
        out.append("")
    if draft.referrals:
        out.append("## Referrals the findings may call for")
        out.append("")
        out.append("*Under paragraph 33 (a) of its methods of work the Working Group decides its own referrals.*")
        out.append("")
        out += [f"- {special}, for {t(reason)}." for special, reason in draft.referrals]
        out.append("")
    return "\n".join(map(printable, out)).rstrip() + "\n"  # one line each: see escaping.printable
