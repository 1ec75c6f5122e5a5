"""The eighteenth-round independent Spanish review (issue 31, task T14-es; the review's defects by number), each
checked on a shipped case's draft so that the old wording fails. The expected words are a Spanish lawyer's, never the
engine's output."""

from __future__ import annotations

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import drafted

REFERENCE = ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml"
TWO = ROOT / "cases" / "qaradawi-khalaf-egypt-2018.yaml"  # a woman and a man, never tried
CUBA = ROOT / "cases" / "cardet-cuba-2018.yaml"  # a State not party to the Covenant
FOUR = ROOT / "cases" / "mayangna-defenders-nicaragua-2024.yaml"  # four men


def test_a_status_after_a_clause_on_the_detention_names_its_subject() -> None:
    """D10: « la privación de libertad fue consecuencia de la actividad política del Sr. Ilyashev …; es defensor de
    los derechos humanos »: the subject left to the verb reads as « la privación de libertad ». After a clause with
    another subject the person is named again; after one of their own the verb carries them."""
    text = drafted("es", REFERENCE)
    assert (
        "la privación de libertad fue consecuencia de la actividad política del Sr. Ilyashev, descrita más arriba; el"
        " Sr. Ilyashev es defensor de los derechos humanos y activista político." in text
    )
    assert "; es defensor" not in text
    assert "sirvió de pretexto para detener al Sr. Ilyashev; la detención obedeció en realidad a su actividad" in text
    assert "restringió el acceso del Sr. Ilyashev a un abogado; no pudo consultar" in text  # no subject of its own
    four = drafted("es", FOUR)
    assert "por motivos de origen étnico; los interesados son miembros de una minoría" in four
    assert "; son miembros" not in four


def test_the_earlier_targeting_is_said_once_in_the_category_v_argument() -> None:
    """D11: the prior harassment, « no fue un incidente aislado », said in the factors' paragraph and again as « como
    se ha expuesto, la privación de libertad no fue un incidente aislado » in the presumption's paragraph right after
    it: said once."""
    text = drafted("es", REFERENCE)
    assert text.count("incidente aislado") == 1
    assert "Su privación de libertad no fue, por tanto, un incidente aislado." in text
    assert text.count("Ello da lugar a una fuerte presunción") == 1


def test_officials_statements_are_not_said_to_rest_on_a_ground() -> None:
    """D12: « Funcionarios hicieron declaraciones públicas contra la Sra. al-Qaradawi por motivos de nacimiento »: a
    calque with a bare plural subject, and the ground qualifies the deprivation of liberty, never the statements:
    the statements confirm it."""
    text = drafted("es", TWO)
    assert "Diversos funcionarios se pronunciaron públicamente contra ambos." in text  # the facts
    assert (
        "Diversos funcionarios se pronunciaron públicamente contra la Sra. al-Qaradawi, lo que confirma que se la privó"
        " de libertad por motivos de nacimiento." in text
    )
    assert "hicieron declaraciones públicas" not in text
    assert "públicamente contra la Sra. al-Qaradawi por motivos de" not in text


def test_the_grounds_alleged_name_who_was_discriminated_against() -> None:
    """D13: « La fuente alega una discriminación por motivos de nacimiento » (calque of "alleges discrimination on
    grounds of"): the people who suffered it."""
    text = drafted("es", TWO)
    assert (
        "La fuente alega que la Sra. al-Qaradawi y el Sr. Khalaf fueron objeto de discriminación por motivos de"
        " nacimiento." in text
    )
    assert "alega una discriminación" not in text


def test_a_sources_requests_cite_no_opinions() -> None:
    """D15: « Que ponga inmediatamente en libertad a los interesados (véanse las opiniones núms. 13/2018 y 33/2015) »:
    a source's requests carry no case law (a request to Nicaragua citing an opinion on Kazakhstan puzzles)."""
    text = drafted("es", FOUR)
    assert "b) Que ponga inmediatamente en libertad a los interesados;" in text
    requests = text.split("La fuente solicita al Grupo de Trabajo")[1].split("La fuente solicita además")[0]
    assert "véase" not in requests and "opinión" not in requests and "opiniones" not in requests


def test_the_covenant_as_a_guide_is_said_once() -> None:
    """D6: « véase también, como guía interpretativa, Pacto, art. 9, párr. 2 » twelve times in one draft, after the
    paragraph on the law applied already says the Covenant is cited only as a guide: a plain cross-reference."""
    text = drafted("es", CUBA)
    assert "únicamente como guía para interpretar" in text
    assert "véase también, como guía interpretativa" not in text and "(como guía interpretativa," not in text
    assert "véase también el Pacto, art. 9, párr. 2)" in text


# The lead's notes: what is the draft's logic, not its Spanish, is fixed for every language.


def test_deliberation_11_on_counsel_is_cited_only_where_an_emergency_is_shown() -> None:
    """D4: « deliberación núm. 11, párr. 21 » (consultations with counsel during a public health emergency) in the
    category III conclusion of cases from 2016-2017 and of Nicaragua, with no emergency: III.counsel-restricted no
    longer cites it (its own note said to argue it only in an emergency). The reference case, tried remotely under a
    state of emergency, keeps it through its remote hearing."""
    for case in (TWO, CUBA, FOUR):
        assert "deliberación núm. 11, párr. 21" not in drafted("es", case)
    assert "Deliberation No. 11, para. 21" not in drafted("en", CUBA)
    assert "deliberación núm. 11, párr. 21" in drafted("es", REFERENCE)


def test_a_challenge_that_was_open_is_no_fact_the_source_tells() -> None:
    """D3: « Pudieron impugnar la legalidad de la privación de libertad ante un tribunal », of four men whose families'
    habeas corpus petitions were denied while the authorities hid them: a concession to the State, and false. An
    open challenge is not told (in English and French alike); one that was not open still is."""
    assert "impugnar la legalidad" not in drafted("es", FOUR)
    assert "could challenge the lawfulness" not in drafted("en", FOUR)
    assert "ont pu contester" not in drafted("fr", FOUR)
    assert "no pudo impugnar" in drafted("es", CUBA)


def test_a_person_never_charged_is_never_said_to_be_told_of_charges_late() -> None:
    """D2: « Nunca fueron acusados de delito alguno » beside « No fueron informados sin demora de los cargos », which
    supposes a charge told late. The facts say it once; the argument under article 14 (3) (a) says no charge was
    ever formally communicated. A person charged keeps « sin demora »."""
    text = drafted("es", TWO)
    assert "Nunca fueron acusados de delito alguno." in text
    assert (
        "En el presente caso, a la Sra. al-Qaradawi y al Sr. Khalaf nunca se les comunicó formalmente acusación" in text
    )
    assert "informados sin demora" not in text
    assert "were never formally informed of any charge" in drafted("en", TWO)
    assert "promptly informed of the charges" not in drafted("en", TWO)
    assert "n'ont jamais été officiellement informés d'aucune accusation" in drafted("fr", TWO)
    charged = drafted("es", ROOT / "cases" / "namazi-iran-2017.yaml")
    assert "no fueron informados sin demora y en forma detallada de los cargos" in charged or (
        "no fue informado sin demora y en forma detallada de los cargos" in charged
    )


def test_a_person_never_tried_is_never_restricted_before_trial() -> None:
    """D7: « no han sido juzgados. Antes del juicio, se les restringió el acceso a un abogado »: what trial? The
    restriction during the deprivation of liberty, in the facts and the argument; a person tried keeps « antes del
    juicio »."""
    text = drafted("es", TWO)
    assert "no han sido juzgados. Durante su privación de libertad, se les restringió el acceso a un abogado." in text
    assert "En el presente caso, durante su privación de libertad, se restringió el acceso de la Sra." in text
    assert "ntes del juicio" not in text
    assert "antes del juicio, se restringió el acceso del Sr. Cardet a un abogado" in drafted("es", CUBA)


def test_a_period_is_named_in_prose_never_as_a_data_label() -> None:
    """D8: « durante la medida de detención sin fundamento jurídico conocido iniciada en 2021 », « la medida de
    prisión preventiva iniciada el 2 de julio de 2017 fue ordenada por un fiscal », « (prisión preventiva a partir del
    2 de julio de 2017) »: labels made sentences. The period by the person's own possessive, its start apart."""
    four, two, cuba = drafted("es", FOUR), drafted("es", TWO), drafted("es", CUBA)
    assert "régimen de incomunicación durante su detención, a partir de 2021" in four  # one clause (D14)
    assert "durante su detención, a partir de 2021, no se informó a las familias de los interesados de la" in four
    assert (
        "la privación de libertad en prisión preventiva, a partir del 2 de julio de 2017, fue ordenada por un fiscal,"
        " y no por un juez" in two
    )
    assert "al-Qaradawi el acceso a su consulado durante su prisión preventiva, a partir del 2 de julio de 2017." in two
    assert "sometido a malos tratos durante su custodia policial, a partir del 30 de noviembre de 2016" in cuba
    for text in (four, two, cuba):
        assert "la medida de" not in text and "iniciada el" not in text and "iniciada en" not in text
        assert "(prisión preventiva a partir" not in text


def test_desde_takes_the_tense_of_a_period_still_running() -> None:
    """D9: « la Sra. al-Qaradawi permaneció en prisión preventiva desde el 2 de julio de 2017 » of a period that goes
    on: the present perfect; a period over says its end (« desde el 9 de diciembre de 2016 hasta el 20 de marzo de
    2017 »)."""
    two = drafted("es", TWO)  # each period told with the place it was served (T15-es: short sentences joined)
    assert "La Sra. al-Qaradawi ha estado en prisión preventiva desde el 2 de julio de 2017, recluida en" in two
    assert "El Sr. Khalaf ha estado en prisión preventiva desde el 2 de julio de 2017, recluido en" in two
    assert "permaneció en prisión preventiva desde" not in two and "permanecieron en prisión preventiva" not in two
    assert "permaneció en prisión preventiva del 9 de diciembre de 2016 al 20 de marzo de 2017." in drafted("es", CUBA)
    teaching = drafted("es", ROOT / "cases" / "teaching" / "trial-two-violations.yaml")
    assert "La persona afectada ha estado en prisión desde el 5 de octubre de 2022." in teaching


def test_a_state_not_party_is_quoted_the_declaration_and_the_principles_in_their_own_words() -> None:
    """D5: for Cuba, the Covenant's article 9 (2) and (3) and article 22 quoted word for word and credited to « la
    Declaración Universal, art. 9 » and « art. 20 », which say no such thing. The Declaration's own words, the Body of
    Principles' (principles 10, 11 and 37), the Covenant a cross-reference; in English and French alike. D23: the 48
    hours as General Comment No. 35 para 33 puts them, « no debe exceder normalmente »."""
    text = drafted("es", CUBA)
    assert (
        "Nadie podrá ser arbitrariamente detenido, preso ni desterrado (Declaración Universal, art. 9). Toda persona"
        " arrestada será informada en el momento de su arresto" in text
    )
    assert (
        "Toda persona tiene derecho a la libertad de reunión y de asociación pacíficas (Declaración Universal" in text
    )
    assert "(Conjunto de Principios, principio 10; véase también el Pacto, art. 9, párr. 2)" in text
    assert "el plazo no debe exceder normalmente de 48 horas, salvo circunstancias excepcionales" in text
    for said in ("Toda persona detenida será informada", "incluso el derecho a fundar sindicatos", "significa en"):
        assert said not in text
    english = drafted("en", CUBA)
    assert "No one shall be subjected to arbitrary arrest, detention or exile (article 9 of the Universal" in english
    assert "including the right to form and join trade unions" not in english
    assert "Nul ne peut être arbitrairement arrêté, détenu ni exilé" in drafted("fr", CUBA)
    # a State party keeps the Covenant's words
    assert "Toda persona detenida será informada, en el momento de su detención" in drafted("es", REFERENCE)


def test_what_the_state_did_is_not_told_as_a_guarantee_kept() -> None:
    """D17, D18: « La privación de libertad fue objeto de revisión periódica » of renewals by a prosecutor, and « La
    acusación precisaba los actos que se imputaban al Sr. Cardet », a concession the source does not need."""
    two = drafted("es", TWO)
    assert "La privación de libertad se prorrogó periódicamente." in two
    assert "objeto de revisión periódica" not in two
    assert "precisaba los actos" not in drafted("es", CUBA) and "precisaba los actos" not in drafted("es", FOUR)


def test_standards_read_as_whole_sentences() -> None:
    """D21: « La desaparición forzada, privación de libertad por el Estado …, sustrae » (an apposition with no article
    nor bounds); D22: « dentro de las 48 horas » with no term; D27: « No se disponía de ningún recurso »."""
    assert "La desaparición forzada (la privación de libertad por agentes del Estado o con su aquiescencia," in drafted(
        "es", FOUR
    )
    assert "dentro de las 48 horas siguientes al arresto o a la detención (Principios Básicos" in drafted("es", CUBA)
    teaching = drafted("es", ROOT / "cases" / "teaching" / "trial-two-violations.yaml")
    assert "No cabía recurso alguno contra la condena." in teaching
    assert "No se disponía" not in teaching
