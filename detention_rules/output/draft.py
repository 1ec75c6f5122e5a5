"""A petition's draft submission, from one case's findings, as a document of numbered paragraphs.

The order is a Working Group opinion's: the facts as the source reports them, then for
each category established the standard, its application to the facts and the conclusion,
then the remedies and referrals sought. How the draft was reasoned (rule ids, field paths,
case-file lines, open questions) goes to an appendix that can be left out. Every sentence
comes from the translation file (`words.load("draft")`, `locales/<lang>/draft.yaml`); the
renderers (draft_markdown, draft_html, draft_docx) only lay the blocks out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import msgspec

from detention_rules import words
from detention_rules.input.case import CATEGORIES, Case
from detention_rules.input.field_path import FieldPath
from detention_rules.law import citation
from detention_rules.law.consequences import Consequences, detention_ended
from detention_rules.law.law import Law
from detention_rules.law.rule import fill, placeholders
from detention_rules.output import narrative as prose
from detention_rules.output.citable import Horizon, prints_refs, unreferenced
from detention_rules.output.document import Block, Draft, Stage
from detention_rules.output.redact import Redactor
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning import tree
from detention_rules.reasoning.asking import show_value
from detention_rules.reasoning.derivation import ConclusionNode, RuleNode
from detention_rules.reasoning.facts import FactNode
from detention_rules.reasoning.gaps import Question
from detention_rules.words import conjunction

#: The model questionnaire's parts that tell the facts, in its order, each with the case file's
#: sections (or fields) it states; a field named here goes to its part, not its section's.
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("identity", ("person",)),
    ("arrest", ("arrest",)),
    ("detention", ("detention", "person.released", "person.release_date", "person.held_at")),
    ("circumstances", ("state", "conduct", "emergency", "trial", "sentence", "discrimination")),
)


class _Writer:
    """Numbers paragraphs and letters items as blocks are added; contracts and redacts every text."""

    def __init__(self, redact: Callable[[str], str] | None, w: dict[str, Any]) -> None:
        self.blocks: list[Block] = []
        self.count = 0
        self.letter = 0
        self.redact = redact
        self.w = w

    def _t(self, text: str) -> str:
        text = prose.contract(text, self.w)
        return self.redact(text) if self.redact else text

    def heading(self, text: str, level: int = 2, anchor: str = "") -> None:
        self.blocks.append(Block("heading", self._t(text), level=level, anchor=anchor))

    def para(self, text: str) -> None:
        self.count += 1
        self.letter = 0
        self.blocks.append(Block("para", self._t(text), number=self.count))

    def item(self, text: str) -> None:
        label = self.w["draft"]["item_label"].format(letter=chr(ord("a") + self.letter))  # "(a)"; French "a)"
        self.blocks.append(Block("item", self._t(text), label=label))
        self.letter += 1

    def text(self, text: str) -> None:
        self.blocks.append(Block("text", self._t(text)))

    def line(self, text: str, depth: int, rule: str = "") -> None:
        self.blocks.append(Block("line", self._t(text), level=depth, rule=rule))

    def add(self, kind: str, text: str) -> None:
        """A block of a person's part (`_Person`), as written once for all who share it."""
        {"para": self.para, "item": self.item, "text": self.text}[kind](text)


class _Person:
    """One person's share of the submission, before it is written: the blocks of each part (in the
    questionnaire's order), each category's argument, the remedies and referrals sought."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.parts: dict[str, list[tuple[str, str]]] = {}
        self.together: dict[str, list[tuple[str, str]]] = {}  # a part told of every detainee at once
        #: each category's argument, worded for whom it names (the person, or several who share it)
        self.categories: dict[str, Callable[[prose.Who], list[tuple[str, str]]]] = {}
        self.who: prose.Who | None = None  # how the argument names this person
        self.jurisprudence: dict[str, list[str]] = {}
        self.remedies: list[tuple[str, str]] = []  # each remedy's text and source
        #: the reply answered, worded for whom it names (`_answers`): each fact an argument applies, and
        #: whether the Government contests it (comments on its reply)
        self.answers: Callable[[prose.Who], list[_Answer]] = lambda who: []
        #: special procedure -> category -> why, each worded for whom it names (`_referrals`)
        self.referrals: dict[str, dict[str, list[Callable[[dict[str, str]], list[str]]]]] = {}
        #: the categories the source's account gives against an exception the Government shows with evidence,
        #: and the exceptions in dispute (`Analysis.disputed_categories`, `Analysis.disputed`)
        self.disputed: tuple[tuple[str, ...], tuple[FactNode, ...]] = ((), ())
        #: a right exercised whose link to the detention the file leaves unknown (`conduct[].led_to_detention`)
        self.unlinked = False


def build(
    book: Law,
    result: CaseResult,
    asked: list[Question],
    *,
    redact: bool = False,
    appendix: bool = True,
    lang: str | None = None,
    stage: Stage = "first",
) -> Draft:
    """The draft of one case analysed under `book` (its titles, remedies); `asked`: the open questions (wgad gaps)."""
    return build_joint(book, [(result, asked)], redact=redact, appendix=appendix, lang=lang, stage=stage)


def build_joint(
    book: Law,
    people: Sequence[tuple[CaseResult, list[Question]]],
    *,
    redact: bool = False,
    appendix: bool = True,
    lang: str | None = None,
    stage: Stage = "first",
) -> Draft:
    """One submission for the detainees of one case (each person's result and open questions), in the
    model questionnaire's order: a part the people share is told once, one where their facts differ
    person by person; each category is argued once for those whose argument is the same."""
    with prose.written(people[0][0].case if people else None, lang):
        return _joint(book, people, redact=redact, appendix=appendix, lang=lang, stage=stage)


def _joint(
    book: Law,
    people: Sequence[tuple[CaseResult, list[Question]]],
    *,
    redact: bool,
    appendix: bool,
    lang: str | None,
    stage: Stage,
) -> Draft:
    """`build_joint`'s draft, told while the case file's language and translations are known (`prose.written`)."""
    w = words.load("draft", lang)
    say = w["draft"]
    legal = book.consequences
    everyone = _everyone(people, w) if len(people) > 1 else []
    persons: list[_Person] = []
    first = people[0][0]
    case = first.case
    assert case is not None
    evidence = prints_refs(case)  # a library case's refs are encoding notes: its draft tells none
    for result, _ in people:
        assert result.case is not None and result.analysis is not None and result.facts is not None
        told = result if evidence else unreferenced(result)
        persons.append(_person(told, legal, w, stage, len(persons) + 1 if everyone else 0, everyone))
    redactor = _redactor([prose.names(r.case, w) for r, _ in people if r.case and _name(r.case)]) if redact else None

    body = _Writer(redactor, w)
    if stage == "comments":
        body.heading(say["reply_heading"], anchor="reply")
        _blocks(body, _reply(first if evidence else unreferenced(first), persons, w))
    _facts_parts(body, persons, w, stage)
    established = _arbitrary(body, persons, legal, w)
    state = case.state.name if case.state else None
    _remedies(body, _sought(persons, w), _referrals(persons, w), prose.government(str(_plain(state) or ""), w), w)
    if not established:
        body.para(say["none_established"])
    for person in persons:
        if person.disputed[0]:
            body.para(_disputed(person, len(persons) > 1, w))
    if stage == "comments":
        body.heading(say["domestic_heading"], anchor="domestic")
        body.para(say["filed"]["domestic"])
    else:
        _domestic(body, case, w, refs=evidence)
    _source(body, case, w, stage)
    notes = _Writer(redactor, w)
    if appendix:
        _notes(notes, people, persons, legal, say)
    title = _title(case, persons, str(_plain(state) or ""), w) or first.path
    return Draft(
        title=body._t(say["title" if stage == "first" else "title_comments"].format(title=title)),
        lead=body._t(say["lead"].format(file=first.path)),
        body=_bracketed(_first_mentions(body.blocks, say.get("first_mentions", [])), say),
        appendix=_bracketed(notes.blocks, say),
        established=established,
        lang=lang or words.LANGUAGE,
        todo=say["todo"],
        to_translate=w["facts"]["to_translate"],
        raised=tuple(tuple(r) for r in say.get("raised", ())),
    )


def _first_mentions(blocks: list[Block], mentions: list[list[str]]) -> list[Block]:
    """Each instrument by its full title where the submission first names it, short after, as the Working Group
    introduces its sources (`first_mentions`: a short name's pattern and its full title, Spanish "Declaración
    Universal" -> "Declaración Universal de Derechos Humanos"; and, where given, its short form for the mentions
    after); a first mention already in full stays."""
    seen: set[str] = set()

    def first(m: re.Match[str], full: str, short: str | None) -> str:
        whole = m.expand(full)
        if whole in seen:  # named after: as written, or in the short form a third element gives
            return m.expand(short) if short is not None else m.group(0)
        seen.add(whole)
        return m.group(0) if m.string.startswith(whole, m.start()) else whole

    out = []
    for block in blocks:
        text = block.text
        if block.kind != "heading":
            for pattern, full, *short in mentions:
                text = re.sub(pattern, functools.partial(first, full=full, short=next(iter(short), None)), text)
        out.append(block if text == block.text else msgspec.structs.replace(block, text=text))
    return out


def _bracketed(blocks: list[Block], say: Mapping[str, Any]) -> list[Block]:
    """A parenthesis inside another in square brackets, where the language's style asks it (`nested_parentheses`:
    Spanish "(privación de libertad no reconocida [desaparición forzada])")."""
    if not (inner := say.get("nested_parentheses")):
        return blocks
    return [b if "(" not in b.text else msgspec.structs.replace(b, text=_nested(b.text, inner)) for b in blocks]


#: A closing parenthesis that marks a letter, not the end of a parenthesis: "párr. 8 a)", "art. 14, párr. 3 b)".
_LETTER = re.compile(r"(?<=[\s\d])[a-z]$")


def _nested(text: str, inner: str) -> str:
    """`text` with each parenthesis opened inside another written with `inner` ("[]"); a letter's closing mark
    ("3 b)") closes nothing, and the drafter's words set apart in brackets or quoted («…», “…”) are left as typed."""
    out: list[str] = []
    depth: list[bool] = []  # each parenthesis open: whether it was written as a bracket
    brackets = 0
    for i, char in enumerate(text):
        if char in "[«“":
            brackets += 1
        elif char in "]»”":
            brackets = max(brackets - 1, 0)
        elif brackets == 0 and char == "(":
            depth.append(bool(depth))
            char = inner[0] if depth[-1] else char
        elif brackets == 0 and char == ")" and depth and not _LETTER.search(text[max(i - 2, 0) : i]):
            char = inner[1] if depth.pop() else char
        out.append(char)
    return "".join(out)


def _title(case: Case, persons: list[_Person], state: str, w: dict[str, Any]) -> str:
    """What the draft's title names: where the language titles a submission as the Working Group's opinions do
    (`title_names`: « concernant Alnur Ilyashev (Kazakhstan) », « relativa a Julius Ayuk Tabe y otras nueve
    personas (Camerún) »), the persons and the State, never the file's English title; else the file's title."""
    say = w["draft"]
    # a group named by a description in another language: as the facts first tell it, set apart to translate
    described = [p.who.full if p.who is not None and p.who.once and p.who.full != p.name else p.name for p in persons]
    names = [n for name in described if name for n in prose.persons_named(name, w)]
    if "title_names" not in say or not names:
        return case.title or prose.join([p.name for p in persons if p.name], w)
    listed = prose.join(names, w)
    if len(names) > say["title_named_up_to"]:
        numbers, others = w["facts"]["numbers"], len(names) - 1
        listed = say["title_others"].format(first=names[0], others=numbers[others] if others < len(numbers) else others)
    country = prose.country(state, w) if state else ""
    if article := re.match(r"[^\W\d_A-Z]+(?: |')", country):  # "el Camerún", « l'État J »: none in parentheses
        country = country[article.end() :]
    return fill(say["title_names"], {"names": listed, **({"state": country} if country else {})})


def _facts_parts(body: _Writer, persons: list[_Person], w: dict[str, Any], stage: Stage) -> None:
    """The questionnaire's parts that tell the facts, each told once of all the detainees where it can be; in
    comments on the reply, the identity, which the communication gave and no reply disputes, a line."""
    say = w["draft"]
    joint = len(persons) > 1
    several = joint or any(p.who is not None and p.who.plural for p in persons)  # a group named in one file too
    for key, _ in PARTS:
        body.heading(say["identity_joint"] if several and key == "identity" else say["parts"][key], anchor=key)
        if stage == "comments" and key == "identity":
            body.para(say["filed"]["identity"])
            continue
        _shared(
            body,
            [p.parts.get(key, []) for p in persons],
            persons,
            joint,
            w,
            together=[p.together.get(key, []) for p in persons],
            opening=key != "identity",  # each person introduced whole, by name; the events they share told once
        )


def _arbitrary(body: _Writer, persons: list[_Person], legal: Consequences, w: dict[str, Any]) -> list[str]:
    """Why the deprivation of liberty is arbitrary: each category established for anyone, argued once for
    those whose argument is the same, with its conclusion; the categories established."""
    say = w["draft"]
    joint = len(persons) > 1
    established: list[str] = [c for c in CATEGORIES if any(c in p.categories for p in persons)]
    # a right exercised whose link to the detention is unknown: category II headed with what it still needs,
    # never silently absent (English review 18, P7)
    unlinked = "II" not in established and any(p.unlinked for p in persons)
    if established or unlinked:
        body.heading(say["arbitrary_heading"], anchor="arbitrary")
    for category in [c for c in CATEGORIES if c in established or (unlinked and c == "II")]:
        body.heading(legal.titles[category], level=3, anchor=f"category-{category}")
        if category not in established:
            body.text(say["todo"].format(what=say["todo_link"]))
            continue
        held = [p for p in persons if category in p.categories]
        _argued(body, category, held, joint, w)
        whom = prose.join([p.name for p in held], w) if joint else _named(_whom(held, w), w)["name"]
        of = _of_each([p.name for p in held] if joint else _names_in(whom, w), w)
        conclusion = say["conclusion"].format(person=whom, of_person=of, category=category)
        jurisprudence = _as_filed([j for p in held for j in p.jurisprudence[category]], w)
        if jurisprudence:
            conclusion = f"{conclusion.removesuffix('.')} ({jurisprudence})."
        body.para(conclusion)
    return established


#: The methods of work's paragraph on referrals to other mechanisms: a rule cites it for the referral it draws,
#: which the draft's referral paragraph cites; it is no authority for a category's finding (twelfth French review D7).
_REFERRAL = "Methods of work para 33"
#: A note on a cited source (the rule file's commentary for the drafter: "Rajab v. Bahrain; ...", "cited at
#: 2/2022 para 70", "text not re-read"; a symbol, "A/HRC/39/45, annex", the source cited whole too).
_SOURCE_NOTE = re.compile(r" \(((?:[^()]|\([^()]*\))*)\)$")
_SYMBOL = re.compile(r" \([A-Z]+(?:\.\d+)?/[^()]*\)")
#: A note on one pinpoint of several ("15-19 (peaceful), 36 (the onus ...), 71").
_PIN_NOTE = re.compile(r"(?<=\d) \((?:[^()]|\([^()]*\))*\)(?=,| and |$)")
#: The Working Group's opinions as the rule files name them: "Opinion 2/2022", "Opinions 72/2021, 89/2020".
_OPINIONS = re.compile(r"^Opinions? (?:No\. )?(?P<numbers>\d+/\d+(?:, \d+/\d+)*)$")


def _as_filed(jurisprudence: list[str], w: dict[str, Any]) -> str:
    """The jurisprudence a category's conclusion cites, as the Working Group's opinions cite it: its opinions
    first ("see, e.g., opinions No. 2/2022, paras. 70-72; No. 72/2021"), then the other sources, each once;
    the rule files' notes for the drafter left out (`wgad rules` shows them)."""
    say = w["draft"]
    bare = []
    for text in jurisprudence:
        note = _SOURCE_NOTE.search(text)
        plain = _SYMBOL.sub("", text[: note.start()] if note else text)
        if not _parses(plain):  # each pinpoint's note in the language's words ("15-19 (caractère pacifique), 36
            plain = _PIN_NOTE.sub("", plain)  # (la charge …), 71"): the pinpoints alone, none of them lost
        bare.append(plain if _parses(plain) else text)  # a pinpoint's own note ("22 (legality)") stays
    if not all(map(_parses, bare)):  # a translated source ("avis n° 13/2018"): as the law's file gives it
        return "; ".join(jurisprudence)
    opinions: dict[str, tuple[str, ...]] = {}  # number -> its paragraphs (none for the opinion as a whole)
    others = []
    for group in citation.groups(bare):
        m = _OPINIONS.match(group.source)
        if m is None or group.provisions:
            others.append(group.worded(w["words"]))
            continue
        for number in m["numbers"].split(", "):
            opinions.setdefault(number, group.pins)
    numbers = [
        say["opinion_paras" if len(pins) > 1 or "-" in pins[0] else "opinion_para"].format(
            number=number, pin=citation.listed(citation.ranged(pins, w["words"]), w["words"])
        )
        if pins
        else number
        for number, pins in opinions.items()
    ]
    told = dict(zip(opinions, numbers, strict=True))  # each opinion with its paragraphs ("2/2022, par. 94")
    numbers = [n if i == 0 else say["opinion_next"].format(number=n) for i, n in enumerate(numbers)]
    cited = [say["see_opinions" if len(numbers) > 1 else "see_opinion"].format(list="; ".join(numbers))]
    if len(opinions) > 1 and not any(opinions.values()) and "see_opinions_listed" in say:
        # French and Spanish: the plural once, the numbers as a list ("les avis nos 72/2021, 89/2020 et 79/2018")
        cited = [say["see_opinions_listed"].format(list=prose.join(list(opinions), w))]
    elif len(opinions) > 1 and "see_opinions_runs" in say:
        # French: each opinion cited at its paragraphs alone, the ones cited whole together, in their order
        # (« l'avis n° 2/2022, par. 70 à 72 ; les avis nos 72/2021, 89/2020 et 79/2018 »)
        runs: list[list[str]] = []
        for number, pins in opinions.items():
            if pins or not runs or opinions[runs[-1][0]]:
                runs.append([number])
            else:
                runs[-1].append(number)
        chunks = [
            say["opinions_run"].format(list=prose.join(run, w))
            if len(run) > 1
            else say["opinion_run"].format(number=told[run[0]])
            for run in runs
        ]
        cited = [say["see_opinions_runs"].format(list="; ".join(chunks))]
    return "; ".join([*(cited if numbers else []), *others])


def _refer_why(node: RuleNode, leaves: dict[str, FactNode], w: dict[str, Any], named: dict[str, str]) -> list[str]:
    """Why a rule's finding is referred, in the words of the limbs that held (`refer_why`: "detained for
    political activity", never "for political, defender's or journalist's activity"; with `reason`, the
    limbs joined in it); else the words of its violation, or its title."""
    say = w["draft"]
    spec = say["refer_why"].get(node.rule.id, {})
    facts = [f for f in tree.held(node) if isinstance(f, FactNode)]
    said: list[str] = []
    for f in facts:
        limb = spec.get(FieldPath.generic_name(f.path))
        if "reason" in spec and isinstance(limb, dict) and "words" in limb and isinstance(f.value, list):
            # each item a limb of the reason's one list: "political activity, work as a human rights defender
            # and work as a journalist", never "... and work as a human rights defender and work as a journalist"
            chosen = [_fill(limb["words"][v], named) for v in f.value if v in limb["words"]]
            said += [_fill(limb["text"], {**named, "value": value}) for value in chosen]
        elif text := _limb(f, spec, leaves, w, named)[0]:
            said.append(text)
    worded = list(dict.fromkeys(said))
    if worded and "reason" in spec:  # the limbs in one reason: "detained for political activity and ..."
        return [_fill(spec["reason"], {**named, "limbs": prose.join(worded, w)})]
    if worded:
        return worded
    return [_fill(say["violations"].get(node.rule.concludes, _lower_first(node.rule.title)), named)]


def _parses(text: str) -> bool:
    try:
        citation.parse(text)
    except citation.CitationError:
        return False
    return True


def _referrals(persons: list[_Person], w: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Every detainee's referrals in one: special procedure -> category -> why. A why several share is said
    once, naming them together ("incommunicado detention that cut Mr. A and Mr. B off from counsel"), as
    `_sought` does for remedies; the same why worded for everyone is what shows it shared."""
    everyone = _named(_whom(persons, w), w)
    shared: dict[str, dict[str, dict[tuple[str, ...], tuple[Callable[[dict[str, str]], list[str]], list[_Person]]]]]
    shared = {}
    for p in persons:
        for special, by_category in p.referrals.items():
            for after, whys in by_category.items():
                for why in whys:
                    alike = shared.setdefault(special, {}).setdefault(after, {})
                    alike.setdefault(tuple(why(everyone)), (why, []))[1].append(p)
    return {
        special: {
            after: [text for why, held in alike.values() for text in why(_named(_whom(held, w), w))]
            for after, alike in by_category.items()
        }
        for special, by_category in shared.items()
    }


def _said(text: str, named: dict[str, str]) -> list[str]:
    """A referral's why that names no one (the conditions of detention, a sentence), whoever it is for."""
    return [text]


def _notes(
    notes: _Writer,
    people: Sequence[tuple[CaseResult, list[Question]]],
    persons: list[_Person],
    legal: Consequences,
    say: dict[str, Any],
) -> None:
    """The appendix: how each detainee's draft was reasoned, under their name when there are several."""
    joint = len(persons) > 1
    if joint:
        notes.heading(say["appendix_heading"], anchor="appendix")
        notes.text(say["appendix_lead"])
    for (result, asked), p in zip(people, persons, strict=True):
        assert result.analysis is not None
        findings = {f.category: f for f in result.analysis.findings}
        if joint:
            notes.heading(p.name, level=3)
        _appendix(notes, result, findings, asked, say, legal.titles, heading=not joint, level=4 if joint else 3)


def _everyone(people: Sequence[tuple[CaseResult, list[Question]]], w: dict[str, Any]) -> list[tuple[str, str]]:
    """Each detainee of a joint submission as its facts name them: the full name, then the short form
    ("Ms. Said"); one the file leaves unnamed by number; a short form two share (father and son, both
    "Mr. Namazi") is the full name, so that no sentence leaves the reader to guess which one."""
    named = []
    for i, (result, _) in enumerate(people, 1):
        assert result.facts is not None
        if _name(result.case):
            who = prose.who(result.facts.leaves, w, alone=False)
            named.append((who.full, who.full if who.bare else who.short))
        else:
            named.append((w["draft"]["person_number"].format(n=i),) * 2)
    shorts = [short for _, short in named]
    return [(full, full if shorts.count(short) > 1 else short) for full, short in named]


def _name(case: Case | None) -> str:
    return case.person.name if case and case.person and case.person.name else ""


def _redactor(names: list[str]) -> Callable[[str], str] | None:
    """Every detainee's name replaced by initials, one name after another."""
    redactors = [Redactor(n) for n in names]
    if not redactors:
        return None

    def redact(text: str) -> str:
        for r in redactors:
            text = r(text)
        return text

    return redact


def _who(leaves: dict[str, FactNode], w: dict[str, Any], joint: list[tuple[str, str]], number: int) -> prose.Who:
    """How the facts and the arguments name one person: in a joint submission as it names them all
    (`_everyone`), never like another of them (father and son: each in full, never both "Mr. Namazi")."""
    who = prose.who(leaves, w, alone=not joint)
    if joint:
        family = who.short if who.bare else ""
        who.full, who.short = joint[number - 1]
        others = [full for i, (full, _) in enumerate(joint, 1) if i != number]
        if family and not any(re.search(rf"(?<!\w){re.escape(family)}(?!\w)", full) for full in others):
            who.short, who.each_paragraph = family, True  # "Tomas Lee ... Lee", in each paragraph (`Who`)
    return who


def _tell(
    parts: dict[str, list[tuple[str, str]]],
    teller: prose.Teller,
    case: Case,
    leaves: dict[str, FactNode],
    w: dict[str, Any],
) -> None:
    """The facts of each part of the questionnaire, with what the file leaves to complete."""
    say = w["draft"]
    for key, _ in PARTS:
        if key == "detention":  # the periods held first, then where the person is now: a history, then its end
            paras = teller.paragraphs(lambda path: _in_part("detention", path) and not path.startswith("person."))
            paras += teller.paragraphs(lambda path: _in_part("detention", path) and path.startswith("person."))
        else:
            paras = teller.paragraphs(functools.partial(_in_part, key))
        # the State's name alone is told only with its Covenant status: its part asks for that status
        stated = paras or ("state.name" in leaves and _in_part(key, "state.name"))
        if stated and (missing := _missing(say["todo_fields"].get(key, {}), leaves)):
            state = leaves.get("state.name")
            named = prose.country(str(state.value), w) if state is not None else say["todo_state"]
            what = prose.join([m.format(state=named) for m in missing], w)
            if key == "identity" and teller.person.plural:  # told of them all: asked of each
                what = say["todo_each"].format(what=what)
            paras.append(say["todo"].format(what=what))
        if key == "detention" and not _released(case) and "person.held_at" not in leaves:
            paras.append(say["todo"].format(what=say["todo_held_at_each" if teller.person.plural else "todo_held_at"]))
        todo = say["todo_part"]["arrest_immigration" if key == "arrest" and _immigration(leaves) else key]
        parts[key] = [("para", t) for t in paras or [say["todo"].format(what=todo)]]


def _immigration(leaves: dict[str, FactNode]) -> bool:
    """Whether every period of detention the file states is immigration detention: a person held at the
    border or pending removal, of whom the arrest part asks how they came to be held, not about an arrest."""
    kinds = [leaf.value for path, leaf in leaves.items() if FieldPath.generic_name(path) == "detention[].kind"]
    return bool(kinds) and all(kind == "immigration" for kind in kinds)


def _disputed(person: _Person, joint: bool, w: dict[str, Any]) -> str:
    """The dispute over an exception the Government shows with evidence and the source contests: the category
    the source's account gives, the Government's evidence, and the answer left for the drafter to write."""
    categories, facts = person.disputed
    whom = person.name if joint else _named(_whom([person], w), w)["name"]
    of = _of_each([person.name] if joint else _names_in(whom, w), w)
    return w["draft"]["disputed"].format(
        person=whom,
        of_person=of,
        categories=prose.join(list(categories), w),
        evidence="; ".join(f.evidence for f in facts),
        paths=prose.join([f.path for f in facts], w),
    )


def _person(
    result: CaseResult,
    legal: Consequences,
    w: dict[str, Any],
    stage: Stage,
    number: int,
    joint: list[tuple[str, str]],
) -> _Person:
    """What the submission says of one person: the facts by part, each category argued, the remedies.
    `number`: the person's among several (1-based; 0 alone), which names one the file does not; `joint`:
    every detainee's full name and short form (`_everyone`), each part also told of them all, for a part
    whose facts they share."""
    assert result.case is not None and result.analysis is not None and result.facts is not None
    case: Case = result.case
    say = w["draft"]
    person = _Person(_name(case) or (say["person_number"].format(n=number) if number else ""))
    leaves = result.facts.leaves
    own = _who(leaves, w, joint, number)
    told = [(person.parts, prose.Teller(leaves, w, reply=stage == "comments", person=own))]
    if joint:
        group = prose.group([full for full, _ in joint], w, [short for _, short in joint])
        told.append((person.together, prose.Teller(leaves, w, reply=stage == "comments", person=group)))
    for parts, teller in told:
        _tell(parts, teller, case, leaves, w)
        if _non_party(case) and result.analysis.findings:
            parts["circumstances"].append(("para", say["non_party"]))
    findings = {f.category: f for f in result.analysis.findings}
    person.disputed = (result.analysis.disputed_categories, result.analysis.disputed)
    person.who = _who(leaves, w, joint, number)  # afresh: the facts' teller has marked its own as named
    rights = {path.split(".")[0] for path in leaves if re.fullmatch(r"conduct\[\d+\]\.right", path)}
    person.unlinked = any(f"{item}.led_to_detention" not in leaves for item in rights)
    horizon = Horizon.of(case)
    for category, finding in findings.items():
        rules = _rules_in(finding.tree, category)
        person.categories[category] = functools.partial(_argument, rules, case, leaves, w, stage == "comments")
        for node in rules:
            for special in node.rule.refer:
                whys = person.referrals.setdefault(special, {}).setdefault(category, [])
                whys.append(functools.partial(_refer_why, node, leaves, w))
        # a premise left unargued cites nothing: its authorities support no sentence of the submission
        unsaid = [r for r in rules if r.rule.id not in say.get("unargued", [])]
        cited = [j for r in unsaid if not _on_standard(r, rules, case, leaves, say) for j in _cases(r, horizon)]
        person.jurisprudence[category] = cited
    if stage == "comments":
        argued = [_rules_in(f.tree, f.category) for f in findings.values()]
        person.answers = functools.partial(_answers, argued, case, leaves, w)
    for special, why in legal.referrals_for(case):
        why = why.removeprefix("conditions of detention: ")
        person.referrals.setdefault(special, {}).setdefault("", []).append(functools.partial(_said, why))
    _refer_sentence(person.referrals, legal, case, findings)
    concluded = set(result.analysis.concluded)
    if findings:
        person.remedies = [
            (r.text, "; ".join(c for part in r.source.split(";") if (c := horizon.cited(part.strip()))))
            for r in legal.remedies_for(case, concluded)
        ]
    return person


def _false_news(case: Case, w: dict[str, Any]) -> str:
    """The charges, in words, when one of them is an offence of spreading "false" information, in whatever
    language the drafter typed it (each language's `false_news_words`: « diffusion de fausses nouvelles » in
    an English draft, "false information" in a Spanish one); a charge typed in another language than the
    draft's is set apart to translate (`prose.translated`)."""
    fact = case.arrest.charges if case.arrest else None
    charges: list[str] = _plain(fact) or []
    cues = [word for lang in words.LANGUAGES for word in words.load("draft", lang)["draft"]["false_news_words"]]
    if any(re.search(rf"\b{re.escape(word)}", c, re.IGNORECASE) for c in charges for word in cues):
        return prose.join([w["draft"]["quoted"].format(text=prose.translated(c, w)) for c in charges], w)
    return ""


def _plain(fact: Any) -> Any:
    """A case field's value, written plain or with its provenance (`{value: ..., ref: ...}`)."""
    return getattr(fact, "value", fact)


def _missing(asked: dict[str, str], leaves: dict[str, FactNode]) -> list[str]:
    """What a part of the questionnaire asks (field, or alternatives "a|b" -> words) that no fact states."""
    stated = {FieldPath.generic_name(p) for p in leaves}
    return [words for fields, words in asked.items() if not stated & set(fields.split("|"))]


def _in_part(key: str, path: str) -> bool:
    return _part(path) == key


def _part(path: str) -> str | None:
    """The questionnaire's part a fact is told in: its field's own, else its section's."""
    section = path.split(".")[0].split("[")[0]
    field = ".".join(path.split(".")[:2])
    found = None
    for key, owned in PARTS:
        if field in owned:
            return key
        if section in owned:
            found = key
    return found


def _released(case: Case) -> bool:
    released = case.person.released if case.person else None
    stated = getattr(released, "value", released) is True or bool(case.person and case.person.release_date)
    return stated or detention_ended(case)


def _shared(
    body: _Writer,
    own: list[list[tuple[str, str]]],
    persons: list[_Person],
    joint: bool,
    w: dict[str, Any],
    level: int = 3,
    together: list[list[tuple[str, str]]] | None = None,
    opening: bool = True,
) -> None:
    """A part written once of them all when each person's telling of it (`together`: told of them all)
    is the same, in all their names and pronouns ("their", never one person's "his"); else once when each
    person's own (`own`) is, as for the identity; else what they share told once (`_common`), then the
    rest person by person under their name."""
    if joint and together and all(b == together[0] for b in together):  # told of them all, in all their names
        _blocks(body, together[0])
        return
    if not joint or all(b == own[0] for b in own):
        _blocks(body, own[0])
        return
    common, own = _common(own, together, persons, w, opening) if together else ([], own)
    _blocks(body, common)
    for p, blocks in zip(persons, own, strict=True):
        if blocks:
            body.heading(p.name, level=level)
            _blocks(body, blocks)


def _common(
    own: list[list[tuple[str, str]]],
    together: list[list[tuple[str, str]]],
    persons: list[_Person],
    w: dict[str, Any],
    opening: bool = True,
) -> tuple[list[tuple[str, str]], list[list[tuple[str, str]]]]:
    """The paragraphs of a part every person's telling of them all has (the State, a protest they all
    joined), told once, and what is left of each person's own: their paragraphs match one for one, the
    same facts told in other names (when they do not, nothing is told at once). A paragraph whose opening
    sentences alone are the same (arrested on one day at one place, then charged each with other offences) is
    told once up to where it differs (`_opening_shared`)."""
    if any(len(mine) != len(theirs) for mine, theirs in zip(own, together, strict=True)):
        return [], own  # a telling that does not match: nothing can be said of them all at once
    if not opening or any(len(theirs) != len(together[0]) for theirs in together):  # each paragraph whole, or not
        shared = [b for b in together[0] if all(b in t for t in together[1:])]
        rest = [
            [b for b, t in zip(mine, theirs, strict=True) if t not in shared]
            for mine, theirs in zip(own, together, strict=True)
        ]
        return shared, rest
    shared = []
    rest = [[] for _ in own]
    for i, block in enumerate(together[0]):
        if all(block in t for t in together[1:]):
            shared.append(block)
            continue
        split = _opening_shared([t[i] for t in together], [mine[i] for mine in own], persons, w)
        if split:
            shared.append(split[0])
        for mine, theirs, left in zip(own, together, rest, strict=True):
            if theirs[i] not in shared:
                left.append(split[1].pop(0) if split else mine[i])
    return shared, rest


def _opening_shared(
    together: list[tuple[str, str]], own: list[tuple[str, str]], persons: list[_Person], w: dict[str, Any]
) -> tuple[tuple[str, str], list[tuple[str, str]]] | None:
    """The sentences that open every person's paragraph alike, told of them all ("Mr. Irgashov, Mr. Mamadshoev and
    Mr. Kholiqnazarov were arrested on 28 May 2022 ..."), and what follows in each person's own, named again
    ("Mr. Kholiqnazarov was charged with ..."); None where no sentence opens them all alike, or where a person's own
    paragraph does not split as the one told of them all does."""
    if any(b[0] != "para" for b in (*together, *own)):
        return None
    theirs = [_sentences(b[1], w) for b in together]
    mine = [_sentences(b[1], w) for b in own]
    if any(len(m) != len(t) for m, t in zip(mine, theirs, strict=True)):
        return None
    k = 0
    while all(len(t) > k + 1 and t[k] == theirs[0][k] for t in theirs):
        k += 1
    if not k:
        return None
    left = []
    for p, sentences in zip(persons, mine, strict=True):
        first, *more = sentences[k:]
        he = p.who.pronouns.get("he", "") if p.who is not None else ""
        if he and p.who is not None and first.startswith(f"{_upper_first(he)} "):
            first = p.who.short + first[len(he) :]  # the name again, in a paragraph of its own
        left.append(("para", " ".join([first, *more])))
    return ("para", " ".join(theirs[0][:k])), left


def _sentences(text: str, w: dict[str, Any]) -> list[str]:
    """A paragraph's sentences: it splits after a full stop before a capital, never after a title ("Mr.") or an
    initial ("A.")."""
    titles = {f"{t}." for t in w["facts"]["person"]["title_words"]}
    out: list[str] = []
    for piece in re.split(r"(?<=\.) (?=[A-ZÀ-Ý])", text):
        last = out[-1].rsplit(" ", 1)[-1] if out else ""
        if out and (last in titles or re.fullmatch(r"\(?[A-ZÀ-Ý]\.", last)):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def _blocks(body: _Writer, blocks: list[tuple[str, str]]) -> None:
    for kind, text in blocks:
        body.add(kind, text)


def _argued(body: _Writer, category: str, held: list[_Person], joint: bool, w: dict[str, Any]) -> None:
    """A category's argument: once, naming them all, for several whose argument differs only by their
    names; else person by person (under their name in a joint submission), each named as the facts name them."""
    group = [p.categories[category](_whom(held, w)) for p in held] if len(held) > 1 else []
    if group and all(b == group[0] for b in group):
        _blocks(body, group[0])
        return
    own = [p.categories[category](_whom([p], w)) for p in held]
    shared = 0  # the leading blocks every person's argument has (the category's standard), written once
    while all(len(b) > shared and b[shared] == own[0][shared] for b in own):
        shared += 1
    _blocks(body, own[0][:shared])
    rest = [blocks[shared:] for blocks in own]
    if joint and group and all(len(o) == len(g) for o, g in zip(own, group, strict=True)):
        # a paragraph every person's argument has but for the names (access to counsel restricted for both): argued
        # once, naming them all, then what differs person by person
        alike = [g for g in group[0][shared:] if g[0] == "para" and all(g in other[shared:] for other in group[1:])]
        _blocks(body, alike)
        rest = [
            [b for b, g in zip(o[shared:], mine[shared:], strict=True) if g not in alike]
            for o, mine in zip(own, group, strict=True)
        ]
    hoisted: list[str] = []
    if joint and len(held) > 1:  # a standard two persons' arguments apply: stated once, then applied to each
        stated = [list(dict.fromkeys(part[0] for b in blocks if (part := _standard_applied(b, w)))) for blocks in rest]
        hoisted = [s for s in dict.fromkeys(s for each in stated for s in each) if sum(s in e for e in stated) > 1]
        # applied alike to everyone ("evidence was withheld from the defence"): stated once with its application
        whole = [b for b in rest[0] if b[0] == "para" and all(b in blocks for blocks in rest)]
        _blocks(body, [b if b in whole else ("para", s) for s in hoisted for b in [_first_stating(rest, s, w)]])
        rest = [[b for b in blocks if b not in whole] for blocks in rest]
    for p, blocks in zip(held, rest, strict=True):
        if joint and len(held) > 1:
            body.heading(p.name, level=4)
        applied = [("para", part[1]) if (part := _standard_applied(b, w)) and part[0] in hoisted else b for b in blocks]
        _blocks(body, applied)


def _first_stating(arguments: list[list[tuple[str, str]]], standard: str, w: dict[str, Any]) -> tuple[str, str]:
    """The first paragraph of the persons' arguments that applies `standard`."""
    return next(b for blocks in arguments for b in blocks if (part := _standard_applied(b, w)) and part[0] == standard)


def _standard_applied(block: tuple[str, str], w: dict[str, Any]) -> tuple[str, str] | None:
    """An argument's paragraph as its standard and its application ("In the present case, ..."); None for a
    paragraph without both (a drafting note, a standard alone, an application alone)."""
    kind, text = block
    at = text.find(" " + w["draft"]["application"].split("{text}")[0])
    return (text[:at], text[at + 1 :]) if kind == "para" and at > 0 else None


def _sought(persons: list[_Person], w: dict[str, Any]) -> list[str]:
    """The remedies sought, each once, naming those it is sought for ("Release Ms. K. immediately"); each with the
    opinions it follows, or, where the language cites them once before the list (`remedies_lead_cited`: a French
    pleading does not footnote its prayer for relief), that lead first, citing them all."""
    asked_for: dict[tuple[str, str], list[_Person]] = {}
    for p in persons:
        for remedy in p.remedies:
            asked_for.setdefault(remedy, []).append(p)
    sought: list[str] = []
    once = w["draft"].get("remedies_lead_cited")
    practice = re.compile(str(w["draft"].get("opinion_cited", "$^")))  # the Working Group's opinions, for the lead
    sources = [part for text, source in asked_for if source for part in source.split("; ") if practice.match(part)]
    for (text, source), held in asked_for.items():
        named = _named(_whom(held, w), w)
        asked = _personal(text, named, w).removesuffix(".")
        kept = [part for part in source.split("; ") if not (once and practice.match(part))] if source else []
        cited = _as_filed(kept, w) if kept and not w["draft"].get("remedies_uncited") else ""
        sought.append(w["draft"]["remedy_item"].format(text=asked, source=cited) if cited else asked)
    if once and sources and sought:
        sources = list(dict.fromkeys(sources))  # one document's paragraphs merged ("par. 101, 102")
        return [once.format(sources=prose.refs(sources, w, notes=False), government="{government}"), *sought]
    return sought


def _whom(held: list[_Person], w: dict[str, Any]) -> prose.Who:
    """Whom an argument or a remedy names: one person as the facts name them, several by their names."""
    if len(held) == 1 and held[0].who is not None:
        return held[0].who
    # each by the short form the facts use after naming them all ("Mr. Mabuza and Mr. Dube"), unless two share it
    shorts = [p.who.short if p.who is not None and p.name and not p.who.bare else "" for p in held]
    titled = all(s and s != p.name for s, p in zip(shorts, held, strict=True))
    unique = titled and len(set(shorts)) == len(shorts)
    return prose.group([p.name for p in held], w, shorts if unique else None)


def _remedies(
    body: _Writer,
    remedies: list[str],
    referrals: dict[str, dict[str, list[str]]],
    government: str,
    w: dict[str, Any],
) -> None:
    """The remedies the findings call for, asked of the State's Government by name, then the special
    procedures to refer the case to."""
    say = w["draft"]
    if remedies or referrals:
        body.heading(say["remedies_heading"], anchor="remedies")
    if remedies:
        cited = remedies[0] if "{government}" in remedies[0] else None  # the lead citing the remedies' opinions
        body.para((cited or say["remedies_lead"]).format(government=government))
        _items(body, remedies[1:] if cited else remedies)
    if referrals:
        body.para(say["referrals_lead"])
        items = []
        for special, by_category in sorted(referrals.items()):
            whys = [
                say["referral_category"].format(category=c, title="; ".join(dict.fromkeys(t)))
                if c
                else say["referral_condition"].format(why="; ".join(dict.fromkeys(t)))
                for c, t in by_category.items()
            ]
            items.append(say["referral_item"].format(special=special, why=f" {w['words']['and']} ".join(whys)))
        _items(body, items)


def _reply(result: CaseResult, persons: list[_Person], w: dict[str, Any]) -> list[tuple[str, str]]:
    """The source's comments on the reply, point by point (methods of work, A/HRC/36/38, paras 15-16): when
    the Government replied, each fact it contests and whether it produced evidence for its account, the facts
    it left uncontested, and where it only denied, the burden of proof (A/HRC/19/57, para 68). The drafter's
    `government.note` is a record of the reply in the drafter's words, never the source's: not told."""
    assert result.facts is not None
    say = w["draft"]
    dated = ("government.replied", "government.reply_date", "government.deadline")
    paras = prose.Teller(result.facts.leaves, w).paragraphs(lambda path: path in dated)
    blocks = [("para", t) for t in paras or [say["todo"].format(what=say["todo_reply"])]]
    answers = _once(list(dict.fromkeys(a for p in persons if p.who is not None for a in p.answers(p.who))))
    disputed = [a for a in answers if a.disputed]
    for answer in disputed:
        blocks.append(("para", _answered(answer, w)))
    if disputed and (granted := [a.fact for a in answers if not a.disputed]):
        blocks.append(("para", say["reply_uncontested"]))
        blocks += [("item", _upper_first(fact) + ";") for fact in granted[:-1]]
        blocks.append(("item", _upper_first(granted[-1]) + "."))
    elif answers and not disputed:
        blocks.append(("para", say["reply_contests_nothing"]))
    if any(not a.evidence for a in disputed):
        blocks.append(("para", say["burden_of_proof"]))
    blocks.append(("text", say["todo"].format(what=say["todo_reply_points"])))
    return blocks


def _once(answers: list[_Answer]) -> list[_Answer]:
    """Each fact answered once: an application that another one opens with and goes on from (two rules applying
    one incommunicado custody, the second adding "unable to consult counsel") is said by the longer."""
    return [
        a
        for a in answers
        if not any(b.fact != a.fact and b.disputed == a.disputed and b.fact.startswith(a.fact) for b in answers)
    ]


class _Answer(msgspec.Struct, frozen=True):
    """A fact an argument applies, as the source answers the reply on it: `disputed`, whether the
    Government contests it; `evidence`, what it produced for its account (a fact's `rebutted` evidence
    the source answered, or the `evidence` of an exception the Government asserts)."""

    fact: str
    disputed: bool = False
    evidence: str = ""


def _answers(
    argued: list[list[RuleNode]], case: Case, leaves: dict[str, FactNode], w: dict[str, Any], person: prose.Who
) -> list[_Answer]:
    """Each fact the categories' arguments apply (a rule's application), once, with the reply's stand on it."""
    named = _named(person, w)
    out: list[_Answer] = []
    for rules in argued:
        said: set[str] = set()
        nodes = [(node, *_argue(node, case, rules, leaves, w, named, said)) for node in rules]
        out += _applied(nodes, person)
    return list(dict.fromkeys(out))


def _applied(argued: Sequence[tuple[RuleNode, Any, str, Any]], person: prose.Who) -> list[_Answer]:
    """The facts a category's rules apply (their applications, without references), each with the reply's
    stand on it: a fact the Government contests, or an exception it alone asserts, in its rule's facts. A rule
    that reads no fact (category III's gravity, drawn from other rules) applies none: it is argued, not answered."""
    out = []
    for node, _, application, _ in argued:
        facts = [d for f in node.facts if not f.absent_defeater for d in (f, *f.derived_from)]
        if not application or not facts:
            continue
        disputed = [f for f in facts if f.contested or (f.unproven and "government" in f.by)]
        shown = [f.rebutted or (f.evidence if set(f.by) == {"government"} else "") for f in disputed]
        fact = application.removesuffix(".")
        fact = fact if fact.startswith((person.full, person.short)) else _lower_first(fact)
        out.append(_Answer(fact, bool(disputed), "; ".join(e for e in shown if e)))
    return out


def _answered(answer: _Answer, w: dict[str, Any]) -> str:
    """One point of the reply answered: the fact the Government contests, the source maintaining it, and
    what the Government produced for its account, or that it produced nothing."""
    say = w["draft"]
    if not answer.evidence:
        return f"{say['reply_contests'].format(fact=answer.fact)} {say['reply_no_evidence']}"
    shown = say["reply_evidence"].format(evidence=answer.evidence)
    answer_it = say["todo"].format(what=say["todo_reply_evidence"])
    return f"{say['reply_contests'].format(fact=answer.fact)} {shown} {answer_it}"


def _changed(answers: list[_Answer], w: dict[str, Any]) -> str:
    """What the Government's reply changes for a category: nothing, or the facts it contests, answered."""
    say = w["draft"]
    disputed = [a.fact for a in answers if a.disputed]
    if not disputed:
        return say["reply_changes_nothing"]
    facts = prose.join([w["facts"]["contested_that"].format(text=f) for f in disputed], w)
    return say["reply_changes"].format(facts=facts)


def _domestic(body: _Writer, case: Case, w: dict[str, Any], *, refs: bool) -> None:
    """The steps taken at home (questionnaire: domestic remedies), each with its date, body and result, and
    with `refs` the drafter's reference for it."""
    say = w["draft"]
    body.heading(say["domestic_heading"], anchor="domestic")
    steps = case.domestic_remedies or []
    if not steps:
        # an appeal the trial's facts tell is a step taken at home: said, its details left to complete (review 18, R16)
        appeal = getattr(case.trial, "appeal", None) if case.trial else None
        if told := say["domestic_appeal"].get(str(getattr(appeal, "value", appeal))):
            body.para(f"{told} {say['todo'].format(what=say['todo_appeal'])}")
            body.para(say["todo"].format(what=say["todo_domestic_other"]))
            return
        body.para(say["todo"].format(what=say["todo_domestic"]))
        return
    for step in steps:
        values = {}
        for field in ("kind", "date", "body", "result"):
            fact = getattr(step, field)
            value = getattr(fact, "value", fact)
            if value is None:
                values[field] = say["todo"].format(what=say["todo_step"][field])
            elif field == "date":
                values[field] = prose.date(str(value), w, preposition=False)
            else:
                values[field] = show_value(value, f"domestic_remedies[].{field}", words=True)
        ref = refs and (getattr(step.kind, "ref", None) or getattr(step.result, "ref", None))
        text = _upper_first(say["domestic_step"].format(**values))
        body.para(prose.cite(text, ref) if ref else text)  # a result with a note of its own takes the ref into it


def _source(body: _Writer, case: Case, w: dict[str, Any], stage: Stage) -> None:
    """Who submits, with whose consent, and when: placeholders to fill where the file is silent."""
    say = w["draft"]
    todo = say["todo"]
    sub = case.submission
    body.heading(say["source_heading"], anchor="source")
    who = sub.source if sub and sub.source else todo.format(what=say["todo_source"])
    body.para(say["source_by"].format(source=who))
    consent = sub.consent if sub else None
    value = getattr(consent, "value", consent)
    if stage == "comments":  # stated in the communication
        body.para(say["filed"]["consent"])
    else:
        body.para(say["consent"][value] if value else todo.format(what=say["todo_consent"]))
    if value == "not_obtained" and stage == "first":
        body.para(todo.format(what=say["todo_no_consent"]))
    date = getattr(sub.date, "value", sub.date) if sub else None
    shown = (
        prose.date(str(date), w, preposition=False) if date and stage == "first" else todo.format(what=say["todo_date"])
    )
    body.text(say["dated"].format(date=shown))
    body.text(say["signed"].format(signature=todo.format(what=say["todo_signature"])))


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _non_party(case: Case) -> bool:
    """A State known not to be a party to the Covenant: the draft says once which law the categories
    apply instead. The standards quoted below cite the Covenant's articles for their content; the
    rules' provisions already leave the Covenant out for such a State (derivation)."""
    party = case.state.iccpr_party if case.state else None
    return getattr(party, "value", party) is False


def _refer_sentence(
    referrals: dict[str, dict[str, list[Callable[[dict[str, str]], list[str]]]]],
    legal: Consequences,
    case: Case,
    established: Collection[str],
) -> None:
    """Add the referrals a sentence calls for (a death sentence after category III) under their category."""
    for sentence in legal.sentence_referrals_for(case, established):
        referrals.setdefault(sentence.refer, {}).setdefault(sentence.after, []).append(
            functools.partial(_said, sentence.why)
        )


def _items(body: _Writer, items: list[str]) -> None:
    """Lettered items of one sentence: each ends with a semicolon, the last with a full stop."""
    for i, text in enumerate(items):
        body.item(text.removesuffix(".") + ("." if i == len(items) - 1 else ";"))


def _rules_in(root: ConclusionNode, category: str) -> list[RuleNode]:
    """The category's rules that fired, each once, a rule after the rules it rests on: the specific
    violations first, what weighs them (gravity) next, the category's own rule last."""
    walked = tree.finished(tree.walk(root, set(), tree.rules, sources=False))
    return [
        s.node for s in walked if isinstance(s.node, RuleNode) and not s.repeated and s.node.rule.category == category
    ]


def _argument(
    rules: list[RuleNode],
    case: Case,
    leaves: dict[str, FactNode],
    w: dict[str, Any],
    reply: bool,
    person: prose.Who,
) -> list[tuple[str, str]]:
    """A category argued as an opinion argues it, for `person` (one, or several who share it): the
    category's standard first, then for each rule one paragraph (its standard, then its application in
    the words of the limb that held), then the drafting notes for what the argument still needs; in
    comments on the Government's reply (`reply`), what the reply changes for it."""
    say = w["draft"]
    named = _named(person, w)
    ordered = sorted(rules, key=lambda n: n.rule.kind != "category")  # the category's own standard opens
    # a rule that shows only that a guarantee applies (criminal proceedings followed) is a premise, never a breach
    ordered = [n for n in ordered if n.rule.id not in say.get("unargued", [])]
    said: set[str] = set()  # the fields an earlier paragraph of the category has worded (`said_above`)
    argued = [(node, *_argue(node, case, rules, leaves, w, named, said)) for node in ordered]
    blocks: list[tuple[str, str]] = []
    standards: list[_Standard] = []  # standards whose application a later rule states (two rules, one limb)
    applications: list[str] = []  # applications whose standard a later rule states (`omit_if`)
    merged: set[int] = set()  # rules whose standard an earlier paragraph took, with their application
    for i, (node, standard, application, notes) in enumerate(argued):
        later = argued[i + 1 :]
        if i in merged:
            blocks += [("text", note) for note in notes]
            continue
        if application and any(_core(application) in other[2] for other in later):
            standards.append(standard)  # a later rule's application says this one's and more
            continue
        # later rules whose application this one's says: their standards join this paragraph
        absorbed = [
            j for j, other in enumerate(later, i + 1) if application and other[2] and _core(other[2]) in application
        ]
        merged.update(absorbed)
        if application and not standard[0] and later:
            applications.append(application)
            blocks += [("text", note) for note in notes]
            continue
        applied = [a for a in (*applications, application) if a]
        applied = [_as_before(a, applied[:j], named) for j, a in enumerate(applied)]
        applied = [say["application"].format(text=a) if j == 0 else _upper_first(a) for j, a in enumerate(applied)]
        quoted = _cite_each([*standards, standard, *(argued[j][1] for j in absorbed)], w, _non_party(case))
        text = " ".join([*quoted, *applied])
        standards, applications = [], []
        if text:
            blocks.append(("para", text))
        blocks += [("text", note) for note in notes]
        if node.rule.id == say["false_news_rule"] and (charges := _false_news(case, w)):
            charged = _fill(say["false_news_application"], {**named, "charges": charges})
            refs = [f.ref for f in leaves.values() if f.ref and FieldPath.generic_name(f.path) == "arrest.charges"]
            blocks += [
                ("para", f"{say['false_news']} {prose.cite(charged, prose.refs(refs, w, notes=False))}"),
                ("text", say["todo"].format(what=say["todo_false_news"])),
            ]
    if reply:
        blocks.append(("para", _changed(_applied(argued, person), w)))
    if _non_party(case) and (guide := say.get("non_party_covenant")):
        blocks = [(kind, _CITED.sub(lambda m: _covenant_last(m, guide), text)) for kind, text in blocks]
        blocks = [(kind, _CITED_ONCE.sub(lambda m: _covenant_alone(m, guide), text)) for kind, text in blocks]
    return blocks


def _as_before(text: str, before: list[str], named: dict[str, str]) -> str:
    """A later sentence of a paragraph whose earlier ones named the person: its subject after an opening phrase the
    pronoun ("As set out above, he had been targeted before"), never the name again; the name where it is no subject
    ("harassed Mr. Dai"), opens the sentence, or where the language or the person has no pronoun for it (`_later`)."""
    name, subject = named["name"], _later(named)["name"]
    if subject == name or not any(name in b for b in before):
        return text
    return re.sub(rf"(?<=, ){re.escape(name)}(?= [a-zà-ÿ])", subject, text, count=1)


#: A parenthesis of several citations, with a subparagraph's own bracket, French or English ("(1)") or Spanish ("b)"):
#: "(Pacto, art. 14, párr. 3 b) y d); Declaración Universal, art. 11, párr. 1)".
_IN_CITED = r"(?:[^()]|(?<= [a-z])\)|\([^()]*\))*"
_CITED = re.compile(rf"\(({_IN_CITED};{_IN_CITED})\)")
#: A parenthesis of one citation, as the rules write it or in the draft's language: "(ICCPR 9(3))", "(Pacto, art. 9,
#: párr. 3)".
_CITED_ONCE = re.compile(r"\(((?:[^();]|\(\w{1,3}\)|(?<= [a-z])\))*)\)")


def _covenant_last(m: re.Match[str], guide: Mapping[str, Any]) -> str:
    """A State not party to the Covenant: its articles cited after the instruments that bind the State, as a
    guide to their reading (`non_party_covenant`, a language that words it so), never first as the law applied."""
    parts = m[1].split("; ")
    covenant = [p for p in parts if p.startswith(tuple(guide["cited"]))]
    if not covenant or len(covenant) == len(parts):
        return m[0]
    rest = [p for p in parts if p not in covenant]
    return "(" + "; ".join([*rest, guide["guide"].format(citations="; ".join(covenant))]) + ")"


def _covenant_alone(m: re.Match[str], guide: Mapping[str, Any]) -> str:
    """A State not party to the Covenant: a parenthesis that cites the Covenant alone cites it as a guide to reading
    the instruments that bind the State (`non_party_covenant: alone`), never as the law applied to it."""
    if "alone" not in guide or not re.match(rf"(?:{'|'.join(map(re.escape, guide['cited']))})[, ]\d", m[1]):
        return m[0]
    return "(" + guide["alone"].format(citations=m[1]) + ")"


#: A standard as a rule states it, the provisions to cite with it, and the rule's jurisprudence as filed.
_Standard = tuple[str, list[str], str]


def _cite_each(standards: list[_Standard], w: dict[str, Any], covenant_last: bool = False) -> list[str]:
    """The standards of one paragraph, each with its citations, a provision cited once: on the first (as the
    rules write citations, `rules_form`: what the paragraph already cites is read in that form). For a State
    not party to the Covenant (`covenant_last`), the instruments that bind it come first in each citation."""
    done: set[str] = set()
    out: list[str] = []
    rules_form: list[str] = []
    for law, provisions, cases in standards:
        if law:
            said = " ".join(rules_form).lower()
            fresh = [p for p in provisions if p not in done and p.lower() not in said]
            out.append(_with_cases(_cite(law, fresh, w, w["words"], covenant_last), cases))
            rules_form.append(_cite(law, fresh, w, None, covenant_last))
            done.update(provisions)
    return out


def _with_cases(law: str, cases: str) -> str:
    """A cited standard with the rule's jurisprudence on its last sentence: in the parenthesis that ends it, or
    in one of its own; the sentence the opinions and comments support, never pooled in the conclusion."""
    if not cases:
        return law
    if law.endswith(").") and _closes_citation(law[:-1]):
        return f"{law[:-2]}; {cases})."
    return f"{law.removesuffix('.')} ({cases})."


def _closes_citation(text: str) -> bool:
    """Whether the parenthesis `text` ends with holds citations (an instrument, an article), not words."""
    text = re.sub(r"(?<= )[a-z]\)", "", text)  # a subparagraph's letter closes no parenthesis ("párr. 3 b)")
    depth, at = 0, len(text)
    for i in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            at = i
            break
    inner = text[at + 1 : -1]
    return bool(re.search(r"\d", inner))


def _in_law(source: str, law: str, w: dict[str, Any]) -> bool:
    """Whether a standard already cites this source, as the rules write it or as filed, with or without its author
    ("Deliberation No. 11, para. 22" in "(Deliberation No. 11 para 22)"; "General Comment No. 32 para 30")."""
    forms = [source, _as_filed([source], w)]
    forms += [citation.in_language(f.removeprefix(_COMMITTEE)) for f in forms]  # "deliberación núm. 11, párr. 22"
    bare = re.sub(r"[.,]", "", law).lower()
    return any(re.sub(r"[.,]", "", f.removeprefix(_COMMITTEE)).lower() in bare for f in forms)


#: The author the rules name before a general comment, which a standard's own citation leaves out.
_COMMITTEE = "Human Rights Committee "


def _cases(node: RuleNode, horizon: Horizon) -> list[str]:
    """The rule's jurisprudence the submission can cite (opinions it may cite; never the referral's paragraph)."""
    return [c for j in node.rule.jurisprudence if not j.startswith(_REFERRAL) and (c := horizon.cited(j))]


def _on_standard(
    node: RuleNode, rules: list[RuleNode], case: Case, leaves: dict[str, FactNode], say: dict[str, Any]
) -> bool:
    """Whether a rule's jurisprudence is cited on its own standard: a rule argued in a paragraph of its own words
    (not the category's own rule, whose authorities the conclusion cites, nor a premise left unargued)."""
    if node.rule.kind == "category" or node.rule.id in say.get("unargued", []):
        return False
    return bool(_standard(node, rules, leaves, say, _non_party(case)))


def _core(application: str) -> str:
    """An application without its references and full stop: what another rule's may also say."""
    return re.sub(r" \([^()]*\)\.$", "", application).removesuffix(".")


def _named(person: prose.Who, w: dict[str, Any]) -> dict[str, str]:
    """How an argument names those it holds for: one person as the facts do after their first mention
    ("Mr. Ilyashev"), several by their names ({name} as a subject, {whom} as an object); the pronouns
    (a subject's, "he", only for one person whose sex is known) and the verbs that agree with them."""
    plural = 1 if person.plural else 0
    # several named in full once by the facts, then by their titles ("Mr. Mabuza and Mr. Dube"); a group the
    # file names in one line, which has no short form but "the persons concerned", by its names
    untitled = person.short == w["facts"]["person"]["group"]
    name = person.full if person.plural and not person.once and untitled else person.short
    name = person.full if person.each_paragraph else name  # each argument a paragraph: the name in full (`Who`)
    verbs = {verb: forms[plural] for verb, forms in w["facts"]["person"]["verbs"].items()}
    possessive = w["draft"]["possessive"].format(name=name)
    several = {"several": name} if person.plural else {}
    possessed = w["draft"]["possessed_several" if person.plural else "possessed"]  # "{possessive:work}"'s form
    of_each = _of_each(_names_in(name, w), w) if person.plural else possessive
    named = {"name": name, "whom": name, "possessive": possessive, "possessed": possessed, "of_each": of_each}
    if "dative" in w["draft"]:  # French « à Mme al-Qaradawi et à M. Khalaf »
        named["to_each"] = _of_each(_names_in(name, w) if person.plural else [name], w, "dative")
    # each person's own ("their lawyers", "the families of ..."): the head noun in the plural (`plural_heads`)
    heads = {f"plural:{one}": many for one, many in w["draft"]["plural_heads"].items()} if person.plural else {}
    return {**verbs, **person.pronouns, **named, **several, **heads, "possessed_pronoun": w["draft"]["possessed"]}


def _names_in(name: str, w: dict[str, Any]) -> list[str]:
    """The names a group's words list ("Ms. Said and Mr. Lee", "A One, B Two and C Three"), each capitalised and
    of two words or more; the words as one otherwise ("the persons concerned")."""
    parts = re.split(rf", | {re.escape(str(w['words']['and']))} ", name)
    named = len(parts) > 1 and all(len(part.split()) > 1 and part[:1].isupper() for part in parts)
    return parts if named else [name]


def _of_each(names: list[str], w: dict[str, Any], form: str = "possessive") -> str:
    """Several persons after "of" (or, `dative`, "to") as a language says it: French repeats its « de » or « à »
    before each name (« de Mme al-Qaradawi et de M. Khalaf », never « de Mme al-Qaradawi et M. Khalaf »)."""
    return prose.join([w["draft"][form].format(name=n) for n in names], w)


#: A possessive written with the noun it governs, which decides its form for several persons: "{possessive:work}".
_POSSESSED = re.compile(r"\{possessive:([^{}]+)\}")


def _fill(template: str, values: Mapping[str, str]) -> str:
    """`fill`, each possessive on its noun in the form `values` give for whom they name (`possessed`, `_named`):
    "Mr. Ilyashev's work", "his work" (`_later`), "the work of Mr. Cheng, Mr. Liu and Mr. Wu"."""
    heads = _POSSESSED.findall(template)
    if not heads:
        return fill(template, values)
    values = dict(values)
    for i, head in enumerate(heads):
        head = values.get(f"plural:{head}", head)
        values[f"possessed_{i}"] = fill(values["possessed"], {**values, "head": head})
    numbers = iter(range(len(heads)))
    return fill(_POSSESSED.sub(lambda _: f"{{possessed_{next(numbers)}}}", template), values)


def _later(named: dict[str, str]) -> dict[str, str]:
    """The person's words after their name in a sentence: the pronoun ("he", "his", "him") for one person
    whose sex is known, else the name again."""
    if "he" not in named:
        return named
    pronoun = {"name": named["he"], "possessive": named["his"], "of_each": named["his"], "whom": named["him"]}
    return {**named, **pronoun, "possessed": named.get("possessed_pronoun", named["possessed"])}


def _personal(text: str, named: dict[str, str], w: dict[str, Any], typed: Collection[str] = ()) -> str:
    """A rule's explanation in the person's name: "the person was" -> "Mr. Ilyashev was", "their" -> "his"
    (`argue_named` in the translation file: the rules' generic words, the longest first); never within what the
    drafter typed (`typed`: "armed groups ... and their links with the Government" stays theirs)."""
    kept = [value for value in sorted(typed, key=len, reverse=True) if value in text]
    for i, value in enumerate(kept):
        text = text.replace(value, f"\x00{i}\x00")
    words = w["draft"]["argue_named"]
    keys = [form for key in sorted(words, key=len, reverse=True) for form in dict.fromkeys((key, _upper_first(key)))]
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, keys)) + r")\b")
    said: list[str] = []

    def named_in(m: re.Match[str]) -> str:
        """A rule's words for the person: in a later sentence of the same explanation (one per list item, "The person
        was held incommunicado ..."), the pronoun, as the person was named in the first."""
        found = m.group()
        later = found[:1].isupper() and bool(said)
        filled = _fill(words.get(found) or words[_lower_first(found)], _later(named) if later else named)
        said.append(filled)
        return _upper_first(filled) if found[:1].isupper() else filled

    text = pattern.sub(named_in, text)
    for i, value in enumerate(kept):
        text = text.replace(f"\x00{i}\x00", value)
    return text


def _argue(
    node: RuleNode,
    case: Case,
    rules: list[RuleNode],
    leaves: dict[str, FactNode],
    w: dict[str, Any],
    named: dict[str, str],
    said: set[str],
) -> tuple[_Standard, str, list[str]]:
    """A rule as an opinion argues it: the standard, with the provisions to cite on the sentence it supports; its
    application, in the words of the limb that held (none for the category's own rule: the conclusion
    follows it); the drafting notes for a fact the argument needs and the file does not give."""
    say = w["draft"]
    law = Horizon.of(case).unquoted(_standard(node, rules, leaves, say, _non_party(case)))
    # a provision the standard already cites, as the rules write it or in the draft's language ("(Convención de
    # Viena sobre Relaciones Consulares, art. 36, párr. 1 b))" in a Spanish standard): not cited a second time
    provisions = [p for p in node.provisions if _cited(p, case) and not _in_standard(p, law)]
    provisions = [p for p in provisions if not _in_text(p, law, w["words"]["covenant_named"])]
    cases = _cases(node, Horizon.of(case)) if _on_standard(node, rules, case, leaves, say) else []
    own = _as_filed([c for c in cases if not _in_law(c, law, w)], w)  # none the law already cites
    standard = (law, provisions if law else [], own)
    if node.rule.kind == "category":
        return standard, "", []
    argued = _limbs(node, leaves, w, named, said, _non_party(case))
    if argued is None:
        refs = prose.refs([f.ref for f in _facts(node) if f.ref], w, notes=False)
        typed = {str(f.value) for f in leaves.values() if isinstance(f.value, str) and " " in f.value}
        text = _personal(_lower_first(_FRAGMENT.sub("", node.text).strip()), named, w, typed)
        text = _quoted(text, node, leaves, w)
        argued = prose.cite(prose.dates_in(_lengths(text, node, w), w), refs)  # the template shows the file's dates
    notes = [
        say["todo"].format(what=what)
        for path, what in say["missing"].get(node.rule.id, {}).items()
        if path not in leaves and not any(p.startswith(path + "[") for p in leaves)
    ]
    return standard, argued, notes


def _lengths(text: str, node: RuleNode, w: dict[str, Any]) -> str:
    """A rule's sentence with each length the engine counted in days told as the file gave it or in the largest
    exact unit (`prose.exact_length`: "lasted 19 months", never "578 days" for a file's `months: 19`)."""
    for f in node.facts:
        if (told := prose.exact_length(f, w)) is not None:
            counted = w["facts"]["lengths"]["days"][1].format(n=f.value)
            text = re.sub(rf"(?<![\w.]){re.escape(counted)}(?!\w)", told, text)
    return text


def _quoted(text: str, node: RuleNode, leaves: dict[str, FactNode], w: dict[str, Any]) -> str:
    """A rule's sentence with the drafter's words it quotes (`{item.description}`) in the draft's language: set
    apart to translate where the file is written in another (« (a meeting at the Nera Hotel …) » in French)."""
    names = [name.removeprefix("item.") for name in placeholders(node.rule.explain)]
    for path, leaf in leaves.items():
        quoted = any(path == name or path.endswith("." + name) for name in names)
        if quoted and isinstance(leaf.value, str) and f"({leaf.value})" in text:
            told = prose.typed_text(FieldPath.generic_name(path), leaf.value, w) or leaf.value
            text = text.replace(f"({leaf.value})", f"({told})")
    return text


def _standard(
    node: RuleNode, rules: list[RuleNode], leaves: dict[str, FactNode], say: dict[str, Any], non_party: bool = False
) -> str:
    """The rule's legal standard as the draft quotes it ("" where a later rule's, `omit_if`, states it
    with more: its application joins that rule's paragraph): the draft's own wording where the rule's would
    say more than the case (a military court's sentence for a state security court; category I's
    example of a sentence served), unless what it says applies (`keep_if`: a rule fired, a fact held) and no rule
    that fired states it in its own paragraph (`said_by`: a defender's "other status", V.defender-status). For a
    State not party to the Covenant, the wording that rests on the instruments binding it (`non_party`: the
    Universal Declaration's limitations, article 29 (2), never the Covenant's article 19 (3) as the test)."""
    own = say["standards"].get(node.rule.id)
    law = " ".join((node.rule.law or "").split())
    fired = {r.rule.id for r in rules}
    if own and fired & set(own.get("omit_if", [])):
        return ""
    if own and non_party and "non_party" in own:
        return " ".join(own["non_party"].split()).removesuffix(".")
    if own and "text" in own:
        keep = [k for k in own.get("keep_if", []) if k in fired or prose.holds(k, leaves)]
        if not keep or fired & set(own.get("said_by", [])):
            law = " ".join(own["text"].split())
    return law.removesuffix(".")


def _in_standard(provision: str, law: str) -> bool:
    """Whether the standard's own citations name this provision, as the rules write it or as the draft's language
    does."""
    return any(form.lower() in law.lower() for form in (provision, citation.in_language(provision)))


def _in_text(provision: str, law: str, named: Mapping[str, str]) -> bool:
    """Whether the standard's own words name this article of the Covenant ("a serious breach of article 14 (1)
    of the Covenant"), which a citation after them would repeat: the article, or the paragraph named."""
    m = re.fullmatch(r"ICCPR (\d+)(?:\((\d+)\))?", provision)
    if m is None:
        return False
    pins = [pin for span in re.finditer(named["span"], law) for pin in re.finditer(named["pin"], span[1])]
    return any(pin["article"] == m[1] and (m[2] is None or pin["paragraph"] == m[2]) for pin in pins)


def _cited(provision: str, case: Case) -> bool:
    """A provision the case's facts call for: article 15 of the Convention against Torture (statements
    made under torture) only where a confession under duress is alleged."""
    if not provision.startswith("Convention against Torture art 15"):
        return True
    confession = case.trial.confession if case.trial else None
    coerced = confession.coerced if confession else None
    return getattr(coerced, "value", coerced) is True


#: A parenthesis that cites (the standard's own "(ICCPR 9(2))"), not one that is part of a sentence's words.
_CITATION = re.compile(
    r"\((?:" + "|".join(map(re.escape, citation.INSTRUMENTS)) + r")[^()]*(?:\([^()]*\)[^()]*)*\)", re.IGNORECASE
)
#: The end of a sentence: a full stop before a capital, not the one of an abbreviation ("No. 35", "para.").
_SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\bpara)(?<!\bart)(?<!\bp)\.\s+(?=[A-Z\"“])")


def _cite(
    law: str, cited: list[str], w: dict[str, Any], language: dict[str, Any] | None, covenant_last: bool = False
) -> str:
    """The standard with the rule's other provisions on its first cited sentence: in its first citation's
    parentheses, or in the parenthesis that ends that sentence, or after it; never inside an article's
    own brackets ("14(1)"). The citations grouped in the form of `language` (a language's `words:`), or as
    the rules write them (None); an English standard's own citations regrouped first (French and Spanish
    standards' are worded with the rule's by `_merged`)."""
    if language is None or w["language"] == "en":
        law = _CITATION.sub(lambda m: _regrouped(m, covenant_last), law)
    elif covenant_last:
        law = _CITATION.sub(_own_covenant_last, law)
    grouped = citation.grouped(cited, language)
    if grouped:
        joined = "; ".join(grouped)
        first = _CITATION.search(law)
        end = _SENTENCE_END.search(law)
        stop = end.start() if end else len(law.removesuffix("."))
        if first and first.end() <= stop:
            own = law[first.start() + 1 : first.end() - 1]
            law = f"{law[: first.start()]}({_merged(own, cited, language, covenant_last)}){law[first.end() :]}"
        elif _ends_cited(law[:stop]):
            law = f"{law[: stop - 1]}; {joined}{law[stop - 1 :]}"
        else:
            law = w["draft"]["standard_cited"].format(text=law[:stop], citations=joined) + law[stop:]
    return law if law.endswith(".") else law + "."


def _regrouped(m: re.Match[str], covenant_last: bool = False) -> str:
    """A standard's own citation in the draft's form, an article's pinpoints together ("(ICCPR 12(1), (2) and
    (4))", never the rule file's "(ICCPR 12(1), (2), (4))"), the Covenant last where it binds no one
    (`_merged`); as written where it does not read as citations."""
    parts = m.group()[1:-1].split("; ")
    if covenant_last:
        parts = _covenant_after(parts)
    try:
        if any(citation.parse(part).note for part in parts):  # "para 8 (b)": a subparagraph grouping would drop
            return m.group()
        return "(" + "; ".join(citation.grouped(parts)) + ")"
    except citation.CitationError:
        return m.group()


def _covenant_after(citations: list[str]) -> list[str]:
    """Citations as the rules write them, the Covenant's after the rest, each group in its order."""
    return sorted(citations, key=lambda text: text.startswith("ICCPR"))


def _own_covenant_last(m: re.Match[str]) -> str:
    """A translated standard's own citation with the Covenant after the rest, in its own separator (« ; »)."""
    inner = m.group()[1:-1]
    separator = " ; " if " ; " in inner else "; "
    parts = _covenant_after(inner.split(separator))
    return "(" + separator.join(parts) + ")"


def _merged(own: str, cited: list[str], language: dict[str, Any] | None, covenant_last: bool = False) -> str:
    """A standard's own citations with the rule's others, each source once and an article's pinpoints
    together ("ICCPR 14(3)(b) and (d); UDHR 11(1)", never "ICCPR 14(3)(b); ICCPR 14(3)(d)"); as given
    then added where the standard's own do not read as citations. `covenant_last`: the Covenant after the
    rest, for a State it does not bind (its articles are cited for the content they share)."""
    texts = [*re.split(r" ?; ", own), *cited]
    if covenant_last:
        texts = _covenant_after(texts)
    try:
        return "; ".join(citation.grouped(texts, language))
    except citation.CitationError:
        return "; ".join([own, *citation.grouped(cited, language)])


def _ends_cited(text: str) -> bool:
    """The text ends with a parenthesis that cites ("(A/HRC/36/37 para 48)"), not an article's "(1)"."""
    if not text.endswith(")"):
        return False
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            return " " in text[i + 1 : -1]
    return False


def _limbs(
    node: RuleNode,
    leaves: dict[str, FactNode],
    w: dict[str, Any],
    named: dict[str, str],
    said: set[str],
    non_party: bool = False,
) -> str | None:
    """The application in the words of what held (the limbs of the rule's condition the derivation
    kept, `tree.held`): each fact or conclusion worded by `argue` in the translation file, in the
    person's name, the sentence's references merged at its end; None for a rule it does not word. Its closing
    sentence for a State not party to the Covenant (`then_non_party`) names the instruments that bind it."""
    say = w["draft"]
    spec = say["argue"].get(node.rule.id)
    if spec is None:
        return None
    held = tree.held(node)
    premises = [c for c in held if isinstance(c, ConclusionNode)]
    if "premises" in spec:
        return _weighed(_untried(spec, leaves), premises, w, named)
    later = _later(named)
    facts = [f for f in held if isinstance(f, FactNode) and not (f.absent_defeater or f.unproven)]
    told = _told(spec, facts, premises, said)
    said.update(FieldPath.generic_name(f.path) for f in facts if f not in told)
    clauses, refs, facts = _shared_limbs(spec, facts, leaves, w, named)
    clauses, refs, facts = _item_limbs(spec, facts, leaves, w, named, clauses, refs)
    limbs: list[FactNode | ConclusionNode] = [*facts, *premises]
    subject, person = f"{named['name']} ", w["facts"]["person"]
    led = bool(clauses) and _led(clauses[-1], subject, person)
    for limb in limbs:
        words = later if clauses else named  # the name once, then the pronoun
        if isinstance(limb, FactNode):
            text, cited = _limb(limb, spec["said_above"] if limb in told else spec, leaves, w, words)
            if words is later and _limb(limb, spec, leaves, w, named)[0] in clauses:
                text = ""  # said already, with the name: two conducts "described above" are one clause
        else:
            text, cited = _filled(spec.get(limb.conclusion, ""), "", leaves, w, words)
        if led and person.get("drop_subject") and text.startswith(subject):
            text = text[len(subject) :]  # Spanish: the subject named in a clause before, left to the verb
        if text and text not in clauses:
            clauses.append(text)
            refs += cited
            led = _led(text, subject, person)
    if not clauses:
        return None
    closing = spec.get("closing", "")  # said once after the clauses ("at the time the defence was to be prepared")
    argued = prose.cite(say["clause_sep"].join(clauses) + closing, prose.refs(refs, w, notes=False))
    grounds = _grounds(spec, leaves, named, w)
    closes = spec.get("then_non_party", spec.get("then", "")) if non_party else spec.get("then", "")
    then, _ = _filled(spec["then_grounds"] if grounds else closes, "", leaves, w, {**named, **grounds})
    return f"{argued} {then}" if then else argued


def _led(clause: str, subject: str, person: Mapping[str, Any]) -> bool:
    """A clause after which the next may leave the person's name to its verb (`drop_subject`): one that has no subject
    of its own (`other_subject`: its opening determiner, as in «la privación de libertad fue consecuencia de …»),
    never one whose subject is another, lest the verb read as that subject's («…; es defensor»)."""
    return clause.startswith(subject) or clause.split(" ", 1)[0] not in person.get("other_subject", ())


def _told(
    spec: dict[str, Any], facts: list[FactNode], premises: list[ConclusionNode], said: set[str]
) -> list[FactNode]:
    """The facts an earlier paragraph of the category has worded (a fact, or what it was derived from) that the rule
    words anew (`said_above`: "the others targeted share ...", or nothing), so that each fact is said once; none
    where nothing else would be left to say."""
    again = spec.get("said_above", {})
    told = [
        f
        for f in facts
        if FieldPath.generic_name(f.path) in again
        and {FieldPath.generic_name(p.path) for p in (f, *f.derived_from)} & said
    ]
    if len(told) == len(facts) and not any(spec.get(p.conclusion) for p in premises):
        return []
    return told


def _grounds(
    spec: dict[str, Any], leaves: dict[str, FactNode], named: dict[str, str], w: dict[str, Any]
) -> dict[str, str]:
    """The grounds of discrimination a category V conclusion names (`then_grounds`, French and Spanish: « fondée
    sur la langue et sur leur qualité de défenseurs des droits de l'homme »), from the grounds the source names
    and the person's status, in the language's words (`grounds:`); none where the rule's words have no such
    sentence (English says "on that ground" after naming it) or no ground is known."""
    if "then_grounds" not in spec:
        return {}
    said: list[str] = []
    for field in ("discrimination.grounds", "person.status"):
        leaf = leaves.get(field)
        if leaf is None or leaf.unproven or not isinstance(leaf.value, list):
            continue
        for value, text in spec["grounds"][field].items():  # in the Covenant's order, "other status" last
            if value in leaf.value and (filled := _fill(text, named)) not in said:
                said.append(filled)
    return {"grounds": prose.join(said, w)} if said else {}


def _shared_limbs(
    spec: dict[str, Any], facts: list[FactNode], leaves: dict[str, FactNode], w: dict[str, Any], named: dict[str, str]
) -> tuple[list[str], list[str], list[FactNode]]:
    """Facts that share one value, worded as one clause where `argue` has one for them (a key "a+b": access
    to counsel restricted before and at trial, never "before trial, ... restricted; at trial, ...
    restricted"): the clauses, their references, and the facts left to word one by one."""
    clauses: list[str] = []
    refs: list[str] = []
    for key, by_value in spec.items():
        fields = key.split("+") if "+" in key else []
        together = [next((f for f in facts if FieldPath.generic_name(f.path) == field), None) for field in fields]
        shared = [f for f in together if f is not None]
        if not fields or len(shared) < len(fields) or len({repr(f.value) for f in shared}) != 1:
            continue
        value = shared[0].value
        limb = by_value.get(value) if isinstance(value, (str, bool)) else None
        if not limb:
            continue
        text, cited = _filled(limb, "", leaves, w, _later(named) if clauses else named)
        clauses.append(text)
        refs += [*(f.ref for f in shared if f.ref), *cited]
        facts = [f for f in facts if f not in shared]
    return clauses, refs, facts


def _item_limbs(
    spec: dict[str, Any],
    facts: list[FactNode],
    leaves: dict[str, FactNode],
    w: dict[str, Any],
    named: dict[str, str],
    clauses: list[str],
    refs: list[str],
) -> tuple[list[str], list[str], list[FactNode]]:
    """The same yes/no fact of several list items with one answer (two conducts, each political), worded as one
    clause that lists what each item names ("political conduct (the posts; co-founding the party)"), never the
    clause once per item: the clauses and references so far with these added, and the facts left to word."""
    groups: dict[tuple[str, bool], list[FactNode]] = {}
    for f in facts:
        field = FieldPath.generic_name(f.path)
        if "[" in f.path and isinstance(f.value, bool) and isinstance(spec.get(field), dict):
            groups.setdefault((field, f.value), []).append(f)
    for (field, value), group in groups.items():
        limb = spec[field].get(value)
        own = [name for name in placeholders(limb) if name not in named] if isinstance(limb, str) else []
        if len(group) < 2 or not own or (len(own) > 1 and not _parted(limb, own)):
            continue  # one thing of each item to list, or a clause whose items' own words can be parted
        values = dict(_later(named) if clauses else named)
        if len(own) > 1 and (parted := _parted(limb, own)):  # each item's words listed after the shared ones
            head, body = parted
            said = [_filled(body, f.path.rsplit(".", 1)[0] + ".", leaves, w, values) for f in group]
            texts = list(dict.fromkeys(t for t, _ in said if t))
            if _QUALIFIED.fullmatch(body.removeprefix("{" + own[0] + "}")):  # "{kind}[ from {start}]"
                kinds = [
                    _filled("{" + own[0] + "}", f.path.rsplit(".", 1)[0] + ".", leaves, w, values)[0] for f in group
                ]
                opening = _fill(head, values)
                items = list(dict.fromkeys(zip(kinds, (t for t, _ in said), strict=True)))
                listed = _kind_once(items, opening.split()[-1] if opening.strip() else "", w)
            else:
                listed = prose.join(texts, w)
            clauses = [*clauses, _fill(head, values) + listed]
            refs = [*refs, *(r for _, cited in said for r in cited), *(f.ref for f in group if f.ref)]
            facts = [f for f in facts if f not in group]
            continue
        said = [_filled(f"{{{own[0]}}}", f.path.rsplit(".", 1)[0] + ".", leaves, w, values) for f in group]
        values[own[0]] = "; ".join(dict.fromkeys(text for text, _ in said if text))
        refs = [*refs, *(r for _, cited in said for r in cited)]
        clauses = [*clauses, _fill(limb, {k: v for k, v in values.items() if v})]
        refs = [*refs, *(f.ref for f in group if f.ref)]
        facts = [f for f in facts if f not in group]
    return clauses, refs, facts


#: What follows an item's kind in its words when they are the kind and what places it: "[ from {start}]".
_QUALIFIED = re.compile(r"\[[^\[\]]*\]")


def _kind_once(items: list[tuple[str, str]], before: str, w: dict[str, Any]) -> str:
    """Items as a list, each kind said once: "police custody from 1 July 2022 and from 4 July 2022, and in
    pre-trial detention from 5 July 2022", never "police custody from 1 July 2022, police custody from 4 July
    2022 and ..."; `items`: each item's kind ("police custody") and its words, which open with it; `before`:
    the word before the list, said again before each next kind where it is a preposition ("in", "de"): "in police
    custody from 2 July 2021 and in pre-trial detention from 6 July 2021"."""
    kinds: dict[str, list[str]] = {}
    for kind, text in items:
        kinds.setdefault(kind, []).append(text)
    said = []
    for kind, texts in kinds.items():
        rests = [t.removeprefix(kind).strip() for t in texts]
        once = len(texts) > 1 and all(t.startswith(kind) for t in texts) and all(rests)
        said += [f"{kind} {prose.join(rests, w)}"] if once else texts
    if len(said) == 1:
        return said[0]
    if before.isalpha() and before.islower() and len(before) <= 3:  # "in police custody ... and in pre-trial ..."
        said = [said[0], *(f"{before} {text}" for text in said[1:])]
    if len(said) == len(items):
        return prose.join(said, w)
    words = w["words"]  # a kind said once lists its own: the last kind set apart by a comma too
    return words["list_sep"].join(said[:-1]) + f"{words['list_sep']}{conjunction(said[-1], words)} {said[-1]}"


def _parted(limb: str, own: list[str]) -> tuple[str, str] | None:
    """A clause at its first word of an item's own ("{name} {was} ill-treated in " and "{kind}[ from
    {start}]"): what several items share, said once, and what each says; None where that word is in an
    optional segment ("expression[: {description}]"), whose own words would open each item."""
    at = min(limb.index("{" + name + "}") for name in own)
    if limb.rfind("[", 0, at) > limb.rfind("]", 0, at):
        return None
    return limb[:at], limb[at:]


def _open(path: str, leaves: Mapping[str, FactNode]) -> bool:
    """Whether `path` is a field of a period of detention still running: no end date, no later period in the file,
    and the person not released."""
    item, _, _ = path.partition(".")
    if not item.startswith("detention["):
        return False
    later = f"detention[{int(item[len('detention[') : -1]) + 1}]."
    released = leaves.get("person.released")
    return (
        f"{item}.end" not in leaves
        and not any(p.startswith(later) for p in leaves)
        and not (released is not None and released.value is True and not released.unproven)
    )


def _untried(spec: dict[str, Any], leaves: dict[str, FactNode]) -> dict[str, Any]:
    """A rule's forms for a person no court has tried, where a language gives them (`premises_untried`):
    « las actuaciones seguidas contra … », never « el proceso … lo privaron de un juicio imparcial » of a
    detainee the facts say « no ha sido juzgado »."""
    if not prose.never_tried(leaves):
        return spec
    return {**spec, **{k.removesuffix("_untried"): v for k, v in spec.items() if k.endswith("_untried")}}


def _covenant_listed(articles: list[str], say: dict[str, Any], w: dict[str, Any]) -> tuple[str, str, int]:
    """Articles of the Covenant as a sentence names them ("articles 9 and 14 of the Covenant"), each once where the
    language groups their paragraphs (« l'article 14 (par. 1 et 3 b) et d)) du Pacte »), the bare list, and how
    many articles it names."""
    listed = prose.join(articles, w)
    pinpointed = False
    if grouping := say.get("covenant_grouped"):  # each article once: "14 (par. 1 et 3 b) et d))"
        listed = citation.covenant(articles, {**grouping, "one": "{articles}", "many": "{articles}"}, w["words"])
        pinpointed = "whole" in grouping and any("(" in a for a in articles)
        articles = list(dict.fromkeys(a.split("(")[0] for a in articles))
    # a language that words each subdivision in prose names the articles in its list (« le paragraphe 3 de
    # l'article 19 du Pacte »): never "the articles" before it
    form = "covenant_pinpointed" if pinpointed else "covenant_articles" if len(articles) > 1 else "covenant_article"
    return say[form].format(list=listed), listed, len(articles)


def _weighed(
    spec: dict[str, Any], premises: list[ConclusionNode], w: dict[str, Any], named: dict[str, str]
) -> str | None:
    """A rule that weighs the violations found (category III's gravity): how many guarantees were
    breached, which articles of the Covenant, and what they were, each once (`violations_within`: never
    "restrictions on access to counsel" beside "the denial of any legal assistance")."""
    say = w["draft"]
    concluded = {p.conclusion for p in premises}
    said = [p for p in premises if not concluded & set(say["violations_within"].get(p.conclusion, []))]
    found = [say["violations"].get(p.conclusion) or _lower_first(tree.drawn_by(p)[0].rule.title) for p in said]
    found = list(dict.fromkeys(found))
    if not found:
        return None
    later = _later(named)  # the violations follow the person's name in their sentence
    found = list(dict.fromkeys(_fill(v, later) for v in found))
    values = {**named, "violations": prose.join(found, w)}
    drawn = [r for p in premises for r in tree.drawn_by(p)]
    prefix = say["covenant_prefix"]
    articles = list(dict.fromkeys(p.removeprefix(prefix) for r in drawn for p in r.provisions if p.startswith(prefix)))
    if articles:
        articles.sort(key=lambda a: [int(x) if x.isdigit() else x for x in re.findall(r"\d+|[a-z]+", a)])
        read_with = say.get("covenant_read_with")  # the fair-trial article, read with the others (« lu conjointement »)
        fair = [a for a in articles if read_with and a.split("(")[0] == read_with["article"]]
        others = [a for a in articles if a not in fair]
        if fair and others:
            _, listed, count = _covenant_listed(others, say, w)
            form = read_with["many" if count > 1 else "one"]
            if "pinpointed" in read_with and any("(" in a for a in others):  # « avec l'article 7 et le paragraphe 1 … »
                form = read_with["pinpointed"]
            # « les paragraphes 1 et 3 de l'article 14 …, lus conjointement » agrees with the paragraphs it names
            several = len({a.split("(")[1] for a in fair if "(" in a}) > 1
            form = form.replace("{read}", read_with.get("read_several" if several else "read_one", ""))
            values["articles"] = form.format(fair=_covenant_listed(fair, say, w)[0], others=listed)
        else:
            values["articles"] = _covenant_listed(articles, say, w)[0]
    then = spec.get("then_one" if len(found) == 1 else "then", spec.get("then"))
    text = prose.cite(_fill(spec["premises"], values), "")
    return f"{text} {_fill(then, values)}" if then else text


def _limb(
    f: FactNode, spec: dict[str, Any], leaves: dict[str, FactNode], w: dict[str, Any], named: dict[str, str]
) -> tuple[str, list[str]]:
    """One fact's clause and its references (the fact's, and those of the facts it names); "" for a fact
    `spec` does not word (an exception not shown, a value it has no words for)."""
    if f.absent_defeater or f.unproven:
        return "", []
    field = FieldPath.generic_name(f.path)
    limb = spec.get(field)
    shown = _shown(field, f.value, w, named)
    if isinstance(limb, dict) and "words" in limb:  # a list value: the items it has words for
        # several people take the plural forms: "they are members of the political opposition", never "a member";
        # a limb's own `plural` where its words carry more than the noun (« de défenseurs », « d'avocats »)
        several = named.get("is") == w["facts"]["person"]["verbs"]["is"][1]
        plural = {**w["facts"]["values"].get(f"{field}_plural", {}), **limb.get("plural", {})} if several else {}
        values = f.value if isinstance(f.value, list) else []
        chosen = [plural.get(v, limb["words"][v]) for v in values if v in limb["words"]]
        # agreeing with the person ("défenseure", "defensora"); a foreigner's State named where a language's words
        # name it ("[, nacional de {nationality}]"): "of foreign nationality" alone says nothing of the ground
        nation = leaves.get("person.nationality")
        known = dict(named)
        if nation is not None and not nation.unproven and any("{nationality}" in text for text in chosen):
            known["nationality"] = prose.country_with_article(str(nation.value), w)
        words = [_fill(text, known) for text in chosen]
        limb, shown = (limb["text"], prose.shared(words, w)) if words else (None, "")
    elif isinstance(limb, dict):  # worded per value; where no trial was held, the value's "+untried" form if any
        untried = prose.never_tried(leaves)  # (« pendant la détention », never « avant le procès »)
        value = str(f.value).lower() if isinstance(f.value, bool) else f.value  # YAML's "false+untried"
        untried_form = limb.get(f"{value}+untried") if untried and isinstance(value, str) else None
        # a period still running (no end, none after it, the person not released): its "+open" form, in the tense
        # of what goes on (« ha permanecido … desde »), never the past of a period over; one with its end, "+ended"
        if isinstance(f.value, str) and f.path.startswith("detention["):
            ended = f"{f.path.partition('.')[0]}.end" in leaves
            state = "ended" if ended else "open" if _open(f.path, leaves) else ""
            untried_form = untried_form or limb.get(f"{f.value}+{state}")
        # where no charge was ever brought, a yes/no value's "+uncharged" form: "never formally told of any charge",
        # never "not informed promptly of the charges", which supposes a charge told late
        uncharged = isinstance(f.value, bool) and prose.never_charged(leaves)
        uncharged_form = limb.get(f"{value}+uncharged") if uncharged else None
        limb = untried_form or uncharged_form or (limb.get(f.value) if isinstance(f.value, (str, bool)) else None)
    if not limb:
        return "", []
    prefix = f.path.rsplit(".", 1)[0] + "." if "[" in f.path else ""  # the same list item's other fields
    text, cited = _filled(limb, prefix, leaves, w, {**named, "value": shown})
    return text, [*([f.ref] if f.ref else []), *cited]


def _filled(
    limb: str, prefix: str, leaves: dict[str, FactNode], w: dict[str, Any], values: dict[str, str]
) -> tuple[str, list[str]]:
    """A clause of `argue` filled, with the references of the facts it names: the person's words, the fact,
    and the facts it names (a field of the same list item after `prefix`, or a whole path), dates as the
    Working Group writes them: with their own preposition where the clause gives none ("charged[ {date}]":
    "charged on 13 March 2019", "charged in September 2017"), bare after the clause's ("[ from {start}]")."""
    values = dict(values)
    refs = []
    typed: dict[str, Any] = {}
    if values.get("whom") == values.get("him"):  # a pronoun object between a verb and its particle: "singled her out"
        for phrase in w["draft"]["pronoun_before_particle"]:
            verb, particle = phrase.rsplit(" ", 1)
            limb = limb.replace(f"{phrase} {{whom}}", f"{verb} {{whom}} {particle}")
    start, end = leaves.get(prefix + "start"), leaves.get(prefix + "end")
    if "range" in placeholders(limb) and start is not None and end is not None:  # a period over, its dates joined
        one_day = str(start.value) == str(end.value)  # « el 1 de julio de 2022 », never « del 1 al 1 de julio »
        values["range"] = (
            prose.date(str(start.value), w) if one_day else prose.date_range(str(start.value), str(end.value), w)
        )
        refs += [f.ref for f in (start, end) if f.ref]
    for name in placeholders(limb):
        if name not in values and (leaf := leaves.get(prefix + name) or leaves.get(name)) is not None:
            typed[name] = leaf.value
            plain = str(leaf.value)
            own = _shown(FieldPath.generic_name(leaf.path), leaf.value, w, values)
            field = "{" + name + "}"
            bare = not (limb.startswith(field) or f"[{field}" in limb or f"[ {field}" in limb)
            values[name] = prose.date(plain, w, preposition=not bare) if prose.is_date(plain) else own
            refs += [leaf.ref] if leaf.ref else []
    if "medium" in typed and "description" in typed and prose.within(typed["medium"], typed["description"]):
        del values["medium"]  # the description names it ("radio ... broadcasts" on "Radio Biafra ... broadcasts")
    elif "medium" in typed and "description" in values:
        values["description"] = prose.before_medium(values["description"])
    return (_fill(limb, values) if limb else ""), refs


#: A rule sentence's labelled value, " (before trial: restricted)": for `wgad check`, where the facts are
#: not stated; the draft states them in its facts, so the prose drops these.
_FRAGMENT = re.compile(r" \((?:[a-z]+ ){0,2}[a-z]+: [^()]*\)")


def _facts(node: RuleNode) -> list[FactNode]:
    out = []
    for f in node.facts:
        if f.absent_defeater or f.unproven:  # an exception not shown is no fact the petition relies on
            continue
        out += list(f.derived_from) if f.derived_from else [f]
    return out


def _lower_first(text: str) -> str:
    """A sentence to follow "In the present case,": "No warrant..." -> "no warrant..."; "ICCPR ..." kept."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _shown(field: str, value: Any, w: dict[str, Any], named: Mapping[str, str]) -> str:
    """A fact's value in the argument's words: the translation's own for a choice, agreeing with the person
    (`named`: French "avocat{e}" is "avocate" of a woman, never the braces), else the value in words."""
    if (told := prose.typed(field, value, w)) is not None:  # a medium, the provisions: as the facts tell them
        return told
    items = value if isinstance(value, list) else [value]
    own = w["facts"].get("values", {}).get(field, {})  # the translation's own words for a choice, first
    return prose.listed(
        field,
        [
            _fill(own[v], named) if own.get(v) else prose.typed_text(field, v, w) or show_value(v, field, words=True)
            for v in items
        ],
        w,
    )


def _appendix(
    notes: _Writer,
    result: CaseResult,
    findings: dict[str, Any],
    asked: list[Question],
    say: dict[str, Any],
    titles: dict[str, str],
    *,
    heading: bool = True,
    level: int = 3,
) -> None:
    """For the drafter: each category's rules, the facts each read (field, value, line), the questions open.
    `heading`: the appendix's own heading and lead (once in a joint submission); `level`: its categories'."""
    if heading:
        notes.heading(say["appendix_heading"], anchor="appendix")
        notes.text(say["appendix_lead"])
    seen: set[str] = set()  # a rule already shown (another category's premise) is named, not repeated
    for category in CATEGORIES:
        finding = findings.get(category)
        notes.heading(say["appendix_category"].format(title=titles[category]), level=level)
        if finding is None:
            notes.text(say["appendix_not_established"])
        else:
            notes.text(say["appendix_established"].format(strength=say["strength"][finding.strength]))
            _tree(notes, finding.tree, seen, say, prose.free_text(result.facts.leaves) if result.facts else frozenset())
            for node in _rules_in(finding.tree, category):
                if node.rule.note:
                    notes.text(say["appendix_note"].format(text=" ".join(node.rule.note.split())))
        prefix = f"{category}."
        open_questions = [q for q in asked if any(r.startswith(prefix) for r in q.rules)]
        if open_questions:
            notes.text(say["appendix_questions"])
            for q in open_questions:
                notes.line(say["appendix_question"].format(text=q.text, field=q.field), 0)


def _tree(
    notes: _Writer, node: ConclusionNode, seen: set[str], say: dict[str, Any], typed: frozenset[str] = frozenset()
) -> None:
    """The derivation, each rule once: a rule met again is named, not repeated; the drafter's words a rule quotes
    (`typed`) set apart to translate where they are in another language, as the draft and `wgad check` set them."""
    for step in tree.walk(node, seen, tree.rules, sources=False):
        n = step.node
        if isinstance(n, RuleNode):
            told = prose.dates_in(n.text, notes.w)  # the rule's words give the file's dates: as the draft writes them
            told = prose.set_apart(told, typed, notes.w)
            text = say["appendix_seen" if step.repeated else "appendix_rule"].format(id=n.rule.id, text=told)
            notes.line(text, step.level, n.rule.id)
        elif isinstance(n, FactNode) and not n.absent_defeater:
            notes.line(_fact_line(n, say, typed=functools.partial(prose.as_typed, w=notes.w)), step.level)


def fact_line(f: FactNode, lang: str | None = None) -> str:
    """A fact as the appendix cites it (path, value, reference, line): the quiz and the casebook cite it so too."""
    return _fact_line(f, words.load("draft", lang)["draft"])


def _fact_line(f: FactNode, say: dict[str, Any], *, typed: Callable[[str], str] = str) -> str:
    """The field as the file names it, a choice in the draft's words (never the file's English code,
    `pretrial`, in a French or Spanish draft); true, false and the drafter's text as the file writes them.
    `typed`: how its reference is shown (`narrative.as_typed`: labelled with its language in another's draft)."""
    value = show_value(f.value, f.path, words=not isinstance(f.value, bool))
    if f.derived_from:
        # line 0: a fact of no file yet (the web form's case, `interfaces/web/live.py`): its path alone
        sources = ", ".join(
            say["appendix_source"].format(path=d.path, line=d.line) if d.line else d.path for d in f.derived_from
        )
        return say["appendix_fact_derived"].format(path=f.path, value=value, sources=sources)
    return say["appendix_fact" if f.line else "appendix_fact_unwritten"].format(
        path=f.path,
        value=value,
        ref=f" ({typed(f.ref)})" if f.ref else "",
        contested=say["appendix_contested"] if f.contested else "",
        line=f.line,
    )
