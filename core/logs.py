"""Structured logging: one JSON line per event, with phone numbers and secrets masked."""

import json
import re
import sys
import traceback

from loguru import logger

from core.config import settings

_PHONE = re.compile(r"\+?237\s?6(?:[\s.-]?\d){8}|\b6\d{8}\b")
_BSUID = re.compile(r"\b[A-Z]{2}\.(?:ENT\.)?[0-9A-Za-z]{8,128}\b")  # WhatsApp business-scoped user ids
_SECRET_KEYS = re.compile(r"(password|token|secret|api_key|code)", re.I)


def mask(text: str) -> str:
    """Hide the middle of any Cameroonian phone number and any WhatsApp business-scoped user id in text."""
    text = _PHONE.sub(lambda m: m.group(0)[:-6] + "***" + m.group(0)[-3:], text)
    return _BSUID.sub(lambda m: m.group(0)[:5] + "***" + m.group(0)[-3:], text)


def _clean(extra: dict) -> dict:
    return {k: ("***" if _SECRET_KEYS.search(k) else mask(str(v))) for k, v in extra.items()}


def _sink(message) -> None:
    record = message.record
    line = {
        "time": record["time"].isoformat(timespec="milliseconds"),
        "level": record["level"].name,
        "event": mask(record["message"]),
        "module": record["name"],
        **_clean(record["extra"]),
    }
    if record["exception"] is not None:
        error = record["exception"]
        line["error"] = mask(repr(error.value))[:300]
        if error.traceback is not None:  # a swallowed failure must still say where it happened
            # Where it failed (files, lines, code), never the values: no customer text from local variables.
            line["traceback"] = ("Traceback (most recent call last):\n"
                                 + "".join(traceback.format_tb(error.traceback))[-4000:])
    sys.stderr.write(json.dumps(line, ensure_ascii=False) + "\n")


def setup_logging() -> None:
    """Send loguru's records to stderr as JSON lines at the configured level."""
    logger.remove()
    logger.add(_sink, level=settings.log_level.upper(), backtrace=False, diagnose=False)


log = logger
