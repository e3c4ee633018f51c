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


def _plant(root: Path, module: str, line: str) -> None:
    path = root / (module.replace(".", "/") + ".py")
    path.write_text(path.read_text() + f"\n{line}  # noqa: E402\n")


def test_an_import_pointing_back_up_or_at_the_ui_breaks_the_contracts(tmp_path):
    shutil.copytree(ROOT / "core", tmp_path / "core", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    _plant(tmp_path, "core.messaging.outbox", "from core.conversations import engine")
    _plant(tmp_path, "core.clock", "import nicegui")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "core's domains import downward only BROKEN" in result.stdout
    assert "no import cycle between core's packages and modules BROKEN" in result.stdout
    assert "core never imports the UI BROKEN" in result.stdout
