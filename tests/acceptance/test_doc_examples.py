"""Every example output marked in README.md and docs/*.md is what the command prints today.

When one fails after a change to rules, cases or messages, `python -m tests.acceptance.doc_examples`
rewrites the marked blocks from the real commands; read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .doc_examples import _excerpt, all_blocks, body, expected, rewrite

BLOCKS = all_blocks()


@pytest.mark.parametrize("block", BLOCKS, ids=[b.name for b in BLOCKS])
def test_example_is_what_the_command_prints(block) -> None:  # type: ignore[no-untyped-def]
    assert body(block) == expected(block), f"{block.name} is out of date: run `python -m tests.acceptance.doc_examples`"


def test_the_docs_mark_their_examples() -> None:
    """The README's and each command's main example are marked, so the test above cannot pass on nothing."""
    names = {b.doc.name for b in BLOCKS}
    assert {"README.md", "cli.md", "json-format.md", "case-format.md", "rules.md"} <= names
    assert len(BLOCKS) >= 15


def test_an_excerpt_keeps_the_parts_named_and_marks_the_gaps() -> None:
    lines = ["title", "  a", "", "  Category I: x", "    b", "    c", "", "  Category II: y", "    d"]
    assert _excerpt(lines, '1; "Category II"') == ["title", "  a", "  ...", "  Category II: y", "    d"]
    assert _excerpt(lines, '"Category I:" 2') == ["...", "  Category I: x", "    b", "    ..."]
    assert _excerpt(lines, '1 2; "Category I:"') == ["title", "  a", "", "  Category I: x", "    b", "    c", "  ..."]


def test_rewriting_touches_the_marked_blocks_only(tmp_path: Path) -> None:
    outside = "Text with trailing spaces   \n\n```\n$ wgad rules --check\nstale, unmarked: kept\n```\n"
    marked = "<!-- example: wgad rules --check -->\n```\n$ wgad rules --check\nstale\n```\n"
    doc = tmp_path / "doc.md"
    doc.write_text(outside + marked + outside, encoding="utf-8")
    assert rewrite([doc]) == [f"{doc}:7"]
    fresh = marked.replace("stale", "rules: 0 error(s) in rules")
    assert doc.read_text(encoding="utf-8") == outside + fresh + outside
    assert rewrite([doc]) == []
