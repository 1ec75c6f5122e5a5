"""The three working languages (issue 31): which one a command speaks, and that each says everything."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
import yaml

from detention_rules import words


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "es_ES.UTF-8"}, "fr"),  # LC_ALL first
        ({"LC_ALL": "", "LC_MESSAGES": "es_MX.UTF-8", "LANG": "fr_CA"}, "es"),  # an empty one is unset
        ({"LANG": "fr_BE@euro"}, "fr"),
        ({"LANG": "es"}, "es"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # not a working language
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "POSIX"}, "en"),
        ({}, "en"),
    ],
)
def test_the_environments_locale_names_the_language(environ: dict[str, str], lang: str) -> None:
    assert words.from_environment(environ) == lang


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (["draft", "--lang", "fr", "case.yaml"], "fr"),
        (["draft", "--lang=es", "case.yaml"], "es"),
        (["draft", "--lang", "de", "case.yaml"], None),  # the parser refuses it, in words
        (["draft", "--lang"], None),
        (["draft", "case.yaml"], None),
    ],
)
def test_the_command_lines_lang_is_read_before_parsing(args: list[str], lang: str | None) -> None:
    assert words.from_arguments(args) == lang


def test_a_section_named_before_the_choice_speaks_the_language_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module names its sections at import (`SAYS = words.of(...)`), before `--lang` is read."""
    for lang, hello in (("en", "hello"), ("fr", "bonjour")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "greet.yaml").write_text(f"greet:\n  hello: {hello}\n", encoding="utf-8")
    monkeypatch.setattr(words, "LOCALES", tmp_path)
    words.reread()
    try:
        said = words.of("greet", "greet")
        assert said["hello"] == "hello"
        words.use("fr")
        assert said["hello"] == "bonjour"
        assert dict(said) == {"hello": "bonjour"}
        assert words.load("greet", "en")["greet"]["hello"] == "hello"  # a language given is that one
    finally:
        words.reread()


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(LookupError, match="'de'"):
        words.use("de")
    assert words.LANGUAGE == "en"


# --- every key in every language -------------------------------------------------------------------------

TRANSLATIONS = tuple(lang for lang in words.LANGUAGES if lang != "en")
PARTS = sorted(p.stem for p in (words.LOCALES / "en").glob("*.yaml"))
#: Sections whose keys are the language's own words (a rule explanation's phrases, a referral's reason),
#: not the English file's: any keys will do.
FREE_KEYS = {("draft", "argue_named"), ("words", "and_before"), ("dates", "days"), ("draft", "plural_heads")}
#: The words that agree with the person: each language's grammar names its own (French {e}, Spanish {o}).
FREE_KEYS |= {("person", "pronouns"), ("person", "verbs")}
#: A transfer's prepositions, keyed by the language's own ("at" -> "to", « en » -> « a »).
FREE_KEYS |= {("transferred", "to")}
#: Lists that name fields, rules or sections, the same in every language; every other list is the
#: language's own words (months, cue words, particles).
SAME_LISTS = {"sections", "argued", "omit_if", "keep_if", "said_by", "trial.accused_civilian"}
#: Sections whose sentence a language may give one form per choice of its first fact where English needs one
#: (French « placé en garde à vue », « incarcéré », « assigné à résidence »: `any` for the others), each form
#: filling no slot the English sentence does not have (a date with or without its preposition is one slot).
FORMS_BY_CHOICE = {"combined", "combined_one_day", "sentences"}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _person_words(lang: str) -> set[str]:
    """The slots that agree with the person, which each language names as its grammar needs ({e}, {son})."""
    person = words.load("draft", lang)["facts"]["person"]
    slots = {slot for forms in person["pronouns"].values() for slot in forms} | set(person["verbs"])
    # and the forms of names a language's grammar asks for: French « de » before each of several names
    # ({of_person} for {person}, {of_each}); the name again where a pronoun would have no antecedent ({Named},
    # {of_name}: « l'accès de M. X à un conseil »); and the person's State, which a language may name where English
    # does not (Spanish « es extranjera, nacional de Qatar » for "a foreign national")
    return slots | {
        "Name",
        "name",
        "whom",
        "possessive",
        "person",
        "of_person",
        "of_each",
        "Named",
        "of_name",
        "nationality",
    }


def _differences(en: Any, other: Any, path: tuple[str, ...], person: set[str]) -> list[str]:
    where = ".".join(path)
    if isinstance(en, dict):
        if not isinstance(other, dict):
            return [f"{where}: not a mapping"]
        if path[-2:] in FREE_KEYS:
            return []
        out = [f"{where}.{k}: missing" for k in en if k not in other]
        return out + [d for k in en if k in other for d in _differences(en[k], other[k], (*path, str(k)), person)]
    if isinstance(en, list):
        if not isinstance(other, list):
            return [f"{where}: not a list"]
        return [f"{where}: not the same list" for _ in [1] if path[-1] in SAME_LISTS and en != other]
    if isinstance(en, str) and isinstance(other, dict) and len(path) > 1 and path[-2] in FORMS_BY_CHOICE:
        slots = {name.removesuffix("_bare") for name in _placeholders(en)} | person
        return [
            f"{where}.{k}: slots the English sentence lacks: {sorted(extra)}"
            for k, form in other.items()
            if (extra := {name.removesuffix("_bare") for name in _placeholders(str(form))} - slots)
        ]
    if isinstance(en, str) and isinstance(other, str):
        missing = (_placeholders(en) - person) ^ (_placeholders(other) - person)
        return [f"{where}: placeholders differ: {sorted(missing)}"] if missing else []
    return [] if type(en) is type(other) else [f"{where}: {type(other).__name__}, not {type(en).__name__}"]


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("part", PARTS)
def test_every_key_of_every_english_file_is_translated_with_its_placeholders(part: str, lang: str) -> None:
    person = _person_words("en") | _person_words(lang)
    found = _differences(words.load(part, "en"), words.load(part, lang), (part,), person)
    assert found == [], f"locales/{lang}/{part}.yaml: {found[:20]}"


def test_the_key_check_finds_a_missing_key_and_a_lost_placeholder() -> None:
    en = {"a": {"b": "{value} was", "c": "x"}, "sections": ["person"]}
    fr = {"a": {"b": "était"}, "sections": ["personne"]}
    found = _differences(en, fr, ("t",), set())
    assert found == ["t.a.c: missing", "t.a.b: placeholders differ: ['value']", "t.sections: not the same list"]


# --- the law in each language ------------------------------------------------------------------------------

RULES = Path(__file__).resolve().parents[1] / "rules"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_rule_has_its_sentences_in_each_language(lang: str) -> None:
    from detention_rules.law import law as lawfolder
    from detention_rules.law.translation import RULE_TEXTS

    found, _ = lawfolder.read(RULES)
    texts = yaml.safe_load((RULES / lang / "rules.yaml").read_text(encoding="utf-8"))
    missing = [
        f"{r.id}.{k}" for r in found.rules for k in RULE_TEXTS if getattr(r, k) and not (texts.get(r.id) or {}).get(k)
    ]
    assert missing == []
    assert sorted(set(texts) - {r.id for r in found.rules}) == []  # no text for a rule that is gone
    for rule in found.rules:  # the explanation fills the same fields, with the same optional parts
        said = texts[rule.id]["explain"]
        assert _placeholders(said) == _placeholders(rule.explain), rule.id
        assert said.count("[") == rule.explain.count("["), rule.id


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_outcome_has_its_sentences_in_each_language(lang: str) -> None:
    en = yaml.safe_load((RULES / "outcomes.yaml").read_text(encoding="utf-8"))
    other = yaml.safe_load((RULES / lang / "outcomes.yaml").read_text(encoding="utf-8"))
    assert set(other["categories"]) == set(en["categories"])
    for name in ("remedies", "conditions", "sentences"):
        assert len(other[name]) == len(en[name]), name
    referred = {i["refer"] for name in ("conditions", "sentences") for i in en[name]}
    for path in RULES.glob("category-*.yaml"):
        referred |= {n for r in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"] for n in r.get("refer", ())}
    assert referred - set(other["special_procedures"]) == set()


def test_the_law_is_read_in_the_language_in_use() -> None:
    from detention_rules.reasoning import runnable

    english = runnable.load()
    words.use("es")
    spanish = runnable.load()
    assert spanish.consequences.titles["III"] == "Categoría III: inobservancia del derecho a un juicio imparcial"
    assert english.consequences.titles["III"].startswith("Category III")
    rule = next(r for r in spanish.rules if r.id == "I.no-warrant")
    assert rule.title == "No se exhibió ninguna orden de detención"
    assert rule.when == next(r for r in english.rules if r.id == "I.no-warrant").when  # the same law


@pytest.mark.parametrize(("text", "code"), [("- a list\n", "translation"), ("rules: [unclosed\n", "yaml-syntax")])
def test_a_broken_language_file_is_a_problem_at_its_path(tmp_path: Path, text: str, code: str) -> None:
    """A translation a lawyer edits by hand and breaks is reported, with the file and line, never a traceback."""
    import shutil

    from detention_rules.errors import InputError
    from detention_rules.law import law, translation

    shutil.copytree(RULES, tmp_path / "rules")
    (tmp_path / "rules" / "fr" / "rules.yaml").write_text(text, encoding="utf-8")
    found, _ = law.read(tmp_path / "rules")
    with pytest.raises(InputError) as raised:
        translation.translated(found, tmp_path / "rules", "fr")
    (problem,) = raised.value.problems
    assert (problem.path, problem.code) == (str(tmp_path / "rules" / "fr" / "rules.yaml"), code)


# --- dates, numbers and lists --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "items", "joined"),
    [
        ("en", ["A", "B", "C"], "A, B and C"),
        ("fr", ["A", "B", "C"], "A, B et C"),
        ("es", ["Ana", "Inés"], "Ana e Inés"),
        ("es", ["padre", "hijo"], "padre e hijo"),
        ("es", ["agua", "hierro"], "agua y hierro"),  # "hie-" is a consonant sound
        ("es", ["Ana", "Omar"], "Ana y Omar"),
    ],
)
def test_a_list_is_joined_as_the_language_joins_it(lang: str, items: list[str], joined: str) -> None:
    from detention_rules.output import narrative

    assert narrative.join(items, words.load("draft", lang)) == joined


@pytest.mark.parametrize(
    ("lang", "value", "said"),
    [
        ("en", "2020-03-03", "on 3 March 2020"),
        ("fr", "2020-03-03", "le 3 mars 2020"),
        ("fr", "2020-03-01", "le 1er mars 2020"),
        ("fr", "2020-03", "en mars 2020"),
        ("es", "2020-03-03", "el 3 de marzo de 2020"),
        ("es", "2020-03", "en marzo de 2020"),
    ],
)
def test_a_date_is_written_as_the_language_writes_it(lang: str, value: str, said: str) -> None:
    from detention_rules.output import narrative

    assert narrative.date(value, words.load("draft", lang)) == said


@pytest.mark.parametrize(
    ("lang", "start", "end", "said"),
    [
        ("fr", "2020-06-12", "2020-06-22", "du 12 au 22 juin 2020"),
        ("es", "2020-04-18", "2020-05-03", "del 18 de abril al 3 de mayo de 2020"),
        ("es", "2020-04-18", "2020-06", "desde el 18 de abril hasta junio de 2020"),
        ("en", "2020-04-18", "2020-06", "18 April to June 2020"),
        ("fr", "2019-05", "2019-07", "de mai à juillet 2019"),
        ("fr", "2019-04", "2019-07", "d'avril à juillet 2019"),
        ("fr", "2023-02", "2023-07-13", "de février au 13 juillet 2023"),
        ("fr", "2015", "2018", "de 2015 à 2018"),
        ("fr", "2015-03-05", "2018", "à partir du 5 mars 2015 et jusqu'en 2018"),
        ("fr", "2020-04-18", "2020-06", "du 18 avril au mois de juin 2020"),
        ("fr", "2020-04-18", "2020-08", "du 18 avril au mois d'août 2020"),
        ("fr", "2020-04-01", "2020-05-03", "du 1er avril au 3 mai 2020"),
        ("es", "2019-05", "2019-07", "de mayo a julio de 2019"),
        ("es", "2023-02", "2023-07-13", "de febrero al 13 de julio de 2023"),
        ("es", "2015-03-05", "2018", "desde el 5 de marzo de 2015 hasta 2018"),
        ("es", "2019-12-30", "2020-01-02", "del 30 de diciembre de 2019 al 2 de enero de 2020"),
    ],
)
def test_a_range_of_dates_is_written_as_the_language_writes_it(lang: str, start: str, end: str, said: str) -> None:
    """As the draft writes it (French elided: « d'avril »): a month or a year opening a range takes « de », not the
    article a day takes (« du mai », « del febrero »)."""
    from detention_rules.output import narrative

    w = words.load("draft", lang)
    assert narrative.contract(narrative.date_range(start, end, w), w) == said


# --- every shipped case, drafted in each language ---------------------------------------------------------

ROOT = RULES.parent
CASES = sorted([*(ROOT / "cases").glob("*.yaml"), *(ROOT / "cases" / "teaching").glob("*.yaml")])
#: English that betrays an untranslated sentence: common function words, outside what the drafter wrote
_ENGLISH = re.compile(r"\b(?:the|was|were|and|of the|has been|is not)\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def _written(data: Any) -> list[str]:
    """Every text a case file gives (the drafter's words, which the draft quotes as written), longest first."""
    if isinstance(data, dict):
        return [t for v in data.values() for t in _written(v)]
    if isinstance(data, list):
        return [t for v in data for t in _written(v)]
    if not isinstance(data, str) or re.fullmatch(r"[a-z_]+", data):  # a choice's name is not the drafter's words
        return []
    notes = [m.group(1).replace("; ", ", ") for m in re.finditer(r"\(((?:[^()]|\([^()]*\))*)\)", data)]  # printed flat
    return [data, *notes, *(p.strip() for p in re.split(r"[;,()]", data) if len(p.split()) >= 3)]


def _english_sentences() -> list[str]:
    """The fixed parts of the English draft's sentences, four words or more: none may reach another language."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            out.extend(p.strip() for p in re.split(r"\{[^}]*\}|[\[\]]", node) if len(p.split()) >= 4)

    walk(words.load("draft", "en")["draft"])
    walk(words.load("draft", "en")["facts"]["sentences"])
    return out


def untranslated(text: str, case: Any, w: Any = None) -> list[str]:
    """The English left in a draft in another language, the drafter's own words (as written, and as the draft
    writes citations in them) and quotations aside; the appendix's open questions included."""
    from detention_rules.output import narrative

    hidden = bytearray(len(text))  # each text the file gives, found in the draft as it stands: overlaps too
    for written in _written(case):
        forms = (
            {written}
            if w is None
            else {written, narrative.contract(written, w), narrative.contract(f"({written}", w)[1:]}
        )
        for form in forms:
            at = text.find(form)
            while form and at >= 0:
                hidden[at : at + len(form)] = b"\x01" * len(form)
                at = text.find(form, at + 1)
    text = "".join(" " if h else c for c, h in zip(text, hidden, strict=True))
    text = _QUOTED.sub(" ", text)
    found = [s for s in _english_sentences() if s in text]
    return found + [m.group() + ": " + text[max(0, m.start() - 40) : m.end() + 40] for m in _ENGLISH.finditer(text)]


def test_the_english_check_finds_an_english_sentence_and_passes_the_drafters_words() -> None:
    case = {"person": {"occupation": "head of the union"}}
    assert untranslated("M. X est head of the union.", case) == []
    assert untranslated("« the source » dit", case) == []
    assert untranslated("The Government did not reply to the communication.", case)


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_shipped_case_is_drafted_without_english(lang: str) -> None:
    from detention_rules import application, pipeline
    from detention_rules.input import source
    from detention_rules.output import draft_markdown
    from detention_rules.output.draft import build_joint
    from detention_rules.reasoning import runnable

    words.use(lang)
    book = runnable.load()
    found = {}
    for path in CASES:
        doc = source.load(path)
        if not pipeline.read(path)[1].valid:
            continue
        text = draft_markdown.render(build_joint(book, application.drafts(book, doc, None)))
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        left = untranslated(text.replace(str(path), " "), case, words.load("draft"))
        left += [f"unfilled {m.group()}" for m in re.finditer(r"\{[^{}\s]{1,40}\}", text)]
        if left:
            found[path.name] = left[:3]
    assert found == {}


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_the_laws_translations_name_each_state_as_the_language_does(lang: str) -> None:
    """A jurisprudence note in French or Spanish ("Rajab c. Bahreïn") names a State as the draft's own facts do
    (`locales/states.yaml`), never by its English name ("Bahrain", "Saudi Arabia")."""
    states = yaml.safe_load((words.LOCALES / "states.yaml").read_text(encoding="utf-8"))
    found = []
    for part in ("citations", "outcomes", "rules"):
        data = yaml.safe_load((RULES / lang / f"{part}.yaml").read_text(encoding="utf-8"))
        texts = [v for v in _values(data)]
        for text in texts:
            said = text
            # the language's names said, "Iran" in "d'Iran" not English (a State the table names only in French
            # is told as written in Spanish, as the table's header says)
            for named in (s for s in states.values() if lang in s):
                said = said.replace(named[lang]["name"].removeprefix("la ").removeprefix("el "), " ")
            found += [
                f"{part}: {english}: {text[:80]}"
                for english, named in states.items()
                if lang in named and named[lang]["name"] != english and re.search(rf"\b{re.escape(english)}\b", said)
            ]
    assert found == []


def _values(data: Any) -> list[str]:
    """The translated texts of a law file: every value (the keys are the English the rules write)."""
    if isinstance(data, dict):
        return [t for v in data.values() for t in _values(v)]
    if isinstance(data, list):
        return [t for v in data for t in _values(v)]
    return [data] if isinstance(data, str) else []
