"""`draft --redact`: the person's name, and every part of it, replaced by initials wherever it appears.

What a redaction must not leave behind, each found missed by review:

* short parts (`Li`, `Wu`, `Ng`): every part of the name is replaced, whatever its length;
* particles (`de la`, `van der`, `bin`, `al`): a part the name writes in lower case is
  replaced when it stands next to another part of the name (`de la Cruz` -> `d. l. C.`),
  not alone, so that "de facto" keeps its "de";
* parts joined by hyphens or apostrophes (`Al-Khawaja`, `O'Brien`) and suffixes
  (`Jr.`): the name is split at them, and each part is matched alone;
* initials and full stops: an initial never takes a second full stop ("A. One" is "A. O.", not
  "A.. O."; a name ending a sentence is "O.", not "O.."), and a particle keeps the case the
  text writes it in ("Al-Faraj" opening a sentence is "A. F.");
* the same letters written another way: name and text are compared in Unicode's
  composed form (NFC) and with invisible characters (zero-width, soft hyphen) taken out,
  so neither `José` written as `Jose` + a combining accent nor `Ilya\u200bshev` escapes.
"""

from __future__ import annotations

import re
import unicodedata

#: Invisible characters that may sit inside a word without showing (Unicode format characters).
_INVISIBLE = re.compile("[\xad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
#: What separates the parts of a name, and what joins the parts of one mention of it in text.
_SEPARATORS = r"[\s,;.\-'\u2019]+"
_JOIN = r"[\s\-'\u2019]+"


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


class Redactor:
    """Replaces a person's name in text by initials; built once per draft."""

    def __init__(self, name: str):
        parts = [p for p in re.split(_SEPARATORS, _clean(name)) if p and p[0].isalnum()]
        self.particles = {p.casefold() for p in parts if p.islower()}
        alternatives = "|".join(re.escape(p) for p in sorted(set(parts), key=len, reverse=True))
        part = rf"(?:{alternatives})"
        # a run of the name's parts, as the text writes them: "Alnur Ilyashev", "de la Cruz", "Ilyashev"
        self.pattern = re.compile(rf"(?<!\w){part}(?:{_JOIN}{part})*(?!\w)", re.IGNORECASE) if parts else None

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(self._initials, _clean(text))

    def _initials(self, m: re.Match[str]) -> str:
        """The initials of a run of the name's parts; the last one's full stop left to the text when
        the text has one right after the run (an initial "A." matched as "A", or the sentence's end)."""
        words = [w for w in re.split(_JOIN, m.group()) if w]
        if all(w.casefold() in self.particles for w in words):  # "de" alone is not the name
            return m.group()
        initials = " ".join(f"{w[0] if w.casefold() in self.particles else w[0].upper()}." for w in words)
        return initials.removesuffix(".") if m.string.startswith(".", m.end()) else initials
