"""Every sentence a reader of the draft sees, read from one translation file per language.

A draft in Spanish is a `locales/es.yaml` with the same keys as `locales/en.yaml`:
no code change. The files ship as package data (pyproject `package-data`).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

LOCALES = Path(__file__).with_name("locales")


@functools.cache
def load(lang: str = "en") -> dict[str, Any]:
    """The strings of one language; an unknown language is the caller's error to report."""
    path = LOCALES / f"{lang}.yaml"
    if not path.is_file():
        raise LookupError(f"no translation for language {lang!r} (looked for {path.name})")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as f:
        data: dict[str, Any] = yaml.load(f, Loader=loader)
    return data
