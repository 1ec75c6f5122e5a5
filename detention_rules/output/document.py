"""A draft submission as its renderers read it: numbered blocks, built by `output/draft.py`.

Apart from the builder, so that the renderers (draft_markdown, draft_html, draft_docx) need
nothing of it, and the builder's `render` can import them without an import circle.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

import msgspec

#: The stages a draft is written for: the source's first communication, or its comments on the
#: Government's reply. Only comments speak of the reply.
Stage = Literal["first", "comments"]
STAGES: tuple[Stage, ...] = ("first", "comments")


class Block(msgspec.Struct, frozen=True):
    """One piece of the document.

    kind: "heading" (level 2 or 3), "para" (a numbered paragraph), "item" (a lettered item
    of the paragraph before), "text" (unnumbered), "line" (an appendix line at a depth).
    """

    kind: Literal["heading", "para", "item", "text", "line"]
    text: str
    level: int = 0  # heading: 2 or 3; line: its depth in the reasoning
    number: int = 0  # para: its number
    label: str = ""  # item: "(a)"
    anchor: str = ""  # heading: "category-I", "facts", "remedies", "appendix"
    rule: str = ""  # line: the rule id it states


class Draft(msgspec.Struct):
    title: str
    lead: str
    body: list[Block]
    appendix: list[Block]
    established: list[str]
    lang: str = "en"
    #: the form of a gap left to fill ("[to complete: {what}]"), which the page and the Word file mark
    todo: str = "[{what}]"
    #: the form of the drafter's words set apart to translate ("[à traduire : {text}]"), marked as a gap is
    to_translate: str = ""

    def spans(self, text: str) -> list[tuple[str, bool]]:
        """A block's text in pieces, each with whether it is a gap left to fill or words left to translate: the
        drafter must see every one before filing, in a print or a Word file as on screen."""
        gap = _marks(self.todo, self.to_translate)
        return [(piece, i % 2 == 1) for i, piece in enumerate(gap.split(text)) if piece]


@functools.cache
def _marks(todo: str, to_translate: str) -> re.Pattern[str]:
    """The pattern of a language's two markers, built once: a draft asks it of every block it renders."""
    forms = [f.replace("{text}", "{what}") for f in (todo, to_translate) if f]
    ends = [(_spaced(b), _spaced(a)) for b, _, a in (f.partition("{what}") for f in forms)]
    return re.compile("(" + "|".join(f"{b}.*?{a}" for b, a in ends) + ")")


def _spaced(form: str) -> str:
    """A marker's words as a pattern in which a space also matches the no-break spaces of French typography
    ("[à compléter\u00a0: ...]"), so that a gap is marked whatever space the text has."""
    return re.escape(form).replace("\\ ", "\\s")
