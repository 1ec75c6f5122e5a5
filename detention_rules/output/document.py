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
    #: abbreviations printed with raised letters: each as the text writes it, its letters on the line, those raised
    #: ("n°", "n", "o"); a Markdown text keeps the text's form
    raised: tuple[tuple[str, str, str], ...] = ()

    def spans(self, text: str) -> list[tuple[str, bool]]:
        """A block's text in pieces, each with whether it is a gap left to fill or words left to translate: the
        drafter must see every one before filing, in a print or a Word file as on screen."""
        gap = _marks(self.todo, self.to_translate)
        return [(piece, i % 2 == 1) for i, piece in enumerate(gap.split(text)) if piece]

    def lifted(self, text: str) -> list[tuple[str, bool]]:
        """A piece cut where an abbreviation's letters stand raised in print (`raised`: French "n°" is n and a
        superscript o, « nos » otherwise reading as "our"), each part with whether it is raised."""
        if not self.raised:
            return [(text, False)]
        forms = {short: (base, up) for short, base, up in self.raised}
        parts: list[tuple[str, bool]] = []
        for i, piece in enumerate(_abbreviations(tuple(forms)).split(text)):
            if i % 2 == 0:
                parts += [(piece, False)] if piece else []
            else:
                parts += [(forms[piece][0], False), (forms[piece][1], True)]
        return parts


@functools.cache
def _marks(todo: str, to_translate: str) -> re.Pattern[str]:
    """The pattern of a language's two markers, built once: a draft asks it of every block it renders."""
    forms = [f.replace("{text}", "{what}") for f in (todo, to_translate) if f]
    ends = [(_spaced(b), _spaced(a)) for b, _, a in (f.partition("{what}") for f in forms)]
    return re.compile("(" + "|".join(f"{b}.*?{a}" for b, a in ends) + ")")


@functools.cache
def _abbreviations(forms: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of a language's raised abbreviations as words of their own, the longest first ("n°s" before "n°")."""
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)")


def _spaced(form: str) -> str:
    """A marker's words as a pattern in which a space also matches the no-break spaces of French typography
    ("[à compléter\u00a0: ...]"), so that a gap is marked whatever space the text has."""
    return re.escape(form).replace("\\ ", "\\s")
