"""Money is whole XAF: integers only, shown the way people write it."""


def format_xaf(amount: int | None) -> str:
    """Return '15 000 FCFA' for 15000 (narrow no-break spaces keep the number on one line)."""
    from core.texts.formats import money  # Babel writes the digits (imported late: texts import money helpers)

    return money(amount)


def format_range(low: int, high: int) -> str:
    """Return '5 000 – 15 000 FCFA'."""
    return f"{format_xaf(low).removesuffix(' FCFA')} – {format_xaf(high)}"


def percent_of(amount: int, percent: int) -> int:
    """Return percent of amount in whole XAF, rounded half up (no floats)."""
    return (amount * percent + 50) // 100
