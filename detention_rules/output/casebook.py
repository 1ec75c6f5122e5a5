"""`wgad casebook`: a static site of cases for trainers, that opens from a folder with no server and no network.

Every page is one self-contained HTML file: its style and its one small script
(casebook_files/casebook.js, shipped with the package) are inline, and a
Content-Security-Policy allows nothing else, not even a request for an image. Links
are relative. Text from case and rule files goes through jinja2's autoescaping after
escaping.printable, so a fact that says `<script>` shows as text.
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
from detention_rules.output.draft import fact_line
from detention_rules.output.teaching_words import PATTERNS
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
    opinion: str = ""
    source: str = ""
    teaches: str = ""
    revealed_title: str = ""  # a teaching case's own title, shown with the answer
    expected: str = ""
    categories: list[str] = msgspec.field(default_factory=list)
    facts: list[str] = msgspec.field(default_factory=list)
    findings: list[dict[str, Any]] = msgspec.field(default_factory=list)
    why_not: list[dict[str, Any]] = msgspec.field(default_factory=list)
    leaves: dict[str, Any] = msgspec.field(
        default_factory=dict
    )  # generic path -> values, for the index by fact pattern
    words: str = ""

    @property
    def page(self) -> str:
        return f"case-{self.slug}.html"


def _tree(below: list[tree.Branch]) -> dict[str, Any]:
    """A conclusion's rules as the templates read them, each with its facts and the conclusions it rests on."""
    return {
        "rules": [
            {
                "id": r.rule.id,
                "text": r.text,
                "provisions": list(r.provisions),
                "jurisprudence": list(r.rule.jurisprudence),
                "law": " ".join(r.rule.law.split()),
                "facts": [
                    {"sentence": fact_line(f.node), "contested": f.node.contested}
                    for f in rule.below
                    if isinstance(f.node, FactNode) and not f.node.absent_defeater
                ],
                "premises": [_tree(p.below) for p in rule.below if isinstance(p.node, ConclusionNode)],
            }
            for rule in below
            if isinstance(r := rule.node, RuleNode)
        ]
    }


#: The in-page quiz's words, from teaching_words, so the page and the terminal agree.
_QUIZ_WORDS = json.dumps({**W.VERDICTS, "score": W.QUIZ_CASE_SCORE.strip()})


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "case"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def page(book: Law, result: CaseResult, path: Path, title: str, taken: set[str], number: int = 0) -> Page:
    """The page data of one analysed person; category titles are `book`'s."""
    assert result.case is not None and result.analysis is not None and result.facts is not None
    legal = book.consequences
    src = result.case.source
    real = not (src is not None and src.synthetic)
    # a teaching case's title and file name state its lesson, so its page is named by `number` until the answer
    name = path.stem + ("-" + result.detainee if result.detainee else "") if real else f"teaching-{number:02d}"
    p = Page(_slug(name, taken), title if real else W.BOOK_TEACHING_NAME.format(n=number), real)
    p.revealed_title = "" if real else title
    if src is not None:
        p.opinion = src.opinion or ""
        p.source = "; ".join(x for x in (src.document, src.session, src.url) if x)
        p.teaches = "" if real else (src.note or "")
    expected = result.case.expected
    if expected is not None:
        p.expected = ", ".join(expected.categories) or W.NONE
    p.categories = list(result.analysis.categories)
    p.facts = teaching.facts(result)
    p.findings = [
        {"title": legal.titles[f.category], "tree": _tree(tree.branches(f.tree, sources=False))}
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
                "lacks": teaching.lacking(m),
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


def pages(paths: Iterable[Path], book: Runnable) -> tuple[list[Page], list[Problem]]:
    """The pages of every valid case under `paths` (one per detainee), and the problems of the others."""
    analysed: list[tuple[CaseResult, Path, str]] = []
    problems: list[Problem] = []
    files = list(case_files(paths))
    named = {path.resolve() for path in files}
    # a blind twin (cases/blind/x.yaml) repeats a case the book already has: a measurement, not a case to teach
    files = [path for path in files if (hand := hand_file(path)) is None or hand.resolve() not in named]
    for path, whole in application.results(book, files, why_not=True):
        if whole.case is None or not whole.valid:
            problems += [p for p in whole.problems if p.level == "error"]
            continue
        for result in whole.each():
            title = whole.case.title or str(path)
            analysed.append((result, path, f"{title} ({result.detainee})" if result.detainee else title))
    # teaching cases are numbered in an order that does not follow their file names (which follow the categories)
    keys = [f"{path}#{title}" for r, path, title in analysed if r.case and r.case.source and r.case.source.synthetic]
    numbers = {k: n for n, k in enumerate(sorted(keys, key=lambda k: hashlib.sha256(k.encode()).hexdigest()), 1)}
    taken: set[str] = set()
    out = [page(book, r, path, title, taken, numbers.get(f"{path}#{title}", 0)) for r, path, title in analysed]
    return out, problems


def render(book: Law, cases: list[Page]) -> dict[str, str]:
    """Every file of the site: its name and its text; category titles are `book`'s."""
    env = _environment()
    script, script_hash = _script()
    common = {
        "W": W,
        # the package's own files, not user text: inlined as they are
        "css": markupsafe.Markup((FILES / "casebook.css").read_text(encoding="utf-8")),
        "script": markupsafe.Markup(script),
        "script_hash": script_hash,
        "categories": CATEGORIES,
    }
    legal = book.consequences
    by_category = [
        {"key": c, "title": legal.titles[c], "cases": [p for p in cases if c in p.categories]} for c in CATEGORIES
    ]
    by_category.append({"key": "none", "title": W.BOOK_NO_CATEGORY, "cases": [p for p in cases if not p.categories]})
    by_pattern = [
        {"title": W.PATTERNS[key], "cases": [p for p in cases if any(_shows(p, m) for m in markers)]}
        for key, markers in PATTERNS.items()
    ]
    files = {
        "index.html": env.get_template("index.html.j2").render(
            common,
            page_title=W.BOOK_TITLE,
            with_script=False,
            by_category=by_category,
            by_pattern=[g for g in by_pattern if g["cases"]],
        )
    }
    for p in cases:
        files[p.page] = env.get_template("case.html.j2").render(common, page_title=p.title, with_script=True, c=p)
    for name, title, trainer in (("handout.html", W.BOOK_HANDOUT, False), ("trainer.html", W.BOOK_TRAINER, True)):
        files[name] = env.get_template("print.html.j2").render(
            common, page_title=title, with_script=False, cases=cases, trainer=trainer
        )
    return files


def build(paths: Iterable[Path], book: Runnable, folder: Path) -> tuple[str, list[Problem]]:
    """Write the site into `folder` (new, or empty); what was written, and the problems of the files left out."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(W.BOOK_NOT_EMPTY.format(folder=folder))
    cases, problems = pages(paths, book)
    if not cases:
        raise UsageError(W.BOOK_NO_CASE)
    files = render(book, cases)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            atomic.write_text(folder / name, text, replace=False)
    except OSError as exc:
        raise UsageError(W.BOOK_CANNOT_WRITE.format(folder=folder, error=exc.strerror or exc)) from None
    return W.BOOK_WROTE.format(count=len(cases), folder=folder), problems
