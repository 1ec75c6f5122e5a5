"""Every problem code, declared once: its level(s), the module that emits it, and what it means.

A `Problem`'s code is a `ProblemCode`, so mypy refuses a code that is not declared here, and
`tests/project/test_problem_codes.py` walks every module for the codes it emits and compares (no code
used that is not here, none here that is never used, each emitted by the module named). The
tables of codes in docs/cli.md and docs/rules.md are generated from `CODES` by
`python -m tools.problem_codes` (build time, outside the package; pydocstyle's pattern), and the
test fails while they are stale. Importing this module costs next to nothing (`wgad check` imports it):
plain data, a msgspec Struct per code (a NamedTuple class alone would cost more than all of them).
"""

from __future__ import annotations

from typing import Literal

import msgspec

Level = Literal["error", "warning"]

#: Every code a `Problem` may carry; `CODES` says what each one means.
ProblemCode = Literal[
    "io",
    "file-too-large",
    "not-text",
    "not-utf8",
    "yaml-syntax",
    "empty",
    "multi-document",
    "too-deep",
    "set-path",
    "too-many-values",
    "too-much-text",
    "unseen-line-break",
    "bad-scalar",
    "bad-number",
    "unsafe-tag",
    "bad-key",
    "duplicate-key",
    "too-long",
    "internal",
    "not-a-mapping",
    "not-a-case",
    "unknown-key",
    "bad-value",
    "wrong-type",
    "date-order",
    "unknown-field",
    "expected-conflict",
    "length-bounds",
    "no-trial",
    "period-no-start",
    "length-mismatch",
    "extension-conflict",
    "custody-no-migration-status",
    "held-but-ended",
    "contested-no-response",
    "conclusion-without-ref",
    "translation-language",
    "contests-nothing",
    "rules-missing",
    "rule-file-shape",
    "rule-shape",
    "rule-unknown-key",
    "rule-missing-key",
    "rule-category",
    "rule-then",
    "rule-type",
    "rule-citation",
    "rule-parameter",
    "parameter",
    "outcomes",
    "translation",
    "outcomes-remedy-unused",
    "rule-condition",
    "rule-unknown-field",
    "rule-bad-value",
    "rule-duplicate-id",
    "rule-dangling-conclusion",
    "rule-unused-conclusion",
    "rule-cycle",
    "rules-too-many",
]

#: The tables the docs show, each a group of codes: reading a file, checking a case, checking the rules.
Table = Literal["file", "case", "rules"]


class Code(msgspec.Struct, frozen=True):
    """What one code means and where it comes from."""

    levels: tuple[Level, ...]
    #: The modules (under detention_rules/) that emit it.
    emitted_by: tuple[str, ...]
    table: Table
    meaning: str


_E: tuple[Level, ...] = ("error",)
_W: tuple[Level, ...] = ("warning",)
_SOURCE = ("input/source.py",)
_VALIDATE = ("input/validate.py",)
_MESSAGES = ("input/messages.py",)
_RULEBOOK = ("law/rulebook.py",)

#: Every code, in the order the docs list them.
CODES: dict[ProblemCode, Code] = {
    # reading a file (input/source.py), and the pipeline's own codes: each stops the reading of that file
    "io": Code(
        _E,
        _SOURCE,
        "file",
        "The file cannot be read (`cannot read file: ...`), is not a regular file (a FIFO, a device), "
        "or is a folder that cannot be listed.",
    ),
    "file-too-large": Code(_E, _SOURCE, "file", "The file is over 1 MiB (1,048,576 bytes)."),
    "not-text": Code(_E, _SOURCE, "file", "The file contains a NUL byte: it is binary."),
    "not-utf8": Code(_E, _SOURCE, "file", "The file is not valid UTF-8."),
    "yaml-syntax": Code(_E, _SOURCE, "file", "The YAML cannot be parsed (the message gives the parser's reason)."),
    "empty": Code(_E, _SOURCE, "file", "The file holds nothing, or only comments or `null`."),
    "multi-document": Code(_E, _SOURCE, "file", "The file holds several YAML documents (`---`); a file holds one."),
    "too-deep": Code(
        _E,
        _SOURCE,
        "file",
        "Nesting deeper than 64 levels (found before the YAML is composed, however deep the file nests).",
    ),
    "set-path": Code(
        _E,
        ("application.py",),
        "file",
        "`check --set`: this file cannot take the change (no such list item, or a value where a section "
        "is needed); the other files still run.",
    ),
    "too-many-values": Code(_E, _SOURCE, "file", "The document expands to more than 100,000 values (alias expansion)."),
    "too-much-text": Code(
        _E,
        _SOURCE,
        "file",
        "The document expands to more than 1,048,576 characters of text (a long string aliased many times).",
    ),
    "unseen-line-break": Code(
        _E,
        _SOURCE,
        "file",
        "A carriage return not followed by a line feed, a NEL (U+0085), a line separator (U+2028) or a "
        "paragraph separator (U+2029): a line break to YAML that editors do not show. CRLF line ends are fine.",
    ),
    "bad-scalar": Code(_E, _SOURCE, "file", "A tagged value its tag cannot read (`!!bool maybe`, `!!int ''`)."),
    "bad-number": Code(
        _E,
        _SOURCE,
        "file",
        "A number that is infinite, not a number (`.inf`, `.nan`) or beyond 2**53 either way.",
    ),
    "unsafe-tag": Code(
        _E,
        _SOURCE,
        "file",
        "A tag other than YAML's plain ones (`!!python/...`, `!!binary`, a custom tag), on a value or a key, "
        "or a merge key (`<<`).",
    ),
    "bad-key": Code(_E, _SOURCE, "file", "A key that is not a plain string (a list or mapping used as a key)."),
    "duplicate-key": Code(_E, _SOURCE, "file", "The same key twice in one mapping."),
    "too-long": Code(
        _E,
        (*_MESSAGES, *_SOURCE, *_VALIDATE),
        "file",
        "One value is over 100,000 characters, or a text field over 20,000 (or a list over its number of entries, "
        "or detainees who between them repeat more than 200,000 shared values).",
    ),
    "internal": Code(
        _E,
        ("pipeline.py",),
        "file",
        "The tool itself failed on this file (exit code 3); the rest of the batch ran. Rerun the file "
        "alone with `WGAD_DEBUG=1`.",
    ),
    # checking a case (input/validate.py): the model's, then the consistency checks'
    "not-a-mapping": Code(_E, _VALIDATE, "case", "The top level is not a mapping of sections."),
    "not-a-case": Code(
        _E,
        _VALIDATE,
        "case",
        "No top-level key is a section of a case, nor close to one: not a case file (a linked "
        "`/etc/passwd`). Reported once, without echoing any of the file.",
    ),
    "unknown-key": Code(
        _E,
        _MESSAGES,
        "case",
        "A key the case model does not have; the message names the section it is in and the nearest known "
        "key, if one is close. A key of a fact written with its provenance (`contested`, `by`, `ref`, `note`, "
        "`value`) on a section or list entry says it goes on one fact.",
    ),
    "bad-value": Code(
        _E,
        _MESSAGES,
        "case",
        "A value outside the allowed words, a date or time in the wrong form or not real, a negative length, "
        "or an `opinion` not written `N/YYYY`.",
    ),
    "wrong-type": Code(
        _E,
        _MESSAGES,
        "case",
        "A value of the wrong type (text for a boolean, a list for a mapping, ...), or a number not in plain "
        "digits (`1:20`, `0x10`, `017`, `0b11`, which YAML 1.1 reads in base 60, 16, 8 or 2).",
    ),
    "date-order": Code(
        _E,
        _VALIDATE,
        "case",
        "A date before the date it must follow (a period ending before it starts, a trial before the arrest, ...).",
    ),
    "unknown-field": Code(_E, _VALIDATE, "case", "`government.contests` names a field the case model does not have."),
    "expected-conflict": Code(
        _E,
        _VALIDATE,
        "case",
        "`expected` lists a category as both found and not found, an outcome `not_arbitrary` or `filed` with "
        "categories found, or a `filed_reason` without `outcome: filed`.",
    ),
    "length-bounds": Code(
        ("warning", "error"),
        _VALIDATE,
        "case",
        "A period's length bounds without `length_unit` (warning: not read), or `length_at_least` above "
        "`length_at_most` (error).",
    ),
    "no-trial": Code(
        _W,
        _VALIDATE,
        "case",
        "A question about a trial itself is stated, but `trial.held` is `false`: it does not apply and is not read.",
    ),
    "period-no-start": Code(_W, _VALIDATE, "case", "A detention period without a start date, length or length bounds."),
    "length-mismatch": Code(
        _W,
        _VALIDATE,
        "case",
        "A detention period's `days`, `months` or `years` differs from its start and end dates by more than "
        "a tenth (and more than a day): the dates are used.",
    ),
    "extension-conflict": Code(
        _E,
        _VALIDATE,
        "case",
        "A detention period says it was never extended (`extensions: 0`) and names who extended it "
        "(`extended_by`): one of the two is wrong.",
    ),
    "custody-no-migration-status": Code(
        _W,
        _VALIDATE,
        "case",
        "Immigration or administrative custody, but `person.status` names no migration status: category IV "
        "cannot be assessed.",
    ),
    "held-but-ended": Code(
        _W,
        _VALIDATE,
        "case",
        "`person.released` is `false`, but the last detention period has an `end`: a draft would say both that the "
        "person is still held and when the custody ended.",
    ),
    "contested-no-response": Code(
        _W, _VALIDATE, "case", "A fact is contested or rebutted but `government.replied` is not `true`."
    ),
    "conclusion-without-ref": Code(
        _W,
        _VALIDATE,
        "case",
        "A legal conclusion (`led_to_detention`, `necessity_shown`, `undue_delay`, `law_vague`, `law_retroactive`, "
        "`independent`, `impartial`, `presumption_of_innocence`) is stated with no `ref`.",
    ),
    "translation-language": Code(
        _W,
        _VALIDATE,
        "case",
        "`translations:` keys a language no draft is written in (`de`, a typo `fr_`): drafts are written in en, fr "
        "and es, so its translations are never read.",
    ),
    "contests-nothing": Code(
        _W,
        _VALIDATE,
        "case",
        "`government.contests` names a numbered item the file does not have (`detention[7]`). An entry "
        "without a number (`detention[].incommunicado`) contests that field in every item.",
    ),
    # checking the rules folder (law/)
    "rules-missing": Code(_E, _RULEBOOK, "rules", "The folder holds no `*.yaml` or `*.yml` file."),
    "rule-file-shape": Code(_E, _RULEBOOK, "rules", "The file is not a mapping with a `rules` list."),
    "rule-shape": Code(_E, _RULEBOOK, "rules", "A rule is not a mapping."),
    "rule-unknown-key": Code(
        _E,
        _RULEBOOK,
        "rules",
        'An unknown key in a file, a rule or a condition (an unknown operator included), with a "did you mean" hint.',
    ),
    "rule-missing-key": Code(
        _E,
        _RULEBOOK,
        "rules",
        "A rule lacks one of `id`, `title`, `when`, `then`, `basis`, `provisions`, `jurisprudence`, `explain`.",
    ),
    "rule-category": Code(
        _E,
        _RULEBOOK,
        "rules",
        "`category` is not `I`-`V` or `admissibility`, or `then: {category: X}` names no category.",
    ),
    "rule-then": Code(
        _E, _RULEBOOK, "rules", "`then` is not `{violation: name}`, `{procedural: name}` or `{category: I..V}`."
    ),
    "rule-type": Code(
        _E,
        _RULEBOOK,
        "rules",
        "`id`, `title`, `explain`, `law` or `note` is not text; `provisions` or `jurisprudence` is not a "
        "non-empty list of text; `refer` is not a list of text; `basis` is not `settled` or `reading`.",
    ),
    "rule-citation": Code(
        _E,
        _RULEBOOK,
        "rules",
        "A citation in `provisions`, `jurisprudence` or `refer` cannot be read (the message says which part), "
        "or a provision cites no known instrument.",
    ),
    "rule-parameter": Code(
        _E, _RULEBOOK, "rules", "A `{parameter: NAME}` value names no parameter of `rules/parameters.yaml`."
    ),
    "parameter": Code(
        _E,
        ("law/law.py", "law/parameters.py"),
        "rules",
        "`rules/parameters.yaml` is not a `parameters` mapping, or an entry lacks one of `value`, `unit`, "
        "`description`, `source`, `basis`, or has a value that is not a number from 0 to 1e9, or a parameter "
        "a derived fact reads (`prompt_hours`) is missing. A rules folder without the file cannot be read (`io`).",
    ),
    "outcomes": Code(
        _E,
        ("law/consequences.py",),
        "rules",
        "`rules/outcomes.yaml` does not give a title (text) for each of I-V under `categories`, or a remedy is "
        "not `{when: always\\|covenant\\|no_covenant\\|detained\\|sentenced\\|violation:<name>, text, source}` "
        "(a violation some rule draws), or a condition is not `{fact, is, refer, why}` on a field of a detention "
        "period. A rules folder without the file cannot be read (`io`).",
    ),
    "translation": Code(
        _E,
        ("law/translation.py",),
        "rules",
        "A language's file beside the rules (`rules/fr/rules.yaml`, `outcomes.yaml`, `citations.yaml`) is not a "
        "mapping. Unparseable YAML in it is `yaml-syntax`, as in any file.",
    ),
    "outcomes-remedy-unused": Code(
        _W,
        ("law/consequences.py",),
        "rules",
        "A remedy of `rules/outcomes.yaml` follows a violation (`when: violation:<name>`) that no rule of the "
        "folder draws: it can never be sought (a misspelt name, or a folder without that rule).",
    ),
    "rule-condition": Code(
        _E,
        _RULEBOOK,
        "rules",
        "A malformed condition: not a mapping, an unknown form, an empty list, `at_least` out of range, a fact "
        "condition without exactly one operator, `unless` with an operator other than `is` or `in`, a "
        "conclusion inside `any_item`, a nested `any_item`.",
    ),
    "rule-unknown-field": Code(
        _E,
        _RULEBOOK,
        "rules",
        "A fact path, an `any_item` list or a `{placeholder}` that the case model does not have.",
    ),
    "rule-bad-value": Code(
        _E,
        _RULEBOOK,
        "rules",
        "A value the field cannot hold (one scalar of the field's type: text, a number, true or false), or an "
        "operator that does not fit the field's type.",
    ),
    "rule-duplicate-id": Code(_E, _RULEBOOK, "rules", "Two rules with the same `id`."),
    "rule-dangling-conclusion": Code(_E, _RULEBOOK, "rules", "A condition needs a conclusion that no rule draws."),
    "rule-unused-conclusion": Code(
        _E,
        _RULEBOOK,
        "rules",
        "A rule draws a `violation` that no rule uses. (Procedural and category conclusions are not checked.)",
    ),
    "rule-cycle": Code(_E, _RULEBOOK, "rules", "Rules need each other's conclusions in a circle."),
    "rules-too-many": Code(
        _E,
        ("reasoning/runnable.py",),
        "rules",
        "One rule would compile to more durable rules than the limit (an `at_least` over many alternatives: "
        "found from a bound, without expanding it), or the whole rulebook passes what one durable ruleset takes "
        "(480 durable rules, 400 `$or` alternatives in the case tests): reported at the rule that passes it "
        "(see [Limits](#limits)).",
    ),
}
