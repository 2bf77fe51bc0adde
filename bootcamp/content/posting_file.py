"""A posting file's text, whatever a CCO saved it as: text (UTF-8; Windows-1252, as Word saves "Plain Text" on
Windows; or UTF-16, as Windows Notepad saves "Unicode"), a web page, a Word (.docx) or OpenDocument (.odt) document, an
RTF document (macOS TextEdit's default) or a PDF.

``bootcamp role-check FILE`` reads one, and so does the console when a file is dragged onto its role check (the
terminal pastes the file's path: :func:`dropped_file`). Each is read into lines the posting splitter knows: a
paragraph or heading per line, a list item as "- item" (so a bulleted list stays a list), a table row's cells apart
by tabs. What cannot be read (an old Word .doc, a scanned PDF, a spreadsheet …) gets one sentence saying what the
file is and what to do instead.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import unquote, urlsplit

from bootcamp.errors import UserError
from bootcamp.windows_1252 import as_windows_1252

if TYPE_CHECKING:  # zipfile, xml and logging are imported only for the document that needs them
    from xml.etree.ElementTree import Element

_SAVE_AS_TEXT = "copy the posting's text and paste it into `bootcamp role-check -`, or save it as a .txt file"


def dropped_file(pasted: str) -> Path | None:
    """The file a pasted line names, when a file was dragged onto the terminal: macOS Terminal pastes its path with
    spaces escaped (``/Users/ana/Job\\ description.pdf``), GNOME Terminal quoted (``'/home/ana/Job description.pdf'``),
    Windows Terminal in double quotes, some as a ``file://`` address. ``None`` when the line names no file."""
    text = pasted.strip()
    if not text or "\n" in text or "\r" in text:
        return None
    if text.lower().startswith("file://"):
        text = unquote(urlsplit(text).path)
    elif len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    elif "\\ " in text or "\\(" in text:
        text = re.sub(r"\\(.)", r"\1", text)  # shell-escaped spaces and brackets
    if not (text.startswith(("/", "~")) or re.match(r"^[a-zA-Z]:[\\/]", text)):
        return None  # a duty typed or pasted, not a path
    path = Path(text).expanduser()
    try:
        return path if path.is_file() else None
    except OSError:  # a name too long, or a folder that cannot be read
        return None


def read_posting_file(source: Path | BinaryIO, name: str) -> str:
    """The text (:func:`posting_text`) of a posting file, or of a stream such as standard input; ``name`` says where it
    came from in errors."""
    try:
        if isinstance(source, Path) and source.stat().st_size > _LARGEST_FILE:
            raise UserError(f"{name} is over {_LARGEST_FILE // 1_000_000} MB, too large to be a posting: {_SAVE_AS_TEXT}")
        data = source.read_bytes() if isinstance(source, Path) else source.read(_LARGEST_FILE + 1)
        if len(data) > _LARGEST_FILE:
            raise UserError(f"{name} is over {_LARGEST_FILE // 1_000_000} MB, too large to be a posting: {_SAVE_AS_TEXT}")
    except OSError as error:
        raise UserError(f"cannot read {name}: {error.strerror or error}") from None
    return posting_text(data, name)


# A posting runs to a few pages; a long role profile to some tens. Beyond this the file is not a posting (a log, a
# book, a data dump), and splitting and suggesting it would take minutes (10 MB of text took over two).
LONGEST_POSTING = 200_000  # characters of text
_LARGEST_FILE = 50_000_000  # bytes, read at all: a PDF with pictures may be large, its text still short
# What a picture of a posting is saved as: its text cannot be read here.
_IMAGES = {
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
    b"BM": "BMP",
}


def posting_text(data: bytes, name: str) -> str:
    """The text of a posting file's bytes; ``name`` says where it came from in errors."""
    text = _text_of(data, name)
    if len(text) > LONGEST_POSTING:
        raise UserError(
            f"{name} holds {len(text):,} characters of text, more than a posting's {LONGEST_POSTING:,}: "
            f"check it is the posting, or paste just its duties into `bootcamp role-check -`"
        )
    return text


def _image_kind(data: bytes) -> str:
    """ "PNG", "JPEG" … when the bytes are a picture, else ""."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "HEIC"
    return next((kind for mark, kind in _IMAGES.items() if data.startswith(mark)), "")


def _text_of(data: bytes, name: str) -> str:
    if kind := _image_kind(data):
        raise UserError(f"{name} is a picture ({kind}), and the text in a picture is not read here: {_SAVE_AS_TEXT}")
    if data.startswith(b"%PDF-"):
        return _pdf_text(data, name)
    if data.startswith(b"PK\x03\x04"):
        return _zipped_document_text(data, name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(f"{name} is an old Word (.doc) or Office file, which is not read here: {_SAVE_AS_TEXT}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _utf16(data, "utf-16", name)
    elif _utf16_without_mark(data):
        text = _utf16(data, "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be", name)
    else:
        text = _utf8_or_windows_1252(data, name)
    if text.count("\x00") > 2 + len(text) // 100:  # a stray NUL in a pasted posting is shown escaped, as any control
        raise _binary(name)
    if text.lstrip().startswith("{\\rtf"):
        return _rtf_text(text, name)
    if _looks_like_html(text):
        return html_text(text)
    return text


def _utf16_without_mark(data: bytes) -> bool:
    """Mostly Latin text in UTF-16 has a zero in every other byte; UTF-8 text has none."""
    return len(data) >= 4 and len(data) % 2 == 0 and max(data[0::2].count(0), data[1::2].count(0)) > len(data) // 4


def _binary(name: str) -> UserError:
    return UserError(f"{name} is not a text file (it holds binary data): {_SAVE_AS_TEXT}")


def _utf8_or_windows_1252(data: bytes, name: str) -> str:
    """UTF-8 text, or else Windows-1252: Word's "Plain Text" on Windows writes "café’s" as ``caf\\xe9\\x92s``."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        invalid_at = error.start
    text = as_windows_1252(data)
    if text is None:
        raise UserError(f"{name} is not UTF-8 text (byte {invalid_at}); save it as UTF-8 and try again")
    # Windows-1252 gives nearly every byte a letter, so binary data decodes too: its control characters give it away
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r\f\v")
    if controls > 2 + len(text) // 100:
        raise _binary(name)
    return text


def _utf16(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UserError(f"{name} is not UTF-16 text (byte {error.start}); save it as UTF-8 and try again") from None


def _squeezed(text: str) -> str:
    """Runs of white space (a document's line breaks and indents inside a paragraph) as one space."""
    return " ".join(text.split())


def _table_row(cells: list[str]) -> list[tuple[str, str]]:
    """A table row as one block, its cells apart by tabs as Word copies a table; none for an empty row."""
    return [("\t".join(cells), "row")] if any(cells) else []


def _joined(blocks: list[tuple[str, str]]) -> str:
    """Blocks (text, and "item" or "row" for a list item or a table row) as lines: a blank line between paragraphs, as
    a document's paragraphs are (so a long one is never read as wrapped onto the next), none inside a list or table."""
    out = []
    for at, (text, run) in enumerate(blocks):
        if at and not (run and run == blocks[at - 1][1]):
            out.append("")
        out.append(text)
    return "\n".join(out) + "\n"


# -- web pages ---------------------------------------------------------------------------------------------------------

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text))


# Tags whose content is never posting text: scripts, styles, the page's navigation and footer, forms.
_SKIPPED = frozenset("head script style noscript template svg nav footer form button select iframe".split())
# Tags that start a line of their own.
_BLOCKS = frozenset(
    "p div section article main header aside h1 h2 h3 h4 h5 h6 ul ol dl dt dd li tr table blockquote pre hr br "
    "figure figcaption caption address details summary".split()
)


class _PageText(HTMLParser):
    """A page's visible text as blocks: a list item as "- item", a table row's cells apart by tabs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.current: list[str] = []
        self.run = ""  # "item" or "row" while the current block is a list item or a table row
        self.skipping: list[str] = []  # the skipped tags open around the text, innermost last

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping.append(tag)
        elif self.skipping:
            return
        elif tag in ("td", "th"):
            if "".join(self.current).strip():
                self.current.append("\t")
        elif tag in _BLOCKS:
            self._end_block()
            self.run = {"li": "item", "tr": "row"}.get(tag, "")
            if tag == "li":
                self.current.append("- ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag in _BLOCKS:  # <br/>, <hr/>
            self._end_block()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
        elif tag in _BLOCKS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)

    def _end_block(self) -> None:
        cells = "".join(self.current).split("\t")
        text = "\t".join(map(_squeezed, cells)).strip("\t")
        if text and text != "-":
            self.blocks.append((text, self.run))
        self.current = []
        self.run = ""

    def text(self) -> str:
        self._end_block()
        return _joined(self.blocks)


def html_text(page: str) -> str:
    """A web page's visible text as lines: headings and paragraphs each a line, list items as "- item"."""
    parser = _PageText()
    parser.feed(page)
    parser.close()
    return parser.text()


# -- RTF, Word, OpenDocument and PDF -----------------------------------------------------------------------------------


def _rtf_text(text: str, name: str) -> str:
    from striprtf.striprtf import rtf_to_text  # only for an RTF file

    try:
        plain = rtf_to_text(text, errors="replace")
    except Exception as error:  # noqa: BLE001 - a malformed RTF file is the user's input, not a bug
        raise UserError(f"cannot read the RTF document {name} ({error}): {_SAVE_AS_TEXT}") from None
    # TextEdit writes a list item's bullet as a tab, a bullet and a tab before the item
    plain = re.sub(r"(?m)^[ \t]*[•·▪◦][ \t]*", "- ", plain)
    # striprtf ends each table cell with "|": a row's cells apart by tabs, as Word copies a table
    return re.sub(
        r"(?m)^(.*\|)$", lambda row: "\t".join(cell.strip() for cell in row[1].split("|") if cell.strip()), plain
    )


_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


_DOCUMENT_PARTS = frozenset({"word/document.xml", "content.xml"})
_LARGEST_PART = 50_000_000  # a posting's text is a few kilobytes; a part this large is a zip bomb or not a posting


def _zipped_document_text(data: bytes, name: str) -> str:
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if any(archive.getinfo(member).file_size > _LARGEST_PART for member in names & _DOCUMENT_PARTS):
                raise UserError(f"{name} is too large to be a posting (over {_LARGEST_PART // 1_000_000} MB of text)")
            if "word/document.xml" in names:
                styles = archive.read("word/styles.xml") if "word/styles.xml" in names else b""
                return _word_text(archive.read("word/document.xml"), _list_styles(styles))
            if "content.xml" in names and archive.read("mimetype").startswith(
                b"application/vnd.oasis.opendocument.text"
            ):
                return _odf_text(archive.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError):
        raise UserError(
            f"cannot read {name}: it is a zipped file that is damaged or not a document; {_SAVE_AS_TEXT}"
        ) from None
    raise UserError(f"{name} is a zipped file but not a Word (.docx) or OpenDocument (.odt) document: {_SAVE_AS_TEXT}")


def _list_styles(styles: bytes) -> frozenset[str]:
    """The paragraph styles that number or bullet their paragraphs, directly or through the style they are based on
    (Word names its list styles in the user's language: "List Bullet" is "Aufzhlungszeichen" in German)."""
    from xml.etree import ElementTree

    if not styles:
        return frozenset()
    based_on: dict[str, str] = {}
    numbered: set[str] = set()
    for style in ElementTree.fromstring(styles).iter(f"{_WORD}style"):
        style_id = style.get(f"{_WORD}styleId", "")
        parent = style.find(f"{_WORD}basedOn")
        if parent is not None:
            based_on[style_id] = parent.get(f"{_WORD}val", "")
        if _numbering(style) == "on":
            numbered.add(style_id)

    def listed(style_id: str, depth: int = 0) -> bool:
        return style_id in numbered or (depth < 10 and style_id in based_on and listed(based_on[style_id], depth + 1))

    return frozenset(style_id for style_id in set(based_on) | numbered if listed(style_id))


def _word_text(document: bytes, list_styles: frozenset[str] = frozenset()) -> str:
    """A .docx body's paragraphs and tables in order: a numbered or bulleted paragraph (its own numbering, or its
    style's) as "- item", a table row's cells apart by tabs, as Word copies a table."""
    from xml.etree import ElementTree

    body = ElementTree.fromstring(document).find(f"{_WORD}body")
    blocks: list[tuple[str, str]] = []
    for node in body if body is not None else ():
        if node.tag == f"{_WORD}p":
            text = _word_paragraph(node)
            if text:
                listed = _word_listed(node, list_styles)
                blocks.append((f"- {text}", "item") if listed else (text, ""))
        elif node.tag == f"{_WORD}tbl":
            for row in node.iter(f"{_WORD}tr"):
                blocks += _table_row(
                    [
                        " ".join(filter(None, map(_word_paragraph, cell.iter(f"{_WORD}p"))))
                        for cell in row.iter(f"{_WORD}tc")
                    ]
                )
        elif node.tag == f"{_WORD}sdt":  # a content control (a cover page, a template's field) holds paragraphs too
            blocks += [(text, "") for text in map(_word_paragraph, node.iter(f"{_WORD}p")) if text]
    return _joined(blocks)


def _word_paragraph(paragraph: Element) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{_WORD}t" and node.text:
            parts.append(node.text)
        elif node.tag in (f"{_WORD}tab", f"{_WORD}br"):
            parts.append(" ")
    return _squeezed("".join(parts))


def _word_listed(paragraph: Element, list_styles: frozenset[str]) -> bool:
    numbering = _numbering(paragraph)
    if numbering:
        return numbering == "on"
    properties = paragraph.find(f"{_WORD}pPr")
    style = properties.find(f"{_WORD}pStyle") if properties is not None else None
    style_id = style.get(f"{_WORD}val", "") if style is not None else ""
    return style_id in list_styles or "list" in style_id.lower()


def _numbering(node: Element) -> str:
    """A paragraph's or a style's own numbering: "on", "off" (numId 0 takes a style's numbering away), or "" when it
    says nothing (no numId: a level alone keeps whatever numbering the style gives)."""
    number = node.find(f"{_WORD}pPr/{_WORD}numPr/{_WORD}numId")
    if number is None:
        return ""
    return "off" if number.get(f"{_WORD}val", "0") == "0" else "on"


def _odf_text(content: bytes) -> str:
    """An .odt body's headings, paragraphs and tables in order: a list item's paragraph as "- item", a table row's
    cells apart by tabs."""
    from xml.etree import ElementTree

    blocks: list[tuple[str, str]] = []

    def walk(node: Element, in_list_item: bool) -> None:
        for child in node:
            if child.tag in (f"{_ODF_TEXT}p", f"{_ODF_TEXT}h"):
                text = _odf_paragraph(child)
                if text:
                    blocks.append((f"- {text}", "item") if in_list_item else (text, ""))
            elif child.tag == f"{_ODF_TABLE}table-row":
                cells = child.iter(f"{_ODF_TABLE}table-cell")
                blocks.extend(
                    _table_row(
                        [" ".join(filter(None, map(_odf_paragraph, cell.iter(f"{_ODF_TEXT}p")))) for cell in cells]
                    )
                )
            else:
                walk(child, in_list_item or child.tag == f"{_ODF_TEXT}list-item")

    walk(ElementTree.fromstring(content), False)
    return _joined(blocks)


def _odf_paragraph(paragraph: Element) -> str:
    parts: list[str] = []
    spaces = (f"{_ODF_TEXT}s", f"{_ODF_TEXT}tab", f"{_ODF_TEXT}line-break")  # white space between words

    def add(node: Element) -> None:
        if node.tag in spaces:
            parts.append(" ")
        parts.append(node.text or "")
        for child in node:
            add(child)
            parts.append(child.tail or "")

    add(paragraph)
    return _squeezed("".join(parts))


def _pdf_text(data: bytes, name: str) -> str:
    import logging

    from pypdf import PdfReader  # only for a PDF: the splitter joins the lines a PDF wraps

    # pypdf logs what it repairs ("EOF marker not found") to standard error: the one sentence below says it instead
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UserError(f"{name} is a PDF locked with a password: {_SAVE_AS_TEXT}")
        # pages apart by a form feed, as pdftotext gives them: the splitter finds each page's header and footer there
        text = "\x0c".join(page.extract_text() or "" for page in reader.pages)
    except UserError:
        raise
    except Exception:  # noqa: BLE001 - a damaged PDF is the user's input: pypdf raises many kinds for it
        raise UserError(f"cannot read the PDF {name}: it is damaged or not a PDF; {_SAVE_AS_TEXT}") from None
    if not text.strip():
        raise UserError(f"{name} is a PDF with no text in it (a scan, perhaps): {_SAVE_AS_TEXT}")
    return text
