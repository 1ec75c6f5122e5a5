"""The draft as a Word document (python-docx), since drafters finish their submissions in a word processor.

Numbered paragraphs use Word's own numbering (the "List Number" style), so a paragraph the
drafter inserts renumbers the rest; A4 pages with the page number in the footer. The page looks
like a submission, not like the library's template: one serif face in black, headings in bold,
paragraphs justified, and every gap left to fill highlighted.
"""

from __future__ import annotations

import io
import unicodedata

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from detention_rules.escaping import JOINERS, printable
from detention_rules.output.document import Block, Draft

#: The style of each kind of block; a heading's level picks "Heading 1" or "Heading 2".
STYLE = {"para": "List Number", "item": "List Continue", "text": "Normal", "line": "List Bullet"}
#: The most characters a core property (title, subject, keywords...) holds: OPC's limit, which python-docx enforces.
PROPERTY_LIMIT = 255
ELLIPSIS = "\u2026"
#: The face of the whole document (Word's default serif; LibreOffice shows it in a metric twin).
FONT = "Times New Roman"
#: Each style the document uses: its size in points, bold, italic.
LOOK = {
    "Normal": (12, False, False),
    "Title": (14, True, False),
    "Heading 1": (13, True, False),
    "Heading 2": (12, True, False),
    "Heading 3": (12, True, True),
}


def render(draft: Draft) -> DocxDocument:
    doc = Document()
    _page(doc)
    _styles(doc)
    _properties(doc, draft)
    title = doc.add_heading(printable(draft.title), level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lead = doc.add_paragraph()
    lead.add_run(printable(draft.lead)).italic = True
    for b in draft.body:
        _block(doc, b, draft)
    if draft.appendix:
        doc.add_page_break()
        for b in draft.appendix:
            _block(doc, b, draft)
    return doc


def _styles(doc: DocxDocument) -> None:
    """The template's styles made those of a submission: its blue headings, the rule under the title and
    its sans-serif headings are a word processor's sample, not what a lawyer files."""
    for name, (size, bold, italic) in LOOK.items():
        style = doc.styles[name]
        style.font.name = FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):  # a theme's face wins
            fonts.attrib.pop(qn(theme), None)
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        style.font.color.rgb = RGBColor(0, 0, 0)
    border = doc.styles["Title"].element.pPr.find(qn("w:pBdr"))
    if border is not None:
        border.getparent().remove(border)


def _properties(doc: DocxDocument, draft: Draft) -> None:
    """The file's properties say what it is (the case's submission), not what made it: python-docx's
    template names itself as author and comment and carries its own 2013 creation date."""
    props = doc.core_properties
    props.title = core_property(draft.title)
    props.language = core_property(draft.lang)
    props.author = ""
    props.comments = ""
    props.last_modified_by = ""
    props._element._remove_created()  # the template's date, not this document's


def render_bytes(draft: Draft) -> bytes:
    out = io.BytesIO()
    render(draft).save(out)
    return out.getvalue()


def core_property(text: str) -> str:
    """A document property as Word takes it: nothing hidden, and at most PROPERTY_LIMIT characters.

    A longer one (a case's title can be any length; the heading keeps all of it) is cut where a
    character ends (never inside an escape, a letter and its marks, or a joined sequence) and
    ends with an ellipsis.
    """
    shown = printable(text)
    if len(shown) <= PROPERTY_LIMIT:
        return shown
    fits = [e for e in range(min(len(text), PROPERTY_LIMIT - 1), 0, -1) if len(printable(text[:e])) < PROPERTY_LIMIT]
    end = next((e for e in fits if _boundary(text, e)), fits[0])  # one "character" of 255 marks: cut inside it
    return printable(text[:end]).rstrip() + ELLIPSIS


def _boundary(text: str, at: int) -> bool:
    """Whether a character ends at `at`: what follows is no mark, joiner or skin tone, no joiner precedes,
    and no flag (a pair of regional indicators) is split."""
    after, before = text[at], text[at - 1]
    if unicodedata.category(after)[0] == "M" or after in JOINERS or before in JOINERS:
        return False
    if "\U0001f3fb" <= after <= "\U0001f3ff":
        return False
    start = at
    while start > 0 and "\U0001f1e6" <= text[start - 1] <= "\U0001f1ff":
        start -= 1
    return (at - start) % 2 == 0


def _block(doc: DocxDocument, b: Block, draft: Draft) -> None:
    if b.kind == "heading":
        doc.add_heading(printable(b.text), level=b.level - 1)
        return
    if b.kind == "item":
        p = doc.add_paragraph(f"{b.label}\t", style=STYLE["item"])
        p.paragraph_format.left_indent = Cm(1.9)
        p.paragraph_format.first_line_indent = Cm(-0.8)
    else:
        p = doc.add_paragraph(style=STYLE[b.kind])
    for piece, gap in draft.spans(b.text):
        for part, up in draft.lifted(piece):
            run = p.add_run(printable(part))
            run.font.superscript = up or None  # French « n° »: n and a raised o
            if gap:  # a gap left to fill, seen on the page before it is filed
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    if b.kind == "line" and b.level:
        p.paragraph_format.left_indent = Cm(0.63 * (b.level + 1))
    if b.kind in ("para", "item"):
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
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
