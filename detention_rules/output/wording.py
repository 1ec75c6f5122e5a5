"""Every sentence a reader of the draft sees, and the trainer's tools' (`teaching:`): the `draft` stage file.

A draft in Spanish is a `locales/es/draft.yaml` with the same keys as `locales/en/draft.yaml`:
no code change. The files ship as package data (pyproject `package-data`).
"""

from __future__ import annotations

from typing import Any

from detention_rules import words
from detention_rules.reasoning.asking import show_value


def load(lang: str | None = None) -> dict[str, Any]:
    """The draft's strings in one language (the one in use unless given; `words.load`, read once); an unknown
    language is the caller's error to report."""
    return words.load("draft", lang)


def filing_note(released: Any) -> str:
    """The note that the person's release lets the Working Group file the case (methods of work para 17 (a)),
    naming the fact that shows it (`released`, a FactNode: its path, value and line)."""
    where = f", line {released.line}" if released.line else ""
    fact = f"{released.path} = {show_value(released.value)}{where}"
    text: str = words.of("check", "filing")["possible"]  # check.yaml: `wgad check` reads no draft words
    return text.format(fact=fact)
