"""The package's layering, as ARCHITECTURE.md states it: each stage imports only from the stages
before it, and no module uses another's private names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ..conftest import ROOT

PACKAGE = ROOT / "detention_rules"

#: The stages, first to last; a module may import from its own stage and the ones before it.
STAGES: tuple[tuple[str, ...], ...] = (
    ("__init__", "errors", "escaping", "problem_codes", "words"),
    ("input",),
    ("law",),
    ("reasoning",),
    ("pipeline", "application", "agreement", "variations", "quiz"),
    ("output",),
    ("interfaces", "__main__"),
)
RANK = {name: i for i, names in enumerate(STAGES) for name in names}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def _stage(module: str) -> int:
    """The stage of `detention_rules.x[.y]` by `x`; the package itself is the first stage."""
    parts = module.split(".")
    return RANK[parts[1]] if len(parts) > 1 else 0


def _targets(node: ast.ImportFrom | ast.Import) -> list[tuple[str, str]]:
    """(module imported, name taken from it or '') for each of the package's imports in `node`."""
    if isinstance(node, ast.Import):
        return [(a.name, "") for a in node.names if a.name.split(".")[0] == "detention_rules"]
    if node.level or not node.module or node.module.split(".")[0] != "detention_rules":
        return []
    out = []
    for alias in node.names:
        sub = f"{node.module}.{alias.name}"
        is_module = (PACKAGE.parent / (sub.replace(".", "/") + ".py")).exists() or (
            PACKAGE.parent / sub.replace(".", "/")
        ).is_dir()
        out.append((sub, "") if is_module else (node.module, alias.name))
    return out


def violations(module: str, text: str) -> list[str]:
    """What in one module's source breaks the layering or uses another module's private name."""
    tree = ast.parse(text)
    found = []
    own = _stage(module)
    modules: set[str] = set()  # local names bound to one of the package's modules
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            found.append(f"{module}:{node.lineno}: a relative import (the package imports absolutely)")
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        for target, name in _targets(node):
            if _stage(target) > own:
                found.append(f"{module}:{node.lineno}: imports {target}, a later stage")
            if name.startswith("_") and not name.startswith("__") and target != module:
                found.append(f"{module}:{node.lineno}: imports the private {target}.{name}")
        if isinstance(node, ast.ImportFrom):  # `from detention_rules.x import module` binds a module
            modules |= {a.asname or a.name for a, (_, n) in zip(node.names, _targets(node), strict=False) if not n}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append(f"{module}:{node.lineno}: uses the private {node.value.id}.{node.attr}")
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def imports(text: str) -> set[str]:
    """The package's modules one module's source imports, anywhere in it: at the top, inside a function,
    or for type checking only (an import deferred into a function still closes a circle)."""
    out = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out |= {target for target, _ in _targets(node)}
    return out


def circles(sources: dict[str, str]) -> list[list[str]]:
    """Every import circle among `sources` (module name -> text), each as the modules on it, in order."""
    graph = {module: sorted(imports(text) & sources.keys()) for module, text in sources.items()}
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            circle = path[path.index(module) :]
            start = circle.index(min(circle))  # one circle is one circle, wherever it was entered
            if (turned := circle[start:] + circle[:start]) not in found:
                found.append(turned)
            return
        if module in done:
            return
        for target in graph[module]:
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    return found


def test_no_import_circle_even_inside_a_function() -> None:
    """A circle hidden in a function-level import still ties two modules into one: neither is read alone."""
    sources = {_module_name(p): p.read_text(encoding="utf-8") for p in _modules()}
    assert circles(sources) == []


def test_the_circle_check_finds_a_circle_inside_a_function() -> None:
    sources = {
        "detention_rules.output.draft": "def render():\n    from detention_rules.output import draft_html\n",
        "detention_rules.output.draft_html": "from detention_rules.output.draft import Draft\n",
        "detention_rules.output.text": "from detention_rules.output import draft\n",
    }
    assert circles(sources) == [["detention_rules.output.draft", "detention_rules.output.draft_html"]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # the entry point defers the typer app; the app must not import the entry point back
            ("detention_rules.interfaces.entry", "def main():\n    from detention_rules.interfaces.cli import main\n"),
            ("detention_rules.interfaces.cli", "from detention_rules.interfaces import entry\n"),
        ),
        (  # the registry imports a renderer when its format is used; the renderer must not import the registry
            ("detention_rules.output.formats", "def html():\n    from detention_rules.output import draft_html\n"),
            ("detention_rules.output.draft_html", "from detention_rules.output.formats import DRAFT_FORMATS\n"),
        ),
        (  # an import for types only still ties the two modules
            ("detention_rules.output.draft", "if TYPE_CHECKING:\n    from detention_rules.output import formats\n"),
            ("detention_rules.output.formats", "def md():\n    import detention_rules.output.draft as d\n"),
        ),
    ],
    ids=["entry-cli", "formats-renderer", "types-only"],
)
def test_the_circle_check_finds_the_circles_deferred_imports_could_hide(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert circles(dict([first, second])) == [sorted([first[0], second[0]])]


def test_no_package_init_imports_the_package() -> None:
    """Importing `detention_rules.x.y` runs `x/__init__.py` first, an edge `circles` does not see: an
    `__init__` that imported one of the package's modules could close a circle through any module of it."""
    inits = [p for p in _modules() if p.name == "__init__.py"]
    assert inits and {str(p.relative_to(PACKAGE)): sorted(imports(p.read_text(encoding="utf-8"))) for p in inits} == {
        str(p.relative_to(PACKAGE)): [] for p in inits
    }


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_earlier_stages_and_no_private_names(path: Path) -> None:
    assert violations(_module_name(path), path.read_text(encoding="utf-8")) == []


#: The words of ARCHITECTURE.md's glossary: the modules where a function or class may take each as its
#: name, for the one meaning it keeps (a module of the package takes none of them as its own name).
ONE_MEANING: dict[str, frozenset[str]] = {
    "check": frozenset({"detention_rules.interfaces.cli"}),  # `wgad check`
    "Check": frozenset(),
    "evaluate": frozenset({"detention_rules.interfaces.cli"}),  # `wgad evaluate`: agreement with the opinions
    "reading": frozenset(),  # `basis: reading` is a rule's basis, a value, not code
    "Outcome": frozenset(),  # `expected.outcome`, the opinion's disposition, a field
    "Outcomes": frozenset(),
    "outcomes": frozenset(),
    "run": frozenset({"detention_rules.reasoning.engine"}),  # `Engine.run`
    "questions": frozenset({"detention_rules.reasoning.gaps", "detention_rules.application"}),  # gap questions
}


def names_off_their_meaning(module: str, text: str) -> list[str]:
    """The functions and classes in one module's source named with a glossary word outside its meaning."""
    defined = [
        n for n in ast.walk(ast.parse(text)) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    ]
    return [
        f"{module}:{node.lineno}: {node.name}"
        for node in sorted(defined, key=lambda n: n.lineno)
        if node.name in ONE_MEANING and module not in ONE_MEANING[node.name]
    ]


def test_each_glossary_word_keeps_its_one_meaning() -> None:
    found = [f for p in _modules() for f in names_off_their_meaning(_module_name(p), p.read_text(encoding="utf-8"))]
    assert found == []
    assert not {p.stem for p in _modules()} & ONE_MEANING.keys()


def test_the_glossary_check_finds_a_word_used_for_another_meaning() -> None:
    text = "class Engine:\n    def run(self): ...\n\ndef evaluate(cond): ...\n"
    assert names_off_their_meaning("detention_rules.law.rule", text) == [
        "detention_rules.law.rule:2: run",
        "detention_rules.law.rule:4: evaluate",
    ]
    assert names_off_their_meaning("detention_rules.reasoning.engine", text) == [
        "detention_rules.reasoning.engine:4: evaluate"
    ]


#: Modules the package never imports: the build's tools (outside the package, not installed), and pydantic,
#: which only the build reads (the runtime validates with pydantic-core and the generated schema).
BUILD_ONLY = ("tools", "pydantic")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_of_the_package_imports_the_build_s_code(path: Path) -> None:
    """input/model.py, the case model's pydantic source, used to ship inside the package though only the
    build reads it; it is tools/case_model.py now."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        found += [f"{node.lineno}: {n}" for n in names if n.split(".")[0] in BUILD_ONLY]
    assert found == []


def _is_main_guard(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "__name__" in ast.unparse(node.test) and "__main__" in ast.unparse(node.test)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_of_the_package_is_a_build_script(path: Path) -> None:
    """A generator run from a checkout (`python -m tools.x`) is build-time code and lives in tools/:
    problem_codes.py used to carry the docs tables' generator beside the registry the runtime reads."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not [n.lineno for n in tree.body if _is_main_guard(n)]


def test_every_top_level_module_and_subpackage_has_a_stage() -> None:
    names = {p.stem for p in PACKAGE.glob("*.py")} | {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert names <= set(RANK), sorted(names - set(RANK))


def test_architecture_states_the_stages_the_test_enforces() -> None:
    """The doc's order line names every stage in the order above."""
    doc = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    line = next(li for li in doc.splitlines() if li.startswith("Stages, first to last:"))
    shown = [
        tuple(n.strip().strip("`").removesuffix(".py").removesuffix("/") for n in group.split(","))
        for group in line.split(":", 1)[1].rstrip(".").split("→")
    ]
    expected = [tuple(n for n in names if not n.startswith("__")) for names in STAGES]
    assert shown == expected


@pytest.mark.parametrize(
    ("module", "text", "expected"),
    [
        ("detention_rules.input.validate", "from detention_rules.law.rule import truth", "a later stage"),
        ("detention_rules.errors", "from detention_rules.output import escaping", "a later stage"),
        ("detention_rules.law.rulebook", "def f():\n    from detention_rules.reasoning import engine", "later"),
        ("detention_rules.output.text", "from detention_rules.input.case import _describe", "private"),
        ("detention_rules.interfaces.cli", "from detention_rules.interfaces import batch\nbatch._init(1)", "private"),
        ("detention_rules.input.case", "from . import source", "relative"),
    ],
)
def test_the_check_finds_what_it_should(module: str, text: str, expected: str) -> None:
    found = violations(module, text)
    assert found and all(expected in f for f in found), found


def test_the_check_allows_earlier_stages_and_own_names() -> None:
    text = "from detention_rules.input import source\nfrom detention_rules.errors import Problem\nsource.load\n"
    assert violations("detention_rules.law.rulebook", text) == []
