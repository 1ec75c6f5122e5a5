"""The example outputs in README.md and docs/*.md, produced by the real commands.

An example is marked by an HTML comment (invisible on the rendered page) on the line
before its code block:

    <!-- example: wgad validate tests/bad/unknown-key.yaml -->

The block then holds `$ COMMAND` and the command's standard output. Options after a `;`:

- `show: PART; PART ...`: an excerpt, each PART a start and an optional count of lines.
  The start is a line number or a "quoted" or 'quoted' text (the first line, after the
  previous part, that contains it); without a count the part runs to the next blank line.
  Lines left out between parts are shown as `...`.
- `json: KEY = VALUE, ...`: the first JSON object in the output with those keys and
  values (a VALUE is read as JSON, else as text), without the `$` line.
- `raw`: the output as Markdown, not in a code block; it ends at `<!-- end example -->`.

`<!-- file: PATH -->` before a code block shows the file at PATH (from the repository root).

tests/acceptance/test_doc_examples.py checks every marked block; `python -m tests.acceptance.doc_examples`
rewrites them from the real commands (it changes nothing else in any file).
"""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import ROOT, wgad

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_MARKER = re.compile(r"^<!-- (example|file): (.+?) -->$")
_END_RAW = "<!-- end example -->"


@dataclass
class Block:
    """One marked block: where its body lies in the file, and what should fill it."""

    doc: Path
    line: int  # of the marker, 1-based
    kind: str  # "example" or "file"
    spec: str
    start: int  # first line of the body, 0-based
    end: int  # line after the body, 0-based

    @property
    def name(self) -> str:
        where = self.doc.relative_to(ROOT) if self.doc.is_relative_to(ROOT) else self.doc
        return f"{where}:{self.line}"


def blocks(doc: Path) -> list[Block]:
    """The marked blocks of one Markdown file."""
    lines = doc.read_text(encoding="utf-8").splitlines()
    found = []
    for i, line in enumerate(lines):
        match = _MARKER.match(line)
        if not match:
            continue
        kind, spec = match.groups()
        if _options(spec).get("raw") is not None:
            end = lines.index(_END_RAW, i + 1)
            found.append(Block(doc, i + 1, kind, spec, i + 1, end))
            continue
        if i + 1 >= len(lines) or not lines[i + 1].startswith("```"):
            raise ValueError(f"{doc.name}:{i + 1}: a marker must stand just before a code block")
        end = lines.index("```", i + 2)
        found.append(Block(doc, i + 1, kind, spec, i + 2, end))
    return found


def all_blocks() -> list[Block]:
    return [b for doc in DOCS for b in blocks(doc)]


def _options(spec: str) -> dict[str, str]:
    """`CMD; show: 1 3; "x"` -> {"command": CMD, "show": '1 3; "x"'}; `raw` -> {"raw": ""}."""
    command, _, rest = spec.partition("; ")
    options = {"command": command}
    if rest:
        key, _, value = rest.partition(":")
        options[key.strip()] = value.strip()
    return options


@functools.cache
def run(command: str) -> str:
    """The standard output of a `wgad ...` command, run from the repository root as a user would."""
    args = shlex.split(command)
    if args[0] != "wgad":
        raise ValueError(f"an example runs wgad, not {args[0]!r}")
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("WGAD_DEBUG", None)
    done = wgad(*args[1:], env=env)
    if done.returncode not in (0, 1) or not done.stdout:
        raise RuntimeError(f"`{command}` exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def _excerpt(lines: list[str], show: str) -> list[str]:
    """The parts of `lines` that `show` names, with `...` for what is left out."""
    out: list[str] = []
    at = 0
    for part in show.split(";"):
        match = re.fullmatch(r"""\s*(?:(\d+)|"([^"]*)"|'([^']*)')\s*(\d+)?\s*""", part)
        if not match:
            raise ValueError(f"bad part {part!r} in show: {show}")
        number, text, text2, count = match.groups()
        text = text if text is not None else text2
        if number:
            start = int(number) - 1
        else:
            start = next((i for i in range(at, len(lines)) if text in lines[i]), -1)
            if start < 0:
                raise ValueError(f"no line contains {text!r} (after line {at})")
        if count:
            stop = start + int(count)
        else:
            stop = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
        out += _gap(lines[at:start])
        out += lines[start:stop]
        at = max(at, stop)
    return out + _gap(lines[at:])


def _gap(left_out: list[str]) -> list[str]:
    """What stands for lines left out: `...` indented like the first of them that is not blank."""
    shown = [line for line in left_out if line.strip()]
    if not shown:
        return left_out  # blank lines are shown as they are
    return [" " * (len(shown[0]) - len(shown[0].lstrip())) + "..."]


def _find(data: Any, wanted: dict[str, Any]) -> Any:
    """The first object, depth first, with every key and value in `wanted`."""
    if isinstance(data, dict):
        if all(k in data and data[k] == v for k, v in wanted.items()):
            return data
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            found = _find(item, wanted)
            if found is not None:
                return found
    return None


def _json_value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def expected(block: Block) -> list[str]:
    """What the block's body should be."""
    if block.kind == "file":
        return (ROOT / block.spec).read_text(encoding="utf-8").splitlines()
    options = _options(block.spec)
    command = options["command"]
    output = run(command)
    if "json" in options:
        pairs = [p.partition("=") for p in options["json"].split(",")]
        wanted = {k.strip(): _json_value(v.strip()) for k, _, v in pairs}
        found = _find(json.loads(output), wanted)
        if found is None:
            raise ValueError(f"`{command}` prints no object with {wanted}")
        return json.dumps(found, indent=2, ensure_ascii=False).splitlines()
    lines = [line.rstrip() for line in output.rstrip("\n").splitlines()]
    if "raw" in options:
        return ["", *lines, ""]
    if "show" in options:
        lines = _excerpt(lines, options["show"])
    return [f"$ {command}", *lines]


def body(block: Block) -> list[str]:
    """What the block's body is now."""
    lines = block.doc.read_text(encoding="utf-8").splitlines()
    return [line.rstrip() for line in lines[block.start : block.end]]


def rewrite(docs: list[Path] = DOCS) -> list[str]:
    """Fill every marked block from its command; the names of the blocks that changed.

    Only the lines inside marked blocks are replaced; every other byte stays as it was.
    """
    changed = []
    for doc in docs:
        with doc.open(encoding="utf-8", newline="") as fh:
            lines = fh.read().splitlines(keepends=True)
        newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
        touched = False
        for block in reversed(blocks(doc)):  # from the end, so that earlier line numbers hold
            new = expected(block)
            if [line.rstrip() for line in lines[block.start : block.end]] != new:
                lines[block.start : block.end] = [line + newline for line in new]
                changed.append(block.name)
                touched = True
        if touched:
            with doc.open("w", encoding="utf-8", newline="") as fh:
                fh.write("".join(lines))
    return sorted(changed)


if __name__ == "__main__":
    names = rewrite()
    print("\n".join(f"rewrote {n}" for n in names) or "every example is up to date")
