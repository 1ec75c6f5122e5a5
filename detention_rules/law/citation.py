"""Citations as structured data: which source (instrument, opinion, general comment) and which pinpoint.

Rule files write a citation as a short string (`ICCPR 9(3)`, `Opinion 2/2022 paras 70-71`,
`Human Rights Committee General Comment No. 35 para 33 (48 hours)`); this module reads it
into its parts, so that code asks for an instrument rather than matching string prefixes,
and drafts can group the pinpoints of one source ("Opinion 2/2022 paras 70-72, 92").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

import msgspec

from detention_rules import words

#: Instruments cited by article (or principle, or paragraph): how the rule files name them.
INSTRUMENTS = (
    "ICCPR",
    "UDHR",
    "Body of Principles",
    "Methods of work",
    "Nelson Mandela Rules",
    "Convention against Torture",
    "Convention on the Rights of the Child",
    "Convention on the Rights of Persons with Disabilities",
    "Vienna Convention on Consular Relations",
    "Declaration on the Protection of All Persons from Enforced Disappearance",
    "Declaration on Human Rights Defenders",
    "Basic Principles on the Role of Lawyers",
)

# The patterns below are kept as text and compiled by `re` when first used (and cached there): an English
# `wgad check` uses none of them, and compiling them all at import cost about 1 ms of every cold start.

#: One pinpoint of an instrument cited by article, as the rules write it: "14", "14(3)", "14(3)(b)"; its
#: brackets ("(3)(b)") and one of them alone ("(d)" of "14(3)(b), (d)").
_BRACKET = r"\([0-9a-z]+\)"
_BRACKETS = rf"(?:{_BRACKET})*"
_PIN = rf"\d+{_BRACKETS}"
#: A citation's pinpoints, as `parse` reads them: "9(1)", "14(3)(b), (d)", "2(1) and 26", "8 (a)".
_PIN_LIST = rf"\d+(?:\s?{_BRACKET})*(?:(?:, | and )(?:\d+)?(?:\s?{_BRACKET})*)*"
_ARTICLE = (
    r"^(?P<source>" + "|".join(map(re.escape, INSTRUMENTS)) + r")"
    r"(?: (?P<unit>art|para|rule)s?)? (?P<pin>" + _PIN_LIST + r")$"
)
#: A cited document and where in it: "Opinion 2/2022 paras 70-71 (note)".
_DOCUMENT = (
    r"^(?P<source>[^()]+?(?: \([^()]*\))?)"
    r"(?: (?P<unit>paras?|principles?|guidelines?)"
    r" (?P<pin>[0-9][0-9a-z ,()-]*?(?: and (?:guideline|principle)s? \d+)?))?"
    r"(?: \((?P<note>.*)\))?$"
)


class Citation(msgspec.Struct, frozen=True):
    """One citation: its source, the pinpoint within it, and any note."""

    text: str
    source: str
    pin: str = ""
    note: str = ""
    unit: str = ""  # "para", "principle"... for documents; "" for instruments cited by article

    def __str__(self) -> str:
        return self.text


class CitationError(ValueError):
    """A citation string that is not of a known form."""


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> Citation:
    """Read one citation; raises CitationError when its parentheses or form are broken."""
    if text.count("(") != text.count(")") or not text.strip() or text != text.strip():
        raise CitationError(words.of("law", "rules")["citation_unbalanced"].format(text=text))
    m = re.match(_ARTICLE, text)
    if m:
        return Citation(text, m["source"], m["pin"], unit=m["unit"] or "")
    m = re.match(_DOCUMENT, text)
    if m:
        return Citation(text, m["source"], m["pin"] or "", m["note"] or "", (m["unit"] or "").rstrip("s"))
    raise CitationError(words.of("law", "rules")["citation_form"].format(text=text))


def is_covenant(text: str) -> bool:
    """Whether a citation is to the International Covenant on Civil and Political Rights."""
    return parse(text).source == "ICCPR"


class Pinpoint(NamedTuple):
    """One provision of an instrument cited by article, read once from the rules' form: "14(3)(b)" is article
    "14" within "3", "b" (paragraph, subparagraph). What is no such form ("guideline 2") is its article alone."""

    article: str
    within: tuple[str, ...] = ()

    @classmethod
    def read(cls, text: str) -> Pinpoint:
        m = re.fullmatch(_PINPOINT, text)
        if not m:
            return cls(text)
        return cls(m[1], tuple(b.strip("()") for b in re.findall(_BRACKET, m[2])))

    def __str__(self) -> str:
        return self.article + "".join(f"({x})" for x in self.within)


#: A pinpoint of an instrument cited by article, as the rules write it: "14", "14(3)", "14(3)(b)".
_PINPOINT = rf"(\d+)({_BRACKETS})"


class Group(msgspec.Struct, frozen=True):
    """One source's citations merged, as structured data each language renders (`english`, `worded`): a
    document's paragraphs folded ("70-72"), or an instrument's provisions, each once, in order."""

    source: str
    unit: str = ""
    pins: tuple[str, ...] = ()  # a document's folded paragraphs ("70-72", "8 (a)")
    provisions: tuple[Pinpoint, ...] = ()  # an instrument's (or a document's principles), each once

    def english(self) -> str:
        """As the rules write a citation: "ICCPR 14(3)(b) and (d), 9(1) and (4)", "Opinion 2/2022 paras 70-72"."""
        return self._said(list(self.pins) or _same_article(self.provisions, "and"), ", ")

    def worded(self, language: dict[str, Any]) -> str:
        """In the form of the language whose `words:` is `language`: the Covenant as it cites it (`covenant:`),
        another source's pinpoints in its words (`and`, `pin_last_sep`, `ranged`) for its `citations:`
        patterns to name the source."""
        if self.source == "ICCPR" and (form := language.get("covenant")):
            return covenant(self.provisions, form, language)
        shown = ranged(self.pins, language) or _same_article(self.provisions, str(language["and"]))
        return self._said(shown, str(language["pin_last_sep"]), language.get("units", {}).get(self.unit))

    def _said(self, shown: list[str], last: str, units: list[str] | None = None) -> str:
        """The source and its pinpoints; the unit in the language's form (`units`: one, several: English
        "para.", "paras.", as its opinions are cited in the same list), else as the rules write it."""
        if not shown:
            return self.source
        given = list(self.pins) or shown  # whether the unit is plural ("paras") reads the folded pinpoints
        own = [p for p in given if p[:1].isdigit()]  # "guideline 8" after "principle 9" names its own unit
        plural = len(own) > 1 or any("-" in p or "," in p for p in own)
        if self.unit and units:
            return f"{self.source} {units[plural]} {_listed(shown, last)}"
        prefix = f"{self.unit}s " if self.unit and plural else f"{self.unit} " if self.unit else ""
        return f"{self.source} {prefix}{_listed(shown, last)}"


def ranged(pins: Iterable[str], language: dict[str, Any]) -> list[str]:
    """Folded paragraphs ("70-72", "19-20") as the language writes a range (`pin_range`: "70 à 72"), and two
    that follow each other as a range or, where the language lists them (`pin_pair_listed`), as two
    pinpoints ("par. 11, 12 et 22"); what is no range as given."""
    out = []
    for pin in pins:
        m = re.match(_RANGE, pin)
        if m and m[2] and int(m[2]) == int(m[1]) + 1 and language["pin_pair_listed"]:
            out += [m[1], m[2]]
        elif m and m[2]:
            out.append(str(language["pin_range"]).format(low=m[1], high=m[2]))
        else:
            out.append(pin)
    return out


def listed(pins: list[str], language: dict[str, Any]) -> str:
    """A source's pinpoints listed as the language lists them ("11, 12 et 15"; English "11, 12, 15")."""
    return _listed(pins, str(language["pin_last_sep"]))


def _listed(pins: list[str], last: str) -> str:
    return ", ".join(pins[:-1]) + last + pins[-1] if len(pins) > 1 else "".join(pins)


def groups(texts: Iterable[str]) -> list[Group]:
    """Citations with one group per source, pinpoints merged in order: for drafts, which cite each once. A
    source cited once whole and once at paragraphs is cited at its paragraphs ("Deliberation No. 5" and
    "Deliberation No. 5 paras 12-13" are "Deliberation No. 5 paras 12-13")."""
    order: dict[str, list[Citation]] = {}
    for text in texts:
        c = parse(text)
        order.setdefault(c.source, []).append(c)
    out = []
    for source, cites in order.items():
        pins = [c.pin for c in cites if c.pin]
        unit = next((c.unit for c in cites if c.pin), "")
        if unit == "para":  # paragraph ranges merge ("paras 70-72"); articles are listed, not ranged ("ICCPR 21, 22")
            out.append(Group(source, unit, pins=tuple(fold(pins))))
        else:  # each article once, whether cited alone or in a list ("art 1" and "arts 1, 5")
            provisions = dict.fromkeys(Pinpoint.read(a) for pin in pins for a in _atoms(pin))
            out.append(Group(source, unit, provisions=tuple(provisions)))
    return out


def grouped(texts: Iterable[str], language: dict[str, Any] | None = None) -> list[str]:
    """`groups` as the rules write citations ("ICCPR 14(3)(b) and (d)"), or with `language` (a language's
    `words:`) in its form (`Group.worded`)."""
    return [g.english() if language is None else g.worded(language) for g in groups(texts)]


#: An article's pinpoint and its last bracket: "14(3)" and "(b)" of "14(3)(b)".
_LAST_BRACKET = rf"^({_PIN})({_BRACKET})$"


def _atoms(pin: str) -> list[str]:
    """An article pinpoint's single provisions: "14(3)(b), (d)" is "14(3)(b)" and "14(3)(d)"; "1 and 12(2)" is
    "1" and "12(2)"."""
    atoms: list[str] = []
    for part in re.split(r", | and ", pin):
        part = part.strip()
        m = re.match(_LAST_BRACKET, atoms[-1]) if atoms and part.startswith("(") else None
        atoms.append(m[1] + part if m else part)
    return atoms


def _same_article(provisions: Iterable[Pinpoint], and_: str) -> list[str]:
    """Pinpoints of one article as a lawyer cites them, the article once: "14(3)(b)" and "14(3)(d)" are
    "14(3)(b) and (d)", "9(1)", "9(4)" are "9(1) and (4)" (`and_`: the language's "and"); other pinpoints
    as given, in order."""
    heads: dict[str, list[str]] = {}
    for p in provisions:
        head = str(Pinpoint(p.article, p.within[:-1]))
        heads.setdefault(head, []).append(f"({p.within[-1]})" if p.within else "")
    out = []
    for head, tails in heads.items():
        if len(tails) == 1 or "" in tails:
            out += [head + tail for tail in tails]
        else:  # in the article's order, as merged from several rules: "9(1) and (2)", never "9(2) and (1)"
            tails.sort(key=lambda tail: (int(tail[1:-1]) if tail[1:-1].isdigit() else 0, tail))
            out.append(f"{head}{', '.join(tails[:-1])} {and_} {tails[-1]}")
    return out


_RANGE = r"^(\d+)(?:-(\d+))?$"


def fold(pins: Iterable[str], *, adjacent: bool = True) -> dict[str, list[str]]:
    """Paragraph numbers and ranges as a lawyer lists them, each paragraph once: sorted, a duplicate
    dropped, ranges that overlap or contain one another folded ("20-22" and "21-22" are "20-22"), and
    with `adjacent` those that touch ("70-71", "72" are "70-72"); a pinpoint that is not a number or a
    range ("8 (a)") kept after them, once, in the order given. Each folded pinpoint maps to the pinpoints
    given that it covers (a note on one of them goes with it). The one merger of paragraphs: the rules'
    citations (`grouped`) and the facts' references (output/narrative.refs)."""
    spans: list[tuple[int, int, list[str]]] = []
    others: dict[str, list[str]] = {}
    for pin in pins:
        for part in (p.strip() for p in pin.split(",")):
            m = re.match(_RANGE, part)
            if m and int(m[2] or m[1]) - int(m[1]) <= 500:  # "1-9999": a typing slip, not a range to fold
                spans.append((int(m[1]), int(m[2] or m[1]), [part]))
            else:
                others.setdefault(part, []).append(part)
    folded: list[tuple[int, int, list[str]]] = []
    for low, high, given in sorted(spans, key=lambda s: (s[0], s[1])):
        if folded and low <= folded[-1][1] + (1 if adjacent else 0):
            last = folded[-1]
            folded[-1] = (last[0], max(last[1], high), last[2] + given)
        else:
            folded.append((low, high, given))
    out = {(f"{low}-{high}" if high > low else str(low)): list(dict.fromkeys(given)) for low, high, given in folded}
    return {**out, **others}


def worded(text: str, forms: Iterable[tuple[str, str]]) -> str:
    """Citations as the rules write them ("ICCPR 9(1)", "Opinion 2/2022 paras 70-72") in a language's form:
    each of `forms`, a pattern and what replaces it (the draft's `words: citations:`), in turn."""
    for pattern, replacement in forms:
        text = _pattern(pattern).sub(replacement, text)
    return text


#: The Covenant cited in a rule's own text, as the rules write a citation (`parse`'s pinpoints: "ICCPR 2(1) and
#: 26", "ICCPR 19(3), 21, 22(2)"), or one paragraph's citations one after another ("ICCPR 14(3)(b); ICCPR 14(3)(d)").
_COVENANT_PINS = rf"{_PIN}(?:(?:, | and )(?:{_PIN}|{_BRACKET}))*"
_COVENANT_IN_TEXT = rf"\bICCPR ({_COVENANT_PINS}(?:; ICCPR {_COVENANT_PINS})*)(?![\d(])"


def covenant(provisions: Iterable[Pinpoint | str], form: dict[str, str], words_: dict[str, Any]) -> str:
    """Pinpoints of the Covenant ("14(1)", "14(3)(b)", "14(3)(d)") cited as a French or Spanish document cites
    them, each article once with its paragraphs and each paragraph once with its subparagraphs: "art. 14
    (par. 1 et 3 b) et d))", "art. 14, párrs. 1 y 3 b) y d)". `form` is the language's (`words:
    covenant:` for a citation, `draft: covenant_grouped:` for a sentence); `words_` its `words:` (the "and")."""
    articles: dict[str, dict[str, list[str]] | None] = {}
    for provision in provisions:
        pin = provision if isinstance(provision, Pinpoint) else Pinpoint.read(provision)
        if not pin.article.isdigit() or len(pin.within) > 2 or (pin.within and not pin.within[0].isdigit()):
            raise CitationError(str(pin))
        paragraphs = articles.setdefault(pin.article, {})
        if paragraphs is None or not pin.within:  # the article cited whole covers its paragraphs
            articles[pin.article] = None
            continue
        letters = paragraphs.setdefault(pin.within[0], [])
        if pin.within[1:] and pin.within[1] not in letters:
            letters.append(pin.within[1])

    def listed(items: list[str]) -> str:
        if len(items) == 1:
            return items[0]
        return f" {words_['and']} ".join([str(words_["list_sep"]).join(items[:-1]), items[-1]])

    # in the instrument's order, as merged from several rules: "art. 7 et 14 (par. 3 g))", "art. 9 (par. 1 et 2)"
    articles = dict(sorted(articles.items(), key=lambda item: int(item[0])))
    for number, paragraphs in articles.items():
        if paragraphs:
            articles[number] = dict(sorted(paragraphs.items(), key=lambda item: (not item[0].isdigit(), _num(item[0]))))
    said = []
    # an article cited whole beside another's paragraphs, where the form words each (French prose: « l'article 7
    # et le paragraphe 1 de l'article 10 »); articles all cited whole stay a bare list (« les articles 7 et 9 »)
    whole = form.get("whole", "{article}") if any(articles.values()) else "{article}"
    for at, (number, paragraphs) in enumerate(articles.items()):
        if not paragraphs:
            said.append(whole.format(article=number))
            continue
        parts = [  # a paragraph without letters in the form's brackets too: English "(1), (2) and (3) (b)"
            form["paragraph"].format(paragraph=p, letters=listed([form["letter"].format(letter=x) for x in letters]))
            if letters
            else form["paragraph"].format(paragraph=p, letters="").strip()
            for p, letters in sorted(paragraphs.items(), key=lambda item: int(item[0]))  # "párrs. 1 y 2", never "2 y 1"
        ]
        article = form["article_paragraphs" if len(parts) > 1 else "article_paragraph"]
        # Spanish closes an article's paragraphs with a comma before what follows: "arts. 2, párr. 1, y 26"; before
        # another article in the list, the list's own comma: "arts. 2, párr. 1, 18 y 26", never "párr. 1,, 18"
        close = form["last"] if at == len(articles) - 1 else form["between"] if at == len(articles) - 2 else ""
        said.append(article.format(article=number, paragraphs=listed(parts)) + close)
    return form["many" if len(said) > 1 else "one"].format(articles=listed(said))


def _num(text: str) -> int:
    """A paragraph's number, to sort by ("10" after "9"); 0 for one that is not a number."""
    return int(text) if text.isdigit() else 0


def in_language(text: str) -> str:
    """Citations in the form of the language in use (`words.LANGUAGE`), as the draft writes them: the rules
    are written in English's, so an English report reads no other file. The Covenant's pinpoints in one
    run are cited together first ("ICCPR 14(3)(b); ICCPR 14(3)(d)": "Pacte, art. 14 (par. 3 b) et d))")."""
    if words.LANGUAGE == "en":
        return text
    return localised(text, words.load("draft")["words"])


def localised(text: str, language: dict[str, Any], *, more: Iterable[tuple[str, str]] = ()) -> str:
    """Citations as the rules write them in the form of the language whose `words:` is `language`: the
    Covenant's runs cited together where it says how (`covenant:`; English has no such form and keeps
    "ICCPR 2(1), 26"), then its `citations:` patterns and `more` (the draft's contractions)."""
    if form := language.get("covenant"):

        def cited(m: re.Match[str]) -> str:
            try:
                return covenant(_atoms(m[1].replace("; ICCPR ", ", ")), form, language)
            except CitationError:  # a pinpoint no language form can say ("ICCPR 9(1)(a)(i)"): as written
                return m[0]

        text = re.sub(_COVENANT_IN_TEXT, cited, text)
    text = worded(text, [*language["citations"], *more])
    if unit := language.get("pins_written_after"):  # a list as a rule's note wrote it: "par. 11-12, 33-35"
        pins = _pins_as_written(str(language["pin_range"]))
        text = _pattern(rf"(?<!\w)({unit})({pins})").sub(lambda m: m[1] + _folded(m[2], language), text)
    return text


def _pins_as_written(pin_range: str) -> str:
    """Paragraphs as a rule's note or a file's reference lists them ("5-6, 93"), a range perhaps already in the
    language's form (a file's "20-22, 87" is "20 à 22, 87" by then, `narrative.refs`), and no more of the list
    after it, nor a list already folded ("5 et 93")."""
    written = re.escape(pin_range).replace(r"\{low\}", r"\d+").replace(r"\{high\}", r"\d+")
    one = rf"(?:{written}|\d+(?:-\d+)?)"
    return rf"{one}(?:, {one})*(?![\d-]|, \d| \w{{1,2}} \d)"


def _folded(pins: str, language: dict[str, Any]) -> str:
    """A list of paragraphs as the language writes one (`ranged`, `listed`): French "par. 5-6, 93" -> "par. 5, 6
    et 93", "par. 75-80" -> "par. 75 à 80", "par. 12, 16" -> "par. 12 et 16"."""
    return listed(ranged(pins.split(", "), language), language)


def runs_listed(text: str, language: dict[str, Any]) -> str:
    """A rule's runs of paragraphs as it writes them ("paras 11-12, 22, 33-35"), in a report that prints a rule's
    citations whole, as the language's draft lists pinpoints ("paras 11, 12, 22 y 33 a 35", « par. 75 à 80 »), never
    with the hyphen; the draft's own citations are grouped and listed so already (`Group`)."""
    return _PARAS_RUN.sub(lambda m: f"paras {listed(ranged(m[1].split(', '), language), language)}", text)


#: A run of paragraphs as the rules write it: "paras 75-80", "paras 11-12, 22, 25, 33-35".
_PARAS_RUN = re.compile(r"\bparas ((?:\d+(?:-\d+)?, )*\d+(?:-\d+)?)\b(?![-/])")


@functools.cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
