"""What the independent Spanish reviewer of the tenth pass found wrong (issue 31, task T10-es: review-es.md, its
defects by number), each checked on a shipped case's draft so that the old wording fails. The expected words are a
Spanish lawyer's agreement, tense and citation form and the Working Group's own terms, never the engine's output."""

from __future__ import annotations

import re

import pytest

from detention_rules import words
from detention_rules.law import citation
from detention_rules.output import narrative
from detention_rules.reasoning.facts import FactNode

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import REFERENCE, drafted

TWO = ROOT / "cases" / "qaradawi-khalaf-egypt-2018.yaml"  # a woman and a man, still held, never charged
FOUR = ROOT / "cases" / "mayangna-defenders-nicaragua-2024.yaml"  # four men, a period of unknown kind then prison
NON_PARTY = ROOT / "cases" / "cardet-cuba-2018.yaml"  # Cuba: not a party to the Covenant
TEACHING = ROOT / "cases" / "teaching" / "trial-two-violations.yaml"
SEVERAL_UDHR = ROOT / "cases" / "adawy-and-others-egypt-2017.yaml"  # cites UDHR 5 and 11(1) together


def test_verbs_and_possessives_agree_with_several_persons() -> None:
    """#1-#5, #8: «Nunca fue acusados», «los interesados no tuvo», «se le denegó» for four men, «su familia» of
    four: the verb, the pronoun and the possessed noun take the plural."""
    two, four = drafted("es", TWO), drafted("es", FOUR)
    for said in (
        "Nunca fueron acusados de delito alguno.",
        # never charged: never "no fueron informados sin demora" (eighteenth review, D2)
        "No pudieron consultar a sus abogados de forma confidencial. En las audiencias, ambos fueron presentados",
        "No se informó a sus familias de la detención ni del lugar de reclusión.",
    ):
        assert said in two
    for said in (
        "antes del juicio, los interesados no tuvieron acceso alguno a un abogado.",
        "Fueron mantenidos en régimen de incomunicación.",  # no "Pudieron impugnar" (eighteenth review, D3)
        "no se informó a las familias de los interesados de la detención",
        "no se informó a sus familias de la detención y se les denegó un abogado antes del juicio.",
    ):
        assert said in four
    for wrong in ("Nunca fue acusados", "No fue informados", "No pudo consultar a su abogado", "a su familia de la"):
        assert wrong not in two
    for wrong in ("interesados no tuvo ", "Pudo impugnar", "a la familia de los interesados", "se le denegó"):
        assert wrong not in four


def test_each_person_held_is_not_a_feminine_pronoun_without_antecedent() -> None:
    """#9: «el lugar donde cada una se encuentra recluida» for men: «cada una de las personas»."""
    for case in (TWO, FOUR):
        text = drafted("es", case)
        assert "el lugar donde cada una de las personas se encuentra recluida actualmente" in text
        assert "donde cada una se encuentra" not in text


def test_a_preposition_is_repeated_before_the_second_of_two_persons() -> None:
    """#7: «a la Sra. al-Qaradawi y al Sr. Khalaf», «de la Sra. al-Qaradawi y del Sr. Khalaf»."""
    two = drafted("es", TWO)
    # «contra», which needs no repeat; «señalar» is no persecution (twelfth review, D12)
    assert "La fuente alega que la Sra. al-Qaradawi y el Sr. Khalaf fueron objeto" in two
    assert "Que ponga inmediatamente en libertad a la Sra. al-Qaradawi y al Sr. Khalaf" in two
    assert "remediar la situación de la Sra. al-Qaradawi y del Sr. Khalaf" in two
    assert not re.search(r"\b(?:a|de) la Sra\. al-Qaradawi y el Sr\.", two)


def test_the_incommunicado_argument_does_not_make_a_man_feminine() -> None:
    """#6: «incomunicada …, el Sr. Cardet» agreed with the template's «la persona», not with the man it names."""
    text = drafted("es", NON_PARTY)
    assert (
        "el Sr. Cardet fue mantenido en régimen de incomunicación durante su custodia policial, a partir del 30"
        " de noviembre de 2016, sin poder consultar a un abogado ni preparar su defensa." in text
    )
    assert "ncomunicada" not in text


def test_a_period_without_an_end_date_is_not_told_in_the_present() -> None:
    """#10, #11, #25: «permanece en custodia policial desde …» followed by «Este período duró nueve días», and
    «permanecen en detención … desde 2021» before a prison term from December 2022: a period without an end date is
    told in the past (its length, when known, with it); «bajo custodia policial» is the fixed expression; what is
    unknown of such a detention is its legal basis."""
    cardet, four = drafted("es", NON_PARTY), drafted("es", FOUR)
    assert (
        "El Sr. Cardet permaneció nueve días bajo custodia policial a partir del 30 de noviembre de 2016. Estuvo"
        " recluido en" in cardet
    )
    assert (
        "Los interesados permanecieron detenidos a partir de 2021, sin que se conozca el fundamento jurídico de la"
        " detención." in four  # the twelfth pass's words (test_drafts_twelfth_review_es.py)
    )
    assert "Los interesados han estado en prisión desde diciembre de 2022, recluidos en" in four  # D26, T13-es
    for text in (cardet, four, drafted("es", TWO)):
        assert not re.search(r"\bpermanecen? (?:en|bajo) ", text)
        assert "duró nueve días" not in text and "régimen jurídico conocido" not in text
    reference = drafted("es", REFERENCE)
    assert "El Sr. Ilyashev permaneció bajo custodia policial del 17 al 18 de abril de 2020." in reference
    assert "en custodia policial" not in reference


def test_facts_do_not_repeat_the_questions_alternatives() -> None:
    """#12, #13: «el acusado estaba en una jaula, esposado o con ropa de preso» (of a woman and a man never tried) and
    «tenían en común el mismo grupo étnico»: the person is named, the drafter says which of the three, the others
    targeted share the persons' own origin."""
    two, four = drafted("es", TWO), drafted("es", FOUR)
    # the three languages' shared wording (test_drafts_tenth_review_shared): the hearings, how left to the drafter
    # (the pair named earlier in the paragraph: «ambos», the twelfth pass, test_drafts_twelfth_review_es.py)
    assert "En las audiencias, ambos fueron presentados ante el tribunal" in two
    assert "el acusado estaba en una jaula" not in two
    # the others targeted and what they share, told in one sentence (the English draft's tenth reading)
    assert "También se ha perseguido a otras personas que comparten con ellos su origen étnico" in four
    assert "que comparten con ellos su origen étnico" in four
    for wrong in ("tenían en común", "el mismo grupo étnico", "otros miembros del mismo grupo"):
        assert wrong not in four


def test_the_defender_status_is_argued_only_for_a_defender() -> None:
    """#15: «La condición de defensor de los derechos humanos constituye en sí misma “cualquier otra condición
    social”» argued for an opposition leader whom the file does not call a defender."""
    sentence = "La condición de defensor de los derechos humanos constituye en sí misma"
    assert sentence not in drafted("es", NON_PARTY)
    assert sentence in drafted("es", REFERENCE)  # Mr. Ilyashev's file gives the status


def test_a_condition_on_a_list_holds_for_one_of_its_values() -> None:
    """`keep_if: ["person.status=human_rights_defender"]` reads a status list."""
    leaf = FactNode(path="person.status", value=["political_opposition", "human_rights_defender"], line=1, col=1)
    assert narrative.holds("person.status=human_rights_defender", {"person.status": leaf})
    assert not narrative.holds("person.status=journalist", {"person.status": leaf})


def test_a_consular_refusal_does_not_call_the_person_foreign_again() -> None:
    """#14: «se denegó a la Sra. al-Qaradawi, de nacionalidad extranjera, el acceso a su consulado»."""
    two = drafted("es", TWO)
    assert "se denegó a la Sra. al-Qaradawi el acceso a su consulado" in two
    assert "de nacionalidad extranjera, el acceso" not in two


def test_a_non_party_state_is_cited_the_covenant_as_a_guide_after_what_binds_it() -> None:
    """#16, #19: for Cuba the Covenant led every citation; it now follows the Universal Declaration and the Body of
    Principles as an interpretive guide; the Nelson Mandela Rules get their title. A party keeps the Covenant first."""
    cardet = drafted("es", NON_PARTY)
    assert (
        "(Conjunto de Principios, principio 10; véase también el Pacto, art. 9, párr. 2)" in cardet  # review 18, D5
    )
    assert "Pacto, art. 14, párr. 3 b) y d))" in cardet
    assert not re.search(r"\(Pacto, [^()]*;", cardet)
    assert "Reglas Mínimas de las Naciones Unidas para el Tratamiento de los Reclusos (Reglas Nelson Mandela)" in cardet
    assert "(Pacto, art. 9, párr. 2; Declaración Universal, art. 9" in drafted("es", TWO)
    assert "guía interpretativa" not in drafted("en", NON_PARTY)


def test_citations_are_in_spanish_syntax_and_each_once() -> None:
    """#35-#39: «3 b) y d;», «Abogados 7))», «art. 36(1)(b)» after «art. 36, párr. 1 b)», one source twice in one
    parenthesis, «párrs. 2 y 1», «A/HRC/30/37 principio 9», «(1984) párr. 52», «art. 5 y 11(1)»."""
    two, four, cardet = drafted("es", TWO), drafted("es", FOUR), drafted("es", NON_PARTY)
    assert (
        "(Convención de Viena sobre Relaciones Consulares, art. 36, párr. 1 b)); la asistencia consular forma parte de"
        " los medios para preparar la defensa (Pacto, art. 14, párr. 3 b); Conjunto de Principios, principio 16,"
        " párr. 2; Comité de Derechos Humanos, observación general núm. 35, párr. 58)." in two  # its authority (D15)
    )
    assert ") (" not in two + four + cardet  # the standard's authority in its parenthesis, never one of its own
    assert "Pacto, art. 9, párrs. 1 y 2;" in two
    assert (
        "(Conjunto de Principios, principio 16, párr. 1; Pacto, art. 9, párr. 1; Declaración Universal, art. 9;"
        " Comité de Derechos Humanos, observación general núm. 35, párr. 58)" in four  # its authority with it (D15)
    )
    assert (
        "Desapariciones Forzadas, art. 2; observación general núm. 35 del Comité de Derechos Humanos, párr. 17;"
        " Declaración Universal, art. 6;" in four
    )
    assert "A/HRC/30/37, anexo, principio 9 y directriz 8" in four
    assert "(Principios Básicos sobre la Función de los Abogados, principio 7);" in cardet
    assert "c. Países Bajos [1984], párr. 52" in cardet  # inside the citation's parenthesis: brackets (#42)
    assert "Declaración Universal, arts. 5 y 11, párr. 1" in drafted("es", SEVERAL_UDHR)
    for text in (two, four, cardet):
        assert not re.search(r"\d\(\d+\)", text)  # "36(1)(b)", "11(1)", "12(2)"
        assert "párrs. 2 y 1" not in text and "y d;" not in text and "7))" not in text
        for parenthesis in re.findall(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)", text):
            # a treaty body's general comments are sources apart (« observación general núm. 32 », « núm. 35 »)
            sources = [
                ", ".join(part.split(",")[: 2 if part.startswith("Comité") else 1]) for part in parenthesis.split("; ")
            ]
            sources = [s for s in sources if s != _SHARED_DUPLICATE]
            assert len(sources) == len(set(sources)), parenthesis


#: A source D15 cites twice in one parenthesis in every language, English included ("A/HRC/36/37, para. 48; ...;
#: A/HRC/36/37, paras. 48-49"): the standard's own pinpoint and the rule's as filed. Left to the shared code (the
#: English draft must not change here); pinned as a known defect below so that its fix shows.
_SHARED_DUPLICATE = "A/HRC/36/37"


@pytest.mark.xfail(strict=True, reason="D15 cites A/HRC/36/37 twice in one parenthesis, in English too")
def test_the_discrimination_report_is_cited_once_in_its_parenthesis() -> None:
    text = drafted("es", NON_PARTY)
    assert "(A/HRC/36/37, párr. 48; Declaración Universal, arts. 2 y 7; véase la opinión núm. 13/2018)." in text


def test_the_covenant_lists_an_articles_paragraphs_in_order() -> None:
    form = words.load("draft", "es")["words"]
    assert citation.covenant(["9(2)", "9(1)"], form["covenant"], form) == "Pacto, art. 9, párrs. 1 y 2"


@pytest.mark.parametrize(
    ("case", "said", "wrong"),
    [
        (REFERENCE, "Conoció de la causa [por traducir: the Medeu District Court", "La causa fue conocida"),
        (NON_PARTY, "Conoció de la causa [por traducir: the municipal court of Gibara", "La causa fue conocida"),
        (TEACHING, "Conoció de la causa", "La causa fue conocida"),
        (TWO, "se pronunciaron públicamente contra", "señala"),  # twelfth review, D12; eighteenth, D12
        (
            TWO,
            "La decisión por la que se privó de libertad al Sr. Khalaf carecía de una motivación individualizada.",
            "motivo propio",
        ),
        (REFERENCE, "fue detenido por sus expresiones, a saber, [por traducir:", "por expresarse"),
        # the paragraph arguing that article 14 applies is gone (D15, a premise): the conclusion says the same words
        (NON_PARTY, "el proceso contra el Sr. Cardet no respetó las garantías de un juicio imparcial", "juicio justo"),
        (REFERENCE, "Esa forma de dirigir el proceso demuestra", "conducción del proceso"),
        (REFERENCE, "por tratarse de discriminación", "por causa de discriminación"),
        (
            REFERENCE,
            "por su actividad política y su labor de defensor de los derechos humanos",
            "por actividad política",
        ),
        (
            NON_PARTY,
            "privación de libertad por el ejercicio de la libertad de asociación",
            "por la libertad de asociación",
        ),
        (REFERENCE, "solo es compatible con el artículo 19, párrafo 3, del Pacto si", "solo restringe"),
        (REFERENCE, "antes del juicio y durante este, se restringió", "antes y durante el juicio"),
    ],
)
def test_the_recurring_calques_are_gone(case: object, said: str, wrong: str) -> None:
    """#20-#23, #26, #28, #29, #31-#33: «La causa fue conocida por» (the passive of «conocer de»), the adjectival
    gerund, «motivo propio de», «detenido por expresarse: […]», «juicio justo» beside «juicio imparcial», «antes y
    durante el juicio», «conducción del proceso», «por causa de discriminación», a freedom as a detention's cause."""
    text = drafted("es", case)  # type: ignore[arg-type]
    assert said in text
    assert wrong not in text


@pytest.mark.parametrize("case", [REFERENCE, NON_PARTY])
def test_one_kind_of_quotation_marks(case: object) -> None:
    """#41: “noticias falsas”, «cualquier otra condición social» and "sin demora" in one draft: UN Spanish uses “ ”.
    The drafter's own words set apart to translate keep theirs."""
    text = re.sub(r"\[por traducir: [^\]]*\]", "", drafted("es", case))  # type: ignore[arg-type]
    assert not re.search(r"[«»\"]", text)


@pytest.mark.parametrize(
    ("field", "said", "wrong"),
    [
        (
            "trial.counsel.pressured",
            "u obligado a retirarse del caso por ejercer la defensa",
            "retirarse por la defensa",
        ),
        ("trial.judge_acted_before", "¿Había alguno de los jueces del juicio instruido la causa", "¿Había un juez"),
        ("emergency.declared", "¿Se había declarado un estado de emergencia?", "excepción"),
        ("emergency.invoked", "estado de emergencia", "excepción"),
    ],
)
def test_the_check_questions_say_what_they_ask(field: str, said: str, wrong: str) -> None:
    """#48, #50, #52: «obligado a retirarse por la defensa» (forced by the defence?), «Había un juez del juicio
    instruido…», «estado de excepción» in the questions beside the draft's «estado de emergencia»."""
    question = words.load("check", "es")["questions"][field]
    assert said in question
    assert wrong not in question


def test_a_residence_typed_in_english_is_set_apart_to_translate() -> None:
    """#44: «Reside en Velasco, Holguín province.», English left in the text unmarked; a State the table knows is
    still named in Spanish («Reside en los Estados Unidos»)."""
    assert "Reside en [por traducir: Velasco, Holguín province]." in drafted("es", NON_PARTY)
    assert "Reside en los Estados Unidos ([por traducir: lawful permanent resident])." in drafted("es", TWO)
    assert "lives in Velasco, Holguín province." in drafted("en", NON_PARTY)


def test_the_appendix_notes_say_what_is_read() -> None:
    """#51: «(la ropa de preso se lee como presentación …, una lectura)» and «exige la categoría II por …», calques
    of "a reading" and "requires category II for"."""
    notes = (ROOT / "rules" / "es" / "rules.yaml").read_text(encoding="utf-8")
    assert "(interpretación propia: la ropa de preso presenta al acusado como delincuente peligroso)" in notes
    assert "exige que se haya establecido la categoría II por actividad política" in notes
    assert "una lectura)" not in notes and "exige la categoría II por" not in notes
