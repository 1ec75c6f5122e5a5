"""The facts of a draft told as a lawyer tells them: in the person's name, each fact once.

A case file holds facts as fields; a submission tells them as prose. This module is that
telling, and only that: who the person is in the text (the name at first mention, then the
title and surname, "Mr. Ilyashev"; the name alone when the sex is not known; the pronoun),
dates as the Working Group writes them ("3 March 2025", "in February 2025", "in 2025"),
lengths in words ("five years"), articles before what a drafter typed ("at her home", never
"at the her home"), lists, who states a fact (the Government's word is told as its position)
and whether it is contested.

The drafter's own words come first: a section's `narrative:` opens its paragraph, and a
structured fact is added after it only when the narrative does not already tell it (its
value as the file or the draft writes it, or for a yes/no fact or a choice one of its cue
words in the translation file). Every word comes from the translation file (`facts:`), so
a draft in another language is another file, not other code.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from detention_rules import words as locale
from detention_rules.input.case import Case, field_types
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import UNIT_DAYS, dated, readable_fields
from detention_rules.law import citation
from detention_rules.law.consequences import periods_ended
from detention_rules.reasoning.asking import calendar, date_words, day_words, in_words
from detention_rules.reasoning.facts import FactNode
from detention_rules.words import join, shared

#: A bool fact the draft does not tell when another fact of the section says more:
#: (field, its value) -> the field that tells it ("released on 3 March" says "released").
IMPLIED: dict[tuple[str, object], str] = {
    ("person.released", True): "person.release_date",
    ("arrest.charged", True): "arrest.charges",
    ("trial.held", True): "trial.start",
    ("detention[].brought_before_judge", True): "detention[].judge_date",
    ("detention[].solitary_confinement", True): "detention[].solitary_days",
    ("emergency.declared", True): "emergency.start",
    ("government.replied", True): "government.reply_date",
}

#: Fields told by the person's name and pronoun, or by the draft's form, not as a sentence.
_NAMED = {"person.name", "person.called", "person.sex", "government.contests"}

_ISO_STRICT = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")


#: The draft being told: its language, the language of the case file's free text (`language:`, English when
#: left out) and the file's `translations:`. Set by `written` around a draft; English text and no draft
#: language otherwise (the language in use).
_WRITTEN: ContextVar[tuple[str | None, str, Mapping[str, Mapping[str, str]]]] = ContextVar(
    "written", default=(None, "en", {})
)


@contextmanager
def written(case: Case | None, lang: str | None) -> Iterator[None]:
    """Tell a draft in `lang` of a case whose free text is in the file's `language:`: text in another
    language than the draft's is set apart for the drafter to translate (`translated`)."""
    given = case.translations if case else None  # typed `str` by the generated types: a mapping, as validated
    translations: Mapping[str, Mapping[str, str]] = given if isinstance(given, Mapping) else {}
    token = _WRITTEN.set((lang, (case.language if case else None) or "en", translations))
    try:
        yield
    finally:
        _WRITTEN.reset(token)


def translation(text: str) -> str | None:
    """The file's translation of the drafter's `text` into the draft's language (`translations:`), when the
    file is written in another; None without one."""
    lang, language, translations = _WRITTEN.get()
    lang = lang or locale.LANGUAGE
    if language == lang:
        return None
    # else the language's own words for a stock term typed in English (`facts: glossary:`, « Code pénal »)
    glossary = locale.load("draft", lang)["facts"].get("glossary", {}) if language == "en" else {}
    return translations.get(lang, {}).get(text) or glossary.get(text)


def foreign(text: str) -> bool:
    """Whether the drafter's `text` is in another language than the draft's, with no translation given."""
    lang, language, _ = _WRITTEN.get()
    name = len(text.split()) == 1 and text[:1].isupper()  # a place's own name ("Nouakchott") reads in any language
    return language != (lang or locale.LANGUAGE) and bool(text.strip()) and not name and translation(text) is None


def translated(text: str, w: Mapping[str, Any]) -> str:
    """Text the drafter typed, in the draft's language: as typed when the file is written in it, the
    file's translation when it gives one, else set apart as words to translate (`facts: to_translate:`,
    "[à traduire : civic activist]"): a French draft never passes English off as French."""
    if foreign(text):
        return str(w["facts"]["to_translate"]).format(text=text)
    return translation(text) or text


def to_translate_after(text: str, kind: str, w: Mapping[str, Any]) -> str:
    """A place, conduct or medium typed in another language, set apart to translate (`translated`) after the
    preposition the draft's language puts before it (`facts: to_translate_preposition:`, Spanish "en [por
    traducir: office of his relatives]"; none in French or English). The typed words' own language decides,
    as its own draft would: none when they open with its preposition or a participle ("at home", "stopped on
    ..."), nor before a conduct told by a verb ("took part in ..."), which the drafter translates with the rest;
    a gerund ("leading ...") after the language's own frame for it where it has one (`conduct_gerund`: Spanish
    "al [por traducir: leading …]", read "al dirigir …"), never as if it followed the right it exercised."""
    said = translated(text, w)
    before = w["facts"]["to_translate_preposition"].get(kind, "")
    _, language, _ = _WRITTEN.get()
    if not before or not foreign(text) or language not in locale.LANGUAGES:
        return said
    typed_in = locale.load("draft", language)
    first = text.split()[0]
    if first.casefold() in typed_in["facts"]["articles"]["prepositions"] or _participle(
        text.split(), typed_in["facts"]["articles"]
    ):
        return said
    if kind == "conduct" and _gerund(text, typed_in):
        gerund = w["facts"]["to_translate_preposition"].get("conduct_gerund", "")
        return f"{gerund} {said}" if gerund else said
    if kind == "conduct" and conduct_form(text, typed_in) == "act":
        return said
    return f"{before} {said}"


def free_text(leaves: Mapping[str, FactNode]) -> frozenset[str]:
    """The free text of a person's facts, as the drafter typed it (a conduct's description, a charge, a place):
    what a rule's explanation may quote (`set_apart`). A date is no words to translate: "2021" stays a year."""
    out: set[str] = set()
    for path, leaf in leaves.items():
        generic = FieldPath.generic_name(path)
        ftype = readable_fields().get(generic)
        if ftype is None or ftype.choices or ftype.kind not in ("text", "list") or dated(generic):
            continue
        values = leaf.value if isinstance(leaf.value, list) else [leaf.value]
        out.update(v for v in values if isinstance(v, str) and v.strip())
    return frozenset(out)


def set_apart(text: str, typed: Collection[str], w: Mapping[str, Any]) -> str:
    """A rule's explanation with the drafter's words it quotes (`typed`) set apart to translate where they are
    in another language than the reader's ("[à traduire : three Facebook posts]"), as the draft sets them apart:
    the web page's reasoning and `wgad check --lang fr` alike. Inside `written`, which says the file's language."""
    others = sorted((t for t in typed if t in text and foreign(t)), key=len, reverse=True)
    if not others:
        return text
    quoted = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, others)) + r")(?!\w)")
    return quoted.sub(lambda m: translated(m.group(0), w), text)


@dataclass
class Who:
    """How the facts name one person (or a group named in one file): full name first, then the short form."""

    full: str
    short: str
    pronouns: dict[str, str]
    plural: bool = False
    #: a group named in full once, then by the language's words for it ("les intéressés"): never its list again
    once: bool = False
    named: bool = False
    #: the short form is a family name without a title (the sex not known): beside titled names in a list, a
    #: joint submission names the person in full ("Ms. Said and Tomas Lee", never "Ms. Said and Lee")
    bare: bool = False
    #: whether the paragraph has named the person yet: a later mention is the pronoun ("he", "she", "they"),
    #: never the name again; where the sex is not known, the name (no singular "they", whose verb differs)
    mentioned: bool = False
    #: two persons named, a later mention that is no subject left to the verb: the language's word for both of
    #: them (Spanish «se imputaban a ambos»), never the two names again; "" where it has none
    both: str = ""
    #: named in full at each paragraph's first mention, then by the family name alone: a person of unknown sex
    #: among several of a joint submission, whose paragraphs sit under each one's name ("Tomas Lee ... Lee")
    each_paragraph: bool = False

    def name(self) -> str:
        """The name as the next sentence uses it: the full name once, then the short form."""
        if self.named:
            return self.short
        self.named = True
        return self.full


def who(leaves: Mapping[str, FactNode], w: Mapping[str, Any], *, alone: bool = True) -> Who:
    """The person of a case as the facts name them, from `person.name`, `person.called` and `person.sex`; `alone`:
    the only person of the submission, whom a language may name after the first mention by what they are where
    the sex is not known (`unknown_sex`: Spanish "la persona afectada", its words agreeing with "persona", never a
    generic masculine), which would not say which of several."""
    spec = w["facts"]["person"]
    name = _value(leaves, "person.name")
    sex = _value(leaves, "person.sex")
    called = " ".join(str(_value(leaves, "person.called") or "").split())
    name = " ".join(str(name).split()) if name else ""
    title = spec["titles"].get(sex, "") if sex in ("male", "female") else ""
    nation = str(_value(leaves, "person.nationality") or _value(leaves, "state.name") or "")
    if len(several := _several(name, w)) > 1:  # a group named in one file: "A; B; C", "Ana Uno, Ben Dos"
        # of one sex, each by title and family name after the first mention ("Mr. Cheng, Mr. Liu and Mr. Wu"),
        # unless two share it (a father and son): then their names
        shorts = [_short(one, title, nation, spec) for one in several] if title else []
        return group(several, w, shorts if len(set(shorts)) == len(several) else None)
    described = {word.strip(",;:()").casefold() for word in name.split()}
    if name[:1].islower() and described & _group_words():  # "eighteen people arrested in 2005"
        told = translated(name, w)  # typed in another language: set apart once, then "les intéressés", never again
        return replace(group([told], w), once=True) if told != name else group([name], w)
    pronouns = spec["pronouns"].get(sex if sex in ("male", "female") else "unknown")
    if not name:
        return Who(called or spec["unnamed"], called or spec["unnamed"], pronouns)
    if called:  # the drafter's own short form: "Mr. Liu" for Liu Xiaobo
        return Who(name, retitled(called, title, spec), pronouns)
    if not title and alone and (unknown := spec.get("unknown_sex")):
        return Who(name, unknown["short"], unknown["pronouns"])
    if _titled(name, spec) or (not title and re.match(r"\w\.(?:\s|$)", name)):  # "A. One": never a bare "One"
        return Who(name, name, pronouns)
    if not title:  # sex not known: the full name once, then the family name alone ("Morgan"), no title guessed
        family = family_first(name, nation) or first_surname(name, nation, spec) or surname(name, spec)
        return Who(name, family, pronouns, bare=True)
    short = _short(name, title, nation, spec)
    initials = short == spec["titled"].format(title=title, surname=name)  # "Ms. K.": titled from the first
    return Who(short if initials else name, short, pronouns)


@functools.cache
def _group_words() -> frozenset[str]:
    """The words that make a name a group's description (`group_words`), in every language: the name is typed in
    the file's language, whatever the draft's (a French draft of "eighteen people arrested in 2005" never takes
    "2005" for a surname)."""
    return frozenset(
        word for lang in locale.LANGUAGES for word in locale.load("draft", lang)["facts"]["person"]["group_words"]
    )


def _short(name: str, title: str, nation: str, spec: Mapping[str, Any]) -> str:
    """A name as a later mention says it: the title and the family name ("Mr. Ilyashev", "Mr. Liu" of Liu
    Xiaobo, a national of China); a name written with its title as it stands."""
    if _titled(name, spec):
        return name
    family = family_first(name, nation) or first_surname(name, nation, spec) or surname(name, spec)
    return str(spec["titled"].format(title=title, surname=family))


def first_surname(name: str, nation: str, spec: Mapping[str, Any]) -> str:
    """The first of two surnames, which the language titles a name of a State naming so by (`two_surnames`:
    Spanish « el Sr. Celso » for Ignacio Celso Lino, a national of Nicaragua, never « el Sr. Lino »); "" for a
    name of one surname, another State's, or a language that titles by the last word."""
    if nation.split("(")[0].strip().casefold() not in {s.casefold() for s in spec.get("two_surnames", ())}:
        return ""
    last = surname(name, spec)
    given = name.removesuffix(last).split()
    return surname(" ".join(given), spec) if len(given) > 1 else ""


#: Names written family name first, by State (`locales/names.yaml`), beside the translations: every language
#: titles a name by the same part.
_NAMES = Path(__file__).parent / "locales" / "names.yaml"


@functools.cache
def _family_names() -> dict[str, dict[str, Any]]:
    """Each way a file writes a State whose names open with the family name, casefolded: its entry."""
    table = locale.read(_NAMES, "en")
    return {name.casefold(): entry for key, entry in table.items() for name in (key, *entry.get("also", ()))}


def family_first(name: str, nation: str) -> str:
    """The part of a name written family name first that a title goes before: the family name ("Liu" of Liu
    Xiaobo, a national of China), where the person's State writes names so and the first word is one of its
    family names; the whole name where the Working Group titles it whole ("Kem Sokha", `whole_name`); else ""."""
    words = name.split()
    entry = _family_names().get(nation.split("(")[0].strip().casefold(), {})
    if len(words) > 1 and entry.get("whole_name"):
        return name
    known = {f.casefold() for f in entry.get("family_names", ())}
    return words[0] if len(words) > 1 and words[0].casefold() in known else ""


def retitled(called: str, title: str, spec: Mapping[str, Any]) -> str:
    """The drafter's short form with the language's title: a case file written in English says "Mr. Vinh",
    which a French draft writes "M. Vinh" and a Spanish one "el Sr. Vinh" (`foreign_titles`: the titles of
    another language the draft replaces; the name after the title as the drafter wrote it)."""
    first, _, rest = called.partition(" ")
    foreign = {t.casefold() for t in spec.get("foreign_titles", ())}
    if title and rest and first.rstrip(".").casefold() in foreign:
        return str(spec["titled"].format(title=title, surname=rest))
    return called


def _several(name: str, w: Mapping[str, Any]) -> list[str]:
    """The names of a group named in one file: parted by ";", or by commas (and a last "and") where each
    part is a name of two words or more ("Amaya Coppens, Atahualpa Quintero"; never "Uno, Ana", one
    person's name written surname first)."""
    if ";" in name:
        return [n.strip() for n in name.split(";") if n.strip()]
    outside = re.sub(r"\([^()]*\)", lambda m: "_" * len(m.group()), name)  # never inside a note "(first named, ...)"
    joints = re.finditer(rf",|\s{re.escape(w['words']['and'])}\s", outside)
    cuts = [0, *(end for m in joints for end in m.span()), len(name)]
    parts = [name[a:b].strip() for a, b in zip(cuts[::2], cuts[1::2], strict=True) if name[a:b].strip()]
    # each part a name of two words or more, capitalised: "eighteen people arrested between April and June" is one
    named = all(len(part.split()) > 1 and part[:1].isupper() for part in parts)
    return parts if "," in outside and named else [name]


def persons_named(name: str, w: Mapping[str, Any]) -> list[str]:
    """The names a file's `person.name` gives: one person's, or each of a group's ("A, B and C")."""
    return _several(" ".join(name.split()), w)


def group(names: list[str], w: Mapping[str, Any], short: list[str] | None = None) -> Who:
    """Several people told together (a group named in one file, or the detainees of a joint submission
    whose facts are the same): the names once, then each one's short form ("Ms. Said and Mr. Lee"), or
    "the persons concerned" when there is none (a group of unknown sex named in one file) or when the group is
    larger than the language names one by one (`group_named_up_to`: French "les intéressés" after ten names, never the
    ten titles again; `once`, which the arguments read too)."""
    spec = w["facts"]["person"]
    once = len(names) > spec.get("group_named_up_to", len(names))
    later = _titled_together(short, w) if short and not once else spec["group"]
    both = _both(short, spec) if short and len(short) == 2 else ""
    return Who(join(names, w), later, spec["pronouns"]["plural"], plural=True, once=once, both=both)


def _titles(short: list[str], spec: Mapping[str, Any]) -> list[str]:
    """The title each short form opens with, of those the language says together (`titles_together`); [] where
    one has none."""
    together = spec.get("titles_together", {})
    found = [next((t for t in together if s.startswith(f"{t} ")), "") for s in short]
    return found if all(found) else []


def _titled_together(short: list[str], w: Mapping[str, Any]) -> str:
    """Several persons of one title named after their first mention: the title once, in the plural, as the
    language says it (Spanish «los Sres. Mabuza y Dube», never «el Sr. Mabuza y el Sr. Dube»); else each by its own."""
    titles = _titles(short, w["facts"]["person"])
    if not titles or len(set(titles)) > 1:
        return join(short, w)
    plural = w["facts"]["person"]["titles_together"][titles[0]][0]
    return f"{plural} {join([s[len(titles[0]) + 1 :] for s in short], w)}"


def _both(short: list[str], spec: Mapping[str, Any]) -> str:
    """The word for two persons of known sex together (`titles_together`: «ambos», «ambas»; the first title's
    for two of different sexes, `both_mixed`)."""
    titles = _titles(short, spec)
    if not titles:
        return ""
    return spec["titles_together"][titles[0]][1] if len(set(titles)) == 1 else spec.get("both_mixed", "")


def names(case: Case, w: Mapping[str, Any]) -> str:
    """Every word the facts name the person by, for `--redact`: the name and `person.called` without its
    title ("Mr. Liu" adds "Liu"; a "Mr." redacted would turn every title into initials)."""
    person = case.person
    name = (person.name or "") if person else ""
    called = (person.called or "") if person else ""
    titles = {t.rstrip(".").casefold() for t in w["facts"]["person"]["title_words"]}
    titles |= {t.rstrip(".").casefold() for t in w["facts"]["person"]["titles"].values()}
    return " ".join([name, *(word for word in called.split() if word.rstrip(".").casefold() not in titles)])


def _titled(name: str, spec: Mapping[str, Any]) -> bool:
    """Whether a name is written with its title already ("Mr A"): it is used as it stands, never "Mr. Mr A"."""
    first = name.split()[0].rstrip(".").casefold()
    return first in {t.rstrip(".").casefold() for t in spec["title_words"]}


def surname(name: str, spec: Mapping[str, Any]) -> str:
    """The part of a name a title goes before: the last word, with the particles before it
    ("al-Faraj", "de la Cruz"); initials ("K.", "A. B.") whole; a parenthesis left out."""
    words = re.sub(r"\([^)]*\)", " ", name).split()
    if not words:
        return name
    if all(re.fullmatch(r"\w\.", word) for word in words):
        return " ".join(words)
    particles = {p.casefold() for p in spec["particles"]}
    capitalised = {p.casefold() for p in spec["particles_capitalised"]}

    def particle(word: str) -> bool:  # "van" of "Vincent van Gogh", never "Van" of "Luu Van Vinh"
        return word.casefold() in capitalised or (word.islower() and word in particles)

    at = len(words) - 1
    while at > 0 and particle(words[at - 1]) and (at > 1 or words[0].islower()):  # "Ben Dos": a name
        at -= 1
    return " ".join(words[at:])


def holds(condition: str, leaves: Mapping[str, FactNode]) -> bool:
    """`trial.court=military`: some fact of that field (any item) has that value, or among its values (a list's:
    `person.status=human_rights_defender`)."""
    field, _, value = condition.partition("=")
    values = (
        v.value if isinstance(v.value, list) else [v.value]
        for p, v in leaves.items()
        if FieldPath.generic_name(p) == field
    )
    return any(str(one).lower() == value for told in values for one in told)


def _value(leaves: Mapping[str, FactNode], path: str) -> Any:
    leaf = leaves.get(path)
    return leaf.value if leaf is not None and not leaf.unproven else None


def never_tried(leaves: Mapping[str, FactNode]) -> bool:
    """Whether the facts say no trial was held (`trial.held: false`, proven): the one test of every form a language
    gives a person no court has tried, a rule's (`_untried`), a limb's or a fact's (`+untried`)."""
    return _value(leaves, "trial.held") is False


def never_charged(leaves: Mapping[str, FactNode]) -> bool:
    """Whether the facts say no charge was ever brought (`arrest.charged: false`, proven): "never formally told of
    any charge", never "not informed promptly", in a limb's `+uncharged` form and a fact's sentence alike."""
    return _value(leaves, "arrest.charged") is False


def occupations(items: list[str], w: Mapping[str, Any]) -> str:
    """What a person is, listed so that each phrase is clearly theirs: one with an apposition of its own ("the
    editor-in-chief of Tolishi Sado, the only Talysh-language newspaper") last, never before "and a mathematician",
    which would read as the newspaper's; several such, apart with semicolons."""
    items = sorted(items, key=lambda item: "," in item)
    if sum("," in item for item in items) < 2:
        return join(items, w)
    return "; ".join(items[:-1]) + f"; {w['words']['and']} {items[-1]}"


def listed(generic: str, items: list[str], w: Mapping[str, Any]) -> str:
    """The values of a list field in a sentence: a choice's words with their shared head once (`shared`),
    what the drafter typed (charges, names) joined as written."""
    return shared(items, w) if _kind(generic) == "choice" else join(items, w)


#: The drafter's words quoted as typed (`as_typed`), which `contract` leaves as they are.
_KEPT = re.compile("\x02(.*?)\x03", re.S)


def contract(text: str, w: Mapping[str, Any]) -> str:
    """A draft's text as the language writes it: the rules' citations in its form (`words: citations:`, each a
    pattern and what replaces it: "ICCPR 9(1)" -> "Pacte, art. 9 (par. 1)"), then the words a sentence joined
    that it writes as one (`contractions:`): Spanish "de el Sr." -> "del Sr.", French "de Alnur" -> "d'Alnur".
    The drafter's words quoted as typed (`as_typed`) are left as typed: no French space put into English."""
    kept: list[str] = []

    def hold(m: re.Match[str]) -> str:
        kept.append(m.group(1))
        return f"\x02{len(kept) - 1}\x03"

    text = citation.localised(_KEPT.sub(hold, text), w["words"], more=w["words"]["contractions"])
    return re.sub("\x02(\\d+)\x03", lambda m: kept[int(m.group(1))], text) if kept else text


def as_typed(text: str, w: Mapping[str, Any]) -> str:
    """The drafter's own words (a fact's reference) for a reader of another language than the case file's: as
    typed, labelled with their language (check.yaml `file_words:`, its sentence and each language's name,
    « référence du dossier, en anglais : « … » ») and marked for `contract` to leave them so; as typed alone in
    the file's own language, and paragraph numbers alone, which are words of no language, as the draft cites them
    ("paras 11, 69": "par. 11, 69"), their notes quoted apart ("par. 27, 45, 82 ; note du dossier, en anglais :
    « five-year ban »"). Inside `written`; `w`: the draft's words."""
    lang, language, _ = _WRITTEN.get()
    lang = lang or locale.LANGUAGE
    if language == lang:
        return text
    said = locale.load("check", lang)["file_words"]
    named = said.get(language, language)
    paragraphs = _paragraphs(*_reference_forms(w["draft"]))
    parts = [(part, _NOTE.search(part)) for part in _split(" ".join(text.split()))]
    bodies = [part[: note.start()] if note else part for part, note in parts]
    if all((m := paragraphs.fullmatch(body)) and not m.group(1) for body in bodies):
        cited = refs(bodies, w)
        notes = "; ".join(note.group(1) for _, note in parts if note)
        return str(said["noted"]).format(ref=cited, language=named, text=f"\x02{notes}\x03") if notes else cited
    return str(said["said"]).format(language=named, text=f"\x02{text}\x03")


def is_date(value: str) -> bool:
    """Whether a value is a date as a case file writes it (2020, 2020-04, 2020-04-17)."""
    return calendar(value) is not None


def earlier(first: str, then: str) -> bool:
    """Whether a date as a case file writes it surely falls before another: "2020" before "2022-06-14", never
    "2022" before "2022-06-14" (the same year may hold both)."""
    n = min(len(first), len(then))
    return first[:n] < then[:n]


def dates(w: Mapping[str, Any]) -> Mapping[str, Any]:
    """How the draft's language writes dates: check.yaml's `dates:`, which `wgad check`'s explanations read too."""
    return locale.load("check", w["language"])["dates"]


def date(value: str, w: Mapping[str, Any], *, preposition: bool = True) -> str:
    """A date as the Working Group writes it: "on 3 March 2025", "in February 2025", "in 2025" (or bare);
    the words are `asking.date_words`', the one writing of a date."""
    spec = dates(w)
    told = date_words(str(value), spec)
    if told is None:
        return str(value)
    text, form = told
    return spec[form].format(date=text) if preposition else text


def date_range(start: str, end: str, w: Mapping[str, Any]) -> str:
    """Two dates as the Working Group joins them: "12 to 22 June 2020", "18 April to 3 May 2020",
    "18 April 2020 to June 2021"; in French and Spanish with the preposition the dates' precision takes
    ("du 12 au 22 juin 2020", "du 18 avril au mois de juin 2020", "de mai à juillet 2019")."""
    spec = dates(w)
    a, b = calendar(start), calendar(end)
    if a and b and a.group(3) and b.group(3) and a.group(1) == b.group(1):
        months = spec["months"]
        same = a.group(2) == b.group(2)
        return spec["range_same_month" if same else "range_same_year"].format(
            day=day_words(a.group(3), spec),
            month=months[int(a.group(2)) - 1],
            end_day=day_words(b.group(3), spec),
            end_month=months[int(b.group(2)) - 1],
            year=a.group(1),
        )
    begin = date(start, w, preposition=False)
    if a and b and a.group(2) and b.group(2) and a.group(1) == b.group(1):  # "18 April to June 2020"
        begin = begin.removesuffix(spec["year_suffix"].format(year=a.group(1)))
    if a and b and not a.group(3):  # French "de mai à juillet 2019", "de février au 13 juillet 2023"
        form = "range_from_month_to_day" if b.group(3) else "range_from_month"
    elif b and not b.group(3):  # French "du 18 avril au mois de juin 2020", never "du 18 avril à juin"
        form = "range_to_year" if not b.group(2) and "range_to_year" in spec else "range_to_month"
    else:
        form = "range"
    return spec[form].format(start=begin, end=date(end, w, preposition=False))


def dates_in(text: str, w: Mapping[str, Any]) -> str:
    """Text with every ISO date in it (2020-04-17, 2020-06) written as the Working Group writes dates:
    for the sentences a rule fills with a fact's value; a year or a month after the preposition of a day takes its
    own ("at the arrest on 2021" -> "in 2021")."""
    on = dates(w)["on_day"].split("{date}")[0]
    if on:
        text = re.sub(rf"(?<!\w){re.escape(on)}(\d{{4}}(?:-\d{{2}})?)(?![\d-])", lambda m: date(m.group(1), w), text)
    return _ISO_STRICT.sub(lambda m: date(m.group(), w, preposition=False), text)


def number(value: float, w: Mapping[str, Any]) -> str:
    """A count in words up to ten ("five"), in figures above; a half as "two and a half"."""
    words = w["facts"]["numbers"]
    if float(value).is_integer():
        n = int(value)
        return words[n] if 0 <= n < len(words) else str(n)
    if float(value * 2).is_integer() and value > 1:
        return w["facts"]["lengths"]["and_a_half"].format(n=number(int(value), w))
    return str(value)


def times(value: int, w: Mapping[str, Any]) -> str:
    """How often something was done, at least once: "once", "twice", "three times", "12 times"."""
    forms = w["facts"]["times"]
    return forms[value] if 0 < value < len(forms) - 1 else forms[-1].format(n=number(value, w))


def length(value: float, unit: str, w: Mapping[str, Any]) -> str:
    """A length: "five years", "one day", "20 days", "two and a half years"; French and Spanish put the half
    after the unit (`half:`): « quatre ans et demi », « cuatro años y medio », never « quatre et demi ans »."""
    lengths = w["facts"]["lengths"]
    months = value * 12
    whole: int = round(months)  # typed here: mypy 1.15 reads round() inside `and` as bool
    if unit == "years" and value < 1 and abs(months - whole) < 0.05 and whole:
        return length(whole, "months", w)  # "0.83 years" of ten months: "ten months"
    halved = value > 1 and not float(value).is_integer() and float(value * 2).is_integer()
    if halved and (half := lengths["half"].get(unit)):
        return half.format(length=length(int(value), unit, w))
    return lengths[unit][0 if value == 1 else 1].format(n=number(value, w))


def exact_length(leaf: FactNode, w: Mapping[str, Any]) -> str | None:
    """A length in days the engine computed (`days`, `days_untried`), told as a lawyer tells it: in the unit the
    file gave it ("months: 19" is "19 months", never "578 days"), or from two dates to the day in the largest
    whole unit that is exact ("2 July to 2 October 2017" is "three months"; weeks below a year); None for a
    length the file gave in days, one known only between bounds, a sum of several periods, or one no larger unit
    measures exactly. The count must be the one its source gives: never a part told as the whole."""
    days = leaf.value
    if not leaf.derived_from or isinstance(days, bool) or not isinstance(days, int) or days <= 0:
        return None
    if getattr(days, "upper", days) != int(days):  # "812 to 841 days": bounds, told as they are
        return None
    sources = [f for f in leaf.derived_from if _unit(f.path) or dated(FieldPath.generic_name(f.path))]
    if len(sources) == 1 and _unit(sources[0].path) == "days" and sources[0].value == days:
        return exact_length(sources[0], w)  # the days of the one period counted: as that period's are told
    if len(sources) == 1 and (unit := _unit(sources[0].path)) in UNIT_DAYS and unit != "days":
        given = sources[0].value
        if isinstance(given, (int, float)) and not isinstance(given, bool) and int(given * UNIT_DAYS[unit]) == days:
            return length(given, unit, w)
        return None
    ends = [calendar(str(f.value)) for f in sources]
    if len(ends) != 2 or not all(m and m.group(3) for m in ends):
        return None
    start, end = [[int(m.group(i)) for i in (1, 2, 3)] for m in ends if m]
    if (dt.date(*end) - dt.date(*start)).days != days:
        return None
    months = (end[0] - start[0]) * 12 + end[1] - start[1]
    if start[2] == end[2] and months > 0:
        return length(months // 12, "years", w) if months % 12 == 0 else length(months, "months", w)
    return length(days // 7, "weeks", w) if days % 7 == 0 and days < 365 else None


def _unit(field_name: str) -> str | None:
    """The unit of a length field, from its name (`days`, `solitary_days`, `years`)."""
    last = field_name.rsplit(".", 1)[-1].rsplit("_", 1)[-1]
    return last if last in ("days", "weeks", "months", "years") else None


def article(text: str, w: Mapping[str, Any]) -> str:
    """A noun phrase the drafter typed, with the indefinite article it needs: "a civic activist",
    "an engineer"; kept as typed when it has its own determiner ("the editor", "her lawyer"), is a
    proper name or title ("President of ..."), a plural or a word that takes none ("retired", "staff")."""
    spec = w["facts"]["articles"]
    words = text.split()
    if not words:
        return text
    first = words[0].casefold()
    head = words[1] if first in spec["modifiers"] and len(words) > 1 else words[0]
    bare = head.strip(",;:()").casefold()
    rest = words[words.index(head) + 1 :]  # "staff of ...", "retired": none; "a media consultant", "a retired teacher"
    if (
        first in spec["determiners"]
        or _title_or_name(words, spec)
        or words[0][0].isdigit()
        or (bare in spec["no_article"] and (not rest or rest[0].casefold() in spec["place_ends"]))
        or _plural(bare, spec)
        or (bare.endswith(tuple(w["facts"]["conduct"]["past_endings"])) and head is words[0])
    ):
        return text
    if office(text, w):
        return spec["the"].format(text=text)  # "the president of the party": one holds the office
    an = first.startswith(tuple(spec["vowels"])) and not first.startswith(tuple(spec["sounds_consonant"]))
    an = an or first.startswith(tuple(spec["sounds_vowel"]))
    return spec["an" if an else "a"].format(text=text)


def office(text: str, w: Mapping[str, Any]) -> bool:
    """Whether a phrase names an office one person holds ("national coordinator of the party", "president of
    ..."): its head noun, after a modifier, is one of `articles: offices:` and opens a complement ("of")."""
    spec = w["facts"]["articles"]
    words = text.split()
    if not words:
        return False
    at = 1 if words[0].casefold() in spec["modifiers"] and len(words) > 1 else 0
    bare = words[at].strip(",;:()").casefold()
    return bare in spec["offices"] and len(words) > at + 1 and words[at + 1].casefold() in spec["office_of"]


def _title_or_name(words: list[str], spec: Mapping[str, Any]) -> bool:
    """A title or a proper name, written without an article: capitals up to the word that joins a title
    (`title_joins`: "President of the Republic", "Leader of the Opposition"), to a name's possessive ("Viasna's
    work") or to its end ("Al Jazeera", "Charter 08"); never capitals before a common noun ("Shia social activist",
    "ADHOC staff member")."""
    if not words[0][:1].isupper():
        return False
    for word in words:
        if word.casefold() in spec["title_joins"] or word.endswith(("'s", "’s")):  # "Viasna's ...": its determiner
            return True
        if not (word[:1].isupper() or word[:1].isdigit()):  # "Charter 08"
            return False
    return True


def _plural(noun: str, spec: Mapping[str, Any]) -> bool:
    """Whether a noun is plural by its ending, in the language's rules (`articles: plural_endings`, less
    `singular_endings`: English "press", "campus")."""
    return noun.endswith(tuple(spec["plural_endings"])) and not noun.endswith(tuple(spec["singular_endings"]))


#: A place's short name in parentheses, a proper name: "(El Chipote)", "(La Modelo)".
_ALIAS = re.compile(r"\(([A-Z][^()]*)\)")


def place(text: str, w: Mapping[str, Any], *, facilities: Collection[str] = ()) -> str:
    """Where something happened, with its preposition and article: "at her home", "at the office of
    his relatives", "at Evin prison"; a place the drafter wrote with its preposition ("in the street",
    "at home") as written; a facility the case named before by its kind (`facilities`: "El Chipote" of
    "Dirección de Auxilio Judicial (El Chipote)") as a building, "at El Chipote", never a town's "in". In
    French and Spanish the article agrees with the noun's gender (`articles:
    genders`, `at_gender`): "au bureau", "à la prison", "à l'hôpital", "en la oficina"; a noun the table does
    not know takes the preposition alone."""
    spec = w["facts"]["articles"]
    words = text.split()
    if not words:
        return text
    first = words[0].casefold()
    if first in spec["prepositions"]:
        return text
    if _participle(words, spec):  # "stopped on his way ...": what was done, "after being stopped ..."
        return str(spec["participle"].format(place=text))
    if first in spec["definite"]:  # an article typed: French "le commissariat" -> "au commissariat"
        return spec["at_gender"][spec["definite"][first]].format(
            place=text.split(None, 1)[1] if len(words) > 1 else text
        )
    if first.startswith(("l'", "l\u2019")) and "vowel" in spec["at_gender"]:
        return spec["at_gender"]["vowel"].format(place=text[2:])
    if first in spec["determiners"] and len(words) > 1 and words[1].strip(",;:()").casefold() in spec["vehicles"]:
        return spec["on_vehicle"].format(place=text)  # "on a flight from Dubai to Kigali"
    if text.split(",")[0].strip() in facilities:
        return spec["at"].format(place=text)
    if "(" in text and text.split("(")[0].strip().casefold() in locale.states():  # "in Turkey (Silivri prison ...)"
        said = country_in(text, w)
        return said if spec.get("in_country") else str(spec["in_town"].format(place=said))
    if words[0][0].isupper() and not _common(words, spec) and (town := _town(words, spec)):
        return spec[town].format(place=text)  # "in Nouakchott", "in the Tabuk region"
    if _named_with_the(words, spec):
        return spec["at_the"].format(place=text)
    if first in spec["determiners"] or (words[0][0].isupper() and not _common(words, spec)) or words[0][0].isdigit():
        return spec["at"].format(place=text)
    if spec.get("bare_plural") and _indefinite_plural(words, spec):
        return spec["at"].format(place=text)  # "at undisclosed locations", never "at the undisclosed locations"
    gender = spec["genders"].get(first.strip(",;:()"))
    if gender:  # a noun the language's table knows: "au bureau de ses proches", "en la oficina"
        elided = gender in ("m", "f") and first.startswith(tuple(spec["elided"]))
        return spec["at_gender"]["vowel" if elided else gender].format(place=text)
    return spec["at_the"].format(place=text)


def body(text: str, w: Mapping[str, Any]) -> str:
    """An authority named as a lawyer names it: a body ("Federal Police", "Rwanda Investigation Bureau", "police")
    with its definite article ("by the Federal Police"), whose head noun is one of `articles: bodies:`; persons
    ("police officers", "armed men"), a name with its own determiner or possessive, as typed."""
    spec = w["facts"]["articles"]
    words = text.split()
    if not words or words[0].casefold() in spec["determiners"] or words[0].casefold() in spec["prepositions"]:
        return text
    if words[0].endswith(("'s", "\u2019s")):  # "Turkey's National Intelligence Organization"
        return text
    return str(spec["the"].format(text=text)) if _head_noun(words, spec) in spec["bodies"] else text


def _head_noun(words: list[str], spec: Mapping[str, Any]) -> str:
    """The head noun of a name: its last word before a comma, a parenthesis or a word that opens a complement
    ("department" of "Nasimi District Police Department, Baku"; "ministry" of "Ministry of the Interior")."""
    head = ""
    for word in words:
        if word.startswith("(") or word.casefold() in spec["place_ends"]:
            break
        head = word.strip(",;:()").casefold()
        if word.endswith((",", ";", ":")):
            break
    return head


def _described(words: list[str], spec: Mapping[str, Any]) -> bool:
    """Whether a place is a building described by a common phrase after a name ("Okrestina temporary detention
    facility", "Cotonou civil prison"), which takes "the" as a prison named by a proper name does not ("Evin
    Prison", and "Evin prison", where a name and the building's word alone are the name in use): its head noun,
    written in lower case, is a building's word, and the word before it is in lower case too."""
    head = _head_noun(words, spec)
    bare = [w.strip(",;:()") for w in words]
    at = next((i for i, w in enumerate(bare) if w.casefold() == head), -1)
    return bool(head) and at > 0 and bare[at].islower() and bare[at - 1].islower() and head in spec["buildings"]


def _named_with_the(words: list[str], spec: Mapping[str, Any]) -> bool:
    """Whether a capitalised place's name takes "the": a body or a hotel by its head noun ("the Nasimi District Police
    Department, Baku", "the Kingdom Hotel, Mwanza"), a building described by a common phrase ("the Okrestina
    temporary detention facility"), or an institution named noun first (`_institution`)."""
    if not words[0][0].isupper() or words[0].casefold() in spec["determiners"]:
        return False
    named_with_the = [*spec["bodies"], *spec["named_with_the"]]
    return _head_noun(words, spec) in named_with_the or _described(words, spec) or _institution(words, spec)


def _indefinite_plural(words: list[str], spec: Mapping[str, Any]) -> bool:
    """Whether a place in lower case is a plural noun phrase with nothing that makes it definite ("undisclosed
    locations", "secret sites"): no complement ("of", "in") and no comma, which English writes with no article."""
    if words[0][:1].isupper() or any(w.casefold() in spec["place_ends"] or w.endswith(",") for w in words):
        return False
    return _plural(words[-1].strip(",;:()").casefold(), spec)


def _institution(words: list[str], spec: Mapping[str, Any]) -> bool:
    """Whether a place is an institution named in a language that puts its noun first ("Brigade économique et
    financière", "Prison civile de Cotonou"): a capitalised building's or body's word, then a word in lower case;
    English gives it "the" as it does the same name translated ("the Economic and Financial Brigade")."""
    nouns = {n.casefold() for n in (*spec["buildings"], *spec["bodies"])}
    first = words[0].strip(",;:()")
    return len(words) > 1 and first[:1].isupper() and first.casefold() in nouns and words[1][:1].islower()


def _participle(words: list[str], spec: Mapping[str, Any]) -> bool:
    """Whether a place opens with a participle (what was done to the person: "stopped", "taken"), in lower case. A
    word known by its ending alone is one only before what follows a verb (`participle_then`: "stopped on his
    way", "flown by helicopter"), never before a noun it qualifies ("undisclosed locations": "at ...")."""
    bare = words[0].strip(",;:()")
    if not bare.islower():
        return False
    said = bare.casefold()
    if said in spec["participles"]:
        return True
    then = spec.get("participle_then")
    if then is not None and (len(words) < 2 or words[1].strip(",;:()").casefold() not in then):
        return False
    return said.endswith(tuple(spec["participle_endings"])) and said not in spec["not_participles"] and len(said) > 4


def _town(words: list[str], spec: Mapping[str, Any]) -> str | None:
    """How a place named by proper names is reached: a town or a region ("in_town": "in Nouakchott", "in Ho Chi
    Minh City"; "in_region": "in the Tabuk region") when no word of its name, up to a comma, is a building's
    (`articles: buildings:`), else None ("at Evin Prison", "at Nera Hotel")."""
    name = []
    for word in words:
        name.append(word.strip(",;:()").casefold())
        if word.endswith((",", ";", ":")) or "(" in word:
            break
    region = len(name) > 1 and name[-1] in spec["regions"]
    proper = words[: len(name) - region]
    if set(name) & {b.casefold() for b in spec["buildings"]} or not all(w[:1].isupper() for w in proper):
        return None
    return "in_region" if region else "in_town"


def _common(words: list[str], spec: Mapping[str, Any]) -> bool:
    """Whether a capitalised place is named by common nouns ("Temporary Detention Facility of Almaty": "at
    the ..."), not by a proper name ("Evin Prison", "SIZO No. 1"): every word of its name, up to a comma or a
    word that opens a complement ("of", "in"), is one of `articles: common_places:`."""
    common = {c.casefold() for c in spec["common_places"]}
    name = []
    for word in words:
        if word.casefold() in spec["place_ends"]:
            break
        name.append(word.strip(",;:()").casefold())
        if word.endswith((",", ";", ":")):
            break
    return bool(name) and all(word in common for word in name)


def medium(text: str, w: Mapping[str, Any]) -> str:
    """The medium of a conduct with its preposition, as it follows what it carried: "on his private
    Facebook page", "on television", "in an interview", "by telephone"; a medium the drafter wrote with
    its preposition ("in a letter to the President") as written."""
    spec = w["facts"]["media"]
    words = text.split()
    if not words or words[0].casefold() in w["facts"]["articles"]["prepositions"]:
        return text
    said = {word.strip(",;:()").casefold() for word in words}
    for preposition, cues in spec["prepositions"].items():
        if said & {c.casefold() for c in cues}:
            noun = _with_article(text, w) if preposition in spec["with_article"] else text
            return spec["form"].format(preposition=preposition, medium=noun)
    return spec["form"].format(preposition=spec["default"], medium=text)


#: A provision as a case file may type it: the law's name around "art 274 part 4 para 2", "article 105(1)",
#: "art. 347 bis", "s. 2(a)-(d)"; the words (article, section, part, paragraph) are the translation file's
#: (`facts: provisions:`).
@functools.cache
def _provision(article_words: tuple[str, ...], part_words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    marker = "|".join(re.escape(a) for a in sorted(article_words, key=len, reverse=True))
    part = "|".join(re.escape(p) for p in sorted(part_words, key=len, reverse=True))
    whole = re.compile(
        rf"^(?P<before>.*?),?\s*\b(?P<marker>{marker})\.?\s+(?P<number>{_NUMBER})"
        rf"(?P<more>(?:\s*,\s*(?:and\s+)?{_NUMBER}|\s+(?:and|&)\s+{_NUMBER})*)"
        rf"(?P<parts>(?:,?\s+(?:{part})\.?\s+\w+)*)(?P<after>.*)$",
        re.I,
    )
    return whole, re.compile(rf"(?:{part})\.?\s+(\w+)", re.I)


#: One article's or section's number as a file types it: "274", "120B", "234.4.3", "347 bis", "105(1)", "2(a)-(d)".
_NUMBER = r"\d[\w.\-]*(?:\s+(?:bis|ter|quater)\b)?(?:\(\w+\))*(?:-\(\w+\))?"


def provisions(items: list[str], w: Mapping[str, Any], state: str = "") -> str:
    """The provisions invoked as a lawyer cites them: "article 274(4)(2) of the Criminal Code" for "Criminal
    Code of Kazakhstan art 274 part 4 para 2" (the State's own name left out where the case is against it),
    "articles 109 and 113 of the 2015 Penal Code" for two of one law, "the Anti-Cybercrime Law" for a law;
    a note in parentheses kept after its provision."""
    spec = w["facts"]["provisions"]
    sections = {word.casefold() for word in spec["section_words"]}
    whole, parts = _provision(tuple([*spec["article_words"], *sections]), tuple(spec["part_words"]))
    laws: dict[tuple[str, str], list[str]] = {}  # a law's name and unit: its articles or sections, in order
    told: list[str | tuple[str, str]] = []  # each provision in order; a law's together, where its first is
    for item in items:
        note = _NOTE.search(item)
        body = (item[: note.start()] if note else item).strip()
        m = whole.match(body)
        if m is None:
            told.append(_named_law(body, w, state) + (note.group(0) if note else ""))
            continue
        listed = [m.group("number"), *re.findall(_NUMBER, m.group("more"))]  # "ss. 120B, 121, 121A": each of one law
        listed[-1] += "".join(f"({n})" for n in parts.findall(m.group("parts")))
        unit = "section" if m.group("marker").casefold() in sections else "article"
        if unit == "section":  # as a common-law lawyer writes a section's subsections: "section 5 (1)"
            listed = [re.sub(r"^([^(]+)\(", r"\1 (", n) for n in listed]
        elif "subdivided" in spec:
            listed = [_subdivided(n, spec) for n in listed]
        law = " ".join(f"{m.group('before')} {m.group('after')}".replace(",", " ").split())
        law = re.sub(rf"^(?:{'|'.join(re.escape(o) for o in spec['of_words'])})\s+", "", law, flags=re.I)
        if note:
            told.append(_article(listed, law, unit, w, state) + note.group(0))
        elif (law, unit) in laws:
            laws[law, unit] += listed
        else:
            laws[law, unit] = listed
            told.append((law, unit))
    return join([_article(laws[e], e[0], e[1], w, state) if isinstance(e, tuple) else e for e in told], w)


def _subdivided(number: str, spec: Mapping[str, Any]) -> str:
    """An article's parts as the language cites them (`subdivisions`, `subdivided`): French "274 (par. 4, al. 2)",
    Spanish "274, párr. 4, apdo. 2", as its opinions cite the Covenant; "274(4)(2)" where there are more parts
    than the language names, or a range ("2(a)-(d)")."""
    m = re.fullmatch(r"([^()]+?)((?:\(\w+\))+)", number)
    found = re.findall(r"\((\w+)\)", m.group(2)) if m else []
    if not m or len(found) > len(spec["subdivisions"]):
        return number
    said = ", ".join(level.format(n=n) for level, n in zip(spec["subdivisions"], found, strict=False))
    return str(spec["subdivided"]).format(number=m.group(1), parts=said)


def _article(numbers: list[str], law: str, unit: str, w: Mapping[str, Any], state: str) -> str:
    """One law's articles or sections (`unit`): "article 274(4)(2) of the Criminal Code", "articles 109 and 113
    of ...", "section 5 (1) of the 2008 Suppression of Terrorism Act"; Spanish "del artículo 274, párrafo 4,
    apartado 2, del ..." (`parts_close`: the comma that closes an article's parts before its law)."""
    spec = w["facts"]["provisions"]
    close = spec.get("parts_close", "")  # after an article's parts said in words ("274, párrafo 4, apartado 2")
    numbers = [n + close if ", " in n and (law or i < len(numbers) - 1) else n for i, n in enumerate(numbers)]
    text = spec[unit if len(numbers) == 1 else f"{unit}s"].format(number=join(numbers, w))
    return spec["of_law"].format(articles=text, law=_named_law(law, w, state)) if law else text


def _named_law(name: str, w: Mapping[str, Any], state: str) -> str:
    """A law's name as the draft cites it (`_law`), or set apart to translate when typed in another language;
    in a language whose article varies with the law's gender, the law with its article (`_gendered_law`)."""
    spec = w["facts"]["provisions"]
    if "law_forms" in spec:
        return _gendered_law(name, w, state)
    if foreign(name):
        return translated(name, w)
    return _law(translation(name) or name, spec, state)


def _gendered_law(name: str, w: Mapping[str, Any], state: str) -> str:
    """A law as French or Spanish cite it in running text, with the « de » that « en vertu » governs and the
    article of its kind's gender (`law_forms`): « du Code pénal », « de la loi n° 35 », « de l'ordonnance »,
    and so for a name left to translate (« du [à traduire : Criminal Code] »), whose kind its own language's
    nouns name (`law_nouns`: "Code", "Act", "Law"); a law of no kind known after a neutral noun (`unknown`:
    « du texte intitulé … »), grammatical whatever its gender. A determiner the drafter typed decides
    (« la loi … » -> « de la loi … »); "of <the State>" is left out where the case is against it."""
    spec = w["facts"]["provisions"]
    _, language, _ = _WRITTEN.get()
    typed_in = w if not foreign(name) or language not in locale.LANGUAGES else locale.load("draft", language)
    own = typed_in["facts"]["provisions"]
    given = translation(name)  # the file's or the language's own words (`glossary`): never set apart again
    text = given or name
    if state:
        of = "|".join(re.escape(o) for o in own["of_words"])
        text = re.sub(rf"\s+(?:{of})\s+(?:the\s+)?{re.escape(state)}$", "", text, flags=re.I)
    first, _, rest = text.partition(" ")
    if typed_in is w and first.casefold() in spec["law_forms"]["determined"]:
        return str(spec["law_forms"]["determined"][first.casefold()]).format(law=rest)
    if first.casefold() in own["determiners"] and rest:  # "the anti-terrorism law": the draft gives its own
        text = rest
    said = [word.strip(",;:()").casefold() for word in text.split()]
    kind = next((k for word in said for k, nouns in own["law_nouns"].items() if word in nouns), None)
    shown = text if given else translated(text, w)
    if kind is None:
        return str(spec["law_forms"]["unknown"]).format(law=shown)
    form = spec["law_genders"][kind]
    if typed_in is w and form in ("m", "f") and "elided" in spec["law_forms"] and _vowel(text, w):
        form = "elided"
    return str(spec["law_forms"][form]).format(law=shown)


def _vowel(text: str, w: Mapping[str, Any]) -> bool:
    """Whether a word opens with a vowel sound the article elides before (French « l'ordonnance »)."""
    return text.casefold().startswith(tuple(w["facts"]["articles"]["elided"]))


def _law(name: str, spec: Mapping[str, Any], state: str) -> str:
    """A law's name with its article, its year first ("the 2015 Penal Code"), less "of <the State>"; a
    numbered instrument named by its kind without one ("Decree 7 of 2024", "Law No. 35"), a titled one with it
    ("the Prevention of Terrorism Act No. 21 of 2002")."""
    if state:
        name = re.sub(rf"\s+of\s+(?:the\s+)?{re.escape(state)}$", "", name)
    m = re.fullmatch(r"(.+?)\s+(\d{4})", name)
    if m and m.group(1).split()[-1].casefold() not in spec["of_words"]:  # never "Decree 7 of 2024"
        name = f"{m.group(2)} {m.group(1)}"
    words = name.split()
    numbered = next((i for i, w in enumerate(words) if i and w[:1].isdigit()), None)
    if not words or words[0].casefold() in spec["determiners"] or (numbered is not None and numbered <= 2):
        return name  # its own determiner, or a numbered instrument ("Decree 7 of 2024", "Law No. 35")
    return spec["the"].format(law=name)


def conduct_form(text: str, w: Mapping[str, Any]) -> str:
    """How a drafter described the conduct: "act" when it opens with a verb in the past ("took part in
    the protests", "founded an NGO"), which the person's name can precede; else "means" (a noun, "three
    Facebook posts", or a gerund, "leading the party"), through or by which the person exercised a right."""
    spec = w["facts"]["conduct"]
    said = [word.casefold().rstrip(",;:") for word in text.split()]
    first = said[0] if said else ""
    past = first.endswith(tuple(spec["past_endings"])) and first not in spec["not_verbs"]
    if first in spec["past_verbs"] and (participles := spec.get("participle_endings")):
        # French "a participé": an auxiliary with its participle, never the English article of "a meeting"
        return "act" if len(said) > 1 and said[1].endswith(tuple(participles)) else "means"
    return "act" if past or first in spec["past_verbs"] else "means"


def described(text: str, w: Mapping[str, Any]) -> str:
    """A conduct the drafter described by a noun, with the article a singular noun needs ("a public
    campaign against ..."); none for a plural, a noun that takes none ("investigative journalism",
    "advocacy") or one with its own determiner. The noun is the phrase before its first preposition,
    conjunction or comma ("public campaign" of "public campaign against the ban, and contacts")."""
    head = _head(text, w)
    if not head or set(head) & set(w["facts"]["conduct"]["mass_nouns"]):
        return text
    if _plural_phrase(text, head, w) or _listed(text, len(head), w):
        return text  # a plural ("articles criticising ..."), nouns listed ("radio, television and online broadcasts")
    return article(text, w)


def _with_article(text: str, w: Mapping[str, Any]) -> str:
    """A medium after "in" with the article a singular noun needs ("in an interview", "in an online magazine,
    website and social media": a list after "in" takes it, unlike a conduct's, `described`), none for a plural
    ("in articles", "in radio and press interviews")."""
    head = _head(text, w)
    return text if head and _plural_phrase(text, head, w) else article(text, w)


def _plural_phrase(text: str, head: list[str], w: Mapping[str, Any]) -> bool:
    """Whether a noun phrase is plural, which takes no article: its head noun is ("articles"), or the head is joined
    by "and" or "or" to a phrase whose noun is ("radio and press interviews"); the one test `described` and
    `_with_article` share."""
    return _plural(head[-1], w["facts"]["articles"]) or _joined_to_plural(text, len(head), w)


def _joined_to_plural(text: str, head: int, w: Mapping[str, Any]) -> bool:
    """Whether the head is joined by "and" or "or" to a phrase whose noun is plural, which it qualifies with it
    ("radio and press interviews"): the phrase is a plural, which takes no article."""
    said = text.split()
    if head >= len(said) or said[head].casefold() not in w["facts"]["conduct"]["list_conjunctions"]:
        return False
    rest = _head(" ".join(said[head + 1 :]), w)
    return bool(rest) and _plural(rest[-1], w["facts"]["articles"])


def _listed(text: str, head: int, w: Mapping[str, Any]) -> bool:
    """Whether the noun phrase's head, ended by a comma, opens a list of nouns ("radio, television and online
    broadcasts campaigning for ..."): a conjunction follows before any other word that ends the phrase; a
    comma before a phrase that qualifies the noun ("a petition, signed by ...") is no list."""
    said = text.split()
    if head >= len(said) or not said[head - 1].endswith(","):
        return False
    conjunctions = w["facts"]["conduct"]["list_conjunctions"]
    for word in said[head:]:
        folded = word.strip(",;:()").casefold()
        if folded in conjunctions:
            return True
        if folded in w["facts"]["conduct"]["phrase_ends"]:
            return False
    return False


def _head(text: str, w: Mapping[str, Any]) -> list[str]:
    """A noun phrase's words before its first preposition, conjunction or comma, folded: "public campaign" of
    "public campaign against the ban", "member" of "member of the House of Assembly"."""
    head: list[str] = []
    for word in text.split():
        if word.casefold() in w["facts"]["conduct"]["phrase_ends"]:
            break
        head.append(word.strip(",;:()").casefold())
        if word.endswith((",", ";", ":")) or "(" in word:
            break
    return head


def within(part: Any, whole: Any) -> bool:
    """Whether every word of `part` (but the short ones: "and", "08") is in `whole`."""
    said = {word.strip(",;:()").casefold() for word in str(whole).split()}
    return all(word.strip(",;:()").casefold() in said for word in str(part).split() if len(word) > 3)


def before_medium(description: str) -> str:
    """A conduct's description as its medium follows it: set off by a comma where a clause or an apposition within
    it is ("..., which published videos on corruption, the President among them, through YouTube"), so that the
    medium never reads as part of that clause."""
    return f"{description}," if "," in description and not description.endswith(",") else description


def _gerund(text: str, w: Mapping[str, Any]) -> bool:
    """A description that opens with a gerund ("leading the party"), or an adverb and one ("privately sharing ..."):
    "by leading", not "through leading"."""
    said = [word.casefold().rstrip(",;:") for word in text.split()]  # "signing, in March 2011, a petition"
    spec = w["facts"]["conduct"]
    if len(said) > 1 and said[0].endswith(tuple(spec.get("adverb_endings", ()))) and said[0] not in spec["not_verbs"]:
        said = said[1:]
    return said[0].endswith(tuple(spec["gerund_endings"])) and said[0] not in spec["not_verbs"]


def country(text: str, w: Mapping[str, Any]) -> str:
    """A State's name as a sentence needs it: "the Russian Federation", "Kazakhstan"; in French or Spanish as
    the Working Group's opinions there name it ("Kazajstán", `locales/states.yaml`), else as written."""
    if known := state_words(text, w):
        return known[0]["name"] + known[1]
    starts = w["facts"]["articles"]["countries_with_the"]
    if text.startswith(tuple(starts)):
        return w["facts"]["articles"]["the"].format(text=text)
    return text


def country_with_article(text: str, w: Mapping[str, Any]) -> str:
    """A State's name with the article a sentence gives it where the language's table gives one (French `the`:
    « le Kazakhstan », « l'Inde », « Cuba »), else as `country` names it: a template's `{..._the}`."""
    if known := state_words(text, w):
        return known[0].get("the", known[0]["name"]) + known[1]
    return country(text, w)


def country_in(text: str, w: Mapping[str, Any], apart: str | None = None) -> str:
    """A State, or a town, after the preposition of place its article takes (`in_country`: French « aux États-Unis »,
    « au Qatar », « en Égypte », « à Cuba »; a town « à Velasco »): « réside à États-Unis » is no French. A
    language without the table says the place as `country` does; `apart`, the place set apart to translate, after
    a town's preposition."""
    forms = w["facts"]["articles"].get("in_country")
    if apart is not None:
        return (forms[""] if forms else "") + apart
    if not forms:
        return country(text, w)
    known = state_words(text, w)
    said = known[0].get("the", known[0]["name"]) if known else country(text, w)
    article = next(a for a in forms if said.startswith(a)) if known else ""
    return forms[article] + said[len(article) :] + (known[1] if known else "")


def state_words(text: str, w: Mapping[str, Any]) -> tuple[Mapping[str, str], str] | None:
    """A State (or its nationality, "Kazakh") as a case file writes it, in the draft's language: its name and
    the adjective of its nationality where the table gives one, and what the file wrote after the name
    ("(of Vietnamese origin)", as written in the draft's language, else set apart to translate); None for a State
    the table does not list in that language."""
    entry = locale.states().get(text.strip().casefold())
    rest = ""
    if entry is None and "(" in text:
        head, rest = text.split("(", 1)
        said = rest.removesuffix(")").strip()
        entry, rest = locale.states().get(head.strip().casefold()), f" ({translated(said, w)})"
    words = entry.get(w.get("language", "")) if entry else None
    placeholder = w.get("facts", {}).get("placeholder_state")
    if not words and placeholder and (m := re.fullmatch(r"State ([A-Z]\d?)", text.strip())):
        words = {"name": placeholder.format(label=m[1])}  # a teaching case's State ("State Z"): "el Estado Z"
    return (words, rest) if words else None


def government(state: str, w: Mapping[str, Any]) -> str:
    """The Government as the Working Group's requests name it ("the Government of Kazakhstan", "Gouvernement
    camerounais", "Gobierno del Camerún"): the States table's own form (`government`), else the language's
    `government_of` the State named in the language; `government` alone where the file names no State."""
    say = w["draft"]
    if not state:
        return str(say["government"])
    known = state_words(state, w)
    if known and "government" in known[0]:
        return str(known[0]["government"])
    return str(say["government_of"]).format(state=country(state, w))


def adjective_nationality(text: str, w: Mapping[str, Any]) -> bool:
    """Whether a nationality is written as an adjective ("Iranian") rather than as a State ("Iran")."""
    spec = w["facts"]["nationality_adjective"]
    head = text.split("(")[0].strip()
    return head.endswith(tuple(spec["endings"])) and head not in spec["states"]


def _speaker(leaf: FactNode) -> frozenset[str]:
    """Who a sentence of this fact says states it (`Teller._finish`): the source (none named), or the others."""
    by = frozenset(leaf.by) - {"working_group"}
    return frozenset() if not by or by & {"source", "drafter", "other"} else by


class Teller:
    """Tells the facts of one person: each sentence filled from the translation file."""

    def __init__(
        self, leaves: Mapping[str, FactNode], w: Mapping[str, Any], *, reply: bool = True, person: Who | None = None
    ):
        """`reply`: whether the Government has spoken yet (comments on its reply): a first submission tells
        neither what the Government alone states nor which facts it contests. `person`: whom the facts
        are told of, when not the file's own person (`group`: the detainees of a joint submission)."""
        self.leaves = leaves
        self.reply = reply
        self.w = w
        self.spec = w["facts"]
        self.person = person or who(leaves, w)
        self.told: set[str] = set()
        #: the person's status, told already in the occupation's sentence (`person.occupation_with_status`)
        self.status_told = False
        #: the facts of the paragraph being told that the Government disputes (and the source, of the Government's)
        self.disputed: list[str] = []
        self.disputed_by_source: list[str] = []

    def paragraphs(self, part: Callable[[str], bool] = lambda path: True) -> list[str]:
        """One paragraph per part of the case (and per detention period, per conduct): the section's
        narrative first, then each structured fact it does not already tell, each sentence once. `part`:
        the facts to tell now (a part of the questionnaire), the person named as the whole case names
        them, and named in full only the first time."""
        groups: dict[str, list[FactNode]] = {}
        for path, leaf in self.leaves.items():
            if not part(path) or (not self.reply and set(leaf.by) == {"government"}):
                continue
            if leaf.derived_from or (leaf.unproven and "government" not in leaf.by) or leaf.value in ([], ""):
                continue  # computed by the engine, an exception not shown but the Government's word, or nothing
            if FieldPath.generic_name(path) not in field_types():
                continue  # a section written as an empty list (`conduct: []`): no fact
            section = path.split(".")[0].split("[")[0]
            if section not in self.spec["sections"]:
                continue
            key = path.split(".")[0] if section in ("detention", "conduct") else section
            groups.setdefault(key, []).append(leaf)
        order = {s: i for i, s in enumerate(self.spec["sections"])}
        moved = self._transfers(groups)
        out: list[str] = []
        for key in sorted(groups, key=lambda k: (order[k.split("[")[0]], _index(k))):
            sentences = self._group(key, groups[key], moved.get(key))
            name = self.leaves.get("person.name")
            if key == "person" and name is not None and not self.person.named:
                sentences.insert(
                    0,
                    self._finish(
                        self._fill(self.spec["sentences"]["person.name"], {"value": self.person.full}), [name]
                    ),
                )  # the name told on its own, when nothing else uses it
                self.person.named = True
            text = " ".join(sentences)
            if text and key in moved and out:
                out[-1] += f" {text}"  # the same custody, continued elsewhere: the paragraph goes on
            elif text:
                out.append(text)
        return out

    def _transfers(self, groups: dict[str, list[FactNode]]) -> dict[str, tuple[FactNode, FactNode]]:
        """The periods that continue the one before elsewhere (a transfer: the same kind of custody, starting the day
        the other ended, with no new arrest, in another place the language can say one was moved to), each with its
        start and place, taken out of its group; the earlier period's end becomes the later one's, so that the two
        are told as one custody and the move ("On 15 June 2022 she was transferred to ..."), never as two."""
        moved: dict[str, tuple[FactNode, FactNode]] = {}
        for key in sorted((k for k in groups if k.startswith("detention[")), key=_index):
            before = f"detention[{_index(key) - 1}]"
            first = {FieldPath.generic_name(f.path): f for f in groups.get(before, [])}
            then = {FieldPath.generic_name(f.path): f for f in groups[key]}
            facts = ("detention[].kind", "detention[].place", "detention[].start")
            if before in moved or any(f not in first or f not in then for f in facts[:2]):
                continue
            if "detention[].end" not in first or facts[2] not in then or _value(self.leaves, f"{key}.rearrest"):
                continue
            same = first["detention[].kind"].value == then["detention[].kind"].value
            if not same or str(first["detention[].end"].value) != str(then["detention[].start"].value):
                continue
            if (
                self._moved_to(then["detention[].place"]) is None
                or first["detention[].place"].value == then["detention[].place"].value
            ):
                continue
            ended = then.get("detention[].end")
            groups[before] = [f for f in groups[before] if f is not first["detention[].end"]]
            groups[before] += [ended] if ended else []
            groups[key] = [f for f in groups[key] if FieldPath.generic_name(f.path) not in (*facts, "detention[].end")]
            moved[key] = (then["detention[].start"], then["detention[].place"])
        return moved

    def _transferred(self, moved: tuple[FactNode, FactNode] | None) -> list[str]:
        """The move that opens a period continuing the one before (`_transfers`), its start and place, the person
        named already in the paragraph: "On 15 June 2022, she was transferred to ..."; none for another period."""
        if moved is None:
            return []
        self.person.mentioned = True
        start, where = moved
        slots = {"start": self._value("detention[].start", start.value), "place": self._moved_to(where) or ""}
        return [self._finish(self._fill(self.spec["transferred"]["sentence"], slots), [start, where])]

    def _moved_to(self, leaf: FactNode) -> str | None:
        """A place as one is moved to it ("to the Preah Vihear provincial prison"): its preposition where it is held
        (`place`) in the one a transfer takes (`facts: transferred: to:`); None where the language has none for it."""
        told = self._value("detention[].place", leaf.value)
        for at, to in self.spec["transferred"]["to"].items():
            if told.startswith(f"{at} "):
                return f"{to} {told.removeprefix(at).lstrip()}" if to else told.removeprefix(at).lstrip()
        return None

    def _group(self, key: str, leaves: list[FactNode], moved: tuple[FactNode, FactNode] | None = None) -> list[str]:
        """A paragraph's sentences; `moved`: the start and place of a period that continues the one told before it
        elsewhere, told first as the transfer, in the paragraph that period opened (the person named there)."""
        own = next((leaf for leaf in leaves if leaf.path == f"{key}.narrative"), None)
        narrative = " ".join(str(own.value).split()) if own else ""
        stated = {FieldPath.generic_name(leaf.path): leaf for leaf in leaves}
        sentences = []
        if narrative and foreign(narrative):
            sentences.append(translated(narrative, self.w))
        elif narrative:
            sentences.append(narrative if narrative.endswith((".", "!", "?", '"', "\u201d")) else narrative + ".")
            if own and own.ref:
                sentences[-1] = f"{sentences[-1].removesuffix('.')} ({own.ref})."
        # charges that cite their articles ("high treason (art. 274)") are not followed by the articles again
        done = {"arrest.legal_provisions"} if _charges_cite(stated) else set()
        untold = set(done)
        described = " ".join(str(f.value) for f in leaves if _kind(FieldPath.generic_name(f.path)) == "conduct")
        rank = {name: i for i, name in enumerate(self.spec["sentences"])}
        introduced = self.person.named  # named in full in an earlier paragraph (`each_paragraph`: again in this one)
        self.person.named = self.person.named and not self.person.each_paragraph
        # each paragraph names the person before a pronoun stands for them (the drafter's narrative may)
        self.person.mentioned = bool(narrative) and any(n in narrative for n in {self.person.full, self.person.short})
        self.disputed, self.disputed_by_source = [], []
        sentences[:0] = self._transferred(moved)
        for leaf in sorted(leaves, key=lambda f: rank.get(FieldPath.generic_name(f.path), len(rank))):
            generic = FieldPath.generic_name(leaf.path)
            if generic in done or generic in _NAMED or generic.endswith(".narrative"):
                continue
            if generic in self.spec["argued"]:
                continue  # a legal characterisation: the argument states it, never the facts
            where = self.spec["only_where"].get(generic)
            if where is not None and not any(holds(c, self.leaves) for c in where):
                continue  # a fact that matters only beside another (a civilian, tried by a military court)
            implied = IMPLIED.get((generic, leaf.value)) if isinstance(leaf.value, bool) else None
            if implied and implied in stated:
                continue
            if self._said_otherwise(generic, leaf):
                continue
            if narrative and self._in_narrative(generic, leaf, narrative):
                continue
            if _kind(generic) == "date" and self._value(generic, leaf.value, bare=True) in described:
                continue  # the drafter's description dates it ("the demonstration of 12 February 2014")
            items = self._items(generic, leaf)
            if items and leaf is not items[-1]:
                continue  # every item has this answer: told once, after the last
            disputed = len(self.disputed), len(self.disputed_by_source)
            if items:
                template = self.spec["sentences_all"][generic][leaf.value]
                text = self._finish(self._fill(template, {}), items)
            else:
                text = self._combined(generic, leaf, stated, done, untold) or self.sentence(leaf)
            if text and text not in self.told:
                self.told.add(text)
                sentences.append(text)
            else:  # a sentence told already: what it disputes too
                del self.disputed[disputed[0] :], self.disputed_by_source[disputed[1] :]
        self.person.named = self.person.named or introduced
        return sentences + self._disputes()

    def _items(self, generic: str, leaf: FactNode) -> list[FactNode]:
        """Every list item's fact of `generic` (`facts: sentences_all:`), when there are several and all have one
        answer (every conduct "political in character"): told once for them all; else none."""
        if generic not in self.spec["sentences_all"] or not isinstance(leaf.value, bool):
            return []
        items = [f for p, f in self.leaves.items() if FieldPath.generic_name(p) == generic and not f.unproven]
        if len(items) < 2 or any(f.value != leaf.value for f in items) or any(map(self._combines, items)):
            return []  # each told its own way: "This was a peaceful exercise of his rights on a political matter"
        return sorted(items, key=lambda f: _index(f.path.split(".")[0]))

    def _combines(self, leaf: FactNode) -> bool:
        """Whether a list item's fact is told in one sentence with another of the item's (`_combined`)."""
        prefix = leaf.path.rsplit(".", 1)[0] + "."
        stated = {FieldPath.generic_name(p): f for p, f in self.leaves.items() if p.startswith(prefix)}
        disputed = len(self.disputed), len(self.disputed_by_source)
        combined = bool(self._combined(FieldPath.generic_name(leaf.path), leaf, stated, set()))
        del self.disputed[disputed[0] :], self.disputed_by_source[disputed[1] :]  # a trial, not a telling
        return combined

    def _combined(
        self, generic: str, leaf: FactNode, stated: dict[str, FactNode], done: set[str], untold: Collection[str] = ()
    ) -> str:
        """Facts told in one sentence where one alone reads as part of it ("from ... to ...", "on ..., at
        ..., at ..."): the first template whose fields the section all states, the longest first."""
        for names, template in self.spec["combined"].items():
            first, *others = names.split("+")
            if generic != first or any(o not in stated or stated[o].unproven or o in untold for o in others):
                continue  # what is left untold on purpose ("arrest.legal_provisions" after charges citing them)
            facts = [leaf, *(stated[o] for o in others)]
            if self._dated_twice([first, *others], facts):
                continue  # "On 12 February 2014, ... the demonstration of 12 February 2014"
            if any(_kind(n) == "times" and not f.value for n, f in zip([first, *others], facts, strict=True)):
                continue  # never extended: told on its own
            template = self._chosen(names, facts, template)
            if template is None:
                continue  # no sentence for these values together: each is told on its own
            done.update(others)
            slots = {}
            for name, fact in zip([first, *others], facts, strict=True):
                last = name.rsplit(".", 1)[-1]
                slots[last] = self._value(name, fact.value)
                slots[f"{last}_bare"] = self._value(name, fact.value, bare=True)
                if _kind(name) == "country":
                    slots[f"{last}_the"] = country_with_article(str(fact.value), self.w)
                if _unit(name) and "possessive" in self.spec["lengths"] and isinstance(fact.value, (int, float)):
                    forms = self.spec["lengths"]["possessive"]  # "five years'", before what it measures
                    slots[f"{last}_possessive"] = forms[0 if fact.value == 1 else 1].format(length=slots[last])
            dated = {n.rsplit(".", 1)[-1]: str(f.value) for n, f in zip([first, *others], facts, strict=True)}
            one_day = self.spec["combined_one_day"].get(names)
            if isinstance(one_day, dict):  # a form for each kind, as the combined template has ("incarcéré le …")
                one_day = one_day.get(self._form(first, facts, one_day))
            if one_day and dated.get("start") == dated.get("end") and is_date(dated["start"]):
                template = one_day  # "held in police custody on 1 July 2022", never "from 1 to 1 July 2022"
                slots["range"] = date(dated["start"], self.w, preposition=False)
            elif "start" in dated and "end" in dated:
                slots["range"] = date_range(dated["start"], dated["end"], self.w)
            carried = stated.get("conduct[].medium")
            if carried is not None and first == "conduct[].description" and within(carried.value, leaf.value):
                done.add("conduct[].medium")  # the description names it: "editor of the daily X" on X
            elif first == "conduct[].description" and carried is not None and not carried.unproven:
                told = self._value("conduct[].medium", carried.value)  # "through three posts on his Facebook page"
                slots["description"] = f"{before_medium(slots['description'])} {told}"
                slots["description_bare"] = f"{before_medium(slots['description_bare'])} {told}"
                facts.append(carried)
                done.add("conduct[].medium")
            return self._finish(self._fill(template, slots), facts)
        return ""

    def _chosen(self, names: str, facts: list[FactNode], template: str | dict[str, str]) -> str | None:
        """A combined template's form for these facts (`_followed_form`), told as earlier where its date falls before
        the arrest (`before_arrest`: a charge of 2020 after a 2022 arrest, "had been charged in 2020")."""
        chosen: str | None = template if isinstance(template, str) else None
        if isinstance(template, dict):
            chosen = template.get(self._followed_form(names.split("+")[0], facts, template))
        if chosen is not None and self._before_arrest(names.split("+"), facts):
            return str(self.spec["before_arrest"].get(names, chosen))
        return chosen

    def _before_arrest(self, names: list[str], facts: list[FactNode]) -> bool:
        """Whether a sentence's date falls before the arrest it is told after (a charge of 2020, an arrest of 2022),
        so that the language tells it as earlier (`before_arrest`: "had been charged"), never as what followed."""
        arrest = self.leaves.get("arrest.date")
        if arrest is None or not is_date(str(arrest.value)):
            return False
        dated = [str(f.value) for n, f in zip(names, facts, strict=True) if _kind(n) == "date" and n != "arrest.date"]
        return any(is_date(d) and earlier(d, str(arrest.value)) for d in dated)

    def _dated_twice(self, names: list[str], facts: list[FactNode]) -> bool:
        """Whether a date of a combined sentence is already in the text of another of its facts."""
        dates = [self._value(n, f.value, bare=True) for n, f in zip(names, facts, strict=True) if _kind(n) == "date"]
        texts = " ".join(str(f.value) for n, f in zip(names, facts, strict=True) if _kind(n) != "date")
        return any(d in texts for d in dates)

    def _form(self, first: str, facts: list[FactNode], forms: Mapping[str, str]) -> str:
        """Which form of a combined template fits: for the conduct, whether the drafter described an act
        ("took part in ...") or the means of one ("three posts", "leading a party"); where it has a "same"
        form, whether the first two facts have one value (a prosecutor ordered and extended it); else
        the answers of its yes/no facts ("true+false": peaceful, and no violence shown), after the first fact's
        choice where the template names it ("military+true")."""
        if _kind(first) == "conduct":
            return conduct_form(str(facts[0].value), self.w)
        if "same" in forms:
            return "same" if facts[0].value == facts[1].value else "other"
        answers = "+".join(str(f.value).lower() for f in facts if isinstance(f.value, bool))
        chosen = f"{facts[0].value}+{answers}"  # a choice with the answers ("military+true": a civilian so tried)
        if chosen in forms or answers:
            return chosen if chosen in forms else answers
        return str(facts[0].value) if str(facts[0].value) in forms else "any"  # the penalty: "imprisonment"

    def sentence(self, leaf: FactNode) -> str:
        """One fact as one sentence, with who states it, whether it is contested, and its reference."""
        generic = FieldPath.generic_name(leaf.path)
        template = self.spec["sentences"].get(generic)
        if self._before_arrest([generic], [leaf]) and (earlier := self.spec["before_arrest"].get(generic)):
            template = earlier
        if template is None:
            raise KeyError(f"no sentence in the translation file for {generic}")
        if isinstance(template, dict) and isinstance(leaf.value, list):  # one item, or several
            template = template["one" if len(leaf.value) == 1 else "many"]
        elif isinstance(template, dict) and _kind(generic) == "times":  # never, or how often
            template = template["some" if leaf.value else "none"]
        elif isinstance(template, dict) and _kind(generic) == "conduct":  # an act, or the means of one
            template = template[conduct_form(str(leaf.value), self.w)]
        elif isinstance(template, dict):  # a sentence for each answer of a yes/no fact or a choice
            untried = f"{leaf.value}+untried"  # no trial held: « Durante la instrucción », never « Antes del juicio »
            template = template[untried if untried in template and never_tried(self.leaves) else leaf.value]
            if not template and _speaker(leaf):  # a guarantee met in the Government's or a court's word, told so
                template = self._untold(generic, leaf.value)
        known = state_words(str(leaf.value), self.w) if generic == "person.nationality" else None
        if known and "nationality" in known[0]:  # "de nationalité kazakhe", as a French lawyer writes it
            adjective = self.spec["sentences"]["person.nationality_adjective"]
            return self._finish(self._fill(adjective, {"value": known[0]["nationality"] + known[1]}), [leaf])
        typed = str(leaf.value)  # an adjective by its ending in the draft's language only ("United Kingdom and Iran")
        if generic == "person.nationality" and not (known or foreign(typed)) and adjective_nationality(typed, self.w):
            template = self.spec["sentences"]["person.nationality_adjective"]
        if generic == "person.status":
            return self._status(leaf)
        if generic == "person.held_at" and self._there():
            return self._finish(self._fill(self.spec["sentences"]["person.held_at_there"], {}), [leaf])
        if generic == "discrimination.pattern.group_targeted" and leaf.value is True:
            return self._others(leaf)
        if generic == "person.occupation" and template == self.spec["sentences"]["person.occupation"]:
            return self._occupation(leaf)
        bare = self._value(generic, leaf.value, bare=True)
        slots = {"value": self._value(generic, leaf.value), "value_bare": bare}
        if _kind(generic) == "country":
            slots["value_the"] = country_with_article(str(leaf.value), self.w)
            apart = slots["value"] if self._set_apart(generic, leaf.value) else None
            slots["value_in"] = country_in(str(leaf.value), self.w, apart)
        text = self._fill(template, slots)
        return self._finish(text, [leaf])

    def _occupation(self, leaf: FactNode) -> str:
        """The person's occupation: of several, "each of them is" where it names one ("a member of ..."); where the
        language tells the status with it (Spanish « Es periodista y defensor de los derechos humanos », never « Es …
        Es además … »), the status too."""
        template = self.spec["sentences"]["person.occupation"]
        head = _head(str(leaf.value), self.w) if self.person.plural else None
        if head and not _plural(head[-1], self.w["facts"]["articles"]):  # "a member of ...", said of several
            template = self.spec["sentences"]["person.occupation_each"]
        value = self._value("person.occupation", leaf.value)
        status = self._status_joined(leaf)
        if status is None:
            bare = self._value("person.occupation", leaf.value, bare=True)
            return self._finish(self._fill(template, {"value": value, "value_bare": bare}), [leaf])
        self.status_told = True
        joined = self._fill(
            self.spec["sentences"]["person.occupation_with_status"], {"value": join([value, *status[1]], self.w)}
        )
        return self._finish(joined, [leaf, status[0]])

    def fact(self, path: str, value: Any, more: Mapping[str, Any]) -> str:
        """A fact with `value` as one sentence, without who states it or its reference: the web page tells
        a rule's condition so, as the draft tells the fact. `more`: sentences of facts the draft never tells
        (a derived fact, `arrest.judge_within_48h`), by field and answer; "" for a fact with none."""
        generic = FieldPath.generic_name(path)
        leaf = FactNode(path, value, 0, 0)
        self.person.mentioned = False  # a sentence on its own: the name, never a pronoun standing for it
        try:
            if generic in self.spec["sentences"] and (told := self.sentence(leaf)):
                return told
            if untold := self._untold(generic, value):  # a guarantee met, which the draft leaves untold
                return self._fill(untold, {})
            template = more.get(generic)
            if isinstance(template, dict):
                template = template.get(value)
            if not isinstance(template, str):
                return ""
            return self._fill(template, {"value": self._value(generic, value)})
        except (KeyError, TypeError, ValueError):  # a value the sentences have no form for (`as written`)
            return ""

    def _untold(self, generic: str, value: Any) -> str:
        """The sentence of an answer the source's draft leaves untold (a guarantee met: `facts: untold`), or ""."""
        answer = "true" if value is True else "false" if value is False else str(value)
        return str(self.spec["untold"].get(f"{generic}={answer}", ""))

    def _said_otherwise(self, generic: str, leaf: FactNode) -> bool:
        """A fact another sentence says, or that would contradict it: "still detained there" says the person is not
        released, and every period ended says never "still detained" at all; "never charged" says the person was not
        told of a charge, never "not informed promptly of the charges", a charge told late."""
        if generic == "person.released" and leaf.value is False:
            return self._there() or self._ended()
        return generic == "trial.informed_of_charges" and leaf.value is False and never_charged(self.leaves)

    def _status(self, leaf: FactNode) -> str:
        """The person's status, less what their occupation already says ("journalist" twice is once; a
        "pro-democracy activist" is no more "a political activist" too: `person: status_said`) and what their
        nationality does ("a national of Turkey" is no more "also a foreign national")."""
        if self.status_told:
            return ""
        items = self._status_items(leaf)
        if not items:
            return ""
        template = self.spec["sentences"]["person.status"]
        if _value(self.leaves, "person.occupation"):
            template = self.spec["sentences"]["person.status_with_occupation"]
        return self._finish(self._fill(template, {"value": join(self._status_words(items), self.w)}), [leaf])

    def _status_joined(self, told: FactNode) -> tuple[FactNode, list[str]] | None:
        """The person's status where the language tells it in the occupation's sentence (`occupation_with_status`:
        « Es periodista, defensor de los derechos humanos »): one person, both facts told by the same party and
        undisputed, the status not told yet; None otherwise, the status then told on its own."""
        occupation, status = self.leaves.get("person.occupation"), self.leaves.get("person.status")
        if "person.occupation_with_status" not in self.spec["sentences"] or self.person.plural or self.status_told:
            return None
        if occupation is not told or status is None or not isinstance(status.value, list):
            return None
        if any(f.unproven or f.derived_from or (self.reply and f.contested) for f in (occupation, status)):
            return None
        items = self._status_items(status) if _speaker(occupation) == _speaker(status) else []
        return (status, self._status_words(items)) if items else None

    def _status_words(self, items: list[str]) -> list[str]:
        """The statuses in the language's words ("defensor de los derechos humanos", "activista político")."""
        own = self.spec["values"]["person.status_plural" if self.person.plural else "person.status"]
        return [self._words(own.get(v)) or article(in_words("person.status", v), self.w) for v in items]

    def _status_items(self, leaf: FactNode) -> list[str]:
        """The statuses to tell, less what the occupation and nationality already say."""
        occupation = str(_value(self.leaves, "person.occupation") or "").casefold()
        _, language, _ = _WRITTEN.get()  # the occupation's words are the file's: its language's cues too
        typed_language = language if language in locale.LANGUAGES else None
        typed_in = locale.load("draft", typed_language) if typed_language else self.w
        cues = [self.w["facts"]["person"]["status_said"], typed_in["facts"]["person"]["status_said"]]

        def said(status: str) -> bool:  # "journalist" within "photojournalist"; a cue as a word of its own
            cued = (
                re.search(rf"(?<!\w){re.escape(c.casefold())}(?!\w)", occupation)
                for own in cues
                for c in own.get(status, [])
            )
            named = {in_words("person.status", status), in_words("person.status", status, typed_language)}
            return any(n.casefold() in occupation for n in named) or any(cued)  # "avocat" of a "human rights lawyer"

        items = [v for v in leaf.value if not said(v)]
        if _value(self.leaves, "person.nationality") is not None:  # "a national of Turkey" says it: never again
            items = [v for v in items if v != "foreign_national"]
        return items

    def _there(self) -> bool:
        """Whether the person is held now (`person.held_at`) where the last period, not ended, was told to be held:
        "He was held at Tihar jail, Delhi." is followed by "He is still detained there.", never the place again."""
        now = _value(self.leaves, "person.held_at")
        periods = [p for p in self.leaves if FieldPath.generic_name(p) == "detention[].place"]
        if now is None or not periods:
            return False
        last = max(periods, key=lambda p: _index(p.split(".")[0]))
        ended = last.rsplit(".", 1)[0] + ".end" in self.leaves
        same = " ".join(str(now).split()).casefold() == " ".join(str(self.leaves[last].value).split()).casefold()
        return same and not ended

    def _followed_form(self, first: str, facts: list[FactNode], forms: Mapping[str, str]) -> str:
        """`_form`, or its `+followed` form for a period that another follows: over, though the file gives no end."""
        form = self._form(first, facts, forms)
        return f"{form}+followed" if f"{form}+followed" in forms and self._followed(facts[0]) else form

    def _followed(self, leaf: FactNode) -> bool:
        """Whether a list item is a period of detention that is over though the file gives it no end: a later period
        of the file follows it, or the person was released."""
        item = leaf.path.split(".")[0]
        later = f"detention[{_index(item) + 1}]."
        over = any(p.startswith(later) for p in self.leaves) or _value(self.leaves, "person.released") is True
        return item.startswith("detention[") and over

    def _ended(self) -> bool:
        """Whether every period of detention the file lists has an end date, as the remedies read it."""
        periods = {p.split(".")[0] for p in self.leaves if p.startswith("detention[")}
        return periods_ended([self.leaves.get(f"{p}.end") for p in periods])

    def _others(self, leaf: FactNode) -> str:
        """Who the others targeted were, from the person's status ("Other human rights defenders have also been
        targeted"; `discrimination.pattern.others`), never "others in her situation"; with no status that says it,
        a note asking who they were. What they share, where the file names it, is told with it (`combined`)."""
        statuses = _value(self.leaves, "person.status") or []
        own = self.spec["values"]["discrimination.pattern.others"]
        said = [own[s] for s in statuses if s in own] if isinstance(statuses, list) else []
        if said:
            text = self._fill(self.spec["sentences"]["discrimination.pattern.others"], {"value": join(said, self.w)})
        else:
            text = self._fill(self.spec["sentences"][leaf.path][True], {})
        return self._finish(text, [leaf])

    def _facilities(self) -> set[str]:
        """The short names the case gives a place in parentheses ("Dirección de Auxilio Judicial (El Chipote)"):
        a facility once named, which another place may name alone ("El Chipote")."""
        places = [leaf.value for leaf in self.leaves.values() if _kind(FieldPath.generic_name(leaf.path)) == "place"]
        return {m.strip() for value in places for m in _ALIAS.findall(str(value))}

    def _value(self, generic: str, value: Any, *, bare: bool = False) -> str:
        """A value in words for its sentence: a date, a length, a choice, a place, a list."""
        kind = _kind(generic)
        own = self.spec["values"].get(generic, {})
        told = typed(generic, value, self.w, str(_value(self.leaves, "state.name") or ""), bare=bare)
        if told is not None:  # a medium, the provisions
            return told
        if isinstance(value, list):
            return listed(generic, [self._words(own.get(v)) or self._typed(generic, v) for v in value], self.w)
        if kind == "date":
            return date(str(value), self.w, preposition=not bare)
        unit = _unit(generic)
        if kind == "times":
            return times(int(value), self.w)
        if kind in ("conduct", "place", "noun") and foreign(str(value)):  # set apart as typed: no article guessed
            return translated(str(value), self.w) if bare else to_translate_after(str(value), kind, self.w)
        if kind in ("conduct", "place", "noun"):
            value = translation(str(value)) or value  # the file's own translation, told in the draft's words
        if kind == "conduct" and conduct_form(str(value), self.w) == "means":
            first = str(value).split()[0].casefold() if str(value).split() else ""
            if first in self.spec["conduct"]["as_typed"]:  # "as MPs, delivering petitions": as typed
                return str(value)
            gerund = _gerund(str(value), self.w)
            held = not gerund and office(str(value), self.w)  # "as the national coordinator of ...", never "through"
            value = str(value) if gerund else described(str(value), self.w)  # "through a public campaign"
            means = "by" if gerund else "as_office" if held else "through"
            return value if bare else self.spec["conduct"][means].format(value=value)
        if isinstance(value, (int, float)):
            return length(value, unit, self.w) if unit else number(value, self.w)
        if kind == "place":
            return place(str(value), self.w, facilities=self._facilities())
        if kind == "body":  # as typed where set apart to translate
            told = self._typed(generic, value)
            return body(told, self.w) if told == str(value) else told
        if kind == "noun":
            parts = [p.strip() for p in str(value).split(";") if p.strip()]
            return occupations([article(p, self.w) for p in parts], self.w)
        if kind == "country" and self._set_apart(generic, value):
            return translated(str(value), self.w)  # a town or region typed in another language: set apart, as a place
        if kind == "country":
            return country(str(value), self.w)
        return self._words(own.get(value)) or self._typed(generic, value)

    def _set_apart(self, generic: str, value: Any) -> bool:
        """A residence or nationality typed in another language and no State the table knows: told set apart to
        translate."""
        where = generic in ("person.residence", "person.nationality")
        return where and foreign(str(value)) and not state_words(str(value), self.w)

    def _typed(self, generic: str, value: Any) -> str:
        """A choice in words, or text the drafter typed in the draft's language (`translated`)."""
        return typed_text(generic, value, self.w) or in_words(generic, value)

    def _words(self, words: str | None) -> str:
        """A choice's words from the translation file, its pronouns filled ("his right to ..."):
        never text the user wrote, which is inserted as it stands."""
        return words.format_map(_Slots(self, {})) if words else ""

    def _fill(self, template: str, slots: dict[str, str]) -> str:
        """A template filled: the person's name (full once, then short), pronouns, verbs agreeing with one
        person or a group, the value; a value ending in a full stop ("A. B.") ends the sentence once."""
        text = _SUBJECT.sub(_subject, template.format_map(_Slots(self, slots)))
        if text.endswith(".."):
            text = text[:-1]
        return text[0].upper() + text[1:] if text else text

    def _finish(self, text: str, leaves: list[FactNode]) -> str:
        """Who states the fact (the Government's word is told as its position), a contest, the references."""
        if not text:
            return text
        # the Working Group has not spoken when the source writes (its opinion follows the submissions): a fact a
        # case file records as the Working Group's finding is the source's own submission, never "According to
        # the Working Group"
        by = {b for leaf in leaves for b in leaf.by} - {"working_group"}
        names = self.spec["by"]
        if by and not by & {"source", "drafter", "other"}:
            speakers = join([names[b] for b in sorted(by) if b in names], self.w)
            text = self.spec["according_to"].format(who=speakers, text=_lower_start(text, self.person))
        if self.reply and any(leaf.contested and not leaf.unproven for leaf in leaves):  # unproven: by its form
            disputes = self.disputed_by_source if by == {"government"} else self.disputed
            disputes.append(_lower_start(text.removesuffix("."), self.person))
        return cite(text, refs([leaf.ref for leaf in leaves if leaf.ref], self.w))

    def _disputes(self) -> list[str]:
        """What the other party disputes of a paragraph's facts, said once at its end and naming each fact
        ("The Government disputes that he was held ... and that he was not free to leave"), never "contests
        this" after every sentence."""
        said = []
        for told, key in ((self.disputed, "contested_by_government"), (self.disputed_by_source, "contested_by_source")):
            if told:
                facts = join([self.spec["contested_that"].format(text=t) for t in dict.fromkeys(told)], self.w)
                said.append(self.spec[key].format(facts=facts))
        self.disputed, self.disputed_by_source = [], []
        return said

    def _in_narrative(self, generic: str, leaf: FactNode, narrative: str) -> bool:
        """Whether the drafter's narrative already tells a fact: its value as the file writes it or as the
        draft would, or for a yes/no fact or a choice, one of its cue words (`facts: cues:`)."""
        told = narrative.casefold()
        cues = self.spec["cues"].get(generic, ())
        if isinstance(leaf.value, bool) or _kind(generic) == "choice":
            return any(c.casefold() in told for c in cues)
        values = leaf.value if isinstance(leaf.value, list) else [leaf.value]
        forms_each = [{str(v), self._value(generic, v, bare=True), in_words(generic, str(v))} for v in values]
        return all(any(f and f.casefold() in told for f in forms) for forms in forms_each)


class _Slots(dict[str, str]):
    """The placeholders of a sentence, the person's computed when the sentence uses them (so the full
    name is told at its first use)."""

    def __init__(self, teller: Teller, slots: dict[str, str]):
        super().__init__(slots)
        self.teller = teller

    def __missing__(self, key: str) -> str:
        p = self.teller.person
        verbs = self.teller.spec["person"]["verbs"]
        if key == "Name" and p.mentioned and self.teller.spec["person"].get("drop_subject"):
            return f"\x00{p.name()}\x01"  # the verb carries it (Spanish "Tenía 42 años"): `_subject` decides
        if key in ("name", "whom") and p.mentioned and p.both:
            return p.both  # two persons the paragraph has named, in no subject left to the verb: «a ambos»
        if key in ("Name", "name") and p.mentioned and "he" in p.pronouns:
            he = p.pronouns["he"]
            return he[0].upper() + he[1:] if key == "Name" else he
        if key in ("Name", "name"):
            p.mentioned = True
            return p.name()
        if key == "Named":  # the name again, never a pronoun the sentence before gave another antecedent
            p.mentioned = True
            return p.name()
        if key == "of_name":  # after a noun, the name again (« l'accès de M. X »): never a possessive the sentence
            p.mentioned = True  # before may have given another antecedent (« Le juge … Son accès »)
            return _of_each(p.name(), self.teller.w)
        if key == "whom":  # after a preposition: the name, or once named the stressed pronoun (French « contre eux »)
            return p.pronouns["him"] if p.mentioned and "he" in p.pronouns else p.name()
        if key in p.pronouns:
            return p.pronouns[key]
        if key in verbs:
            return verbs[key][1 if p.plural else 0]
        raise KeyError(key)


def _of_each(name: str, w: Mapping[str, Any]) -> str:
    """A name after "of" as the language writes it (`possessive`), repeated before each of several names
    (« de Mme al-Qaradawi et de M. Khalaf »)."""
    parts = re.split(rf", | {re.escape(str(w['words']['and']))} ", name)
    several = len(parts) > 1 and all(len(part.split()) > 1 and part[:1].isupper() for part in parts)
    return join([w["draft"]["possessive"].format(name=n) for n in (parts if several else [name])], w)


#: A subject a language may leave to its verb (`drop_subject`), as `_Slots` marks it, and the words after it.
_SUBJECT = re.compile(r"\x00([^\x01]*)\x01( ?)(.?)")


def _subject(m: re.Match[str]) -> str:
    """A subject the paragraph has named, left to the verb after it ("Tenía 42 años"); kept before the drafter's
    words set apart to translate ("El Sr. Ilyashev es [por traducir: …]"), which show no verb."""
    name, space, after = m.groups()
    return f"{name}{space}{after}" if after in ("[", "") else after.upper()


#: A reference's note: the parenthesised words at its end ("para 80 (no evidence ...)"), one nesting deep.
_NOTE = re.compile(r" \(((?:[^()]|\([^()]*\))*)\)$")
#: Paragraph numbers as a reference lists them: "11", "5-6, 93".
_NUMBERS = r"(\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*)"


@functools.cache
def _paragraphs(*forms: str) -> re.Pattern[str]:
    """A reference to paragraphs and nothing else, in the translation file's words (`para`, `paras`), of the
    source's document ("para 4") or of one it names ("petition para 4", "Opinion 2/2022 paras 75-80")."""
    forms = tuple(sorted(forms, key=len, reverse=True))  # "paras 5" before "para 5"
    either = "|".join(re.escape(f).replace(re.escape("{n}"), _NUMBERS) for f in forms)
    return re.compile(rf"(?:(.+?) )?(?:{either})")


def _reference_forms(say: Mapping[str, Any]) -> tuple[str, ...]:
    """How the draft's language (`say`) and every working language write a reference to paragraphs (`para`,
    `paras`): a case file's references are in its drafter's language ("para 11"), not always the draft's
    ("par. 11"). A working language whose translation is not there yet adds none."""
    forms = [say["para"], say["paras"]]
    for lang in locale.LANGUAGES:
        try:
            other = locale.load("draft", lang)["draft"]
        except LookupError:
            continue
        forms += [other["para"], other["paras"]]
    return tuple(dict.fromkeys(forms))


def _split(ref: str) -> list[str]:
    """A reference the file gives as several ("para 12; per JAR (a; b)"), split where no parenthesis is open."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(ref):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and ref.startswith("; ", i):
            parts.append(ref[start:i])
            start = i + 2
    return [*parts, ref[start:]]


def refs(cited: Iterable[str], w: Mapping[str, Any], *, notes: bool = True) -> str:
    """The references of one sentence as a lawyer writes them: the paragraphs of one document merged and
    sorted ("para 11" and "para 16" are "paras 11, 16"; "20-22" and "21-22" are "20-22", `citation.fold`),
    the source's first, then each other document's and reference once, in the order given ("per DAWN" and
    "DAWN" are one). `notes` (the facts): the notes of a document's paragraphs are kept once, after its
    numbers and flat ("paras 76, 80: no evidence ...", `noted`): the sentence's parenthesis holds them.
    Without (the argument): notes and "per" are left to the facts. A note typed in another language than the
    draft's is set apart to translate (`translated`), as the drafter's other words are; a source's name is not."""
    say = w["draft"]
    by = say["ref_by"]
    paragraphs = _paragraphs(*_reference_forms(say))
    documents: dict[str, dict[str, list[str]]] = {}  # a document ("" the source's): its numbers, their notes
    others: dict[str, tuple[bool, list[str]]] = {}  # a reference without "per": whether given with it, its notes
    order: dict[tuple[bool, str], None] = {(True, ""): None}  # what to cite, the source's paragraphs first
    for part in (p for whole in cited for p in _split(" ".join(whole.split()))):
        note = _NOTE.search(part)
        body = part[: note.start()] if note else part
        said = [translated(note.group(1), w)] if note and notes else []  # the drafter's words, set apart
        key = body.removeprefix(by)
        if m := paragraphs.fullmatch(key):
            document = m.group(1) or ""
            numbers = documents.setdefault(document, {})
            order[True, document] = None
            given = next(g for g in m.groups()[1:] if g).split(", ")
            for n in given:
                numbers.setdefault(n, [])
            numbers[given[-1]] += said
        else:
            per, before = others.get(key, (False, []))
            others[key] = (per or (notes and body.startswith(by)), before + said)
            order[False, key] = None

    merged = []
    for paragraphs_of, key in order:
        if not paragraphs_of:
            per, said = others[key]
            merged.append(noted(f"{by if per else ''}{key}", said, w))
        elif key in documents:
            of = documents[key]
            folded = citation.fold(of, adjacent=False)  # "20-22" and "21-22" are "20-22", its notes with it
            said = [s for covered in folded.values() for given in covered for s in of[given]]
            form = say["para" if len(folded) == 1 and "-" not in next(iter(folded)) else "paras"]
            pins = ", ".join(citation.ranged(folded, w["words"]))  # « párrs. 20 a 22, 87 », never « 20-22 »
            merged.append(noted(f"{key} " * bool(key) + form.format(n=pins), said, w))
    return "; ".join(merged)


def noted(reference: str, notes: list[str], w: Mapping[str, Any]) -> str:
    """A reference with its notes, flat: it is printed inside a sentence's parenthesis, so never a parenthesis
    of its own ("paras 16, 17, 81: held until the trial concluded", `draft: ref_note:`), each note once, a
    note's own "; " a comma (the parenthesis parts its references with "; "), French " ; " too (never "Bahreïn ,")."""
    if not notes:
        return reference
    sep = w["words"]["list_sep"]
    said = sep.join(dict.fromkeys(re.sub(r"\s*;\s+", sep, n) for n in notes))
    return str(w["draft"]["ref_note"].format(ref=reference, note=said))


def flat(reference: str, w: Mapping[str, Any]) -> str:
    """A reference as given ("Opinion 13/2018 (Rajab v. Bahrain)") to print inside a parenthesis: its own
    note told flat (`noted`), never a parenthesis in a parenthesis; a subparagraph's letter kept ("(a)")."""
    note = _NOTE.search(reference)
    if note is None or re.fullmatch(r"\w{1,4}", note.group(1)):  # a subparagraph ("para 8 (a)"): no note
        return reference
    return noted(reference[: note.start()], [note.group(1)], w)


def cite(sentence: str, cited: str) -> str:
    """A sentence with its references before its full stop, in one parenthesis: a sentence that ends with
    a parenthesis of its own (a value typed with a note, "by Federal Police (on extradition)") takes the
    references into it, "(on extradition; per La Jornada)", never two parentheses in a row."""
    sentence = sentence.removesuffix(".")
    if not cited:
        return f"{sentence}."
    if own := _NOTE.search(sentence):
        return f"{sentence[: own.start()]} ({own.group(1)}; {cited})."
    return f"{sentence} ({cited})."


def _lower_start(text: str, person: Who) -> str:
    """A sentence to follow "According to the Government, ": its first letter lowered, unless it starts
    with a name ("Mr. Ilyashev", "Alnur Ilyashev")."""
    if text.startswith((person.full, person.short)) or len(text) < 2 or text[1].isupper():
        return text
    return text[0].lower() + text[1:]


#: Fields told with more than their value as typed: a place takes its preposition, an occupation its
#: article, a State "the" where its name needs it.
_KINDS = {
    "arrest.place": "place",
    "arrest.authority": "body",
    "trial.court_name": "body",
    "detention[].place": "place",
    "person.held_at": "place",
    "person.occupation": "noun",
    "state.name": "country",
    "person.nationality": "country",
    "person.residence": "country",
    "detention[].other_state": "country",
    "detention[].extensions": "times",
    "conduct[].description": "conduct",
    "conduct[].medium": "medium",
    "arrest.legal_provisions": "provisions",
    "arrest.time": "time",
    "detention[].judge_time": "time",
}


def typed(generic: str, value: Any, w: Mapping[str, Any], state: str = "", *, bare: bool = False) -> str | None:
    """A value typed as free text that a sentence tells in a lawyer's words, for the facts and the argument
    alike: a medium with its preposition ("on his private Facebook page"; `bare`: as typed), the provisions
    invoked as cited ("article 274(4)(2) of the Criminal Code"); None for any other field."""
    kind = _KINDS.get(generic)
    if kind == "medium" and foreign(str(value)):  # its preposition as its own language tells it, if any
        return translated(str(value), w) if bare else to_translate_after(str(value), kind, w)
    value = translation(str(value)) or value if kind == "medium" else value
    if kind == "medium":
        return str(value) if bare else medium(str(value), w)
    if kind == "provisions":
        return provisions([str(v) for v in (value if isinstance(value, list) else [value])], w, state)
    if kind == "time":
        return clock(str(value), w)
    return None


#: A time of day as a case file writes it: "15:00", "8:05".
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def clock(text: str, w: Mapping[str, Any]) -> str:
    """A time of day as the language writes it (`clock:`): "15:00", French "15 h" and "20 h 20", Spanish
    "las 15.00 horas"; a time written otherwise as written."""
    m = _CLOCK.fullmatch(text.strip())
    if not m:
        return text
    forms = w["facts"]["clock"]
    return str(forms["hour" if m[2] == "00" else "minutes"]).format(hours=int(m[1]), minutes=m[2])


def typed_text(generic: str, value: Any, w: Mapping[str, Any]) -> str | None:
    """A text field's value as the draft tells it (`translated`: set apart when in another language than the
    draft's); None for a choice, a date or a value not typed as text."""
    ftype = field_types().get(generic)
    if not isinstance(value, str) or dated(generic) or ftype is None or ftype.kind not in ("text", "list"):
        return None
    if ftype.choices:
        return None
    return translated(value, w)


def _kind(generic: str) -> str:
    """How a field's value is told: a date (`date`, `start`, `end`, `deadline`, `*_date`), a choice, as typed..."""
    if dated(generic):
        return "date"
    if generic in _KINDS:
        return _KINDS[generic]
    ftype = field_types().get(generic)
    return "choice" if ftype is not None and ftype.choices else "text"


#: The number of an article or section as a provision names it: "234.4.3" of "Criminal Code arts 234.4.3, 274".
_PROVISION_NUMBER = re.compile(r"\d+(?:[.\-]\d+)*[a-zA-Z]?")


def _charges_cite(stated: Mapping[str, FactNode]) -> bool:
    """Whether the charges as typed cite every provision invoked ("high treason (art. 274)"), so that the
    provisions are not cited again after them."""
    charges, provisions = stated.get("arrest.charges"), stated.get("arrest.legal_provisions")
    if charges is None or provisions is None:
        return False
    said = " ".join(map(str, charges.value if isinstance(charges.value, list) else [charges.value]))
    cited = [n for c in re.findall(r"\(([^()]*)\)", said) for n in _PROVISION_NUMBER.findall(c)]
    listed = provisions.value if isinstance(provisions.value, list) else [provisions.value]
    numbers = [n for p in listed for n in _PROVISION_NUMBER.findall(str(p))]
    return bool(numbers) and all(n in cited for n in numbers)


def _index(key: str) -> int:
    return int(key.split("[")[1].rstrip("]")) if "[" in key else 0


def sentence_fields(w: Mapping[str, Any]) -> Iterable[str]:
    """Every field the translation file tells, argues, or tells through the name: for the test that every
    field the draft can show has its sentence."""
    narratives = {f for f in field_types() if f.endswith(".narrative")}  # the drafter's own words, told as written
    return {*w["facts"]["sentences"], *w["facts"]["argued"], *_NAMED, *narratives}
