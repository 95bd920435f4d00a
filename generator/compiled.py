"""Jinja2 templates kept compiled in a process's memory, for the builds it runs.

Compiling the theme's templates takes a third of a second, the pages' a
fifth: kept, `make serve` compiles them once for all its builds. Never on
disk: compiled templates are code, which a file planted in a cache would run.
"""

from __future__ import annotations

import jinja2
import jinja2.meta


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates as Jinja2 compiled them, kept in this process's memory (one cache to an environment's
    settings: they shape the code).

    A build compiles only the templates no build in this process compiled
    before, and a process forked from this one finds what it compiled
    (`warm`). Jinja2 compares each template's source with the one compiled.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def warm(self, env: jinja2.Environment, names: tuple[str, ...]) -> None:
        """Compile the templates `names` and those they extend, include and import, into this cache."""
        env.bytecode_cache = self
        to_compile, seen = list(names), set()
        while to_compile:
            name = to_compile.pop()
            if name in seen:
                continue
            seen.add(name)
            try:
                source, filename, _ = env.loader.get_source(env, name)
                # Parsed once, for its code and for the templates it names: a third of the time.
                tree = env.parse(source, name, filename)
                bucket = self.get_bucket(env, name, filename, source)
                if bucket.code is None:
                    bucket.code = env.compile(tree, name, filename)
                    self.set_bucket(bucket)
            except jinja2.TemplateError:  # left for the build to compile, and report, as it would
                continue
            referenced = jinja2.meta.find_referenced_templates(tree)
            to_compile.extend(found for found in referenced if found)
