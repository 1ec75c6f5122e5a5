"""The one way text from a case or rule file is made safe to show: every renderer prints through here.

Text from a file (a title, a key, a value, a file name) must never start a forged
line, send an escape sequence to the terminal, or display as something else. So
every character that is not shown as itself is written as an escape:

* control characters, C0 and C1 (ESC, the OSC and CSI introducers, newline, NEL);
* format characters (Unicode category Cf): the bidirectional overrides, isolates
  and marks, which reorder what a line shows ("Categories established" can be made
  to appear), and the invisible ones (zero-width space, soft hyphen, word joiner,
  byte-order mark, tag characters);
* the line and paragraph separators (U+2028, U+2029), which some readers take as
  line breaks;
* lone surrogates, which a file name that is not UTF-8 arrives as and which no
  terminal can show;
* noncharacters (U+FFFE, U+FDD0...), which XML, and so a Word document, refuses.

But the zero-width non-joiner and joiner (U+200C, U+200D) are part of how a name is
spelled in Persian (می‌خواهم), in the Indic scripts (क्‍ष) and in emoji sequences: between
two characters they can join (letters, marks, digits, symbols) they are kept as they are;
anywhere else (at the edge of a word, beside a space or a control) they are escaped.
They reorder nothing and start no line. Combining marks and variation selectors are
shown as themselves anyway (category M).
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import msgspec

#: The characters above: Cc, Cf (as of Unicode 15.1), Zl, Zp, Cs and the noncharacters. A test checks
#: this against unicodedata.
_HIDDEN = (
    "\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufdd0-\ufdef\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0x110000, 0x10000))
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: The zero-width non-joiner and joiner, kept between two characters of these categories (L, M, N, S).
JOINERS = "\u200c\u200d"
_JOINABLE = "LMNS"


def _joins(text: str, at: int, in_json: bool = False) -> bool:
    """Whether the joiner at `at` stands between two characters it can join (in JSON text, not after an escape)."""
    if not 0 < at < len(text) - 1:
        return False
    import unicodedata  # here: only text with a joiner in it needs it, not every cold start (0.15 ms)

    before, after = text[at - 1], text[at + 1]
    if unicodedata.category(before)[0] not in _JOINABLE or unicodedata.category(after)[0] not in _JOINABLE:
        return False
    return not (in_json and _JSON_ESCAPE_END.search(text, max(0, at - 6), at))


#: The end of an escape `json` wrote (`\\n`, `\\u001b`): its last letter is no letter of the text.
_JSON_ESCAPE_END = re.compile(r"(?:\\[bfnrt]|\\u[0-9a-f]{4})\Z")


def _escape(m: re.Match[str]) -> str:
    char = m.group()
    code = ord(char)
    if char in JOINERS and _joins(m.string, m.start()):
        return char
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
    char = m.group()
    if char in JOINERS and _joins(m.string, m.start(), in_json=True):
        return char
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


#: A float msgspec writes otherwise than `json`: one below 1e-4 or from 1e16, which `json` (as `repr`) writes with
#: an exponent (`1e-05`, `1e+16`) and msgspec as `0.00001` (`_SMALL`) or `1e16` (an `e` after a digit, before a
#: digit or a minus). Each looked for in msgspec's bytes apart, and the `e` first: a pattern that starts with
#: a literal is searched for it, several times faster (`[0-9]e` took as long as the encoding). Text that merely
#: looks so (`2e3` in a name) goes to `json` too. Both are looked for only in a result that may hold a float
#: (`_may_hold_float`): most hold none, and the search of every `e` of their text cost more than the encoding.
_EXPONENT = re.compile(rb"e(?<=[0-9]e)-?[0-9]")
_SMALL = b"0.0000"
#: The byte with which msgpack starts a float64, which msgspec writes every float as.
_FLOAT64 = b"\xcb"


def _plain(value: Any) -> int | str:
    """A subclass of int or str as `json` writes it, as the int or str it is (`fields.Bounded`: its lower bound;
    `fields.NotApplicable`: its code, not its words); anything else msgspec does not write is left to `json`."""
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, str):
        return str.__str__(value)
    raise TypeError


_ENCODER = msgspec.json.Encoder(enc_hook=_plain)
_BINARY = msgspec.msgpack.Encoder(enc_hook=_plain)


def _may_hold_float(data: Any) -> bool:
    """False only if `data` holds no float: its msgpack form, about a third of the time of searching the JSON text
    for an exponent (issue 33), has no float64 marker. An int or a text with that byte in it says True: the search
    is made, as before."""
    try:
        return _FLOAT64 in _BINARY.encode(data)
    except (TypeError, ValueError, OverflowError, msgspec.EncodeError):
        return True


def _dumps(data: Any, indent: int | None) -> str:
    """`json.dumps(data, indent=indent, ensure_ascii=False)`, byte for byte, about three times faster: msgspec's
    encoding (the same escapes) spaced as `json` spaces it (`msgspec.json.format`), the rendering stage's largest
    cost (issue 33). `json` writes what msgspec would write otherwise (a float `_EXPONENT` or `_SMALL` finds) or
    refuses (a lone surrogate, a key that is not text or a number)."""
    try:
        encoded = _ENCODER.encode(data)
    except (TypeError, ValueError, msgspec.EncodeError):  # a lone surrogate: UnicodeEncodeError, a ValueError
        encoded = b""
    if not encoded or (_may_hold_float(data) and (_SMALL in encoded or _EXPONENT.search(encoded))):
        return json.dumps(data, indent=indent, ensure_ascii=False)
    return msgspec.json.format(encoded.decode(), indent=0 if indent is None else indent)


def json_text(data: Any, indent: int | None = None) -> str:
    """JSON with non-ASCII text as itself, but those characters escaped: a reader that splits lines at
    U+2028 or NEL, or a terminal shown the JSON, sees nothing hidden. Decoding gives the same data.

    Most JSON has nothing to escape, and `isprintable` proves it several times faster than the pattern
    finds nothing (issue 33): no character the pattern escapes is printable (a test holds the two to
    each other), and the only unprintable character `json` writes itself is the newline of an indent.
    ASCII text (known without reading it) can hold only DEL of them: looked for alone, faster still.
    """
    text = _dumps(data, indent)
    if text.isascii() and "\x7f" not in text:  # of ASCII the pattern finds only DEL; `isascii` reads no character
        return text
    if (text if indent is None else text.replace("\n", " ")).isprintable():
        return text
    return _unsafe(in_json=True).sub(_json_escape, text)


#: What Markdown (CommonMark, GitHub's) would read as markup in text from a file: `\\` before punctuation,
#: code, emphasis, table and strikethrough marks, `_` but inside a word, a link's `](` or `][`, the `<` of
#: an HTML tag, comment or autolink, and an entity (`&lt;`). Anything else is shown as it is.
_MARKDOWN = (
    r"\\(?=[!-/:-@\[-`{-~]|\Z)|[`*|~]|(?<![^\W_])_|_(?![^\W_])|\](?=[(\[])|<(?=[A-Za-z/!?])"
    r"|&(?=#[0-9]+;|#[xX][0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9]*;)"
)
#: What starts a block at the start of a line: a heading, quote, list item, thematic break or setext
#: underline, a link definition; a number's `.` or `)` after it starts a numbered list.
_MARKDOWN_START = r"^(?:[#>+=\-\[:]|(\d{1,9})[.)])"
#: A line break within text from a file (a `ref: |` block of two lines): inside a paragraph, a list item or a
#: code span Markdown shows it as a space, so it is written as one; `printable` would write it as a literal `\n`.
_LINE_BREAK = r"\r\n|[\r\n]"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """The patterns above, compiled on first need: only Markdown output uses them, and compiling them
    cost every cold `wgad check` 0.3 ms (issue 27)."""
    return re.compile(pattern)


def markdown(text: str) -> str:
    """Text from a file as Markdown that shows it as it is: no markup, no HTML, no link, no new block.

    Only what a renderer would take as markup is escaped, with a backslash, so a drafter
    editing the Markdown reads the text nearly as written. A line break is a space, as Markdown shows it.
    """
    text = _compiled(_MARKDOWN).sub(lambda m: "\\" + m.group(), _compiled(_LINE_BREAK).sub(" ", text))
    start = _compiled(_MARKDOWN_START).match(text)
    if start:
        at = start.end() - 1
        text = text[:at] + "\\" + text[at:]
    return text


def markdown_code(text: str) -> str:
    """Text from a file as a Markdown code span, which shows it as it is (HTML too): fenced by more
    backticks than it holds in a row, and spaced where it starts or ends with one; a line break a space."""
    text = _compiled(_LINE_BREAK).sub(" ", text)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" or (text[:1] == text[-1:] == " " and text.strip()) else ""
    return f"{fence}{pad}{text}{pad}{fence}"
