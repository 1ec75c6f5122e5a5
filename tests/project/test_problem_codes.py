"""Every problem code is declared once, in problem_codes.py: the codes the modules emit are
exactly the declared ones, each from the module it names, and the docs' tables are generated
(by tools/problem_codes.py, outside the package)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import get_args

import pytest

from detention_rules import problem_codes
from detention_rules.problem_codes import CODES, ProblemCode
from tools import problem_codes as docs_tables
from tools.problem_codes import DOCS

from ..conftest import ROOT

PACKAGE = ROOT / "detention_rules"


def _takes_code(annotation: ast.expr | None) -> bool:
    return annotation is not None and "ProblemCode" in ast.unparse(annotation)


def _code_param(node: ast.FunctionDef | ast.AsyncFunctionDef, method: bool) -> tuple[int, str] | None:
    """The position (after `self` for a method) and name of the parameter that takes a code."""
    args = [*node.args.posonlyargs, *node.args.args][1 if method else 0 :]
    return next(((i, a.arg) for i, a in enumerate(args) if _takes_code(a.annotation)), None)


def _class_slot(cls: ast.ClassDef) -> tuple[int, str] | None:
    """Where a class's call takes the code: a struct's field (Problem) or its `__init__`'s parameter."""
    fields = [s for s in cls.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
    found = [(i, f.target.id) for i, f in enumerate(fields) if _takes_code(f.annotation)]  # type: ignore[union-attr]
    inits = [f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"]
    return found[0] if found else _code_param(inits[0], True) if inits else None


def _code_slots(trees: dict[str, ast.Module]) -> tuple[dict[str, tuple[int, str]], set[str]]:
    """Callables with a parameter annotated `ProblemCode` (name -> its position and name), and the
    functions that return a code as part of a tuple."""
    slots: dict[str, tuple[int, str]] = {}
    returning: set[str] = set()
    for tree in trees.values():
        methods = {id(f) for c in ast.walk(tree) if isinstance(c, ast.ClassDef) for f in c.body}
        for node in ast.walk(tree):
            slot = None
            if isinstance(node, ast.ClassDef):
                slot = _class_slot(node)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name != "__init__":
                slot = _code_param(node, id(node) in methods)
                if _takes_code(node.returns):
                    returning.add(node.name)
            if slot is not None:
                slots[node.name] = slot  # type: ignore[attr-defined]
    return slots, returning


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _passed(node: ast.Call, slots: dict[str, tuple[int, str]]) -> list[str]:
    """The code a call passes as a literal, if it calls something that takes one."""
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if name not in slots:
        return []
    i, keyword = slots[name]
    given = [k.value for k in node.keywords if k.arg == keyword] + node.args[i : i + 1]
    return [v.value for v in given if isinstance(v, ast.Constant) and isinstance(v.value, str)]


def _returned(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    """The codes a function returns as the last item of a tuple (`message, code`)."""
    tuples = [r.value for r in ast.walk(node) if isinstance(r, ast.Return) and isinstance(r.value, ast.Tuple)]
    last = [t.elts[-1] for t in tuples]
    return [v.value for v in last if isinstance(v, ast.Constant) and isinstance(v.value, str)]


def _compared(node: ast.Compare) -> list[str]:
    """The strings a problem's `.code` is compared with (`p.code in ("io", "internal")`)."""
    sides = [node.left, *node.comparators]
    reads = [any(isinstance(n, ast.Attribute) and n.attr == "code" for n in ast.walk(s)) for s in sides]
    if not any(reads):
        return []
    return [text for side, read in zip(sides, reads, strict=True) if not read for text in _strings(side)]


def codes_in(trees: dict[str, ast.Module]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The codes each module emits (given where a `ProblemCode` goes, or returned with a message)
    and the codes it compares a problem's `.code` with."""
    slots, returning = _code_slots(trees)
    emitted: dict[str, set[str]] = defaultdict(set)
    compared: dict[str, set[str]] = defaultdict(set)
    for module, tree in trees.items():
        for node in ast.walk(tree):
            found: list[str] = []
            if isinstance(node, ast.Call):
                found = _passed(node, slots)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in returning:
                found = _returned(node)
            for code in found:
                emitted[code].add(module)
            if isinstance(node, ast.Compare):
                for code in _compared(node):
                    compared[code].add(module)
    return emitted, compared


def _trees(root: Path) -> dict[str, ast.Module]:
    return {
        str(p.relative_to(root)): ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted(root.rglob("*.py"))
        if p.name != "problem_codes.py"
    }


def test_the_type_and_the_table_declare_the_same_codes() -> None:
    assert list(CODES) == list(dict.fromkeys(get_args(ProblemCode)))
    assert len(get_args(ProblemCode)) == len(CODES)


def test_every_code_used_is_declared_and_every_declared_code_is_emitted_where_it_says() -> None:
    emitted, compared = codes_in(_trees(PACKAGE))
    assert emitted, "the walk found no code at all: the way codes are passed changed"
    unknown = sorted((set(emitted) | set(compared)) - set(CODES))
    assert not unknown, f"problem codes used but not declared in problem_codes.py: {unknown}"
    unused = sorted(set(CODES) - set(emitted))
    assert not unused, f"declared in problem_codes.py but never emitted: {unused}"
    wrong = {c: sorted(emitted[c]) for c, entry in CODES.items() if set(entry.emitted_by) != emitted[c]}
    assert not wrong, f"emitted elsewhere than problem_codes.py says: {wrong}"


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('from x import Problem\nProblem("p", 1, 1, "error", "m", "no-such-code")\n', {"no-such-code"}),
        ('from x import Problem\nProblem("p", 1, 1, "error", "m", code="by-name")\n', {"by-name"}),
        (
            "def f(m: str, code: ProblemCode) -> None: ...\nclass D:\n    def g(self, code: ProblemCode) -> None: ...\n"
            'f("m", "one")\nD().g("two")\n',
            {"one", "two"},
        ),
        ('def f() -> tuple[str, ProblemCode]:\n    return "m", "three"\n', {"three"}),
    ],
)
def test_the_walk_finds_codes_however_they_are_passed(source: str, found: set[str]) -> None:
    """The walk would catch an undeclared code (so the test above can fail)."""
    fields = ("path: str", "line: int", "col: int", "level: str", "message: str", "code: ProblemCode")
    problem = "class Problem:\n" + "".join(f"    {f}\n" for f in fields)
    emitted, _ = codes_in({"errors.py": ast.parse(problem), "m.py": ast.parse(source)})
    assert set(emitted) == found


def test_the_walk_finds_compared_codes() -> None:
    _, compared = codes_in({"m.py": ast.parse('ok = p.code == "nope" or p.code in ("io", "other")\n')})
    assert set(compared) == {"nope", "io", "other"}


@pytest.mark.parametrize("group", list(DOCS))
def test_the_docs_tables_are_generated_from_the_registry(group: problem_codes.Table) -> None:
    name, _ = DOCS[group]
    text = (ROOT / name).read_text(encoding="utf-8")
    assert docs_tables.rendered(text, group) == text, f"{name} is stale: python -m tools.problem_codes"


def test_a_changed_meaning_makes_the_doc_stale() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert docs_tables.rendered(text.replace("The file is not valid UTF-8.", "Other words."), "file") == text
    assert docs_tables.rendered(text, "file") != text.replace("The file is not valid UTF-8.", "Other words.")


def test_checking_a_case_never_loads_the_registry() -> None:
    """The codes' types are for mypy and their table for the docs: `wgad check` and `validate` pay for neither."""
    for command in ("check", "validate"):
        code = (
            "import sys\nfrom detention_rules.interfaces.entry import main\n"
            f"sys.argv = ['wgad', {command!r}, {str(ROOT / 'tests' / 'bad' / 'bad-value.yaml')!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        assert "bad-value" in out.stdout
        assert "detention_rules.problem_codes" not in out.stderr.split()
