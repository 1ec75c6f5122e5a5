"""The draft submission: order, the facts, citations, remedies and referrals, the appendix, redaction,
Word output read back, and the HTML page in a browser (its print layout included)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import threading
import types
from pathlib import Path
from typing import Any

import pytest
import yaml

from ..conftest import REFERENCE, ROOT, cli, refs_in, wgad


@pytest.fixture(scope="module")
def drafters(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The reference case as a drafter's own file: its facts and refs, no `source:` block (a library case's
    draft shows no refs and cites not the opinion it was encoded from: test_draft_as_filed)."""
    own = tmp_path_factory.mktemp("drafter") / REFERENCE.name
    own.write_text(re.sub(r"(?ms)^source:\n.*?(?=^expected:)", "", REFERENCE.read_text("utf-8")), "utf-8")
    return str(own)


@pytest.fixture(scope="module")
def markdown(drafters: str) -> str:
    out = wgad("draft", drafters)
    assert out.returncode == 0, out.stderr
    return out.stdout


def _section(markdown: str, heading: str) -> str:
    """The text under a heading (of any level) that starts with `heading`, up to the next heading of its level."""
    level = re.search(rf"^(#+) {re.escape(heading)}", markdown, flags=re.M)
    assert level is not None, heading
    marks = level.group(1)
    return markdown.split(f"\n{marks} {heading}")[1].split(f"\n{marks} ")[0]


#: The questionnaire's parts that tell the facts, in its order (the model questionnaire, wgad-primer).
FACT_PARTS = ["Identity of the person concerned", "Arrest", "Detention", "The circumstances"]


def _facts(markdown: str) -> str:
    """The facts: every part from the person's identity to the circumstances."""
    return "\n".join(_section(markdown, part) for part in FACT_PARTS)


def _told_refs(path: Path, leave_out: tuple[str, ...] = ()) -> set[str]:
    """The references of the facts a draft tells: all but those of a legal characterisation, which the
    argument states (draft.yaml facts: argued), of a fact told only where another holds (facts: only_where),
    and of the sections `leave_out` names."""
    from detention_rules import words

    facts = words.load("draft")["facts"]
    argued = {name.rsplit(".", 1)[-1] for name in [*facts["argued"], *facts["only_where"]]}
    case = {k: v for k, v in yaml.safe_load(path.read_text("utf-8")).items() if k not in leave_out}
    for section in case.values():
        for item in section if isinstance(section, list) else [section]:  # a list section's items too
            if isinstance(item, dict):
                for name in argued & set(item):
                    del item[name]
    return set(refs_in(case))


#: A paragraph number or range, and a reference's note (what its parenthesis holds).
_NUMBER = r"\d+(?:-\d+)?"
_NOTE = r" \(((?:[^()]|\([^()]*\))*)\)"


def _cited(ref: str, text: str) -> bool:
    """A reference in parentheses, alone or beside another fact's told in the same sentence; one to
    paragraphs also when a sentence's merged citation of its document cites each of its numbers ("(paras
    76, 80" for "para 80"), its note, if any, flat after them ("paras 76, 80: no evidence ...")."""
    if re.search(rf"(\(|; ){re.escape(ref)}(\)|; )", text):
        return True
    own = re.fullmatch(rf"(?:(.+?) )?paras? ({_NUMBER}(?:, {_NUMBER})*)(?:{_NOTE})?", ref)
    if own is None:
        return False
    document = re.escape(f"{own.group(1)} ") if own.group(1) else ""
    numbers, note = own.group(2).split(", "), own.group(3)
    merged = rf"(?:\(|; ){document}paras? ({_NUMBER}(?:, {_NUMBER})*)(?:: ([^;()]*))?[;)]"
    for citation in re.finditer(merged, text):
        said = citation.group(1).split(", ")
        if all(n in said for n in numbers) and (note is None or note in (citation.group(2) or "")):
            return True
    return False


def thin_case(tmp_path: Path, facts: dict[str, str], name: str = "thin.yaml") -> Path:
    """A case as a drafter makes it: a skeleton, then a few facts typed into its empty fields (`--full`: any
    field of the model can be typed in)."""
    case = tmp_path / name
    assert cli("new", "--full", str(case)).returncode == 0
    lines = case.read_text(encoding="utf-8").splitlines(keepends=True)
    for dotted, value in facts.items():
        at = 0
        for depth, key in enumerate(dotted.split(".")):  # each key is the first of its name after its parent
            pattern = rf"^{key}:" if depth == 0 else rf"^\s+(- )?{re.escape(key)}:"
            at = next(i for i in range(at, len(lines)) if re.match(pattern, lines[i]))
        line = lines[at]
        end = line.index(f"{key}:") + len(key) + 1
        comment = line[end:].partition("#")
        lines[at] = f"{line[:end]} {value}" + (f"  #{comment[2]}" if comment[1] else "\n")
    case.write_text("".join(lines), encoding="utf-8")
    return case


#: Five facts that establish category I (Opinion 2/2022 paras 69-71: no warrant shown).
NO_WARRANT = {
    "person.name": "Jane Doe",
    "arrest.date": "2024-03-02",
    "arrest.warrant_shown": "false",
    "detention.kind": "pretrial",
    "detention.start": "2024-03-02",
}
#: Five facts that establish category III (access to counsel restricted before trial, paras 88-89).
COUNSEL = {
    "arrest.date": "2024-03-02",
    "detention.kind": "pretrial",
    "detention.start": "2024-03-02",
    "trial.held": "true",
    "trial.counsel.access_pretrial": "denied",
}


def test_body_follows_an_opinions_order(markdown: str) -> None:
    heads = re.findall(r"^## (.+)$", markdown, flags=re.M)
    expected = yaml.safe_load(REFERENCE.read_text("utf-8"))["expected"]["categories"]  # I, II, III, V
    argued = _section(markdown, "Why the deprivation of liberty is arbitrary")
    categories = re.findall(r"^### Category (\w+):", argued, flags=re.M)
    assert categories == expected  # a submission argues what the facts establish; IV is not argued
    # the model questionnaire's order: identity, arrest, detention, circumstances, why arbitrary, domestic
    # steps, who submits; the remedies close the argument, the appendix the file
    assert heads == [
        *FACT_PARTS,
        "Why the deprivation of liberty is arbitrary",
        "Remedies and referrals sought",
        "Steps taken domestically",
        "Source of the communication and consent",
        "How this draft was reasoned",
    ]


def test_paragraphs_are_numbered_in_one_sequence(markdown: str) -> None:
    body = markdown.split("## How this draft was reasoned")[0]
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", body, flags=re.M)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 30


def test_the_facts_come_first_each_with_its_reference(markdown: str) -> None:
    facts = _facts(markdown)
    for ref in _told_refs(REFERENCE, leave_out=("government",)):  # the reply: comments only
        assert _cited(ref, facts), ref
    assert "No arrest warrant" in facts and "on 17 April 2020" in facts  # paras 11, 69
    assert "three Facebook posts" in facts  # para 10


def test_citations_grouped_and_no_rule_fragments(markdown: str) -> None:
    section_i = _section(markdown, "Category I:")
    assert section_i.count("2/2022, paras. 70-72") == 1 and "para 72;" not in section_i
    assert "article 9 (1) of the Covenant" in section_i and "article 9 (2) of the Covenant" in section_i
    body = markdown.split("## How this draft was reasoned")[0]
    assert not re.search(r"\((before trial|at trial|confidential): ", body)
    for name in ("warrant_shown", "I.no-warrant", "case file line", "adm.", "detention[0]"):
        assert name not in body, name  # rule ids, field paths and lines belong to the appendix


def test_the_appendix_holds_the_reasoning_once(markdown: str, drafters: str) -> None:
    appendix = markdown.split("## How this draft was reasoned")[1]
    lines = Path(drafters).read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "warrant_shown:" in text)
    assert f"arrest.warrant_shown = false (paras 11, 69), case file line {line}" in appendix
    # category V rests on category II: its subtree is named there, not written out again
    assert appendix.count("- II.expression: The detention resulted") == 1
    assert appendix.count("adm.deprived-of-liberty: The person") == 1


def test_no_appendix_leaves_it_out() -> None:
    out = cli("draft", str(REFERENCE), "--no-appendix").stdout
    assert "How this draft was reasoned" not in out and "case file line" not in out
    assert "## Remedies and referrals sought" in out


def test_remedies_and_referrals_follow_the_findings(markdown: str) -> None:
    # Opinion 2/2022 paras 101-104: remedy, quash the sentence (para 27: one was passed), compensation,
    # investigation; referrals to the rapporteurs on judges and lawyers, expression, assembly, defenders.
    remedies = _section(markdown, "Remedies and referrals sought")
    assert "Quash the sentence and expunge the criminal record" in remedies
    assert "compensation and other reparations" in remedies
    assert "Release " not in remedies  # released when the trial ended (para 27: restricted liberty)
    assert re.search(r"Special Rapporteur on the independence of judges and lawyers, as to category III", remedies)
    assert "freedom of opinion and expression, as to category II" in remedies
    assert "human rights of migrants" not in remedies  # no category IV finding
    assert remedies.count("independence of judges and lawyers") == 1  # two rules call for it: one referral


def test_a_new_case_gets_no_remedy_its_facts_do_not_support(tmp_path: Path) -> None:
    case = thin_case(tmp_path, NO_WARRANT)
    out = cli("draft", str(case))
    assert out.returncode == 0, out.stderr
    body = out.stdout.split("## How this draft was reasoned")[0]
    assert re.findall(r"^### Category (\w+):", body, flags=re.M) == ["I"]
    assert "Quash the sentence" not in out.stdout  # `sentence:` is an empty block: no sentence is known
    assert "Release " not in out.stdout  # whether the person is still held is not known
    facts = _facts(out.stdout)
    assert "Jane Doe" in facts and "2 March 2024" in facts and "No arrest warrant" in facts


def test_a_value_ending_in_a_full_stop_ends_its_sentence_once(tmp_path: Path) -> None:
    """Initials ("A. B.") are a name a drafter types: the sentence ends at their full stop."""
    out = cli("draft", str(thin_case(tmp_path, {**NO_WARRANT, "person.name": "A. B."})))
    assert out.returncode == 0, out.stderr
    facts = _facts(out.stdout)
    assert "A. B." in facts and ".." not in facts


@pytest.mark.parametrize(
    ("facts", "referred"),
    [
        ({**COUNSEL, "sentence.kind": "death"}, True),  # category III and a death sentence
        ({**COUNSEL, "sentence.kind": "imprisonment"}, False),
        ({**NO_WARRANT, "sentence.kind": "death"}, False),  # a death sentence without category III
    ],
)
def test_a_death_sentence_after_an_unfair_trial_is_referred(
    tmp_path: Path, facts: dict[str, str], referred: bool
) -> None:
    """A referral, not a category (General Comment No. 36 para 41; methods of work para 33 (a)): it follows III."""
    out = cli("draft", str(thin_case(tmp_path, facts)))
    assert out.returncode == 0, out.stderr
    remedies = _section(out.stdout, "Remedies and referrals sought")
    said = "Special Rapporteur on extrajudicial, summary or arbitrary executions, as to category III (a death sentence"
    assert (said in remedies) is referred, remedies
    assert "### Category" in out.stdout and "executions" not in out.stdout.split("## Remedies")[0]


@pytest.mark.parametrize(("party", "said"), [("false", True), ("true", False), ("", False)])
def test_a_state_not_party_is_told_which_law_applies(tmp_path: Path, party: str, said: bool) -> None:
    """The standards quote the Covenant; for a State not party the draft says once what applies instead."""
    facts = {**NO_WARRANT, **({"state.iccpr_party": party} if party else {})}
    out = cli("draft", str(thin_case(tmp_path, facts)))
    assert out.returncode == 0, out.stderr
    body = out.stdout.split("## How this draft was reasoned")[0]
    assert body.count("customary international law (Deliberation No. 9") == (1 if said else 0)


def test_a_general_standard_says_nothing_of_another_case(tmp_path: Path) -> None:
    out = cli("draft", str(thin_case(tmp_path, COUNSEL))).stdout
    assert "### Category III" in out
    body = out.split("## How this draft was reasoned")[0]
    for specific in ("emergency", "Kazakhstan", "Facebook", "2/2022 para 8"):  # the reference case's
        assert specific not in body, specific
    assert "(before trial:" not in body  # no rule fragments in the prose
    for paragraph in re.findall(r"^\d+\. .*$", body, flags=re.M):  # each provision cited once a paragraph
        for provision in ("ICCPR 14(3)(b)", "Body of Principles, principle 18", "UDHR 11(1)"):
            assert paragraph.count(provision) <= 1, paragraph


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_redact_replaces_names_with_initials(fmt: str) -> None:
    out = cli("draft", str(REFERENCE), "--redact", "--format", fmt).stdout.lower()
    assert "ilyashev" not in out and "alnur" not in out and "a. i." in out  # the file name too


def test_open_questions_appear_under_their_category(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    case.write_text("detention:\n  - kind: pretrial\narrest:\n  warrant_shown: true\n", encoding="utf-8")
    out = cli("draft", str(case)).stdout
    section_i = out.split("### Category I:")[1].split("### Category II")[0]
    assert "Were the reasons for the arrest given at the time of arrest" in section_i


def test_draft_never_overwrites_the_case(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    case.write_text("detention:\n  - kind: pretrial\n", encoding="utf-8")
    out = cli("draft", str(case), "-o", str(case))
    assert out.returncode == 2 and case.read_text(encoding="utf-8") == "detention:\n  - kind: pretrial\n"


#: How each draft format's file starts.
STARTS = {"markdown": b"# ", "html": b"<!DOCTYPE html>", "docx": b"PK\x03\x04"}


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("d.docx", "docx"), ("d.HTML", "html"), ("d.htm", "html"), ("d.md", "markdown"), ("d.txt", "markdown")],
)
def test_the_output_file_s_suffix_chooses_the_format(tmp_path: Path, name: str, fmt: str) -> None:
    """`-o draft.docx` without `-f` wrote Markdown into the .docx (and a .html), with exit code 0."""
    out = cli("draft", str(REFERENCE), "-o", str(tmp_path / name))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / name).read_bytes().startswith(STARTS[fmt])


@pytest.mark.parametrize(("fmt", "name"), [("html", "d.docx"), ("markdown", "d.html"), ("docx", "d.md")])
def test_a_format_the_output_file_s_name_contradicts_is_refused(tmp_path: Path, fmt: str, name: str) -> None:
    out = cli("draft", str(REFERENCE), "-f", fmt, "-o", str(tmp_path / name))
    assert out.returncode == 2 and f"-f {fmt} writes" in out.stderr and "leave out -f" in out.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_dash_for_the_output_file_is_standard_output(tmp_path: Path, fmt: str) -> None:
    """ "wgad draft -o - FILE" wrote a file named "-" (issue 29): "-" is standard output, as for any tool."""
    out = wgad("draft", "--no-appendix", "-f", fmt, "-o", "-", str(REFERENCE), cwd=tmp_path)
    assert out.returncode == 0 and "Ilyashev" in out.stdout, out.stderr
    assert not (tmp_path / "-").exists()
    docx_out = wgad("draft", "-f", "docx", "-o", "-", str(REFERENCE), cwd=tmp_path)
    assert docx_out.returncode == 2 and docx_out.stdout == "" and not (tmp_path / "-").exists()


def test_docx_needs_a_file() -> None:
    out = cli("draft", str(REFERENCE), "-f", "docx")
    assert out.returncode == 2 and "-o FILE" in out.stderr and out.stdout == ""


@pytest.mark.parametrize("which", ["reference", "new"])
def test_docx_reads_back_as_the_draft(tmp_path: Path, which: str, drafters: str) -> None:
    import docx

    case = Path(drafters) if which == "reference" else thin_case(tmp_path, NO_WARRANT)
    target = tmp_path / "draft.docx"
    assert cli("draft", str(case), "-f", "docx", "-o", str(target)).returncode == 0
    md = cli("draft", str(case)).stdout
    doc = docx.Document(str(target))
    paragraphs = doc.paragraphs
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings == re.findall(r"^##+ (.+)$", md, flags=re.M)  # the same sections, in the same order
    numbered = [p for p in paragraphs if p.style.name == "List Number"]
    assert len(numbered) == len(re.findall(r"^\d+\. ", md, flags=re.M))
    numbering = doc.styles["List Number"].element.pPr.numPr
    assert numbering is not None and numbering.numId is not None  # Word numbers them, and renumbers on edits
    start = next(i for i, p in enumerate(paragraphs) if p.text == FACT_PARTS[0])
    end = next(i for i, p in enumerate(paragraphs) if p.text == "Why the deprivation of liberty is arbitrary")
    facts = [p for p in paragraphs[start + 1 : end] if not p.style.name.startswith("Heading")]
    assert facts and all(p.style.name == "List Number" for p in facts)
    text = " ".join(p.text for p in facts)
    for ref in _told_refs(case, leave_out=("government",)):
        assert _cited(ref, text), ref
    assert ("on 17 April 2020" if which == "reference" else "on 2 March 2024") in text
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297  # A4
    assert "PAGE" in section.footer._element.xml  # page numbers: a field Word fills in


#: Chromium's own services, called even for about:blank (time, component updates, accounts).
BROWSER_HOSTS = ("clients2.google.com", "update.googleapis.com", "accounts.google.com", "www.google.com")


class _Trap:
    """A proxy that only records: any request a page makes reaches it, and is answered with nothing."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.requests: list[str] = []
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(1)
            try:
                self.requests.append(conn.recv(300).split(b"\r\n")[0].decode("latin-1"))
            except OSError:
                self.requests.append("?")
            conn.close()

    def page_requests(self) -> list[str]:
        return [r for r in self.requests if not any(host in r for host in BROWSER_HOSTS)]

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.sock.close()


def _browse(browser: str, page: Path, profile: Path) -> tuple[str, list[str]]:
    """Load a page headless through the trap proxy; the DOM it ends with, and the page's requests."""
    trap = _Trap()
    try:
        proc = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--proxy-server=http://127.0.0.1:{trap.sock.getsockname()[1]}",
                "--proxy-bypass-list=<-loopback>",
                "--virtual-time-budget=3000",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        trap.close()
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, trap.page_requests()


def test_html_draft_in_a_headless_browser(tmp_path: Path, browser_path: str) -> None:
    browser = browser_path
    # The trap sees a page's requests: a control page that loads an image must show up.
    control = tmp_path / "control.html"
    control.write_text('<html><body><img src="http://canary.invalid/x.png"></body></html>', encoding="utf-8")
    _, seen = _browse(browser, control, tmp_path / "p1")
    assert any("canary.invalid" in r for r in seen), seen

    page = tmp_path / "draft.html"
    assert cli("draft", str(REFERENCE), "-f", "html", "-o", str(page)).returncode == 0
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), "the page references the network"
    dom, requests = _browse(browser, page, tmp_path / "p2")
    headings = re.findall(r'<h3 id="category-(\w+)"', dom)
    assert headings == ["I", "II", "III", "V"]
    assert re.search(r'<p class="para" id="para-1"><span class="n">1\.</span>Alnur Ilyashev is a national', dom)
    assert 'data-rule="I.no-warrant"' in dom.split('<aside class="appendix">')[1]
    assert requests == [], f"the page made network requests: {requests}"


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size in points of each page of a PDF (Chromium writes one /MediaBox per page)."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def _print(browser: str, page: Path, pdf: Path, profile: Path) -> list[tuple[float, float]]:
    proc = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0 and pdf.exists(), proc.stderr[-2000:]
    return _pdf_pages(pdf.read_bytes())


@pytest.mark.parametrize("which", ["reference", "new"])
def test_html_draft_prints_on_a4(tmp_path: Path, which: str, browser_path: str) -> None:
    browser = browser_path
    case = REFERENCE if which == "reference" else thin_case(tmp_path, NO_WARRANT)
    full, short = tmp_path / "full.html", tmp_path / "short.html"
    assert cli("draft", str(case), "-f", "html", "-o", str(full)).returncode == 0
    assert cli("draft", str(case), "-f", "html", "--no-appendix", "-o", str(short)).returncode == 0
    pages = _print(browser, full, tmp_path / "full.pdf", tmp_path / "p1")
    fewer = _print(browser, short, tmp_path / "short.pdf", tmp_path / "p2")
    assert pages and all(abs(w - 595.3) < 1.5 and abs(h - 841.9) < 1.5 for w, h in pages), pages  # A4 in points
    assert len(fewer) < len(pages)  # the appendix starts on a page of its own
    assert len(pages) >= (4 if which == "reference" else 2)


def test_every_sentence_of_the_draft_comes_from_the_translation_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A draft in another language is a new folder beside en/: here a made-up one, every string marked."""
    from detention_rules import pipeline, words
    from detention_rules.output import draft, draft_markdown
    from detention_rules.reasoning import runnable
    from detention_rules.reasoning.gaps import questions

    def marked(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: marked(v) for k, v in node.items()}
        if isinstance(node, list):
            return [marked(v) for v in node]
        return f"«{node}»" if isinstance(node, str) else node

    english = yaml.safe_load((words.LOCALES / "en" / "draft.yaml").read_text(encoding="utf-8"))
    facts = english["facts"]  # which sections, and which fields the argument states: names, not words
    other = {**marked(english), "facts": {**marked(facts), "sections": facts["sections"], "argued": facts["argued"]}}
    other["language"] = "xx"  # the language's name: its dates in words are its check.yaml's (marked too)
    shutil.copytree(words.LOCALES / "en", tmp_path / "en")  # the other stages' words stay English's
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "draft.yaml").write_text(yaml.safe_dump(other, allow_unicode=True), encoding="utf-8")
    check = yaml.safe_load((words.LOCALES / "en" / "check.yaml").read_text(encoding="utf-8"))
    (tmp_path / "xx" / "check.yaml").write_text(yaml.safe_dump(marked(check), allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(words, "LOCALES", tmp_path)
    words.reread()
    try:
        book = runnable.load()
        result = pipeline.check_file(REFERENCE, book)
        assert result.facts is not None
        text = draft_markdown.render(draft.build(book, result, questions(book, result.facts), lang="xx"))
    finally:
        words.reread()
    heads = re.findall(r"^#+ (.+)$", text, flags=re.M)
    own = [h for h in heads if not h.startswith("Category ")]  # category titles are rules/outcomes.yaml's
    assert own and all(h.startswith("«") for h in own), own
    facts = text.split("## «Identity of the person concerned»")[1].split("\n## «Why")[0]
    facts = re.sub(r"^## .*$", "", facts, flags=re.M)  # the parts' headings, translated (above)
    assert all(first == "«" for first in re.findall(r"^\d+\. (.)", facts, flags=re.M))
    outside = facts
    while (shorter := re.sub(r"«[^«»]*»", "", outside)) != outside:  # the translated strings, nested ones too
        outside = shorter
    outside = re.sub(r"\((?:[^()]|\([^()]*\))*\)", "", outside)  # the source's references
    assert re.fullmatch(r"[\d.\s]*", outside), outside[:300]  # left: paragraph numbers and full stops
    assert "«The source therefore submits" in text and "«The source requests the Working Group" in text


def test_every_html_page_comes_from_a_template() -> None:
    """Issue 27: the HTML draft was built from f-strings, the casebook and the web page from Jinja2
    templates with autoescape; now no module writes an HTML tag itself."""
    import ast

    tag = re.compile(r"</?(?:html|head|body|meta|title|style|main|aside|p|h[1-6]|ol|ul|li|div|span|a)(?:>|\s+[\w-]+=)")
    found = []
    for path in sorted((ROOT / "detention_rules").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and tag.search(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_docx_properties_name_the_case_not_the_library(tmp_path: Path) -> None:
    """Word shows a file's author and comments: python-docx's template would sign it "python-docx"."""
    import docx

    target = tmp_path / "draft.docx"
    assert cli("draft", str(REFERENCE), "-f", "docx", "-o", str(target)).returncode == 0
    props = docx.Document(str(target)).core_properties
    assert "Alnur Ilyashev v. Kazakhstan" in props.title
    assert "python-docx" not in f"{props.author} {props.comments} {props.last_modified_by}"
    assert props.created is None  # not the template's 2013 date


def test_a_sentence_cites_a_paragraph_once(drafters: str) -> None:
    """Merged facts cited "(paras 76, 80; para 80; ...)", then "(paras 76, 80; para 80 (no evidence ...))" and
    "(para 11; para 16)": a sentence's paragraphs are one citation, its note flat after them (issue 29)."""
    out = cli("draft", drafters, "--no-appendix").stdout
    assert "(paras 76, 80: no evidence that the posts incited violence or unrest)." in out
    assert "(paras 11, 16)." in out and "(para 11; para 16)" not in out
    assert not re.search(r"\((?:[^()]|\([^()]*\))*; paras? \d", out)  # no sentence cites paragraphs twice
    assert "(paras 11, 69)" in out and "(paras 11, 69; para 11)" not in out


def test_no_reference_is_printed_inside_another(drafters: str) -> None:
    """The facts printed "(para 16 (investigating magistrate))" and the conclusions "(...; Opinion 13/2018
    (Rajab v. Bahrain; ...))": a reference's note inside the sentence's parenthesis is told flat."""
    out = cli("draft", drafters, "--no-appendix").stdout
    assert "(para 16: investigating magistrate)" in out
    assert "No. 13/2018;" in out and "Rajab" not in out  # the rule file's note on it: in the appendix
    from detention_rules import words
    from detention_rules.output import narrative

    w = words.load("draft", "en")
    told = narrative.flat("Opinion 13/2018 (Rajab v. Bahrain; a status)", w)
    assert told == "Opinion 13/2018: Rajab v. Bahrain, a status"
    assert narrative.flat("Methods of work para 8 (a)", w) == "Methods of work para 8 (a)"  # a subparagraph: no note
    assert not re.search(r"\((?:para|Opinion)[^()]*\((?!\w\))", out), re.findall(r"\([^()]*\([^()]*\)\)", out)


def test_the_court_is_named_in_the_facts_not_in_a_reference(tmp_path: Path, drafters: str) -> None:
    """The reference case named its court only in a reference's note, "(para 19 (Medeu District Court No. 2,
    Almaty))", for want of a field: `trial.court_name` is told with the court's kind."""
    out = cli("draft", drafters, "--no-appendix").stdout
    assert "The case was heard by the Medeu District Court No. 2 of Almaty, an ordinary court (para 19)." in out
    case = tmp_path / "court.yaml"
    case.write_text("person: {name: Ana Uno}\ntrial: {held: true, court_name: the Tashkent City Court}\n", "utf-8")
    assert "The case was heard by the Tashkent City Court." in cli("draft", str(case)).stdout


def test_every_gap_to_fill_is_marked_in_the_page_and_the_word_file(tmp_path: Path) -> None:
    """A gap ("[to complete: ...]") printed as plain text in a Word file is easily filed as it stands: the
    page marks it, Word highlights it, and the arrest's gap names what it asks for on its own."""
    import docx
    from docx.enum.text import WD_COLOR_INDEX

    case = tmp_path / "gaps.yaml"
    case.write_text("person: {name: Ana Uno, sex: female}\narrest: {date: 2024-03-02, place: her home}\n", "utf-8")
    page = cli("draft", str(case), "-f", "html", "-o", "-").stdout
    assert "<mark>[to complete: which forces carried out the arrest (police, security service, army)" in page
    target = tmp_path / "gaps.docx"
    assert cli("draft", str(case), "-f", "docx", "-o", str(target)).returncode == 0
    runs = [r for p in docx.Document(str(target)).paragraphs for r in p.runs]
    gaps = [r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert gaps and all(g.startswith("[to complete: ") and g.endswith("]") for g in gaps)
    assert not [r.text for r in runs if "[to complete" in r.text and r.text not in gaps]


def test_the_word_file_looks_like_a_submission_not_the_library_s_template(tmp_path: Path) -> None:
    """python-docx's template gave a blue 26-point title over a rule, blue sans-serif headings from the theme
    and a body in another face: one serif face in black, bold headings, justified paragraphs."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    target = tmp_path / "draft.docx"
    assert cli("draft", str(REFERENCE), "-f", "docx", "-o", str(target)).returncode == 0
    doc = docx.Document(str(target))
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        style = doc.styles[name]
        fonts = style.element.rPr.rFonts
        assert style.font.name == "Times New Roman" and fonts.get(qn("w:asciiTheme")) is None, name
        assert str(style.font.color.rgb) == "000000", name
    assert doc.styles["Title"].element.pPr.find(qn("w:pBdr")) is None
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert numbered and all(p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY for p in numbered)


def test_the_working_group_s_opinions_are_cited_as_its_opinions_cite_them(markdown: str) -> None:
    """Issue 29: "(Opinion 2/2022 paras 70-72; Opinions 72/2021, 89/2020, ...: cited at 2/2022 para 70)" read
    as a note to self; the Working Group writes "see, e.g., opinions No. 2/2022, paras. 70-72; No. 72/2021"."""
    body = markdown.split("## How this draft was reasoned")[0]
    # each on the standard it supports (English review 18, P2): the warrant's opinions on the warrant standard
    warrant = "principles 2, 4, 10; see, e.g., opinions No. 2/2022, paras. 70-71; No. 72/2021; No. 89/2020;"
    assert warrant in _section(body, "Category I:")
    assert "see opinion No. 2/2022, paras. 86-87; Deliberation No. 11, para. 21)" in _section(body, "Category III:")
    for note in ("cited at", "Opinions ", "Rajab v. Bahrain", "not re-read", "see Opinion No."):
        assert note not in body, note  # the rule files' notes to the drafter stay in `wgad rules`
    assert "para. 101" not in body  # the standard remedies are asked, not cited (review 18, O17)
    hamad = cli("draft", str(ROOT / "cases" / "hamad-hungary-2020.yaml"), "--no-appendix").stdout
    assert "Revised Deliberation No. 5, paras. 12-13, 17, 25)" in hamad  # cited whole and at paras: once each
    conclusion = next(line for line in hamad.splitlines() if "falls within category IV" in line)
    assert conclusion.count("Revised Deliberation No. 5") == 1, conclusion


def test_the_standard_cites_an_article_once_with_its_pinpoints(markdown: str) -> None:
    """Issue 29: "(ICCPR 14(3)(b); ICCPR 14(3)(d); UDHR 11(1); ...)": the standard's own citation and the
    rule's others in one parenthesis, each article once."""
    assert (
        "(article 14 (3) (b) and (d) of the Covenant; article 11 (1) of the Universal Declaration of Human"
        " Rights; Body of Principles, principle 17)" in markdown
    )
    assert "ICCPR 14(3)(b); ICCPR" not in markdown


def test_a_referral_says_which_limb_of_its_rule_held(markdown: str) -> None:
    """Issue 29: "as to category V (detained for political, defender's or journalist's activity, ...)" and
    "(sentence bans political, civic or associative activity)" hedged where the case says which held."""
    assert "category V (detained for political activity and work as a human rights defender, as part" in markdown
    assert "category II (a sentence that bans political and civic activity)" in markdown


def test_a_condition_of_detention_is_referred_for_what_its_fact_shows() -> None:
    """rules/outcomes.yaml referred an ill-treatment fact as "torture or ill-treatment in custody", which the
    draft then had to reword (its `conditions_why`): the law's own reason now says what the fact shows."""
    from detention_rules.reasoning import runnable

    whys = [c.why for c in runnable.load().consequences.conditions]
    assert "ill-treatment in custody" in whys
    assert not [w for w in whys if re.search(r"\b(\w+) or ill-treatment\b", w)], whys


def test_words_left_to_translate_are_marked_as_gaps_are(tmp_path: Path) -> None:
    """English typed into a case drafted in French is set apart to translate; unmarked in a Word file or a print,
    the bracket is easily filed as it stands, so the page and the Word file mark it as they mark a gap. French
    typography puts a no-break space before the colon: the gaps are marked all the same."""
    import docx
    from docx.enum.text import WD_COLOR_INDEX

    case = tmp_path / "english.yaml"
    case.write_text("person: {name: Ana Uno, sex: female, occupation: civic activist}\n", "utf-8")
    page = wgad("draft", str(case), "--lang", "fr", "-f", "html", "-o", "-").stdout
    assert re.search(r"<mark>\[à traduire(\s|&nbsp;|&#160;):\scivic activist\]</mark>", page)
    assert re.search(r"<mark>\[à compléter", page)
    target = tmp_path / "english.docx"
    assert wgad("draft", str(case), "--lang", "fr", "-f", "docx", "-o", str(target)).returncode == 0
    runs = [r for p in docx.Document(str(target)).paragraphs for r in p.runs]
    marked = [r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert "[à traduire\u00a0: civic activist]" in marked
    assert not [r.text for r in runs if "[à compléter" in r.text and r.text not in marked]


def test_the_gap_marks_are_compiled_once_per_language_not_per_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every block of a page or a Word file is split at its gaps: the reference case has close to two hundred
    blocks, and the markers' pattern was built and compiled anew for each. Built once per pair of markers, the
    draft still marks each gap a drafter must fill before filing."""
    from detention_rules import application
    from detention_rules.input import source
    from detention_rules.output import document, draft_html
    from detention_rules.output.draft import build_joint
    from detention_rules.reasoning import runnable

    book = runnable.load()
    people = application.drafts(book, source.load(REFERENCE), None)
    drafts = [build_joint(book, people, lang=lang) for lang in ("en", "fr")]
    compiled: list[str] = []

    def counted(pattern: str, *args: Any) -> re.Pattern[str]:
        compiled.append(pattern)
        return re.compile(pattern, *args)

    monkeypatch.setattr(document, "re", types.SimpleNamespace(compile=counted, escape=re.escape))
    document._marks.cache_clear()
    document._abbreviations.cache_clear()
    for draft in drafts:
        assert "<mark>[" in draft_html.render(draft)
    assert len(compiled) <= 3, compiled  # each language's markers, and French its raised « n° », once each
