"""The hooks of `reportsite serve`: what it watches, and how it learns of changes."""

from __future__ import annotations

import time

import watchdog.events
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from generator.build import mkdocs_config
from generator.mkdocs_hooks import ChangeObserver, on_serve
from tests.conftest import make_project


def _events_while(folder, action) -> list[str]:
    seen: list[str] = []
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = lambda event: seen.append(type(event).__name__)
    observer = ChangeObserver()
    observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    try:
        time.sleep(0.2)
        action()
        time.sleep(0.5)
    finally:
        observer.stop()
        observer.join()
    return [name for name in seen if not name.startswith("Dir")]


def test_reading_a_watched_file_is_no_change_and_writing_one_is(tmp_path):
    document = tmp_path / "文档.txt"
    document.write_text("正文", encoding="utf-8")
    assert _events_while(tmp_path, document.read_bytes) == []  # a build reads every corpus file
    assert _events_while(tmp_path, lambda: document.write_text("改过", encoding="utf-8"))
    assert _events_while(tmp_path, document.unlink)


def test_the_server_is_notified_of_changes_unless_told_to_poll(tmp_path, monkeypatch):
    project = make_project(tmp_path)
    config = mkdocs_config(project)
    for poll, observer in (("", ChangeObserver), ("1", PollingObserver)):
        monkeypatch.setenv("REPORTSITE_POLL", poll)
        server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(project.site))
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        on_serve(server, config, builder=None)
        server.watch(str(project.corpus))  # what MkDocs watches after the hook: mkdocs.yml's `watch`
        assert type(server.observer) is observer
        assert len(server.observer.emitters) == 2  # mkdocs.yml and the corpus; docs/ holds only generated pages
