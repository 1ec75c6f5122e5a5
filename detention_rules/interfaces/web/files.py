"""The served folder: only its case files can be read or written, with the CLI's limits.

A name from the browser is a path relative to the folder. It is refused when it is
absolute, climbs out (`..`), hides (a part starting with `.`), is not a `.yaml` /
`.yml` file, or leads, through any link, outside the folder. Saving goes through
`input.edit` (only the values that changed are rewritten: line endings, a byte-order
mark, comments and blank lines stay byte for byte) and `output.atomic` (whole or not at
all, the file's mode kept); replacing a file keeps the old one beside it as `NAME.bak`,
a byte copy. A save that changes no value writes nothing. A file changed since the page
opened it (another tab, an editor) is not overwritten: the page says which version it
opened (`Opened.version`) and the save is refused (`Changed`) when that is no longer the
file's.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath
from typing import Any

import msgspec

from detention_rules import pipeline, words
from detention_rules.errors import InputError, Problem, UsageError
from detention_rules.input import edit, source
from detention_rules.input.validate import validate
from detention_rules.output import atomic

BACKUP_SUFFIX = ".bak"
BOM = "\ufeff"
#: Longest file name accepted from the browser.
MAX_NAME = 255


class Refused(UsageError):
    """A name the browser may not use."""


class Exists(UsageError):
    """Saving would replace a file: the drafter must say so."""


class Changed(UsageError):
    """The file changed since the page opened it: saving would undo what was written meanwhile."""


class Opened(msgspec.Struct, frozen=True):
    """A case file as read: its text (without a byte-order mark), data and version (a hash of the text)."""

    text: str
    data: dict[str, Any]
    version: str


class Saved(msgspec.Struct, frozen=True):
    """What a save did: whether anything was written, and the file's version now."""

    written: bool
    version: str


def _version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


#: What a refusal says (locales/<lang>/web.yaml, `server:`).
SAYS = words.of("web", "server")


class Invalid(UsageError):
    """The case would not pass `wgad validate`: nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(SAYS["invalid"])
        self.problems = problems


class Folder:
    """The folder served."""

    def __init__(self, root: Path):
        self.root = Path(os.path.realpath(root))
        self._last: tuple[tuple[str, int, int, int], Opened] | None = None

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
            raise Refused(SAYS["bad_name"])
        rel = PurePosixPath(name)
        if rel.is_absolute() or any(part in ("..", ".") or part.startswith(".") for part in rel.parts):
            raise Refused(SAYS["outside"].format(file=name))
        if not name.endswith(pipeline.CASE_SUFFIXES):
            raise Refused(SAYS["suffix"].format(file=name))
        path = self.root.joinpath(*rel.parts)
        real = os.path.realpath(path)
        if not real.startswith(str(self.root).rstrip(os.sep) + os.sep):
            raise Refused(SAYS["leads_outside"].format(file=name))
        return path

    def read(self, name: str) -> Opened:
        """The file's text, data and version; a file that does not parse raises InputError with its line.

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
            return self._last[1]
        text = source.read_text(path)
        data = source.parse(text, name).data
        opened = Opened(text, data if isinstance(data, dict) else {}, _version(text))
        if key is not None:
            self._last = (key, opened)
        return opened

    def save(self, name: str, data: dict[str, Any], *, replace: bool, version: str | None = None) -> Saved:
        """Write `data` to the file, changing only the values that differ from what it says.

        Refuses (Exists) to replace a file unless `replace`; a replaced file is kept as NAME.bak.
        Refuses (Changed) when `version` (of the file as the page opened it) is no longer the file's.
        Refuses (Invalid) a case `wgad validate` would not accept. Writes nothing when nothing changed.
        """
        path = self.path(name)
        exists = path.exists() or path.is_symlink()
        old = source.read_text(path) if exists else ""
        if exists and version is not None and version != _version(old):
            raise Changed(SAYS["changed"].format(file=name))
        if exists and _unchanged(old, data, name):
            return Saved(False, _version(old))  # nothing to replace: no question, no .bak
        if exists and not replace:
            raise Exists(SAYS["exists"].format(file=name))
        try:
            text = edit.rewrite(old, data, name) if exists else _new_text(data, name)
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
                with path.open("rb") as fh:
                    bom = fh.read(3) == BOM.encode("utf-8")
                atomic.backup(path, path.with_name(path.name + BACKUP_SUFFIX))
                atomic.write_text(path, BOM + text if bom else text, replace=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic.write_text(path, text, replace=False)
        except FileExistsError:
            raise Exists(SAYS["exists"].format(file=name)) from None
        except OSError as exc:
            raise UsageError(SAYS["cannot_write"].format(file=name, error=exc.strerror or exc)) from None
        return Saved(True, _version(text))


def _unchanged(old: str, data: dict[str, Any], name: str) -> bool:
    """Whether the file already says `data`, value for value (a file that does not read says nothing)."""
    try:
        said = source.parse(old, name).data
    except InputError:
        return False
    return edit.identical(said, data)


def _new_text(data: dict[str, Any], name: str) -> str:
    """A new file's text, written by the round trip from nothing."""
    tree = edit.load("", name)
    edit.merge(tree, data)
    return edit.dump(tree, name)
