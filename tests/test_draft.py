"""The draft analysis: order, citations, remedies, referrals, redaction, and the HTML page in a browser."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from .conftest import REFERENCE, wgad


@pytest.fixture(scope="module")
def markdown() -> str:
    out = wgad("draft", str(REFERENCE))
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_sections_follow_the_working_groups_order(markdown: str) -> None:
    heads = re.findall(r"^## Category (I|II|III|IV|V):", markdown, flags=re.M)
    assert heads == ["I", "II", "III", "IV", "V"]
    iv = markdown.split("## Category IV")[1].split("## Category V")[0]
    assert "do not establish" in iv


def test_facts_carry_their_source_and_the_law_its_citation(markdown: str) -> None:
    section_i = markdown.split("## Category I:")[1].split("## Category II")[0]
    line = next(i for i, text in enumerate(REFERENCE.read_text("utf-8").splitlines(), 1) if "warrant_shown:" in text)
    assert f"arrest.warrant_shown: false (paras 11, 69), case file line {line}" in section_i
    assert "ICCPR 9(1), 9(2)" in section_i  # one source cited once, its pinpoints merged
    assert "Opinion 2/2022 paras 70-72" in section_i and "para 72;" not in section_i


def test_remedies_and_referrals_follow_the_findings(markdown: str) -> None:
    # Opinion 2/2022 paras 102-104: quash, expunge, compensation, investigation; three referrals.
    assert "Quash the sentence and expunge the criminal record" in markdown
    assert "compensation and other reparations" in markdown
    assert "Special Rapporteur on the independence of judges and lawyers, for category III" in markdown
    assert "freedom of opinion and expression, for category II" in markdown
    assert "human rights of migrants" not in markdown  # no category IV finding


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_redact_replaces_names_with_initials(fmt: str) -> None:
    out = wgad("draft", str(REFERENCE), "--redact", "--format", fmt).stdout.lower()
    assert "ilyashev" not in out and "alnur" not in out and "a. i." in out  # the file name too


def test_open_questions_appear_under_their_category(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    case.write_text("detention:\n  - kind: pretrial\narrest:\n  warrant_shown: true\n", encoding="utf-8")
    out = wgad("draft", str(case)).stdout
    section_i = out.split("## Category I:")[1].split("## Category II")[0]
    assert "Were the reasons for the arrest given at the time of arrest" in section_i


def test_draft_never_overwrites_the_case(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    case.write_text("detention:\n  - kind: pretrial\n", encoding="utf-8")
    out = wgad("draft", str(case), "-o", str(case))
    assert out.returncode == 2 and case.read_text(encoding="utf-8") == "detention:\n  - kind: pretrial\n"


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


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    return None


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


def test_html_draft_in_a_headless_browser(tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium for this test (.ci/run)")
        pytest.skip("chromium is not installed")
    # The trap sees a page's requests: a control page that loads an image must show up.
    control = tmp_path / "control.html"
    control.write_text('<html><body><img src="http://canary.invalid/x.png"></body></html>', encoding="utf-8")
    _, seen = _browse(browser, control, tmp_path / "p1")
    assert any("canary.invalid" in r for r in seen), seen

    page = tmp_path / "draft.html"
    assert wgad("draft", str(REFERENCE), "-f", "html", "-o", str(page)).returncode == 0
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), "the page references the network"
    dom, requests = _browse(browser, page, tmp_path / "p2")
    established = re.findall(r'<section id="category-(\w+)" data-established="true"', dom)
    assert established == ["I", "II", "III", "V"]
    assert dom.count('<details class="rule"') >= 10 and 'data-rule="I.no-warrant"' in dom
    assert requests == [], f"the page made network requests: {requests}"
