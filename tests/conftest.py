"""Shared test fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
NAKANO = CORPUS / "nakano-dx"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def nakano() -> Path:
    """The nakano-dx corpus (素案/案 DOCX+PDF, comments, expected tables)."""
    if not (NAKANO / "soan.docx").exists():
        pytest.skip("../shared/corpus/nakano-dx is not available")
    return NAKANO


@pytest.fixture
def real_corpus() -> Path:
    if not (CORPUS / "real").exists():
        pytest.skip("../shared/corpus/real is not available")
    return CORPUS / "real"
