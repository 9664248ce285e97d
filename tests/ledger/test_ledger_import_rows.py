"""The fast row path gives exactly what the exact (shared-validation) path gives, or defers to it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from taizhang.errors import ImportRowError
from taizhang.ledger import aggregates
from taizhang.ledger.excel import quantity_headers
from taizhang.ledger.import_rows import BASE_HEADERS, SheetRows
from taizhang.taxonomy import load_taxonomy

NAMES = {"桃园村": [7], "石岭村": [8], "同名村": [9, 10], " 空格村": [11]}
ROWS = [
    ["桃园村", "理论宣讲", date(2025, 3, 4), "", "宣讲", "村部", "", "党员", "否", 120.0, ""],
    ["桃园村", "理论宣讲", date(2025, 3, 4), date(2025, 3, 6), "多日", "", "说明", "", "是", 2.5, ""],
    ["石岭村", "理论宣讲", date(2025, 3, 4), date(2025, 3, 4), "同日", "", "", "", True, 0.0, ""],
    ["石岭村", "theory_lecture", 45658.0, "", "  两边空格  ", " 地点 ", "", "", "", "", ""],
    ["石岭村", "理论宣讲", datetime(2025, 6, 1, 8, 0), "", 2025.0, "", "", "", 1.0, "7", ""],
    [" 桃园村", "理论宣讲", "2025-03-04", "", "要去空格的单位名", "", "", "", "否 ", 1e20, ""],
]
BAD = [
    (["同名村", "理论宣讲", date(2025, 3, 4), "", "t", "", "", "", "否", "", ""], "单位", "不唯一"),
    (["桃园村", "跳舞", date(2025, 3, 4), "", "t", "", "", "", "否", "", ""], "活动类型", "不是“宣讲”的活动类型"),
    (["桃园村", "理论宣讲", date(2024, 3, 4), "", "t", "", "", "", "否", "", ""], "开始日期", "不在2025年内"),
    (["桃园村", "理论宣讲", date(2025, 3, 4), date(2025, 3, 1), "t", "", "", "", "否", "", ""], "结束日期", "早于"),
    (["桃园村", "理论宣讲", date(2025, 3, 4), "", "   ", "", "", "", "否", "", ""], "标题", "不能为空"),
    (["桃园村", "理论宣讲", date(2025, 3, 4), "", "x" * 201, "", "", "", "否", "", ""], "标题", "200"),
    (["桃园村", "理论宣讲", date(2025, 3, 4), "", "t", "", "", "", "也许", "", ""], "亮点", "是"),
    (["桃园村", "理论宣讲", date(2025, 3, 4), "", "t", "", "", "", "否", -1.0, ""], "受众人次", "负数"),
    (["桃园村", "理论宣讲", date(2025, 3, 4), "", "t", "", "", "", "否", float("nan"), ""], "受众人次", "数字"),
    (["桃园村", "理论宣讲", date(2025, 3, 4), "", "t", "", "", "", "否", True, ""], "受众人次", "数字"),
]


def parser(postgres: bool) -> SheetRows:
    taxonomy = load_taxonomy()
    area = taxonomy.area("宣讲")
    headers = [*BASE_HEADERS, *quantity_headers(area)]
    assert headers[9] == "受众人次" and len(headers) == 11
    return SheetRows(taxonomy, area, "宣讲", headers, "示例县", NAMES, 2025, False, postgres=postgres,
                     tail=("甲", "时间", "甲", "时间"), deltas=aggregates.new_deltas())


@pytest.mark.parametrize("postgres", [False, True])
def test_fast_path_matches_exact_path(postgres):
    fast, exact = parser(postgres), parser(postgres)
    got = [fast.row(n, list(v)) for n, v in enumerate(ROWS, start=2)]
    want = [exact.exact(n, list(v)) for n, v in enumerate(ROWS, start=2)]
    assert got == want
    assert fast.deltas == exact.deltas
    first = got[0]
    assert first[:4] == ((7, "theory_lecture", date(2025, 3, 4), None) if postgres
                         else (7, "theory_lecture", "2025-03-04", None))
    assert first[7] == '{"audience":120}' and first[-4:] == ("甲", "时间", "甲", "时间")
    assert [r[3] for r in got[1:3]] == ([date(2025, 3, 6), None] if postgres else ["2025-03-06", None])
    assert got[3][4:6] == ("两边空格", "地点") and got[4][4] == "2025" and got[5][0] == 7


def test_blank_rows_are_skipped():
    rows = parser(False)
    assert rows.row(5, [""] * 11) is None
    assert rows.row(5, [""] * 11 + ["  "]) is None


@pytest.mark.parametrize(("values", "column", "words"), BAD)
def test_bad_cells_name_their_column(values, column, words):
    with pytest.raises(ImportRowError) as err:
        parser(False).row(9, values)
    assert (err.value.row, err.value.column) == (9, column)
    assert words in err.value.message
