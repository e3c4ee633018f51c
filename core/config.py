"""One typed Settings object: the only place that reads the environment."""

import ipaddress
import secrets
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.files import private_dir, write_once

PLACEHOLDERS = {"", "changeme", "change-me", "secret", "password", "xxx", "todo", "your-key-here"}


class Settings(BaseSettings):
    """Djobea's configuration, read from the environment (and a `.env` file when present)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    environment: Literal["development", "test", "production"] = Field("development", alias="DJOBEA_ENV")
    data_dir: Path = Field(Path("data"), alias="DJOBEA_DATA_DIR")
    database_url: str = Field("", alias="DATABASE_URL")
    host: str = Field("127.0.0.1", alias="HOST")
    port: int = Field(8080, alias="PORT", ge=1, le=65535)
    public_base_url: str = Field("", alias="PUBLIC_BASE_URL")
    storage_secret: SecretStr = Field(SecretStr(""), alias="STORAGE_SECRET")
    demo_data: bool | None = Field(None, alias="DJOBEA_DEMO_DATA")
    admin_email: str = Field("admin@djobea.local", alias="DJOBEA_ADMIN_EMAIL")
    admin_password: SecretStr = Field(SecretStr(""), alias="DJOBEA_ADMIN_PASSWORD")
    log_level: str = Field("INFO", alias="LOG_LEVEL")
    scheduler_enabled: bool = Field(True, alias="DJOBEA_SCHEDULER")
    # Off when `djobea worker` processes messages: the web process then only stores and answers webhooks.
    inline_processing: bool = Field(True, alias="DJOBEA_INLINE_PROCESSING")

    # Twilio (WhatsApp). Without an auth token the webhook is off and messages go to the simulator.
    twilio_account_sid: str = Field("", alias="TWILIO_ACCOUNT_SID")
    twilio_auth_token: SecretStr = Field(SecretStr(""), alias="TWILIO_AUTH_TOKEN")
    twilio_whatsapp_number: str = Field("", alias="TWILIO_WHATSAPP_NUMBER")
    twilio_api_base_url: str = Field("https://api.twilio.com", alias="TWILIO_API_BASE_URL")
    # The secret of a Twilio webhook SharedKey: posts carrying X-Twilio-Webhooks-Signature-Settings are checked with it.
    twilio_webhook_signing_key: SecretStr = Field(SecretStr(""), alias="TWILIO_WEBHOOK_SIGNING_KEY")
    twilio_content_sid_offer: str = Field("", alias="TWILIO_CONTENT_SID_OFFER")
    twilio_content_sid_update: str = Field("", alias="TWILIO_CONTENT_SID_UPDATE")
    inbound_rate_per_minute: int = Field(20, alias="INBOUND_RATE_PER_MINUTE", ge=1)
    # The web chat, per client address (many customers may share one carrier address: raise these if so).
    web_chat_messages_per_ip_per_minute: int = Field(30, alias="WEB_CHAT_MESSAGES_PER_IP_PER_MINUTE", ge=1)
    web_requests_per_ip_per_hour: int = Field(10, alias="WEB_REQUESTS_PER_IP_PER_HOUR", ge=1)

    # Language models. A key switches a provider on; base URLs let tests point the SDKs at local fakes.
    llm_mode: Literal["local", "hybrid", "llm"] | None = Field(None, alias="LLM_MODE")
    llm_confidence_threshold: float = Field(0.6, alias="LLM_CONFIDENCE_THRESHOLD", ge=0, le=1)
    # One deadline for every model call of a customer's turn (understanding, rephrasing, fallbacks, retries);
    # past it the local result is sent. LLM_TIMEOUT_SECONDS caps a single call within it.
    llm_turn_deadline_seconds: float = Field(2.5, alias="LLM_TURN_DEADLINE_SECONDS", gt=0, le=60)
    llm_timeout_seconds: float = Field(6.0, alias="LLM_TIMEOUT_SECONDS", gt=0)
    anthropic_api_key: SecretStr = Field(SecretStr(""), alias="ANTHROPIC_API_KEY")
    anthropic_base_url: str = Field("", alias="ANTHROPIC_BASE_URL")
    # Defaults: the fastest current model of each provider (Dec 2026, ids the installed SDKs list), priced in
    # core/llm/pricing.py; an answer must come within the turn's deadline, so speed beats depth here.
    anthropic_model: str = Field("claude-haiku-5-5", alias="ANTHROPIC_MODEL")
    gemini_api_key: SecretStr = Field(SecretStr(""), alias="GEMINI_API_KEY")
    gemini_base_url: str = Field("", alias="GEMINI_BASE_URL")
    gemini_model: str = Field("gemini-3.5-flash-lite", alias="GEMINI_MODEL")
    openai_api_key: SecretStr = Field(SecretStr(""), alias="OPENAI_API_KEY")
    openai_base_url: str = Field("", alias="OPENAI_BASE_URL")
    openai_model: str = Field("gpt-6-luna", alias="OPENAI_MODEL")
    openai_transcribe_model: str = Field("gpt-transcribe", alias="OPENAI_TRANSCRIBE_MODEL")

    # Monetbil (mobile money). Without keys a sandbox payment page plays its part.
    monetbil_service_key: str = Field("", alias="MONETBIL_SERVICE_KEY")
    monetbil_service_secret: SecretStr = Field(SecretStr(""), alias="MONETBIL_SERVICE_SECRET")
    monetbil_api_base_url: str = Field("https://api.monetbil.com", alias="MONETBIL_API_BASE_URL")
    # On only while the service key is in Monetbil's test mode: test payments (status 7, testmode 1) then count.
    monetbil_test_mode: bool = Field(False, alias="MONETBIL_TEST_MODE")
    commission_percent: int = Field(15, alias="COMMISSION_PERCENT", ge=0, le=100)

    # Matching: business rules; admins may override them at run time.
    offer_batch_size: int = Field(3, alias="OFFER_BATCH_SIZE", ge=1)
    offer_deadline_minutes: int = Field(10, alias="OFFER_DEADLINE_MINUTES", ge=1)
    urgent_offer_deadline_minutes: int = Field(5, alias="URGENT_OFFER_DEADLINE_MINUTES", ge=1)
    offer_rounds: int = Field(3, alias="OFFER_ROUNDS", ge=1)
    match_radius_km: float = Field(5.0, alias="MATCH_RADIUS_KM", gt=0)
    match_wide_radius_km: float = Field(12.0, alias="MATCH_WIDE_RADIUS_KM", gt=0)
    # How long the provider a returning customer asked for has the job to themselves before the normal round.
    preferred_provider_minutes: int = Field(5, alias="PREFERRED_PROVIDER_MINUTES", ge=1)

    # Security. Behind a reverse proxy, its address goes in TRUSTED_PROXIES, or every visitor looks like the proxy.
    trusted_proxies: str = Field("", alias="TRUSTED_PROXIES")
    forwarded_header: Literal["x-forwarded-for", "forwarded"] = Field("x-forwarded-for", alias="FORWARDED_HEADER")
    staff_idle_minutes: int = Field(60, alias="STAFF_IDLE_MINUTES", ge=1)
    chat_frame_ancestors: str = Field("", alias="CHAT_FRAME_ANCESTORS")
    max_request_bytes: int = Field(1_000_000, alias="MAX_REQUEST_BYTES", ge=16_384)

    # Running as a fleet. With REDIS_URL, NiceGUI's server-side storage is shared by every web process.
    redis_url: str = Field("", alias="REDIS_URL")
    # Bearer token for GET /metrics; without one /metrics answers only on a loopback peer (see core/fleet/guard.py).
    metrics_token: SecretStr = Field(SecretStr(""), alias="METRICS_TOKEN")
    # `djobea worker` serves /health, /ready and /metrics on this port (0: off); bound to WORKER_PROBE_HOST.
    worker_probe_port: int = Field(0, alias="WORKER_PROBE_PORT", ge=0, le=65535)
    worker_probe_host: str = Field("127.0.0.1", alias="WORKER_PROBE_HOST")
    # After SIGTERM, how long turns already taken may run before the rest is left for another process.
    shutdown_grace_seconds: float = Field(10.0, alias="SHUTDOWN_GRACE_SECONDS", gt=0, le=600)

    @field_validator("public_base_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies_are_networks(cls, value: str) -> str:
        for item in value.replace(",", " ").split():
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError as exc:
                raise ValueError(f"TRUSTED_PROXIES: {item!r} is not an address or network (e.g. 10.0.0.0/8)") from exc
        return value

    @field_validator("forwarded_header", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("chat_frame_ancestors")
    @classmethod
    def _origins(cls, value: str) -> str:
        for origin in value.replace(",", " ").split():
            if not origin.startswith(("https://", "http://")) or any(c in origin for c in ";'\"\\"):
                raise ValueError(f"CHAT_FRAME_ANCESTORS: {origin!r} is not an origin such as https://example.cm")
        return value

    @model_validator(mode="after")
    def _public_address_for_twilio(self) -> "Settings":
        if self.twilio_auth_token.get_secret_value() and not self.public_base_url:
            raise ValueError("PUBLIC_BASE_URL must be set when TWILIO_AUTH_TOKEN is: Twilio signs the public address "
                             "it calls, and webhook signatures are checked against it, never against proxy headers")
        return self

    @model_validator(mode="after")
    def _refuse_placeholders(self) -> "Settings":
        if self.environment != "production":
            return self
        problems = []
        if self.storage_secret.get_secret_value().strip().lower() in PLACEHOLDERS:
            problems.append("STORAGE_SECRET must be set to a long random value")
        if not self.public_base_url:
            problems.append("PUBLIC_BASE_URL must be set (the address Twilio and Monetbil call back)")
        for name in ("twilio_auth_token", "twilio_webhook_signing_key", "anthropic_api_key", "gemini_api_key",
                     "openai_api_key", "monetbil_service_secret", "admin_password", "metrics_token"):
            value: SecretStr = getattr(self, name)
            raw = value.get_secret_value()
            if raw and raw.strip().lower() in PLACEHOLDERS:
                problems.append(f"{name.upper()} holds a placeholder value")
        if problems:
            raise ValueError("unsafe production settings: " + "; ".join(problems))
        return self

    @cached_property
    def resolved_database_url(self) -> str:
        """Return DATABASE_URL, or the embedded SQLite file in the data dir."""
        if self.database_url:
            url = self.database_url
            if url.startswith("postgres://"):
                url = "postgresql://" + url.removeprefix("postgres://")
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
            return url
        return f"sqlite:///{(self.data_dir / 'djobea.db').as_posix()}"

    @property
    def is_embedded_default(self) -> bool:
        """True when running on the embedded SQLite default rather than a given DATABASE_URL."""
        return not self.database_url

    @property
    def seed_demo(self) -> bool:
        """Seed demo providers: on by default for the embedded SQLite, off for a given DATABASE_URL."""
        return self.is_embedded_default if self.demo_data is None else self.demo_data

    @property
    def effective_llm_mode(self) -> str:
        """LLM_MODE, defaulting to hybrid when a key is set and local otherwise."""
        if self.llm_mode:
            return self.llm_mode
        return "hybrid" if self.llm_keys_configured else "local"

    @property
    def llm_keys_configured(self) -> bool:
        """True when at least one LLM provider has a key."""
        keys = (self.anthropic_api_key, self.gemini_api_key, self.openai_api_key)
        return any(k.get_secret_value() for k in keys)

    @property
    def twilio_enabled(self) -> bool:
        """True when Twilio is configured well enough to receive and send."""
        return bool(self.twilio_auth_token.get_secret_value() and self.twilio_account_sid)

    @property
    def monetbil_enabled(self) -> bool:
        """True when Monetbil keys are set; otherwise the sandbox payment page is used."""
        return bool(self.monetbil_service_key and self.monetbil_service_secret.get_secret_value())

    def storage_secret_value(self) -> str:
        """Return STORAGE_SECRET, generating one and keeping it in the data dir when unset."""
        given = self.storage_secret.get_secret_value()
        if given:
            return given
        path = self.data_dir / "storage_secret"
        if path.exists():
            return path.read_text().strip()
        private_dir(self.data_dir)
        value = secrets.token_urlsafe(32)
        if not write_once(path, value):  # another process wrote it first
            return path.read_text().strip()
        return value

    @property
    def served_over_https(self) -> bool:
        """True when the public address is https (cookies are then Secure, and HSTS is sent)."""
        return self.public_base_url.lower().startswith("https://")

    def base_url(self) -> str:
        """Return the public base URL, or the local address when none is configured."""
        return self.public_base_url or f"http://{self.host}:{self.port}"


def _load() -> Settings:
    """Return the settings from the environment; stop at start with the problems in one line when they are wrong."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        raise SystemExit(f"djobea cannot start: {problems}") from None


settings = _load()


def reload_settings(**overrides: Any) -> Settings:
    """Rebuild the global settings in place (tests and the CLI use this)."""
    fresh = Settings(**overrides)
    settings.__dict__.clear()
    settings.__dict__.update(fresh.__dict__)
    return settings
