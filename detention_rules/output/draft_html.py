"""The draft as one self-contained HTML page: no scripts, no network, laid out for A4 print.

The page is `draft_files/draft.html.j2`, rendered by Jinja2 with autoescape on; every value on its
way out is made printable first (escaping.printable: a browser obeys bidi overrides too).
"""

from __future__ import annotations

import functools
import html
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
import markupsafe

from detention_rules.escaping import printable
from detention_rules.output.document import Block, Draft

TEMPLATES = Path(__file__).parent / "draft_files"


def escape(value: Any) -> Any:
    """A text as the page shows it: printable, then HTML-escaped (quotes too, as attribute values need)."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return markupsafe.Markup(html.escape(printable(value)))
    return value


@functools.cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=escape,  # html.escape's entities (&#x27;), as the page has always had them
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("draft.html.j2")


class Group(NamedTuple):
    """Blocks the page shows together: the lettered items (one list), the appendix lines (one list),
    or any other block alone."""

    kind: str
    blocks: list[Block]


def _groups(blocks: list[Block]) -> list[Group]:
    """Between two blocks that stand alone, the items gather in one list and the lines in another."""
    out: list[Group] = []
    items: list[Block] = []
    lines: list[Block] = []

    def flush() -> None:
        if items:
            out.append(Group("item", items.copy()))
            items.clear()
        if lines:
            out.append(Group("line", lines.copy()))
            lines.clear()

    for b in blocks:
        if b.kind in ("item", "line"):
            (items if b.kind == "item" else lines).append(b)
            continue
        flush()
        out.append(Group(b.kind, [b]))
    flush()
    return out


def render(draft: Draft) -> str:
    return _template().render(draft=draft, body=_groups(draft.body), appendix=_groups(draft.appendix))
