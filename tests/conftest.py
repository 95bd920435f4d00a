"""Shared fixtures: throwaway projects, built sites, a served site and Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from generator import templates
from generator.build import Project, build_site
from generator.model import Document, MetaValue
from generator.read.readers import Block
from generator.read.structure import build_sections
from generator.scaffold import new_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

# Chromium as BROWSER.md says it runs here: Debian's build, no sandbox (root), no network chatter.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def make_project(folder: Path, corpus: Path | None = None) -> Project:
    """A new site folder (`reportsite new`) in `folder`, holding `corpus` (default: the seeds)."""
    new_site(folder)
    shutil.copytree(corpus or ROOT / "corpus", folder / "corpus", dirs_exist_ok=True)
    return Project.at(folder)


def own_template(project: Project, name: str) -> Path:
    """The project's own copy of the default template `name` (`pages/home.md.j2`, `theme/main.html`)."""
    own = project.templates / name
    own.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(templates.DEFAULTS / name, own)
    return own


def make_document(text: str, date: str | None = None, doc_id: str = "doc") -> Document:
    """A document whose lines are `text`, dated `date` (None: undated)."""
    blocks = [Block(line.strip()) for line in text.splitlines() if line.strip()]
    meta = {"date": MetaValue(date, "sidecar")} if date else {}
    return Document(id=doc_id, source_file=f"{doc_id}.txt", format="text", encoding="utf-8",
                    meta=meta, sections=build_sections(blocks))


@pytest.fixture
def project(tmp_path) -> Project:
    """A fresh project holding the seed corpus."""
    return make_project(tmp_path)


HOSTILE_TEXT = """恶意内容测试</title><script>alert(4)</script>

2024-03-01 09:00来源:测试网    作者:测试员

正文里有脚本<script>alert(1)</script>，也有模板语法{{ x }}和{% raw %}，以及 *星号*、[链接](javascript:alert(2)) 与 <img src=x onerror=alert(3)>。

这些内容都必须作为文字显示，不得执行。
"""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The seed corpus plus a hostile document, built into a site once per session."""
    folder = tmp_path_factory.mktemp("site-project")
    project = make_project(folder)
    (project.corpus / "hostile <i>页面.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    build_site(project, strict=True)
    return project.site


@contextlib.contextmanager
def serving(directory: Path):
    """Serve `directory` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    with serving(built_site) as url:
        yield url


def chromium_path() -> str:
    """Debian's Chromium; missing it fails the tests (run `make browser` to install it)."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is not installed: run `make browser` (Debian: apt-get install chromium fonts-noto-cjk)")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A desktop-sized page that records script errors and dialogs (an alert means a script ran)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.errors = []
    page.dialogs = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    """Save a screenshot under tests/artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
