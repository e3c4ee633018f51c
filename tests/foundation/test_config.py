import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from core.config import Settings


def test_embedded_default_is_sqlite_in_the_data_dir(tmp_path):
    s = Settings(DJOBEA_DATA_DIR=tmp_path, DATABASE_URL="", DJOBEA_DEMO_DATA=None)
    assert s.resolved_database_url == f"sqlite:///{tmp_path.as_posix()}/djobea.db"
    assert s.is_embedded_default and s.seed_demo
    assert (s.host, s.port) == ("127.0.0.1", 8080)


def test_given_database_gets_no_demo_unless_asked():
    s = Settings(DATABASE_URL="postgresql://u@h/db", DJOBEA_DEMO_DATA=None)
    assert s.resolved_database_url == "postgresql+psycopg://u@h/db"
    assert not s.seed_demo
    assert Settings(DATABASE_URL="postgres://u@h/db", DJOBEA_DEMO_DATA=True).seed_demo


def test_storage_secret_is_generated_once_and_kept(tmp_path):
    s = Settings(DJOBEA_DATA_DIR=tmp_path, STORAGE_SECRET="")
    first = s.storage_secret_value()
    assert len(first) >= 32
    assert Settings(DJOBEA_DATA_DIR=tmp_path, STORAGE_SECRET="").storage_secret_value() == first


@pytest.mark.parametrize("secret", ["", "changeme", "secret"])
def test_production_refuses_placeholder_secrets(secret):
    with pytest.raises(ValidationError, match="STORAGE_SECRET"):
        Settings(DJOBEA_ENV="production", STORAGE_SECRET=secret, PUBLIC_BASE_URL="https://djobea.cm")


def test_production_refuses_placeholder_keys():
    with pytest.raises(ValidationError, match="TWILIO_AUTH_TOKEN"):
        Settings(DJOBEA_ENV="production", STORAGE_SECRET="a-real-long-random-value-1234567",
                 PUBLIC_BASE_URL="https://djobea.cm", TWILIO_AUTH_TOKEN="changeme")
    ok = Settings(DJOBEA_ENV="production", STORAGE_SECRET="a-real-long-random-value-1234567",
                  PUBLIC_BASE_URL="https://djobea.cm/")
    assert ok.public_base_url == "https://djobea.cm"


def test_bad_values_are_refused():
    with pytest.raises(ValidationError):
        Settings(PORT=0)
    with pytest.raises(ValidationError):
        Settings(LLM_MODE="sometimes")


def test_llm_mode_defaults_to_hybrid_only_with_a_key():
    assert Settings().effective_llm_mode == "local"
    assert Settings(ANTHROPIC_API_KEY="sk-test").effective_llm_mode == "hybrid"
    assert Settings(ANTHROPIC_API_KEY="sk-test", LLM_MODE="local").effective_llm_mode == "local"


def test_a_twilio_token_needs_the_public_address_it_signs():
    with pytest.raises(ValidationError, match="PUBLIC_BASE_URL must be set when TWILIO_AUTH_TOKEN is"):
        Settings(TWILIO_AUTH_TOKEN="a-real-token", PUBLIC_BASE_URL="")
    assert Settings(TWILIO_AUTH_TOKEN="a-real-token", PUBLIC_BASE_URL="https://djobea.cm").twilio_enabled is False
    assert Settings(TWILIO_AUTH_TOKEN="", PUBLIC_BASE_URL="").public_base_url == ""


def test_start_stops_with_a_clear_line_when_the_public_address_is_missing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PUBLIC_BASE_URL"}
    env |= {"TWILIO_AUTH_TOKEN": "a-real-token", "DJOBEA_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", "import core.config"], env=env, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().startswith("djobea cannot start: PUBLIC_BASE_URL must be set when TWILIO_AUTH_TOKEN")
    assert "Traceback" not in done.stderr
