"""What a submission can cite and show as its evidence, from where its case file comes from (issue 29).

A source writes before the Working Group gives its opinion on the case: the draft cannot cite that
opinion, nor one adopted after the submission. Opinions are known by number and year only, so the
last year a submission can cite is the year of its date (`submission.date`), else of the case's own
opinion (`source.opinion`, `source.year`); within the own opinion's year, a higher number came later.

A library case (a `source:` block saying what it was encoded from, or that it was invented) carries
`ref:` texts that point into that text ("para 16", "per CHRD"): encoding notes, not the evidence a
source would cite, so its draft prints none. A drafter's own file (`wgad new` writes no `source:`
block) prints its refs: they are the drafter's evidence. The appendix keeps them (how it was reasoned).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

import msgspec

from detention_rules import words
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning import tree
from detention_rules.reasoning.facts import FactNode

#: An opinion's number as the rules and the case files write it: "2/2022".
_NUMBER = re.compile(r"\b(\d+)/(\d{4})\b")
#: A rule's citation of one or more opinions: "Opinion 2/2022 paras 70-71", "Opinions 72/2021, 89/2020 (note)".
_OPINIONS = re.compile(r"^Opinions? (?:No\. )?(?P<numbers>\d+/\d{4}(?:, \d+/\d{4})*)(?P<rest>.*)$", re.DOTALL)
#: An opinion a rule names without its number ("Opinion on Mr A v. Australia", "Opinion of 1 May 2020 (Coppens ...)"):
#: a draft cannot file it, as a bare name no one can look up; the rule's jurisprudence keeps it.
_UNNUMBERED = re.compile(r"^Opinions? (?:on|of)\b")
#: Which opinion a number in a citation names, in any language: a number with its year ("13/2018").
_LISTED_NUMBER = r"\d+/\d{4}"


@functools.cache
def _translated_forms(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """How the laws' translations into `lang` cite opinions, from its `words: opinions_cited:` and `and:`
    ("avis n° 2/2022, par. 101", "avis nos 13/2018 et 33/2015", "opiniones núms. 13/2018 y 33/2015"): the
    pattern of such a citation, the pattern joining its numbers, and the plural's words for one opinion."""
    said = words.load("draft", lang)["words"]
    cited = said["opinions_cited"]
    names = "|".join(re.escape(cited[k]) for k in ("several", "one"))
    joins = "|".join([", ", re.escape(f" {said['and']} ")])
    pattern = re.compile(
        rf"^(?P<words>{names})\s*(?P<numbers>{_LISTED_NUMBER}(?:(?:{joins}){_LISTED_NUMBER})*)(?P<rest>.*)$", re.DOTALL
    )
    return pattern, re.compile(joins), {cited["several"]: cited["one"]}


#: A standard's clause that quotes an opinion, in any language: ", quoted at 2/2022 para 79", ", citée dans
#: l'avis n° 2/2022, par. 79", ", citada en la opinión núm. 2/2022, párr. 79".
_QUOTED = re.compile(r",[^,;()]*?\b(\d+/\d{4})(?:,? [^\s,;()]+ \d+(?:-\d+)?)?(?=[;)])")

#: What a `source:` block says of the text a library case was encoded from, or that it was invented.
_ENCODED = ("opinion", "document", "year", "paragraphs", "url", "pages", "synthetic")


class Horizon(NamedTuple):
    """The opinions a submission can cite: none of `own` (number, year), none of a year after `last`, and
    where `later`, none after `own` in its year."""

    own: tuple[int, int] | None = None
    last: int | None = None
    later: bool = True

    @classmethod
    def of(cls, case: Any) -> Horizon:
        """The horizon of a case file: its own opinion, and its submission's year or else that opinion's."""
        source = case.source
        m = _NUMBER.fullmatch(str(source.opinion or "").strip()) if source else None
        own = (int(m[1]), int(m[2])) if m else None
        date = getattr(case.submission.date, "value", case.submission.date) if case.submission else None
        year = str(date)[:4] if date else ""
        if year.isdigit():
            return cls(own, int(year))
        known = own[1] if own else getattr(source, "year", None)
        return cls(own, int(known) if known else None)

    @classmethod
    def hiding(cls, opinion: str) -> Horizon:
        """What an anonymised casebook may name: every opinion but its case's own ("26/2014"), which would
        let a participant look the answer up; no horizon in time."""
        m = _NUMBER.fullmatch(opinion.strip())
        return cls((int(m[1]), int(m[2])) if m else None, later=False)

    def citable(self, number: str) -> bool:
        """Whether an opinion ("72/2021") was adopted before the submission, as far as its number tells."""
        n, year = (int(x) for x in number.split("/"))
        if self.own is not None and year == self.own[1] and (n == self.own[0] or (self.later and n > self.own[0])):
            return False  # the case's own opinion, or a later one of its year
        return self.last is None or year <= self.last

    def unnamed(self, citations: Iterable[str]) -> list[str]:
        """The citations that name no opinion out of the horizon, as written: "Deliberation No. 11 para 22
        (quoted at opinion 2/2022 para 76)" names one as an opinion list does."""
        return [c for c in citations if all(self.citable(m[0]) for m in _NUMBER.finditer(c))]

    def cited(self, text: str) -> str | None:
        """A rule's citation without the opinions the submission cannot cite; None where none is left.
        Any other citation as given; an opinion named without its number, none (`_UNNUMBERED`)."""
        if _UNNUMBERED.match(text) and not _NUMBER.search(text):
            return None
        m = _OPINIONS.match(text)
        if m is None:
            return self._translated(text)
        kept = [n for n in m["numbers"].split(", ") if self.citable(n)]
        if not kept:
            return None
        return f"Opinion{'s' if len(kept) > 1 else ''} {', '.join(kept)}{m['rest']}"

    def _translated(self, text: str) -> str | None:
        """`cited` of a French or Spanish citation of opinions (an outcome's source in `rules/fr`, `rules/es`):
        the opinions it can cite, in its own words ("avis nos 13/2018 et 33/2015"); any other text as given."""
        for lang in dict.fromkeys((words.LANGUAGE, *words.LANGUAGES)):  # the draft's language first, then any
            try:
                pattern, joined, one = _translated_forms(lang)
            except LookupError:  # a language with no draft sentences where the locales are another folder
                continue
            if m := pattern.match(text):
                break
        else:
            return text
        numbers = joined.split(m["numbers"])
        kept = [n for n in numbers if self.citable(n)]
        if len(kept) == len(numbers) or not kept:
            return text if kept else None
        said = one.get(m["words"], m["words"]) if len(kept) == 1 else m["words"]
        last = next((j for j in joined.findall(m["numbers"]) if j != ", "), ", ")
        listed = last.join([", ".join(kept[:-1]), kept[-1]]) if len(kept) > 1 else kept[0]
        return f"{said} {listed}{m['rest']}"

    def unquoted(self, law: str) -> str:
        """A standard without its clause quoting an opinion the submission cannot cite (the General Comment
        it quotes stays cited)."""
        return _QUOTED.sub(lambda m: m[0] if self.citable(m[1]) else "", law)


def prints_refs(case: Any) -> bool:
    """Whether a draft shows the file's `ref:` texts as its evidence: only a drafter's own file's."""
    source = case.source
    return source is None or not any(getattr(source, key, None) for key in _ENCODED)


def unreferenced(result: CaseResult) -> CaseResult:
    """A result whose facts, wherever the draft reads them (the fact document, the derivation trees), carry
    no `ref:`: a library case's, which the draft tells without its encoding notes."""
    if result.facts is None or result.analysis is None:
        return result
    analysis = result.analysis
    findings = [
        msgspec.structs.replace(
            f,
            tree=tree.with_facts(f.tree, _bare),
            contested=list(map(_bare, f.contested)),
            source_only=list(map(_bare, f.source_only)),
        )
        for f in analysis.findings
    ]
    return msgspec.structs.replace(
        result,
        facts=msgspec.structs.replace(result.facts, leaves={p: _bare(f) for p, f in result.facts.leaves.items()}),
        analysis=msgspec.structs.replace(
            analysis,
            findings=findings,
            rebutted=tuple(map(_bare, analysis.rebutted)),
            released=_bare(analysis.released) if analysis.released else None,
        ),
    )


def _bare(fact: FactNode) -> FactNode:
    return msgspec.structs.replace(fact, ref="", derived_from=tuple(map(_bare, fact.derived_from)))
