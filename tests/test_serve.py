"""`reportsite serve` follows corpus changes, and settles (no rebuild loop)."""

from __future__ import annotations

import errno
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import watchdog.observers

from generator.cli import main
from generator.read import document_id
from tests.conftest import make_project, own_template


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _home(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=2).read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def test_serve_rebuilds_on_add_edit_remove_without_loops(tmp_path):
    project = make_project(tmp_path)
    theme = own_template(project, "theme/main.html")
    home = own_template(project, "pages/home.md.j2")
    (project.docs / "stylesheets").mkdir(parents=True)
    stylesheet = project.docs / "stylesheets" / "own.css"  # a file of one's own in docs/
    stylesheet.write_text("/* own */\n", encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--project", str(project.root), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    reader = threading.Thread(target=lambda: log.extend(server.stdout), daemon=True)
    reader.start()

    def builds() -> int:
        return sum("Building documentation" in line for line in list(log))

    def settled() -> bool:
        before = builds()
        time.sleep(2.5)
        return builds() == before

    try:
        assert _wait_for(lambda: "共 2 篇文档" in _home(url)), "".join(log)
        new = project.corpus / "新 文档.txt"
        new.write_text("服务模式新增文档\n正文一句。\n", encoding="utf-8")
        assert _wait_for(lambda: "服务模式新增文档" in _home(url)), "".join(log)
        assert _wait_for(settled)

        before = builds()
        new.write_text("服务模式改后的标题\n正文一句。\n", encoding="utf-8")
        assert _wait_for(lambda: "服务模式改后的标题" in _home(url)), "".join(log)
        assert _wait_for(settled)
        assert builds() - before == 1  # the edit's; the pages it rewrote are not watched

        before = builds()
        stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
        assert _wait_for(lambda: builds() > before), "".join(log)  # docs/ beside the pages is watched
        assert _wait_for(settled)

        page = f"{url}documents/{document_id(new.name)}/"
        assert "服务模式改后的标题" in _home(page)
        new.unlink()
        assert _wait_for(lambda: "共 2 篇文档" in _home(url) and "服务模式" not in _home(url)), "".join(log)
        assert _wait_for(settled)
        assert _home(page) == ""  # gone from the served site, though its builds are dirty

        theme.write_text(theme.read_text(encoding="utf-8").replace("{% block content %}",
                                                                     "{% block content %}<p>主题改过</p>"),
                         encoding="utf-8")
        untouched = f"{url}documents/{document_id(sorted(project.corpus.iterdir())[0].name)}/"
        assert _wait_for(lambda: "主题改过" in _home(untouched)), "".join(log)  # every page built again
        assert _wait_for(settled)

        # A broken build: the server says why and keeps serving the last good site, never hanging.
        working = home.read_text(encoding="utf-8")
        home.write_text(working + "{% if %}", encoding="utf-8")
        assert _wait_for(lambda: any("the rebuild failed" in line for line in list(log))), "".join(log)
        assert "共 2 篇文档" in _home(url)
        home.write_text(working.replace("篇文档", "篇文档（修好了）"), encoding="utf-8")
        assert _wait_for(lambda: "篇文档（修好了）" in _home(url)), "".join(log)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_starts_in_a_folder_new_made_before_any_build(tmp_path):
    project = make_project(tmp_path)  # `reportsite new`: no docs/ yet, no site/
    assert not project.docs.exists()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--project", str(project.root), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait_for(lambda: "共 2 篇文档" in _home(f"http://127.0.0.1:{port}/"))
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_system_out_of_file_watches_is_told_to_poll(tmp_path, monkeypatch, caplog):
    project = make_project(tmp_path)

    def out_of_watches(observer):
        raise OSError(errno.ENOSPC, "inotify watch limit reached")

    # On the platform's observer: MkDocs loads the hooks, and their observer class, anew.
    monkeypatch.setattr(watchdog.observers.Observer, "start", out_of_watches)
    assert main(["serve", "--project", str(project.root), "--port", str(_free_port())]) == 1
    assert "inotify watch limit reached" in caplog.text and "reportsite serve --poll" in caplog.text
