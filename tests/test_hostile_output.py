"""Hostile input, round three (issue 26), the output side: what a case or rule file makes the outputs do.

Word's property limits, the joiners a script needs, Markdown that must stay text, the
interview's answers, and a rules folder past what durable-rules takes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from detention_rules.reasoning import engine, runnable

from .conftest import REFERENCE, ROOT

RULE = (
    "  - id: III.extra-{i}\n    title: x\n    when: {when}\n    then: {{violation: hearing-not-public}}\n"
    "    basis: settled\n    provisions: [ICCPR 9(1)]\n    jurisprudence: [y]\n    law: z\n    explain: x\n"
)


def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The CLI in a fresh interpreter; durable-rules hanging fails the test within `timeout`."""
    return subprocess.run(
        [sys.executable, "-m", "detention_rules", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=timeout,
    )


# --- a rules folder past durable-rules' size ------------------------------------------------


def _extra_rules(tmp_path: Path, whens: list[str]) -> Path:
    """The shipped rules and one more file of rules, each concluding a violation the shipped rules use."""
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    text = "".join(RULE.format(i=i, when=when) for i, when in enumerate(whens))
    (folder / "extra.yaml").write_text("category: III\nrules:\n" + text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("whens", "line"),
    [
        # each small, together more durable rules than one ruleset takes: exit 3 before
        ([f"{{fact: person.age, is: {i}}}" for i in range(400)], 0),
        # one long `in` list: durable-rules' create_ruleset never returned
        (["{fact: person.age, in: [" + ", ".join(map(str, range(450))) + "]}"], 3),
        # two shorter ones, the second passes the limit
        (["{fact: person.age, in: [" + ", ".join(map(str, range(j, j + 230))) + "]}" for j in (0, 1000)], 12),
    ],
    ids=["many-rules", "long-in", "two-lists"],
)
def test_a_rules_folder_past_durable_rules_size_is_a_problem_at_the_rule(
    tmp_path: Path, whens: list[str], line: int
) -> None:
    folder = _extra_rules(tmp_path, whens)
    if not line:  # the rule at which the shipped rules' durable rules and one each pass the limit
        line = 3 + 9 * (engine.MAX_DURABLE_RULES - engine.Compiled.of(runnable.load().rules).size)
    for args in (["check"], ["draft", "-f", "html"]):
        out = _run(*args, "--rules", str(folder), str(REFERENCE))
        said = out.stdout + out.stderr  # draft says it on standard error
        assert out.returncode == 1, said
        assert f"extra.yaml:{line}:5: error: with rule III.extra-" in said and "[rules-too-many]" in said, said
        assert "Traceback" not in said
    checked = _run("rules", "--check", "--rules", str(folder))
    assert checked.returncode == 1 and f"extra.yaml:{line}:5:" in checked.stdout
