from __future__ import annotations

from dataclasses import replace

import pytest

from taizhang.text.checker import check_document
from taizhang.text.checker.loading import read_text_document
from taizhang.text.model import Document


def make_doc(text: str, **meta) -> Document:
    """The Document the checker sees for `text`: read by the reader (with the checker's noise
    patterns); `meta` overrides fields of the reader's Meta."""
    doc = read_text_document(text, "<test>")
    if meta:
        doc.meta = replace(doc.meta, **meta)
    return doc


def run(text: str, family: str | None = None, **meta):
    return check_document(make_doc(text, **meta), [family] if family else None)


@pytest.fixture
def check():
    return run


@pytest.fixture(name="make_doc")
def make_doc_fixture():
    return make_doc
