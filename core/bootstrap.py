"""What start-up does, for the server and the CLI alike: migrate, load reference data, seed, first admin."""

import sys
from pathlib import Path

from core.auth.service import bootstrap_admin
from core.catalog import quartiers, services
from core.config import settings
from core.db import session_scope, upgrade
from core.demo import seed_demo
from core.files import private_dir, write_once
from core.logs import log

FIRST_ADMIN_FILE = "first-admin-password.txt"


def prepare() -> dict:
    """Bring the database to the latest schema and fill what a first start needs; return what it did."""
    private_dir(settings.data_dir)
    upgrade()
    report: dict = {"services": len(services()), "quartiers": len(quartiers())}
    with session_scope() as session:
        if settings.seed_demo:
            report["demo"] = seed_demo(session=session)
        created = bootstrap_admin(session=session)
    if created:
        email, password = created
        if settings.admin_password.get_secret_value():
            print(f"\n  Admin login created: {email} / (DJOBEA_ADMIN_PASSWORD)\n", flush=True)
        else:
            announce_first_admin(email, password, data_dir=settings.data_dir)
    log.info("database ready", **{k: v for k, v in report.items() if k != "demo"})
    return report


def announce_first_admin(email: str, password: str, *, data_dir: Path) -> None:
    """Show a generated first admin password on an interactive terminal, else write it once to an owner-only file.

    A service's output ends up in its log, where the password must never be.
    """
    if sys.stdout.isatty():
        print(f"\n  Admin login created: {email} / {password}\n", flush=True)
        return
    path = data_dir / FIRST_ADMIN_FILE
    write_once(path, f"Djobea first admin (change the password after signing in, then delete this file)\n"
                     f"{email}\n{password}\n")
    print(f"\n  Admin login created: {email}; its password is in {path} (readable by this user only)\n", flush=True)
