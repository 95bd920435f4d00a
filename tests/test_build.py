"""The build: an incremental build gives what a cold one gives, and redoes only what changed."""

import errno
import os
import pickle
import shutil
import subprocess
import sys
import threading
import time

import jinja2
import pytest

import generator.build
import generator.plugin
import generator.processes
import generator.render.pages
from bench.make_corpus import make_corpus
from generator.build import Project, StrictFailure, build_site, gather, generate, run_mkdocs
from generator.cache import ExtractionCache
from generator.export import report_json
from generator.model import term_id
from tests.conftest import FIXTURES, make_project, own_template


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _generated(caplog) -> str:
    return next(line for line in caplog.messages if line.startswith("generated"))


def _changed(project: Project) -> None:
    """Edit one document: a new dated figure in it."""
    path = project.corpus / "press-release.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n截至6月末，数据中台新增客户120万户。\n", encoding="utf-8")


def test_a_build_after_a_change_gives_the_bytes_of_a_cold_build(tmp_path):
    (tmp_path / "warm").mkdir()
    (tmp_path / "cold").mkdir()
    warm = make_project(tmp_path / "warm", FIXTURES / "corpus")
    generate(warm)
    _changed(warm)
    generate(warm)
    cold = make_project(tmp_path / "cold", FIXTURES / "corpus")
    _changed(cold)
    generate(cold)
    assert _tree(warm.docs) == _tree(cold.docs)


def _site(root):
    """A built site's files, but the gzipped sitemap (its header holds the time MkDocs wrote it)."""
    return {path: data for path, data in _tree(root).items() if path != "sitemap.xml.gz"}


def test_a_site_built_after_a_change_is_the_site_a_cold_build_makes(tmp_path, caplog):
    (tmp_path / "warm").mkdir()
    (tmp_path / "cold").mkdir()
    warm = make_project(tmp_path / "warm", FIXTURES / "corpus")
    build_site(warm)
    before = {p: p.stat().st_ino for p in warm.site.rglob("*.html")}
    _changed(warm)
    (warm.corpus / "news-page.html").unlink()  # a document removed: its page goes
    build_site(warm)
    kept = [p for p, inode in before.items() if p.exists() and p.stat().st_ino == inode]
    assert kept and len(kept) < len(before)  # only what changed was built again; the rest is the last build's
    cold = make_project(tmp_path / "cold", FIXTURES / "corpus")
    _changed(cold)
    (cold.corpus / "news-page.html").unlink()
    build_site(cold)
    assert _site(warm.site) == _site(cold.site)


def test_a_changed_theme_builds_every_page_again(tmp_path):
    project = make_project(tmp_path, FIXTURES / "corpus")
    build_site(project)
    main = own_template(project, "theme/main.html")
    main.write_text(main.read_text(encoding="utf-8").replace("data-pagefind-body", 'data-pagefind-body data-look="新"'),
                    encoding="utf-8")
    build_site(project)
    assert all('data-look="新"' in page.read_text(encoding="utf-8") for page in project.site.glob("documents/*/index.html"))


def test_a_change_renders_only_the_pages_it_touches(tmp_path, caplog):
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    caplog.set_level("INFO", logger="reportsite")
    before = _tree(project.docs)
    _changed(project)
    generate(project)
    after = _tree(project.docs)
    rewritten = {path for path in after if after[path] != before.get(path)}
    assert "documents/press-release.md" in rewritten and "data/report.json" in rewritten
    assert "documents/news-page.md" not in rewritten
    assert f"{len(rewritten)} written" in _generated(caplog)


def test_a_build_with_nothing_changed_does_nothing_but_say_so(tmp_path, monkeypatch, caplog):
    project = make_project(tmp_path, FIXTURES / "corpus")
    (project.corpus / "幻灯片.pptx").write_bytes(b"PK")  # skipped, and said so every build
    (project.corpus / "坏的.pdf").write_bytes(b"%PDF-1.4 cut short")
    first = generate(project)
    expected = _tree(project.docs)
    caplog.set_level("INFO", logger="reportsite")
    monkeypatch.setattr(generator.build, "gather", None)  # would fail if called
    again = generate(project)
    assert "nothing changed since the last build" in caplog.text
    assert again == first and {s.source_file for s in again.skipped} == {"幻灯片.pptx", "坏的.pdf"}
    assert "幻灯片.pptx" in caplog.text and "坏的.pdf" in caplog.text
    assert _tree(project.docs) == expected


def test_a_build_puts_back_what_was_done_to_docs_by_hand(tmp_path, caplog):
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    expected = _tree(project.docs)
    (project.docs / "documents" / "news-page.md").unlink()
    (project.docs / "documents" / "stray.md").write_text("不是生成的", encoding="utf-8")
    caplog.set_level("INFO", logger="reportsite")
    generate(project)
    assert "nothing changed" not in caplog.text
    assert _tree(project.docs) == expected


def test_an_edited_template_renders_its_pages_again(tmp_path):
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    template = own_template(project, "pages/term.md.j2")
    template.write_text(template.read_text(encoding="utf-8").replace("## 提及", "## 全部提及"), encoding="utf-8")
    generate(project)
    for page in (project.docs / "terms").glob("*-????.md"):
        assert "## 全部提及" in page.read_text(encoding="utf-8")


def test_a_site_given_an_address_writes_absolute_links_into_its_csv(tmp_path, monkeypatch):
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    assert "https://" not in (project.docs / "data" / "metrics.csv").read_text(encoding="utf-8-sig")
    monkeypatch.setenv("SITE_URL", "https://analyst.github.io/reports/")  # as the Pages workflow sets it
    generate(project)
    assert ",https://analyst.github.io/reports/documents/" in (project.docs / "data" / "metrics.csv").read_text(
        encoding="utf-8-sig")


def test_many_documents_are_read_on_every_core_with_the_same_result(tmp_path, monkeypatch):
    corpus, count = tmp_path / "corpus", 2 * generator.build.DOCUMENTS_PER_WORKER
    make_corpus(count, corpus)
    cache = ExtractionCache(tmp_path / "cache")
    in_parallel = report_json(gather(corpus, cache))
    assert len(list(cache.folder.glob("*.pickle"))) == count  # kept by the workers
    monkeypatch.setattr(generator.build, "DOCUMENTS_PER_WORKER", 10**6)
    assert report_json(gather(corpus)) == in_parallel
    warm = ExtractionCache(cache.folder)
    assert report_json(gather(corpus, warm)) == in_parallel and warm.hits == count


def _fork_for_few_pages(monkeypatch) -> None:
    monkeypatch.setattr(generator.build, "PAGES_PER_PROCESS", 1)
    # The browser tests' servers idle in threads of this process, which would
    # keep it from forking; they hold no lock a forked child could need.
    monkeypatch.setattr(generator.build, "forking_is_safe", lambda: True)


def test_pages_shared_with_a_forked_process_are_the_pages_of_one(tmp_path, monkeypatch, caplog):
    caplog.set_level("INFO", logger="reportsite")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    alone = make_project(tmp_path / "one", FIXTURES / "corpus")
    generate(alone)
    _changed(alone)
    caplog.clear()
    generate(alone)
    rendered_alone = _generated(caplog).split(":")[1].split(",")[0]  # "N rendered"

    _fork_for_few_pages(monkeypatch)
    forks = []
    monkeypatch.setattr(generator.build, "start_in_fork",
                        lambda *args, start=generator.build.start_in_fork: forks.append(args) or start(*args))
    shared = make_project(tmp_path / "two", FIXTURES / "corpus")
    generate(shared)
    _changed(shared)
    caplog.clear()
    generate(shared)
    assert len(forks) == 2 and _tree(shared.docs) == _tree(alone.docs)
    # What the forked process rendered is recorded too: the change renders again only what it touched.
    assert _generated(caplog).split(":")[1].split(",")[0] == rendered_alone


def test_an_error_in_the_forked_process_stops_the_build(tmp_path, monkeypatch):
    project = make_project(tmp_path, FIXTURES / "corpus")
    _fork_for_few_pages(monkeypatch)
    parent, write_pages = os.getpid(), generator.build._write_pages

    def failing_in_the_child(*args):
        if os.getpid() != parent:
            raise ValueError("a page failed in the forked process")
        return write_pages(*args)

    monkeypatch.setattr(generator.build, "_write_pages", failing_in_the_child)
    with pytest.raises(ValueError, match="forked process"):
        generate(project)


def test_a_changed_document_is_read_beside_the_cached_ones(tmp_path):
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    _changed(project)
    cache = project.cache
    corpus = gather(project.corpus, cache)
    assert cache.hits == len(corpus.documents) - 1
    assert len(list(cache.folder.glob("*.pickle"))) == len(corpus.documents)


def test_a_rebuild_loads_pypinyin_only_for_a_name_no_build_read_before(tmp_path):
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    code, readings = pickle.loads(project.pinyin_record.read_bytes())
    readings.update({"数据中台": "shu", 1: ("yi",)})  # foreign values: left out, read again
    project.pinyin_record.write_bytes(pickle.dumps((code, readings)))
    path = project.corpus / "press-release.md"
    text = path.read_text(encoding="utf-8")
    script = ("import sys; from pathlib import Path; from generator.build import Project, generate; "
              f"generate(Project.at(Path({str(project.root)!r}))); print('pypinyin' in sys.modules)")

    def rebuild_loads_pypinyin() -> bool:
        shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
        return shown.strip() == "True"

    path.write_text(text + "\n截至6月末，数据中台新增客户120万户。\n", encoding="utf-8")  # an indicator's new name
    assert rebuild_loads_pypinyin()
    path.write_text(text + "\n截至6月末，数据中台新增客户130万户。\n", encoding="utf-8")  # a figure changed, no name
    assert not rebuild_loads_pypinyin()
    (tmp_path / "cold").mkdir()
    cold = make_project(tmp_path / "cold", project.corpus)
    generate(cold)
    assert _tree(project.docs) == _tree(cold.docs)


def test_a_cache_from_an_interrupted_build_is_ignored(tmp_path):
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    expected = _tree(project.docs)
    cache = project.root / ".cache" / "reportsite"
    (cache / "build.pickle").write_bytes(b"not a pickle")
    for entry in (cache / "extraction").iterdir():
        entry.write_bytes(entry.read_bytes()[:10])
    shutil.rmtree(project.docs / "documents")
    generate(project)
    assert _tree(project.docs) == expected


def test_a_process_running_threads_reads_few_documents_itself_and_many_in_spawned_workers(tmp_path, monkeypatch):
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    _changed(project)
    pools = []
    monkeypatch.setattr(generator.build, "process_pool",
                        lambda workers, start=generator.build.process_pool: pools.append(workers) or start(workers))
    server = threading.Event()  # a thread like `make serve`'s server
    thread = threading.Thread(target=server.wait)
    thread.start()
    try:
        warm = gather(project.corpus, project.cache)
        assert pools == []  # one changed document: read here, a worker would cost more to start
        monkeypatch.setattr(generator.build, "DOCUMENTS_PER_WORKER", 1)
        cold = gather(project.corpus)
        assert pools  # every document: read in spawned workers
    finally:
        server.set()
        thread.join()
    assert any(m.text == "120万户" for m in warm.facts["metrics"]["press-release"])
    assert report_json(cold) == report_json(warm)


def test_a_name_one_document_introduces_is_linked_on_the_unchanged_pages_that_use_it(tmp_path):
    # Three documents use the name; the first does not quote it yet. A name in
    # every document relates none of them, so only what they name changes.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = {"a.txt": "本行上线数智平台。", "b.txt": "数智平台服务客户。", "c.txt": "数智平台持续迭代。"}
    for name, text in texts.items():
        (corpus / name).write_text(f"标题{name[0]}\n\n{text}\n", encoding="utf-8")
    (tmp_path / "warm").mkdir()
    (tmp_path / "cold").mkdir()
    warm = make_project(tmp_path / "warm", corpus)
    generate(warm)
    before = _tree(warm.docs)
    (corpus / "a.txt").write_text("标题a\n\n本行上线“数智平台”。\n", encoding="utf-8")
    shutil.copy(corpus / "a.txt", warm.corpus / "a.txt")
    generate(warm)
    cold = make_project(tmp_path / "cold", corpus)
    generate(cold)
    after = _tree(warm.docs)
    assert after == _tree(cold.docs)
    assert after["documents/b.md"] != before["documents/b.md"] and f"terms/{term_id('数智平台')}.md".encode() in after["documents/b.md"]


def test_a_file_changed_while_it_is_read_is_read_again_by_the_next_build(tmp_path, monkeypatch, caplog):
    project = make_project(tmp_path, FIXTURES / "corpus")
    path = project.corpus / "press-release.md"
    original = path.read_bytes()
    surveyed = generator.build.survey(project.corpus)  # the file as it was before the edit
    path.write_bytes(original + "\n截至6月末，数据中台新增客户120万户。\n".encode("utf-8"))
    monkeypatch.setattr(generator.build, "survey", lambda *args: surveyed)
    generate(project)  # surveys the file as it was, reads it edited
    assert "changed while the build read it" in caplog.text
    monkeypatch.undo()
    path.write_bytes(original)  # restored: the next build must not find "nothing changed"
    generate(project)
    (tmp_path / "cold").mkdir()
    cold = make_project(tmp_path / "cold", FIXTURES / "corpus")
    generate(cold)
    assert _tree(project.docs) == _tree(cold.docs)


def test_a_survey_reads_again_only_the_files_changed_since_the_last(tmp_path, monkeypatch):
    project = make_project(tmp_path, FIXTURES / "corpus")
    assert generator.build.survey(project.corpus).known == {}  # files just written may change within their tick
    monkeypatch.setattr(generator.build, "SETTLED_NS", 0)
    time.sleep(0.05)
    first = generator.build.survey(project.corpus)
    read = []
    key = generator.build._key
    monkeypatch.setattr(generator.build, "_key", lambda entry: read.append(entry.relative) or key(entry))
    assert generator.build.survey(project.corpus, known=first.known).keys == first.keys and read == []
    path = project.corpus / "press-release.md"
    found = path.stat()
    path.write_bytes(path.read_bytes().replace("。".encode(), "，".encode(), 1))  # as long as it was
    os.utime(path, ns=(found.st_atime_ns, found.st_mtime_ns))  # and its time put back
    again = generator.build.survey(project.corpus, known=first.known)
    assert read == ["press-release.md"] and again.keys != first.keys


def test_a_damaged_or_foreign_cache_gives_the_bytes_of_a_cold_build(tmp_path):
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    expected = _tree(project.docs)
    cache = project.cache_folder
    entries = sorted((cache / "extraction").iterdir())
    entries[0].write_bytes(os.urandom(512))
    entries[1].write_bytes(pickle.dumps(("a foreign value", 42)))
    (cache / "build.pickle").write_bytes(pickle.dumps({"inputs": 1, "files": "wrong"}))
    shutil.rmtree(project.docs / "documents")
    generate(project)
    assert _tree(project.docs) == expected
    shutil.rmtree(cache)
    cache.write_bytes(b"a file where the cache folder was")
    shutil.rmtree(project.docs / "documents")
    generate(project)
    assert _tree(project.docs) == expected and cache.is_dir()


def test_a_failed_or_strict_build_leaves_the_last_good_site(tmp_path, monkeypatch):
    project = make_project(tmp_path, FIXTURES / "corpus")
    build_site(project)
    site = _tree(project.site)
    (project.corpus / "broken.txt").write_bytes(bytes(range(256)) * 8)
    with pytest.raises(StrictFailure):
        build_site(project, strict=True)
    assert _tree(project.site) == site

    def disk_full(*arguments, **keywords):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(generator.build, "index_search", disk_full)
    with pytest.raises(OSError):
        build_site(project)
    assert _tree(project.site) == site
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_pages_by_period_build_strictly_with_every_link_found(tmp_path, monkeypatch):
    monkeypatch.setattr(generator.render.pages, "PERIOD_PAGE_ENTRIES", 1)
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)  # here, not in a process of its own, which may start without the limit set
    run_mkdocs(project, strict=True)  # a link to a missing page or anchor fails it
    for page in ("archive/2023-11/index.html", "timeline/2024/index.html", "diagnostics/2023-11/index.html"):
        assert (project.site / page).is_file(), page


def test_a_change_is_moved_into_the_site_and_a_new_look_replaces_it_whole(tmp_path):
    project = make_project(tmp_path, FIXTURES / "corpus")
    build_site(project)
    site = project.site.stat().st_ino
    _changed(project)
    build_site(project)
    assert project.site.stat().st_ino == site  # the same folder, the changes moved in
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []
    main = own_template(project, "theme/main.html")
    main.write_text(main.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build_site(project)
    assert project.site.stat().st_ino != site and (tmp_path / ".site.old").is_dir()  # the last site waits beside
    build_site(project)
    assert not (tmp_path / ".site.old").exists()  # removed by the next build, while its pages were generated


def test_two_mkdocs_processes_share_a_change_and_build_the_site_one_builds(tmp_path, monkeypatch):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    # As `_fork_for_few_pages`: MkDocs' process is forked from this one, and forks its share.
    monkeypatch.setattr(generator.processes, "forking_is_safe", lambda: True)
    monkeypatch.setattr(generator.build, "forking_is_safe", lambda: True)
    monkeypatch.setattr(generator.build, "MKDOCS_SHARES", 1)
    alone = make_project(tmp_path / "one", FIXTURES / "corpus")
    build_site(alone)
    _changed(alone)
    build_site(alone)

    monkeypatch.setattr(generator.build, "MKDOCS_SHARES", 2)
    shares = tmp_path / "shares"  # MkDocs runs in a process of its own: what it starts is noted in a file

    def noting(function, *args, start=generator.build.start_in_fork):
        with shares.open("a") as noted:
            noted.write(function.__name__ + "\n")
        return start(function, *args)

    monkeypatch.setattr(generator.build, "start_in_fork", noting)
    shared = make_project(tmp_path / "two", FIXTURES / "corpus")
    build_site(shared)
    assert not shares.exists()  # a whole build is MkDocs' alone
    _changed(shared)
    build_site(shared)
    assert shares.read_text().split() == ["_build"]
    assert _site(shared.site) == _site(alone.site)
    assert [p.name for p in tmp_path.joinpath("two").iterdir() if p.name.startswith(".site")] == []


def test_mkdocs_finds_the_theme_compiled_as_its_build_draws_pages(tmp_path, monkeypatch):
    """Prepared with the plugins' configuration, which adds the theme's overrides (main.html, 404.html)."""
    project = make_project(tmp_path, FIXTURES / "corpus")
    generate(project)
    monkeypatch.setattr(generator.plugin.COMPILED, "_code", {})  # what earlier builds here compiled
    generator.build._prepare_mkdocs(project)
    compiled, compile = [], jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda env, source, name=None, *args, **kwargs: compiled.append(name)
                        or compile(env, source, name, *args, **kwargs))
    run_mkdocs(project)
    assert {"main.html", "404.html", "sitemap.xml", "base.html"}.isdisjoint(compiled)


def test_a_changed_file_is_built_by_the_first_share_to_claim_it(tmp_path):
    first, second = generator.build._Claim(tmp_path / "page"), generator.build._Claim(tmp_path / "page")
    assert first() and not second()
    assert first() and not second()  # each keeps its answer: MkDocs asks more than once


def test_a_pdf_is_published_beside_its_page_and_each_page_of_it_is_linked(tmp_path):
    corpus = tmp_path / "pdfs"
    corpus.mkdir()
    shutil.copy(FIXTURES / "pdf" / "pingan-esg-excerpt.pdf", corpus / "esg.pdf")
    project = make_project(tmp_path, corpus)
    corpus = project.corpus
    generate(project)
    assert (project.docs / "sources" / "esg.pdf").read_bytes() == (corpus / "esg.pdf").read_bytes()
    page = (project.docs / "documents" / "esg.md").read_text(encoding="utf-8")
    for number in (1, 2, 3, 4):
        assert page.count(f'href="../sources/esg.pdf#page={number}">第 {number} 页</a>') == 1
    (corpus / "esg.pdf").unlink()
    (corpus / "note.txt").write_text("一篇短文\n正文一句。\n", encoding="utf-8")
    generate(project)
    assert not (project.docs / "sources" / "esg.pdf").exists()  # gone with its document


def _long_report(chapters: int, sentences: int) -> str:
    """A report of `chapters` chapters (一、…) of `sentences` distinct sentences each."""
    lines = ["某银行2024年年度报告"]
    for chapter in range(1, chapters + 1):
        lines.append(f"{'一二三四五六七八九'[chapter - 1]}、第{chapter}章的标题")
        lines += [f"第{chapter}章第{n}句说明本行在该领域的第{n}项工作。" for n in range(sentences)]
    return "\n".join(lines) + "\n"


def test_a_long_report_is_shown_a_chapter_a_page_under_its_contents(tmp_path):
    corpus = tmp_path / "reports"
    corpus.mkdir()
    (corpus / "report.txt").write_text(_long_report(3, 250), encoding="utf-8")
    project = make_project(tmp_path, corpus)
    generate(project)
    contents = (project.docs / "documents" / "report.md").read_text(encoding="utf-8")
    chapters = [(project.docs / "documents" / "report" / f"{n}.md").read_text(encoding="utf-8") for n in (1, 2, 3)]
    assert "第2章第7句" not in contents and "第2章第7句" in chapters[1] and "第3章第249句" in chapters[2]
    assert "1. [第1章的标题](report/1.md)" in contents and "[下一章](3.md)" in chapters[1]
    # every sentence keeps an anchor on the contents page, naming its chapter, for links made elsewhere
    assert contents.count('data-chapter="2"') == 251


def test_properdocs_builds_the_site_mkdocs_builds(tmp_path):
    """The generated docs/ are plain Markdown for any builder of mkdocs.yml: ProperDocs (the maintained
    fork of MkDocs) makes the same pages, but for the generator line each names itself in."""
    import re
    import subprocess
    import sys

    project = make_project(tmp_path, FIXTURES / "corpus")
    build_site(project, strict=True)
    other = tmp_path / "properdocs-site"
    subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-f", str(project.config_file),
                    "-d", str(other)], check=True, cwd=project.root)
    generator_line = re.compile(rb'<meta name="generator" content="[^"]*">')

    def pages(root):
        return {path: generator_line.sub(b"", data) for path, data in _tree(root).items() if path.endswith(".html")}

    assert pages(other) == pages(project.site) and len(pages(other)) > 10
