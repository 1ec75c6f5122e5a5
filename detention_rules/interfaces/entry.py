"""The `wgad` entry point: `wgad validate|check FILE...` without typer, any other command line through it.

Loading typer and building the command line costs more than validating a file, so the
plainest forms, run by editors and pre-commit hooks, `wgad validate` and `wgad check`
with paths and no option, run here directly; any other command line (an option,
`--help`, shell completion) goes to the typer app (`cli.py`), which runs the same
`validate_paths` and `check_paths` (`stream.py`), in the same `guarded` frame.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from detention_rules import words
from detention_rules.interfaces.stream import check_paths, guarded, validate_paths


def main() -> None:
    """`wgad`: the plain linter form here, everything else through the typer app."""
    gc.disable()  # until the files' work starts (`batch.settled`): what starting up builds lives to the end
    args = sys.argv[1:]
    words.use(words.from_arguments(args) or words.from_environment())  # before any word is read: the help's too
    plain = len(args) > 1 and not any(a.startswith("-") for a in args[1:]) and _COMPLETION not in os.environ
    if plain and args[0] == "validate":
        guarded(lambda: sys.exit(validate_paths([Path(a) for a in args[1:]])))
    if plain and args[0] == "check":
        guarded(lambda: sys.exit(check_paths([Path(a) for a in args[1:]])))
    gc.enable()
    from detention_rules.interfaces.cli import main as full

    full()


#: Set by a shell asking typer to complete a command line: that goes to the typer app.
_COMPLETION = "_WGAD_COMPLETE"
