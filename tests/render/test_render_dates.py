from datetime import date

import pytest

from desktop.render.dates import format_date_id, month_name_id, roman_month


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 3, 3), "3 Maret 2026"),
        (date(2026, 1, 31), "31 Januari 2026"),
        (date(2025, 12, 1), "1 Desember 2025"),
        (date(2024, 8, 17), "17 Agustus 2024"),
    ],
)
def test_format_date_id(d: date, expected: str) -> None:
    assert format_date_id(d) == expected


def test_roman_month_covers_the_year() -> None:
    assert [roman_month(m) for m in range(1, 13)] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ]  # fmt: skip


@pytest.mark.parametrize("bad", [0, 13, -1])
def test_month_out_of_range_is_rejected(bad: int) -> None:
    with pytest.raises(ValueError):
        roman_month(bad)
    with pytest.raises(ValueError):
        month_name_id(bad)
