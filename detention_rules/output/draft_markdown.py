"""The draft as Markdown a drafter can edit: numbered paragraphs, lettered items, the appendix last.

Every text is shown as written: what Markdown would read as markup or HTML is escaped (escaping.markdown).
"""

from __future__ import annotations

from detention_rules.escaping import markdown, printable
from detention_rules.output.document import Block, Draft


def _block(b: Block, indent: int = 4) -> str:
    text = markdown(b.text)
    if b.kind == "heading":
        return f"{'#' * b.level} {text}"
    if b.kind == "para":
        return f"{b.number}. {text}"
    if b.kind == "item":
        return f"{' ' * indent}{b.label} {text}"
    if b.kind == "line":
        return f"{'  ' * b.level}- {text}"
    return text


def render(draft: Draft) -> str:
    out = [f"# {markdown(draft.title)}", "", f"*{markdown(draft.lead)}*", ""]
    previous, indent = "", 4
    for b in [*draft.body, *draft.appendix]:
        # appendix lines hold together as one list; anything else stands in its own paragraph. A lettered item is
        # a paragraph of the numbered one above it, indented to its text: "a)" opens no list in CommonMark, and an
        # item right under its paragraph's last line would run on in it (fourteenth French review D9)
        if out[-1] and not (b.kind == "line" and previous in ("para", "item", "line")):
            out.append("")
        if b.kind == "para":
            indent = len(f"{b.number}. ")
        out.append(_block(b, indent))
        previous = b.kind
    return "\n".join(map(printable, out)).rstrip() + "\n"  # one line each: see escaping.printable
