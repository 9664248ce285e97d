"""单位 services: tree building, subtree queries and clear errors."""

from __future__ import annotations

import pytest

from taizhang.errors import NotFound, ValidationError


def test_subtree_in_tree_order(county):
    names = [u.name for u in county.units("示例县")]
    assert names == ["示例县", "青山镇", "桃园村", "李庄村", "白水乡", "石岭村"]
    assert [u.name for u in county.units("青山镇")] == ["青山镇", "桃园村", "李庄村"]
    assert county.unit("桃园村").depth == 2
    assert [u.name for u in county.children("示例县")] == ["青山镇", "白水乡"]


def test_all_trees_listed(county):
    assert {u.name for u in county.units()} >= {"示例县", "外县", "石岭村"}


@pytest.mark.parametrize(
    ("name", "level", "parent", "field", "words"),
    [
        ("", "村社区", "青山镇", "name", "不能为空"),
        ("新村", "星球", "青山镇", "level", "层级"),
        ("桃园村", "村社区", "青山镇", "name", "已有"),
    ],
)
def test_bad_unit_input(county, name, level, parent, field, words):
    before = len(county.units())
    with pytest.raises(ValidationError) as err:
        county.add_unit(name, level, parent)
    assert err.value.field == field and words in err.value.message
    assert len(county.units()) == before


def test_unknown_parent(county):
    with pytest.raises(NotFound, match="不存在"):
        county.add_unit("新村", "村社区", "不存在镇")


def test_same_name_under_other_parent_is_allowed_but_lookup_by_name_is_ambiguous(county):
    county.add_unit("桃园村", "村社区", "白水乡")
    with pytest.raises(ValidationError, match="不唯一"):
        county.unit("桃园村")


def test_delete_unit_rules(county):
    with pytest.raises(ValidationError, match="下级单位"):
        county.delete_unit("青山镇")
    county.delete_unit("石岭村")
    assert [u.name for u in county.units("白水乡")] == ["白水乡"]
    assert county.history("unit", limit=1)[0].action == "delete"
