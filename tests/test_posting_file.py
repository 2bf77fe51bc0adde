"""`bootcamp role-check FILE` reads a posting as a CCO receives it: a PDF, a Word or OpenDocument document, an RTF
document, a saved web page, Windows-1252 or UTF-16 text, each into the same duty lines; a file it cannot read gets one
sentence."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from bootcamp.content.posting import duty_lines
from bootcamp.content.posting_file import dropped_file, html_text, posting_text
from bootcamp.errors import UserError
from tests.test_rolecheck_command import bootcamp

FILES = Path(__file__).parent / "fixtures" / "posting_files"

RIVERSIDE = [
    "The Director leads patient experience across the Riverside Health system of four hospitals and twelve clinics.",
    "Lead the system-wide patient experience strategy and align every hospital's plans with it",
    "Turn survey results and patient stories into improvement work that nursing, physicians and support services "
    "take on",
    "Chair the patient and family advisory council and bring its advice to the executive team",
    "Supervise the patient relations coordinators and their grievance caseload",
    "Approve service recovery gift cards and meal vouchers for dissatisfied patients",
    "Build a culture of compassionate care in every unit",
    "Manage the department budget and staff schedules",
]
HARBOUR = [
    "Set the member experience strategy for the whole mutual and win the executive team’s backing for it",
    "Build a voice-of-the-member programme whose findings every department acts on",
    "Redesign the claims and renewal journeys with underwriting, claims, IT and finance",
    "Oversee the member contact centre, its staffing and its service levels",
    "Personally handle complaints escalated to the CEO’s office",
]


def json_lines(name: str) -> list[str]:
    code, out, _ = bootcamp(str(FILES / name), "--format", "json")
    assert code == 0
    return [row["line"] for row in json.loads(out)]


@pytest.mark.parametrize(
    "name", ["riverside-health.docx", "riverside-health.odt", "riverside-health.rtf", "riverside-health.pdf"]
)
def test_a_word_document_and_its_odt_rtf_and_pdf_give_the_same_duty_lines(name: str) -> None:
    # the table's "40%" and "20%" are left out in each: another column, or (from the PDF) a line with no words
    assert json_lines(name) == RIVERSIDE


@pytest.mark.parametrize("name", ["harbour-mutual.html", "harbour-mutual.pdf"])
def test_a_saved_careers_page_and_chromiums_pdf_of_it_give_the_same_duty_lines(name: str) -> None:
    # the page's navigation, script and footer are not posting text; the PDF's wrapped first duty is one line
    assert json_lines(name) == HARBOUR


def test_textedits_rtf_keeps_its_bulleted_duties_and_leaves_out_its_heading_and_benefits() -> None:
    assert json_lines("cafe-lumiere-textedit.rtf") == [
        "Own the customer experience vision for all 40 cafés and the app",
        "Run the guest care team and answer escalated complaints personally",
        "Work with operations, marketing and product so guests get one experience in store and online",
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_as_windows_notepad_saves_it_reads_as_utf8_does(encoding: str) -> None:
    text = (FILES / "harbour-mutual.html").read_text(encoding="utf-8")
    assert posting_text(text.encode(encoding), "posting.txt") == posting_text(text.encode("utf-8"), "posting.txt")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_text_saved_as_word_or_notepad_save_it_reads_as_utf8_does(encoding: str, tmp_path: Path) -> None:
    """Word's "Plain Text" on Windows is Windows-1252: `bootcamp role-check` refused it as "not UTF-8 text (byte
    18)"."""
    text = "Responsibilities\r\n- Lead the café’s “voice of the customer” programme – all 40 sites\r\n- Own NPS\r\n"
    assert posting_text(text.encode(encoding), "posting.txt") == text
    (tmp_path / "posting.txt").write_bytes(text.encode(encoding))
    code, out, _ = bootcamp("posting.txt", "--format", "json", cwd=tmp_path)
    assert code == 0
    assert [row["line"] for row in json.loads(out)] == [
        "Lead the café’s “voice of the customer” programme – all 40 sites", "Own NPS"
    ]


def test_a_pdf_piped_to_standard_input_reads_as_the_file_does() -> None:
    code, out, _ = bootcamp("-", "--format", "json", stdin_bytes=(FILES / "harbour-mutual.pdf").read_bytes())
    assert code == 0 and [row["line"] for row in json.loads(out)] == HARBOUR


def blank_pdf(password: str = "") -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return out.getvalue()


TO_DO = "copy the posting's text and paste it into `bootcamp role-check -`, or save it as a .txt file"


# Each case is named by its file: its bytes can differ at each collection (a locked PDF's encryption is salted at
# random, a zip holds the second it was made), and ids made of them differ between pytest-xdist's workers, which
# then refuse to run at all.
UNREADABLE = [
    (
        "old.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        f"is an old Word (.doc) or Office file, which is not read here: {TO_DO}",
    ),
    ("scan.pdf", blank_pdf(), f"is a PDF with no text in it (a scan, perhaps): {TO_DO}"),
    ("locked.pdf", blank_pdf("secret"), f"is a PDF locked with a password: {TO_DO}"),
    (
        "sheet.xlsx",
        zipped({"xl/workbook.xml": b"<workbook/>"}),
        f"is a zipped file but not a Word (.docx) or OpenDocument (.odt) document: {TO_DO}",
    ),
    (
        "tool",
        b"\x7fELF\x02\x01\x01" + bytes(120),  # a program: valid UTF-8, but mostly NULs
        f"is not a text file (it holds binary data): {TO_DO}",
    ),
    (
        "photo.png",
        b"\x89PNG\r\n\x1a\n" + bytes(64),
        f"is a picture (PNG), and the text in a picture is not read here: {TO_DO}",
    ),
    (
        "shot.heic",
        bytes(4) + b"ftypheic" + bytes(64),
        f"is a picture (HEIC), and the text in a picture is not read here: {TO_DO}",
    ),
    (
        "noise.bin",  # bytes neither UTF-8 nor Windows-1252 has a letter for (0x81, 0x8d, 0x8f, 0x90, 0x9d)
        b"Lead \x81\x8d\x8f\x90\x9d\xff\xc3",
        "is not UTF-8 text (byte 5); save it as UTF-8 and try again",
    ),
    (
        "blob.dat",  # Windows-1252 gives every other byte a letter: control characters say it is not text
        bytes(range(1, 9)) + b"\xe9\xea",
        f"is not a text file (it holds binary data): {TO_DO}",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), UNREADABLE, ids=[name for name, _, _ in UNREADABLE])
def test_a_file_that_cannot_be_read_gets_one_sentence_saying_what_it_is_and_what_to_do(
    name: str, data: bytes, message: str, tmp_path: Path
) -> None:
    (tmp_path / name).write_bytes(data)
    assert bootcamp(name, cwd=tmp_path) == (1, "", f"bootcamp: {name} {message}\n")


DAMAGED = [  # named by their files, as UNREADABLE
    (
        "broken.pdf",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage",
        f"cannot read the PDF broken.pdf: it is damaged or not a PDF; {TO_DO}",
    ),
    (
        "cut.docx",
        b"PK\x03\x04" + bytes(40),
        f"cannot read cut.docx: it is a zipped file that is damaged or not a document; {TO_DO}",
    ),
    (
        "bad.docx",
        zipped({"word/document.xml": b"<w:document"}),
        f"cannot read bad.docx: it is a zipped file that is damaged or not a document; {TO_DO}",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), DAMAGED, ids=[name for name, _, _ in DAMAGED])
def test_a_damaged_document_gets_one_sentence_too(name: str, data: bytes, message: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(data)
    assert bootcamp(name, cwd=tmp_path) == (1, "", f"bootcamp: {message}\n")


def test_text_far_longer_than_a_posting_is_refused_not_split_for_minutes(tmp_path: Path) -> None:
    (tmp_path / "log.txt").write_bytes(b"Lead the service desk.\n" * 10_000)
    assert bootcamp("log.txt", cwd=tmp_path) == (
        1,
        "",
        "bootcamp: log.txt holds 230,000 characters of text, more than a posting's 200,000: check it is the posting, "
        "or paste just its duties into `bootcamp role-check -`\n",
    )


def test_a_file_too_large_to_be_a_posting_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "dump.txt"
    with huge.open("wb") as file:
        file.truncate(60_000_000)  # sparse: no disk used
    assert bootcamp("dump.txt", cwd=tmp_path) == (1, "", f"bootcamp: dump.txt is over 50 MB, too large to be a posting: {TO_DO}\n")


def test_a_zip_bomb_posing_as_a_document_is_refused_before_it_is_unpacked() -> None:
    bomb = zipped({"word/document.xml": b" " * 60_000_000})
    with pytest.raises(UserError, match=r"^huge\.docx is too large to be a posting \(over 50 MB of text\)$"):
        posting_text(bomb, "huge.docx")


def test_a_page_keeps_its_text_a_block_per_line_list_items_and_table_rows_together() -> None:
    page = (
        "<!doctype html><html><head><title>Job</title><style>p{}</style></head><body>"
        "<nav>Home</nav><h2>Responsibilities</h2><p>You will:<br>lead &amp; <b>grow</b> the team</p>"
        "<ul><li>Own the <em>experience</em> vision</li><li>Run the desk</li></ul>"
        "<table><tr><th>Duties</th><th>Time</th></tr><tr><td>Set the strategy</td><td>40%</td></tr></table>"
        "<script>var x = '<li>not text</li>';</script><footer>© Acme</footer></body></html>"
    )
    assert html_text(page) == (
        "Responsibilities\n\nYou will:\n\nlead & grow the team\n\n- Own the experience vision\n- Run the desk\n\n"
        "Duties\tTime\nSet the strategy\t40%\n"
    )
    assert duty_lines(html_text(page)) == [
        "lead & grow the team",
        "Own the experience vision",
        "Run the desk",
        "Set the strategy",
    ]


def test_plain_text_that_merely_mentions_html_is_read_as_text() -> None:
    text = "Responsibilities\n- Keep the <html> help pages up to date for customers\n"
    assert posting_text(text.encode(), "posting.txt") == text


# -- a file dragged onto the terminal: the console's role check reads it ---------------------------------------------


@pytest.mark.parametrize(
    "pasted",
    [
        "{path}",
        "'{path}' ",  # GNOME Terminal: quoted, then a space
        '"{path}"',  # Windows Terminal
        "{escaped} ",  # macOS Terminal: spaces escaped
        "file://{url}",
    ],
)
def test_a_dragged_files_path_as_each_terminal_pastes_it_names_the_file(pasted: str, tmp_path: Path) -> None:
    posting = tmp_path / "Job description (final).docx"
    posting.write_bytes(b"")
    text = pasted.format(
        path=posting,
        escaped=str(posting).replace(" ", "\\ ").replace("(", "\\(").replace(")", "\\)"),
        url=str(posting).replace(" ", "%20").replace("(", "%28").replace(")", "%29"),
    )
    assert dropped_file(text) == posting


@pytest.mark.parametrize(
    "pasted",
    [
        "Lead the customer journey redesign",
        "/no/such/file.pdf",
        "/",  # a folder
        "Lead the team\n/etc/hostname",
        "'Own the NPS targets'",
    ],
)
def test_a_duty_or_a_path_to_no_file_is_not_a_dropped_file(pasted: str) -> None:
    assert dropped_file(pasted) is None


def test_word_list_paragraphs_are_items_whatever_the_style_is_called_and_numbering_taken_away_is_not() -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    styles = (
        f"<w:styles {w}>"
        '<w:style w:type="paragraph" w:styleId="Aufzhlungszeichen"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr>'
        "</w:pPr></w:style>"  # German Word's "List Bullet"
        '<w:style w:type="paragraph" w:styleId="Untertitel"><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>'
        "</w:style>"  # a level alone numbers nothing
        '<w:style w:type="paragraph" w:styleId="Duties"><w:basedOn w:val="Aufzhlungszeichen"/></w:style>'
        "</w:styles>"
    )

    def paragraph(text: str, style: str = "", numbering: str = "") -> str:
        properties = f'<w:pStyle w:val="{style}"/>' if style else ""
        properties += f'<w:numPr><w:numId w:val="{numbering}"/></w:numPr>' if numbering else ""
        return f"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"

    body = "".join(
        [
            paragraph("Customer journeys across every brand", "Aufzhlungszeichen"),
            paragraph("Complaints that reach the board", "Duties"),
            paragraph("Not a list item any more", "Aufzhlungszeichen", numbering="0"),
            paragraph("A subtitle", "Untertitel"),
        ]
    )
    document = f"<w:document {w}><w:body>{body}</w:body></w:document>".encode()
    text = posting_text(zipped({"word/document.xml": document, "word/styles.xml": styles.encode()}), "jd.docx")
    assert text == (
        "- Customer journeys across every brand\n- Complaints that reach the board\n\n"
        "Not a list item any more\n\nA subtitle\n"
    )
