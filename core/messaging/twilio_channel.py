"""The Twilio WhatsApp channel: webhook signatures, the REST client, and what its errors mean."""

from functools import lru_cache

import requests
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator, get_signature_algorithm
from twilio.rest import Client

from core.config import settings

SEND_TIMEOUT_SECONDS = 10.0
# Twilio error codes that no retry can fix: the number, the opt-out or the 24-hour session is the problem.
PERMANENT_CODES = {
    "21211",  # invalid 'To' number
    "21408",  # region not enabled
    "21606",  # 'From' number cannot send
    "21610",  # recipient unsubscribed (STOP)
    "21612",  # cannot route to this number
    "21614",  # not a mobile number
    "21617",  # body too long
    "21656",  # invalid ContentVariables
    "63016",  # outside the 24-hour window without a template
    "63024",  # invalid message recipient
    "63032",  # user's WhatsApp version cannot receive the message
}
RETRY_STATUSES = {401, 403, 404, 408, 409, 429}  # credentials or account being fixed, throttling: worth retrying


class SendFailure(Exception):
    """A send that did not go through: permanent ones are never retried."""

    def __init__(self, code: str, reason: str, permanent: bool) -> None:
        super().__init__(reason)
        self.code, self.reason, self.permanent = code, reason, permanent


def webhook_enabled() -> bool:
    """True when an auth token is configured (without it the webhooks answer 503, never open)."""
    return bool(settings.twilio_auth_token.get_secret_value())


def signed_url(path: str, query: str) -> str:
    """Return the URL Twilio signed: PUBLIC_BASE_URL + path (the address Twilio called), whatever proxies say."""
    return settings.public_base_url + path + (f"?{query}" if query else "")


def signature_valid(url: str, params, signature: str | None, signature_settings: str | None = None) -> bool:
    """True when signature is Twilio's signature of url and the form params.

    A post carrying X-Twilio-Webhooks-Signature-Settings ("key=<id>,algorithm=HMAC_SHA256") was signed with a
    webhook SharedKey (the SDK's RequestValidator names the algorithm): accepted only with TWILIO_WEBHOOK_SIGNING_KEY.
    Without that header the account's auth token signed it with HMAC-SHA1.
    """
    if not signature:
        return False
    if signature_settings:
        key = settings.twilio_webhook_signing_key.get_secret_value()
        return bool(key) and RequestValidator(key).validate(url, params, signature,
                                                            get_signature_algorithm(signature_settings))
    return RequestValidator(settings.twilio_auth_token.get_secret_value()).validate(url, params, signature)


def is_our_sender(to: str) -> bool:
    """True when To is our WhatsApp sender ("whatsapp:" + TWILIO_WHATSAPP_NUMBER; any WhatsApp one when unset)."""
    if to[:9].lower() != "whatsapp:":
        return False  # an SMS or another channel posted to the same URL
    ours = settings.twilio_whatsapp_number
    return not ours or _digits(to) == _digits(ours)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def account_matches(account_sid: str | None) -> bool:
    """True when the posted AccountSid is ours (or when no account sid is configured to compare with)."""
    return not settings.twilio_account_sid or account_sid == settings.twilio_account_sid


def client() -> Client:
    """Return a Twilio client for the current settings, its API base URL pointed at TWILIO_API_BASE_URL."""
    return _client(settings.twilio_account_sid, settings.twilio_auth_token.get_secret_value(),
                   settings.twilio_api_base_url.rstrip("/"), SEND_TIMEOUT_SECONDS)


@lru_cache(maxsize=4)
def _client(account_sid: str, auth_token: str, base_url: str, timeout: float) -> Client:
    twilio = Client(account_sid, auth_token, http_client=TwilioHttpClient(timeout=timeout))
    # The Api domain builds every Messages URL from its base_url; replacing it is how tests reach the fake server.
    twilio.api.base_url = base_url
    return twilio


def send_whatsapp(*, to: str, body: str, content_sid: str = "", content_variables: str = "") -> tuple[str, str]:
    """Send one WhatsApp message; return (message sid, status). Raises SendFailure."""
    kwargs: dict = {"from_": "whatsapp:" + settings.twilio_whatsapp_number, "to": "whatsapp:" + to}
    if content_sid:
        kwargs |= {"content_sid": content_sid, "content_variables": content_variables}
    else:
        kwargs["body"] = body
    if settings.public_base_url:
        kwargs["status_callback"] = settings.public_base_url + "/webhook/whatsapp/status"
    try:
        message = client().messages.create(**kwargs)
    except TwilioRestException as exc:
        code = str(exc.code or exc.status)
        permanent = code in PERMANENT_CODES or (400 <= exc.status < 500 and exc.status not in RETRY_STATUSES)
        raise SendFailure(code[:12], f"Twilio {exc.status}: {exc.msg}"[:500], permanent) from exc
    except requests.Timeout as exc:
        raise SendFailure("timeout", f"no answer from Twilio within {SEND_TIMEOUT_SECONDS:g} s", False) from exc
    except requests.RequestException as exc:
        raise SendFailure("network", f"Twilio unreachable: {type(exc).__name__}", False) from exc
    return message.sid, message.status or "queued"
