"""Read a plan document of any supported type: the one "
"entry point for the CLI and pages."""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable
from pathlib import PurePath

from .blocks import Block, ImportRefused, ImportResult
from .interpret import interpret

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
MAX_ZIP_ENTRIES = 5_000

KIND_NAMES = {
    "docx": "a Word document (.docx)",
    "xlsx": "an Excel workbook (.xlsx)",
    "pdf": "a PDF",
    "csv": "a CSV file",
    "text": "a text file",
    "doc": "an old-style Word or Excel file (.doc or .xls)",
    "pptx": "a PowerPoint presentation",
    "odf": "an OpenDocument file",
    "zip": "a zip archive",
    "rtf": "a rich text (.rtf) file",
    "image": "an image",
    "binary": "a binary file",
}
_EXTENSIONS = {
    ".docx": "docx",
    ".docm": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".pdf": "pdf",
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".text": "text",
    ".doc": "doc",
    ".xls": "doc",
    ".pptx": "pptx",
    ".rtf": "rtf",
    ".odt": "odf",
    ".ods": "odf",
    ".zip": "zip",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".gif": "image",
}
_READABLE = {"docx", "xlsx", "pdf", "csv", "text"}


def read_plan(data: bytes, filename: str) -> ImportResult:
    """Read a plan from a file's bytes; raise ImportRefused with one sentence if it
    cannot
    be."""
    if not data or not data.strip():
        raise ImportRefused("The file is empty.")
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            f"The file is {len(data) / 1024 / 1024:.0f} MB; the largest we read is "
            f"{MAX_BYTES // 1024 // 1024} MB."
        )
    kind = detect_kind(data, filename)
    named = _EXTENSIONS.get(PurePath(filename or "").suffix.lower())
    if named in _READABLE and kind != named and not {named, kind} <= {"csv", "text"}:
        raise ImportRefused(
            f"This file is named as {KIND_NAMES[named]} but "
            f"is really {KIND_NAMES[kind]}; "
            "save it with the right name or upload the original."
        )
    if kind not in _READABLE:
        raise ImportRefused(
            f"This is {KIND_NAMES[kind]}, which cannot be read; "
            "upload a Word, PDF, Excel, CSV or text file."
        )
    blocks = _read_blocks(kind, data, named)
    result = interpret(blocks)
    logger.info(
        "Read %s: %d priorities, %d problems",
        kind,
        len(result.plan["priorities"]),
        len(result.problems),
    )
    return result


def detect_kind(data: bytes, filename: str = "") -> str:
    """What a file really is, from its first bytes (and, for text, its name)."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "EncryptionInfo".encode("utf-16-le") in data[
            :200_000
        ] or b"EncryptedPackage" in (data[:200_000].replace(b"\x00", b"")):
            raise ImportRefused(
                "This document is protected by a password; "
                "remove the password and upload it "
                "again."
            )
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "image"
    if _looks_binary(head):
        return "binary"
    suffix = PurePath(filename or "").suffix.lower()
    return "csv" if suffix in (".csv", ".tsv") else "text"


def _looks_binary(head: bytes) -> bool:
    """Whether the first bytes are not text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return control > len(head) * 0.05


def _zip_kind(data: bytes) -> str:
    """Which Office (or other) format a zip holds, after checking it is safe to open."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportRefused("The file is damaged and cannot be opened.") from error
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ImportRefused("The file holds too many parts to be a plan document.")
    unzipped = sum(info.file_size for info in infos)
    zipped = sum(info.compress_size for info in infos) or 1
    if unzipped > MAX_UNZIPPED_BYTES or (
        unzipped > 10_000_000 and unzipped / zipped > MAX_ZIP_RATIO
    ):
        raise ImportRefused(
            "The file expands to far more than a plan document could hold, "
            "so it was not opened."
        )
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(name.startswith("ppt/") for name in names):
        return "pptx"
    if "mimetype" in names:
        return "odf"
    return "zip"


def _read_blocks(kind: str, data: bytes, named: str | None) -> list[Block]:
    """Run the reader for a kind of file, turning "
    "library errors into a plain refusal."""
    reader = _reader(kind)
    try:
        return reader(data)
    except ImportRefused:
        raise
    except Exception as error:  # noqa: BLE001 - any library failure means a damaged file
        logger.info("Could not open %s: %s", kind, error)
        if (
            kind == "pdf"
            and "password" in repr(error).lower()
            or "encrypt" in repr(error).lower()
        ):
            raise ImportRefused(
                "This document is protected by a password; "
                "remove the password and upload it "
                "again."
            ) from error
        raise ImportRefused(
            f"This looks like {KIND_NAMES[kind]} but it is "
            f"damaged and cannot be opened."
        ) from error


def _reader(kind: str) -> Callable[[bytes], list[Block]]:
    """The function that turns a kind of file into blocks (imported when needed)."""
    if kind == "docx":
        from .docx_reader import read_docx_blocks

        return read_docx_blocks
    if kind == "xlsx":
        from .sheet_reader import read_xlsx_blocks

        return read_xlsx_blocks
    if kind == "pdf":
        from .pdf_reader import read_pdf_blocks

        return read_pdf_blocks
    if kind == "csv":
        from .sheet_reader import read_csv_blocks

        return read_csv_blocks
    from .sheet_reader import looks_like_csv, read_csv_blocks
    from .text_reader import decode_text, read_text_blocks

    def read_text(data: bytes) -> list[Block]:
        text = decode_text(data)
        return read_csv_blocks(data) if looks_like_csv(text) else read_text_blocks(text)

    return read_text
