"""A small Monetbil client: payment links (widget API v2.1), checkPayment, and notification signatures.

checkPayment is read the way Monetbil's own clients read it (monetbil-php `Monetbil::checkPayment`, the WooCommerce
and PrestaShop modules): `transaction.status` and `transaction.testmode` are all they rely on. Anything else in the
answer (amount, currency, payment_ref) is used when present and never required.
Without keys (settings.monetbil_enabled False) the in-app sandbox answers instead, from the database.
"""

import hashlib
import hmac
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

from core.config import settings

TIMEOUT = httpx.Timeout(15.0, connect=5.0)
# checkPayment's transaction.status -> (our status, test mode), after monetbil-php's STATUS_* constants: 1, 0, -1
# live; 7, 8, 9 the same outcomes in test mode. 0 is taken as failed: a later confirmed success still upgrades a
# failed payment, so reading a not-yet-final 0 as failed loses nothing.
CHECK_STATUSES = {"1": ("success", False), "0": ("failed", False), "-1": ("cancelled", False),
                  "7": ("success", True), "8": ("failed", True), "9": ("cancelled", True),
                  "success": ("success", False), "failed": ("failed", False), "cancelled": ("cancelled", False)}
TRUE_WORDS = ("1", "true", "yes", "on")


class MonetbilError(Exception):
    """Monetbil did not give a usable answer (network, HTTP error, or success false)."""


@dataclass(frozen=True)
class Check:
    """What checkPayment says of one transaction; status "unknown" when the answer says nothing usable.

    test is True for a test-mode transaction (status 7, 8 or 9, or testmode 1); amount, currency and payment_ref are
    None or "" when the answer does not give them, which the official minimal answer never does.
    """

    status: str
    test: bool = False
    amount: int | None = None
    currency: str = ""
    payment_ref: str = ""
    raw: dict = field(default_factory=dict)


def sign(params: dict[str, str], secret: str) -> str:
    """Return Monetbil's signature: md5 of the secret followed by the values ordered by key (sign excluded)."""
    joined = "".join(str(value) for key, value in sorted(params.items()) if key != "sign")
    return hashlib.md5((secret + joined).encode()).hexdigest()


def verify_signature(params: dict[str, str], secret: str) -> bool:
    """True when params carry a sign matching secret (constant-time comparison)."""
    given = params.get("sign") or ""
    if not given or not secret:
        return False
    return hmac.compare_digest(sign(params, secret).lower(), given.strip().lower())


def notification_secret() -> str:
    """Return the secret notifications are signed with: Monetbil's, or the sandbox's."""
    if settings.monetbil_enabled:
        return settings.monetbil_service_secret.get_secret_value()
    from core.payments.sandbox import sandbox_secret  # the sandbox imports this module

    return sandbox_secret()


def request_widget_url(fields: dict[str, str]) -> str:
    """Ask Monetbil's widget API for a payment URL; raise MonetbilError on anything but a success answer."""
    url = f"{settings.monetbil_api_base_url.rstrip('/')}/widget/v2.1/{settings.monetbil_service_key}"
    body = _post(url, fields)
    payment_url = body.get("payment_url") if isinstance(body, dict) else None
    if not (isinstance(body, dict) and body.get("success") is True and isinstance(payment_url, str)
            and payment_url.startswith(("https://", "http://"))):
        raise MonetbilError(f"widget answered without a payment url: {str(body)[:200]}")
    return payment_url


def check_payment(transaction_id: str) -> Check:
    """Ask checkPayment (or the sandbox) about a transaction; raise MonetbilError when it cannot be asked."""
    if not settings.monetbil_enabled:
        from core.payments.sandbox import check_answer  # the sandbox imports this module

        return parse_check(check_answer(transaction_id))
    url = f"{settings.monetbil_api_base_url.rstrip('/')}/payment/v1/checkPayment"
    return parse_check(_post(url, {"paymentId": transaction_id}))


def parse_check(body: Any) -> Check:
    """Read a checkPayment answer defensively: anything unexpected gives status "unknown"."""
    transaction = body.get("transaction") if isinstance(body, dict) else None
    if not isinstance(transaction, dict):
        return Check(status="unknown", raw=body if isinstance(body, dict) else {})
    status, test = CHECK_STATUSES.get(str(transaction.get("status", "")).strip().lower(), ("unknown", False))
    return Check(status=status, test=test or is_set(transaction.get("testmode")),
                 amount=parse_amount(transaction.get("amount")),
                 currency=str(transaction.get("currency") or "").strip().upper(),
                 payment_ref=str(transaction.get("payment_ref") or "").strip(), raw=body)


def is_set(flag: Any) -> bool:
    """True for a flag Monetbil sets: 1, "1", true, "true"; False for 0, "", None and anything else."""
    return str(flag).strip().lower() in TRUE_WORDS if flag is not None else False


def parse_amount(value: Any) -> int | None:
    """Return a whole XAF amount from 15000, "15000" or "15000.00"; None for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    if not number.is_finite() or number != number.to_integral_value():
        return None
    return int(number)


def _post(url: str, form: dict[str, str]) -> Any:
    try:
        response = httpx.post(url, data=form, timeout=TIMEOUT)
    except httpx.HTTPError as exc:
        raise MonetbilError(f"Monetbil unreachable: {type(exc).__name__}") from exc
    if response.status_code != 200:
        raise MonetbilError(f"Monetbil answered HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError as exc:
        raise MonetbilError("Monetbil answered something that is not JSON") from exc
