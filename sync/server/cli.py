"""``naskah-server``: initialise, serve and administer the central sync server.

    naskah-server init --db URL --blobs DIR
    naskah-server serve --db URL --blobs DIR [--host 127.0.0.1] [--port 8750]
    naskah-server office add --db URL --code KEC-WMN --name "Kecamatan Wamena"
    naskah-server enroll-code --db URL --office KEC-WMN [--hours 24]
    naskah-server bundle import FILE --reply REPLY --db URL --blobs DIR

``--db`` takes a SQLite file path (default ``naskah-server.db`` in the current directory),
``sqlite:///path`` or ``postgresql://user:pass@host/dbname`` (driven by psycopg 3).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sync.server import admin, db

DEFAULT_DB = "naskah-server.db"
DEFAULT_BLOBS = "naskah-blobs"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="naskah-server", description="Naskah sync server")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--db",
            default=DEFAULT_DB,
            help="SQLite file or postgresql://... URL (default: %(default)s)",
        )
        return p

    init = with_db(sub.add_parser("init", help="create the database and blob directory"))
    init.add_argument("--blobs", default=DEFAULT_BLOBS, help="blob directory")

    serve = with_db(sub.add_parser("serve", help="serve the sync API with uvicorn"))
    serve.add_argument("--blobs", default=DEFAULT_BLOBS, help="blob directory")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--lease-block", type=int, default=50, help="numbers per lease grant")

    office = sub.add_parser("office", help="manage offices")
    office_sub = office.add_subparsers(dest="office_command", required=True)
    add = with_db(office_sub.add_parser("add", help="add an office"))
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)

    code = with_db(sub.add_parser("enroll-code", help="print a one-time enrolment code"))
    code.add_argument("--office", required=True, help="office code")
    code.add_argument("--hours", type=float, default=24, help="validity (default 24)")

    bundle = sub.add_parser("bundle", help="sync by USB stick")
    bundle_sub = bundle.add_subparsers(dest="bundle_command", required=True)
    imp = with_db(bundle_sub.add_parser("import", help="apply a PC's bundle, write the reply"))
    imp.add_argument("file", type=Path, help="the bundle from the PC")
    imp.add_argument("--reply", type=Path, required=True, help="the reply file to write")
    imp.add_argument("--blobs", default=DEFAULT_BLOBS, help="blob directory")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 refused with a message on stderr)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "init":
            server_id = admin.init_server(args.db, Path(args.blobs))
            print(f"server {server_id} ready: {args.db}, blobs in {args.blobs}")
        elif args.command == "serve":
            _serve(args)
        elif args.command == "office":
            engine = db.make_engine(args.db)
            try:
                office_id = admin.add_office(engine, args.code, args.name)
            finally:
                engine.dispose()
            print(f"office {args.code} added: {office_id}")
        elif args.command == "enroll-code":
            engine = db.make_engine(args.db)
            try:
                print(admin.make_enrol_code(engine, args.office, args.hours))
            finally:
                engine.dispose()
        elif args.command == "bundle":
            _bundle_import(args)
    except (ValueError, LookupError, RuntimeError) as exc:
        print(f"naskah-server: {exc}", file=sys.stderr)
        return 1
    return 0


def _bundle_import(args: argparse.Namespace) -> None:
    from sync.server.bundle import import_bundle
    from sync.server.settings import Settings

    engine = db.make_engine(args.db)
    try:
        settings = Settings(db_url=args.db, blob_dir=Path(args.blobs))
        done = import_bundle(engine, settings, args.file, args.reply)
    finally:
        engine.dispose()
    print(
        f"bundle of device {done.device_id} ({done.office_code}) applied: "
        f"{done.mutations} mutations, {done.blobs_in} blobs in; reply {args.reply}: "
        f"{done.pages} answers, {done.blobs_out} blobs"
    )


def _serve(args: argparse.Namespace) -> None:
    import uvicorn

    from sync.server.app import create_app
    from sync.server.settings import Settings

    engine = db.make_engine(args.db)
    try:
        db.server_id(engine)  # a clear message instead of a failed start-up
    finally:
        engine.dispose()
    settings = Settings(db_url=args.db, blob_dir=Path(args.blobs), lease_block=args.lease_block)
    uvicorn.run(
        create_app(settings), host=args.host, port=args.port, access_log=False, proxy_headers=False
    )


if __name__ == "__main__":
    raise SystemExit(main())
