"""What the tenth pass's Spanish reviewer found and the first fixer left (issue 31, task T11-es: review-es.md, its
defects by number), each checked on a shipped case's draft so that the old wording fails. The expected words are a
Spanish lawyer's and the Working Group's own (its methods of work "(A/HRC/36/38)", as opinions 57/2020 and 76/2020
introduce them, para. 2), never the engine's output."""

from __future__ import annotations

import re

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import REFERENCE, drafted

FOUR = ROOT / "cases" / "mayangna-defenders-nicaragua-2024.yaml"  # four men; conduct typed in English gerunds
NON_PARTY = ROOT / "cases" / "cardet-cuba-2018.yaml"


def test_a_conduct_told_by_a_gerund_to_translate_has_a_spanish_frame() -> None:
    """#24: «ejerció su derecho a la libertad de asociación [leading the Christian Liberation Movement…]»: no link
    between the right and the act; «al» asks the drafter for the infinitive («al dirigir…»), never a gerund."""
    cardet, four = drafted("es", NON_PARTY), drafted("es", FOUR)
    assert "ejerció su derecho a la libertad de asociación al [por traducir: leading the Christian" in cardet
    assert "ejercieron su derecho a defender los derechos humanos al [por traducir: defending" in four
    assert "a tener su propia vida cultural al [por traducir: exercising" in four
    assert not re.search(r"(asociación|humanos|cultural) \[por traducir", cardet + four)
    assert "freedom of association by leading the Christian" in drafted("en", NON_PARTY)


def test_each_instrument_is_named_in_full_at_its_first_mention_only() -> None:
    """#40: «Declaración Universal», «Conjunto de Principios», «métodos de trabajo», «observación general núm. 34»
    short at their first mention; in full once, short after."""
    text = drafted("es", REFERENCE)
    for full, short in (
        ("Declaración Universal de Derechos Humanos, arts. 3 y 9", "Declaración Universal, art. 9"),
        (
            "Conjunto de Principios para la Protección de Todas las Personas Sometidas a Cualquier Forma de Detención"
            " o Prisión, principios 2, 4 y 10",
            "Conjunto de Principios, principio 10",
        ),
        # the symbol between commas, as a citation (twelfth review, D17)
        ("(métodos de trabajo del Grupo de Trabajo, A/HRC/36/38, párr. 8 a))", "(métodos de trabajo, párr. 8 b))"),
        ("(observación general núm. 34 del Comité de Derechos Humanos, párr. 22)", "(observación general núm. 34,"),
    ):
        assert full in text and short in text
        assert text.index(full) < text.index(short)
    assert text.count("Conjunto de Principios para la Protección") == 1
    assert "(Declaración Universal, arts. 3 y 9" not in text
    assert "Universal Declaration of Human Rights" in drafted("en", REFERENCE)


def test_a_parenthesis_inside_another_is_in_square_brackets() -> None:
    """#42: «(privación de libertad no reconocida (desaparición forzada))»; a letter's mark («párr. 8 a)») is no
    parenthesis, and the drafter's words set apart keep theirs."""
    four = drafted("es", FOUR)
    assert "(privación de libertad no reconocida [desaparición forzada])" in four
    assert "(desaparición forzada))" not in four
    assert "párr. 8 a))" in four
    assert "(MCL)" in drafted("es", NON_PARTY)  # inside «[por traducir: …]», as typed
    assert "(enforced disappearance))" in drafted("en", FOUR)


def test_what_the_others_targeted_share_is_not_the_schemas_list_of_options() -> None:
    """«su labor de defensa de los derechos, como defensores, periodistas o abogados»: the question's options as
    prose; the work the persons did, as the English draft words it ("their work in defence of human rights")."""
    four = drafted("es", FOUR)
    assert "que comparten con ellos su origen étnico y su labor de defensa de los derechos humanos." in four
    assert "periodistas o abogados" not in four


def test_the_check_speaks_spanish_around_the_law() -> None:
    """#45, #46: «Alnur Ilyashev c. Kazakhstan» (the file's English title), «véase opinión núm.» without its article,
    «opiniones 72/2021, …» without «núms.», «(article 14(3)(d))» in an opinion's note."""
    from detention_rules import words
    from detention_rules.output import text
    from detention_rules.pipeline import check_file
    from detention_rules.reasoning import runnable

    words.use("es")
    try:
        said = text.render([check_file(REFERENCE, runnable.load())])
    finally:
        words.use("en")
    assert said.splitlines()[0].endswith(": Alnur Ilyashev (Kazajstán)")
    assert "fuentes: opinión núm. 2/2022, párrs. 70 y 71; opiniones núms. 72/2021, 89/2020" in said
    assert "párrs. 88 y 89 (artículo 14, párrafo 3 d))" in said  # never « 88-89 » (review 18, D30)
    for english in ("Kazakhstan", "véase opinión", "(article ", "opiniones 72/2021"):
        assert english not in said


def test_a_person_whose_sex_is_not_known_is_not_a_generic_masculine() -> None:
    """#34: «Q. R. fue condenado», «lo privaron» when the file gives no sex: after the first mention, «la persona
    afectada», with which the participles and pronouns agree; several persons keep their names."""
    teaching = drafted("es", ROOT / "cases" / "teaching" / "trial-two-violations.yaml")
    assert "La presente comunicación se refiere a Q. R." in teaching
    assert "La persona afectada fue condenada a una pena de prisión de cuatro años." in teaching
    assert "esas violaciones la privaron de un juicio imparcial" in teaching
    for masculine in ("Q. R. fue condenado", "Q. R. fue recluido", "lo privaron"):
        assert masculine not in teaching
    joint = drafted("es", ROOT / "tests" / "output" / "prose_cases" / "several-detainees.yaml")
    assert "Tomas Lee" in joint and "la persona afectada fue" not in joint.lower()
    assert "Q. R. was sentenced" in drafted("en", ROOT / "cases" / "teaching" / "trial-two-violations.yaml")


JOINT_CUBA = ROOT / "cases" / "guia-piloto-mendoza-amaro-cuba-2019.yaml"  # three opposition members, a joint draft
VENEZUELA = ROOT / "cases" / "lopez-venezuela-2014.yaml"


def test_charges_quoted_in_an_argument_are_set_apart_to_translate() -> None:
    """Read as a lawyer (a draft the review did not name): «la acusación (pre-criminal social dangerousness,
    contempt …) no exponía ningún acto», the file's English inside a Spanish sentence, unmarked."""
    text = drafted("es", JOINT_CUBA)
    assert (
        "la acusación de [por traducir: pre-criminal social dangerousness] y [por traducir: contempt (desacato; an"
        " extension of the term)] no exponía ningún acto de la Sra. Mendoza Reyes que constituyera el delito." in text
    )
    assert "la acusación (pre-criminal" not in text


def test_the_others_targeted_are_not_members_of_a_group_never_named() -> None:
    """«También se persiguió a otros miembros del mismo grupo» (which group?), a paragraph of its own for Mr. Amaro
    Hidalgo: the others, with what they share where the file says it."""
    text = drafted("es", JOINT_CUBA)
    assert "En el presente caso, también se persiguió a otras personas." in text
    assert "del mismo grupo" not in text


def test_venezuela_is_named_as_the_working_group_names_it() -> None:
    """«es nacional de Venezuela (República Bolivariana de)», «Gobierno de Venezuela (República Bolivariana de)»: the
    list form; opinions 57/2020 and 55/2021 write «(República Bolivariana de Venezuela)» in the title and «al Gobierno
    de la República Bolivariana de Venezuela» (para. 2)."""
    text = drafted("es", VENEZUELA)
    assert "relativa a Leopoldo López (República Bolivariana de Venezuela)" in text
    assert "es nacional de la República Bolivariana de Venezuela." in text
    assert "pida al Gobierno de la República Bolivariana de Venezuela:" in text
    assert "(República Bolivariana de)" not in text
