"""Phone numbers and WhatsApp addresses: one number is one E.164 string (+2376XXXXXXXX), however it was written.

A WhatsApp user who hides their number behind a username is reached by a business-scoped user id (BSUID): two
letters of country, a dot, up to 128 letters and digits ("CM.13491208655302741918"; "CM.ENT.…" for a parent id
shared across businesses). It is kept and sent back exactly as received.
"""

import re

import phonenumbers

_BSUID = re.compile(r"[A-Za-z]{2}\.(?:ENT\.)?[0-9A-Za-z]{1,128}")
BSUID_MAX = 135  # the longest business-scoped user id: "CC.ENT." and 128 characters


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


def bsuid_of(raw: str | None) -> str | None:
    """Return the business-scoped user id in raw ('whatsapp:CM.1349…' -> 'CM.1349…'), or None when it is not one."""
    text = (raw or "").strip()
    if text[:9].lower() == "whatsapp:":
        text = text[9:].strip()
    return text if _BSUID.fullmatch(text) else None


def is_bsuid(address: str | None) -> bool:
    """True when the address is a business-scoped user id rather than a phone number."""
    return bsuid_of(address) is not None


def normalize_address(raw: str, region: str = "CM") -> str:
    """Return a WhatsApp address: a business-scoped user id as given, else the E.164 phone. Raises InvalidPhone."""
    return bsuid_of(raw) or normalize_phone(raw, region)


def is_cameroon_mobile(e164: str) -> bool:
    """True for +237 6XX XX XX XX (MTN and Orange alike: numbers are portable)."""
    return e164.startswith("+2376") and len(e164) == 13


def mask_phone(e164: str | None) -> str:
    """Return the number (or business-scoped user id) with its middle hidden, for logs: '+237699***456'."""
    if not e164:
        return ""
    if is_bsuid(e164):
        return e164[:5] + "***" + e164[-3:] if len(e164) > 10 else e164[:3] + "***"
    return e164[:7] + "***" + e164[-3:] if len(e164) > 10 else "***"


def display_phone(e164: str) -> str:
    """Return '+237 6 99 12 34 56' for a Cameroonian number, else the address as is (E.164, business-scoped id)."""
    if e164.startswith("+237") and len(e164) == 13:
        d = e164[4:]
        return f"+237 {d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:9]}"
    return e164
