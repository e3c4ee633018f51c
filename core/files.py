"""Files and directories only the owner of the process can read: the data directory, the SQLite file, secrets."""

import os
from pathlib import Path

from loguru import logger


def private_dir(path: Path) -> Path:
    """Create path (and its parents) if needed and make it readable by the owner only; return it."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    _chmod(path, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Create path empty if it is missing, owner-only from its first byte; make it owner-only if it exists."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    _chmod(path, 0o600)
    return path


def write_once(path: Path, text: str) -> bool:
    """Write text to a new owner-only file; False (and nothing written) when the file already exists."""
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "w") as file:
        file.write(text)
    return True


def _chmod(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError as exc:  # owned by someone else: say so, the server still starts
        logger.warning("could not make {} owner-only: {}", path, exc.strerror)
