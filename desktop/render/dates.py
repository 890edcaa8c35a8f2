"""Indonesian date words used on letters and in numbering patterns."""

from __future__ import annotations

from datetime import date

from sync.vocabulary import INDONESIAN_MONTHS

MONTHS_ID = INDONESIAN_MONTHS  # shared with the server's verification page

_ROMAN: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
)  # fmt: skip


def month_name_id(month: int) -> str:
    """Return the Indonesian name of ``month`` (1-12), e.g. 3 -> "Maret".

    Raises ValueError for a month outside 1-12.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, got {month}")
    return MONTHS_ID[month - 1]


def format_date_id(d: date) -> str:
    """Format ``d`` the way letters write it: day without padding, Indonesian month, year.

    >>> format_date_id(date(2026, 3, 3))
    '3 Maret 2026'
    """
    return f"{d.day} {month_name_id(d.month)} {d.year}"


def roman_month(m: int) -> str:
    """Return month ``m`` (1-12) as an upper-case Roman numeral, e.g. 3 -> "III".

    Raises ValueError for a month outside 1-12.
    """
    if not 1 <= m <= 12:
        raise ValueError(f"month must be 1-12, got {m}")
    return _ROMAN[m - 1]
