"""Write a file whole or not at all: every file the tool writes (drafts, answers, skeletons) goes through here.

The text goes to a temporary file in the same folder, is flushed to disk, and only
then takes the file's name. A full disk, a signal or a crash leaves the old file as
it was (or no file), never a truncated one, and never an empty file that the next
run would refuse as existing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def write_text(path: Path, text: str, *, replace: bool) -> None:
    """Write `text` to `path` (UTF-8), as `write_bytes` does."""
    write_bytes(path, text.encode("utf-8"), replace=replace)


def write_bytes(path: Path, content: bytes, *, replace: bool) -> None:
    """Write `content` to `path`. Without `replace`, refuse anything already at `path`, a
    dangling link included (FileExistsError); with it, replace the file or the link itself, never
    writing through a link. Raises OSError when it cannot write, having changed nothing."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # as `open` would have made it; mkstemp makes 0600
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
