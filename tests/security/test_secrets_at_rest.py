"""Finding 12: secrets at rest. `.env` is ignored by git; the first admin password never reaches the service log
(printed only on an interactive terminal, else written once to a file only the owner reads); the data directory
and the SQLite file are the owner's alone."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name", [".env", ".env.production"])
def test_env_files_are_ignored_by_git(name):
    result = subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, f"{name} is not ignored by git"


def _first_start(data: Path, **env: str) -> subprocess.CompletedProcess:
    """Start-up as a service does it: output to a pipe (the service log), no terminal."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NICEGUI", "DJOBEA_ADMIN"))}
    environment |= {"DJOBEA_DATA_DIR": str(data), "DATABASE_URL": "", "DJOBEA_DEMO_DATA": "0",
                    "DJOBEA_ENV": "production", "STORAGE_SECRET": "a-long-random-storage-secret-0123456789",
                    "PUBLIC_BASE_URL": "https://djobea.example.cm", "LOG_LEVEL": "INFO", **env}
    code = "from core.logs import setup_logging; setup_logging(); from core.bootstrap import prepare; prepare()"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


def test_the_first_admin_password_is_never_in_the_service_log(tmp_path):
    data = tmp_path / "data"
    run = _first_start(data)
    assert run.returncode == 0, run.stderr[-2000:]
    [secret_file] = [p for p in data.iterdir() if "admin" in p.name]
    password = secret_file.read_text().split()[-1]
    assert len(password) >= 12
    assert password not in run.stdout and password not in run.stderr
    assert str(secret_file) in run.stdout + run.stderr  # the log says where to read it
    assert _mode(secret_file) == 0o600
    from core.auth.passwords import verify_password
    from core.db import make_engine

    engine = make_engine(f"sqlite:///{data / 'djobea.db'}")
    with engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT password_hash FROM account").scalar_one()
    engine.dispose()
    assert verify_password(stored, password)
    again = _first_start(data)  # written once: a second start neither rewrites nor prints it
    assert again.returncode == 0 and password not in again.stdout + again.stderr
    assert secret_file.read_text().split()[-1] == password


def test_on_an_interactive_terminal_the_password_is_printed_once(monkeypatch, tmp_path, capsys):
    from core import bootstrap

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    bootstrap.announce_first_admin("admin@djobea.cm", "a-printed-password", data_dir=tmp_path)
    assert "a-printed-password" in capsys.readouterr().out
    assert not list(tmp_path.iterdir())


def test_the_data_directory_and_the_sqlite_file_are_the_owners_alone(tmp_path):
    data = tmp_path / "data"
    old = os.umask(0o022)  # what a service typically starts with
    try:
        run = _first_start(data)
    finally:
        os.umask(old)
    assert run.returncode == 0, run.stderr[-2000:]
    assert _mode(data) == 0o700
    for name in ("djobea.db", "djobea.db-wal", "djobea.db-shm", "storage_secret"):
        if (data / name).exists():
            assert _mode(data / name) == 0o600, name
    assert (data / "djobea.db").exists()
