"""The calamine-based .xlsx reader on real files written by openpyxl (numbers, dates, gaps, 1904 dates)."""

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
    ws["A6"] = 45734  # a date typed without a date format stays a serial number
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
    assert rows[0] == (1, ["单位", "数量", "是否", ""])
    assert rows[1] == (2, ["城关镇", 3.0, True, ""])
    assert rows[2] == (3, [date(2025, 3, 18), 2.5, "", "尾"])
    assert rows[3] == (4, ["", "", "", ""])  # empty rows keep their place: row numbers stay true
    assert rows[4] == (5, ["", "跳行", "", ""])
    number, values = rows[5]
    assert number == 6 and from_excel(values[0]) == datetime(2025, 3, 18)


def test_rows_start_at_column_a_when_it_is_empty(tmp_path):
    path = tmp_path / "c.xlsx"
    wb = Workbook()
    wb.active["C2"] = "右"
    wb.save(path)
    book = XlsxBook(path)
    assert list(book.rows(book.sheetnames[0])) == [(1, ["", "", ""]), (2, ["", "", "右"])]
    book.close()


def test_1904_date_system(tmp_path):
    path = tmp_path / "b.xlsx"
    _write(path, epoch1904=True)
    book = XlsxBook(path)
    assert book.date1904
    rows = list(book.rows("理论宣讲"))
    book.close()
    assert rows[2][1][0] == date(2025, 3, 18)  # formatted dates are converted in the right system
    assert rows[5][1][0] == 45734  # unformatted: the raw serial, which the importer reads in the 1904 system
    assert from_excel(45734, CALENDAR_MAC_1904) == datetime(2029, 3, 19)
