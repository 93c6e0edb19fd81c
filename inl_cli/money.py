"""Amounts of dollars: a type that says a number is money, and the way people read it ($1.2M, -$40K)."""
from __future__ import annotations


class Dollars(int):
    """Whole dollars in a view's row: people read it `short` ($1.2M), machines as the exact number."""

    __slots__ = ()


_UNITS = ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "K"))


def short(amount: int) -> str:
    """`amount` whole dollars in at most three or four digits and a unit: $950, $1.5K, $850K, $12.3M, $1.2B.

    One decimal under 100 of a unit, none from 100 up; a value that rounds up to the next unit reads in
    it ($999,960 is $1M, not $1000K). Negative amounts (de-obligations) read -$40K.
    """
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    if value < 1000:
        return f"{sign}${value}"
    if value >= 10**27:  # no real amount: no float (which would overflow) and no 4,300-digit string
        return f"{sign}$1e27+"
    if value >= 999_500 * 10**9:  # a thousand trillion and up: whole trillions, exact
        return f"{sign}${(value + 5 * 10**11) // 10**12:,}T"
    for index, (size, unit) in enumerate(_UNITS):
        if value >= size or index == len(_UNITS) - 1:
            scaled = value / size
            text = f"{scaled:.1f}" if scaled < 99.95 else f"{scaled:.0f}"
            if float(text) >= 1000 and index > 0:  # 999,960 would read 1000K
                bigger, bigger_unit = _UNITS[index - 1]
                text, unit = f"{value / bigger:.1f}", bigger_unit
            return f"{sign}${text.removesuffix('.0')}{unit}"
    raise AssertionError("unreachable")
