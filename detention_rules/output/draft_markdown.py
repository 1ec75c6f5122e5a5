"""The draft as Markdown a drafter can edit: numbered paragraphs, lettered items, the appendix last."""

from __future__ import annotations

from detention_rules.escaping import printable
from detention_rules.output.draft import Block, Draft


def _block(b: Block) -> str:
    if b.kind == "heading":
        return f"{'#' * b.level} {b.text}"
    if b.kind == "para":
        return f"{b.number}. {b.text}"
    if b.kind == "item":
        return f"    {b.label} {b.text}"
    if b.kind == "line":
        return f"{'  ' * b.level}- {b.text}"
    return b.text


def render(draft: Draft) -> str:
    out = [f"# {draft.title}", "", f"*{draft.lead}*", ""]
    previous = ""
    for b in [*draft.body, *draft.appendix]:
        # items and appendix lines hold together as one list; anything else stands in its own paragraph
        if out[-1] and not (b.kind in ("item", "line") and previous in ("para", "item", "line")):
            out.append("")
        out.append(_block(b))
        previous = b.kind
    return "\n".join(map(printable, out)).rstrip() + "\n"  # one line each: see escaping.printable
