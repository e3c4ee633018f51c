"""What start-up does, for the server and the CLI alike: migrate, load reference data, seed, first admin."""

from core.auth.service import bootstrap_admin
from core.catalog import quartiers, services
from core.config import settings
from core.db import session_scope, upgrade
from core.demo import seed_demo
from core.logs import log


def prepare() -> dict:
    """Bring the database to the latest schema and fill what a first start needs; return what it did."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade()
    report: dict = {"services": len(services()), "quartiers": len(quartiers())}
    with session_scope() as session:
        if settings.seed_demo:
            report["demo"] = seed_demo(session=session)
        created = bootstrap_admin(session=session)
    if created:
        email, password = created
        given = bool(settings.admin_password.get_secret_value())
        # Printed once, to the console of whoever started the server; never logged.
        print(f"\n  Admin login created: {email} / {'(DJOBEA_ADMIN_PASSWORD)' if given else password}\n", flush=True)
    log.info("database ready", **{k: v for k, v in report.items() if k != "demo"})
    return report
