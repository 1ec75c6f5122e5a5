"""The command line around the commands: --version, shell completion, and help screens that read plainly."""

from __future__ import annotations

import re
from importlib import metadata

import pytest

from detention_rules import __version__

from ..conftest import wgad

COMMANDS = ["check", "validate", "evaluate", "gaps", "draft", "rules", "schema", "new"]


def test_version_is_the_package_version() -> None:
    out = wgad("--version")
    assert out.returncode == 0 and out.stdout == f"wgad (detention-rules) {__version__}\n"
    try:
        installed = metadata.version("detention-rules")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        pytest.skip("detention-rules is not installed")
    assert installed == __version__  # pyproject.toml reads the version from the package


def test_shell_completion_is_offered() -> None:
    out = wgad("--show-completion", "bash")
    assert out.returncode == 0 and "_wgad_completion" in out.stdout
    assert "--install-completion" in wgad("--help").stdout


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
