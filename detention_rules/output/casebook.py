"""`wgad casebook`: a static site of cases for trainers, that opens from a folder with no server and no network.

Every page is one self-contained HTML file: its style and its one small script
(casebook_files/casebook.js, shipped with the package) are inline, and a
Content-Security-Policy allows nothing else, not even a request for an image. Links
are relative. Text from case and rule files goes through jinja2's autoescaping after
escaping.printable, so a fact that says `<script>` shows as text.

Two books from the same cases. The participant's: an index by topic and number that names
no category, each case's facts told as the draft tells them (no field, no file line), the
answer behind "Check my answer"; a handout of the facts. The trainer's adds the answers to
the index, the teaching README's lesson table and notes, and a copy to print with every
answer and the facts as the draft's appendix cites them. Teaching cases are ordered by
topic (their file names' first word: arrest, charge, custody, ...) and, within one, as the
lesson table lists them; a selection (`--cases`, a session file) is taken in its own order.
Real cases can be anonymised: no title, no opinion number, no source to look the answer up.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
import msgspec

from detention_rules import application
from detention_rules.agreement import hand_file
from detention_rules.errors import Problem, UsageError
from detention_rules.escaping import printable
from detention_rules.input.case import CATEGORIES
from detention_rules.input.field_path import FieldPath
from detention_rules.law.law import Law
from detention_rules.output import atomic, teaching
from detention_rules.output.citable import Horizon
from detention_rules.output.draft import fact_line
from detention_rules.output.teaching_words import PATTERNS, TOPICS
from detention_rules.output.teaching_words import WORDS as W
from detention_rules.pipeline import CaseResult, case_files
from detention_rules.reasoning import tree
from detention_rules.reasoning.derivation import ConclusionNode, RuleNode
from detention_rules.reasoning.facts import FactNode
from detention_rules.reasoning.runnable import Runnable

FILES = Path(__file__).parent / "casebook_files"


class Page(msgspec.Struct):
    """One person's case, as the templates read it (plain data)."""

    slug: str
    title: str
    real: bool
    number: int = 0
    topic: str = ""  # a key of WORDS.TOPICS
    file: str = ""  # the case file's name, for the trainer
    opinion: str = ""
    source: str = ""
    teaches: str = ""
    revealed_title: str = ""  # a teaching case's own title, shown with the answer
    expected: str = ""
    categories: list[str] = msgspec.field(default_factory=list)
    facts: list[str] = msgspec.field(default_factory=list)  # told as the draft tells them
    cited: list[str] = msgspec.field(default_factory=list)  # as the draft's appendix cites them (trainer)
    findings: list[dict[str, Any]] = msgspec.field(default_factory=list)
    why_not: list[dict[str, Any]] = msgspec.field(default_factory=list)
    leaves: dict[str, Any] = msgspec.field(
        default_factory=dict
    )  # generic path -> values, for the index by fact pattern
    words: str = ""

    @property
    def page(self) -> str:
        return f"case-{self.slug}.html"


class Options(msgspec.Struct, frozen=True):
    """Which book: the trainer's or the participant's; real cases anonymised; the cases chosen, in order."""

    trainer: bool = False
    anonymous: bool = False
    chosen: tuple[str, ...] = ()  # case names (file name, with or without .yaml, or path); empty: every case


#: The participant's book of every case given: the default.
PARTICIPANT = Options()


def _tree(below: list[tree.Branch], result: CaseResult, trainer: bool, shown: Horizon) -> dict[str, Any]:
    """A conclusion's rules as the templates read them, each with its facts and the conclusions it rests on:
    each fact told as the draft tells it, or for the trainer cited as its appendix does (path, line).
    `shown`: the opinions the page may name (an anonymised case's own would give the answer away), in a
    rule's citations as in the standard that quotes one."""
    return {
        "rules": [
            {
                "id": r.rule.id,
                "text": r.text,
                "provisions": list(r.provisions),
                "jurisprudence": shown.unnamed(r.rule.jurisprudence),
                "law": shown.unquoted(" ".join(r.rule.law.split())),
                "facts": [
                    {
                        "sentence": fact_line(f.node) if trainer else teaching.told(f.node, result),
                        "contested": f.node.contested,
                    }
                    for f in rule.below
                    if isinstance(f.node, FactNode) and not f.node.absent_defeater
                ],
                "premises": [
                    _tree(p.below, result, trainer, shown) for p in rule.below if isinstance(p.node, ConclusionNode)
                ],
            }
            for rule in below
            if isinstance(r := rule.node, RuleNode)
        ]
    }


#: The in-page quiz's words, from teaching_words, so the page and the terminal agree.
_QUIZ_WORDS = json.dumps({**W.VERDICTS, "score": W.QUIZ_CASE_SCORE.strip()})


def topic(path: Path, real: bool) -> str:
    """A case's topic: a teaching case's file name's first word where it is one (`trial-in-absentia`)."""
    if real:
        return "real"
    head = path.stem.split("-", 1)[0]
    return head if head in TOPICS else "other"


def page(book: Law, result: CaseResult, path: Path, title: str, number: int, options: Options) -> Page:
    """The page data of one analysed person, numbered `number`; category titles are `book`'s."""
    assert result.case is not None and result.analysis is not None and result.facts is not None
    legal = book.consequences
    src = result.case.source
    real = not (src is not None and src.synthetic)
    # a teaching case's title states its lesson, and a real case's names the opinion: shown when allowed
    shown = options.trainer or (real and not options.anonymous)
    name = W.BOOK_CASE_NAME.format(n=number)
    p = Page(f"{number:02d}", W.BOOK_CASE_TITLED.format(name=name, title=title) if shown else name, real, number)
    p.topic = topic(path, real)
    p.file = path.name if options.trainer else ""
    p.revealed_title = "" if real else title
    if src is not None and (options.trainer or not options.anonymous):
        p.opinion = src.opinion or ""
        p.source = "; ".join(x for x in (src.document, src.session, src.url) if x)
    if src is not None and not real:
        p.teaches = src.note or ""
    expected = result.case.expected
    if expected is not None and (options.trainer or not options.anonymous):
        p.expected = ", ".join(expected.categories) or W.NONE
    nameable = Horizon.hiding(
        src.opinion or "" if src is not None and real and options.anonymous and not options.trainer else ""
    )
    p.categories = list(result.analysis.categories)
    p.facts = teaching.story(result)
    p.cited = teaching.facts(result) if options.trainer else []
    p.findings = [
        {
            "title": legal.titles[f.category],
            "tree": _tree(tree.branches(f.tree, sources=False), result, options.trainer, nameable),
        }
        for f in result.analysis.findings
    ]
    for c in CATEGORIES:
        if c in p.categories:
            continue
        misses = [
            {
                "id": m.rule.id,
                "title": m.rule.title,
                "status": W.BOOK_DEFEATED if m.status is False else W.BOOK_WAITING,
                "lacks": teaching.lacking(m) if options.trainer else teaching.lacking_in_words(m),
            }
            for m in result.why_not.get(c, [])
        ]
        p.why_not.append({"category": c, "misses": misses})
    for leaf in result.facts.leaves.values():
        p.leaves.setdefault(FieldPath.generic_name(leaf.path), []).append(leaf.value)
    p.words = _QUIZ_WORDS
    return p


def _shows(p: Page, marker: str) -> bool:
    """Whether a case shows a fact pattern's marker: a field stated, or `field=value` (a value or list item)."""
    path, _, value = marker.partition("=")
    return any(not value or v == value or (isinstance(v, list) and value in v) for v in p.leaves.get(path, []))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(FILES),
        autoescape=True,
        # every value is made printable (no bidi override, no control character) before it is escaped
        finalize=lambda v: printable(v) if isinstance(v, str) and not isinstance(v, markupsafe.Markup) else v,
        undefined=jinja2.StrictUndefined,
    )
    return env


def _script() -> tuple[str, str]:
    script = (FILES / "casebook.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return script, f"sha256-{digest}"


def _chosen(files: list[Path], names: tuple[str, ...]) -> list[Path]:
    """The files a selection names, in its order; a name that matches no file is a usage error."""
    out: list[Path] = []
    for name in names:
        match = [f for f in files if name in (f.stem, f.name, str(f)) or f.resolve() == Path(name).resolve()]
        if not match:
            raise UsageError(W.BOOK_UNKNOWN_CASE.format(name=name))
        out += [f for f in match if f not in out]
    return out


def _key(path: Path, real: bool, tables: dict[Path, list[str]]) -> tuple[int, int, str]:
    """Where a case comes in the book: its topic's place, then its row in its folder's lesson table."""
    listed = tables.setdefault(path.parent, [row["file"] for row in lessons(path.parent)[0]])
    place = listed.index(path.name) if path.name in listed else len(listed)
    return [*TOPICS, "other", "real"].index(topic(path, real)), place, path.name


def pages(paths: Iterable[Path], book: Runnable, options: Options = PARTICIPANT) -> tuple[list[Page], list[Problem]]:
    """The pages of every valid case under `paths` (one per detainee), or of the cases chosen, numbered in
    the order a session follows (module docstring); and the problems of the others."""
    problems: list[Problem] = []
    files = list(case_files(paths))
    named = {path.resolve() for path in files}
    # a blind twin (cases/blind/x.yaml) repeats a case the book already has: a measurement, not a case to teach
    files = [path for path in files if (hand := hand_file(path)) is None or hand.resolve() not in named]
    if options.chosen:
        files = _chosen(files, options.chosen)
    analysed: list[tuple[Path, CaseResult, str]] = []
    for path, whole in application.results(book, files, why_not=True):
        if whole.case is None or not whole.valid:
            problems += [p for p in whole.problems if p.level == "error"]
            continue
        for result in whole.each():
            title = whole.case.title or str(path)
            analysed.append((path, result, f"{title} ({result.detainee})" if result.detainee else title))
    if not options.chosen:  # a selection keeps its own order
        tables: dict[Path, list[str]] = {}
        analysed.sort(
            key=lambda a: _key(a[0], not (a[1].case and a[1].case.source and a[1].case.source.synthetic), tables)
        )
    return [
        page(book, result, path, title, n, options) for n, (path, result, title) in enumerate(analysed, 1)
    ], problems


def lessons(folder: Path) -> tuple[list[dict[str, str]], list[str]]:
    """The lesson table and the notes for trainers of a folder's README.md (none without one): each row's
    file, categories, rules and lesson, and each note, as plain text."""
    readme = folder / "README.md"
    try:
        text = readme.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return [], []
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        link = re.fullmatch(r"\[([^\]]+)\]\(([^)]+\.yaml)\)", cells[0]) if len(cells) == 4 else None
        if link:
            columns = ("file", "categories", "rules", "lesson")
            rows.append(dict(zip(columns, [link[2], *map(_plain, cells[1:])], strict=True)))
    notes: list[str] = []
    section = text.partition(W.BOOK_NOTES_HEADING)[2].split("\n## ", 1)[0]
    for line in section.splitlines():
        if line.startswith("- "):
            notes.append(_plain(line[2:]))
        elif line.startswith("  ") and notes:
            notes[-1] += " " + _plain(line.strip())
    return rows, notes


def _plain(markdown: str) -> str:
    """A Markdown cell as plain text: no code marks, emphasis or link syntax."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[`*]", "", text)


def render(
    book: Law, cases: list[Page], options: Options = PARTICIPANT, folders: Iterable[Path] = ()
) -> dict[str, str]:
    """Every file of the book: its name and its text; category titles are `book`'s; `folders`: where the
    cases come from, whose READMEs give the trainer's lesson table and notes."""
    env = _environment()
    script, script_hash = _script()
    common = {
        "W": W,
        # the package's own files, not user text: inlined as they are
        "css": markupsafe.Markup((FILES / "casebook.css").read_text(encoding="utf-8")),
        "script": markupsafe.Markup(script),
        "script_hash": script_hash,
        "categories": CATEGORIES,
        "trainer": options.trainer,
    }
    by_topic = [
        {"title": W.TOPICS[key], "cases": [p for p in cases if p.topic == key]} for key in [*TOPICS, "other", "real"]
    ]
    by_pattern = [
        {"title": W.PATTERNS[key], "cases": [p for p in cases if any(_shows(p, m) for m in markers)]}
        for key, markers in PATTERNS.items()
    ]
    rows: list[dict[str, str]] = []
    notes: list[str] = []
    pages_by_file = {p.file: p for p in cases}
    for folder in sorted(set(folders)):
        more_rows, more_notes = lessons(folder)
        for r in more_rows:  # a session's book lists the lessons of its own cases
            if r["file"] in pages_by_file or not options.chosen:
                rows.append({**r, "page": pages_by_file[r["file"]].page if r["file"] in pages_by_file else ""})
        notes += more_notes
    files = {
        "index.html": env.get_template("index.html.j2").render(
            common,
            page_title=W.BOOK_TRAINER_TITLE if options.trainer else W.BOOK_TITLE,
            with_script=False,
            by_topic=[g for g in by_topic if g["cases"]],
            by_pattern=[g for g in by_pattern if g["cases"]],
            cases=cases,
            lessons=rows if options.trainer else [],
            notes=notes if options.trainer else [],
        )
    }
    for p in cases:
        files[p.page] = env.get_template("case.html.j2").render(common, page_title=p.title, with_script=True, c=p)
    copies = [("handout.html", W.BOOK_HANDOUT, False)]
    if options.trainer:
        copies.append(("trainer.html", W.BOOK_TRAINER, True))
    for name, title, answers in copies:
        files[name] = env.get_template("print.html.j2").render(
            common, page_title=title, with_script=False, cases=cases, answers=answers
        )
    return files


def session_cases(path: Path) -> tuple[str, ...]:
    """The cases a session file names: one a line, in the session's order; `#` starts a comment."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(W.BOOK_NO_SESSION.format(file=path, error=getattr(exc, "strerror", None) or exc)) from None
    return tuple(n for line in text.splitlines() if (n := line.partition("#")[0].strip()))


def build(
    paths: Iterable[Path], book: Runnable, folder: Path, options: Options = PARTICIPANT
) -> tuple[str, list[Problem]]:
    """Write the book into `folder` (new, or empty); what was written, and the problems of the files left out."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(W.BOOK_NOT_EMPTY.format(folder=folder))
    paths = list(paths)
    cases, problems = pages(paths, book, options)
    if not cases:
        raise UsageError(W.BOOK_NO_CASE)
    folders = {p if p.is_dir() else p.parent for p in paths}
    folders |= {d for p in paths if p.is_dir() for d in p.rglob("*") if d.is_dir()}
    files = render(book, cases, options, folders)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            atomic.write_text(folder / name, text, replace=False)
    except OSError as exc:
        raise UsageError(W.BOOK_CANNOT_WRITE.format(folder=folder, error=exc.strerror or exc)) from None
    return W.BOOK_WROTE.format(count=len(cases), folder=folder), problems
