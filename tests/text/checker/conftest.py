from __future__ import annotations

import pytest

from taizhang.text.checker import check_document
from taizhang.text.model import Document, Meta


def make_doc(text: str, **meta) -> Document:
    """A hand-built Document (no reader involved): the checker's own fallbacks do the work."""
    return Document(path="<test>", format="txt", source_text=text, clean_text=text, meta=Meta(**meta))


def run(text: str, family: str | None = None, **meta):
    return check_document(make_doc(text, **meta), [family] if family else None)


@pytest.fixture
def check():
    return run


@pytest.fixture(name="make_doc")
def make_doc_fixture():
    return make_doc
