"""A hostile corpus: every kind of bad input a careless user or an attacker gives the build.

    python -m tests.hostile DIR    # writes DIR/corpus, and DIR/outside (what no build may read)

`make_hostile_corpus` returns what a build must make of it: for each bad
file, the reason its one warning gives, and the documents it must build
(every readable file, bad metadata or damaged bytes included). `SECRET` stands in files outside the corpus that
links inside it point to: it must appear nowhere in the site.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

SECRET = "OUTSIDE-THE-CORPUS-7f3a9c"

#: Markup a document may hold that must never run or break a page.
INJECTED = ("<script>alert('xss')</script>", "{{ 7 * 7 }}", "{% raw %}", "[link](javascript:alert(1))")

ARTICLE = "截至6月末，工商银行个人手机银行客户达到4.43亿户，同比增长12%。"


def make_hostile_corpus(root: Path, figures_in_one_line: int = 2000) -> tuple[dict[str, str], set[str]]:
    """Write the corpus into `root/corpus` (and what lies outside it into `root/outside`).

    Returns, for each file a build must warn about, the words its warning
    gives; and the files that must become documents. Links and special
    files need a POSIX system.
    """
    corpus, outside = root / "corpus", root / "outside"
    corpus.mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\n{ARTICLE}\n", encoding="utf-8")
    warned: dict[str, str] = {}

    def write(relative: str, text: str | bytes) -> Path:
        path = corpus / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    # Readable documents that must build whole, as they are.
    write("plain.txt", f"一篇正常的文章\n{ARTICLE}\n")
    write("one-line-of-figures.txt", figures_line(figures_in_one_line))
    write("/".join(["deep"] * 50) + "/nested.txt", f"五十层目录下的文章\n{ARTICLE}\n")
    long_stem = "annual-report-of-a-bank-with-a-very-long-file-name-" * 4
    write(f"{long_stem}A.txt", f"长文件名甲\n{ARTICLE}\n")
    write(f"{long_stem}a.txt", f"长文件名乙\n{ARTICLE}\n")
    write("injected.md", "---\ntitle: \"<script>alert('title')</script>{{ 7 * 7 }}\"\nauthor: \"[x](javascript:1)\"\n---\n"
                         + "\n\n".join(f"{markup}{ARTICLE}" for markup in INJECTED) + "\n")
    write("newline-title.md", '---\ntitle: "第一行\\n| 第二行 | 表格 |\\n第三行"\n---\n' + ARTICLE + "\n")
    write("formula.txt", '公式单元格\n=HYPERLINK("http://example.com","点击")手机银行客户达到4.43亿户。\n')
    write("copyright-inside.txt", "本文来源：新华网。" + ARTICLE * 6 + "版权所有的说明不在此处。\n")
    # A name that would forge a line in the build log.
    write("forged\nWARNING  skipped plain.txt: forged.txt", f"换行文件名\n{ARTICLE}\n")

    # Bad metadata: the field goes, with a warning; the document stays.
    write("bad-date.md", f"---\ntitle: 日期错误\ndate: 2022-13-45\n---\n{ARTICLE}\n")
    warned["bad-date.md"] = "metadata field date dropped"
    write("bad-date-sidecar.txt", f"侧栏日期错误\n{ARTICLE}\n")
    write("bad-date-sidecar.meta.yaml", "date: 2022-02-30\n")
    warned["bad-date-sidecar.txt"] = "metadata field date dropped"
    write("alias-bomb.md", "---\n" + _alias_bomb() + f"---\n{ARTICLE}\n")
    warned["alias-bomb.md"] = "aliases"
    write("deep-value.md", "---\ntitle: " + "[" * 20000 + "]" * 20000 + f"\n---\n{ARTICLE}\n")
    warned["deep-value.md"] = "nested deeper"
    write("broken-sidecar.txt", f"侧栏损坏\n{ARTICLE}\n")
    write("broken-sidecar.meta.yaml", "title: [unclosed\n  date: :\n")
    warned["broken-sidecar.txt"] = "sidecar ignored"
    write("long-title.md", "---\ntitle: " + "很长的标题" * 200 + f"\n---\n{ARTICLE}\n")
    warned["long-title.md"] = "metadata field title dropped"

    # Damaged text: the bytes are replaced, counted, and the document kept.
    write("bad-bytes.txt", f"三个坏字节\n{ARTICLE}\n".encode("utf-8") + b"\xff\xfe\xfd" + ARTICLE.encode("utf-8"))
    warned["bad-bytes.txt"] = "undecodable byte sequence(s) replaced"

    # Files that are no documents: skipped, each with its reason.
    noise = random.Random(7)
    write("binary.txt", bytes(noise.randrange(256) for _ in range(4096)))
    warned["binary.txt"] = "binary data"
    write("empty.md", "")
    warned["empty.md"] = "empty file"

    # Paths that lead out of the corpus, nowhere, or round in a loop.
    os.symlink(outside / "secret.txt", corpus / "secret-link.txt")
    warned["secret-link.txt"] = "outside the corpus"
    os.symlink("/etc/passwd", corpus / "passwd.txt")
    warned["passwd.txt"] = "outside the corpus"
    os.symlink(outside, corpus / "outside-folder")
    warned["outside-folder"] = "outside the corpus"
    os.symlink(corpus / "missing.txt", corpus / "dangling.txt")
    warned["dangling.txt"] = "link to nothing"
    os.symlink(corpus / "loop-b.txt", corpus / "loop-a.txt")
    os.symlink(corpus / "loop-a.txt", corpus / "loop-b.txt")
    warned["loop-a.txt"] = warned["loop-b.txt"] = "link loop"
    (corpus / "folder").mkdir()
    write("folder/inside.txt", f"目录里的文章\n{ARTICLE}\n")
    os.symlink("..", corpus / "folder" / "up")
    warned["folder/up"] = "link loop"
    os.symlink(corpus / "plain.txt", corpus / "plain-link.txt")  # inside the corpus: read
    os.mkfifo(corpus / "pipe.txt")
    warned["pipe.txt"] = "not a regular file"
    not_documents = {"binary.txt", "empty.md"}
    documents = {path.relative_to(corpus).as_posix() for path in corpus.rglob("*")
                 if path.is_file() and not path.name.endswith(".meta.yaml") and corpus in path.resolve().parents}
    return warned, documents - not_documents


def figures_line(count: int) -> str:
    """One line holding `count` figures, as a flattened table prints them."""
    rng = random.Random(1)
    units = ("亿户", "万元", "%", "个", "亿元", "万人")
    return "，".join(f"第{i}项指标{rng.randint(1, 999)}.{rng.randint(0, 99)}{rng.choice(units)}"
                    for i in range(count)) + "。\n"


def _alias_bomb() -> str:
    """YAML that expands ten-fold at each of nine levels: a billion strings from a few lines."""
    lines = ['a0: &a0 ["lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    return "\n".join(lines) + "\ntitle: *a9\n"


if __name__ == "__main__":
    warned, documents = make_hostile_corpus(Path(sys.argv[1]))
    for name, reason in sorted(warned.items()):
        print(f"warned: {name!r}: {reason}")
    for name in sorted(documents):
        print(f"document: {name!r}")
