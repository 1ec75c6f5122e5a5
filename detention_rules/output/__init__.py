"""Renderers: results as text, Markdown or JSON; drafts as Markdown, HTML or Word; the casebook."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detention_rules.pipeline import CaseResult


def report(results: list[CaseResult], fmt: str) -> str:
    """The human-readable report: `markdown`, or text for any other format name."""
    if fmt == "markdown":
        from detention_rules.output import markdown as renderer
    else:
        from detention_rules.output import text as renderer  # type: ignore[no-redef]
    return renderer.render(results)
