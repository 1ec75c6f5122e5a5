"""The command line around the commands: --version, shell completion, and help screens that read plainly."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest

from detention_rules import __version__

from ..conftest import REFERENCE, ROOT, wgad

COMMANDS = ["check", "validate", "evaluate", "gaps", "draft", "rules", "schema", "new"]


def test_version_is_the_package_version() -> None:
    out = wgad("--version")
    assert out.returncode == 0 and out.stdout == f"wgad (detention-rules) {__version__}\n"
    try:
        installed = metadata.version("detention-rules")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        pytest.skip("detention-rules is not installed")
    assert installed == __version__  # pyproject.toml reads the version from the package


def _orphaned(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    """`wgad ARGS` run with no shell among its parent processes: started by a process that exits at once, so
    that it is left to the system's first process (as under `setsid -f`, or in a container)."""
    out, err, code = tmp_path / "out", tmp_path / "err", tmp_path / "code"
    code.unlink(missing_ok=True)
    script = (
        "import os, subprocess, sys\n"
        "if os.fork():\n    os._exit(0)\n"
        "os.setsid()\n"
        "with open(sys.argv[1], 'w') as o, open(sys.argv[2], 'w') as e:\n"
        "    rc = subprocess.call([sys.executable, '-m', 'detention_rules', *sys.argv[4:]], stdout=o, stderr=e)\n"
        "open(sys.argv[3] + '.tmp', 'w').write(str(rc)); os.rename(sys.argv[3] + '.tmp', sys.argv[3])\n"
    )
    subprocess.run([sys.executable, "-c", script, str(out), str(err), str(code), *args], cwd=ROOT, check=True)
    deadline = time.monotonic() + 120
    while not code.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return int(code.read_text()), out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8")


def test_shell_completion_is_offered(tmp_path: Path) -> None:
    # no shell among the parent processes: typer's own option ignored the shell named and failed
    # ("Shell  not supported"); the shell named is the one whose script is printed
    for shell, marker in (("bash", "_wgad_completion"), ("zsh", "compdef"), ("fish", "complete --command wgad")):
        code, out, err = _orphaned(tmp_path, "--show-completion", shell)
        assert code == 0 and marker in out, (shell, err)
    no_shell = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    refused = wgad("--show-completion", "tcsh")
    assert refused.returncode == 2 and "bash, zsh" in refused.stderr and "Traceback" not in refused.stderr
    assert "--install-completion" in wgad("--help").stdout
    # and the script's question is answered: the commands that start with what was typed
    asked = {**no_shell, "_WGAD_COMPLETE": "complete_bash", "COMP_WORDS": "wgad ch", "COMP_CWORD": "1"}
    answered = wgad(env=asked)
    assert answered.returncode == 0 and answered.stdout.split() == ["check"], answered.stderr


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_shows_metavars_not_python_types(command: str | None) -> None:
    out = wgad(*([command] if command else []), "--help")
    assert out.returncode == 0
    assert not re.findall(r"<[a-z]\w*(?:\[[^\]]*\])?(?: range)?>", out.stdout), out.stdout  # <bool>, <list[Path]>
    assert "…" not in out.stdout, out.stdout  # nothing cut short
    if command in ("check", "validate", "evaluate"):
        assert "FILE_OR_DIR" in out.stdout and "Case files or folders" in out.stdout
    if command in ("gaps", "draft", "new"):
        assert "FILE" in out.stdout and "case file" in out.stdout


def test_set_shows_its_metavar_and_its_example_in_full() -> None:
    text = wgad("check", "--help").stdout
    assert "PATH=VALUE" in text and "trial.public=false" in text


@pytest.mark.parametrize("command", [["draft", "-o", "{out}", str(REFERENCE)], ["new", "{out}"]])
@pytest.mark.parametrize("there", ["file", "dangling link"])
def test_a_file_a_command_writes_never_replaces_what_is_there(tmp_path: Path, command: list[str], there: str) -> None:
    """`wgad draft -o` and `wgad new` write their file one way (`cli._write_new`): whatever is already at the
    name, a dangling link included, is a usage error and stays as it was."""
    out, elsewhere = tmp_path / "out.md", tmp_path / "elsewhere.md"
    if there == "file":
        out.write_text("the user's own\n", encoding="utf-8")
    else:
        out.symlink_to(elsewhere)
    result = wgad(*(a.format(out=out) for a in command))
    assert result.returncode == 2 and "already exists" in result.stderr and "Traceback" not in result.stderr
    assert not elsewhere.exists()
    assert out.is_symlink() if there != "file" else out.read_text(encoding="utf-8") == "the user's own\n"


def test_the_command_line_writes_a_file_in_one_place() -> None:
    """The draft's and the skeleton's writes were two copies of the same refusals and error handling."""
    tree = ast.parse((ROOT / "detention_rules" / "interfaces" / "cli.py").read_text(encoding="utf-8"))
    writes = [
        n.lineno
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "atomic"
    ]
    assert len(writes) == 1, writes
