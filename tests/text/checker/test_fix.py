from __future__ import annotations

from taizhang.text.checker import check_document
from taizhang.text.checker.fix import apply_text, plan


def test_only_mechanical_fixes_are_applied(make_doc):
    text = "2023年XX镇工作总结\n##paidbegin##\n截止目前,深人开展开展宣讲XX场次。\n"
    fixed = apply_text(text, plan(check_document(make_doc(text))))
    assert fixed == "2023年XX镇工作总结\n截至目前，深入开展宣讲XX场次。\n"


def test_overlapping_fixes_apply_once(make_doc):
    text = "标题\n开展开展,工作。"
    changes = plan(check_document(make_doc(text)))
    assert [c.before for c in changes] == ["开展开展", ","]
    assert apply_text(text, changes) == "标题\n开展，工作。"
