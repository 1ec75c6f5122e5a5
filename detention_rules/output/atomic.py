"""Write a file whole or not at all: every file the tool writes (drafts, answers, skeletons) goes through here.

The text goes to a temporary file in the same folder, is flushed to disk, and only
then takes the file's name. A full disk, a signal or a crash leaves the old file as
it was (or no file), never a truncated one, and never an empty file that the next
run would refuse as existing.

Permissions follow the files the user has: a replaced file keeps its mode (a private
0600 case file stays private); a new file gets the umask's default, but never more
open than the case file it derives from (`source`: a draft, an answers file), so a
private case's derived files are private too; a backup copies the original's mode.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

#: Owner may read and write: a derived file stays the user's to edit, whatever its source allows.
_OWNER_RW = stat.S_IRUSR | stat.S_IWUSR


def write_text(path: Path, text: str, *, replace: bool, source: Path | None = None) -> None:
    """Write `text` to `path` (UTF-8), as `write_bytes` does."""
    write_bytes(path, text.encode("utf-8"), replace=replace, source=source)


def write_bytes(path: Path, content: bytes, *, replace: bool, source: Path | None = None) -> None:
    """Write `content` to `path`. Without `replace`, refuse anything already at `path`, a
    dangling link included (FileExistsError); with it, replace the file or the link itself, never
    writing through a link. Raises OSError when it cannot write, having changed nothing.
    The mode: the replaced file's, else the default narrowed to `source`'s (see the module)."""
    _write(path, content, replace=replace, mode=_mode(path, source) if replace else _new_mode(source))


def backup(original: Path, copy: Path) -> None:
    """Copy `original` to `copy` byte for byte, with the original's mode, replacing `copy`."""
    content = original.read_bytes()
    _write(copy, content, replace=True, mode=stat.S_IMODE(original.stat().st_mode))


def _mode(path: Path, source: Path | None) -> int:
    """The mode of the file being replaced (not of a link's target), or a new file's."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return _new_mode(source)
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else _new_mode(source)


def _new_mode(source: Path | None) -> int:
    mode = 0o666 & ~_umask()  # as `open` would have made it; mkstemp makes 0600
    if source is not None:
        with contextlib.suppress(OSError):
            mode &= stat.S_IMODE(source.stat().st_mode) | _OWNER_RW
    return mode


def _write(path: Path, content: bytes, *, replace: bool, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if replace:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _link_new(tmp: str, path: Path) -> None:
    """Give `tmp` the name `path` only if nothing has it: a hard link never replaces."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:  # a file system without hard links: check, then rename
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.rename(tmp, path)
        return
    os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
