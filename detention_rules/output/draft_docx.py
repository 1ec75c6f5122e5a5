"""The draft as a Word document (python-docx), since drafters finish their submissions in a word processor.

Numbered paragraphs use Word's own numbering (the "List Number" style), so a paragraph the
drafter inserts renumbers the rest; A4 pages with the page number in the footer.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from detention_rules.escaping import printable
from detention_rules.output.draft import Block, Draft

#: The style of each kind of block; a heading's level picks "Heading 1" or "Heading 2".
STYLE = {"para": "List Number", "item": "List Continue", "text": "Normal", "line": "List Bullet"}


def render(draft: Draft) -> DocxDocument:
    doc = Document()
    _page(doc)
    doc.core_properties.title = printable(draft.title)
    doc.core_properties.language = draft.lang
    doc.add_heading(printable(draft.title), level=0)
    lead = doc.add_paragraph()
    lead.add_run(printable(draft.lead)).italic = True
    for b in draft.body:
        _block(doc, b)
    if draft.appendix:
        doc.add_page_break()
        for b in draft.appendix:
            _block(doc, b)
    return doc


def render_bytes(draft: Draft) -> bytes:
    out = io.BytesIO()
    render(draft).save(out)
    return out.getvalue()


def _block(doc: DocxDocument, b: Block) -> None:
    text = printable(b.text)
    if b.kind == "heading":
        doc.add_heading(text, level=b.level - 1)
        return
    if b.kind == "item":
        p = doc.add_paragraph(f"{b.label}\t{text}", style=STYLE["item"])
        p.paragraph_format.left_indent = Cm(1.9)
        p.paragraph_format.first_line_indent = Cm(-0.8)
        return
    p = doc.add_paragraph(text, style=STYLE[b.kind])
    if b.kind == "line" and b.level:
        p.paragraph_format.left_indent = Cm(0.63 * (b.level + 1))
    if b.kind == "para":
        p.paragraph_format.space_after = Pt(6)


def _page(doc: DocxDocument) -> None:
    """A4 with the margins of a UN document, and "page N of M" centred in the footer."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = 1  # centre
    footer.add_run("")
    _field(footer, "PAGE")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES")


def _field(paragraph: object, code: str) -> None:
    """A Word field (PAGE, NUMPAGES): Word fills in the number when it lays the page out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)  # type: ignore[attr-defined]
