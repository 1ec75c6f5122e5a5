"""The checked law and its compiled rules, kept between runs in the user's cache folder: reading,
checking and compiling 75 rules from YAML costs more than a cold `wgad check` of one case should.

Only a law is kept (the project's, or a `--rules` folder of the user's own): its rules,
parameters and consequences, all read without an error (so a kept law needs none of its
files read again: `parameters.yaml` and `outcomes.yaml` are part of the key); never
anything of a case. An entry is trusted only when it is whole and its key matches: its
header's length and CRC-32 agree with the bytes after it (a flipped bit or a cut-off
entry would otherwise decode into other rules, or into rules the engine then fails on),
and the key is the rule folder, the bytes of every YAML file in it, the package's version
and its modules' sizes and times (so an edited checkout is never served a stale
rulebook). Anything wrong with an entry (missing, corrupt, another key, not the user's
own, not a regular file) means reading the rules afresh and writing the entry anew, and
a failure to write one is silent: the cache makes a run faster, never different.
One entry per rule folder, replaced whole (`os.replace`) when the key changes.

A CRC, not a cryptographic hash: it guards against accidents (a bad disk, a file cut
short), not against someone who can write the user's own files, who is refused nothing
by any hash; `binascii` is loaded anyway, where `hashlib` would add 2-6 ms to every
cold start for OpenSSL. Only regular files are read, here and among the rule files
that make the key: a FIFO or a device is opened without blocking and refused.

An entry is data, not code: msgpack read into the rule types by msgspec, which builds
nothing but those (a pickle could be made to run anything). Rules that would not read
back equal are not kept. msgspec builds its decoder from the types' annotations, compiling each
one kept as text: this module and law/'s `law`, `rule`, `parameters` and `consequences` leave out
`from __future__ import annotations` (evaluated at import instead, all but the condition types'
forward references), which saves some 3.9M instructions (0.7%) of every cold `wgad check`.
"""

import binascii
import contextlib
import os
import stat
import sys
from pathlib import Path

import msgspec

import detention_rules
from detention_rules import words
from detention_rules.law.law import Law
from detention_rules.reasoning.engine import Compiled


class _Entry(msgspec.Struct, array_like=True):
    key: bytes
    law: Law
    compiled: Compiled | None


#: The package's folders whose modules decide what a checked rule is (the entry's key covers them).
_CODE = ("", "input", "law", "reasoning")
#: The bytes of an entry's header (`_header`): the payload's length, then its CRC-32.
_LENGTH, _CRC = 8, 4


def folder() -> Path:
    """Where entries go: `$XDG_CACHE_HOME/detention-rules`, or the platform's usual cache folder."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        base = Path(xdg)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path.home() / ".cache"
    return base / "detention-rules"


def key(directory: Path) -> bytes:
    """What an entry for `directory` must match: the folder, its YAML files' bytes, the code that reads them.

    Kept whole, not hashed: comparing a hundred kilobytes costs less than loading a hash function.
    """
    parts = [detention_rules.__version__, sys.implementation.cache_tag or "", str(directory)]
    package = Path(detention_rules.__file__).parent
    for sub in _CODE:
        with os.scandir(package / sub) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name.endswith((".py", ".json")):
                    info = entry.stat()
                    parts.append(f"{sub}/{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    material = [part.encode() for part in parts]
    for path in sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml")):
        data = _read_regular(path)
        material += [f"{path.name}:{len(data)}".encode(), data]
    return b"\0".join(material)


def _read_regular(path: Path, owned: bool = False) -> bytes:
    """The bytes of a regular file; OSError for anything else, which opening would block on or never end.

    `owned`: also refused unless it is the user's own and not writable by others (a cache entry).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(words.of("messages", "reading")["path_not_regular"].format(path=path))
        if owned and hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            raise OSError(words.of("messages", "reading")["not_owned"].format(path=path))
        return file.read()


def _header(payload: bytes) -> bytes:
    """What an entry holds before its payload: the payload's length, then its CRC-32, each big-endian."""
    return len(payload).to_bytes(_LENGTH, "big") + binascii.crc32(payload).to_bytes(_CRC, "big")


def _unsealed(data: bytes) -> bytes | None:
    """The payload of an entry, or None when its header says it is not what was written."""
    payload = data[_LENGTH + _CRC :]
    return payload if data[: _LENGTH + _CRC] == _header(payload) else None


def _entry(directory: Path) -> Path:
    """One entry per rule folder; two folders sharing a name only take turns (the key tells them apart)."""
    return folder() / f"rules-{binascii.crc32(str(directory).encode()):08x}.msgpack"


def load(directory: Path) -> tuple[Law, Compiled | None] | None:
    """The law kept for `directory` and its rules' compiled form, or None when there is no entry to trust."""
    try:
        expected = key(directory)
        payload = _unsealed(_read_regular(_entry(directory), owned=True))
        if payload is None:
            return None
        entry = msgspec.msgpack.decode(payload, type=_Entry)
    except Exception:  # missing, not trusted, unreadable, of types that changed: read the rules instead
        return None
    return (entry.law, entry.compiled) if entry.key == expected else None


def save(directory: Path, law: Law, compiled: Compiled | None) -> None:
    """Keep a law read without an error (and its rules' compiled form, None if the engine refuses them)
    for the next run; silently nothing when the cache folder cannot be written."""
    import tempfile  # here: with its imports, a tenth of a cold check's own time, and only a miss writes

    temp = None
    try:
        entry = _Entry(key(directory), law, compiled)
        data = msgspec.msgpack.encode(entry)
        if msgspec.msgpack.decode(data, type=_Entry) != entry:  # a value msgpack would change (a date)
            return
        target = _entry(directory)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".rules-", suffix=".tmp")
        with os.fdopen(fd, "wb") as file:
            file.write(_header(data) + data)
        os.replace(temp, target)
        temp = None
    except Exception:  # the cache only saves time: a full disk or a read-only home changes nothing
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
