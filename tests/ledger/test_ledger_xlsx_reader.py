"""The lxml .xlsx reader on real files written by openpyxl (shared strings, numbers, dates, gaps)."""

from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904, from_excel

from taizhang.ledger.xlsx_reader import XlsxBook


def _write(path, epoch1904=False):
    wb = Workbook()
    ws = wb.active
    ws.title = "理论宣讲"
    if epoch1904:
        wb.epoch = CALENDAR_MAC_1904
    ws.append(["单位", "数量", "是否"])
    ws.append(["城关镇", 3, True])
    ws.append([date(2025, 3, 18), 2.5, None, "尾"])
    ws["B5"] = "跳行"
    wb.create_sheet("填表说明")
    wb.save(path)


def test_values_dates_and_gaps(tmp_path):
    path = tmp_path / "a.xlsx"
    _write(path)
    book = XlsxBook(path)
    assert book.sheetnames == ["理论宣讲", "填表说明"]
    assert not book.date1904
    rows = list(book.rows("理论宣讲"))
    book.close()
    assert rows[0] == (1, ["单位", "数量", "是否"])
    assert rows[1] == (2, ["城关镇", 3, True])
    number, values = rows[2]
    assert number == 3 and values[1:] == [2.5, None, "尾"]
    assert from_excel(values[0]) == datetime(2025, 3, 18)
    assert rows[3] == (5, [None, "跳行"])


def test_1904_date_system(tmp_path):
    path = tmp_path / "b.xlsx"
    _write(path, epoch1904=True)
    book = XlsxBook(path)
    assert book.date1904
    serial = list(book.rows("理论宣讲"))[2][1][0]
    book.close()
    assert from_excel(serial, CALENDAR_MAC_1904) == datetime(2025, 3, 18)
