"""The draft as one self-contained HTML page: no scripts, no network, laid out for A4 print."""

from __future__ import annotations

import html

from detention_rules.escaping import printable
from detention_rules.output.document import Block, Draft


def escape(text: str) -> str:
    """HTML-escaped, and with nothing hidden (escaping.printable): a browser obeys bidi overrides too."""
    return html.escape(printable(text))


# Paragraph numbers hang in the margin as in the Working Group's opinions; print: A4, page numbers
# in the bottom margin (Chromium prints @page margin boxes from version 131; others print without).
STYLE = """
body{font-family:Georgia,"Times New Roman",serif;max-width:46rem;margin:2rem auto;padding:0 1rem 0 3rem;
line-height:1.5;color:#111}
h1{font-size:1.5rem;line-height:1.3}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1.05rem;margin-top:1.4rem}
p.para{position:relative;text-align:justify}p.para .n{position:absolute;left:-2.5rem;width:2rem;text-align:right}
ol.items{list-style:none;margin:0 0 1rem 1rem;padding:0}ol.items li{margin:.3rem 0;text-indent:-2rem;
padding-left:2rem}
.lead{font-style:italic;color:#444}
.appendix{border-top:2px solid #999;margin-top:3rem;font-size:.9rem;color:#333}
.appendix ul{padding-left:1.2rem}.appendix li{margin:.15rem 0}
@page{size:A4;margin:25mm 20mm 25mm 25mm;@bottom-center{content:counter(page) " / " counter(pages);
font-family:Georgia,serif;font-size:9pt}}
@media print{body{max-width:none;margin:0;padding:0 0 0 2.5rem;font-size:11.5pt}
h2,h3{break-after:avoid}p{orphans:3;widows:3}.appendix{break-before:page}}
"""


def _blocks(blocks: list[Block]) -> list[str]:
    out: list[str] = []
    items: list[str] = []
    lines: list[str] = []

    def flush() -> None:
        if items:
            out.append('<ol class="items">' + "".join(items) + "</ol>")
            items.clear()
        if lines:
            out.append("<ul>" + "".join(lines) + "</ul>")
            lines.clear()

    for b in blocks:
        if b.kind == "item":
            items.append(f"<li>{escape(b.label)} {escape(b.text)}</li>")
            continue
        if b.kind == "line":
            rule = f' data-rule="{escape(b.rule)}"' if b.rule else ""
            lines.append(f'<li style="margin-left:{b.level * 1.2}rem"{rule}>{escape(b.text)}</li>')
            continue
        flush()
        if b.kind == "heading":
            anchor = f' id="{escape(b.anchor)}"' if b.anchor else ""
            out.append(f"<h{b.level}{anchor}>{escape(b.text)}</h{b.level}>")
        elif b.kind == "para":
            out.append(f'<p class="para" id="para-{b.number}"><span class="n">{b.number}.</span>{escape(b.text)}</p>')
        else:
            out.append(f"<p>{escape(b.text)}</p>")
    flush()
    return out


def render(draft: Draft) -> str:
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(draft.lang)}"><head><meta charset="utf-8">',
        # No request may leave the page: this policy forbids every fetch, script and frame.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{escape(draft.title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{escape(draft.title)}</h1>",
        f'<p class="lead">{escape(draft.lead)}</p>',
        f'<main data-established="{" ".join(draft.established)}">',
        *_blocks(draft.body),
        "</main>",
    ]
    if draft.appendix:
        out += ['<aside class="appendix">', *_blocks(draft.appendix), "</aside>"]
    out.append("</body></html>")
    return "\n".join(out) + "\n"
