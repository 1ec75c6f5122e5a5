"""The draft as Markdown a drafter can edit: numbered paragraphs, lettered items, the appendix last.

Every text is shown as written: what Markdown would read as markup or HTML is escaped (escaping.markdown).
"""

from __future__ import annotations

from detention_rules.escaping import markdown, printable
from detention_rules.output.document import Block, Draft


def _block(b: Block) -> str:
    text = markdown(b.text)
    if b.kind == "heading":
        return f"{'#' * b.level} {text}"
    if b.kind == "para":
        return f"{b.number}. {text}"
    if b.kind == "item":
        return f"    {b.label} {text}"
    if b.kind == "line":
        return f"{'  ' * b.level}- {text}"
    return text


def render(draft: Draft) -> str:
    out = [f"# {markdown(draft.title)}", "", f"*{markdown(draft.lead)}*", ""]
    previous = ""
    for b in [*draft.body, *draft.appendix]:
        # items and appendix lines hold together as one list; anything else stands in its own paragraph
        if out[-1] and not (b.kind in ("item", "line") and previous in ("para", "item", "line")):
            out.append("")
        out.append(_block(b))
        previous = b.kind
    return "\n".join(map(printable, out)).rstrip() + "\n"  # one line each: see escaping.printable
