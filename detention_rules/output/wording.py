"""Every sentence a reader of the draft sees, read from one translation file per language.

A draft in Spanish is a `locales/es.yaml` with the same keys as `locales/en.yaml`:
no code change. The files ship as package data (pyproject `package-data`).
"""

from __future__ import annotations

import functools
from typing import Any

from detention_rules import words
from detention_rules.reasoning.asking import show_value

LOCALES = words.LOCALES


@functools.cache
def load(lang: str = "en") -> dict[str, Any]:
    """The strings of one language; an unknown language is the caller's error to report."""
    return words.read(LOCALES / f"{lang}.yaml", lang)


def filing_note(released: Any) -> str:
    """The note that the person's release lets the Working Group file the case (methods of work para 17 (a)),
    naming the fact that shows it (`released`, a FactNode: its path, value and line)."""
    where = f", line {released.line}" if released.line else ""
    fact = f"{released.path} = {show_value(released.value)}{where}"
    text: str = words.of("check", "filing")["possible"]  # check.yaml: `wgad check` reads no draft words
    return text.format(fact=fact)
