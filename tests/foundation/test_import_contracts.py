"""core's imports point one way: the import-linter contracts in pyproject.toml hold (layers, no cycle between core's
packages and modules, no UI in core), and they do catch an import that points back up."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = str(Path(sys.executable).with_name("lint-imports"))


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([LINT, "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"})


def test_core_keeps_its_import_contracts():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_an_import_pointing_back_up_breaks_the_contracts(tmp_path):
    shutil.copytree(ROOT / "core", tmp_path / "core", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    outbox = tmp_path / "core" / "messaging" / "outbox.py"
    outbox.write_text(outbox.read_text() + "\nfrom core.conversations import engine  # noqa: E402\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "core's domains import downward only BROKEN" in result.stdout
    assert "no import cycle between core's packages and modules BROKEN" in result.stdout
