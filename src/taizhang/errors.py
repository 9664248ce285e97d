"""One error hierarchy for the whole system.

Every error carries a Chinese message meant for the user and the HTTP status the
web layer answers with, so the CLI, the web app and the API report errors the
same way through one handler (the datasette pattern).
"""

from __future__ import annotations


class TaizhangError(Exception):
    """Base error: `message` is shown to the user as is (Chinese)."""

    status: int = 400

    def __init__(self, message: str, *, field: str | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if status is not None:
            self.status = status

    def __reduce__(self):
        # Subclasses take keyword-only arguments, which Exception's pickling (the class called
        # with `args`) drops or refuses; rebuild from the state instead. Errors cross processes
        # (the import's reading process, `taizhang read -j`).
        return _restore, (type(self), self.args, self.__dict__)

    def to_dict(self) -> dict:
        data = {"error": type(self).__name__, "message": self.message}
        if self.field:
            data["field"] = self.field
        return data


def _restore(cls: type[TaizhangError], args: tuple, state: dict) -> TaizhangError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ValidationError(TaizhangError):
    """Input that breaks a rule; `field` names the offending field."""

    status = 422


class ImportRowError(ValidationError):
    """A spreadsheet import failed at one cell: names sheet, row and column."""

    def __init__(self, message: str, *, sheet: str, row: int, column: str | None = None):
        where = f"工作表“{sheet}”第{row}行" + (f"“{column}”列" if column else "")
        super().__init__(f"{where}：{message}", field=column)
        self.sheet = sheet
        self.row = row
        self.column = column

    def to_dict(self) -> dict:
        data = super().to_dict()
        data.update(sheet=self.sheet, row=self.row, column=self.column)
        return data


class NotFound(TaizhangError):
    status = 404


class PermissionDenied(TaizhangError):
    status = 403


class ReaderError(TaizhangError):
    """A document could not be read; the message names the file and the reason."""

    status = 422

    def __init__(self, path: str, reason: str):
        super().__init__(f"无法读取文件“{path}”：{reason}")
        self.path = path
        self.reason = reason

    def to_dict(self) -> dict:
        data = super().to_dict()
        data.update(path=self.path, reason=self.reason)
        return data
