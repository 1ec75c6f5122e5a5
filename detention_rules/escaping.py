"""The one way text from a case or rule file is made safe to show: every renderer prints through here.

Text from a file (a title, a key, a value, a file name) must never start a forged
line, send an escape sequence to the terminal, or display as something else. So
every character that is not shown as itself is written as an escape:

* control characters, C0 and C1 (ESC, the OSC and CSI introducers, newline, NEL);
* format characters (Unicode category Cf): the bidirectional overrides and
  isolates, which reorder what a line shows ("Categories established" can be made
  to appear), and the invisible ones (zero-width space and joiners, soft hyphen,
  word joiner, byte-order mark, tag characters);
* the line and paragraph separators (U+2028, U+2029), which some readers take as
  line breaks;
* lone surrogates, which a file name that is not UTF-8 arrives as and which no
  terminal can show.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

#: The characters above: Cc, Cf (as of Unicode 15.1), Zl, Zp, Cs. A test checks this against unicodedata.
_HIDDEN = (
    "\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    char = m.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@functools.cache
def _unsafe(in_json: bool = False) -> re.Pattern[str]:
    """The characters above as a pattern, compiled on first need (1-2 ms each, most runs never need one).

    In JSON text, `json` already escapes C0, quotes and backslashes; these are left.
    """
    return re.compile(f"[{_HIDDEN.removeprefix(chr(0) + '-' + chr(0x1F)) if in_json else _HIDDEN}]")


def printable(line: str) -> str:
    """One line of output with every character that is not shown as itself escaped (a newline as \\n)."""
    if line.isprintable():  # no Cc, Cf, Zl, Zp or Cs character (nor any other but the space): nothing to escape
        return line
    return _unsafe().sub(_escape, line)


def _json_escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(data: Any, indent: int | None = None) -> str:
    """JSON with non-ASCII text as itself, but those characters escaped: a reader that splits lines at
    U+2028 or NEL, or a terminal shown the JSON, sees nothing hidden. Decoding gives the same data."""
    return _unsafe(in_json=True).sub(_json_escape, json.dumps(data, indent=indent, ensure_ascii=False))
