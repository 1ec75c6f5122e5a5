"""The draft analysis as one self-contained HTML page: no scripts, no network, the reasoning tree folding open."""

from __future__ import annotations

import html

from detention_rules.escaping import printable
from detention_rules.output.draft import Draft, fact_sentence
from detention_rules.output.text import STRENGTH
from detention_rules.reasoning.derivation import ConclusionNode


def escape(text: str) -> str:
    """HTML-escaped, and with nothing hidden (escaping.printable): a browser obeys bidi overrides too."""
    return html.escape(printable(text))


STYLE = """
body{font-family:Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;margin-top:2rem}
.not{color:#666}.law{color:#444;font-size:.9rem}details{margin-left:1rem}summary{cursor:pointer}
.note{border-left:3px solid #c90;padding-left:.6rem}
.fact{font-family:monospace;font-size:.9rem}.contested{color:#a00;font-weight:bold}
"""


def _tree(node: ConclusionNode, draft: Draft) -> str:
    t = draft.text
    parts = []
    for rule in node.support:
        body = [
            f'<p class="law">{escape(", ".join(rule.provisions))}; {escape("; ".join(rule.rule.jurisprudence))}</p>'
        ]
        body += [
            f'<div class="fact{" contested" if f.contested else ""}">{escape(t(fact_sentence(f)))}</div>'
            for f in rule.facts
            if not f.absent_defeater
        ]
        body += [_tree(p, draft) for p in rule.premises]
        parts.append(
            f'<details class="rule" data-rule="{escape(rule.rule.id)}"><summary><b>{escape(rule.rule.id)}</b>: '
            f"{escape(t(rule.text))}</summary>{''.join(body)}</details>"
        )
    return "".join(parts)


def render(draft: Draft) -> str:
    t = draft.text
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # No request may leave the page: this policy forbids every fetch, script and frame.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>Analysis of violations: {escape(t(draft.title))}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Analysis of violations: {escape(t(draft.title))}</h1>",
        f"<p><em>Draft generated from {escape(t(draft.file))} by detention-rules. Check every fact and citation "
        "before filing.</em></p>",
    ]
    for s in draft.sections:
        out.append(f'<section id="category-{s.category}" data-established="{str(s.established).lower()}">')
        out.append(f"<h2>{escape(s.title)}</h2>")
        if not s.established:
            out.append('<p class="not">The facts stated do not establish this category.</p>')
        else:
            out.append(f"<p>The facts establish this category ({escape(STRENGTH[s.strength])}).</p>")
            out.append(f"<p>{escape(' '.join(t(r) for r in s.reasoning))}</p>")
            if s.law:
                out.append(f"<p><b>The standard.</b> {escape(' '.join(s.law))}</p>")
            if s.notes:
                out.append(
                    '<p class="note"><b>Drafting note</b> (how detention-rules reads the law; remove before filing). '
                    f"{escape(' '.join(s.notes))}</p>"
                )
            out.append(f"<p><b>Provisions.</b> {escape('; '.join(s.provisions))}.</p>")
            out.append(f"<p><b>Jurisprudence.</b> {escape('; '.join(s.jurisprudence))}.</p>")
            if s.tree is not None:
                out.append(f'<div class="tree"><h3>Reasoning, fact by fact</h3>{_tree(s.tree, draft)}</div>')
        if s.open_questions:
            items = "".join(f"<li>{escape(q.text)} <code>{escape(q.field)}</code></li>" for q in s.open_questions)
            out.append(f"<p><b>Open questions.</b></p><ul>{items}</ul>")
        out.append("</section>")
    if draft.remedies:
        out.append("<h2>Remedies sought</h2><ul>" + "".join(f"<li>{escape(r)}</li>" for r in draft.remedies) + "</ul>")
    if draft.referrals:
        items = "".join(f"<li>{escape(sp)}, for {escape(t(why))}.</li>" for sp, why in draft.referrals)
        out.append(
            "<h2>Referrals the findings may call for</h2><p><i>Under paragraph 33 (a) of its methods of work the "
            f"Working Group decides its own referrals.</i></p><ul>{items}</ul>"
        )
    out.append("</body></html>")
    return "\n".join(out) + "\n"
