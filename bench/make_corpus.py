"""Write N realistic documents: sentences of the shipped corpus recombined.

Each document takes its sentences at random from the seed documents, with its
figures and years varied, and is written as plain text with a byline, Markdown
with front matter, or a web page, in turn. The same N and seed give the same
files.

    python bench/make_corpus.py 1000 /tmp/corpus-1000
"""

from __future__ import annotations

import argparse
import html
import random
import re
from pathlib import Path

from generator.read import read_corpus

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("txt", "md", "html")


def seed_material() -> tuple[list[str], list[str]]:
    """The sentences and section titles of the shipped corpus."""
    documents, _ = read_corpus(ROOT / "corpus")
    sentences = [s.text for d in documents for sec in d.sections for p in sec.paragraphs for s in p.sentences]
    titles = [sec.title for d in documents for sec in d.titled_sections]
    return sentences, titles


def vary(sentence: str, rng: random.Random, year: int) -> str:
    """The sentence with other figures and its years moved to `year`."""
    def figure(match: re.Match) -> str:
        number = match.group()
        if re.fullmatch(r"(?:19|20)\d{2}", number):
            return str(year)
        scaled = float(number) * rng.uniform(0.5, 1.5)
        return f"{scaled:.{len(number.split('.')[1])}f}" if "." in number else str(max(1, round(scaled)))
    return re.sub(r"\d+(?:\.\d+)?", figure, sentence)


def document(index: int, rng: random.Random, sentences: list[str], titles: list[str]) -> tuple[str, str]:
    """`(file name, text)` of one generated document."""
    year = rng.randint(2018, 2025)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = f"{rng.choice(titles)}（{index}）"
    sections = []
    for _ in range(rng.randint(2, 5)):
        paragraphs = ["".join(vary(rng.choice(sentences), rng, year) for _ in range(rng.randint(1, 4)))
                      for _ in range(rng.randint(2, 5))]
        sections.append((rng.choice(titles), paragraphs))
    kind = FORMATS[index % len(FORMATS)]
    if kind == "txt":
        body = "\n".join(f"{heading}\n" + "\n".join(paragraphs) for heading, paragraphs in sections)
        return f"doc{index:05d}.txt", f"{title}\n{date} 10:00来源:基准测试网    作者:测试员{index % 7}\n{body}\n"
    if kind == "md":
        body = "\n\n".join(f"## {heading}\n\n" + "\n\n".join(paragraphs) for heading, paragraphs in sections)
        return f"doc{index:05d}.md", f"---\ntitle: {title}\ndate: {date}\npublisher: 基准测试网\n---\n\n{body}\n"
    body = "".join(f"<h2>{html.escape(heading)}</h2>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
                   for heading, paragraphs in sections)
    page = (f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{html.escape(title)} - 基准测试网</title>'
            f'<meta property="article:published_time" content="{date}"></head><body><nav>首页 | 新闻</nav>'
            f"<article><h1>{html.escape(title)}</h1>{body}</article><footer>Copyright © 基准测试网</footer></body></html>")
    return f"doc{index:05d}.html", page


def make_corpus(count: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write `count` documents into `folder`; returns their paths."""
    rng = random.Random(seed)
    sentences, titles = seed_material()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        name, text = document(index, rng, sentences, titles)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"wrote {len(make_corpus(args.count, args.folder, args.seed))} documents to {args.folder}")
