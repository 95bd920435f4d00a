"""Word (.docx): paragraphs with their heading levels, and tables as rows.

python-docx reads the document's body in order; a paragraph whose style is a
heading (标题 1, Heading 2) opens a section at that level, and a table reads
as every format's tables do (`table_lines`). The paragraph in the Title style
is the title; the file's own title field is metadata of the least trust: it
often names a template.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from generator.model import MetaValue
from generator.read.readers import Block, FormatError, Source, half_width, table_lines

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

# Heading 1, 标题 1, Title: the style names Word gives headings in English and Chinese.
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


class DocxReader:
    """Word documents (.docx)."""

    format = "docx"
    extensions = (".docx",)

    def read(self, data: bytes) -> Source:
        # Imported here: python-docx takes a twentieth of a second to import, which every build
        # would pay for, most without a Word file.
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        try:
            document = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
            raise FormatError(f"unreadable Word document ({error or 'not a .docx package'})") from error
        blocks: list[Block] = []
        titled = ""
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                text = half_width(" ".join(item.text.split()))
                if text:
                    blocks.append(Block(text, heading_level=_heading_level(item)))
                    if not titled and _style(item).lower() == "title":
                        titled = text
            elif isinstance(item, Table):
                rows = [[half_width(" ".join(cell.text.split())) for cell in row.cells] for row in item.rows]
                blocks += [Block(line) for line in table_lines(_distinct_cells(rows), has_header=True)]
        meta = {}
        title = " ".join((document.core_properties.title or "").split())
        if title:
            meta["title"] = MetaValue(title, "file_meta")
        if titled:  # the paragraph set in the Title style is the document's own cover title
            meta["title"] = MetaValue(titled, "cover")
        return Source(self.format, blocks, meta)


def _style(paragraph: Paragraph) -> str:
    return (paragraph.style.name if paragraph.style is not None else "") or ""


def _heading_level(paragraph: Paragraph) -> int | None:
    """Title is the first level, Heading 1 the second, and so on."""
    style = _style(paragraph)
    if style.lower() == "title":
        return 1
    found = _HEADING_STYLE.match(style)
    return int(found.group(1)) + 1 if found else None


def _distinct_cells(rows: list[list[str]]) -> list[list[str]]:
    """Rows without the repeats python-docx gives for a merged cell (it lists it under every column it spans)."""
    return [[cell for index, cell in enumerate(row) if index == 0 or cell != row[index - 1]] for row in rows]
