"""The tables of problem codes in docs/cli.md and docs/rules.md, generated from the registry.

`python -m tools.problem_codes` (from a checkout) rewrites them from `problem_codes.CODES`
(pydocstyle's pattern); `tests/project/test_problem_codes.py` fails while they are stale. Build
time only, like `tools/case_model.py`: the registry ships in the package, its docs' generator
does not.
"""

from __future__ import annotations

from pathlib import Path

from detention_rules.problem_codes import CODES, Table

#: Where each table is generated: the doc, and the comment line the table follows.
DOCS: dict[Table, tuple[str, str]] = {
    "file": ("docs/cli.md", "<!-- problem codes: file -->"),
    "case": ("docs/cli.md", "<!-- problem codes: case -->"),
    "rules": ("docs/rules.md", "<!-- problem codes: rules -->"),
}
_END = "<!-- end of problem codes: python -m tools.problem_codes -->"


def table(group: Table) -> str:
    """The Markdown table of one group's codes: code, level, emitted by, meaning."""
    rows = ["| code | level | emitted by | meaning |", "|---|---|---|---|"]
    for code, entry in CODES.items():
        if entry.table == group:
            where = ", ".join(f"`{m}`" for m in entry.emitted_by)
            rows.append(f"| `{code}` | {', '.join(entry.levels)} | {where} | {entry.meaning} |")
    return "\n".join(rows) + "\n"


def rendered(text: str, group: Table) -> str:
    """`text` (a doc) with the table after `group`'s marker replaced by the one `CODES` makes now."""
    marker = DOCS[group][1]
    head, found, rest = text.partition(marker + "\n")
    if not found:
        raise ValueError(f"{DOCS[group][0]} has no line {marker}")
    _, found, tail = rest.partition(_END)
    if not found:
        raise ValueError(f"{DOCS[group][0]} has no line {_END} after {marker}")
    return f"{head}{marker}\n{table(group)}{_END}{tail}"


def regenerate(root: str) -> list[str]:
    """Rewrite the tables in the docs under `root`; the docs changed."""
    changed = []
    for group, (name, _) in DOCS.items():
        path = Path(root) / name
        old = path.read_text(encoding="utf-8")
        new = rendered(old, group)
        if new != old:
            path.write_text(new, encoding="utf-8")
            changed.append(name)
    return changed


if __name__ == "__main__":
    import sys

    for name in regenerate(str(Path(__file__).resolve().parent.parent)):
        sys.stdout.write(f"wrote {name}\n")
