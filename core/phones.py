"""Phone numbers: one person is one E.164 number (+2376XXXXXXXX), however it was written."""

import phonenumbers


class InvalidPhone(ValueError):
    """The text is not a phone number we can reach."""


def normalize_phone(raw: str, region: str = "CM") -> str:
    """Return the E.164 form of raw ('whatsapp:+237 6 99 12 34 56' -> '+237699123456')."""
    text = (raw or "").strip()
    if text.lower().startswith("whatsapp:"):
        text = text[len("whatsapp:"):]
    digits = "".join(c for c in text if c.isdigit())
    if not text.startswith("+") and len(digits) == 12 and digits.startswith("237"):
        text = "+" + digits
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(f"not a phone number: {raw!r}") from exc
    if not phonenumbers.is_possible_number(number):
        raise InvalidPhone(f"not a possible phone number: {raw!r}")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if e164.startswith("+237") and len(e164) != 13:
        raise InvalidPhone(f"Cameroonian numbers have nine digits: {raw!r}")
    return e164


def is_cameroon_mobile(e164: str) -> bool:
    """True for +237 6XX XX XX XX (MTN and Orange alike: numbers are portable)."""
    return e164.startswith("+2376") and len(e164) == 13


def mask_phone(e164: str | None) -> str:
    """Return the number with its middle hidden, for logs: '+237699***456'."""
    if not e164:
        return ""
    return e164[:7] + "***" + e164[-3:] if len(e164) > 10 else "***"


def display_phone(e164: str) -> str:
    """Return '+237 6 99 12 34 56' for a Cameroonian number, else E.164 as is."""
    if e164.startswith("+237") and len(e164) == 13:
        d = e164[4:]
        return f"+237 {d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:9]}"
    return e164
