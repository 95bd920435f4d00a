"""Templates compiled once per process."""

import jinja2
import pytest

from generator.compiled import CompiledTemplates


def _theme(folder):
    (folder / "partials").mkdir(parents=True)
    (folder / "main.html").write_text('{% extends "base.html" %}{% block body %}正文{% endblock %}', encoding="utf-8")
    (folder / "base.html").write_text('<body>{% block body %}{% endblock %}{% include "partials/footer.html" %}</body>',
                                      encoding="utf-8")
    (folder / "partials" / "footer.html").write_text("页脚", encoding="utf-8")
    return folder


def _environment(folder, cache):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder))
    env.bytecode_cache = cache
    return env


def test_templates_warmed_are_not_compiled_again_and_a_changed_one_is(tmp_path, monkeypatch):
    theme = _theme(tmp_path / "theme")
    compiled = CompiledTemplates()
    compiled.warm(jinja2.Environment(loader=jinja2.FileSystemLoader(theme)), ("main.html",))
    compiling = []
    compile_ = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda env, source, name=None, *args, **kw: compiling.append(name) or compile_(
                            env, source, name, *args, **kw))
    assert _environment(theme, compiled).get_template("main.html").render() == "<body>正文页脚</body>"
    assert compiling == []  # main.html, what it extends and what that includes: all warmed
    (theme / "partials" / "footer.html").write_text("新页脚", encoding="utf-8")
    assert _environment(theme, compiled).get_template("main.html").render() == "<body>正文新页脚</body>"
    assert compiling == ["partials/footer.html"]


def test_a_template_that_does_not_compile_is_left_for_the_build_to_report(tmp_path):
    theme = _theme(tmp_path / "theme")
    (theme / "404.html").write_text("{% if %}", encoding="utf-8")
    compiled = CompiledTemplates()
    compiled.warm(jinja2.Environment(loader=jinja2.FileSystemLoader(theme)), ("404.html", "main.html"))
    env = _environment(theme, compiled)
    assert env.get_template("main.html").render() == "<body>正文页脚</body>"
    with pytest.raises(jinja2.TemplateSyntaxError):
        env.get_template("404.html")
