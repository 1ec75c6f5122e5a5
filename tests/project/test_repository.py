"""The repository itself: no machine's paths in it, and CI's oldest environment pins the bounds pyproject claims."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from ..conftest import ROOT

#: An absolute path into one of the usual top folders of a machine (work, root, home, Users, tmp ...); not a URL.
_MACHINE_PATH = re.compile(r"(?<![\w.:/~-])/(?:work|root|home|Users|tmp|opt|mnt|srv)/")


def _tracked_files() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [name for name in out.stdout.decode().split("\0") if name]


def test_no_file_names_a_path_on_some_machine() -> None:
    found = []
    for name in _tracked_files():
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        found += [f"{name}:{text.count(chr(10), 0, m.start()) + 1}" for m in _MACHINE_PATH.finditer(text)]
    assert not found


def test_the_oldest_environment_pins_every_lower_bound() -> None:
    """.ci/oldest.txt holds exactly the lower bound of each direct dependency, so CI tests what pyproject claims."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    claimed = {}
    for text in project["dependencies"] + project["optional-dependencies"]["test"]:
        req = Requirement(text)
        lows = [s.version for s in req.specifier if s.operator in (">=", "==")]
        assert len(lows) == 1, f"{text}: give one lower bound (>=) or one version (==)"
        claimed[canonicalize_name(req.name)] = Version(lows[0])
    pinned = {}
    for line in (ROOT / ".ci" / "oldest.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pinned[canonicalize_name(name.strip())] = Version(version.strip())
    assert pinned == claimed
