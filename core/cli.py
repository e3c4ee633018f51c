"""The `djobea` command: serve, db upgrade, seed, admin create, analyze."""

import argparse
import getpass
import sys

from core.config import reload_settings


def main(argv: list[str] | None = None) -> int:
    """Run the djobea command line."""
    parser = argparse.ArgumentParser(prog="djobea", description="Djobea: home repairs in Douala over WhatsApp.")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="start the web server (same as python main.py)")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)

    worker = commands.add_parser("worker", help="process messages and run the sweeps (with DJOBEA_INLINE_PROCESSING=0)")
    worker.add_argument("--threads", type=int, default=4, help="conversations processed at the same time")
    worker.add_argument("--nice", type=int, default=0, help="lower this process's CPU priority (0-19)")

    db = commands.add_parser("db", help="database commands")
    db.add_argument("action", choices=["upgrade"])

    seed = commands.add_parser("seed", help="load reference data; --demo adds demo providers and past jobs")
    seed.add_argument("--demo", action="store_true")

    admin = commands.add_parser("admin", help="admin accounts")
    admin.add_argument("action", choices=["create"])
    admin.add_argument("--email", required=True)
    admin.add_argument("--role", choices=["admin", "operator"], default="admin")
    admin.add_argument("--name", default="")
    admin.add_argument("--password", default=None, help="read from a prompt when omitted")

    analyze = commands.add_parser("analyze", help="read JSON lines {'text': ...} on stdin, write analyses")
    analyze.add_argument("--engine", choices=["local", "llm", "hybrid"], default="local")

    args = parser.parse_args(argv)
    handler = {"serve": _serve, "worker": _worker, "db": _db, "seed": _seed, "admin": _admin,
               "analyze": _analyze}[args.command]
    return handler(args)


def _serve(args: argparse.Namespace) -> int:
    overrides = {k: v for k, v in (("HOST", args.host), ("PORT", args.port)) if v is not None}
    if overrides:
        reload_settings(**overrides)
    import main as app_main  # the web app lives outside core; import it only when serving

    app_main.run()
    return 0


def _worker(args: argparse.Namespace) -> int:
    from core import worker
    from core.logs import setup_logging

    setup_logging()  # the schema is the web process's (or `djobea db upgrade`'s) to migrate, never two at once
    worker.run(threads=args.threads, nice=args.nice)
    return 0


def _db(args: argparse.Namespace) -> int:
    from core.db import upgrade

    upgrade()
    print("database is at the latest schema")
    return 0


def _seed(args: argparse.Namespace) -> int:
    from core.db import session_scope, upgrade
    from core.demo import seed_demo

    upgrade()
    if not args.demo:
        print("reference data (catalogue, gazetteer) ships with the code; use --demo to add demo providers")
        return 0
    with session_scope() as session:
        added = seed_demo(session=session)
    print(f"demo data: {added['providers']} providers, {added['requests']} past requests added")
    return 0


def _admin(args: argparse.Namespace) -> int:
    from core.auth.service import AccountError, create_account
    from core.db import session_scope, upgrade

    password = args.password or getpass.getpass("password: ")
    upgrade()
    try:
        with session_scope() as session:
            account = create_account(session=session, email=args.email, password=password, role=args.role,
                                     name=args.name)
            print(f"created {account.role} {account.email}")
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from core.nlu.cli import analyze_command

    analyzer = None
    if args.engine != "local":
        from core.llm.analyze import analyzer_for

        analyzer = analyzer_for(args.engine)
    return analyze_command(args.engine, sys.stdin, sys.stdout, analyzer=analyzer)


if __name__ == "__main__":
    sys.exit(main())
