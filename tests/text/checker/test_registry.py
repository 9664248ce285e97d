from taizhang.text.checker import FAMILIES, RULES, check_document, rule
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import cap


def test_every_family_has_a_rule_and_every_rule_names_its_source():
    assert {r.family for r in RULES.values()} == set(FAMILIES)
    assert all(r.source and r.authority for r in RULES.values())


def test_registering_twice_or_an_unknown_family_fails():
    import pytest

    with pytest.raises(ValueError):
        rule(family="nonsense", name="x", source="s")
    with pytest.raises(ValueError):
        rule(family="placeholder", name="unfilled", source="s")(lambda ctx: [])


def test_severity_ceiling_caps_conditional_rules(make_doc):
    assert cap("error", "warning") == "warning" and cap("info", "warning") == "info"
    # template_residue is conditional: whatever it emits is at most a warning
    assert RULES["template_residue/foreign_vocabulary"].max_severity == "warning"
    found = check_document(make_doc("2023年青山镇工作总结\n加快企业复工复产步伐。"), ["template_residue"])
    assert found and all(f.severity != "error" for f in found)


def test_findings_carry_offsets_into_source_text(make_doc):
    text = "标题\n召开会议XX次。"
    (f,) = check_document(make_doc(text), ["placeholder"])
    assert isinstance(f, Finding) and text[f.start : f.end] == f.excerpt == "XX"
