"""Turn a model's text into a checked object: find the JSON, repair what is safe, validate, normalise."""

import json
import re
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from core.catalog import fold, outside_names, place_names, quartier, services
from core.clock import DOUALA
from core.llm.provider import RejectedAnswer, Usage
from core.logs import log
from core.nlu.schema import Analysis, Intent, Urgency

_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.S)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_PY_LITERALS = {"True": "true", "False": "false", "None": "null"}
_LANGUAGES = {"fr": "fr", "french": "fr", "francais": "fr", "camfranglais": "fr", "en": "en", "english": "en",
              "pidgin": "en", "pcm": "en", "pidgin english": "en"}


def structured_json(text: str, usage: Usage | None = None) -> dict[str, Any]:
    """Return the JSON object of a structured-output answer; the hand-written repair only when it does not parse."""
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if isinstance(value, dict):
        return value
    log.info("model answer needed the json repair", size=len(text))
    return extract_json(text, usage)


def extract_json(text: str, usage: Usage | None = None) -> dict[str, Any]:
    """Return the first JSON object in a model's text (fences, prose, trailing commas, single quotes tolerated)."""
    fenced = _FENCE.search(text)
    candidate = _first_object(fenced.group(1) if fenced else text) or _first_object(text)
    if candidate is None:
        raise RejectedAnswer("no JSON object in the answer", usage)
    for attempt in (candidate, _repaired(candidate)):
        try:
            value = json.loads(attempt)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    raise RejectedAnswer("malformed JSON in the answer", usage)


def _first_object(text: str) -> str | None:
    """Return the first balanced {...} of text, minding quoted strings; None when there is none."""
    start = text.find("{")
    while start != -1:
        depth, quote, escaped = 0, "", False
        for i in range(start, len(text)):
            ch = text[i]
            if quote:
                if escaped:
                    escaped = False
                elif ch == "\\":
                    escaped = True
                elif ch == quote:
                    quote = ""
                continue
            if ch in "\"'":
                quote = ch
            elif ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    return text[start:i + 1]
        start = text.find("{", start + 1)
    return None


def _repaired(candidate: str) -> str:
    """Fix the slips models make: trailing commas, Python literals, and single quotes when no double quote exists."""
    fixed = _TRAILING_COMMA.sub(r"\1", candidate)
    fixed = re.sub(r"\b(True|False|None)\b", lambda m: _PY_LITERALS[m.group(1)], fixed)
    if '"' not in fixed:  # only then is swapping quotes unambiguous
        fixed = fixed.replace("'", '"')
    return fixed


class _LlmAnalysis(BaseModel):
    """What a model must answer for a message; intent and confidence are required, the rest may be null."""

    model_config = ConfigDict(extra="ignore")

    intent: Intent
    confidence: float = Field(ge=0.0, le=1.0)
    service_type: str | None = None
    location: str | None = None
    urgency: Urgency = "normal"
    when: datetime | None = None
    language: str | None = None
    description: str = ""
    outside_area: str | None = None
    is_correction: bool = False
    rating: int | None = Field(default=None, ge=1, le=5)

    @field_validator("urgency", mode="before")
    @classmethod
    def _urgency_default(cls, value: Any) -> Any:
        return "normal" if value is None else value

    @field_validator("description", mode="before")
    @classmethod
    def _description_text(cls, value: Any) -> Any:
        return "" if value is None else value

    @field_validator("when", mode="before")
    @classmethod
    def _when_or_none(cls, value: Any) -> Any:
        # A time the model wrote in its own words ("demain 10h") is dropped, not the whole analysis.
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError:
                return None
        return value if isinstance(value, datetime) else None

    @field_validator("is_correction", mode="before")
    @classmethod
    def _correction_default(cls, value: Any) -> Any:
        return False if value is None else value


def analysis_from(raw: dict[str, Any], *, source: str, fallback_language: str = "fr",
                  usage: Usage | None = None) -> Analysis:
    """Return a checked Analysis from a model's JSON, with catalogue codes and canonical quartiers."""
    try:
        checked = _LlmAnalysis.model_validate(raw)
    except ValidationError as exc:
        fields = ", ".join(str(e["loc"][0]) for e in exc.errors() if e["loc"])
        raise RejectedAnswer(f"invalid analysis fields: {fields or 'object'}", usage) from None
    location = canonical_quartier(checked.location)
    outside = canonical_outside(checked.outside_area) or (
        canonical_outside(checked.location) if checked.location and not location else None)
    language = _LANGUAGES.get(fold(checked.language or ""), fallback_language)
    return Analysis(
        intent=checked.intent, service_type=service_code(checked.service_type), location=location,
        urgency=checked.urgency, when=_as_utc(checked.when), language=language,
        confidence=checked.confidence, description=checked.description.strip()[:500], outside_area=outside,
        is_correction=checked.is_correction, rating=checked.rating, source=source,
    )


class _ImageReport(BaseModel):
    model_config = ConfigDict(extra="ignore")

    service_type: str | None = None
    severity: Literal["low", "medium", "high"]
    description: str = Field(min_length=1)


def image_report_from(raw: dict[str, Any], usage: Usage | None = None) -> dict[str, Any]:
    """Return {"service_type", "severity", "description"} checked from a model's JSON about a photo."""
    if isinstance(raw.get("severity"), str):
        raw = {**raw, "severity": raw["severity"].strip().lower()}
    try:
        report = _ImageReport.model_validate(raw)
    except ValidationError:
        raise RejectedAnswer("invalid image description", usage) from None
    return {"service_type": service_code(report.service_type), "severity": report.severity,
            "description": report.description.strip()[:500]}


def text_field(raw: dict[str, Any], key: str, usage: Usage | None = None) -> str:
    """Return a non-empty string field of a model's JSON, or reject the answer."""
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RejectedAnswer(f"missing {key!r} in the answer", usage)
    return value.strip()


def service_code(value: str | None) -> str | None:
    """Return the catalogue code a model meant ("plomberie", "Plumbing", "plumbing"), or None."""
    if not value:
        return None
    wanted = fold(value).replace("-", "_").replace(" ", "_")
    for item in services():
        names = {item.code, fold(item.name_fr).replace(" ", "_"), fold(item.name_en).replace(" ", "_")}
        if wanted in names:
            return item.code
    return None


def canonical_quartier(value: str | None) -> str | None:
    """Return the canonical Douala quartier a place names (name, alias, sub-area, or a phrase holding one)."""
    if not value:
        return None
    found = quartier(value)
    if found:
        return found.name
    folded = f" {fold(value)} "
    hits = [name for name in place_names() if f" {name} " in folded]
    return place_names()[max(hits, key=len)].name if hits else None


def canonical_outside(value: str | None) -> str | None:
    """Return the proper name of a town outside Douala, or None."""
    return outside_names().get(fold(value)) if value else None


def _as_utc(value: datetime | None) -> datetime | None:
    """Return an aware UTC time; a naive time from the model is read as Douala time."""
    if value is None:
        return None
    return (value.replace(tzinfo=DOUALA) if value.tzinfo is None else value).astimezone(UTC)
