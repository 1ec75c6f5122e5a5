"""A cold `wgad check FILE` does only what it needs: the plain command line without typer (entry.py's
fast path), printing and exiting as through typer, and no module another command needs.
The checked rules kept between runs, the other half of the cold start, are tests/reasoning/test_rules_cache.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REFERENCE, ROOT, wgad


def _loaded(*args: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules `wgad ARGS` loads, in a fresh interpreter."""
    code = (
        "import sys\n"
        "from detention_rules.interfaces.entry import main\n"
        f"sys.argv = ['wgad', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return set(out.stderr.split())


def test_plain_check_loads_no_cli_framework_and_nothing_another_command_needs() -> None:
    heavy = {"typer", "click", "multiprocessing", "starlette", "uvicorn", "jinja2", "docx", "ruamel", "pydantic"}
    heavy |= {"unicodedata"}  # escaping.py reads a character's category only beside a joiner in the text
    loaded = _loaded("check", str(REFERENCE))
    assert {m.split(".")[0] for m in loaded} & heavy == set()
    assert "detention_rules.interfaces.cli" not in loaded


def test_an_english_check_loads_no_citation_reader() -> None:
    """An English report shows the rules' citations as written: law/citation.py (its patterns and types) is
    not loaded (issue 33); a French one loads it to cite in its form."""
    assert "detention_rules.law.citation" not in _loaded("check", str(REFERENCE))
    assert "detention_rules.law.citation" in _loaded("check", "--lang", "fr", str(REFERENCE))


def test_a_plain_check_with_the_law_kept_reads_no_rule_file(tmp_path: Path) -> None:
    """The checked law comes whole from the rules cache (reasoning/rules_cache.py): the rule files' reader,
    the largest module of law/, is not even loaded (issue 27: the cold start no slower than before it)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    assert "detention_rules.law.rulebook" in _loaded("check", str(REFERENCE), env=env)  # nothing kept yet
    loaded = _loaded("check", str(REFERENCE), env=env)
    assert "detention_rules.law.rulebook" not in loaded
    assert "detention_rules.reasoning.derivation" in loaded  # the case was analysed all the same


def test_the_kept_laws_types_have_their_annotations_evaluated_at_import() -> None:
    """msgspec compiles every annotation kept as text when it first reads a type: the law's types, read from the
    rules cache at every cold start, are declared without `from __future__ import annotations` (issue 33), all
    but the forward reference to the condition types."""
    import msgspec

    from detention_rules.law import consequences, law, parameters, rule
    from detention_rules.reasoning import rules_cache

    as_text = {
        f"{cls.__name__}.{name}"
        for module in (consequences, law, parameters, rule, rules_cache)
        for cls in vars(module).values()
        if isinstance(cls, type) and issubclass(cls, msgspec.Struct) and cls.__module__ == module.__name__
        for name, hint in cls.__annotations__.items()
        if isinstance(hint, str)
    }
    assert as_text == {"AnyItem.where"}


def test_a_plain_validate_loads_no_law_and_no_use_of_a_case() -> None:
    """`wgad validate` reads files: nothing of the law, the reasoning or `application.py`'s uses of a case."""
    ours = {m for m in _loaded("validate", str(REFERENCE)) if m.startswith("detention_rules.")}
    assert {m.split(".")[1] for m in ours} & {"law", "reasoning", "application"} == set()
    assert {"detention_rules.input.validate", "detention_rules.output.batch"} <= ours


def test_a_plain_check_compiles_no_pattern_only_markdown_needs() -> None:
    """escaping.py's Markdown patterns are compiled when Markdown is written, not on every cold check (0.3 ms)."""
    code = (
        "import re, sys\n"
        "compiled, _compile = [], re.compile\n"
        "re.compile = lambda p, *a, **k: (compiled.append(p), _compile(p, *a, **k))[1]\n"
        "from detention_rules import escaping\n"
        "from detention_rules.interfaces.entry import main\n"
        f"sys.argv = ['wgad', 'check', {str(REFERENCE)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "markdown = [escaping._MARKDOWN, escaping._MARKDOWN_START, escaping._LINE_BREAK]\n"
        "print(sum(getattr(p, 'pattern', p) in compiled for p in markdown), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stderr.split()[-1] == "0"
    assert "Category" in out.stdout


@pytest.mark.parametrize(
    ("plain", "through_typer"),
    [
        (["check", str(REFERENCE)], ["check", "--why-not", str(REFERENCE)]),  # the default for one file
        (["check", "cases"], ["check", "--no-why-not", "cases"]),  # and for several
        (["check", "tests/bad/bad-date.yaml"], ["check", "-f", "text", "tests/bad/bad-date.yaml"]),
        (["check", "no-such.yaml"], ["check", "-j", "0", "no-such.yaml"]),
    ],
)
def test_plain_check_prints_and_exits_as_through_typer(plain: list[str], through_typer: list[str]) -> None:
    fast, full = wgad(*plain), wgad(*through_typer)
    assert (fast.stdout, fast.stderr, fast.returncode) == (full.stdout, full.stderr, full.returncode)


def test_a_command_through_typer_loads_no_pydantic() -> None:
    """Why typer stays below 0.27 (pyproject.toml): 0.29 converts every parameter through pydantic,
    140-170 ms of every command that is not the plain form. This fails on the first typer that does."""
    loaded = _loaded("check", "-f", "json", str(REFERENCE))
    assert "typer" in loaded
    assert "pydantic" not in {m.split(".")[0] for m in loaded}  # pydantic_core validates cases: not it


def test_options_and_help_still_go_through_typer() -> None:
    assert "--format" in wgad("check", "--help").stdout
    bad = wgad("check", "--no-such-option", str(REFERENCE))
    assert bad.returncode == 2 and "No such option" in bad.stderr


def test_serve_reads_the_derived_facts_sentences_only_when_a_fact_is_told() -> None:
    """`wgad serve` imports the page's modules before it listens: told.py reads no sentence of a derived fact
    (`told_derived:`) until the page first tells one."""
    code = (
        "import sys\n"
        "from detention_rules import words\n"
        "asked, _of = [], words.of\n"
        "words.of = lambda stage, section: (asked.append(section), _of(stage, section))[1]\n"
        "import detention_rules.interfaces.web.told\n"
        "print(' '.join(asked), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert "told" in out.stderr.split()  # the module was imported, its sentences read through words.of
    assert "told_derived" not in out.stderr.split()
