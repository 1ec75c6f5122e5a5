"""The served folder: only its case files can be read or written, with the CLI's limits.

A name from the browser is a path relative to the folder. It is refused when it is
absolute, climbs out (`..`), hides (a part starting with `.`), is not a `.yaml` /
`.yml` file, or leads, through any link, outside the folder. Saving goes through
`input.edit` (the file's comments and order are kept) and `output.atomic` (whole or
not at all); replacing a file keeps the old one beside it as `NAME.bak`.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Any

from detention_rules import pipeline
from detention_rules.errors import InputError, Problem, UsageError
from detention_rules.input import edit, source
from detention_rules.input.validate import validate
from detention_rules.output import atomic

BACKUP_SUFFIX = ".bak"
#: Longest file name accepted from the browser.
MAX_NAME = 255


class Refused(UsageError):
    """A name the browser may not use."""


class Exists(UsageError):
    """Saving would replace a file: the drafter must say so."""


class Invalid(UsageError):
    """The case would not pass `wgad validate`: nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__("the case has errors; nothing was written")
        self.problems = problems


class Folder:
    """The folder served."""

    def __init__(self, root: Path):
        self.root = Path(os.path.realpath(root))
        self._last: tuple[tuple[str, int, int, int], str, dict[str, Any]] | None = None

    def names(self) -> list[str]:
        """The case files in the folder, as names relative to it."""
        out = []
        for path in pipeline.case_files([self.root]):
            rel = path.relative_to(self.root).as_posix()
            if not any(part.startswith(".") for part in PurePosixPath(rel).parts):
                out.append(rel)
        return out

    def path(self, name: Any) -> Path:
        """The file a name from the browser stands for, or Refused."""
        if not isinstance(name, str) or not name or len(name) > MAX_NAME or "\x00" in name or "\\" in name:
            raise Refused("not a file name this folder can have")
        rel = PurePosixPath(name)
        if rel.is_absolute() or any(part in ("..", ".") or part.startswith(".") for part in rel.parts):
            raise Refused(f"{name}: only files inside the served folder can be opened or saved")
        if not name.endswith(pipeline.CASE_SUFFIXES):
            raise Refused(f"{name}: a case file's name ends in .yaml or .yml")
        path = self.root.joinpath(*rel.parts)
        real = os.path.realpath(path)
        if not real.startswith(str(self.root).rstrip(os.sep) + os.sep):
            raise Refused(f"{name}: leads outside the served folder")
        return path

    def read(self, name: str) -> tuple[str, dict[str, Any]]:
        """The file's text and data; a file that does not parse raises InputError with its line.

        The last file read is kept while its size and time of change stay the same: the page asks for
        the file it was opened from with every change of a fact. Callers must not change the data.
        """
        path = self.path(name)
        try:
            info = path.stat()
            key = (str(path), info.st_size, info.st_mtime_ns, info.st_ino)
        except OSError:
            key = None
        if key is not None and self._last is not None and self._last[0] == key:
            return self._last[1], self._last[2]
        text = source.read_text(path)
        data = source.parse(text, name).data
        data = data if isinstance(data, dict) else {}
        if key is not None:
            self._last = (key, text, data)
        return text, data

    def save(self, name: str, data: dict[str, Any], *, replace: bool) -> str:
        """Write `data` to the file, keeping its comments and order; the text written is returned.

        Refuses (Exists) to replace a file unless `replace`; a replaced file is kept as NAME.bak.
        Refuses (Invalid) a case `wgad validate` would not accept.
        """
        path = self.path(name)
        exists = path.exists() or path.is_symlink()
        if exists and not replace:
            raise Exists(f"{name} already exists")
        old = source.read_text(path) if exists else ""
        try:
            tree = edit.load(old, name)
            edit.merge(tree, data)
            text = edit.dump(tree, name)
        except edit.EditError as exc:
            raise UsageError(str(exc)) from None
        try:
            doc = source.parse(text, name)
        except InputError as exc:
            raise Invalid(exc.problems) from None
        _, problems = validate(doc)
        if any(p.level == "error" for p in problems):
            raise Invalid(problems)
        try:
            if exists:
                atomic.write_text(path.with_name(path.name + BACKUP_SUFFIX), old, replace=True)
                atomic.write_text(path, text, replace=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic.write_text(path, text, replace=False)
        except FileExistsError:
            raise Exists(f"{name} already exists") from None
        except OSError as exc:
            raise UsageError(f"{name}: cannot write: {exc.strerror or exc}; nothing was written") from None
        return text
