"""taizhang (台账): ledgers, checks and annual reports for grassroots publicity work."""

__version__ = "0.1.0"
