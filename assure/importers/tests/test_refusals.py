"""Bad input is refused with one plain sentence, quickly."""

import io
import zipfile

import pytest
from docx import Document

from assure.importers import MAX_BYTES, ImportRefused, detect_kind, read_plan


def docx_bytes() -> bytes:
    document = Document()
    document.add_paragraph("Business Plan 2017/18")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def refusal(data: bytes, name: str) -> str:
    with pytest.raises(ImportRefused) as caught:
        read_plan(data, name)
    message = str(caught.value)
    assert message.endswith("."), message
    assert message.count(". ") == 0, message
    return message


def test_empty_file():
    assert refusal(b"", "plan.docx") == "The file is empty."
    assert refusal(b"  \n\t", "plan.txt") == "The file is empty."


def test_too_large():
    assert "largest we read is 20 MB" in refusal(b"a" * (MAX_BYTES + 1), "plan.txt")


def test_corrupt_word_document():
    damaged = docx_bytes()[:2000]
    assert "damaged" in refusal(damaged, "plan.docx")


def test_zip_with_garbage_inside_named_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not xml")
    assert "damaged" in refusal(buffer.getvalue(), "plan.docx")


def test_password_protected_office_file():
    # Encrypted .docx/.xlsx files are OLE containers holding an EncryptionInfo stream.
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 512
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 512
    )
    assert "password" in refusal(data, "plan.docx")


def test_old_word_format():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    assert "old-style" in refusal(data, "plan.doc")


def test_scanned_pdf_with_no_text():
    data = pdf_bytes('<div style="width:200px;height:200px;background:#333"></div>')
    assert "no text" in refusal(data, "plan.pdf")


def test_pdf_renamed_as_word_says_what_it_is():
    data = pdf_bytes("<p>Business Plan</p>")
    message = refusal(data, "plan.docx")
    assert "named as a Word document" in message
    assert "really a PDF" in message


def test_word_renamed_as_pdf():
    assert "really a Word document" in refusal(docx_bytes(), "plan.pdf")


def test_word_renamed_as_excel():
    assert "really a Word document" in refusal(docx_bytes(), "plan.xlsx")


def test_zip_bomb_named_docx_is_not_opened():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (30 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 200_000
    assert "expands to far more" in refusal(data, "plan.docx")


def test_image_and_binary():
    assert "an image" in refusal(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "plan.png")
    assert "binary" in refusal(bytes(range(256)) * 4, "plan.bin")


def test_powerpoint():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ppt/presentation.xml", "<p/>")
    assert "PowerPoint" in refusal(buffer.getvalue(), "plan.pptx")


def test_kind_comes_from_content_not_name():
    assert detect_kind(docx_bytes(), "anything.bin") == "docx"
    assert detect_kind(b"Priority 1\tAction", "notes") == "text"
    assert detect_kind(b"a,b,c\n1,2,3", "plan.csv") == "csv"


def test_text_named_csv_is_read_not_refused():
    result = read_plan(
        b"Ref,Action,Lead,Due\n1.1,Write the strategy,Board Manager,May 17\n",
        "plan.txt",
    )
    assert result.plan["priorities"][0]["actions"][0]["text"] == "Write the strategy"
