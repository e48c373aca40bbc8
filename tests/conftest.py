"""Shared fixtures. Keep each section small; add yours below."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

# --- ingest: files made on the fly (PDF with fpdf2) -----------------------------------------


def _pdf_bytes(pages: list[list[str]], *, password: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    if password is not None:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        for line in lines:
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """``make_pdf("a.pdf", [["page 1 line", ...], [...]], password=None)`` -> path."""

    def make(name: str, pages: list[list[str]], *, password: str | None = None) -> Path:
        p = tmp_path / name
        p.write_bytes(_pdf_bytes(pages, password=password))
        return p

    return make


# --- (others: add fixtures below) -----------------------------------------------------------
